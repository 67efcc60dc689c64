//! The start screen: a calm welcome and one big button to begin.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::Screen;
use crate::app::theme;
use crate::app::words::Words;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_start.run_if(in_state(Screen::Start)));
}

fn draw_start(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    theme::card_window("start").show(ctx, |ui| {
        ui.label(theme::heading(words.ui("app-title")));
        ui.label(theme::body(words.ui("app-subtitle")));
        ui.add_space(24.0);
        if ui.add(theme::big_button(words.ui("app-begin"))).clicked() {
            next.set(Screen::Choose);
        }
        ui.add_space(12.0);
        if ui.add(theme::button(words.ui("app-quit"))).clicked() {
            exit.write(AppExit::Success);
        }
    });
    Ok(())
}

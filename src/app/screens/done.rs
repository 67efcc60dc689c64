//! The done screen: warm words, what was done, how long it took, and what next.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::Screen;
use crate::app::theme;
use crate::app::walkthrough::{Active, StartScenario};
use crate::app::words::Words;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_done.run_if(in_state(Screen::Done)));
}

fn draw_done(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    active: Option<Res<Active>>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let records = active.engine.records();
    let minutes = (active.engine.total_secs() / 60.0).ceil().max(1.0) as u32;
    theme::card_window("done").show(ctx, |ui| {
        ui.label(theme::heading(words.ui("app-done-title")));
        ui.label(theme::body(words.say(&active.scenario().title)));
        ui.label(theme::body(words.ui_with("app-done-steps", "steps", records.len())));
        ui.label(theme::body(words.ui_with("app-done-minutes", "minutes", minutes)));
        if let Some(feedback) = &active.view.feedback {
            ui.label(theme::body(words.say(&feedback.message)));
        }
        ui.add_space(16.0);
        if ui.add(theme::big_button(words.ui("app-again"))).clicked() {
            start.write(StartScenario(active.engine.scenario().clone()));
        }
        if ui.add(theme::button(words.ui("app-choose-another"))).clicked() {
            next.set(Screen::Choose);
        }
    });
    Ok(())
}

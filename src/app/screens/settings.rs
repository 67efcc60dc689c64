//! The settings screen: text size, language and full screen, each a row of
//! big buttons; the chosen one is marked with a tick and a thick border, not
//! by colour alone. Changes apply at once and are remembered.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::preferences::{ChangeSettings, Prefs};
use crate::app::theme;
use crate::app::words::Words;
use crate::i18n::Lang;
use crate::settings::TEXT_SCALES;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_settings.run_if(in_state(Screen::Settings)));
}

fn draw_settings(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    prefs: Res<Prefs>,
    mut change: MessageWriter<ChangeSettings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut wanted = prefs.0.clone();
    theme::menu(ctx, "settings", |ui| {
        ui.label(theme::heading(words.ui("app-settings")));
        ui.add_space(12.0);

        ui.label(theme::body(words.ui("settings-text-size")));
        ui.horizontal_wrapped(|ui| {
            for scale in TEXT_SCALES {
                let label = format!("{scale}%");
                if ui.add(theme::choice(label, wanted.text_scale == scale)).clicked() {
                    wanted.text_scale = scale;
                }
            }
        });
        ui.label(egui::RichText::new(words.ui("settings-sample")).size(theme::px(theme::BODY_PX)).color(theme::INK));
        ui.add_space(12.0);

        ui.label(theme::body(words.ui("settings-language")));
        ui.horizontal_wrapped(|ui| {
            let current = wanted.lang.unwrap_or(words.lang);
            for (lang, name) in [(Lang::ZhCn, "中文"), (Lang::EnUs, "English")] {
                if ui.add(theme::choice(name, current == lang)).clicked() {
                    wanted.lang = Some(lang);
                }
            }
        });
        ui.add_space(12.0);

        ui.label(theme::body(words.ui("settings-fullscreen")));
        ui.horizontal(|ui| {
            if ui.add(theme::choice(words.ui("settings-on"), wanted.fullscreen)).clicked() {
                wanted.fullscreen = true;
            }
            if ui.add(theme::choice(words.ui("settings-off"), !wanted.fullscreen)).clicked() {
                wanted.fullscreen = false;
            }
        });
        ui.add_space(20.0);
        if ui.add(theme::primary_button(words.ui("app-back"))).clicked() {
            next.set(Screen::Start);
        }
    });
    if wanted != prefs.0 {
        change.write(ChangeSettings(wanted));
    }
    Ok(())
}

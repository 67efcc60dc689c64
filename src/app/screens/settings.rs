//! The settings screen: text size, language, full screen and the voice, each a row of
//! big buttons; the chosen one is marked with a tick and a thick border, not
//! by colour alone. Changes apply at once and are remembered.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::flow::ProjectRoot;
use crate::app::services::preferences::{ChangeSettings, Prefs};
use crate::app::theme::{self, Theme};
use crate::app::words::Words;
use crate::i18n::{Lang, Messages};
use crate::settings::{TEXT_SCALES, VOLUMES, VoiceSettings};
use crate::voice;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_settings.run_if(in_state(Screen::Settings)));
}

fn draw_settings(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    prefs: Res<Prefs>,
    root: Res<ProjectRoot>,
    mut languages: Local<Option<Vec<(Lang, String)>>>,
    mut packs: Local<Option<(Lang, Vec<(String, String)>)>>,
    mut change: MessageWriter<ChangeSettings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut wanted = prefs.0.clone();
    theme::menu(ctx, "settings", |ui| {
        // Back sits next to the heading, so it is never scrolled out of reach.
        ui.horizontal(|ui| {
            ui.label(theme.heading(words.ui("app-settings")));
            ui.add_space(24.0);
            if ui.add(theme.primary_button(words.ui("app-back"))).clicked() {
                next.set(Screen::Start);
            }
        });
        ui.add_space(8.0);
        let scales: Vec<(u32, String)> = TEXT_SCALES.iter().map(|s| (*s, format!("{s}%"))).collect();
        row(ui, &theme, &words.ui("settings-text-size"), &scales, &mut wanted.text_scale);
        ui.label(egui::RichText::new(words.ui("settings-sample")).size(theme.px(theme::BODY_PX)).color(theme::INK));
        let mut lang = wanted.lang.unwrap_or(words.lang);
        // Each language by its own name; a language folder added later shows after a restart.
        let langs = languages.get_or_insert_with(|| {
            let found = Lang::available(&root.0.locales_dir());
            found.into_iter().map(|l| (l, Messages::embedded(l).text("language-name"))).collect()
        });
        row(ui, &theme, &words.ui("settings-language"), langs, &mut lang);
        if lang != wanted.lang.unwrap_or(words.lang) {
            wanted.lang = Some(lang);
        }
        let on_off = [(true, words.ui("settings-on")), (false, words.ui("settings-off"))];
        row(ui, &theme, &words.ui("settings-fullscreen"), &on_off, &mut wanted.fullscreen);
        row(ui, &theme, &words.ui("settings-big-pointer"), &on_off, &mut wanted.big_pointer);
        let places = [(true, words.ui("settings-screens-world")), (false, words.ui("settings-screens-flat"))];
        row(ui, &theme, &words.ui("settings-screens"), &places, &mut wanted.screens_in_world);
        // The language's voice packs (folder, name), read once per language shown.
        if packs.as_ref().is_none_or(|(l, _)| *l != words.lang) {
            let found = voice::packs(&root.0, words.lang.tag());
            *packs = Some((
                words.lang,
                found
                    .into_iter()
                    .map(|folder| {
                        let name = voice::pack_name(&root.0, &folder);
                        (folder, name)
                    })
                    .collect(),
            ));
        }
        let packs = packs.as_ref().map_or(&[][..], |(_, p)| &p[..]);
        voice_rows(ui, &theme, &words, packs, &on_off, &mut wanted.voice);
    });
    if wanted != prefs.0 {
        change.write(ChangeSettings(wanted));
    }
    Ok(())
}

/// One setting: its name, then a big button per choice (the chosen one ticked).
fn row<T: PartialEq + Clone>(ui: &mut egui::Ui, theme: &Theme, label: &str, options: &[(T, String)], value: &mut T) {
    ui.horizontal_wrapped(|ui| {
        let name = ui.add(egui::Label::new(theme.body(label)).wrap());
        // A column for the names, so the choices line up.
        ui.add_space((LABEL_WIDTH - name.rect.width()).max(8.0));
        for (option, text) in options {
            if ui.add(theme.choice(text.clone(), value == option)).clicked() {
                *value = option.clone();
            }
        }
    });
    ui.add_space(6.0);
}

/// The width of the settings' names before their choices.
const LABEL_WIDTH: f32 = 250.0;

/// Voice on/off, loudness, speed, repetition and (when a centre has one) the voice pack.
fn voice_rows(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    packs: &[(String, String)],
    on_off: &[(bool, String)],
    wanted: &mut VoiceSettings,
) {
    row(ui, theme, &words.ui("settings-voice"), on_off, &mut wanted.on);
    if !wanted.on {
        return;
    }
    let volumes: Vec<(u32, String)> = VOLUMES.iter().map(|v| (*v, words.ui(&format!("settings-volume-{v}")))).collect();
    row(ui, theme, &words.ui("settings-volume"), &volumes, &mut wanted.volume);
    let rates = [(true, words.ui("settings-rate-slow")), (false, words.ui("settings-rate-normal"))];
    row(ui, theme, &words.ui("settings-rate"), &rates, &mut wanted.slow);
    let repeats: Vec<(u32, String)> = voice::repeat::CHOICES_SECS
        .iter()
        .map(|s| {
            let text = if *s == 0 {
                words.ui("settings-repeat-never")
            } else {
                words.ui_with("settings-repeat-after", "seconds", s)
            };
            (*s, text)
        })
        .collect();
    row(ui, theme, &words.ui("settings-repeat"), &repeats, &mut wanted.repeat_after_secs);
    if packs.is_empty() {
        return;
    }
    let choices: Vec<(Option<String>, String)> = std::iter::once((None, words.ui("settings-voice-pack-standard")))
        .chain(packs.iter().map(|(folder, name)| (Some(folder.clone()), name.clone())))
        .collect();
    row(ui, theme, &words.ui("settings-voice-pack"), &choices, &mut wanted.pack);
}

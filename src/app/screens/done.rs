//! The done screen: warm words, what was done, how long it took, and what next.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::preferences::Prefs;
use crate::app::records::{CurrentLearner, FirstCompletion};
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
    learner: Res<CurrentLearner>,
    mut first: ResMut<FirstCompletion>,
    prefs: Res<Prefs>,
    mut saved: Local<Option<String>>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let records = active.engine.records();
    let minutes = (active.engine.total_secs() / 60.0).ceil().max(1.0) as u32;
    theme::menu(ctx, "done", |ui| {
        ui.label(theme::heading(words.ui("app-done-title")));
        ui.label(theme::body(words.say(&active.scenario().title)));
        ui.label(theme::body(words.ui_with("app-done-steps", "steps", records.len())));
        ui.label(theme::body(words.ui_with("app-done-minutes", "minutes", minutes)));
        if let Some(feedback) = &active.view.feedback {
            ui.label(theme::body(words.say(&feedback.message)));
        }
        // The first completion by a named learner earns a printable certificate.
        if let (Some(learner), Some(_)) = (&learner.0, &first.0) {
            ui.add_space(12.0);
            match saved.as_ref() {
                None => {
                    if ui.add(theme::primary_button(words.ui("app-certificate"))).clicked() {
                        *saved = Some(certificate(&words, &learner.name, &active, &prefs));
                    }
                }
                Some(message) => {
                    ui.add(egui::Label::new(theme::body(message.clone())).wrap());
                }
            }
        }
        ui.add_space(16.0);
        if ui.add(theme::big_button(words.ui("app-again"))).clicked() {
            first.0 = None;
            *saved = None;
            start.write(StartScenario {
                scenario: active.engine.scenario().clone(),
                at: None,
                preview: active.preview,
            });
        }
        if ui.add(theme::button(words.ui("app-choose-another"))).clicked() {
            first.0 = None;
            *saved = None;
            next.set(Screen::Choose);
        }
    });
    Ok(())
}

/// Draws the certificate into the output folder and says where it is.
fn certificate(words: &Words, name: &str, active: &Active, prefs: &Prefs) -> String {
    use crate::progress::certificate::{Certificate, write_png};
    let title = words.say(&active.scenario().title);
    let now = jiff::Zoned::now();
    let date = words.app.get(
        "certificate-date",
        &[
            ("year".to_owned(), now.year().to_string()),
            ("month".to_owned(), now.month().to_string()),
            ("day".to_owned(), now.day().to_string()),
        ]
        .into(),
    );
    let cert = Certificate {
        heading: words.ui("certificate-heading"),
        learner: name.to_owned(),
        achievement: words.ui_with("certificate-achievement", "scenario", title),
        date,
        centre: prefs.0.centre_name.clone(),
    };
    let dir = super::trainer::output_dir();
    let file = dir.join(format!("{}-{}-{}.png", words.ui("certificate-heading"), name, now.strftime("%Y%m%d")));
    let result = std::fs::create_dir_all(&dir)
        .map_err(|e| e.to_string())
        .and_then(|()| write_png(&cert, crate::app::theme::CJK_FONT, &file).map_err(|e| e.to_string()));
    match result {
        Ok(()) => {
            info!("certificate saved: {}", file.display());
            words.ui_with("app-certificate-saved", "file", file.display())
        }
        Err(e) => {
            warn!("certificate not saved: {e}");
            words.ui_with("app-certificate-failed", "reason", e)
        }
    }
}

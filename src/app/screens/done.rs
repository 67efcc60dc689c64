//! The done screen: warm words, what was done, how long it took, and what next.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::services::preferences::Prefs;
use crate::app::services::records::{CurrentLearner, FirstCompletion};
use crate::app::services::trainer::{CertificateStatus, FileStatus, SaveCertificate};
use crate::app::theme::{self, Theme};
use crate::app::walkthrough::{Active, StartScenario};
use crate::app::words::Words;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_done.run_if(in_state(Screen::Done)));
}

fn draw_done(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    active: Option<Res<Active>>,
    learner: Res<CurrentLearner>,
    first: Res<FirstCompletion>,
    prefs: Res<Prefs>,
    certificate: Res<CertificateStatus>,
    mut save: MessageWriter<SaveCertificate>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let records = active.engine.records();
    let minutes = (active.engine.total_secs() / 60.0).ceil().max(1.0) as u32;
    theme::menu(ctx, "done", |ui| {
        ui.label(theme.heading(words.ui("app-done-title")));
        ui.label(theme.body(words.say(&active.scenario().title)));
        ui.label(theme.body(words.ui_with("app-done-steps", "steps", records.len())));
        ui.label(theme.body(words.ui_with("app-done-minutes", "minutes", minutes)));
        if let Some(feedback) = &active.view.feedback {
            ui.label(theme.body(words.say(&feedback.message)));
        }
        // The first completion by a named learner earns a printable certificate.
        if let (Some(learner), Some(_)) = (&learner.0, &first.0) {
            ui.add_space(12.0);
            let said = match &certificate.0 {
                FileStatus::None => {
                    if ui.add(theme.primary_button(words.ui("app-certificate"))).clicked() {
                        save.write(SaveCertificate {
                            learner: learner.name.clone(),
                            scenario: words.say(&active.scenario().title),
                            centre: prefs.0.centre_name.clone(),
                        });
                    }
                    None
                }
                FileStatus::Writing => Some(words.ui("app-certificate-saving")),
                FileStatus::Written(file) => Some(words.ui_with("app-certificate-saved", "file", file.display())),
                FileStatus::Failed(reason) => Some(words.ui_with("app-certificate-failed", "reason", reason)),
            };
            if let Some(said) = said {
                ui.add(egui::Label::new(theme.body(said)).wrap());
            }
        }
        ui.add_space(16.0);
        if ui.add(theme.big_button(words.ui("app-again"))).clicked() {
            start.write(StartScenario {
                scenario: active.engine.scenario().clone(),
                at: None,
                preview: active.preview,
            });
        }
        if ui.add(theme.button(words.ui("app-choose-another"))).clicked() {
            next.set(Screen::Choose);
        }
    });
    Ok(())
}

//! Choosing a scenario: one big card per scenario (title, what it teaches,
//! minutes), and a plain card for each file that needs fixing.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::Screen;
use crate::app::library::Library;
use crate::app::records::{CompletedByLearner, CurrentLearner};
use crate::app::theme;
use crate::app::walkthrough::StartScenario;
use crate::app::words::Words;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_choose.run_if(in_state(Screen::Choose)));
}

fn draw_choose(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    library: Res<Library>,
    completed: Res<CompletedByLearner>,
    learner: Res<CurrentLearner>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    theme::menu(ctx, "choose", |ui| {
        ui.label(theme::heading(words.ui("app-choose")));
        let who = learner.0.as_ref().map_or_else(|| words.ui("app-guest"), |l| l.name.clone());
        ui.label(theme::body(words.ui_with("app-practising-as", "name", who)));
        ui.scope(|ui| {
            for scenario in &library.ready {
                let minutes = words.ui_with("app-minutes", "minutes", scenario.minutes);
                // Done before: a tick and words on the title line, not colour alone.
                let done = if completed.0.contains(&scenario.id) {
                    format!("    {}", words.ui("app-completed"))
                } else {
                    String::new()
                };
                let text =
                    format!("{} · {minutes}{done}\n{}", words.say(&scenario.title), words.say(&scenario.summary));
                if ui.add(theme::card_button(text)).clicked() {
                    start.write(StartScenario(scenario.clone()));
                }
                ui.add_space(12.0);
            }
            for card in &library.broken {
                ui.add_space(8.0);
                theme::notice_frame().show(ui, |ui| {
                    ui.label(theme::notice(words.ui_with("app-scenario-broken", "file", &card.file)));
                    if let Some(place) = &card.place {
                        ui.label(theme::body(words.ui_with("app-broken-where", "place", place)));
                    }
                    ui.label(theme::body(card.problem.clone()));
                    ui.label(theme::body(card.fix.clone()));
                });
            }
        });
        ui.add_space(12.0);
        if ui.add(theme::button(words.ui("app-back"))).clicked() {
            next.set(Screen::Start);
        }
    });
    Ok(())
}

//! Choosing a scenario: one big card per scenario (title, what it teaches,
//! minutes), and a plain card for each file that needs fixing.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::library::{BrokenCard, Library};
use crate::app::services::records::{CompletedByLearner, CurrentLearner};
use crate::app::theme::{self, Theme};
use crate::app::walkthrough::StartScenario;
use crate::app::words::Words;
use crate::scenario::Environment;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_choose.run_if(in_state(Screen::Choose)));
}

fn draw_choose(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    library: Res<Library>,
    completed: Res<CompletedByLearner>,
    learner: Res<CurrentLearner>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    theme::menu(ctx, "choose", |ui| {
        ui.label(theme.heading(words.ui("app-choose")));
        let who = learner.0.as_ref().map_or_else(|| words.ui("app-guest"), |l| l.name.clone());
        ui.label(theme.body(words.ui_with("app-practising-as", "name", who)));
        ui.scope(|ui| {
            for scenario in library.ready() {
                let minutes = words.ui_with("app-minutes", "minutes", scenario.minutes);
                // Done before: a tick and words on the title line, not colour alone.
                let done = if completed.0.contains(&scenario.id) {
                    format!("    {}", words.ui("app-completed"))
                } else {
                    String::new()
                };
                let text =
                    format!("{} · {minutes}{done}\n{}", words.say(&scenario.title), words.say(&scenario.summary));
                let clicked = ui
                    .horizontal(|ui| {
                        let picture = emblem(ui, scenario.environment, &words.say(&scenario.title));
                        let card = ui.add(theme.card_button(text));
                        picture.clicked() || card.clicked()
                    })
                    .inner;
                if clicked {
                    start.write(StartScenario::practice(scenario.clone()));
                }
                ui.add_space(12.0);
            }
            for broken in &library.0.broken {
                let card = BrokenCard::from_unplayable(broken, &words.app);
                ui.add_space(8.0);
                theme::notice_frame().show(ui, |ui| {
                    ui.label(theme.notice(words.ui_with("app-scenario-broken", "file", &card.file)));
                    if let Some(place) = &card.place {
                        ui.label(theme.body(words.ui_with("app-broken-where", "place", place)));
                    }
                    ui.label(theme.body(card.problem));
                    ui.label(theme.body(card.fix));
                });
            }
        });
        ui.add_space(12.0);
        if ui.add(theme.button(words.ui("app-back"))).clicked() {
            next.set(Screen::Start);
        }
    });
    Ok(())
}

/// A simple picture of the place a scenario happens in, drawn with lines (a cross
/// for the hospital, a house for home, a hall with columns for the service hall),
/// so the card can be recognised before it is read. Tapping it starts the scenario too; a
/// screen reader calls it a picture of the scenario it starts.
fn emblem(ui: &mut egui::Ui, environment: Environment, title: &str) -> egui::Response {
    let size = egui::vec2(96.0, 96.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Image, true, title));
    let painter = ui.painter_at(rect);
    let fill = match environment {
        Environment::HospitalLobby => egui::Color32::from_rgb(0xd6, 0xec, 0xef),
        Environment::LivingRoom => egui::Color32::from_rgb(0xf6, 0xe3, 0xc6),
        Environment::ServiceHall => egui::Color32::from_rgb(0xe4, 0xe0, 0xf2),
    };
    painter.rect_filled(rect, 12.0, fill);
    let ink = egui::Stroke::new(6.0, theme::INK);
    let c = rect.center();
    let p = |x: f32, y: f32| c + egui::vec2(x, y);
    match environment {
        Environment::HospitalLobby => {
            painter.line_segment([p(0.0, -28.0), p(0.0, 28.0)], egui::Stroke::new(14.0, theme::INK));
            painter.line_segment([p(-28.0, 0.0), p(28.0, 0.0)], egui::Stroke::new(14.0, theme::INK));
        }
        Environment::LivingRoom => {
            painter.line_segment([p(-32.0, -2.0), p(0.0, -30.0)], ink);
            painter.line_segment([p(0.0, -30.0), p(32.0, -2.0)], ink);
            painter.rect_stroke(
                egui::Rect::from_min_max(p(-22.0, -6.0), p(22.0, 28.0)),
                0.0,
                ink,
                egui::StrokeKind::Middle,
            );
            painter.rect_filled(egui::Rect::from_min_max(p(-6.0, 8.0), p(6.0, 28.0)), 0.0, theme::INK);
        }
        Environment::ServiceHall => {
            painter.line_segment([p(-34.0, -14.0), p(0.0, -32.0)], ink);
            painter.line_segment([p(0.0, -32.0), p(34.0, -14.0)], ink);
            painter.line_segment([p(-34.0, -14.0), p(34.0, -14.0)], ink);
            for x in [-22.0, 0.0, 22.0] {
                painter.line_segment([p(x, -8.0), p(x, 22.0)], ink);
            }
            painter.line_segment([p(-34.0, 28.0), p(34.0, 28.0)], ink);
        }
    }
    response
}

//! Choosing a scenario: the course, module by module in the suggested order
//! ([`crate::scenario::course`]), each task a big card (its number in the course, title,
//! what it teaches, minutes, done or not for this learner), the suggested next task first;
//! then a plain card for each file that needs fixing. No typing anywhere.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::library::{BrokenCard, Library};
use crate::app::services::records::{CompletedByLearner, CurrentLearner};
use crate::app::theme::{self, Theme};
use crate::app::walkthrough::StartScenario;
use crate::app::words::Words;
use crate::scenario::course::{arrange, suggested_next};
use crate::scenario::{Environment, Scenario};

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
            let parts = arrange(library.ready());
            let mut card = |ui: &mut egui::Ui, number: Option<usize>, scenario: &Arc<Scenario>| {
                let minutes = words.ui_with("app-minutes", "minutes", scenario.minutes);
                // Done before: a tick and words on the title line, not colour alone.
                let done = if completed.0.contains(&scenario.id) {
                    format!("    {}", words.ui("app-completed"))
                } else {
                    String::new()
                };
                let number = number.map(|n| format!("{n}. ")).unwrap_or_default();
                let text = format!(
                    "{number}{} · {minutes}{done}\n{}",
                    words.say(&scenario.title),
                    words.say(&scenario.summary)
                );
                let clicked = ui
                    .horizontal(|ui| {
                        let picture = emblem(ui, scenario.environment, &words.say(&scenario.title));
                        let card = ui.add(theme.card_button(text));
                        picture.clicked() || card.clicked()
                    })
                    .inner;
                if clicked {
                    start.write(StartScenario::practice(Arc::clone(scenario)));
                }
                ui.add_space(12.0);
            };
            // A file that does not load is told at the top too (its card with what to fix is
            // at the bottom, after the course): the trainer sees it without scrolling.
            let broken = library.0.broken.len();
            if broken > 0 {
                theme::notice_frame().show(ui, |ui| {
                    ui.label(theme.notice(words.ui_with("app-broken-summary", "count", broken)));
                });
                ui.add_space(8.0);
            }
            // The suggested next task, first: no need to scroll for it.
            if let Some(next) = suggested_next(&parts, &completed.0) {
                ui.label(theme.heading(words.ui("app-suggested-next")));
                card(ui, None, next);
            }
            let mut number = 0;
            for part in &parts {
                let done = part.tasks.iter().filter(|t| completed.0.contains(&t.id)).count();
                let name = part.module.map_or_else(|| words.ui("app-module-more"), |m| words.ui(m.message()));
                let tally = words.app.get(
                    "app-module-done",
                    &[("done".to_owned(), done.to_string()), ("total".to_owned(), part.tasks.len().to_string())].into(),
                );
                ui.add_space(8.0);
                ui.label(theme.heading(format!("{name} · {tally}")));
                for task in &part.tasks {
                    let shown = part.module.map(|_| {
                        number += 1;
                        number
                    });
                    card(ui, shown, task);
                }
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
        Environment::BankHall => egui::Color32::from_rgb(0xf3, 0xe5, 0xc8),
        Environment::Street => egui::Color32::from_rgb(0xfd, 0xf1, 0xb8),
        Environment::BusStop => egui::Color32::from_rgb(0xd4, 0xee, 0xdc),
        Environment::Market => egui::Color32::from_rgb(0xf9, 0xdd, 0xd2),
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
        Environment::BankHall => {
            // A coin with the yuan sign in a hall's front.
            painter.line_segment([p(-34.0, -14.0), p(0.0, -32.0)], ink);
            painter.line_segment([p(0.0, -32.0), p(34.0, -14.0)], ink);
            painter.line_segment([p(-34.0, 28.0), p(34.0, 28.0)], ink);
            painter.circle_stroke(p(0.0, 8.0), 16.0, ink);
            painter.text(p(0.0, 8.0), egui::Align2::CENTER_CENTER, "¥", egui::FontId::proportional(24.0), theme::INK);
        }
        Environment::Street => {
            // A car from the side.
            painter.rect_stroke(
                egui::Rect::from_min_max(p(-36.0, -4.0), p(36.0, 16.0)),
                4.0,
                ink,
                egui::StrokeKind::Middle,
            );
            painter.line_segment([p(-20.0, -4.0), p(-10.0, -22.0)], ink);
            painter.line_segment([p(-10.0, -22.0), p(14.0, -22.0)], ink);
            painter.line_segment([p(14.0, -22.0), p(24.0, -4.0)], ink);
            for x in [-20.0, 20.0] {
                painter.circle_filled(p(x, 20.0), 9.0, theme::INK);
            }
        }
        Environment::BusStop => {
            // A bus from the front: windscreen and two wheels.
            painter.rect_stroke(
                egui::Rect::from_min_max(p(-26.0, -32.0), p(26.0, 24.0)),
                8.0,
                ink,
                egui::StrokeKind::Middle,
            );
            painter.rect_filled(egui::Rect::from_min_max(p(-18.0, -24.0), p(18.0, -2.0)), 2.0, theme::INK);
            for x in [-16.0, 16.0] {
                painter.circle_filled(p(x, 12.0), 5.0, theme::INK);
                painter.rect_filled(egui::Rect::from_min_max(p(x - 6.0, 24.0), p(x + 6.0, 32.0)), 2.0, theme::INK);
            }
        }
        Environment::Market => {
            // A stall: a scalloped awning over a counter.
            painter.line_segment([p(-34.0, -24.0), p(34.0, -24.0)], ink);
            for k in 0..4 {
                let x = -34.0 + 17.0 * k as f32;
                painter.line_segment([p(x, -24.0), p(x + 8.5, -10.0)], ink);
                painter.line_segment([p(x + 8.5, -10.0), p(x + 17.0, -24.0)], ink);
            }
            painter.rect_stroke(
                egui::Rect::from_min_max(p(-30.0, 6.0), p(30.0, 28.0)),
                0.0,
                ink,
                egui::StrokeKind::Middle,
            );
            for x in [-28.0, 28.0] {
                painter.line_segment([p(x, -10.0), p(x, 6.0)], ink);
            }
        }
    }
    response
}

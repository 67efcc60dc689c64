//! The start screen: a calm welcome, then "who is practising?" — one big card
//! per learner and a guest card, so nobody has to type to begin. Adding a
//! learner takes only a display name. Notices about the progress store wait
//! here for the trainer, each with a big button to close it.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::records::{CurrentLearner, Records, now_ms};
use crate::app::theme;
use crate::app::words::Words;
use crate::progress::Learner;

/// The learners to show, read when the screen opens (not every frame).
#[derive(Resource, Default)]
struct LearnerCards {
    learners: Vec<Learner>,
    /// `Some` while the "add a learner" box is open: the name typed so far.
    adding: Option<String>,
    /// Put the keyboard in the name box once, when it opens.
    focus_name: bool,
    /// The group (class) for new learners; kept, since a trainer adds a class at a time.
    group: String,
}

/// What the "add a learner" box asked for this frame.
enum AddLearner {
    Add(String),
    Cancel,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LearnerCards>()
        .add_systems(OnEnter(Screen::Start), read_learners)
        .add_systems(EguiPrimaryContextPass, draw_start.run_if(in_state(Screen::Start)));
}

fn read_learners(records: Res<Records>, mut cards: ResMut<LearnerCards>) {
    cards.learners = records.with(|s| s.learners()).unwrap_or_default();
    cards.adding = None;
}

fn parse_colour(hex: &str) -> egui::Color32 {
    let channel = |i: usize| hex.get(i..i + 2).and_then(|c| u8::from_str_radix(c, 16).ok()).unwrap_or(0xee);
    egui::Color32::from_rgb(channel(1), channel(3), channel(5))
}

fn draw_start(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    mut records: ResMut<Records>,
    mut cards: ResMut<LearnerCards>,
    mut current: ResMut<CurrentLearner>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    theme::menu(ctx, "start", |ui| {
        ui.label(theme::heading(words.ui("app-title")));
        ui.label(theme::body(words.ui("app-subtitle")));
        let mut dismissed = None;
        for (i, notice) in records.notices.iter().enumerate() {
            ui.add_space(8.0);
            theme::notice_frame().show(ui, |ui| {
                ui.add(egui::Label::new(theme::notice(notice.clone())).wrap());
                if ui.add(theme::primary_button(words.ui("app-acknowledge"))).clicked() {
                    dismissed = Some(i);
                }
            });
        }
        if let Some(i) = dismissed {
            records.notices.remove(i);
        }

        ui.add_space(16.0);
        ui.label(theme::body(words.ui("app-who")));
        ui.add_space(8.0);
        ui.scope(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(16.0, 16.0);
                for learner in &cards.learners {
                    let card = theme::name_card(learner.name.clone(), parse_colour(&learner.colour));
                    if ui.add(card).clicked() {
                        current.0 = Some(learner.clone());
                        next.set(Screen::Choose);
                    }
                }
                if ui.add(theme::name_card(words.ui("app-guest"), egui::Color32::WHITE)).clicked() {
                    current.0 = None;
                    next.set(Screen::Choose);
                }
            });
        });

        ui.add_space(12.0);
        let mut added = None;
        let cards = &mut *cards;
        match &mut cards.adding {
            None => {
                if ui.add(theme::button(words.ui("app-add-learner"))).clicked() {
                    cards.adding = Some(String::new());
                    cards.focus_name = true;
                }
            }
            Some(name) => {
                fn field(text: &mut String) -> egui::TextEdit<'_> {
                    egui::TextEdit::singleline(text)
                        .font(egui::FontId::proportional(theme::px(theme::BUTTON_PX)))
                        .desired_width(420.0)
                        .min_size(egui::vec2(420.0, theme::BUTTON_MIN.y))
                }
                ui.label(theme::body(words.ui("app-learner-name")));
                let response = ui.add(field(name));
                if std::mem::take(&mut cards.focus_name) {
                    response.request_focus();
                }
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(theme::body(words.ui("app-learner-group")));
                ui.add(field(&mut cards.group));
                ui.horizontal(|ui| {
                    if (ui.add(theme::primary_button(words.ui("app-ok"))).clicked() || enter) && !name.trim().is_empty()
                    {
                        added = Some(AddLearner::Add(name.clone()));
                    }
                    if ui.add(theme::button(words.ui("app-cancel"))).clicked() {
                        added = Some(AddLearner::Cancel);
                    }
                });
            }
        }
        match added {
            Some(AddLearner::Add(name)) => {
                cards.adding = None;
                let group = Some(cards.group.as_str());
                if let Some(learner) = records.with(|s| s.add_learner(&name, group, now_ms())) {
                    cards.learners.push(learner.clone());
                    current.0 = Some(learner);
                    next.set(Screen::Choose);
                }
            }
            Some(AddLearner::Cancel) => cards.adding = None,
            None => {}
        }

        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if ui.add(theme::button(words.ui("app-settings"))).clicked() {
                next.set(Screen::Settings);
            }
            if ui.add(theme::button(words.ui("app-trainer"))).clicked() {
                next.set(Screen::Trainer);
            }
            if ui.add(theme::button(words.ui("app-quit"))).clicked() {
                exit.write(AppExit::Success);
            }
        });
    });
    Ok(())
}

//! The start screen: a calm welcome, then "who is practising?" — one big card
//! per learner and a guest card, so nobody has to type to begin. Adding a
//! learner takes only a display name. Notices about the progress store wait
//! here for the trainer, each with a big button to close it.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::services::records::{AddLearner, ChooseLearner, DismissNotice, Learners, StoreNotices};
use crate::app::theme::{self, Theme};
use crate::app::words::Words;
use crate::senior::Rgb;

/// What is being typed on the start screen (screen state only).
#[derive(Resource, Default)]
struct LearnerCards {
    /// `Some` while the "add a learner" box is open: the name typed so far.
    adding: Option<String>,
    /// Put the keyboard in the name box once, when it opens.
    focus_name: bool,
    /// The group (class) for new learners; kept, since a trainer adds a class at a time.
    group: String,
}

/// What the "add a learner" box asked for this frame.
enum Typed {
    Add(String),
    Cancel,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LearnerCards>()
        .add_systems(OnEnter(Screen::Start), |mut cards: ResMut<LearnerCards>| cards.adding = None)
        .add_systems(EguiPrimaryContextPass, draw_start.run_if(in_state(Screen::Start)));
}

/// A learner's card colour (`#rrggbb`), pale grey when unreadable.
fn card_colour(hex: &str) -> egui::Color32 {
    crate::app::theme::rgb(Rgb::parse(hex).unwrap_or(Rgb(0xee, 0xee, 0xee)))
}

fn draw_start(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    learners: Res<Learners>,
    notices: Res<StoreNotices>,
    mut cards: ResMut<LearnerCards>,
    mut choose: MessageWriter<ChooseLearner>,
    mut add: MessageWriter<AddLearner>,
    mut dismiss: MessageWriter<DismissNotice>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    theme::menu(ctx, "start", |ui| {
        ui.label(theme.heading(words.ui("app-title")));
        ui.label(theme.body(words.ui("app-subtitle")));
        for (i, notice) in notices.0.iter().enumerate() {
            ui.add_space(8.0);
            theme::notice_frame().show(ui, |ui| {
                ui.add(egui::Label::new(theme.notice(notice.clone())).wrap());
                if ui.add(theme.primary_button(words.ui("app-acknowledge"))).clicked() {
                    dismiss.write(DismissNotice(i));
                }
            });
        }

        ui.add_space(16.0);
        ui.label(theme.body(words.ui("app-who")));
        ui.add_space(8.0);
        ui.scope(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing = egui::vec2(16.0, 16.0);
                for learner in &learners.0 {
                    let card = theme.name_card(learner.name.clone(), card_colour(&learner.colour));
                    if ui.add(card).clicked() {
                        choose.write(ChooseLearner(Some(learner.clone())));
                    }
                }
                if ui.add(theme.name_card(words.ui("app-guest"), egui::Color32::WHITE)).clicked() {
                    choose.write(ChooseLearner(None));
                }
            });
        });

        ui.add_space(12.0);
        let mut added = None;
        let cards = &mut *cards;
        match &mut cards.adding {
            None => {
                if ui.add(theme.button(words.ui("app-add-learner"))).clicked() {
                    cards.adding = Some(String::new());
                    cards.focus_name = true;
                }
            }
            Some(name) => {
                fn field(text: &mut String, size: f32) -> egui::TextEdit<'_> {
                    egui::TextEdit::singleline(text)
                        .font(egui::FontId::proportional(size))
                        .desired_width(420.0)
                        .min_size(egui::vec2(420.0, theme::BUTTON_MIN.y))
                }
                let size = theme.px(theme::BUTTON_PX);
                ui.label(theme.body(words.ui("app-learner-name")));
                let response = ui.add(field(name, size));
                if std::mem::take(&mut cards.focus_name) {
                    response.request_focus();
                }
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(theme.body(words.ui("app-learner-group")));
                ui.add(field(&mut cards.group, size));
                ui.horizontal(|ui| {
                    if (ui.add(theme.primary_button(words.ui("app-ok"))).clicked() || enter) && !name.trim().is_empty()
                    {
                        added = Some(Typed::Add(name.clone()));
                    }
                    if ui.add(theme.button(words.ui("app-cancel"))).clicked() {
                        added = Some(Typed::Cancel);
                    }
                });
            }
        }
        match added {
            Some(Typed::Add(name)) => {
                cards.adding = None;
                add.write(AddLearner { name, group: Some(cards.group.clone()) });
            }
            Some(Typed::Cancel) => cards.adding = None,
            None => {}
        }

        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if ui.add(theme.button(words.ui("app-settings"))).clicked() {
                next.set(Screen::Settings);
            }
            if ui.add(theme.button(words.ui("app-trainer"))).clicked() {
                next.set(Screen::Trainer);
            }
            if ui.add(theme.button(words.ui("app-quit"))).clicked() {
                exit.write(AppExit::Success);
            }
        });
    });
    Ok(())
}

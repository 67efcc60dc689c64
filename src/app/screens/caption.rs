//! The caption bar that is always there during a walkthrough: the prompt in
//! large type, the current hint or feedback, and the four big buttons
//! (再听一遍, 提示, 跳过, 退出). Skip and leave ask first.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::phone::guide::{Pulse, guide};
use crate::app::phone::targets::{DrawnTargets, Key};
use crate::app::theme::{self, CAPTION_MIN_HEIGHT, CaptionHeight, Theme};
use crate::app::voice::Say;
use crate::app::walkthrough::{Active, LearnerAction, StartScenario};
use crate::app::words::Words;
use crate::walkthrough::{Action, Target, Tone};

/// A question waiting for yes or no.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    #[default]
    None,
    Skip,
    Leave,
    /// A trainer's preview: the list of steps to jump to.
    Steps,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Confirm>()
        .add_systems(OnExit(Screen::Walkthrough), |mut confirm: ResMut<Confirm>| *confirm = Confirm::None)
        .add_systems(EguiPrimaryContextPass, draw_caption.run_if(in_state(Screen::Walkthrough)));
}

fn draw_caption(
    mut contexts: EguiContexts,
    active: Option<Res<Active>>,
    words: Res<Words>,
    theme: Res<Theme>,
    time: Res<Time>,
    pulse: Res<Pulse>,
    mut confirm: ResMut<Confirm>,
    mut height: ResMut<CaptionHeight>,
    mut drawn: ResMut<DrawnTargets>,
    mut actions: MessageWriter<LearnerAction>,
    mut say: MessageWriter<Say>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let view = &active.view;
    let viewport = ctx.viewport_rect();
    let mut ack_rect = None;
    let caption = egui::Area::new(egui::Id::new("caption"))
        .fixed_pos(egui::pos2(viewport.min.x, viewport.max.y))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Middle)
        .show(ctx, |ui| {
            egui::Frame::new().fill(theme::PAPER).inner_margin(egui::Margin::symmetric(24, 10)).show(ui, |ui| {
                ui.set_min_size(egui::vec2(viewport.width() - 48.0, CAPTION_MIN_HEIGHT - 20.0));
                ui.set_max_width(viewport.width() - 48.0);
                let progress = words.app.get(
                    "app-step-of",
                    &[
                        ("done".to_owned(), (view.progress.done + 1).min(view.progress.total).to_string()),
                        ("total".to_owned(), view.progress.total.to_string()),
                    ]
                    .into(),
                );
                ui.label(egui::RichText::new(progress).size(theme.px(24.0)).color(theme::INK));
                if let Some(prompt) = &view.prompt {
                    let line =
                        egui::RichText::new(words.say(prompt)).size(theme.px(theme::CAPTION_PX)).color(theme::INK);
                    ui.add(egui::Label::new(line).wrap());
                }
                // The newest help: specific feedback, else the current hint.
                let help = view
                    .feedback
                    .as_ref()
                    .map(|f| (f.message.clone(), f.tone))
                    .or_else(|| view.hint.clone().map(|h| (h, Tone::Gentle)));
                if let Some((message, tone)) = help {
                    let colour = if tone == Tone::Caution { theme::NOTICE } else { theme::PRIMARY };
                    ui.add(
                        egui::Label::new(egui::RichText::new(words.say(&message)).size(theme.px(28.0)).color(colour))
                            .wrap(),
                    );
                }
                if view.offer_trainer {
                    ui.label(
                        egui::RichText::new(words.ui("app-call-trainer"))
                            .size(theme.px(24.0))
                            .strong()
                            .color(theme::NOTICE),
                    );
                }
                ui.horizontal(|ui| {
                    if view.target == Some(Target::AcknowledgeButton) {
                        let r = ui.add(theme.primary_button(words.ui("app-acknowledge")));
                        ack_rect = Some(r.rect);
                        if r.clicked() {
                            actions.write(LearnerAction(Action::Acknowledge));
                        }
                    }
                    for (label, action) in [("app-repeat", Action::RepeatPrompt), ("app-hint", Action::AskHint)] {
                        if ui.add(theme.button(words.ui(label))).clicked() {
                            actions.write(LearnerAction(action));
                        }
                    }
                    if ui.add(theme.button(words.ui("app-skip"))).clicked() {
                        *confirm = Confirm::Skip;
                        say.write(Say("app-skip-confirm".into()));
                    }
                    if active.preview && ui.add(theme.button(words.ui("app-steps"))).clicked() {
                        *confirm = Confirm::Steps;
                    }
                    if ui.add(theme.button(words.ui("app-leave"))).clicked() {
                        *confirm = Confirm::Leave;
                        say.write(Say("app-leave-confirm".into()));
                    }
                });
            });
        });
    let rect = caption.response.rect;
    height.0 = rect.height().max(CAPTION_MIN_HEIGHT);
    if let Some(r) = ack_rect {
        drawn.add(Key::Acknowledge, r);
        if let Some(target) = &view.target
            && *target == Target::AcknowledgeButton
        {
            guide(ctx, rect, r, view.emphasis, pulse.breath(time.elapsed_secs()));
        }
    }
    if *confirm == Confirm::Steps {
        let current = view.step.clone();
        theme::wide_card_window(ctx, "steps").show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(viewport.height() - 160.0).show(ui, |ui| {
                if let Some(at) = theme::step_list(ui, &theme, &words, active.scenario(), current.as_deref()) {
                    let scenario = active.engine.scenario().clone();
                    start.write(StartScenario { scenario, at: Some(at), preview: true });
                    *confirm = Confirm::None;
                }
            });
            if ui.add(theme.big_button(words.ui("app-cancel"))).clicked() {
                *confirm = Confirm::None;
            }
        });
    } else if *confirm != Confirm::None {
        let question = if *confirm == Confirm::Skip { "app-skip-confirm" } else { "app-leave-confirm" };
        theme::card_window("confirm").order(egui::Order::Tooltip).show(ctx, |ui| {
            ui.label(theme.heading(words.ui(question)));
            ui.horizontal(|ui| {
                if ui.add(theme.big_button(words.ui("app-yes"))).clicked() {
                    match *confirm {
                        Confirm::Skip => {
                            actions.write(LearnerAction(Action::Skip));
                        }
                        _ => next.set(Screen::Choose),
                    }
                    *confirm = Confirm::None;
                }
                if ui.add(theme.button(words.ui("app-no"))).clicked() {
                    *confirm = Confirm::None;
                }
            });
        });
    }
    Ok(())
}

//! The caption bar that is always there during a walkthrough: the prompt in
//! large type, the current hint or feedback, and the four big buttons
//! (再听一遍, 提示, 跳过, 退出). Skip and leave ask first.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::phone::guide::{Pulse, guide};
use crate::app::phone::screen::{PanelLayout, panel_layout};
use crate::app::phone::targets::{DrawnTargets, Key};
use crate::app::theme::{self, CAPTION_MIN_HEIGHT, CaptionHeight, Theme};
use crate::app::voice::Say;
use crate::app::walkthrough::{Active, LearnerAction, StartScenario};
use crate::app::words::Words;
use crate::scenario::Display;
use crate::walkthrough::{Action, Target, Tone, View};

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

/// What one frame of the caption shows.
pub struct CaptionFrame<'a> {
    pub view: &'a View,
    pub words: &'a Words,
    pub theme: &'a Theme,
    /// A trainer's preview: the step list button is there too.
    pub preview: bool,
    /// Where the step's phone or kiosk screen is shown, if one is: the caption leaves it room.
    pub panel: Option<Display>,
    /// Where that panel was last drawn (beside it, the caption keeps left of it).
    pub panel_rect: Option<egui::Rect>,
    /// In a VR headset: the trainer's 回到正前方 (recentre) button is there too.
    pub recentre: bool,
}

/// A button of the caption that was pressed.
#[derive(Debug, Clone, PartialEq)]
pub enum Pressed {
    Action(Action),
    Skip,
    Steps,
    Recentre,
    Leave,
}

/// Where the caption went and what was pressed in it.
pub struct CaptionOut {
    pub rect: egui::Rect,
    /// The "I've read it" button, when the step asks for it.
    pub acknowledge: Option<egui::Rect>,
    pub pressed: Vec<Pressed>,
    /// Where the caption and the panel go (the phone is drawn by the same layout).
    pub layout: PanelLayout,
}

/// The most of the window's height the caption takes: the rest is the phone's and the
/// scene's. Longer words scroll inside it.
pub const CAPTION_MAX_SHARE: f32 = 0.5;

/// The step counter's size: it grows with the text, but only to 36 px (the prompt matters more).
fn counter_px(theme: &Theme) -> f32 {
    theme.px(26.0).min(36.0)
}

/// Draws the caption for one frame. The app calls it every frame; the layout tests call it
/// on a bare egui context, with the phone, at every text size.
/// Screen readers say a live region's words when they change, without the learner moving
/// there: the prompt, and the hint or feedback under it (AccessKit, through AT-SPI on Linux
/// and UI Automation on Windows; nothing is built unless a screen reader asks).
fn announce(ctx: &egui::Context, id: egui::Id) {
    ctx.accesskit_node_builder(id, |node| node.set_live(egui::accesskit::Live::Polite));
}

/// The height of the caption's row of buttons (one row).
fn buttons_height(theme: &Theme) -> f32 {
    theme.px(theme::BUTTON_PX) * 1.3 + 40.0
}

/// The height of one line of the prompt.
fn words_row(ctx: &egui::Context, theme: &Theme) -> f32 {
    ctx.fonts_mut(|f| f.row_height(&egui::FontId::proportional(theme.px(theme::CAPTION_PX))))
}

/// The caption's height with one line of words: the least it takes.
pub fn caption_least(ctx: &egui::Context, theme: &Theme) -> f32 {
    (20.0 + counter_px(theme) * 1.3 + 8.0 + words_row(ctx, theme) + 4.0 + 8.0 + buttons_height(theme))
        .max(CAPTION_MIN_HEIGHT)
}

/// Where the caption and a panel shown on `panel` go in this window at this text size.
pub fn panels(ctx: &egui::Context, theme: &Theme, words: &Words, panel: Option<Display>) -> PanelLayout {
    panel_layout(ctx, theme, words, panel, caption_least(ctx, theme))
}

pub fn draw_caption_frame(ctx: &egui::Context, frame: &CaptionFrame) -> CaptionOut {
    let (view, words, theme) = (frame.view, frame.words, frame.theme);
    let viewport = ctx.viewport_rect();
    let mut acknowledge = None;
    let mut pressed = Vec::new();
    let layout = panels(ctx, theme, words, frame.panel.clone());
    // Beside a panel the caption is as wide as the room at the panel's left (24 px at the
    // window's right edge, 16 between them); its buttons wrap onto more rows there.
    let left_of_panel = frame.panel_rect.map_or(viewport.width() - layout.width - 24.0, |r| r.min.x);
    let width = if layout.beside { left_of_panel - 16.0 } else { viewport.width() } - 48.0;
    let button_rows = if layout.beside { 2.0 } else { 1.0 };
    let caption = egui::Area::new(egui::Id::new("caption"))
        .fixed_pos(egui::pos2(viewport.min.x, viewport.max.y))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Middle)
        .show(ctx, |ui| {
            egui::Frame::new().fill(theme::PAPER).inner_margin(egui::Margin::symmetric(24, 10)).show(ui, |ui| {
                ui.set_min_size(egui::vec2(width, CAPTION_MIN_HEIGHT - 20.0));
                ui.set_max_width(width);
                let progress = words.app.get(
                    "app-step-of",
                    &[
                        ("done".to_owned(), (view.progress.done + 1).min(view.progress.total).to_string()),
                        ("total".to_owned(), view.progress.total.to_string()),
                    ]
                    .into(),
                );
                let counter = ui.label(egui::RichText::new(progress).size(counter_px(theme)).color(theme::INK));
                // The words scroll when they are long (large text, long English): the buttons
                // below stay where they are, and the phone keeps its room.
                let buttons_height = buttons_height(theme) * button_rows;
                // Whole lines only: a line cut through the middle is hard to read.
                let row = words_row(ctx, theme);
                let room = layout.caption_max - buttons_height - counter_px(theme) * 1.3 - 40.0;
                let words_height = (room / row).floor().max(1.0) * row + 4.0;
                let scroll =
                    egui::ScrollArea::vertical().max_height(words_height).auto_shrink([false, true]).show(ui, |ui| {
                        ui.set_width(width - 16.0);
                        if let Some(prompt) = &view.prompt {
                            let px = theme.px(theme::CAPTION_PX);
                            let prompt = theme::keep_punctuation(ctx, &words.say(prompt), px, ui.available_width());
                            let line = egui::RichText::new(prompt).size(px).color(theme::INK);
                            let said = ui.add(egui::Label::new(line).wrap());
                            announce(ctx, said.id);
                        }
                        // The newest help: specific feedback, else the current hint.
                        let help = view
                            .feedback
                            .as_ref()
                            .map(|f| (f.message.clone(), f.tone))
                            .or_else(|| view.hint.clone().map(|h| (h, Tone::Gentle)));
                        if let Some((message, tone)) = help {
                            let colour = if tone == Tone::Caution { theme::NOTICE } else { theme::PRIMARY };
                            let said = ui.add(
                                egui::Label::new(
                                    egui::RichText::new(theme::keep_punctuation(
                                        ctx,
                                        &words.say(&message),
                                        theme.px(28.0),
                                        ui.available_width(),
                                    ))
                                    .size(theme.px(28.0))
                                    .color(colour),
                                )
                                .wrap(),
                            );
                            announce(ctx, said.id);
                        }
                        if view.offer_trainer {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(words.ui("app-call-trainer"))
                                        .size(theme.px(26.0))
                                        .strong()
                                        .color(theme::NOTICE),
                                )
                                .wrap(),
                            );
                        }
                    });
                let hidden = scroll.content_size.y - (scroll.state.offset.y + scroll.inner_rect.height()) > 2.0;
                // Words (not a fade or a colour) say there is more: a tab at the right end of
                // the buttons' row when it has room, else at the right end of the step
                // counter's line, else (a narrow caption beside a kiosk's screen) on a line of
                // its own under the words; never over the words (at 200 % in Chinese it once
                // hid the end of the only line shown).
                let more = hidden.then(|| {
                    let text =
                        egui::RichText::new(words.ui("app-more")).size(counter_px(theme)).strong().color(theme::INK);
                    egui::WidgetText::from(text).into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    )
                });
                let tab_size = more.as_ref().map(|g| g.size() + egui::vec2(24.0, 8.0)).unwrap_or_default();
                let right = scroll.inner_rect.right();
                let counter_fits = counter.rect.right() + 16.0 + tab_size.x <= right;
                let own_line = (more.is_some() && layout.beside && !counter_fits).then(|| {
                    ui.allocate_exact_size(egui::vec2(ui.available_width(), tab_size.y), egui::Sense::hover()).0
                });
                let buttons = ui.horizontal_wrapped(|ui| {
                    if view.target == Some(Target::AcknowledgeButton) {
                        let r = ui.add(theme.primary_button(words.ui("app-acknowledge")));
                        acknowledge = Some(r.rect);
                        if r.clicked() {
                            pressed.push(Pressed::Action(Action::Acknowledge));
                        }
                    }
                    for (label, action) in [("app-repeat", Action::RepeatPrompt), ("app-hint", Action::AskHint)] {
                        if ui.add(theme.button(words.ui(label))).clicked() {
                            pressed.push(Pressed::Action(action));
                        }
                    }
                    if ui.add(theme.button(words.ui("app-skip"))).clicked() {
                        pressed.push(Pressed::Skip);
                    }
                    if frame.preview && ui.add(theme.button(words.ui("app-steps"))).clicked() {
                        pressed.push(Pressed::Steps);
                    }
                    if frame.recentre && ui.add(theme.button(words.ui("vr-recentre"))).clicked() {
                        pressed.push(Pressed::Recentre);
                    }
                    if ui.add(theme.button(words.ui("app-leave"))).clicked() {
                        pressed.push(Pressed::Leave);
                    }
                });
                if let Some(galley) = more {
                    let size = tab_size;
                    let row = buttons.response.rect;
                    let at_y = |y: f32| egui::Rect::from_min_size(egui::pos2(right - size.x, y - size.y / 2.0), size);
                    let tab = if let Some(line) = own_line {
                        at_y(line.center().y)
                    } else if row.right() + 16.0 + size.x <= right && row.height() < 2.0 * size.y + 40.0 {
                        at_y(row.center().y)
                    } else {
                        at_y(counter.rect.center().y)
                    };
                    let painter = ui.painter();
                    painter.rect(tab, 6.0, theme::PAPER, egui::Stroke::new(2.0, theme::INK), egui::StrokeKind::Inside);
                    painter.galley(tab.min + egui::vec2(12.0, 4.0), galley, theme::INK);
                }
            });
        });
    CaptionOut { rect: caption.response.rect, acknowledge, pressed, layout }
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
    vr: (Option<Res<crate::app::vr::RecentreOffered>>, MessageWriter<crate::app::vr::Recentre>),
) -> Result {
    let (offered, mut recentre) = vr;
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let view = &active.view;
    let viewport = ctx.viewport_rect();
    let panel = view.screen.as_deref().and_then(|id| active.scenario().screen(id)).map(|s| s.shown_on.clone());
    let out = draw_caption_frame(
        ctx,
        &CaptionFrame {
            view,
            words: &words,
            theme: &theme,
            preview: active.preview,
            panel,
            panel_rect: drawn.phone,
            recentre: offered.is_some_and(|o| o.0),
        },
    );
    for press in out.pressed {
        match press {
            Pressed::Action(action) => {
                actions.write(LearnerAction(action));
            }
            Pressed::Skip => {
                *confirm = Confirm::Skip;
                say.write(Say("app-skip-confirm".into()));
            }
            Pressed::Steps => *confirm = Confirm::Steps,
            Pressed::Recentre => {
                recentre.write(crate::app::vr::Recentre);
            }
            Pressed::Leave => {
                *confirm = Confirm::Leave;
                say.write(Say("app-leave-confirm".into()));
            }
        }
    }
    let rect = out.rect;
    height.0 = rect.height().max(CAPTION_MIN_HEIGHT);
    if let Some(r) = out.acknowledge {
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

//! The virtual phone (or a kiosk's screen): draws the step's declared screen from
//! the scenario data, looking like a plain phone app, and turns taps into
//! learner actions. The target of the step glows; more help dims the rest and
//! points at it.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::guide::{Pulse, guide};
use super::icons;
use super::tabs;
use super::talk;
use super::targets::{DrawnTargets, Key};
use crate::app::flow::AppSystems;
use crate::app::flow::Screen;
use crate::app::scene::display::{Face, Placed, ScreenPainter, ScreenPass, ShownScreen, to_window};
use crate::app::screens::caption::panels;
use crate::app::theme::{self, CaptionHeight, Theme};
use crate::app::walkthrough::{Active, LearnerAction, MistakeMade};
use crate::app::words::Words;
use crate::scenario::{Display, InputKind, Screen as PhoneScreen, Style, Widget};
use crate::senior::{self, Rgb};
use crate::walkthrough::Action;

/// What the phone itself keeps between frames of what the learner is doing: what was typed
/// into the field of the current step, a button being held, the photos ticked.
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub struct Typing {
    pub field: String,
    pub value: String,
    /// A hold-to-talk button held down, and since when (egui's clock, seconds).
    pub hold: Option<Holding>,
    /// The photos ticked so far in this walkthrough, as (picker, photo).
    pub ticked: Vec<(String, String)>,
    /// The photo ticked this frame: untied again if the walkthrough calls it a mistake.
    pub last_tick: Option<(String, String)>,
}

/// A hold-to-talk button being held.
#[derive(Debug, Clone, PartialEq)]
pub struct Holding {
    pub widget: String,
    pub since: f64,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typing>()
        .add_systems(
            Update,
            clear_typing_after_a_mistake.in_set(AppSystems::Present).run_if(in_state(Screen::Walkthrough)),
        )
        .add_systems(EguiPrimaryContextPass, draw_phone.run_if(in_state(Screen::Walkthrough)))
        .add_systems(ScreenPass, draw_phone_on_thing.run_if(in_state(Screen::Walkthrough)));
}

/// A wrong entry starts the field afresh, and a photo ticked by mistake is unticked; a right
/// one stays shown on the next step.
fn clear_typing_after_a_mistake(mut mistakes: MessageReader<MistakeMade>, mut typing: ResMut<Typing>) {
    let last_tick = typing.last_tick.take();
    if mistakes.read().count() > 0 {
        typing.value.clear();
        if let Some(tick) = last_tick {
            typing.ticked.retain(|t| *t != tick);
        }
    }
}

/// The grey of an empty field's placeholder: 7.0:1 on white.
const PLACEHOLDER: egui::Color32 = egui::Color32::from_rgb(0x59, 0x59, 0x59);

/// Widths of the phone and of a kiosk screen (at 100 % text); their height is what the
/// caption leaves, or the window's when they stand beside the caption.
const PHONE_WIDTH: f32 = 420.0;
const KIOSK_WIDTH: f32 = 560.0;

/// Where the phone (or a kiosk's screen) and the caption go, for this window and text size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelLayout {
    /// The panel's width (0 when no panel is shown).
    pub width: f32,
    /// The panel stands at the right from the top of the window to its bottom, and the
    /// caption is beside it at the left: the window is too short at this text size for the
    /// panel's whole keypad above the caption (200 % text in a 1280×720 window).
    pub beside: bool,
    /// The most of the window's height the caption takes (longer words scroll inside it).
    pub caption_max: f32,
}

/// The height a phone needs for its header, a field and the whole keypad under it (the
/// field's label may scroll away above).
fn panel_need(ctx: &egui::Context, theme: &Theme, words: &Words) -> f32 {
    let style = ctx.global_style();
    let (pad, gap) = (style.spacing.button_padding.y, style.spacing.item_spacing.y.max(8.0));
    let row = |px: f32| ctx.fonts_mut(|f| f.row_height(&egui::FontId::proportional(px)));
    let field = (row(theme.px(theme::BODY_PX)) + 2.0 * pad).max(60.0);
    // Margins (the phone's and its screen's), status bar, the title in its header band (and
    // the band's margins), the field, and the keypad, with the room between them.
    24.0 + 20.0
        + row(18.0)
        + row(theme.px(theme::BUTTON_PX))
        + 16.0
        + 4.0
        + field
        + keypad_height(ctx, theme, words)
        + 3.0 * gap
}

/// The layout of the panels when a panel `shown_on` is shown (None: none is).
/// `caption_least`: the caption's height with one line of words.
pub fn panel_layout(
    ctx: &egui::Context,
    theme: &Theme,
    words: &Words,
    shown_on: Option<Display>,
    caption_least: f32,
) -> PanelLayout {
    let viewport = ctx.viewport_rect();
    let half = viewport.height() * crate::app::screens::caption::CAPTION_MAX_SHARE;
    let Some(shown_on) = shown_on else { return PanelLayout { width: 0.0, beside: false, caption_max: half } };
    let width = if matches!(shown_on, Display::Phone) { PHONE_WIDTH } else { KIOSK_WIDTH };
    // Larger text gets a somewhat wider panel (a quarter wider at 200 %), and never more than
    // half the window: the scene stays in view.
    let width = (width * (0.75 + theme.text_scale() as f32 / 400.0)).min(viewport.width() / 2.0);
    let above = viewport.height() - PANEL_GAP - panel_need(ctx, theme, words);
    if caption_least <= above {
        PanelLayout { width, beside: false, caption_max: half.min(above) }
    } else {
        PanelLayout { width, beside: true, caption_max: half }
    }
}

/// Room kept free around the panel: above it and between it and the caption.
const PANEL_GAP: f32 = 28.0;

/// Whether screens are drawn on the things they belong to this frame: the setting, and
/// neither the keyboard nor a screen reader in use (both reach the flat panel, whose every
/// widget is in the window's own egui and accessibility tree), nor a layout report being made.
#[derive(bevy::ecs::system::SystemParam)]
pub(super) struct Placement<'w, 's> {
    preferences: Option<Res<'w, crate::app::services::preferences::Prefs>>,
    keyboard: Res<'w, crate::app::keyboard::KeyboardInUse>,
    a11y: Option<Res<'w, bevy::a11y::AccessibilityRequested>>,
    report: Option<Res<'w, crate::app::layout::LayoutReport>>,
    play: Option<Res<'w, crate::app::autoplay::PlayOptions>>,
    faces: Query<'w, 's, &'static Face>,
}

impl Placement<'_, '_> {
    fn in_world(&self, on: &Display) -> bool {
        let wanted = self.preferences.as_ref().is_none_or(|p| p.0.screens_in_world)
            && self.play.as_ref().is_none_or(|p| !p.flat_screens);
        let has_face = self.faces.iter().any(|f| f.shows(on));
        wanted && has_face && !self.keyboard.0 && self.a11y.as_ref().is_none_or(|a| !a.get()) && self.report.is_none()
    }
}

fn draw_phone(
    mut contexts: EguiContexts,
    active: Option<Res<Active>>,
    words: Res<Words>,
    theme: Res<Theme>,
    time: Res<Time>,
    pulse: Res<Pulse>,
    caption: Res<CaptionHeight>,
    placement: Placement,
    mut shown: ResMut<ShownScreen>,
    mut typing: ResMut<Typing>,
    mut drawn: ResMut<DrawnTargets>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(active) = active else { return Ok(()) };
    let view = &active.view;
    let Some(screen) = view.screen.as_deref().and_then(|id| active.scenario().screen(id)) else {
        drawn.phone = None;
        shown.set_if_neq(ShownScreen(None));
        return Ok(());
    };
    let layout = panels(ctx, &theme, &words, Some(screen.shown_on.clone()));
    if placement.in_world(&screen.shown_on) {
        // Drawn on the thing (`draw_phone_on_thing`), exactly where the panel would be.
        let rect = panel_rect(ctx.viewport_rect(), layout, caption.0);
        drawn.phone = Some(rect);
        let placed = Placed { on: screen.shown_on.clone(), rect: rect.shrink(BEZEL) };
        shown.set_if_neq(ShownScreen(Some(placed)));
        return Ok(());
    }
    shown.set_if_neq(ShownScreen(None));
    let frame = PhoneFrame {
        screen,
        words: &words,
        theme: &theme,
        target: view.target.as_ref(),
        caption_height: caption.0,
        layout,
    };
    let (phone_rect, taps) = draw_phone_frame(ctx, &frame, &mut typing, &mut drawn);
    if let Some(target) = &view.target
        && let Some(rect) = drawn.of_target(target)
        && phone_rect.contains(rect.center())
    {
        guide(ctx, phone_rect, rect, view.emphasis, pulse.breath(time.elapsed_secs()));
    }
    actions.write_batch(taps.into_iter().map(LearnerAction));
    Ok(())
}

/// Draws the step's screen into the picture shown on its thing (the kiosk, the phone in the
/// hand), and notes where its targets appear in the window, for the guide, autoplay and tests.
fn draw_phone_on_thing(
    mut painter: Query<&mut bevy_egui::EguiContext, With<ScreenPainter>>,
    active: Option<Res<Active>>,
    words: Res<Words>,
    theme: Res<Theme>,
    time: Res<Time>,
    pulse: Res<Pulse>,
    shown: Res<ShownScreen>,
    camera: Query<(&Camera, &GlobalTransform), With<crate::app::scene::camera::Eye>>,
    faces: Query<(&Face, &GlobalTransform)>,
    mut installed: Local<bool>,
    mut typing: ResMut<Typing>,
    mut drawn: ResMut<DrawnTargets>,
    mut actions: MessageWriter<LearnerAction>,
) {
    let Ok(mut context) = painter.single_mut() else { return };
    let ctx = context.get_mut();
    if !*installed {
        crate::app::theme::set_up(ctx);
        *installed = true;
    }
    let (Some(active), Some(placed)) = (active, &shown.0) else { return };
    let view = &active.view;
    let Some(screen) = view.screen.as_deref().and_then(|id| active.scenario().screen(id)) else { return };
    let frame = PhoneFrame {
        screen,
        words: &words,
        theme: &theme,
        target: view.target.as_ref(),
        caption_height: 0.0,
        layout: PanelLayout { width: placed.rect.width(), beside: true, caption_max: 0.0 },
    };
    let mut here = DrawnTargets::default();
    let taps = draw_screen_filling(ctx, &frame, &mut typing, &mut here);
    let whole = ctx.viewport_rect();
    if let Some(target) = &view.target
        && let Some(rect) = here.get(&Key::from(target))
    {
        // In five steps: the picture is drawn again only when it changes (`display`), and a
        // breath in five steps is as calm to the eye as a smooth one.
        let breath = (pulse.breath(time.elapsed_secs()) * 5.0).round() / 5.0;
        guide(ctx, whole, rect, view.emphasis, breath);
    }
    // Where each target appears in the window: through the face, as the camera sees it.
    let face = faces.iter().find(|(f, _)| f.shows(&placed.on));
    if let (Some((_, face)), Some(camera)) = (face, camera.iter().next()) {
        let map = |p: egui::Pos2| to_window(camera, face, whole.size(), p);
        for (key, rect) in here.rects {
            if let (Some(a), Some(b)) = (map(rect.min), map(rect.max)) {
                drawn.add(key, egui::Rect::from_two_pos(a, b));
            }
        }
    }
    actions.write_batch(taps.into_iter().map(LearnerAction));
}

/// What one frame of the phone shows.
pub struct PhoneFrame<'a> {
    pub screen: &'a PhoneScreen,
    pub words: &'a Words,
    pub theme: &'a Theme,
    /// What the step asks to touch: scrolled into view (and its keypad shown).
    pub target: Option<&'a crate::walkthrough::Target>,
    /// The caption's height: the phone takes the height it leaves.
    pub caption_height: f32,
    /// Where the panels go ([`panel_layout`], the caption's answer this frame).
    pub layout: PanelLayout,
}

/// Draws the phone (or a kiosk's screen) for one frame: where it is, and what the
/// learner tapped. The app calls it every frame; the property tests call it on a bare
/// egui context to see every target drawn, hittable and readable, without a window.
pub fn draw_phone_frame(
    ctx: &egui::Context,
    frame: &PhoneFrame,
    typing: &mut Typing,
    drawn: &mut DrawnTargets,
) -> (egui::Rect, Vec<Action>) {
    let rect = panel_rect(ctx.viewport_rect(), frame.layout, frame.caption_height);
    let mut taps = Vec::new();
    let area = egui::Area::new(egui::Id::new("phone")).fixed_pos(rect.min).order(egui::Order::Middle).show(ctx, |ui| {
        let outer = egui::Frame::new()
            .fill(egui::Color32::from_rgb(0x22, 0x22, 0x26))
            .corner_radius(28.0)
            .inner_margin(egui::Margin::same(BEZEL as i8));
        outer.show(ui, |ui| {
            ui.set_min_size(rect.size() - egui::vec2(2.0 * BEZEL, 2.0 * BEZEL));
            ui.set_max_size(rect.size() - egui::vec2(2.0 * BEZEL, 2.0 * BEZEL));
            screen_in(ui, frame, typing, drawn, &mut taps);
        });
    });
    let phone_rect = area.response.rect;
    drawn.phone = Some(phone_rect);
    (phone_rect, taps)
}

/// The phone's (or kiosk's) frame around its screen, in px.
pub const BEZEL: f32 = 12.0;

/// Where the panel (with its frame) goes in a window of `viewport`: at the right, from the
/// top down to the caption (or to the window's bottom when it stands beside the caption).
pub fn panel_rect(viewport: egui::Rect, layout: PanelLayout, caption_height: f32) -> egui::Rect {
    let height = if layout.beside { viewport.height() - 32.0 } else { viewport.height() - caption_height - PANEL_GAP };
    let size = egui::vec2(layout.width, height.max(160.0));
    egui::Rect::from_min_size(egui::pos2(viewport.max.x - size.x - 24.0, 16.0), size)
}

/// Draws the screen alone, filling the whole of `ctx` (a picture shown on a thing: its
/// frame is the thing's own). Returns the taps.
pub fn draw_screen_filling(
    ctx: &egui::Context,
    frame: &PhoneFrame,
    typing: &mut Typing,
    drawn: &mut DrawnTargets,
) -> Vec<Action> {
    let mut taps = Vec::new();
    let size = ctx.viewport_rect().size();
    egui::Area::new(egui::Id::new("screen")).fixed_pos(egui::Pos2::ZERO).show(ctx, |ui| {
        ui.set_min_size(size);
        ui.set_max_size(size);
        screen_in(ui, frame, typing, drawn, &mut taps);
    });
    taps
}

fn screen_in(
    ui: &mut egui::Ui,
    frame: &PhoneFrame,
    typing: &mut Typing,
    drawn: &mut DrawnTargets,
    taps: &mut Vec<Action>,
) {
    let mut pen = Pen {
        words: frame.words,
        theme: frame.theme,
        typing,
        drawn,
        taps,
        target: frame.target.map(Key::from),
        screen_fill: screen_fill(frame.screen),
    };
    draw_screen(ui, frame.screen, &mut pen)
}

/// What drawing a screen needs and produces.
pub(super) struct Pen<'a> {
    pub words: &'a Words,
    pub theme: &'a Theme,
    pub typing: &'a mut Typing,
    pub drawn: &'a mut DrawnTargets,
    pub taps: &'a mut Vec<Action>,
    /// The key of the step's target: it is scrolled into view.
    pub target: Option<Key>,
    /// The screen's background: plain texts and labels are drawn on it.
    pub screen_fill: Rgb,
}

impl Pen<'_> {
    /// Records a tappable rectangle (only the part that is visible) and keeps the target in view.
    /// Scrolling is asked for only while the target is not wholly in view: asking every
    /// frame keeps egui's scroll animation (and so the frames) going for ever.
    pub(super) fn record(&mut self, ui: &egui::Ui, key: Key, response: &egui::Response) {
        if self.target.as_ref() == Some(&key) && !ui.clip_rect().contains_rect(response.rect) {
            response.scroll_to_me(Some(egui::Align::Center));
        }
        let visible = response.rect.intersect(ui.clip_rect());
        self.drawn.add_id(key.clone(), response.id);
        if visible.is_positive() {
            self.drawn.add(key, visible);
        }
    }

    pub(super) fn tap(&mut self, ui: &mut egui::Ui, button: egui::Button<'static>, id: &str) {
        let response = ui.add(button);
        self.answer(ui, id, &response);
    }

    /// Records widget `id` drawn as `response`, and a click on it as a tap.
    pub(super) fn answer(&mut self, ui: &egui::Ui, id: &str, response: &egui::Response) {
        self.record(ui, Key::Widget(id.to_owned()), response);
        if response.clicked() {
            self.taps.push(Action::Tap(id.to_owned()));
        }
    }
}

/// The screen's background (white unless it declares one).
fn screen_fill(screen: &PhoneScreen) -> Rgb {
    screen.background.as_deref().and_then(Rgb::parse).unwrap_or(senior::DEFAULT_BACKGROUND)
}

/// A widget's `(text, fill)` colours exactly as the checker rates them: its style's own,
/// else `fill` and the ink that reads best on it ([`senior::drawn`]).
fn colours(style: &Style, fill: Rgb) -> (egui::Color32, egui::Color32) {
    let parse = |c: &Option<String>| c.as_deref().and_then(Rgb::parse);
    let (ink, fill) = senior::drawn(parse(&style.color), parse(&style.background), fill);
    (theme::rgb(ink), theme::rgb(fill))
}

fn draw_screen(ui: &mut egui::Ui, screen: &PhoneScreen, pen: &mut Pen) {
    let background = theme::rgb(pen.screen_fill);
    // Status bar, title and labels: the ink that reads best on this screen (white on a dark one).
    let ink = theme::rgb(senior::ink_on(pen.screen_fill));
    egui::Frame::new().fill(background).corner_radius(18.0).inner_margin(egui::Margin::same(10)).show(ui, |ui| {
        ui.set_min_size(ui.available_size());
        if screen.status_bar {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new("9:41").size(18.0).color(ink));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(egui::RichText::new("80%").size(18.0).color(ink));
                });
            });
        }
        // The app's header, as elder-mode apps draw it: a broad blue band, the title in
        // large white letters (8:1), the way back at its left.
        let header = theme::PRIMARY;
        egui::Frame::new().fill(header).corner_radius(10.0).inner_margin(egui::Margin::symmetric(10, 8)).show(
            ui,
            |ui| {
                ui.set_min_width(ui.available_width());
                ui.horizontal(|ui| {
                    if screen.back {
                        ui.label(
                            egui::RichText::new("←").size(pen.theme.px(theme::BUTTON_PX)).color(egui::Color32::WHITE),
                        );
                    }
                    // A long title wraps (large text, long English): the phone never grows wider.
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(pen.words.say(&screen.title))
                                .size(pen.theme.px(theme::BUTTON_PX))
                                .strong()
                                .color(egui::Color32::WHITE),
                        )
                        .wrap(),
                    );
                });
            },
        );
        ui.add_space(4.0);
        // While the step asks to type, the keypad sits at the bottom of the screen, as a
        // phone's keyboard does: always whole, never scrolled away; the screen's widgets
        // scroll in the room above it, and the field is kept in view there.
        // The app's tab bar sits there too when no keypad is up (a phone's keyboard covers it).
        let keypad = asked_field(screen, pen);
        let tab_bars: Vec<tabs::Bar> = match keypad {
            Some(_) => Vec::new(),
            None => screen
                .widgets
                .iter()
                .filter_map(|w| match w {
                    Widget::TabBar { tabs, current, .. } => Some((tabs.as_slice(), current.as_deref())),
                    _ => None,
                })
                .collect(),
        };
        let bars: Vec<tabs::TabLayout> =
            tab_bars.iter().map(|(tabs, _)| tabs::layout(ui, pen.theme, pen.words, tabs)).collect();
        let bars_height: f32 = bars.iter().map(|b| b.height() + 8.0).sum();
        // A bar taller than half the screen (very large text in a small window) would leave
        // no room: it then scrolls with the rest, at its end, every tab still reachable.
        let pinned = bars_height <= ui.available_height() / 2.0;
        let bottom = match keypad {
            Some(_) => keypad_height(ui.ctx(), pen.theme, pen.words),
            None if pinned => bars_height,
            None => 0.0,
        };
        let room = (ui.available_height() - bottom - 8.0).max(0.0);
        let mut bars = tab_bars.into_iter().zip(bars);
        egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 8.0;
            for widget in screen.widgets.iter().filter(|w| !matches!(w, Widget::TabBar { .. })) {
                draw_widget(ui, widget, pen);
            }
            if !pinned {
                for (tab_bar, bar) in bars.by_ref() {
                    tabs::draw(ui, pen, tab_bar, &bar);
                }
            }
        });
        ui.add_space((ui.available_height() - bottom).max(0.0));
        if let Some(field) = keypad {
            draw_keypad(ui, &field, pen);
        }
        for (tab_bar, bar) in bars {
            tabs::draw(ui, pen, tab_bar, &bar);
        }
    });
}

/// The width of the widest of `texts` on one line, in the phone's body size.
pub(super) fn widest(ui: &egui::Ui, theme: &Theme, texts: impl Iterator<Item = String>) -> f32 {
    let font = egui::FontId::proportional(theme.px(theme::BODY_PX));
    texts.map(|t| ui.painter().layout_no_wrap(t, font.clone(), theme::INK).size().x).fold(0.0, f32::max)
}

/// Phone text in its body size, its lines broken as Chinese is ([`theme::keep_punctuation`]).
pub(super) fn body(ui: &egui::Ui, theme: &Theme, text: String) -> egui::RichText {
    theme.body(theme::keep_punctuation(ui.ctx(), &text, theme.px(theme::BODY_PX), ui.available_width()))
}

pub(super) fn phone_button(
    ui: &egui::Ui,
    theme: &Theme,
    text: String,
    fill: egui::Color32,
    color: egui::Color32,
) -> egui::Button<'static> {
    // Long words wrap onto more lines inside the button (the phone keeps its width), and
    // Chinese punctuation never starts a line there.
    let px = theme.px(theme::BODY_PX);
    let text = theme::keep_punctuation(ui.ctx(), &text, px, ui.available_width() - 2.0 * ui.spacing().button_padding.x);
    egui::Button::new(egui::RichText::new(text).size(px).color(color))
        .wrap()
        .fill(fill)
        .corner_radius(12.0)
        .min_size(egui::vec2(360.0, 60.0))
}

fn draw_widget(ui: &mut egui::Ui, widget: &Widget, pen: &mut Pen) {
    let light = theme::rgb(senior::BUTTON_FILL);
    let outline = egui::Stroke::new(1.0, egui::Color32::GRAY);
    // Labels and plain texts sit on the screen itself.
    let screen_ink = theme::rgb(senior::ink_on(pen.screen_fill));
    let words = pen.words;
    match widget {
        Widget::Text { text, style, .. } => {
            let (ink, fill) = colours(style, pen.screen_fill);
            if style.background.is_some() {
                egui::Frame::new()
                    .fill(fill)
                    .inner_margin(8.0)
                    .corner_radius(6.0)
                    .show(ui, |ui| ui.label(body(ui, pen.theme, words.say(text)).color(ink)));
            } else {
                ui.label(body(ui, pen.theme, words.say(text)).color(ink));
            }
        }
        Widget::Toast { text, .. } => {
            ui.label(body(ui, pen.theme, words.say(text)).color(screen_ink));
        }
        Widget::Button { id, text, style } => {
            let (ink, fill) = colours(style, senior::BUTTON_FILL);
            pen.tap(ui, phone_button(ui, pen.theme, words.say(text), fill, ink), id);
        }
        Widget::ListItem { id, text, detail, style } => {
            let text = match detail {
                Some(d) => format!("{}\n{}", words.say(text), words.say(d)),
                None => words.say(text),
            };
            let (ink, fill) = colours(style, senior::WHITE);
            pen.tap(ui, phone_button(ui, pen.theme, text, fill, ink).stroke(outline), id);
        }
        Widget::IconGrid { items, style, .. } => {
            let (ink, fill) = colours(style, senior::BUTTON_FILL);
            // Two icons to a row, or one when a name (large text, long English) would not
            // fit in half the screen: the phone never grows wider than its place.
            let widest = widest(ui, pen.theme, items.iter().map(|i| words.say(&i.text)));
            let half = (ui.available_width() - 8.0) / 2.0;
            let columns = if widest + 2.0 * ui.spacing().button_padding.x <= half { 2 } else { 1 };
            let width = if columns == 2 { half.min(176.0) } else { ui.available_width() };
            egui::Grid::new(widget.id()).spacing([8.0, 8.0]).show(ui, |ui| {
                for (n, item) in items.iter().enumerate() {
                    icon_button(ui, pen, item, width, (ink, fill));
                    if n % columns == columns - 1 {
                        ui.end_row();
                    }
                }
            });
        }
        Widget::DatePicker { id, label, options, style } | Widget::TimeSlots { id, label, options, style } => {
            ui.label(body(ui, pen.theme, words.say(label)).color(screen_ink));
            let (ink, fill) = colours(style, senior::WHITE);
            for option in options {
                let mut text = words.say(&option.text);
                let full = words.ui("app-full");
                if !option.available && !text.contains(&full) {
                    text = format!("{text} · {full}");
                }
                // A full option is greyed and says so in words, never by colour alone.
                let (ink, fill) = if option.available { (ink, fill) } else { (theme::INK, light) };
                let response = ui.add(phone_button(ui, pen.theme, text, fill, ink).stroke(outline));
                pen.record(ui, Key::Option { widget: id.clone(), option: option.id.clone() }, &response);
                if response.clicked() {
                    pen.taps.push(Action::Choose { widget: id.clone(), option: option.id.clone() });
                }
            }
        }
        Widget::ConfirmDialog { title, text, confirm, cancel, .. } => {
            egui::Frame::group(ui.style()).fill(egui::Color32::WHITE).inner_margin(12.0).show(ui, |ui| {
                ui.label(body(ui, pen.theme, words.say(title)).strong());
                ui.label(body(ui, pen.theme, words.say(text)));
                dialog_button(ui, confirm, senior::PRIMARY, pen);
                dialog_button(ui, cancel, senior::BUTTON_FILL, pen);
            });
        }
        Widget::Popup { title, text, buttons, close, .. } => {
            egui::Frame::group(ui.style()).fill(egui::Color32::WHITE).inner_margin(12.0).show(ui, |ui| {
                ui.label(body(ui, pen.theme, words.say(title)).strong());
                ui.label(body(ui, pen.theme, words.say(text)));
                for b in buttons {
                    dialog_button(ui, b, senior::BUTTON_FILL, pen);
                }
                dialog_button(ui, close, senior::PRIMARY, pen);
            });
        }
        Widget::Sms { id, sender, text, link } => {
            let t = format!("{}\n{}", words.say(sender), words.say(text));
            pen.tap(ui, phone_button(ui, pen.theme, t, light, theme::INK).wrap(), id);
            if let Some(link) = link {
                talk::sms_link(ui, pen, link);
            }
        }
        Widget::IncomingCall { caller, number, video, answer, decline, .. } => {
            talk::incoming_call(ui, pen, (caller, number, *video), answer, decline);
        }
        Widget::InCall { caller, video, hang_up, mute, switch_camera, voice_only, .. } => {
            let buttons = talk::CallButtons {
                hang_up,
                mute: mute.as_deref(),
                switch_camera: switch_camera.as_deref(),
                voice_only: voice_only.as_deref(),
            };
            talk::in_call(ui, pen, caller, *video, &buttons);
        }
        Widget::Chat { messages, .. } => talk::chat(ui, pen, messages),
        Widget::Notification { id, app, text } => talk::notification(ui, pen, id, app, text),
        Widget::Permission { text, allow, deny, .. } => talk::permission(ui, pen, text, allow, deny),
        Widget::HoldToTalk { id, text } => talk::hold_to_talk(ui, pen, id, text),
        Widget::PhotoPicker { id, label, photos } => talk::photo_picker(ui, pen, id, label, photos),
        Widget::PayCode { id, kind, text, refresh_secs } => talk::pay_code(ui, pen, id, *kind, text, *refresh_secs),
        Widget::Scan { id, text, .. } => {
            pen.tap(ui, phone_button(ui, pen.theme, words.say(text), light, theme::INK), id)
        }
        Widget::Card { title, rows, .. } => {
            egui::Frame::group(ui.style()).fill(egui::Color32::WHITE).inner_margin(10.0).show(ui, |ui| {
                ui.label(body(ui, pen.theme, words.say(title)).strong());
                for row in rows {
                    let row = words.app.get(
                        "app-label-value",
                        &[("label".to_owned(), words.say(&row.label)), ("value".to_owned(), words.say(&row.value))]
                            .into(),
                    );
                    ui.label(body(ui, pen.theme, row));
                }
            });
        }
        Widget::Input { id, label, style, placeholder, .. } => {
            let placeholder = placeholder.as_ref().map(|p| words.say(p));
            field(ui, id, &words.say(label), (placeholder, false), style, pen);
        }
        Widget::SmsCode { id, label, .. } => field(ui, id, &words.say(label), (None, false), &Style::default(), pen),
        Widget::PasswordPad { id, label, .. } => field(ui, id, &words.say(label), (None, true), &Style::default(), pen),
        // Drawn at the bottom of the screen (`draw_screen`), never among the others.
        Widget::TabBar { .. } => {}
    }
}

/// An app's icon on a home screen or service grid: its drawn pictogram on a coloured tile
/// with its name under it, the whole a big button (a button to the keyboard and to screen
/// readers, named by its words).
fn icon_button(
    ui: &mut egui::Ui,
    pen: &mut Pen,
    item: &crate::scenario::GridItem,
    width: f32,
    colours: (egui::Color32, egui::Color32),
) {
    let (ink, fill) = colours;
    let words = pen.words.say(&item.text);
    let px = pen.theme.px(theme::BODY_PX);
    let pad = ui.spacing().button_padding;
    let text = theme::keep_punctuation(ui.ctx(), &words, px, width - 2.0 * pad.x);
    let galley = ui.painter().layout(text, egui::FontId::proportional(px), ink, width - 2.0 * pad.x);
    let side = 56.0 * pen.theme.text_scale() as f32 / 100.0;
    let size = egui::vec2(width, (pad.y * 2.0 + side + 6.0 + galley.size().y).max(88.0));
    let response = ui.allocate_response(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &words));
    if ui.is_rect_visible(response.rect) {
        let visuals = ui.style().interact(&response);
        let p = ui.painter();
        p.rect_filled(response.rect, 12.0, fill);
        if response.has_focus() {
            p.rect_stroke(response.rect, 12.0, egui::Stroke::new(4.0, theme::INK), egui::StrokeKind::Outside);
        } else if response.hovered() {
            p.rect_stroke(response.rect, 12.0, visuals.bg_stroke, egui::StrokeKind::Inside);
        }
        let tile = icons::icon_rect(response.rect, side, pad.y);
        icons::draw_icon(p, tile, item.icon.as_deref(), &words);
        let at = egui::pos2(response.rect.center().x - galley.size().x / 2.0, tile.max.y + 6.0);
        p.galley(at, galley, ink);
    }
    pen.answer(ui, &item.id, &response);
}

/// A dialog's or pop-up's button: its style's colours, else `fill` (blue for the way
/// out, grey for the others) with the ink that reads on it.
fn dialog_button(ui: &mut egui::Ui, b: &crate::scenario::DialogButton, fill: Rgb, pen: &mut Pen) {
    let (ink, fill) = colours(&b.style, fill);
    pen.tap(ui, phone_button(ui, pen.theme, pen.words.say(&b.text), fill, ink), &b.id);
}

/// A typed field. While the step asks to type into it, the big keypad shows at the
/// bottom of the screen ([`draw_keypad`]), as a phone's keyboard does.
fn field(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    (placeholder, secret): (Option<String>, bool),
    style: &Style,
    pen: &mut Pen,
) {
    ui.label(body(ui, pen.theme, label.to_owned()).color(theme::rgb(senior::ink_on(pen.screen_fill))));
    let (ink, fill) = colours(style, senior::WHITE);
    let typed = if pen.typing.field == id { pen.typing.value.clone() } else { String::new() };
    let shown = if secret { "●".repeat(typed.chars().count()) } else { typed };
    let outline = egui::Stroke::new(2.0, theme::INK);
    // An empty field shows its placeholder in a softer grey (7:1 on white), as phones do.
    let (shown, ink) = match placeholder.filter(|_| shown.is_empty()) {
        Some(hint) if fill == egui::Color32::WHITE && ink == theme::INK => (format!("|{hint}"), PLACEHOLDER),
        Some(hint) => (format!("|{hint}"), ink),
        None => (format!("{shown}|"), ink),
    };
    let response = ui.add(phone_button(ui, pen.theme, shown, fill, ink).stroke(outline));
    pen.record(ui, Key::Widget(id.to_owned()), &response);
}

/// The field the step asks to type into, when it is on this screen; the typing starts
/// afresh when the step moves to another field.
fn asked_field(screen: &PhoneScreen, pen: &mut Pen) -> Option<Keypad> {
    let Some(Key::Widget(target)) = &pen.target else { return None };
    let keypad = screen.widgets.iter().find_map(|w| match w {
        Widget::Input { id, kind, .. } if id == target => {
            Some(Keypad { id: id.clone(), max_len: if *kind == InputKind::Phone { 11 } else { 0 }, auto_send: false })
        }
        Widget::SmsCode { id, digits, .. } if id == target => {
            Some(Keypad { id: id.clone(), max_len: usize::from(*digits), auto_send: true })
        }
        Widget::PasswordPad { id, digits, .. } if id == target => {
            Some(Keypad { id: id.clone(), max_len: usize::from(*digits), auto_send: true })
        }
        _ => None,
    })?;
    if pen.typing.field != keypad.id {
        pen.typing.field = keypad.id.clone();
        pen.typing.value.clear();
    }
    Some(keypad)
}

/// The keys, row by row, as on a phone's number pad.
const KEYS: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"];
const KEY_GAP: f32 = 6.0;

fn key_text(words: &Words, key: &str) -> String {
    match key {
        "del" => words.ui("app-keypad-delete"),
        "ok" => words.ui("app-keypad-ok"),
        digit => digit.to_owned(),
    }
}

fn key_button(pen: &Pen, key: &str, width: f32) -> egui::Button<'static> {
    egui::Button::new(
        egui::RichText::new(key_text(pen.words, key)).size(pen.theme.px(theme::BODY_PX)).color(theme::INK),
    )
    .min_size(egui::vec2(width, 60.0))
}

/// The keypad's height at this text size: four rows of keys as tall as their words.
fn keypad_height(ctx: &egui::Context, theme: &Theme, words: &Words) -> f32 {
    let font = egui::FontId::proportional(theme.px(theme::BODY_PX));
    let text = KEYS.iter().map(|k| key_text(words, k)).collect::<Vec<_>>().join("");
    let row = ctx.fonts_mut(|f| f.layout_no_wrap(text, font, theme::INK)).size().y;
    let key = (row + 2.0 * ctx.global_style().spacing.button_padding.y).max(60.0);
    4.0 * key + 3.0 * KEY_GAP
}

/// The big keypad of the field being typed into. Codes and passwords send themselves
/// when full (`auto_send`); other fields send with OK.
fn draw_keypad(ui: &mut egui::Ui, field: &Keypad, pen: &mut Pen) {
    let id = field.id.as_str();
    // Three equal keys across the screen, as on a phone (and never narrower than their words).
    let widest = widest(ui, pen.theme, KEYS.iter().map(|k| key_text(pen.words, k)));
    let width = ((ui.available_width() - 2.0 * KEY_GAP) / 3.0).max(widest + 2.0 * ui.spacing().button_padding.x);
    egui::Grid::new(format!("keypad-{id}")).spacing([KEY_GAP, KEY_GAP]).show(ui, |ui| {
        for (n, key) in KEYS.iter().enumerate() {
            let r = ui.add(key_button(pen, key, width));
            pen.record(ui, Key::Keypad { field: id.to_owned(), key: (*key).to_owned() }, &r);
            if r.clicked() {
                let typing = &mut *pen.typing;
                match *key {
                    "del" => {
                        typing.value.pop();
                    }
                    "ok" => pen.taps.push(Action::Enter { field: id.to_owned(), value: typing.value.clone() }),
                    digit if field.max_len == 0 || typing.value.chars().count() < field.max_len => {
                        typing.value.push_str(digit);
                        if field.auto_send && typing.value.chars().count() == field.max_len {
                            pen.taps.push(Action::Enter { field: id.to_owned(), value: typing.value.clone() });
                        }
                    }
                    _ => {}
                }
            }
            if n % 3 == 2 {
                ui.end_row();
            }
        }
    });
}

/// The field a keypad types into, and how.
struct Keypad {
    id: String,
    /// At most this many characters (0: no limit).
    max_len: usize,
    /// Sent as soon as it is full (codes, passwords).
    auto_send: bool,
}

//! The look: the senior-first sizes and colours every screen draws with, and
//! the widgets made from them at the chosen text size ([`Theme`]).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::senior;

/// The text size in force (a resource): every text size and widget below is made at it.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Percent: 100, 125, 150 or 200.
    text_scale: u32,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme { text_scale: 100 }
    }
}

/// Logical px of headings, body text and buttons.
pub const HEADING_PX: f32 = 40.0;
pub const BODY_PX: f32 = senior::MIN_PHONE_TEXT_PX as f32;
pub const BUTTON_PX: f32 = 28.0;
/// The smallest button: 60×60 by the rules; we use wider ones for words.
pub const BUTTON_MIN: egui::Vec2 = egui::vec2(160.0, senior::MIN_TARGET_PX as f32 + 4.0);
/// Near-black text on warm white: over 15:1.
pub const INK: egui::Color32 = rgb(senior::DEFAULT_TEXT);
/// Dark amber for notices (7.6:1 on white); always with words, never colour alone.
pub const NOTICE: egui::Color32 = egui::Color32::from_rgb(0x7a, 0x3b, 0x00);

pub(super) fn install_fonts_and_style(mut contexts: EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    set_up(ctx);
    *done = true;
    Ok(())
}

/// The app's font (the shipped CJK subset first) and look, on any egui context.
pub fn set_up(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let font = egui::FontData::from_static(crate::glyphs::SHIPPED_FONT);
    fonts.font_data.insert("noto-sans-sc".into(), std::sync::Arc::new(font));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "noto-sans-sc".into());
    }
    ctx.set_fonts(fonts);
    let mut visuals = egui::Visuals::light();
    // The keyboard focus: a thick dark ring, easy to follow for someone who cannot use a mouse.
    visuals.selection.stroke = egui::Stroke::new(4.0, INK);
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, INK);
    ctx.set_visuals(visuals);
    // Words in a button keep some room from its edges, however large the text.
    ctx.all_styles_mut(|s| s.spacing.button_padding = egui::vec2(14.0, 6.0));
    // Seniors press slowly and their hands shake: a press held for any time, or moved up to
    // 12 px before release, is still a tap (egui's defaults are 0.8 s and 6 px). It also keeps
    // clicks clicks when a busy software renderer draws the press and release seconds apart.
    ctx.options_mut(|o| {
        o.input_options.max_click_duration = f64::INFINITY;
        o.input_options.max_click_dist = 12.0;
    });
}

/// Caption text: at least 32 logical px at 1280×720.
pub const CAPTION_PX: f32 = 34.0;
/// The soft amber of the glow around what to touch (with a thick outline, never colour alone).
pub const GLOW: egui::Color32 = egui::Color32::from_rgb(0xf2, 0xa9, 0x00);
/// The calm blue of primary buttons and of the hint line (white on it 8.0:1; on the
/// caption's warm white 7.5:1).
pub const PRIMARY: egui::Color32 = rgb(senior::PRIMARY);

/// A colour of the senior-first numbers (and of the checker's ratings), as egui draws it.
pub const fn rgb(c: senior::Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(c.0, c.1, c.2)
}
/// Warm white panels.
pub const PAPER: egui::Color32 = egui::Color32::from_rgb(0xfb, 0xf8, 0xf2);

/// A centred, untitled panel (for questions that pop up over a screen).
pub fn card_window(id: &str) -> egui::Window<'static> {
    egui::Window::new(id.to_owned())
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .frame(egui::Frame::window(&egui::Style::default()).fill(PAPER).inner_margin(24.0))
}

/// A card over everything, as wide as the screen allows (up to 900 px), for lists.
pub fn wide_card_window(ctx: &egui::Context, id: &str) -> egui::Window<'static> {
    let width = (ctx.viewport_rect().width() - 120.0).min(900.0);
    card_window(id).order(egui::Order::Tooltip).min_width(width).max_width(width)
}

/// Width of the menu panels: the same on every screen, so nothing jumps when the content changes.
pub const MENU_WIDTH: f32 = 960.0;

/// A full-screen menu panel: fixed width, pinned near the top (it grows downwards,
/// never moves under the learner's finger), scrolling when large text makes it tall.
pub fn menu(ctx: &egui::Context, id: &str, add_contents: impl FnOnce(&mut egui::Ui)) {
    let viewport = ctx.viewport_rect();
    let width = MENU_WIDTH.min(viewport.width() - 32.0);
    egui::Window::new(id.to_owned())
        .title_bar(false)
        .resizable(false)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 16.0])
        .fixed_size([width - 48.0, viewport.height() - 32.0 - 48.0])
        .frame(egui::Frame::window(&egui::Style::default()).fill(PAPER).inner_margin(24.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, add_contents);
        });
}

/// A framed box for problems a trainer must fix.
pub fn notice_frame() -> egui::Frame {
    egui::Frame::group(&egui::Style::default()).stroke(egui::Stroke::new(3.0, NOTICE)).inner_margin(12.0)
}

impl Theme {
    /// Sets the text size (percent, 100 to 200).
    pub fn set_text_scale(&mut self, percent: u32) {
        self.text_scale = percent.clamp(100, 200);
    }

    pub fn text_scale(&self) -> u32 {
        self.text_scale
    }

    /// A text size in logical px at the chosen text size.
    pub fn px(&self, base: f32) -> f32 {
        base * self.text_scale as f32 / 100.0
    }

    pub fn heading(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text).size(self.px(HEADING_PX)).strong().color(INK)
    }

    pub fn body(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text).size(self.px(BODY_PX)).color(INK)
    }

    pub fn notice(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text).size(self.px(BODY_PX)).strong().color(NOTICE)
    }

    /// A secondary button: large text, at least 60 px tall.
    pub fn button(&self, text: impl Into<String>) -> egui::Button<'static> {
        egui::Button::new(egui::RichText::new(text).size(self.px(BUTTON_PX)).color(INK)).min_size(BUTTON_MIN)
    }

    /// The one thing to press on a screen: bigger, filled.
    pub fn big_button(&self, text: impl Into<String>) -> egui::Button<'static> {
        egui::Button::new(egui::RichText::new(text).size(self.px(HEADING_PX)).color(egui::Color32::WHITE))
            .fill(PRIMARY)
            .min_size(egui::vec2(360.0, 88.0))
    }

    /// A scenario card: the whole card is the button.
    pub fn card_button(&self, text: impl Into<String>) -> egui::Button<'static> {
        // Long words wrap inside the card: the menu never grows wider than the window.
        egui::Button::new(egui::RichText::new(text).size(self.px(BUTTON_PX)).color(INK))
            .wrap()
            .fill(egui::Color32::WHITE)
            .stroke(egui::Stroke::new(2.0, egui::Color32::from_rgb(0x8a, 0x80, 0x70)))
            .corner_radius(8.0)
            .min_size(egui::vec2(MENU_WIDTH - 220.0, 96.0))
    }

    /// A learner's name card: big, in the learner's colour, the name in dark ink.
    pub fn name_card(&self, name: impl Into<String>, colour: egui::Color32) -> egui::Button<'static> {
        egui::Button::new(egui::RichText::new(name).size(self.px(HEADING_PX)).color(INK))
            .fill(colour)
            .stroke(egui::Stroke::new(2.0, INK))
            .min_size(egui::vec2(200.0, 96.0))
    }

    /// One of several choices (a text size, a language): the chosen one has a tick
    /// and a thick dark border, so it does not rely on colour.
    pub fn choice(&self, text: impl Into<String>, chosen: bool) -> egui::Button<'static> {
        let text = text.into();
        let (label, stroke) = if chosen { (format!("✓ {text}"), 4.0) } else { (text, 1.0) };
        egui::Button::new(egui::RichText::new(label).size(self.px(BUTTON_PX)).color(INK))
            .fill(if chosen { egui::Color32::from_rgb(0xfd, 0xe9, 0xb8) } else { egui::Color32::WHITE })
            .stroke(egui::Stroke::new(stroke, INK))
            .min_size(egui::vec2(140.0, BUTTON_MIN.y))
    }

    /// One bar of a bar chart: the label above, the bar, and its value written at
    /// its end (a chart never relies on length or colour alone).
    pub fn bar(&self, ui: &mut egui::Ui, label: &str, fraction: f64, value: &str) {
        ui.label(egui::RichText::new(label).size(self.px(BODY_PX)).color(INK));
        let width = 520.0;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width + 320.0, 30.0), egui::Sense::hover());
        let painter = ui.painter();
        let track = egui::Rect::from_min_size(rect.min, egui::vec2(width, 30.0));
        painter.rect_filled(track, 4.0, egui::Color32::from_rgb(0xee, 0xe8, 0xdc));
        let filled = egui::Rect::from_min_size(rect.min, egui::vec2(width * fraction.clamp(0.0, 1.0) as f32, 30.0));
        painter.rect_filled(filled, 4.0, PRIMARY);
        painter.text(
            egui::pos2(track.max.x + 12.0, rect.center().y),
            egui::Align2::LEFT_CENTER,
            value,
            egui::FontId::proportional(self.px(BODY_PX)),
            INK,
        );
    }

    /// A filled primary button of normal height (for "I've read it").
    pub fn primary_button(&self, text: impl Into<String>) -> egui::Button<'static> {
        egui::Button::new(egui::RichText::new(text).size(self.px(BUTTON_PX)).color(egui::Color32::WHITE))
            .fill(PRIMARY)
            .min_size(egui::vec2(200.0, BUTTON_MIN.y))
    }
}

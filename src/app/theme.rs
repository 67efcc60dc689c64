//! The look: the CJK font and the senior-first sizes every screen draws with.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::senior;

/// Noto Sans CJK SC, cut down by `tools/subset-font.py` (OFL, see assets/fonts/OFL.txt).
/// Compiled in, so the app never shows empty boxes for a missing font file.
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-kuayue.otf");

/// Logical px of headings, body text and buttons.
pub const HEADING_PX: f32 = 40.0;
pub const BODY_PX: f32 = senior::MIN_PHONE_TEXT_PX as f32;
pub const BUTTON_PX: f32 = 28.0;
/// The smallest button: 60×60 by the rules; we use wider ones for words.
pub const BUTTON_MIN: egui::Vec2 = egui::vec2(160.0, senior::MIN_TARGET_PX as f32 + 4.0);
/// Near-black text on warm white: over 15:1.
pub const INK: egui::Color32 = egui::Color32::from_rgb(0x1a, 0x1a, 0x1a);
/// Dark amber for notices (7.6:1 on white); always with words, never colour alone.
pub const NOTICE: egui::Color32 = egui::Color32::from_rgb(0x7a, 0x3b, 0x00);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, install_fonts_and_style);
}

fn install_fonts_and_style(mut contexts: EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("noto-sans-sc".into(), std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "noto-sans-sc".into());
    }
    ctx.set_fonts(fonts);
    ctx.set_visuals(egui::Visuals::light());
    *done = true;
    Ok(())
}

//! The look: the CJK font, the senior-first sizes and colours (`style`, with
//! the text size as the [`Theme`] resource) and shared lists (`steps`).

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

mod steps;
mod style;

pub use steps::step_list;
pub use style::*;

/// The smallest height of the caption bar; it grows upwards when the words need more.
pub const CAPTION_MIN_HEIGHT: f32 = 200.0;

/// How tall the caption bar was drawn last frame, so the phone and labels stay above it.
#[derive(Resource, Debug, Clone, Copy)]
pub struct CaptionHeight(pub f32);

impl Default for CaptionHeight {
    fn default() -> Self {
        CaptionHeight(CAPTION_MIN_HEIGHT)
    }
}

/// The text size resource (works headless).
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Theme>().init_resource::<CaptionHeight>();
}

/// The font and the focus ring, installed into egui once (needs a window).
pub(super) fn fonts_plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, style::install_fonts_and_style);
}

/// `text` laid out as egui wraps it in `width` at `px`, with a line break put one character
/// earlier wherever a wrapped line would start with closing punctuation
/// ([`crate::senior::may_not_start_line`]): "中，" goes down together.
pub fn keep_punctuation(ctx: &egui::Context, text: &str, px: f32, width: f32) -> String {
    let font = egui::FontId::proportional(px);
    let mut text = text.to_owned();
    // Each pass mends the first bad line start; a prompt has a handful of lines.
    for _ in 0..16 {
        let galley = ctx.fonts_mut(|f| f.layout(text.clone(), font.clone(), egui::Color32::BLACK, width));
        let mut start = 0;
        let mut mend = None;
        for (n, row) in galley.rows.iter().enumerate() {
            let wrapped = n > 0 && !galley.rows[n - 1].ends_with_newline;
            let first = row.row.glyphs.first().map(|g| g.chr);
            // Only where the line before has a character to give (not one alone).
            if wrapped
                && first.is_some_and(crate::senior::may_not_start_line)
                && galley.rows[n - 1].row.glyphs.len() > 1
            {
                mend = Some(start - 1);
                break;
            }
            start += row.char_count_including_newline().0;
        }
        let Some(at) = mend else { break };
        let byte = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
        text.insert(byte, '\n');
    }
    text
}

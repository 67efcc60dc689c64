//! The look: the CJK font, the senior-first sizes and colours (`style`, with
//! the text size as the [`Theme`] resource) and shared lists (`steps`).

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

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

//! Hot reload for trainers: files polled and changes applied (`watch`), and
//! the problems of a broken save listed over the app (`overlay`).

use bevy::prelude::*;

mod overlay;
mod watch;

pub use watch::{FilesChanged, POLL_SECS, ReloadProblems};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(watch::plugin);
}

/// The list of problems over the screen (needs a window).
pub(super) fn overlay_plugin(app: &mut App) {
    app.add_plugins(overlay::plugin);
}

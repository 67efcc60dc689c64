//! The screens a learner moves through: start → choose → walkthrough (its
//! caption bar) → done, and settings and the trainer's corner. Each reads
//! resources and writes request messages; none touches the store or the disk.

use bevy::prelude::*;

pub use super::flow::Screen;

pub mod caption;
mod choose;
mod done;
mod settings;
mod start;
mod trainer;

/// The screen state itself (works headless).
pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_systems(Update, log_screen.run_if(state_changed::<Screen>));
}

/// One log line per screen change (tests and support follow the learner's path by it).
fn log_screen(screen: Res<State<Screen>>) {
    info!("screen: {:?}", screen.get());
}

/// The menu screens drawn with egui (needs a window).
pub(super) fn menus_plugin(app: &mut App) {
    app.add_plugins((start::plugin, choose::plugin, caption::plugin, done::plugin, settings::plugin, trainer::plugin));
}

//! The screens a learner moves through: start → choose → walkthrough → done.

use bevy::prelude::*;

mod choose;
mod done;
mod settings;
mod start;
pub mod trainer;

/// Which screen is showing. The current step is core data (`Active`), not a state.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Start,
    Choose,
    Walkthrough,
    Done,
    /// Text size, language, full screen.
    Settings,
    /// The trainer's dashboard, behind a PIN.
    Trainer,
}

/// The screen state itself (works headless).
pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}

/// The menu screens drawn with egui (needs a window).
pub(super) fn menus_plugin(app: &mut App) {
    app.add_plugins((start::plugin, choose::plugin, done::plugin, settings::plugin, trainer::plugin));
}

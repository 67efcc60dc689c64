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
    app.init_state::<Screen>().add_systems(Update, log_screen.run_if(state_changed::<Screen>));
}

/// One log line per screen change (tests and support follow the learner's path by it).
fn log_screen(screen: Res<State<Screen>>) {
    info!("screen: {:?}", screen.get());
}

/// The menu screens drawn with egui (needs a window).
pub(super) fn menus_plugin(app: &mut App) {
    app.add_plugins((start::plugin, choose::plugin, done::plugin, settings::plugin, trainer::plugin));
}

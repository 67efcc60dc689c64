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
    app.add_plugins((start::plugin, choose::plugin, caption::plugin, done::plugin, settings::plugin, trainer::plugin))
        .add_systems(bevy_egui::EguiPrimaryContextPass, name_the_window);
}

/// A screen reader calls the window by the app's name (跨越), in the learner's language.
fn name_the_window(mut contexts: bevy_egui::EguiContexts, words: Res<crate::app::words::Words>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let name = words.ui("app-title");
    ctx.accesskit_node_builder(bevy_egui::egui::accesskit_root_id(), |node| node.set_label(name));
    Ok(())
}

//! The virtual phone (or a kiosk's screen) drawn from the scenario's screens
//! (`screen`, with the app's tab bar in `tabs`; calls, chats and the other ways people reach the learner in `talk`, with
//! their `pictures`), the guide around what to touch (`guide`), and where every
//! tappable thing was drawn (`targets`), for the guide, autoplay and tests.

use bevy::prelude::*;

pub mod guide;
pub mod icons;
pub mod pictures;
pub mod screen;
mod tabs;
mod talk;
pub mod targets;

pub use screen::Typing;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((screen::plugin, targets::plugin, guide::plugin));
}

//! The 3D place of a walkthrough, built from the scenario's data: the room and
//! its stations (`room`, drawn with the cheap `flat` material), the camera that
//! glides to each step's subject (`camera`) and the stations' labels (`labels`).

use bevy::prelude::*;

pub mod camera;
pub mod display;
mod flat;
mod labels;
pub mod models;
mod picture;

pub use picture::{canvas, painter};
pub mod room;
pub mod signs;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        flat::plugin,
        picture::plugin,
        signs::plugin,
        display::plugin,
        room::plugin,
        camera::plugin,
        labels::plugin,
    ));
}

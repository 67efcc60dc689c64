//! The voice: each line the caption shows is spoken from its clip
//! (`speaker`), with gentle repetition when the learner is quiet.

use bevy::prelude::*;

mod speaker;

pub use speaker::{Say, SayNext, Sound, SpokenLog, sound_device_present};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(speaker::plugin);
}

//! Seated VR (`kuayue --vr`, built with the `vr` feature): the same app, engine, voice and
//! records, seen through an OpenXR headset. The learner sits: the reference space is LOCAL
//! (the head where it was when the session began), and the tracking root stands where the
//! camera's goal is, turned only about the vertical. It never glides: when a step looks
//! somewhere else the view jumps there, once the window's own camera has arrived.
//!
//! Without a runtime or a headset, OpenXR's plugins fall back to the window, and the learner
//! (or trainer) is told so in plain words: practice goes on in the window. The window shows
//! what the learner faces and keeps every button, so a trainer can press 提示 / 跳过 there.

use bevy::prelude::*;

#[cfg(feature = "vr")]
mod point;
#[cfg(feature = "vr")]
mod xr;
#[cfg(feature = "vr")]
pub use xr::{FramesSent, plugin, plugins};

/// Whether this program was built with VR (the `vr` feature).
pub const BUILT_WITH_VR: bool = cfg!(feature = "vr");

/// How long a learner without controllers looks at a button or a machine to tap it (seconds):
/// long enough not to tap by glancing, short enough not to tire the neck.
pub const DWELL_SECS: f32 = 2.0;

/// The tracking root for an eye at `eye` looking at `look`: there, turned about the vertical.
pub fn seated_pose(eye: Vec3, look: Vec3) -> Transform {
    let flat = Vec3::new(look.x - eye.x, 0.0, look.z - eye.z);
    let yaw = if flat.length_squared() < 1e-6 { 0.0 } else { f32::atan2(-flat.x, -flat.z) };
    Transform::from_translation(eye).with_rotation(Quat::from_rotation_y(yaw))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seated pose faces where the camera looks, level: its forward is the look's
    /// direction without the tilt, and it never rolls or pitches.
    #[test]
    fn the_seated_pose_faces_the_goal_level() {
        let pose = seated_pose(Vec3::new(1.0, 1.2, 3.0), Vec3::new(0.0, 0.5, 0.0));
        let forward = pose.forward();
        assert!(forward.y.abs() < 1e-5, "{forward:?}");
        let expected = Vec3::new(-1.0, 0.0, -3.0).normalize();
        assert!(forward.distance(expected) < 1e-4, "{forward:?} vs {expected:?}");
        assert!(pose.up().distance(Vec3::Y) < 1e-5);
    }
}

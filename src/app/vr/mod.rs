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
mod caption;
#[cfg(feature = "vr")]
mod point;
#[cfg(feature = "vr")]
mod xr;
#[cfg(feature = "vr")]
pub use xr::{FramesSent, plugin, plugins};

/// Whether the caption offers the trainer 回到正前方 (recentre): while a headset shows the room.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RecentreOffered(pub bool);

/// The trainer pressed 回到正前方: the room turns back in front of the learner's head.
#[derive(Message, Debug, Clone, Copy)]
pub struct Recentre;

/// Registers what the window's caption and the headset share (in every build: without VR the
/// button is never offered).
pub fn shared_plugin(app: &mut App) {
    app.add_message::<Recentre>();
}

/// Whether this program was built with VR (the `vr` feature).
pub const BUILT_WITH_VR: bool = cfg!(feature = "vr");

/// How long a learner without controllers looks at a button or a machine to tap it (seconds):
/// long enough not to tap by glancing, short enough not to tire the neck.
pub const DWELL_SECS: f32 = 2.0;

/// A place a pointing ray meets: a point of the screen shown (logical px of its picture), or a
/// machine (its station id).
#[derive(Debug, Clone, PartialEq)]
pub enum Spot {
    Screen(bevy_egui::egui::Pos2),
    Station(String),
}

impl Spot {
    /// The same place for a dwell: the same machine, or within 24 px on the screen (a steady
    /// look wobbles a little).
    pub fn near(&self, other: &Spot) -> bool {
        match (self, other) {
            (Spot::Screen(a), Spot::Screen(b)) => a.distance(*b) <= 24.0,
            (Spot::Station(a), Spot::Station(b)) => a == b,
            _ => false,
        }
    }
}

/// Gaze-and-dwell, for learners who cannot use controllers: what the look rests on, since
/// when, and whether that look has tapped already.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Dwell {
    on: Option<Spot>,
    since: f32,
    done: bool,
}

impl Dwell {
    /// The look rests on `spot` at `now` (seconds): true once, when it has rested there
    /// [`DWELL_SECS`] — a tap. Looking elsewhere starts afresh; a look that tapped taps again
    /// only after it has moved away.
    pub fn look(&mut self, spot: &Spot, now: f32) -> bool {
        if self.on.as_ref().is_none_or(|on| !on.near(spot)) {
            *self = Dwell { on: Some(spot.clone()), since: now, done: false };
        }
        let due = !self.done && now - self.since >= DWELL_SECS;
        self.done |= due;
        due
    }

    /// How far the look is towards its tap (0 to 1; 0 once it has tapped): the dot grows.
    pub fn progress(&self, now: f32) -> f32 {
        if self.done || self.on.is_none() { 0.0 } else { ((now - self.since) / DWELL_SECS).clamp(0.0, 1.0) }
    }
}

/// The caption panel in the headset: this far ahead of the eyes (metres, level)…
pub const CAPTION_DISTANCE_M: f32 = 1.2;
/// …this far below them (a glance down, as to the window's caption)…
pub const CAPTION_BELOW_M: f32 = 0.42;
/// …this wide…
pub const CAPTION_WIDTH_M: f32 = 0.9;
/// …with letters this high.
pub const CAPTION_LETTER_M: f32 = 0.036;

/// The visual angle of the caption's letters, in degrees, from the seated learner's eyes.
pub fn caption_angle_degrees() -> f32 {
    let distance = CAPTION_DISTANCE_M.hypot(CAPTION_BELOW_M);
    (2.0 * (CAPTION_LETTER_M / 2.0 / distance).atan()).to_degrees()
}

/// The tracking root for an eye at `eye` looking at `look`: there, turned about the vertical.
pub fn seated_pose(eye: Vec3, look: Vec3) -> Transform {
    let flat = Vec3::new(look.x - eye.x, 0.0, look.z - eye.z);
    let yaw = if flat.length_squared() < 1e-6 { 0.0 } else { f32::atan2(-flat.x, -flat.z) };
    Transform::from_translation(eye).with_rotation(Quat::from_rotation_y(yaw))
}

/// The tracking root that puts a head, at `head` in the root's own space (where the runtime
/// sees it), at the seat's eye and facing the seat's way (turned about the vertical only): what
/// "recentre" does when a learner has turned on the chair or the headset drifted.
pub fn recentred(seat: Transform, head: Transform) -> Transform {
    let (yaw, _, _) = head.rotation.to_euler(EulerRot::YXZ);
    let rotation = seat.rotation * Quat::from_rotation_y(-yaw);
    let level = Vec3::new(head.translation.x, 0.0, head.translation.z);
    Transform::from_translation(seat.translation - rotation * level).with_rotation(rotation)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caption in the headset reads as large as a seated older reader needs: its letters
    /// take at least 1.5° of the view (about 1.6°: 3.6 cm at 1.27 m).
    #[test]
    fn the_captions_letters_take_at_least_one_and_a_half_degrees() {
        let angle = caption_angle_degrees();
        assert!((1.5..2.5).contains(&angle), "{angle:.2}°");
    }

    /// The seated pose faces where the camera looks, level: its forward is the look's
    /// direction without the tilt, and it never rolls or pitches.
    /// Looking at a button for two seconds taps it once; a steady look's small wobble keeps
    /// the count; looking away starts it again; a second tap needs a new look.
    #[test]
    fn a_two_second_look_taps_once_and_looking_away_starts_again() {
        let at = |x: f32| Spot::Screen(bevy_egui::egui::pos2(x, 100.0));
        let mut dwell = Dwell::default();
        assert!(!dwell.look(&at(100.0), 0.0));
        assert!(!dwell.look(&at(110.0), 1.0), "a wobble of 10 px is the same look");
        assert!((dwell.progress(1.0) - 0.5).abs() < 1e-6);
        assert!(dwell.look(&at(95.0), 2.0), "two seconds: a tap");
        assert!(!dwell.look(&at(100.0), 5.0), "the same look taps once");
        assert_eq!(dwell.progress(5.0), 0.0);
        assert!(!dwell.look(&at(300.0), 5.5), "another button: the count starts again");
        assert!(!dwell.look(&at(300.0), 7.0));
        assert!(dwell.look(&at(300.0), 7.5));
        let mut machine = Dwell::default();
        assert!(!machine.look(&Spot::Station("kiosk".into()), 0.0));
        assert!(!machine.look(&Spot::Station("seats".into()), 1.5), "another machine");
        assert!(machine.look(&Spot::Station("seats".into()), 3.5));
    }

    /// After a recentre, the head, turned 40° on the chair and 20 cm to the side, sees the
    /// room from the seat's eye and the seat's way again.
    #[test]
    fn recentring_brings_a_turned_head_back_to_the_seat() {
        let seat = seated_pose(Vec3::new(1.0, 1.2, 3.0), Vec3::new(0.0, 0.5, 0.0));
        let head = Transform::from_xyz(0.2, 0.05, -0.1)
            .with_rotation(Quat::from_rotation_y(40f32.to_radians()) * Quat::from_rotation_x(-0.2));
        let root = recentred(seat, head);
        let seen = root * head;
        let flat = |v: Vec3| Vec3::new(v.x, 0.0, v.z).normalize();
        assert!(flat(seen.forward().into()).distance(flat(seat.forward().into())) < 1e-4);
        let off = seen.translation - seat.translation;
        assert!(Vec2::new(off.x, off.z).length() < 1e-4, "{off:?}");
    }

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

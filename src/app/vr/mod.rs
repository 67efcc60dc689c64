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

mod pointing;
pub use pointing::{DWELL_SECS, Dwell, Pointing, Press, Presses, Spot};

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

/// The caption panel's picture is this much higher than wide.
pub const CAPTION_ASPECT: f32 = 384.0 / 1024.0;

/// The caption panel in the direction of a point `x` metres to the side, `below` metres under
/// the eyes and [`CAPTION_DISTANCE_M`] ahead, always as far from the eyes as in its usual place
/// (so its letters always take [`caption_angle_degrees`]), facing them (in the seat's space:
/// the eyes at the origin, looking along −Z).
pub fn caption_pose(x: f32, below: f32) -> Transform {
    let eyes_to_usual = CAPTION_DISTANCE_M.hypot(CAPTION_BELOW_M);
    let at = Vec3::new(x, -below, -CAPTION_DISTANCE_M).normalize() * eyes_to_usual;
    // The panel's face (+Z) turned to the eyes.
    Transform::from_translation(at).looking_to(at.normalize(), Vec3::Y)
}

/// What part of the view points take, seen from the eyes (the seat's space): degrees to the
/// right (min, max) and up (min, max); `None` when none is in front.
pub fn view_extent(points: impl IntoIterator<Item = Vec3>) -> Option<[f32; 4]> {
    points.into_iter().filter(|p| -p.z > 0.05).fold(None, |extent, p| {
        let right = p.x.atan2(-p.z).to_degrees();
        let up = p.y.atan2(p.x.hypot(p.z)).to_degrees();
        let [a, b, c, d] = extent.unwrap_or([right, right, up, up]);
        Some([a.min(right), b.max(right), c.min(up), d.max(up)])
    })
}

/// Where the caption panel goes so that it does not cover `keep_clear` (the corners of the
/// screen shown and of the machine to touch, in the seat's space): below the view and a
/// little to the left as a rule; further left, then lower, when that would cover them (by
/// 2° of margin). If every place would, the one that covers least.
pub fn caption_clear_of(keep_clear: &[Vec3]) -> Transform {
    const PLACES: [(f32, f32); 7] =
        [(-0.2, CAPTION_BELOW_M), (-0.45, 0.42), (-0.2, 0.56), (-0.45, 0.56), (-0.7, 0.42), (-0.2, 0.7), (-0.7, 0.7)];
    let Some([left, right, down, up]) = view_extent(keep_clear.iter().copied()) else {
        return caption_pose(PLACES[0].0, PLACES[0].1);
    };
    let covered = |pose: &Transform| {
        let [a, b, c, d] = view_extent(caption_corners(pose)).unwrap_or_default();
        let m = 2.0;
        let across = (b.min(right + m) - a.max(left - m)).max(0.0);
        let high = (d.min(up + m) - c.max(down - m)).max(0.0);
        across * high
    };
    let poses = PLACES.map(|(x, below)| caption_pose(x, below));
    poses
        .iter()
        .find(|pose| covered(pose) == 0.0)
        .or_else(|| poses.iter().min_by(|a, b| covered(a).total_cmp(&covered(b))))
        .copied()
        .unwrap_or_default()
}

/// The caption panel's corners where it is placed at `pose`.
pub fn caption_corners(pose: &Transform) -> [Vec3; 4] {
    let (w, h) = (CAPTION_WIDTH_M / 2.0, CAPTION_WIDTH_M * CAPTION_ASPECT / 2.0);
    [(-w, -h), (w, -h), (-w, h), (w, h)].map(|(x, y)| pose.transform_point(Vec3::new(x, y, 0.0)))
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

    /// The caption panel keeps clear of what the learner must look at: with nothing there
    /// it is below the view, a little to the left; a kiosk screen faced at the right whose
    /// lower-left corner it would cover pushes it left; a card slot low in the middle, lower
    /// or aside; and it always faces the eyes.
    #[test]
    fn the_caption_panel_keeps_clear_of_the_screen_and_the_machine_to_touch() {
        let usual = caption_clear_of(&[]);
        let usual_at = Vec3::new(-0.2, -CAPTION_BELOW_M, -CAPTION_DISTANCE_M).normalize();
        assert!(usual.translation.normalize().distance(usual_at) < 1e-5, "{usual:?}");
        let to_eyes = -usual.translation.normalize();
        assert!(Vec3::from(usual.back()).distance(to_eyes) < 1e-5, "its face is turned to the eyes");

        let rect = |x0: f32, x1: f32, y0: f32, y1: f32, z: f32| {
            [Vec3::new(x0, y0, z), Vec3::new(x1, y0, z), Vec3::new(x0, y1, z), Vec3::new(x1, y1, z)]
        };
        let overlaps = |pose: Transform, keep: &[Vec3]| {
            let [a, b, c, d] = view_extent(caption_corners(&pose)).unwrap();
            let [l, r, dn, up] = view_extent(keep.iter().copied()).unwrap();
            a < r && l < b && c < up && dn < d
        };
        // A kiosk's screen faced at the right of the view, its bottom 14° below the eyes.
        let screen = rect(0.08, 0.55, -0.19, 0.3, -0.8);
        assert!(overlaps(usual, &screen), "the usual place would cover its corner");
        let placed = caption_clear_of(&screen);
        assert!(!overlaps(placed, &screen), "{placed:?}");
        assert!(placed.translation.y >= -0.43, "moved aside, not down: {placed:?}");
        // A card slot low in the middle of the view.
        let slot = rect(-0.1, 0.1, -0.45, -0.38, -1.0);
        let placed = caption_clear_of(&slot);
        assert!(!overlaps(placed, &slot), "{placed:?}");
        // Everything in front, ahead and below: the panel covers as little as it can.
        let wall = rect(-3.0, 3.0, -3.0, 1.0, -1.5);
        assert!(caption_clear_of(&wall).is_finite());
        // Wherever it goes, it is as far from the eyes (its letters as large).
        for placed in [usual, caption_clear_of(&screen), caption_clear_of(&slot), caption_clear_of(&wall)] {
            let far = CAPTION_DISTANCE_M.hypot(CAPTION_BELOW_M);
            assert!((placed.translation.length() - far).abs() < 1e-4, "{placed:?}");
        }
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

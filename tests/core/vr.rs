//! Seated VR's pointing, without a headset: a controller's ray (or the learner's gaze) meets a
//! screen shown on a machine in the room, the point it meets is the button drawn there, and a
//! press there is the tap that button makes. The same hit test as the mouse's
//! (`ray_to_picture`), from a seated learner's hand instead of the window's camera.

use bevy::prelude::*;
use bevy_egui::egui;
use kuayue::app::phone::screen::{PanelLayout, PhoneFrame, Typing, draw_screen_filling};
use kuayue::app::phone::targets::{DrawnTargets, Key};
use kuayue::app::scene::display::{in_room, ray_to_picture};
use kuayue::app::theme::{self, Theme};
use kuayue::app::words::Words;
use kuayue::i18n::Lang;
use kuayue::scenario::project::Project;
use kuayue::walkthrough::{Action, Target};

use crate::common::{repo, seed};

/// The kiosk's picture, in logical px (as the app paints a kiosk screen at 1280×720).
const PICTURE: egui::Vec2 = egui::vec2(540.0, 480.0);

/// Draws the kiosk menu of the hospital scenario into a bare egui context the size of its
/// picture, for one frame with `events`; where its targets are drawn, and the taps.
fn kiosk_frame(
    ctx: &egui::Context,
    words: &Words,
    clock: f64,
    events: Vec<egui::Event>,
) -> (DrawnTargets, Vec<Action>) {
    let scenario = seed("hospital_appointment");
    let screen = scenario.screen("kiosk_menu").unwrap();
    let target = Target::Widget("btn_sameday".into());
    let theme = Theme::default();
    let frame = PhoneFrame {
        screen,
        words,
        theme: &theme,
        target: Some(&target),
        caption_height: 0.0,
        layout: PanelLayout { width: PICTURE.x, beside: true, caption_max: 0.0 },
    };
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, PICTURE)),
        time: Some(clock),
        events,
        ..Default::default()
    };
    let (mut typing, mut drawn) = (Typing::default(), DrawnTargets::default());
    ctx.begin_pass(input);
    let taps = draw_screen_filling(ctx, &frame, &mut typing, &mut drawn);
    ctx.end_pass().drop_without_applying_deltas();
    (drawn, taps)
}

#[test]
fn a_controller_ray_at_a_kiosk_button_meets_that_button_and_a_press_there_taps_it() {
    let project = Project::at(repo());
    let words = Words::load(Lang::EnUs, &project);
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    let (drawn, _) = kiosk_frame(&ctx, &words, 0.0, Vec::new());
    let button = drawn.get(&Key::Widget("btn_sameday".into())).expect("the button is drawn");
    let other = drawn.get(&Key::Widget("btn_checkin".into())).expect("the other button is drawn");

    // The kiosk's screen: 1.3 m up, tilted back 15°, turned a little, 0.6 m across; the
    // learner sits 0.8 m in front of it, the controller in the right hand at lap height.
    let height = 0.6 * PICTURE.y / PICTURE.x;
    let face = GlobalTransform::from(
        Transform::from_xyz(0.3, 1.3, -0.8)
            .with_rotation(Quat::from_rotation_y(-0.2) * Quat::from_rotation_x(-15f32.to_radians()))
            .with_scale(Vec3::new(0.6, height, 1.0)),
    );
    let hand = Vec3::new(0.25, 0.9, 0.0);
    let aim = |at: egui::Pos2| Ray3d::new(hand, Dir3::new(in_room(&face, PICTURE, at) - hand).unwrap());

    // Ray → panel: pointed at the button's middle, it meets the picture there (to a pixel).
    let (hit, where_) = ray_to_picture(aim(button.center()), [&face], PICTURE).expect("the ray meets the screen");
    assert!(where_.distance(in_room(&face, PICTURE, button.center())) < 1e-3, "{where_:?}");
    assert!(hit.distance(button.center()) < 1.0, "{hit:?} vs {:?}", button.center());
    // Panel → target: that point is the button's, not its neighbour's.
    assert!(button.contains(hit) && !other.contains(hit), "{hit:?} in {button:?}, not {other:?}");
    // Pointed beside the screen, or from behind it, the ray meets nothing.
    let beside = in_room(&face, PICTURE, egui::pos2(PICTURE.x * 1.3, PICTURE.y / 2.0));
    assert_eq!(ray_to_picture(Ray3d::new(hand, Dir3::new(beside - hand).unwrap()), [&face], PICTURE), None);
    let behind = face.transform_point(Vec3::new(0.0, 0.0, -1.0));
    let through = in_room(&face, PICTURE, button.center());
    assert_eq!(ray_to_picture(Ray3d::new(behind, Dir3::new(through - behind).unwrap()), [&face], PICTURE), None);

    // A trigger press there is the tap of that button, as a mouse click is.
    let press = |pressed| egui::Event::PointerButton {
        pos: hit,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let mut taps = Vec::new();
    for (n, events) in
        [vec![egui::Event::PointerMoved(hit)], vec![press(true)], vec![press(false)], vec![]].into_iter().enumerate()
    {
        taps.extend(kiosk_frame(&ctx, &words, 0.1 * (n + 1) as f64, events).1);
    }
    assert_eq!(taps, vec![Action::Tap("btn_sameday".into())]);
}

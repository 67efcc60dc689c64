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
use kuayue::app::vr::{Pointing, Press, Presses, Spot};
use kuayue::app::words::Words;
use kuayue::i18n::Lang;
use kuayue::scenario::project::Project;
use kuayue::walkthrough::{Action, Target};

use crate::common::{repo, seed};

/// The kiosk's picture, in logical px (as the app paints a kiosk screen at 1280×720).
const PICTURE: egui::Vec2 = egui::vec2(540.0, 480.0);

/// A screen of a seed scenario, the step's target on it.
struct Shown {
    scenario: &'static str,
    screen: &'static str,
    target: Target,
}

fn kiosk() -> Shown {
    Shown { scenario: "hospital_appointment", screen: "kiosk_menu", target: Target::Widget("btn_sameday".into()) }
}

/// Draws `shown` into a bare egui context the size of a kiosk's picture, for one frame with
/// `events` (what the phone keeps between frames in `typing`); where its targets are drawn,
/// and the taps.
fn screen_frame(
    ctx: &egui::Context,
    words: &Words,
    (shown, typing): (&Shown, &mut Typing),
    clock: f64,
    events: Vec<egui::Event>,
) -> (DrawnTargets, Vec<Action>) {
    let scenario = seed(shown.scenario);
    let screen = scenario.screen(shown.screen).unwrap();
    let theme = Theme::default();
    let frame = PhoneFrame {
        screen,
        words,
        theme: &theme,
        target: Some(&shown.target),
        caption_height: 0.0,
        layout: PanelLayout { width: PICTURE.x, beside: true, caption_max: 0.0 },
    };
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, PICTURE)),
        time: Some(clock),
        events,
        ..Default::default()
    };
    let mut drawn = DrawnTargets::default();
    ctx.begin_pass(input);
    let taps = draw_screen_filling(ctx, &frame, typing, &mut drawn);
    ctx.end_pass().drop_without_applying_deltas();
    (drawn, taps)
}

#[test]
fn a_controller_ray_at_a_kiosk_button_meets_that_button_and_a_press_there_taps_it() {
    let project = Project::at(repo());
    let words = Words::load(Lang::EnUs, &project);
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    let kiosk = kiosk();
    let (drawn, _) = screen_frame(&ctx, &words, (&kiosk, &mut Typing::default()), 0.0, Vec::new());
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
        taps.extend(screen_frame(&ctx, &words, (&kiosk, &mut Typing::default()), 0.1 * (n + 1) as f64, events).1);
    }
    assert_eq!(taps, vec![Action::Tap("btn_sameday".into())]);
}

/// Plays 6 s of pointing at the WeChat chat's 按住说话 (hold to talk) through the headset's
/// [`Presses`], a frame each 0.1 s: `frame(talk, n)` gives where the ray rests in frame `n`
/// (`talk`: the button's middle), the trigger (`None`: the gaze points) and whether the gaze's
/// dwell is due. Gives the screen's actions.
fn point_at_hold_to_talk(frame: impl Fn(egui::Pos2, usize) -> (egui::Pos2, Option<bool>, bool)) -> Vec<Action> {
    let project = Project::at(repo());
    let words = Words::load(Lang::ZhCn, &project);
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    let shown = Shown {
        scenario: "wechat_video_call",
        screen: "chat_voice",
        target: Target::Hold { widget: "talk".into(), seconds: 2 },
    };
    let mut typing = Typing::default();
    // The first frame scrolls the target into view (egui glides there in about a second).
    for n in 0..20 {
        screen_frame(&ctx, &words, (&shown, &mut typing), 0.1 * n as f64, Vec::new());
    }
    let (drawn, _) = screen_frame(&ctx, &words, (&shown, &mut typing), 2.0, Vec::new());
    let talk = drawn.get(&Key::Widget("talk".into())).expect("the hold-to-talk button is drawn").center();
    let (mut presses, mut actions) = (Presses::default(), Vec::new());
    for n in 1..60 {
        let (at, trigger, dwell_due) = frame(talk, n);
        let spot = Spot::Screen(at);
        let now = Pointing { spot: Some(&spot), trigger, dwell_due, holding: typing.hold.is_some() };
        let mut events = vec![egui::Event::PointerMoved(at)];
        for press in presses.frame(now) {
            let (pos, pressed) = match press {
                Press::ScreenDown(at) => (at, true),
                Press::ScreenUp(at) => (at, false),
                Press::Station(_) => unreachable!("no machine here"),
            };
            let button = egui::PointerButton::Primary;
            events.push(egui::Event::PointerButton { pos, button, pressed, modifiers: egui::Modifiers::NONE });
        }
        actions.extend(screen_frame(&ctx, &words, (&shown, &mut typing), 2.0 + 0.1 * n as f64, events).1);
    }
    actions
}

/// Hold = hold: the trigger pulled on 按住说话 and held for 2.5 s is a hold of about 2.5 s
/// (the step asks for 2), as a mouse button held there is; a short pull is a short hold.
#[test]
fn a_trigger_held_on_hold_to_talk_holds_it_as_long_as_it_is_held() {
    let held_for = |frames: usize| {
        point_at_hold_to_talk(move |talk, n| (talk + egui::vec2(3.0, 0.0), Some((10..10 + frames).contains(&n)), false))
    };
    let actions = held_for(25);
    let [Action::Hold { widget, secs }] = actions.as_slice() else { panic!("{actions:?}") };
    assert_eq!(widget, "talk");
    assert!((2.3..2.7).contains(secs), "held 2.5 s, heard {secs}");
    let actions = held_for(5);
    assert!(matches!(actions.as_slice(), [Action::Hold { secs, .. }] if *secs < 1.0), "{actions:?}");
}

/// With the gaze: a look resting on 按住说话 presses it, keeps it held while it rests there,
/// and lets go (sends) when it moves away.
#[test]
fn a_look_resting_on_hold_to_talk_holds_it_until_it_moves_away() {
    let actions = point_at_hold_to_talk(|talk, n| (if n < 40 { talk } else { egui::pos2(5.0, 5.0) }, None, n == 10));
    let [Action::Hold { widget, secs }] = actions.as_slice() else { panic!("{actions:?}") };
    assert_eq!(widget, "talk");
    assert!((2.8..3.2).contains(secs), "looked 3 s, heard {secs}");
}

//! The camera: it glides slowly (never fast, never spinning) to what each step is about.

use bevy::prelude::*;

use super::display::{Face, Placed, ShownScreen, facing_pose, fov};
use super::room::StationModel;
use crate::app::flow::Screen;
use crate::app::flow::{AppSystems, Wake};
use crate::app::walkthrough::{Active, ViewMoving};
use crate::scenario::Camera as CameraAim;
use crate::scenario::Display;

/// The learner's eye: the camera that shows the room (the others paint pictures).
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Eye;

/// Where the camera is heading.
#[derive(Resource, Debug, Clone, Copy)]
pub struct CameraGoal {
    pub eye: Vec3,
    pub look: Vec3,
}

impl Default for CameraGoal {
    fn default() -> Self {
        CameraGoal { eye: Vec3::new(0.0, 2.2, 6.5), look: Vec3::new(0.0, 0.9, 0.0) }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CameraGoal>()
        .init_resource::<Veil>()
        .add_systems(bevy_egui::EguiPrimaryContextPass, draw_veil.run_if(in_state(Screen::Walkthrough)))
        .add_systems(Startup, spawn_camera)
        .add_systems(OnExit(Screen::Walkthrough), |mut goal: ResMut<CameraGoal>| *goal = CameraGoal::default())
        .add_systems(
            Update,
            (aim_camera.run_if(in_state(Screen::Walkthrough)), glide_camera).chain().in_set(AppSystems::Present),
        );
}

fn spawn_camera(mut commands: Commands) {
    let goal = CameraGoal::default();
    commands.spawn((
        Name::new("Camera"),
        Eye,
        Camera3d::default(),
        // The rooms' flat colours as they are: no tonemapping (nor its lookup tables in the program).
        bevy::core_pipeline::tonemapping::Tonemapping::None,
        Msaa::Off,
        Transform::from_translation(goal.eye).looking_at(goal.look, Vec3::Y),
    ));
}

/// Floor and wall colours of each place: warm and calm.
/// Sets where the camera should go for the current step.
fn aim_camera(
    active: Option<Res<Active>>,
    stations: Query<&StationModel>,
    shown: Res<ShownScreen>,
    faces: Query<(&Face, &GlobalTransform)>,
    eye: Query<&Projection, With<Eye>>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut goal: ResMut<CameraGoal>,
) {
    let Some(active) = active else { return };
    // A machine's screen in use: face it, so that it shows where the panel would be (unless
    // the step asks to touch something else in the room: then the room is what is shown).
    let touch_in_room = matches!(active.view.target, Some(crate::walkthrough::Target::Station(_)));
    if !touch_in_room
        && let Some(Placed { on: Display::Station(id), rect }) = &shown.0
        && let Some((_, face)) = faces.iter().find(|(f, _)| f.station.as_ref() == Some(id))
        && let (Ok(projection), Ok(window)) = (eye.single(), window.single())
    {
        let (scale, rotation, translation) = face.to_scale_rotation_translation();
        let pose = facing_pose(
            &Transform::from_translation(translation).with_rotation(rotation),
            scale.y,
            *rect,
            Vec2::new(window.width(), window.height()),
            fov(projection),
        );
        let wanted = CameraGoal { eye: pose.translation, look: pose.translation + pose.forward() * 1.0 };
        if goal.eye.distance(wanted.eye) > 0.001 || goal.look.distance(wanted.look) > 0.001 {
            *goal = wanted;
        }
        return;
    }
    let Some(aim) = &active.view.camera else { return };
    *goal = match aim {
        CameraAim::Phone => CameraGoal { eye: Vec3::new(-1.0, 1.7, 5.0), look: Vec3::new(-1.0, 1.0, 0.0) },
        CameraAim::Overview => CameraGoal { eye: Vec3::new(0.0, 4.2, 7.5), look: Vec3::new(0.0, 0.6, -1.5) },
        CameraAim::Station(id) => match stations.iter().find(|s| &s.id == id) {
            Some(s) => {
                // Wide things (a bus) are seen whole, from further back, aimed low enough that
                // all of it shows above the caption.
                let far = s.reach / 2.5;
                if far > 1.0 {
                    let at = s.label_at - Vec3::Y * (0.35 + 0.65 * s.height);
                    CameraGoal { eye: at + Vec3::new(1.2, 0.8, 3.2) * far * 1.25, look: at }
                } else {
                    // At the part one deals with (a stall's counter, not its awning; a kiosk's
                    // screen and slot, not its sign): 60 % of its height, at most 1.4 m up.
                    let at = s.label_at - Vec3::Y * (0.35 + s.height - (s.height * 0.6).min(1.4));
                    CameraGoal { eye: at + Vec3::new(1.2, 0.8, 3.2), look: at }
                }
            }
            None => *goal,
        },
    };
}

/// A move longer than this (metres) is not glided but faded: the view dims, the camera is
/// there, the view comes back. Gliding across a room is what makes people feel sick.
const LONG_MOVE: f32 = 3.0;
/// Seconds to dim, and to come back.
const DIM_SECS: f32 = 0.35;
const UNDIM_SECS: f32 = 0.5;

/// How dim the room is (0: not at all, 1: dark), during a long move.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct Veil {
    pub dim: f32,
    /// Dimming for a move (then the camera jumps and it clears).
    pub dimming: bool,
}

/// Moves the camera a little of the way each frame: smooth and never fast; a long move
/// fades out, jumps and fades back in ([`Veil`]). Frames keep coming while it moves; once
/// there, it rests. Until it is within 5 cm and 1° of its goal the view counts as moving:
/// stations slide under the pointer then, and a tap on one that is not the target is set
/// aside ([`ViewMoving`]).
fn glide_camera(
    time: Res<Time>,
    goal: Res<CameraGoal>,
    mut camera: Query<&mut Transform, With<Eye>>,
    mut wake: ResMut<Wake>,
    mut moving: ResMut<ViewMoving>,
    mut veil: ResMut<Veil>,
) {
    let Ok(mut transform) = camera.single_mut() else { return };
    let wanted = Transform::from_translation(goal.eye).looking_at(goal.look, Vec3::Y).rotation;
    let distance = transform.translation.distance(goal.eye);
    let far = distance > 0.05 || transform.rotation.angle_between(wanted) > 1f32.to_radians();
    moving.set_if_neq(ViewMoving(far));
    let dt = time.delta_secs();
    if distance > LONG_MOVE && !veil.dimming {
        veil.dimming = true;
    }
    if veil.dimming {
        wake.now();
        veil.dim = (veil.dim + dt / DIM_SECS).min(1.0);
        if veil.dim >= 1.0 {
            *transform = Transform::from_translation(goal.eye).with_rotation(wanted);
            veil.dimming = false;
        }
        return;
    }
    if veil.dim > 0.0 {
        wake.now();
        veil.dim = (veil.dim - dt / UNDIM_SECS).max(0.0);
    }
    if distance < 0.002 && transform.rotation.angle_between(wanted) < 0.001 {
        return;
    }
    wake.now();
    let t = 1.0 - (-1.8 * dt).exp();
    transform.translation = transform.translation.lerp(goal.eye, t);
    let wanted = Transform::from_translation(transform.translation).looking_at(goal.look, Vec3::Y).rotation;
    transform.rotation = transform.rotation.slerp(wanted, t);
}

/// The dimming of a long move, over the room and under every panel.
fn draw_veil(mut contexts: bevy_egui::EguiContexts, veil: Res<Veil>) -> Result {
    if veil.dim <= 0.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let alpha = (veil.dim * 235.0) as u8;
    ctx.layer_painter(bevy_egui::egui::LayerId::background()).rect_filled(
        ctx.viewport_rect(),
        0.0,
        bevy_egui::egui::Color32::from_rgba_unmultiplied(0x1e, 0x1c, 0x1a, alpha),
    );
    Ok(())
}

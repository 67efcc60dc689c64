//! The camera: it glides slowly (never fast, never spinning) to what each step is about.

use bevy::prelude::*;

use super::room::StationModel;
use crate::app::flow::Screen;
use crate::app::flow::{AppSystems, Wake};
use crate::app::walkthrough::{Active, ViewMoving};
use crate::scenario::Camera as CameraAim;

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
        Camera3d::default(),
        // The rooms' flat colours as they are: no tonemapping (nor its lookup tables in the program).
        bevy::core_pipeline::tonemapping::Tonemapping::None,
        Msaa::Off,
        Transform::from_translation(goal.eye).looking_at(goal.look, Vec3::Y),
    ));
}

/// Floor and wall colours of each place: warm and calm.
/// Sets where the camera should go for the current step.
fn aim_camera(active: Option<Res<Active>>, stations: Query<&StationModel>, mut goal: ResMut<CameraGoal>) {
    let Some(active) = active else { return };
    let Some(aim) = &active.view.camera else { return };
    *goal = match aim {
        CameraAim::Phone => CameraGoal { eye: Vec3::new(-1.0, 1.7, 5.0), look: Vec3::new(-1.0, 1.0, 0.0) },
        CameraAim::Overview => CameraGoal { eye: Vec3::new(0.0, 4.2, 7.5), look: Vec3::new(0.0, 0.6, -1.5) },
        CameraAim::Station(id) => match stations.iter().find(|s| &s.id == id) {
            Some(s) => {
                let at = s.label_at - Vec3::Y * 0.6;
                CameraGoal { eye: at + Vec3::new(1.2, 0.8, 3.2), look: at }
            }
            None => *goal,
        },
    };
}

/// Moves the camera a little of the way each frame: smooth and never fast.
/// Frames keep coming while it moves; once there, it rests.
/// Until it is within 5 cm and 1° of its goal the view counts as moving: stations slide under
/// the pointer then, and a tap on one that is not the target is set aside ([`ViewMoving`]).
fn glide_camera(
    time: Res<Time>,
    goal: Res<CameraGoal>,
    mut camera: Query<&mut Transform, With<Camera3d>>,
    mut wake: ResMut<Wake>,
    mut moving: ResMut<ViewMoving>,
) {
    let Ok(mut transform) = camera.single_mut() else { return };
    let wanted = Transform::from_translation(goal.eye).looking_at(goal.look, Vec3::Y).rotation;
    let far =
        transform.translation.distance(goal.eye) > 0.05 || transform.rotation.angle_between(wanted) > 1f32.to_radians();
    moving.set_if_neq(ViewMoving(far));
    if transform.translation.distance(goal.eye) < 0.002 && transform.rotation.angle_between(wanted) < 0.001 {
        return;
    }
    wake.now();
    let t = 1.0 - (-1.8 * time.delta_secs()).exp();
    transform.translation = transform.translation.lerp(goal.eye, t);
    let wanted = Transform::from_translation(transform.translation).looking_at(goal.look, Vec3::Y).rotation;
    transform.rotation = transform.rotation.slerp(wanted, t);
}

//! The OpenXR side of seated VR (the `vr` feature): bevy_mod_openxr's plugins, the seated
//! tracking root, frames counted for the smoke test.

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use bevy_mod_openxr::add_xr_plugins;
use bevy_mod_openxr::init::OxrInitPlugin;
use bevy_mod_openxr::reference_space::OxrReferenceSpacePlugin;
use bevy_mod_openxr::resources::OxrFrameState;
use bevy_mod_openxr::types::{AppInfo, Version};
use bevy_mod_xr::camera::XrCamera;
use bevy_mod_xr::session::{XrState, XrTrackingRoot};

use super::{recentred, seated_pose};
use crate::app::flow::Wake;
use crate::app::scene::camera::CameraGoal;
use crate::app::services::records::StoreNotices;

/// Puts OpenXR's plugins into the app's plugin group: seated (LOCAL), named kuayue.
pub fn plugins(plugins: bevy::app::PluginGroupBuilder) -> bevy::app::PluginGroupBuilder {
    add_xr_plugins(plugins)
        .set(OxrReferenceSpacePlugin { default_primary_ref_space: openxr::ReferenceSpaceType::LOCAL })
        .set(OxrInitPlugin { app_info: AppInfo { name: "kuayue".into(), version: Version(0, 1, 0) }, ..default() })
}

/// Where the learner's head was (in the runtime's seated space) when the trainer last pressed
/// 回到正前方 (recentre): the room is turned so that this is the seat.
#[derive(Resource, Debug, Default, Clone, Copy)]
struct Centre(Transform);

/// 回到正前方 (recentre), pressed in the window's caption by the trainer: the learner has turned
/// on the chair, or the headset's idea of "ahead" drifted. The room is turned so that where the
/// head is now is the seat.
fn recentre(
    mut pressed: MessageReader<super::Recentre>,
    eyes: Query<&Transform, With<XrCamera>>,
    mut centre: ResMut<Centre>,
) {
    if pressed.read().count() == 0 {
        return;
    }
    // Between the eyes, as the runtime places them under the root.
    let n = eyes.iter().count().max(1) as f32;
    let at = eyes.iter().map(|t| t.translation).sum::<Vec3>() / n;
    if let Some(eye) = eyes.iter().next() {
        centre.0 = Transform::from_translation(at).with_rotation(eye.rotation);
        info!("VR: recentred on the learner's head");
    }
}

/// The caption offers 回到正前方 only while the headset shows the room.
fn offer_recentre(state: Option<Res<XrState>>, mut offered: ResMut<super::RecentreOffered>) {
    offered.set_if_neq(super::RecentreOffered(state.is_some_and(|s| *s == XrState::Running)));
}

/// How many frames went to the headset, and when the first and the last did (the smoke test
/// reads them from the log, and the mean time a frame took).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct FramesSent {
    pub count: u64,
    pub first: Option<std::time::Duration>,
    pub last: Option<std::time::Duration>,
}

pub fn plugin(app: &mut App) {
    app.add_plugins((super::point::plugin, super::caption::plugin))
        .init_resource::<FramesSent>()
        .init_resource::<crate::app::scene::display::PaintEveryFrame>()
        .init_resource::<Centre>()
        .init_resource::<super::RecentreOffered>()
        .add_systems(Update, (offer_recentre, recentre.run_if(running)))
        .add_systems(Startup, say_when_there_is_no_headset)
        .add_systems(Update, (keep_frames_coming, count_frames, place_the_learner).run_if(running))
        .add_systems(Last, report_frames_at_exit)
        .init_resource::<HeadsetFade>()
        .add_observer(plain_colours_in_the_headset)
        .add_observer(shade_the_first_eye);
}

fn running(state: Option<Res<XrState>>) -> bool {
    state.is_some_and(|s| *s == XrState::Running)
}

/// Without OpenXR (no runtime installed, none running, or no headset), the practice goes on
/// in the window, and a notice says so.
fn say_when_there_is_no_headset(
    state: Option<Res<XrState>>,
    words: Res<crate::app::words::Words>,
    mut notices: ResMut<StoreNotices>,
) {
    if state.is_none_or(|s| *s == XrState::Unavailable) {
        warn!("VR: no OpenXR runtime or headset; practising in the window");
        notices.0.push(words.ui("vr-no-headset"));
    } else {
        info!("VR: an OpenXR runtime is there; waiting for the headset's session");
    }
}

/// The headset wants a frame every refresh: the window never sleeps while a session runs.
fn keep_frames_coming(mut wake: ResMut<Wake>) {
    wake.now();
}

fn count_frames(frame: Option<Res<OxrFrameState>>, time: Res<Time<Real>>, mut sent: ResMut<FramesSent>) {
    if frame.is_some_and(|f| f.should_render) {
        sent.count += 1;
        let now = time.elapsed();
        sent.first.get_or_insert(now);
        sent.last = Some(now);
        if sent.count == 1 || sent.count.is_multiple_of(300) {
            info!("VR: {} frames sent to the headset", sent.count);
        }
    }
}

fn report_frames_at_exit(mut exits: MessageReader<AppExit>, sent: Res<FramesSent>, state: Option<Res<XrState>>) {
    if exits.read().count() == 0 {
        return;
    }
    info!("VR: {} frames sent to the headset in all (state at exit: {:?})", sent.count, state.map(|s| *s));
    if let (Some(first), Some(last)) = (sent.first, sent.last)
        && sent.count > 1
    {
        let each = (last - first).as_secs_f64() * 1000.0 / (sent.count - 1) as f64;
        info!("VR: {each:.1} ms a frame on average (both eyes and the window), {:.1} frames a second", 1000.0 / each);
    }
}

/// The rooms' flat colours, as the window's camera draws them (no tonemapping, whose lookup
/// tables the program does not carry).
fn plain_colours_in_the_headset(add: On<Add, XrCamera>, mut commands: Commands) {
    commands.entity(add.entity).insert((bevy::core_pipeline::tonemapping::Tonemapping::None, Msaa::Off));
}

/// Where the seated learner is: at the camera's goal, facing where it looks (turned about
/// the vertical only: a tilted world is what makes people sick). The learner never glides:
/// the view fades to black ([`DIM_SECS`]), the seat moves there at once, and the view comes
/// back ([`UNDIM_SECS`]).
fn place_the_learner(
    time: Res<Time>,
    goal: Res<CameraGoal>,
    centre: Res<Centre>,
    mut fade: ResMut<HeadsetFade>,
    mut root: Query<&mut Transform, With<XrTrackingRoot>>,
    shades: Query<&MeshMaterial3d<StandardMaterial>, With<Shade>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Ok(mut root) = root.single_mut() else { return };
    let wanted = recentred(seated_pose(goal.eye, goal.look), centre.0);
    let apart = |t: &Transform| {
        t.translation.distance(wanted.translation) > 0.01 || t.rotation.angle_between(wanted.rotation) > 0.01
    };
    let dt = time.delta_secs();
    if apart(&root) {
        if fade.dim >= 1.0 || !fade.started {
            // The first place needs no fade: the headset's view begins there.
            if fade.started {
                fade.moves += 1;
                info!("VR: the seat moved behind a fade ({} so far)", fade.moves);
            }
            *root = wanted;
            fade.started = true;
        } else {
            fade.dim = (fade.dim + dt / DIM_SECS).min(1.0);
        }
    } else {
        fade.dim = (fade.dim - dt / UNDIM_SECS).max(0.0);
    }
    for shade in &shades {
        if let Some(mut m) = materials.get_mut(&shade.0)
            && (m.base_color.alpha() - fade.dim).abs() > 0.01
        {
            m.base_color = Color::srgba(0.0, 0.0, 0.0, fade.dim);
        }
    }
}

/// Seconds for the headset's view to fade out before a move, and to come back after it.
const DIM_SECS: f32 = 0.35;
const UNDIM_SECS: f32 = 0.5;

/// How dark the headset's view is (0: not at all, 1: black) during a move.
#[derive(Resource, Debug, Default)]
struct HeadsetFade {
    dim: f32,
    started: bool,
    moves: u32,
}

/// A dark sphere around the learner's head, seen only by the headset's eyes (render layer
/// [`SHADE_LAYER`]): it darkens the view during a move.
#[derive(Component)]
struct Shade;

const SHADE_LAYER: usize = 7;

fn shade_the_first_eye(
    add: On<Add, XrCamera>,
    eyes: Query<&XrCamera>,
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    commands.entity(add.entity).insert(RenderLayers::from_layers(&[0, SHADE_LAYER]));
    if eyes.get(add.entity).is_ok_and(|e| e.0 == 0) {
        let shade = commands
            .spawn((
                Shade,
                Mesh3d(meshes.add(Sphere::new(0.25))),
                MeshMaterial3d(materials.add(StandardMaterial {
                    base_color: Color::srgba(0.0, 0.0, 0.0, 0.0),
                    unlit: true,
                    alpha_mode: AlphaMode::Blend,
                    cull_mode: None,
                    ..default()
                })),
                Transform::default(),
                RenderLayers::layer(SHADE_LAYER),
            ))
            .id();
        commands.entity(add.entity).add_child(shade);
    }
}

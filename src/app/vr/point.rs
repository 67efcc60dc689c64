//! Pointing in the headset: a controller's ray (its trigger is the tap, held it holds:
//! [`Presses`]), or, for learners who
//! cannot use controllers, the gaze: looking at the same button or machine for
//! [`super::DWELL_SECS`] taps it. Either ray meets a screen through [`ray_to_picture`], the hit test
//! the mouse uses, and a press there is given to that screen's egui as a mouse press is; a
//! ray that meets a machine taps the machine. A small dot shows where the ray is, and grows
//! while the gaze dwells.

use bevy::picking::mesh_picking::ray_cast::{MeshRayCast, MeshRayCastSettings};
use bevy::prelude::*;
use bevy_egui::egui;
use bevy_egui::input::EguiInputEvent;
use bevy_mod_openxr::action_binding::{OxrSendActionBindings, OxrSuggestActionBinding};
use bevy_mod_openxr::action_set_attaching::OxrAttachActionSet;
use bevy_mod_openxr::action_set_syncing::{OxrActionSetSyncSet, OxrSyncActionSet};
use bevy_mod_openxr::openxr_session_running;
use bevy_mod_openxr::resources::OxrInstance;
use bevy_mod_openxr::session::OxrSession;
use bevy_mod_xr::camera::XrCamera;
use bevy_mod_xr::session::{XrPreDestroySession, XrSessionCreated, session_available};
use bevy_mod_xr::spaces::XrSpaceLocationFlags;

use super::{Dwell, Pointing, Press, Presses, Spot};
use crate::app::phone::Typing;
use crate::app::scene::display::{Face, ScreenPainter, ShownScreen, ray_to_picture};
use crate::app::scene::room::StationPart;
use crate::app::walkthrough::LearnerAction;
use crate::walkthrough::Action;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Dwell>()
        .init_resource::<Presses>()
        .init_resource::<Pointer>()
        .add_systems(Startup, (create_actions.run_if(session_available), spawn_dot))
        .add_systems(OxrSendActionBindings, suggest_bindings)
        .add_systems(XrSessionCreated, attach_and_spawn_aims)
        .add_systems(XrPreDestroySession, despawn_aims)
        .add_systems(PreUpdate, sync_actions.before(OxrActionSetSyncSet).run_if(openxr_session_running))
        .add_systems(Update, point.run_if(openxr_session_running));
}

/// The controllers' aim poses and triggers.
#[derive(Resource)]
struct Actions {
    set: openxr::ActionSet,
    aim: [openxr::Action<openxr::Posef>; 2],
    select: [openxr::Action<bool>; 2],
}

/// A controller's aim (0: left hand, 1: right).
#[derive(Component)]
struct Aim(usize);

/// What points now (a controller or the gaze) and whether the trigger is held, logged when
/// either changes.
#[derive(Resource, Default)]
struct Pointer(Option<&'static str>, Option<bool>);

/// The dot where the ray is.
#[derive(Component)]
struct Dot;

fn create_actions(instance: Res<OxrInstance>, mut commands: Commands) {
    let made = (|| -> openxr::Result<Actions> {
        let set = instance.create_action_set("kuayue", "kuayue", 0)?;
        let aim = [set.create_action("aim_left", "Left aim", &[])?, set.create_action("aim_right", "Right aim", &[])?];
        let select = [
            set.create_action("select_left", "Left select", &[])?,
            set.create_action("select_right", "Right select", &[])?,
        ];
        Ok(Actions { set, aim, select })
    })();
    match made {
        Ok(actions) => commands.insert_resource(actions),
        Err(e) => warn!("VR: the controllers' actions could not be made ({e}); the gaze still points"),
    }
}

fn suggest_bindings(actions: Option<Res<Actions>>, mut suggest: MessageWriter<OxrSuggestActionBinding>) {
    let Some(actions) = actions else { return };
    let profiles = [
        ("/interaction_profiles/khr/simple_controller", "select/click"),
        ("/interaction_profiles/oculus/touch_controller", "trigger/value"),
        ("/interaction_profiles/valve/index_controller", "trigger/click"),
        ("/interaction_profiles/htc/vive_controller", "trigger/click"),
        ("/interaction_profiles/microsoft/motion_controller", "trigger/value"),
        ("/interaction_profiles/bytedance/pico4_controller", "trigger/value"),
    ];
    for (profile, trigger) in profiles {
        for (i, hand) in ["left", "right"].into_iter().enumerate() {
            suggest.write(OxrSuggestActionBinding {
                action: actions.aim[i].as_raw(),
                interaction_profile: profile.into(),
                bindings: vec![format!("/user/hand/{hand}/input/aim/pose").into()],
            });
            suggest.write(OxrSuggestActionBinding {
                action: actions.select[i].as_raw(),
                interaction_profile: profile.into(),
                bindings: vec![format!("/user/hand/{hand}/input/{trigger}").into()],
            });
        }
    }
}

fn attach_and_spawn_aims(
    actions: Option<Res<Actions>>,
    session: Res<OxrSession>,
    mut attach: MessageWriter<OxrAttachActionSet>,
    mut commands: Commands,
) {
    let Some(actions) = actions else { return };
    attach.write(OxrAttachActionSet(actions.set.clone()));
    for (i, aim) in actions.aim.iter().enumerate() {
        match session.create_action_space(aim, openxr::Path::NULL, Isometry3d::IDENTITY) {
            Ok(space) => {
                commands.spawn((space, Aim(i)));
            }
            Err(e) => warn!("VR: no aim for hand {i} ({e})"),
        }
    }
}

fn despawn_aims(aims: Query<Entity, With<Aim>>, mut commands: Commands) {
    for aim in &aims {
        commands.entity(aim).despawn();
    }
}

fn sync_actions(actions: Option<Res<Actions>>, mut sync: MessageWriter<OxrSyncActionSet>) {
    if let Some(actions) = actions {
        sync.write(OxrSyncActionSet(actions.set.clone()));
    }
}

fn spawn_dot(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    commands.spawn((
        Dot,
        Mesh3d(meshes.add(Sphere::new(0.008))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color: Color::srgb(1.0, 0.72, 0.0),
            unlit: true,
            ..default()
        })),
        Transform::default(),
        Visibility::Hidden,
    ));
}

/// Where the rays are, and what a trigger or a dwell taps.
#[allow(clippy::too_many_arguments)]
fn point(
    time: Res<Time>,
    actions: Option<Res<Actions>>,
    session: Res<OxrSession>,
    aims: Query<(&Aim, &GlobalTransform, &XrSpaceLocationFlags)>,
    eyes: Query<&GlobalTransform, With<XrCamera>>,
    shown: Res<ShownScreen>,
    faces: Query<(&GlobalTransform, &ViewVisibility), With<Face>>,
    painter: Query<Entity, With<ScreenPainter>>,
    stations: Query<&StationPart>,
    mut ray_cast: MeshRayCast,
    play: Option<Res<crate::app::autoplay::PlayOptions>>,
    (mut dwell, mut presses, typing): (ResMut<Dwell>, ResMut<Presses>, Res<Typing>),
    mut pointer: ResMut<Pointer>,
    mut dot: Query<(&mut Transform, &mut Visibility), With<Dot>>,
    mut egui_input: MessageWriter<EguiInputEvent>,
    mut learner: MessageWriter<LearnerAction>,
) {
    // A tracked controller points (the right one first); with none, the gaze does. The
    // trigger's state now (held or not): a press held is held, as the mouse's button is.
    let held = |i: usize| {
        actions
            .as_ref()
            .and_then(|a| a.select[i].state(&session, openxr::Path::NULL).ok())
            .is_some_and(|s| s.current_state)
    };
    let controller = aims
        .iter()
        .filter(|(_, _, flags)| flags.position_tracked && flags.rotation_tracked)
        .max_by_key(|(aim, _, _)| aim.0)
        .map(|(aim, t, _)| (Ray3d::new(t.translation(), t.forward()), held(aim.0)));
    let gaze = || {
        let n = eyes.iter().count().max(1) as f32;
        let at = eyes.iter().map(|t| t.translation()).sum::<Vec3>() / n;
        eyes.iter().next().map(|t| Ray3d::new(at, t.forward()))
    };
    let Some(ray) = controller.as_ref().map(|(r, _)| *r).or_else(gaze) else { return };

    // What the ray meets: the screen shown (nearest), else a machine.
    let screen = shown.0.as_ref().and_then(|placed| {
        let shown_faces = faces.iter().filter(|(_, v)| v.get()).map(|(t, _)| t);
        let (at, in_room) = ray_to_picture(ray, shown_faces, placed.rect.size())?;
        Some((Spot::Screen(at), in_room))
    });
    let spot = screen.or_else(|| {
        let is_station = |e| stations.contains(e);
        let settings = MeshRayCastSettings::default().with_filter(&is_station);
        let (entity, hit) = ray_cast.cast_ray(ray, &settings).first()?;
        let StationPart(id) = stations.get(*entity).ok()?;
        Some((Spot::Station(id.clone()), hit.point))
    });

    if let Ok((mut transform, mut visibility)) = dot.single_mut() {
        match &spot {
            Some((_, at)) => {
                transform.translation = *at - *ray.direction * 0.01;
                visibility.set_if_neq(Visibility::Visible);
            }
            None => {
                visibility.set_if_neq(Visibility::Hidden);
            }
        }
    }
    let spot = spot.map(|(spot, _)| spot);
    let context = painter.single().ok();
    let mut to_screen = |event| {
        if let Some(context) = context {
            egui_input.write(EguiInputEvent { context, event });
        }
    };
    if let Some(Spot::Screen(at)) = &spot {
        to_screen(egui::Event::PointerMoved(*at));
    }
    // A dwell of the gaze taps, when no controller points and nobody else plays (autoplay).
    let gazing = controller.is_none() && play.as_ref().is_none_or(|p| !p.autoplay);
    let dwell_due = match &spot {
        Some(spot) if gazing => dwell.look(spot, time.elapsed_secs()),
        _ => {
            *dwell = Dwell::default();
            false
        }
    };
    if let Ok((mut transform, _)) = dot.single_mut() {
        let growing = if gazing { dwell.progress(time.elapsed_secs()) } else { 0.0 };
        transform.scale = Vec3::splat(1.0 + 1.5 * growing);
    }
    let trigger = controller.as_ref().map(|(_, held)| *held);
    let now = Pointing { spot: spot.as_ref(), trigger, dwell_due, holding: typing.hold.is_some() };
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let by = if gazing { "the look" } else { "the trigger" };
    let with = if controller.is_some() { "a controller" } else { "the gaze" };
    if pointer.0 != Some(with) {
        pointer.0 = Some(with);
        info!("VR: pointing with {with}");
    }
    if trigger != pointer.1 {
        pointer.1 = trigger;
        if trigger == Some(true) {
            info!("VR: the trigger is pulled, pointing at {:?}", spot);
        }
    }
    for press in presses.frame(now) {
        match press {
            Press::ScreenDown(at) => {
                info!("VR: {by} presses the screen at ({:.0}, {:.0})", at.x, at.y);
                to_screen(button(at, true));
            }
            Press::ScreenUp(at) => {
                info!("VR: {by} lets go");
                to_screen(button(at, false));
            }
            Press::Station(id) => {
                info!("VR: {by} taps the machine {id}");
                learner.write(LearnerAction(Action::TapStation(id)));
            }
        }
    }
}

//! The 3D place, built from the scenario's data: a floor and walls in the
//! environment's colours, lit warmly by a cheap flat material (`flat.rs`), and one simple model per station with a
//! large label that can be tapped (mouse, touch or keyboard). The camera glides
//! slowly to what each step is about.

use bevy::picking::prelude::*;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::caption::CaptionHeight;
use super::flat::FlatMaterial;
use super::screens::Screen;
use super::targets::{DrawnTargets, Key};
use super::theme;
use super::walkthrough::{Active, LearnerAction};
use super::words::Words;
use crate::scenario::{Camera as CameraAim, Environment, StationKind};
use crate::walkthrough::{Action, Target};

/// A station's model; clicking it taps the station.
#[derive(Component, Debug, Clone)]
pub struct StationModel {
    pub id: String,
    /// Where its label floats, in world space.
    pub label_at: Vec3,
}

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
        .add_plugins((MeshPickingPlugin, super::flat::plugin))
        .add_systems(Startup, spawn_camera)
        .add_systems(OnEnter(Screen::Walkthrough), build_environment)
        .add_systems(OnExit(Screen::Walkthrough), |mut goal: ResMut<CameraGoal>| *goal = CameraGoal::default())
        .add_systems(
            Update,
            (aim_camera.run_if(in_state(Screen::Walkthrough)), glide_camera, glow_target_station)
                .chain()
                .in_set(super::AppSystems::Present),
        )
        .add_systems(EguiPrimaryContextPass, draw_station_labels.run_if(in_state(Screen::Walkthrough)));
}

fn spawn_camera(mut commands: Commands) {
    let goal = CameraGoal::default();
    commands.spawn((
        Name::new("Camera"),
        Camera3d::default(),
        Msaa::Off,
        Transform::from_translation(goal.eye).looking_at(goal.look, Vec3::Y),
    ));
}

/// Floor and wall colours of each place: warm and calm.
fn palette(environment: Environment) -> (Color, Color) {
    match environment {
        Environment::HospitalLobby => (Color::srgb(0.84, 0.84, 0.80), Color::srgb(0.80, 0.89, 0.90)),
        Environment::LivingRoom => (Color::srgb(0.70, 0.55, 0.40), Color::srgb(0.95, 0.90, 0.80)),
        Environment::ServiceHall => (Color::srgb(0.78, 0.76, 0.72), Color::srgb(0.90, 0.88, 0.84)),
    }
}

/// Size (metres) and colour of each kind of station.
fn model(kind: StationKind) -> (Vec3, Color) {
    match kind {
        StationKind::Kiosk => (Vec3::new(0.8, 1.7, 0.5), Color::srgb(0.25, 0.55, 0.62)),
        StationKind::CardReader => (Vec3::new(0.35, 0.18, 0.3), Color::srgb(0.2, 0.2, 0.25)),
        StationKind::RegistrationCounter | StationKind::ServiceWindow => {
            (Vec3::new(2.4, 1.1, 0.7), Color::srgb(0.62, 0.45, 0.30))
        }
        StationKind::PharmacyWindow => (Vec3::new(1.8, 1.2, 0.5), Color::srgb(0.35, 0.60, 0.42)),
        StationKind::QueueScreen | StationKind::Tv => (Vec3::new(1.6, 0.9, 0.1), Color::srgb(0.10, 0.14, 0.22)),
        StationKind::Seats => (Vec3::new(2.0, 0.5, 0.6), Color::srgb(0.30, 0.45, 0.70)),
        StationKind::Sofa => (Vec3::new(2.0, 0.8, 0.9), Color::srgb(0.55, 0.35, 0.30)),
        StationKind::Door => (Vec3::new(1.0, 2.1, 0.1), Color::srgb(0.55, 0.40, 0.28)),
        StationKind::Sign => (Vec3::new(1.2, 0.8, 0.05), Color::srgb(0.15, 0.35, 0.60)),
        StationKind::Table => (Vec3::new(1.2, 0.45, 0.7), Color::srgb(0.60, 0.45, 0.30)),
        StationKind::Phone => (Vec3::new(0.08, 0.16, 0.01), Color::srgb(0.1, 0.1, 0.1)),
    }
}

fn build_environment(
    mut commands: Commands,
    active: Res<Active>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<FlatMaterial>>,
) {
    let scenario = active.scenario();
    let (floor, wall) = palette(scenario.environment);
    let scoped = DespawnOnExit(Screen::Walkthrough);
    commands.spawn((
        Name::new("Floor"),
        scoped.clone(),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(16.0, 16.0))),
        MeshMaterial3d(materials.add(FlatMaterial::new(floor))),
        Pickable::IGNORE,
    ));
    for (name, size, at) in [
        ("Back wall", Vec3::new(16.0, 4.0, 0.2), Vec3::new(0.0, 2.0, -6.0)),
        ("Left wall", Vec3::new(0.2, 4.0, 16.0), Vec3::new(-8.0, 2.0, 0.0)),
        ("Right wall", Vec3::new(0.2, 4.0, 16.0), Vec3::new(8.0, 2.0, 0.0)),
    ] {
        commands.spawn((
            Name::new(name),
            scoped.clone(),
            Mesh3d(meshes.add(Cuboid::from_size(size))),
            MeshMaterial3d(materials.add(FlatMaterial::new(wall))),
            Transform::from_translation(at),
            Pickable::IGNORE,
        ));
    }
    for station in &scenario.stations {
        if station.kind == StationKind::Phone {
            continue; // the phone is drawn in front of the learner
        }
        let (size, colour) = model(station.kind);
        let (x, y, z) = station.position;
        let base = Vec3::new(x, y, z);
        commands
            .spawn((
                Name::new(format!("Station {}", station.id)),
                scoped.clone(),
                StationModel { id: station.id.clone(), label_at: base + Vec3::Y * (size.y + 0.35) },
                Mesh3d(meshes.add(Cuboid::from_size(size))),
                MeshMaterial3d(materials.add(FlatMaterial::new(colour))),
                Transform::from_translation(base + Vec3::Y * size.y / 2.0)
                    .with_rotation(Quat::from_rotation_y(station.facing.to_radians())),
            ))
            .observe(tap_station);
    }
}

fn tap_station(click: On<Pointer<Click>>, stations: Query<&StationModel>, mut actions: MessageWriter<LearnerAction>) {
    if let Ok(station) = stations.get(click.entity) {
        actions.write(LearnerAction(Action::TapStation(station.id.clone())));
    }
}

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
fn glide_camera(time: Res<Time>, goal: Res<CameraGoal>, mut camera: Query<&mut Transform, With<Camera3d>>) {
    let Ok(mut transform) = camera.single_mut() else { return };
    let t = 1.0 - (-1.8 * time.delta_secs()).exp();
    transform.translation = transform.translation.lerp(goal.eye, t);
    let wanted = Transform::from_translation(transform.translation).looking_at(goal.look, Vec3::Y).rotation;
    transform.rotation = transform.rotation.slerp(wanted, t);
}

/// The station to touch breathes a soft amber light (0.5 Hz, never a flash).
fn glow_target_station(
    time: Res<Time>,
    active: Option<Res<Active>>,
    stations: Query<(&StationModel, &MeshMaterial3d<FlatMaterial>)>,
    mut materials: ResMut<Assets<FlatMaterial>>,
) {
    let target = active.as_ref().and_then(|a| match &a.view.target {
        Some(Target::Station(id)) => Some(id.clone()),
        _ => None,
    });
    let breath = 0.5 + 0.5 * (time.elapsed_secs() * std::f32::consts::PI).sin();
    for (station, material) in &stations {
        let glow = if target.as_deref() == Some(station.id.as_str()) { 0.25 + 0.35 * breath } else { 0.0 };
        let wanted = LinearRgba::rgb(glow, glow * 0.7, 0.0);
        // Only touch materials whose glow changes, so still stations are not re-uploaded each frame.
        if materials.get(&material.0).is_some_and(|m| m.glow != wanted)
            && let Some(mut m) = materials.get_mut(&material.0)
        {
            m.glow = wanted;
        }
    }
}

/// Each station's name floats above it as a big button: tap it, or reach it with Tab.
fn draw_station_labels(
    mut contexts: EguiContexts,
    words: Res<Words>,
    time: Res<Time>,
    active: Option<Res<Active>>,
    caption: Res<CaptionHeight>,
    cameras: Query<(&Camera, &GlobalTransform), With<Camera3d>>,
    stations: Query<&StationModel>,
    mut sizes: Local<std::collections::HashMap<String, egui::Vec2>>,
    mut drawn: ResMut<DrawnTargets>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (Some(active), Ok((camera, camera_at))) = (active, cameras.single()) else { return Ok(()) };
    let viewport = ctx.viewport_rect();
    let usable = egui::Rect::from_min_max(viewport.min, egui::pos2(viewport.max.x, viewport.max.y - caption.0));
    let labels: std::collections::HashMap<&str, &str> =
        active.scenario().stations.iter().map(|s| (s.id.as_str(), s.label.as_str())).collect();
    // Nearest labels first; a label that would cover another moves up out of its way.
    let mut placed: Vec<egui::Rect> = Vec::new();
    let mut order: Vec<(&StationModel, egui::Pos2, f32)> = stations
        .iter()
        .filter_map(|s| {
            let at = camera.world_to_viewport(camera_at, s.label_at).ok()?;
            Some((s, egui::pos2(at.x, at.y), camera_at.translation().distance(s.label_at)))
        })
        .collect();
    order.sort_by(|a, b| a.2.total_cmp(&b.2));
    for (station, mut at, _) in order {
        let size = sizes.get(&station.id).copied().unwrap_or(egui::vec2(160.0, 60.0));
        let rect_at = |p: egui::Pos2| egui::Rect::from_min_size(p - egui::vec2(size.x / 2.0, size.y), size);
        while let Some(other) = placed.iter().find(|r| r.expand(4.0).intersects(rect_at(at))) {
            at.y = other.min.y - 8.0;
        }
        let is_target = active.view.target == Some(Target::Station(station.id.clone()));
        if let Some(phone) = drawn.phone.filter(|p| p.expand(8.0).intersects(rect_at(at))) {
            if !is_target {
                continue; // another station's label would hide behind the phone
            }
            at.x = phone.min.x - 12.0 - size.x / 2.0; // the one to touch moves out from behind it
        }
        if !usable.contains(at) || at.y - size.y < usable.min.y {
            continue;
        }
        placed.push(rect_at(at));
        let text = words.say(labels.get(station.id.as_str()).copied().unwrap_or(&station.id));
        let area =
            egui::Area::new(egui::Id::new(("station", &station.id))).fixed_pos(at).pivot(egui::Align2::CENTER_BOTTOM);
        let response = area
            .show(ctx, |ui| {
                let button =
                    egui::Button::new(egui::RichText::new(text).size(theme::px(theme::BODY_PX)).color(theme::INK))
                        .fill(theme::PAPER)
                        .min_size(egui::vec2(120.0, 60.0));
                ui.add(button)
            })
            .inner;
        sizes.insert(station.id.clone(), response.rect.size());
        drawn.add(Key::Station(station.id.clone()), response.rect);
        if response.clicked() {
            actions.write(LearnerAction(Action::TapStation(station.id.clone())));
        }
        if active.view.target == Some(Target::Station(station.id.clone())) {
            super::phone::guide(ctx, usable, response.rect, active.view.emphasis, time.elapsed_secs());
        }
    }
    Ok(())
}

//! The 3D place, built from the scenario's data: a floor and walls in the
//! environment's colours, lit warmly by a cheap flat material (`flat.rs`), and
//! one simple model per station that can be tapped; the station to touch glows.

use bevy::picking::prelude::*;
use bevy::prelude::*;

use super::flat::FlatMaterial;
use crate::app::flow::AppSystems;
use crate::app::flow::Screen;
use crate::app::phone::guide::Pulse;
use crate::app::walkthrough::{Active, LearnerAction};
use crate::scenario::{Environment, StationKind};
use crate::walkthrough::{Action, Target};

/// A station's model; clicking it taps the station.
#[derive(Component, Debug, Clone)]
pub struct StationModel {
    pub id: String,
    /// Where its label floats, in world space.
    pub label_at: Vec3,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(MeshPickingPlugin)
        .add_systems(OnEnter(Screen::Walkthrough), build_environment)
        .add_systems(Update, glow_target_station.in_set(AppSystems::Present));
}

fn palette(environment: Environment) -> (Color, Color) {
    match environment {
        Environment::HospitalLobby => (Color::srgb(0.84, 0.84, 0.80), Color::srgb(0.80, 0.89, 0.90)),
        Environment::LivingRoom => (Color::srgb(0.70, 0.55, 0.40), Color::srgb(0.95, 0.90, 0.80)),
        Environment::ServiceHall => (Color::srgb(0.78, 0.76, 0.72), Color::srgb(0.90, 0.88, 0.84)),
        Environment::BankHall => (Color::srgb(0.72, 0.70, 0.66), Color::srgb(0.88, 0.86, 0.80)),
        // Outdoors: pavement grey, and the walls are the buildings along the street.
        Environment::Street => (Color::srgb(0.55, 0.56, 0.58), Color::srgb(0.80, 0.74, 0.64)),
        Environment::BusStop => (Color::srgb(0.58, 0.58, 0.60), Color::srgb(0.76, 0.80, 0.84)),
        Environment::Market => (Color::srgb(0.66, 0.62, 0.56), Color::srgb(0.93, 0.86, 0.72)),
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
        StationKind::TicketMachine => (Vec3::new(0.6, 1.5, 0.5), Color::srgb(0.75, 0.20, 0.20)),
        StationKind::BankCounter => (Vec3::new(2.2, 1.15, 0.7), Color::srgb(0.45, 0.50, 0.58)),
        StationKind::Stall => (Vec3::new(2.0, 0.9, 0.9), Color::srgb(0.70, 0.52, 0.30)),
        StationKind::QrStand => (Vec3::new(0.3, 0.45, 0.12), Color::srgb(0.10, 0.55, 0.35)),
        StationKind::Checkout => (Vec3::new(1.6, 0.95, 0.7), Color::srgb(0.30, 0.40, 0.55)),
        StationKind::BusStopSign => (Vec3::new(0.5, 2.4, 0.1), Color::srgb(0.10, 0.40, 0.70)),
        StationKind::Bus => (Vec3::new(3.5, 2.6, 1.2), Color::srgb(0.15, 0.55, 0.35)),
        StationKind::Car => (Vec3::new(2.0, 1.3, 1.0), Color::srgb(0.95, 0.75, 0.15)),
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
        if !station.kind.is_drawn() {
            continue; // the phone is the learner's own, drawn in front of them
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

/// A click on a station in the scene, unless it landed on a panel drawn over the scene (the
/// phone, the caption, a label): that click is the panel's, and the station behind it was
/// not touched (it once scored a mistake for every tap on the phone over the queue screen,
/// and, on a busy machine, a click on the seats' label also tapped the pharmacy behind it).
fn tap_station(
    click: On<Pointer<Click>>,
    stations: Query<&StationModel>,
    mut contexts: bevy_egui::EguiContexts,
    mut actions: MessageWriter<LearnerAction>,
) {
    // Where the click was, not where egui last saw the pointer: a quick move-and-click can
    // reach the scene before egui's next pass has seen the pointer over the label.
    let at = click.pointer_location.position;
    let over_panel = |ctx: &mut bevy_egui::egui::Context| {
        ctx.layer_id_at(bevy_egui::egui::pos2(at.x, at.y))
            .is_some_and(|layer| layer.order != bevy_egui::egui::Order::Background)
    };
    if contexts.ctx_mut().is_ok_and(over_panel) {
        return;
    }
    if let Ok(station) = stations.get(click.entity) {
        actions.write(LearnerAction(Action::TapStation(station.id.clone())));
    }
}

/// The station to touch breathes a soft amber light (0.5 Hz, never a flash), then rests lit.
fn glow_target_station(
    time: Res<Time>,
    pulse: Res<Pulse>,
    active: Option<Res<Active>>,
    stations: Query<(&StationModel, &MeshMaterial3d<FlatMaterial>)>,
    mut materials: ResMut<Assets<FlatMaterial>>,
) {
    let target = active.as_ref().and_then(|a| match &a.view.target {
        Some(Target::Station(id)) => Some(id.clone()),
        _ => None,
    });
    let breath = pulse.breath(time.elapsed_secs());
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

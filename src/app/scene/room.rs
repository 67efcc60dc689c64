//! The 3D place, built from the scenario's data: a floor and walls in the
//! environment's colours and the place's own furniture, lit warmly by a cheap flat
//! material (`flat.rs`); each station's model (`models.rs`) with its signs (`signs.rs`)
//! and its screen's face (`display.rs`). Any part of a station taps it; the station to
//! touch glows, and a small one (a card slot) has an arrow over it.

use bevy::picking::prelude::*;
use bevy::prelude::*;

use super::display::{Face, ScreenCanvas};
use super::flat::FlatMaterial;
use super::models::{Part, Shape, Writing, decor, model};
use super::picture::PictureMaterial;
use super::signs::{SignAtlas, start_painting};
use crate::app::words::Words;
use crate::senior::Rgb;
use crate::app::flow::AppSystems;
use crate::app::flow::Screen;
use crate::app::phone::guide::Pulse;
use crate::app::walkthrough::{Active, LearnerAction};
use crate::scenario::Environment;
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
        .add_systems(
            Update,
            (glow_target_station, point_at_small_targets, fit_sign_strips)
                .in_set(AppSystems::Present)
                .run_if(in_state(Screen::Walkthrough)),
        );
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

/// Which station a part of a model belongs to: a click on it taps that station, and it
/// glows with the station while that is the thing to touch.
#[derive(Component, Debug, Clone)]
pub struct StationPart(pub String);

/// The gentle arrow that points at a small thing to touch (a card slot).
#[derive(Component)]
struct Pointer3d {
    station: String,
    at: Vec3,
}

#[derive(bevy::ecs::system::SystemParam)]
struct Builders<'w> {
    meshes: ResMut<'w, Assets<Mesh>>,
    materials: ResMut<'w, Assets<FlatMaterial>>,
    pictures: ResMut<'w, Assets<PictureMaterial>>,
    images: ResMut<'w, Assets<Image>>,
    atlas: ResMut<'w, SignAtlas>,
}

/// A part's mesh, centred on its origin.
fn mesh_of(shape: Shape, size: Vec3) -> Mesh {
    match shape {
        Shape::Block => Cuboid::from_size(size).into(),
        Shape::Pole => Cylinder::new(size.x / 2.0, size.y).mesh().resolution(16).build(),
        Shape::Ball => Sphere::new(size.x / 2.0).mesh().uv(16, 10),
        Shape::Sign(_) => Rectangle::new(size.x, size.y).into(),
    }
}

fn part_transform(p: &Part) -> Transform {
    Transform::from_translation(p.at).with_rotation(Quat::from_rotation_x(-p.tilt.to_radians()))
}

fn linear(c: Color) -> Rgb {
    let s = c.to_srgba();
    Rgb((s.red * 255.0).round() as u8, (s.green * 255.0).round() as u8, (s.blue * 255.0).round() as u8)
}

fn build_environment(
    mut commands: Commands,
    active: Res<Active>,
    words: Res<Words>,
    mut b: Builders,
    canvas: Res<ScreenCanvas>,
) {
    let scenario = active.scenario();
    let (floor, wall) = palette(scenario.environment);
    let scoped = DespawnOnExit(Screen::Walkthrough);
    commands.spawn((
        Name::new("Floor"),
        scoped.clone(),
        Mesh3d(b.meshes.add(Plane3d::default().mesh().size(16.0, 16.0))),
        MeshMaterial3d(b.materials.add(FlatMaterial::new(floor))),
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
            Mesh3d(b.meshes.add(Cuboid::from_size(size))),
            MeshMaterial3d(b.materials.add(FlatMaterial::new(wall))),
            Transform::from_translation(at),
            Pickable::IGNORE,
        ));
    }
    let mut atlas = SignAtlas::default();
    // Signs are painted after all are known: (entity, strip) to give their picture's part.
    let mut signs: Vec<(Entity, usize)> = Vec::new();
    for p in decor(scenario.environment) {
        commands.spawn((
            Name::new("Furniture"),
            scoped.clone(),
            Mesh3d(b.meshes.add(mesh_of(p.shape, p.size))),
            MeshMaterial3d(b.materials.add(FlatMaterial::new(p.colour))),
            part_transform(&p),
            Pickable::IGNORE,
        ));
    }
    for station in &scenario.stations {
        if !station.kind.is_drawn() {
            continue; // the phone is the learner's own, held in front of them
        }
        let (x, y, z) = station.position;
        let base = Vec3::new(x, y, z);
        let model = model(station.kind, y);
        let turn = Quat::from_rotation_y(station.facing.to_radians());
        let root = Transform::from_translation(base).with_rotation(turn);
        let label = words.say(&station.label);
        let mut entity = commands.spawn((
            Name::new(format!("Station {}", station.id)),
            scoped.clone(),
            StationModel { id: station.id.clone(), label_at: base + Vec3::Y * (model.top + 0.35) },
            root,
            Visibility::default(),
        ));
        entity.with_children(|c| {
            for p in &model.parts {
                let mesh = b.meshes.add(mesh_of(p.shape, p.size));
                if let Shape::Sign(writing) = p.shape {
                    let words = match writing {
                        Writing::Label => Some(label.clone()),
                        Writing::Chars(chars) => Some(chars.to_owned()),
                        Writing::Qr => None,
                    };
                    let strip = atlas.add(words, linear(p.colour), p.size.truncate());
                    let id = c
                        .spawn((
                            Name::new("Sign"),
                            StationPart(station.id.clone()),
                            Mesh3d(mesh),
                            part_transform(p).with_translation(p.at + Vec3::Z * 0.002),
                        ))
                        .observe(tap_station)
                        .id();
                    signs.push((id, strip));
                    continue;
                }
                c.spawn((
                    Name::new("Part"),
                    StationPart(station.id.clone()),
                    Mesh3d(mesh),
                    MeshMaterial3d(b.materials.add(FlatMaterial::new(p.colour))),
                    part_transform(p),
                ))
                .observe(tap_station);
            }
            if let Some(mount) = model.screen {
                c.spawn((
                    Name::new("Screen"),
                    Face { station: Some(station.id.clone()), width: mount.width },
                    Mesh3d(b.meshes.add(Rectangle::new(1.0, 1.0))),
                    MeshMaterial3d(
                        b.pictures.add(PictureMaterial { picture: canvas.0.clone(), backing: LinearRgba::BLACK }),
                    ),
                    mount.transform().with_translation(mount.at + mount.transform().back() * 0.004),
                    Visibility::Hidden,
                ));
            }
        });
        if let Some(at) = model.point {
            let world = root.transform_point(at);
            commands.spawn((
                Name::new("Pointer"),
                scoped.clone(),
                Pointer3d { station: station.id.clone(), at: world },
                Mesh3d(b.meshes.add(Cone { radius: 0.05, height: 0.12 })),
                MeshMaterial3d(b.materials.add(FlatMaterial::new(Color::srgb(0.95, 0.66, 0.0)))),
                Transform::from_translation(world + Vec3::Y * 0.2).with_rotation(Quat::from_rotation_x(std::f32::consts::PI)),
                Visibility::Hidden,
                Pickable::IGNORE,
            ));
        }
    }
    // Paint the signs: every sign shows its own strip of the one picture.
    start_painting(&mut commands, &mut b.images, &mut atlas);
    let material = b.pictures.add(PictureMaterial { picture: atlas.image.clone(), backing: LinearRgba::WHITE });
    for (entity, strip) in signs {
        let (top, bottom) = atlas.span(strip);
        commands.entity(entity).insert(MeshMaterial3d(material.clone())).insert(SignStrip(top, bottom));
    }
    *b.atlas = atlas;
}

/// The part of the sign picture a sign shows (top, bottom), applied to its mesh once built.
#[derive(Component)]
struct SignStrip(f32, f32);

fn fit_sign_strips(
    signs: Query<(Entity, &Mesh3d, &SignStrip)>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut commands: Commands,
) {
    for (entity, mesh, SignStrip(top, bottom)) in &signs {
        if let Some(mut mesh) = meshes.get_mut(&mesh.0)
            && let Some(bevy::mesh::VertexAttributeValues::Float32x2(uvs)) = mesh.attribute_mut(Mesh::ATTRIBUTE_UV_0)
        {
            for uv in uvs.iter_mut() {
                uv[1] = top + uv[1] * (bottom - top);
            }
        }
        commands.entity(entity).remove::<SignStrip>();
    }
}

/// The arrow over a small thing to touch: shown while it is the target, bobbing gently
/// (a few centimetres, twice as slow as a breath), never flashing.
fn point_at_small_targets(
    time: Res<Time>,
    active: Option<Res<Active>>,
    mut arrows: Query<(&Pointer3d, &mut Transform, &mut Visibility)>,
    mut wake: ResMut<crate::app::flow::Wake>,
) {
    let target = active.as_ref().and_then(|a| match &a.view.target {
        Some(Target::Station(id)) => Some(id.clone()),
        _ => None,
    });
    for (arrow, mut transform, mut visibility) in &mut arrows {
        let on = target.as_deref() == Some(arrow.station.as_str());
        visibility.set_if_neq(if on { Visibility::Inherited } else { Visibility::Hidden });
        if on {
            let bob = 0.03 * (time.elapsed_secs() * std::f32::consts::PI * 0.5).sin();
            transform.translation = arrow.at + Vec3::Y * (0.16 + bob);
            wake.within(0.125);
        }
    }
}

/// A click on a station in the scene, unless it landed on a panel drawn over the scene (the
/// phone, the caption, a label): that click is the panel's, and the station behind it was
/// not touched (it once scored a mistake for every tap on the phone over the queue screen,
/// and, on a busy machine, a click on the seats' label also tapped the pharmacy behind it).
fn tap_station(
    click: On<Pointer<Click>>,
    stations: Query<&StationPart>,
    on_face: Option<Res<bevy_egui::input::HoveredNonWindowEguiContext>>,
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
    // A click on a machine's screen is the screen's (its button), not a tap on the machine.
    if contexts.ctx_mut().is_ok_and(over_panel) || on_face.is_some() {
        return;
    }
    if let Ok(StationPart(id)) = stations.get(click.entity) {
        actions.write(LearnerAction(Action::TapStation(id.clone())));
    }
}

/// The station to touch breathes a soft amber light (0.5 Hz, never a flash), then rests lit.
fn glow_target_station(
    time: Res<Time>,
    pulse: Res<Pulse>,
    active: Option<Res<Active>>,
    stations: Query<(&StationPart, &MeshMaterial3d<FlatMaterial>)>,
    mut materials: ResMut<Assets<FlatMaterial>>,
) {
    let target = active.as_ref().and_then(|a| match &a.view.target {
        Some(Target::Station(id)) => Some(id.clone()),
        _ => None,
    });
    let breath = pulse.breath(time.elapsed_secs());
    for (StationPart(station), material) in &stations {
        let glow = if target.as_deref() == Some(station.as_str()) { 0.25 + 0.35 * breath } else { 0.0 };
        let wanted = LinearRgba::rgb(glow, glow * 0.7, 0.0);
        // Only touch materials whose glow changes, so still stations are not re-uploaded each frame.
        if materials.get(&material.0).is_some_and(|m| m.glow != wanted)
            && let Some(mut m) = materials.get_mut(&material.0)
        {
            m.glow = wanted;
        }
    }
}

//! The 3D place, built from the scenario's data: a floor and walls in the
//! environment's colours and the place's own furniture, lit warmly by a cheap flat
//! material (`flat.rs`); each station's model (`models.rs`) with its signs (`signs.rs`)
//! and its screen's face (`display.rs`). Any part of a station taps it; the station to
//! touch glows, and a small one (a card slot) has an arrow over it.

use bevy::picking::prelude::*;
use bevy::prelude::*;

use super::display::{Face, ScreenCanvas};
use super::flat::FlatMaterial;
use super::models::{self, Part, Shape, Writing, decor, model};
use super::picture::PictureMaterial;
use super::signs::{SignAtlas, start_painting};
use crate::app::flow::AppSystems;
use crate::app::flow::Screen;
use crate::app::phone::guide::Pulse;
use crate::app::walkthrough::{Active, LearnerAction, StepEntered};
use crate::app::words::Words;
use crate::scenario::{Environment, Scenario, Station};
use crate::senior::Rgb;
use crate::walkthrough::{Action, Target};

/// A station's model; clicking it taps the station.
#[derive(Component, Debug, Clone)]
pub struct StationModel {
    pub id: String,
    /// Where its label floats, in world space.
    pub label_at: Vec3,
    /// How wide and how tall it is (metres): the camera stands further back from a bus
    /// than from a kiosk.
    pub reach: f32,
    pub height: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(MeshPickingPlugin).add_systems(OnEnter(Screen::Walkthrough), build_environment).add_systems(
        Update,
        (glow_target_station, point_at_small_targets, follow_calls)
            .in_set(AppSystems::Present)
            .run_if(in_state(Screen::Walkthrough)),
    );
}

/// One of the words a display (a queue screen) can show in this scenario, painted with the
/// other signs once; shown while it is what the walkthrough has got to (a step's `shows`).
/// Every call is painted up front, so that a call costs no painting (and no memory) later.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct BoardWords {
    pub station: String,
    pub words: String,
}

/// Everything a station's display can show in `scenario`: its own `shows` (else its name),
/// then each step's for it, once each, in the words of the app's language.
fn board_variants(scenario: &Scenario, station: &Station, words: &Words) -> Vec<String> {
    let mut all = vec![shown_or_name(words, station, station.shows.as_ref())];
    for shown in scenario.steps.iter().flat_map(|s| &s.shows).filter(|sh| sh.station == station.id) {
        let said = words.say(&shown.words);
        if !all.contains(&said) {
            all.push(said);
        }
    }
    all
}

/// What a station's display shows now (as the walkthrough has got to), else its name.
fn board_words(active: &Active, words: &Words, station: &Station) -> String {
    shown_or_name(words, station, active.engine.display_words(&station.id))
}

fn shown_or_name(words: &Words, station: &Station, shown: Option<&crate::scenario::MsgId>) -> String {
    words.say(shown.unwrap_or(&station.label))
}

/// A queue screen calls the next number: when a step begins, each display shows the words
/// the walkthrough has got to.
fn follow_calls(
    mut entered: MessageReader<StepEntered>,
    active: Option<Res<Active>>,
    words: Res<Words>,
    mut boards: Query<(&BoardWords, &mut Visibility)>,
) {
    if entered.read().count() == 0 {
        return;
    }
    let Some(active) = active else { return };
    for (board, mut visibility) in &mut boards {
        if let Some(station) = active.scenario().station(&board.station) {
            let now = board_words(&active, &words, station) == board.words;
            visibility.set_if_neq(if now { Visibility::Inherited } else { Visibility::Hidden });
        }
    }
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

/// A colour as the sign painter (and the contrast rules) take it: sRGB bytes.
fn srgb_bytes(c: Color) -> Rgb {
    let s = c.to_srgba();
    Rgb((s.red * 255.0).round() as u8, (s.green * 255.0).round() as u8, (s.blue * 255.0).round() as u8)
}

/// Parts merged into one mesh (a station's body, its signs, the room with its furniture):
/// a place is a few meshes, not dozens (each mesh drawn costs the CPU more than its pixels
/// cost the renderer, above all in a debug build).
fn merged(parts: impl IntoIterator<Item = Mesh>) -> Option<Mesh> {
    let mut parts = parts.into_iter();
    let mut mesh = parts.next()?;
    for p in parts {
        // Every part's mesh has positions, normals and UVs: merging cannot fail.
        let _ = mesh.merge(&p);
    }
    Some(mesh)
}

/// The mesh of a part, placed and turned as it stands in its model, in its colour (a
/// vertex colour: parts of many colours merge into one mesh); a sign's shows its strip of
/// the sign picture.
fn placed_mesh(p: &Part, strip: Option<(f32, f32)>) -> Mesh {
    let mut mesh = mesh_of(p.shape, p.size);
    let mut at = p.transform();
    match strip {
        Some((top, bottom)) => {
            if let Some(bevy::mesh::VertexAttributeValues::Float32x2(uvs)) = mesh.attribute_mut(Mesh::ATTRIBUTE_UV_0) {
                for uv in uvs.iter_mut() {
                    uv[1] = top + uv[1] * (bottom - top);
                }
            }
            // Just in front of the board it is written on.
            at.translation += Vec3::Z * 0.002;
        }
        None => {
            let colour = p.colour.to_linear().to_f32_array();
            mesh.insert_attribute(Mesh::ATTRIBUTE_COLOR, vec![colour; mesh.count_vertices()]);
        }
    }
    mesh.transformed_by(at)
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
    // The room: floor, walls and the place's own furniture, one mesh.
    let block = |size: Vec3, at: Vec3, colour: Color| Part { shape: Shape::Block, size, at, tilt: 0.0, colour };
    let mut room = models::floor(scenario.environment, floor);
    room.extend([
        block(Vec3::new(16.0, 4.0, 0.2), Vec3::new(0.0, 2.0, -6.0), wall),
        block(Vec3::new(0.2, 4.0, 16.0), Vec3::new(-8.0, 2.0, 0.0), wall),
        block(Vec3::new(0.2, 4.0, 16.0), Vec3::new(8.0, 2.0, 0.0), wall),
    ]);
    room.extend(decor(scenario.environment));
    commands.spawn((
        Name::new("Room"),
        scoped.clone(),
        Mesh3d(b.meshes.add(merged(room.iter().map(|p| placed_mesh(p, None))).expect("a floor and walls"))),
        MeshMaterial3d(b.materials.add(FlatMaterial::new(Color::WHITE))),
        Pickable::IGNORE,
    ));
    let mut drawn: Vec<_> = scenario
        .stations
        .iter()
        .filter(|s| s.kind.is_drawn()) // the phone is the learner's own, held in front of them
        .map(|s| (s, model(s.kind, s.position.1)))
        .collect();
    // Every sign's strip of the one sign picture, known before any sign is built.
    let mut atlas = SignAtlas::default();
    let mut strips = Vec::new();
    let mut boards = Vec::new();
    for (station, model) in &mut drawn {
        let label = words.say(&station.label);
        // A number sign shows the number in the station's name; without one there is no sign.
        let number: String =
            label.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
        model.parts.retain(|p| p.shape != Shape::Sign(Writing::Number) || !number.is_empty());
        for p in &model.parts {
            if let Shape::Sign(writing) = p.shape {
                let words = match writing {
                    Writing::Label => Some(label.clone()),
                    Writing::Shows => {
                        // A strip for each call it can show (see `BoardWords`).
                        for said in board_variants(scenario, station, &words) {
                            let strip = atlas.add(Some(said.clone()), srgb_bytes(p.colour), p.size.truncate());
                            boards.push((station.id.clone(), said, strip));
                        }
                        continue;
                    }
                    Writing::Number => Some(number.clone()),
                    Writing::Chars(chars) => Some(chars.to_owned()),
                    Writing::Qr => None,
                };
                strips.push(atlas.add(words, srgb_bytes(p.colour), p.size.truncate()));
            }
        }
    }
    start_painting(&mut commands, &mut b.images, &mut atlas);
    let sign_material = b.pictures.add(PictureMaterial { picture: atlas.image.clone(), backing: LinearRgba::WHITE });
    let mut strips = strips.into_iter();
    for (station, model) in &drawn {
        let (x, y, z) = station.position;
        let base = Vec3::new(x, y, z);
        let turn = Quat::from_rotation_y(station.facing.to_radians());
        let root = Transform::from_translation(base).with_rotation(turn);
        let signs: Vec<Mesh> = model
            .parts
            .iter()
            .filter(|p| matches!(p.shape, Shape::Sign(_)) && p.shape != Shape::Sign(Writing::Shows))
            .map(|p| {
                let strip = strips.next().map(|n| atlas.span(n));
                placed_mesh(p, strip)
            })
            .collect();
        let solid =
            merged(model.parts.iter().filter(|p| !matches!(p.shape, Shape::Sign(_))).map(|p| placed_mesh(p, None)));
        let mut entity = commands.spawn((
            Name::new(format!("Station {}", station.id)),
            scoped.clone(),
            StationModel {
                id: station.id.clone(),
                label_at: base + Vec3::Y * (model.top + 0.35),
                reach: model.parts.iter().map(|p| 2.0 * (p.at.x.abs() + p.size.x / 2.0)).fold(0.0, f32::max),
                height: model.top,
            },
            root,
            Visibility::default(),
        ));
        entity.with_children(|c| {
            if let Some(mesh) = solid {
                c.spawn((
                    Name::new("Body"),
                    StationPart(station.id.clone()),
                    Mesh3d(b.meshes.add(mesh)),
                    MeshMaterial3d(b.materials.add(FlatMaterial::new(Color::WHITE))),
                ))
                .observe(tap_station);
            }
            if let Some(mesh) = merged(signs) {
                c.spawn((
                    Name::new("Signs"),
                    StationPart(station.id.clone()),
                    Mesh3d(b.meshes.add(mesh)),
                    MeshMaterial3d(sign_material.clone()),
                ))
                .observe(tap_station);
            }
            // A model has one display at most (the queue screen's glass).
            let now = board_words(&active, &words, station);
            for p in model.parts.iter().filter(|p| p.shape == Shape::Sign(Writing::Shows)) {
                for (_, said, strip) in boards.iter().filter(|(id, ..)| *id == station.id) {
                    let shown = now == *said;
                    c.spawn((
                        Name::new("Display words"),
                        StationPart(station.id.clone()),
                        BoardWords { station: station.id.clone(), words: said.clone() },
                        Mesh3d(b.meshes.add(placed_mesh(p, Some(atlas.span(*strip))))),
                        MeshMaterial3d(sign_material.clone()),
                        if shown { Visibility::Inherited } else { Visibility::Hidden },
                    ))
                    .observe(tap_station);
                }
            }
            if let Some(mount) = model.screen {
                c.spawn((
                    Name::new("Screen"),
                    Face { station: Some(station.id.clone()), width: mount.width, height: mount.height },
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
                Transform::from_translation(world + Vec3::Y * 0.2)
                    .with_rotation(Quat::from_rotation_x(std::f32::consts::PI)),
                Visibility::Hidden,
                Pickable::IGNORE,
            ));
        }
    }
    *b.atlas = atlas;
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

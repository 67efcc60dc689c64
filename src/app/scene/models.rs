//! What each kind of station and each place looks like, as data: a model is a few simple
//! parts (boxes, cylinders, balls), signs with words written on them, and where its screen
//! and its small physical target (a card slot) are. Written by hand in code from photos of
//! the real things' proportions (no mesh files, no licences to track); `room` turns them
//! into meshes. Local coordinates: metres, origin on the floor (or the surface the station
//! stands on) at the model's centre, +Y up, +Z towards the learner.

use bevy::prelude::*;

use crate::scenario::{Environment, StationKind};

/// A part's shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A box of `size`.
    Block,
    /// An upright cylinder: `size.x` across, `size.y` tall.
    Pole,
    /// A ball `size.x` across.
    Ball,
    /// A flat sign facing +Z, `size.x` by `size.y`, its words drawn on it.
    Sign(Writing),
}

/// What a sign shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Writing {
    /// The station's own name (its label, in the learner's language).
    Label,
    /// The number in the station's name (a counter's window number), if it has one: no
    /// sign at all otherwise, so a sign never disagrees with what the task says.
    Number,
    /// Fixed characters: letters that no task names (every one is in the shipped font).
    Chars(&'static str),
    /// What the station's display shows (its `shows` words: a queue screen's call), else
    /// its name.
    Shows,
    /// A payment QR code (drawn, not readable).
    Qr,
}

/// One part of a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub shape: Shape,
    pub size: Vec3,
    /// The part's centre.
    pub at: Vec3,
    /// Tilted back by this many degrees about its own X axis (a kiosk's screen).
    pub tilt: f32,
    pub colour: Color,
}

fn part(shape: Shape, size: [f32; 3], at: [f32; 3], colour: Color) -> Part {
    Part { shape, size: Vec3::from(size), at: Vec3::from(at), tilt: 0.0, colour }
}

fn block(size: [f32; 3], at: [f32; 3], colour: Color) -> Part {
    part(Shape::Block, size, at, colour)
}

fn pole(across: f32, tall: f32, at: [f32; 3], colour: Color) -> Part {
    part(Shape::Pole, [across, tall, across], at, colour)
}

fn ball(across: f32, at: [f32; 3], colour: Color) -> Part {
    part(Shape::Ball, [across; 3], at, colour)
}

fn sign(writing: Writing, size: [f32; 2], at: [f32; 3], colour: Color) -> Part {
    part(Shape::Sign(writing), [size[0], size[1], 0.0], at, colour)
}

impl Part {
    fn tilted(mut self, degrees: f32) -> Part {
        self.tilt = degrees;
        self
    }

    /// The part's place and turn in its model's space.
    pub fn transform(&self) -> Transform {
        tilted_at(self.at, self.tilt)
    }
}

/// Standing at `at`, tilted back by `tilt` degrees about its own X axis.
fn tilted_at(at: Vec3, tilt: f32) -> Transform {
    Transform::from_translation(at).with_rotation(Quat::from_rotation_x(-tilt.to_radians()))
}

/// Where a machine's screen is: the learner's screens shown on it are drawn there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mount {
    /// The screen's centre.
    pub at: Vec3,
    /// Tilted back by this many degrees (it faces +Z, and up this much).
    pub tilt: f32,
    /// The most the screen can be across and high, in metres (its shape follows what is
    /// shown on it: as wide as it can be without being taller than `height`).
    pub width: f32,
    pub height: f32,
}

impl Mount {
    /// The screen's place and turn in the model's space.
    pub fn transform(&self) -> Transform {
        tilted_at(self.at, self.tilt)
    }
}

/// A station's model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub parts: Vec<Part>,
    /// The top of the model: its label floats above.
    pub top: f32,
    pub screen: Option<Mount>,
    /// A small thing on it that is hard to see (a card slot, a scanner window): an arrow
    /// points at it while it is the thing to touch.
    pub point: Option<Vec3>,
}

impl Model {
    /// A model with no screen and nothing small to point at.
    fn plain(parts: Vec<Part>, top: f32) -> Model {
        Model { parts, top, screen: None, point: None }
    }
}

/// Colours, named once.
mod paint {
    use bevy::prelude::Color;
    pub const WHITE: Color = Color::srgb(0.93, 0.93, 0.91);
    pub const DARK: Color = Color::srgb(0.13, 0.14, 0.16);
    pub const GLASS: Color = Color::srgb(0.10, 0.16, 0.20);
    pub const STEEL: Color = Color::srgb(0.55, 0.57, 0.60);
    pub const TEAL: Color = Color::srgb(0.10, 0.48, 0.55);
    pub const RED: Color = Color::srgb(0.72, 0.16, 0.16);
    pub const WOOD: Color = Color::srgb(0.58, 0.42, 0.27);
    pub const LIGHT_WOOD: Color = Color::srgb(0.80, 0.66, 0.48);
    pub const PANE: Color = Color::srgb(0.72, 0.84, 0.88);
    pub const GREEN: Color = Color::srgb(0.16, 0.52, 0.32);
    pub const BLUE: Color = Color::srgb(0.16, 0.36, 0.62);
    pub const SEAT_BLUE: Color = Color::srgb(0.22, 0.42, 0.70);
    pub const ORANGE: Color = Color::srgb(0.90, 0.50, 0.12);
    pub const YELLOW: Color = Color::srgb(0.95, 0.76, 0.16);
    pub const FABRIC: Color = Color::srgb(0.55, 0.33, 0.28);
    pub const CUSHION: Color = Color::srgb(0.70, 0.50, 0.42);
    pub const TYRE: Color = Color::srgb(0.08, 0.08, 0.09);
    pub const LEAF: Color = Color::srgb(0.25, 0.55, 0.28);
    pub const POT: Color = Color::srgb(0.62, 0.36, 0.22);
}

use paint::*;

/// The model of a station of `kind` whose base is `base_y` metres above the floor (a card
/// reader or a QR stand set on a counter stands at its height; set on the floor, it gets a
/// post to stand on).
pub fn model(kind: StationKind, base_y: f32) -> Model {
    let mut m = match kind {
        StationKind::Kiosk => self_service(TEAL, 1.0),
        StationKind::TicketMachine => self_service(RED, 0.9),
        StationKind::CardReader => card_reader(),
        StationKind::RegistrationCounter | StationKind::ServiceWindow => counter(WOOD, 2.4),
        StationKind::BankCounter => counter(STEEL, 2.2),
        StationKind::PharmacyWindow => pharmacy(),
        StationKind::QueueScreen => queue_screen(),
        StationKind::Tv => tv(),
        StationKind::Seats => seats(),
        StationKind::Sofa => sofa(),
        StationKind::Door => door(),
        StationKind::Sign => Model::plain(
            vec![
                block([1.26, 0.66, 0.04], [0.0, 0.33, -0.03], DARK),
                sign(Writing::Label, [1.2, 0.6], [0.0, 0.33, 0.0], BLUE),
                block([0.04, 0.1, 0.06], [-0.5, 0.7, -0.06], STEEL),
                block([0.04, 0.1, 0.06], [0.5, 0.7, -0.06], STEEL),
            ],
            0.75,
        ),
        StationKind::Table => table(),
        StationKind::Phone => Model::plain(vec![], 0.0),
        StationKind::Stall => stall(),
        StationKind::QrStand => qr_stand(),
        StationKind::Checkout => checkout(),
        StationKind::BusStopSign => bus_stop_sign(),
        StationKind::Bus => bus(),
        StationKind::Car => car(),
    };
    let small = matches!(kind, StationKind::CardReader | StationKind::QrStand);
    if small && base_y < 0.5 {
        // Set on the floor: a post brings it to a standing person's hands.
        let lift = 1.0 - base_y;
        for p in &mut m.parts {
            p.at.y += lift;
        }
        m.parts.push(pole(0.08, lift, [0.0, lift / 2.0, 0.0], STEEL));
        m.parts.push(pole(0.36, 0.03, [0.0, 0.015, 0.0], STEEL));
        m.top += lift;
        m.screen = m.screen.map(|s| Mount { at: s.at + Vec3::Y * lift, ..s });
        m.point = m.point.map(|p| p + Vec3::Y * lift);
    }
    m
}

/// A self-service machine (hospital kiosk, bank ticket machine): plinth, body, a tilted
/// touch screen, the card slot, the QR scanner window and the paper mouth, its name on top.
fn self_service(accent: Color, scale: f32) -> Model {
    let s = |v: f32| v * scale;
    let parts = vec![
        block([s(0.74), 0.08, s(0.52)], [0.0, 0.04, 0.0], DARK),
        block([s(0.70), 1.0, s(0.46)], [0.0, 0.58, 0.0], WHITE),
        block([s(0.72), 0.06, s(0.48)], [0.0, 0.34, 0.0], accent),
        // The head: the screen's dark frame, tilted back towards the learner's eyes.
        block([s(0.72), 0.66, 0.10], [0.0, 1.42, 0.02], DARK).tilted(15.0),
        block([s(0.70), 0.08, 0.20], [0.0, 1.07, 0.14], WHITE),
        // Card slot (with its light), scanner window, receipt mouth.
        block([0.22, 0.035, 0.04], [s(-0.14), 0.98, 0.235], DARK),
        block([0.22, 0.012, 0.02], [s(-0.14), 1.005, 0.245], YELLOW),
        block([0.16, 0.12, 0.03], [s(0.17), 0.96, 0.235], GLASS),
        block([0.26, 0.04, 0.04], [0.0, 0.78, 0.235], DARK),
        block([0.74 * scale, 0.22, 0.08], [0.0, 1.88, -0.02], accent),
        sign(Writing::Label, [s(0.70), 0.18], [0.0, 1.88, 0.025], accent),
    ];
    Model {
        parts,
        top: 2.0,
        screen: Some(Mount { at: Vec3::new(0.0, 1.43, 0.075), tilt: 15.0, width: s(0.62), height: 0.6 }),
        point: Some(Vec3::new(s(-0.14), 0.98, 0.26)),
    }
}

/// A card reader or PIN pad: a small dark box with its keys, a little screen on a stand
/// tilted towards the learner, and the card slot in front.
fn card_reader() -> Model {
    Model {
        parts: vec![
            block([0.22, 0.06, 0.28], [0.0, 0.03, 0.0], DARK),
            block([0.18, 0.012, 0.12], [0.0, 0.066, 0.06], STEEL),
            block([0.04, 0.14, 0.03], [0.0, 0.12, -0.07], DARK),
            block([0.21, 0.19, 0.02], [0.0, 0.22, -0.035], DARK).tilted(30.0),
            block([0.12, 0.01, 0.02], [0.0, 0.045, 0.142], YELLOW),
        ],
        top: 0.34,
        screen: Some(Mount { at: Vec3::new(0.0, 0.223, -0.02), tilt: 30.0, width: 0.18, height: 0.17 }),
        point: Some(Vec3::new(0.0, 0.05, 0.15)),
    }
}

/// A service counter: the desk, its top, a glass screen with a speaking gap, a monitor
/// behind, the window's number and its name above.
fn counter(desk: Color, width: f32) -> Model {
    let w = width;
    Model::plain(
        vec![
            block([w, 1.0, 0.6], [0.0, 0.5, 0.0], desk),
            block([w + 0.1, 0.05, 0.75], [0.0, 1.03, 0.05], LIGHT_WOOD),
            block([w * 0.45, 0.04, 0.04], [0.0, 0.2, 0.31], STEEL),
            block([w, 0.8, 0.02], [0.0, 1.65, -0.15], PANE),
            block([0.04, 1.2, 0.06], [-w / 2.0, 1.65, -0.15], STEEL),
            block([0.04, 1.2, 0.06], [w / 2.0, 1.65, -0.15], STEEL),
            block([0.46, 0.30, 0.04], [0.3, 1.25, -0.35], DARK),
            block([0.3, 0.2, 0.25], [-0.4, 1.15, -0.25], WHITE),
            block([w + 0.1, 0.34, 0.1], [0.0, 2.25, -0.15], BLUE),
            sign(Writing::Label, [w * 0.7, 0.28], [-w * 0.12, 2.25, -0.095], BLUE),
            sign(Writing::Number, [0.28, 0.28], [w / 2.0 - 0.25, 2.25, -0.095], ORANGE),
        ],
        2.42,
    )
}

/// A pharmacy window: counter, shelves of boxes behind, the green cross and its name.
fn pharmacy() -> Model {
    let mut parts = vec![
        block([1.8, 1.0, 0.55], [0.0, 0.5, 0.0], WHITE),
        block([1.9, 0.05, 0.7], [0.0, 1.03, 0.05], GREEN),
        block([1.9, 1.9, 0.3], [0.0, 0.95, -0.7], LIGHT_WOOD),
        block([1.9, 0.3, 0.1], [0.0, 2.25, -0.2], GREEN),
        sign(Writing::Label, [1.3, 0.26], [-0.2, 2.25, -0.145], GREEN),
        block([0.08, 0.24, 0.02], [0.8, 2.25, -0.14], WHITE),
        block([0.24, 0.08, 0.02], [0.8, 2.25, -0.14], WHITE),
    ];
    let boxes = [RED, BLUE, YELLOW, WHITE, ORANGE, GREEN];
    for row in 0..3 {
        let y = 1.25 + row as f32 * 0.3;
        parts.push(block([1.8, 0.03, 0.3], [0.0, y - 0.02, -0.52], WOOD));
        for i in 0..6 {
            let x = -0.75 + i as f32 * 0.3;
            parts.push(block([0.2, 0.16, 0.14], [x, y + 0.08, -0.48], boxes[(i + row) % boxes.len()]));
        }
    }
    Model::plain(parts, 2.42)
}

/// The number screen on the wall, its name lit on it (the numbers it calls are the task's
/// to say: a drawn number could disagree with the voice).
fn queue_screen() -> Model {
    Model::plain(
        vec![
            block([1.6, 0.9, 0.08], [0.0, 0.45, -0.04], DARK),
            sign(Writing::Shows, [1.46, 0.5], [0.0, 0.55, 0.005], GLASS),
            block([1.46, 0.16, 0.01], [0.0, 0.17, 0.0], BLUE),
        ],
        0.9,
    )
}

fn tv() -> Model {
    Model::plain(
        vec![
            block([1.5, 0.86, 0.06], [0.0, 0.43, -0.03], DARK),
            block([1.42, 0.78, 0.01], [0.0, 0.43, 0.005], Color::srgb(0.18, 0.26, 0.36)),
            block([1.8, 0.5, 0.45], [0.0, -0.95, 0.1], WOOD),
        ],
        0.86,
    )
}

/// A row of four joined waiting-room chairs.
fn seats() -> Model {
    let mut parts = vec![block([2.1, 0.06, 0.06], [0.0, 0.3, 0.0], STEEL)];
    for x in [-0.9, 0.9] {
        parts.push(block([0.06, 0.3, 0.45], [x, 0.15, 0.0], STEEL));
    }
    for i in 0..4 {
        let x = -0.75 + i as f32 * 0.5;
        parts.push(block([0.46, 0.06, 0.45], [x, 0.45, 0.02], SEAT_BLUE));
        parts.push(block([0.46, 0.45, 0.05], [x, 0.72, -0.2], SEAT_BLUE).tilted(8.0));
    }
    Model::plain(parts, 0.95)
}

fn sofa() -> Model {
    Model::plain(
        vec![
            block([2.0, 0.4, 0.85], [0.0, 0.2, 0.0], FABRIC),
            block([2.0, 0.5, 0.2], [0.0, 0.65, -0.33], FABRIC),
            block([0.2, 0.3, 0.85], [-0.9, 0.55, 0.0], FABRIC),
            block([0.2, 0.3, 0.85], [0.9, 0.55, 0.0], FABRIC),
            block([0.78, 0.12, 0.6], [-0.4, 0.46, 0.08], CUSHION),
            block([0.78, 0.12, 0.6], [0.4, 0.46, 0.08], CUSHION),
        ],
        0.9,
    )
}

/// A door in its frame, with its handle and the room's sign above.
fn door() -> Model {
    Model::plain(
        vec![
            block([1.1, 2.15, 0.08], [0.0, 1.075, -0.02], WHITE),
            block([0.95, 2.05, 0.06], [0.0, 1.03, 0.0], WOOD),
            block([0.12, 0.03, 0.05], [0.35, 1.0, 0.05], STEEL),
            block([0.7, 0.26, 0.03], [0.0, 2.35, 0.0], BLUE),
            sign(Writing::Label, [0.66, 0.22], [0.0, 2.35, 0.017], BLUE),
        ],
        2.5,
    )
}

fn table() -> Model {
    let mut parts = vec![block([1.2, 0.05, 0.7], [0.0, 0.45, 0.0], WOOD)];
    for (x, z) in [(-0.55, -0.3), (0.55, -0.3), (-0.55, 0.3), (0.55, 0.3)] {
        parts.push(block([0.05, 0.43, 0.05], [x, 0.215, z], WOOD));
    }
    parts.push(pole(0.16, 0.1, [0.3, 0.52, 0.0], WHITE));
    Model::plain(parts, 0.55)
}

/// A market stall: table, crates of fruit, a striped awning on poles and its name.
fn stall() -> Model {
    let mut parts = vec![
        block([2.0, 0.8, 0.8], [0.0, 0.4, 0.0], WOOD),
        block([0.05, 2.1, 0.05], [-0.95, 1.05, -0.38], STEEL),
        block([0.05, 2.1, 0.05], [0.95, 1.05, -0.38], STEEL),
        block([2.0, 0.26, 0.06], [0.0, 1.8, -0.38], WHITE),
        sign(Writing::Label, [1.5, 0.22], [0.0, 1.8, -0.345], RED),
    ];
    for i in 0..5 {
        let colour = if i % 2 == 0 { RED } else { WHITE };
        parts.push(block([0.4, 0.04, 1.0], [-0.8 + i as f32 * 0.4, 2.16, 0.05], colour).tilted(-12.0));
    }
    for (i, fruit) in [RED, ORANGE, LEAF, YELLOW].into_iter().enumerate() {
        let x = -0.72 + i as f32 * 0.48;
        parts.push(block([0.42, 0.12, 0.34], [x, 0.86, 0.12], LIGHT_WOOD));
        for j in 0..3 {
            parts.push(ball(0.12, [x - 0.12 + j as f32 * 0.12, 0.96, 0.12], fruit));
        }
    }
    Model::plain(parts, 2.3)
}

/// A table stand with the seller's payment code.
fn qr_stand() -> Model {
    Model {
        parts: vec![
            block([0.24, 0.02, 0.12], [0.0, 0.01, 0.0], WHITE),
            block([0.24, 0.32, 0.015], [0.0, 0.17, 0.0], GREEN).tilted(12.0),
            sign(Writing::Qr, [0.18, 0.18], [0.0, 0.19, 0.01], WHITE),
        ],
        top: 0.34,
        screen: None,
        point: Some(Vec3::new(0.0, 0.19, 0.03)),
    }
}

/// A supermarket checkout: the belt, the till with its little screen, the bag shelf.
fn checkout() -> Model {
    Model::plain(
        vec![
            block([1.6, 0.85, 0.6], [0.0, 0.425, 0.0], BLUE),
            block([1.0, 0.04, 0.45], [-0.25, 0.87, 0.0], DARK),
            block([0.34, 0.2, 0.3], [0.55, 0.95, 0.0], WHITE),
            block([0.28, 0.2, 0.03], [0.55, 1.2, -0.05], DARK).tilted(-10.0),
            pole(0.06, 1.2, [0.75, 1.45, -0.2], STEEL),
            block([0.4, 0.4, 0.05], [0.75, 2.1, -0.2], YELLOW),
            sign(Writing::Number, [0.3, 0.3], [0.75, 2.1, -0.17], YELLOW),
        ],
        2.3,
    )
}

/// A bus stop's post: the stop's name on a board and the route list under it.
fn bus_stop_sign() -> Model {
    Model::plain(
        vec![
            pole(0.08, 2.6, [0.0, 1.3, 0.0], STEEL),
            block([0.56, 0.36, 0.04], [0.0, 2.35, 0.04], BLUE),
            sign(Writing::Label, [0.52, 0.3], [0.0, 2.35, 0.065], BLUE),
            block([0.5, 0.7, 0.03], [0.0, 1.6, 0.04], WHITE),
            block([0.4, 0.04, 0.01], [0.0, 1.8, 0.06], STEEL),
            block([0.4, 0.04, 0.01], [0.0, 1.65, 0.06], STEEL),
            block([0.4, 0.04, 0.01], [0.0, 1.5, 0.06], STEEL),
        ],
        2.6,
    )
}

/// A city bus seen from the kerb: body, windows, the front door open, wheels, and its
/// route display showing its name (the task's route).
fn bus() -> Model {
    let mut parts = vec![
        block([3.5, 2.3, 1.2], [0.0, 1.45, 0.0], GREEN),
        block([3.3, 0.8, 0.02], [0.15, 1.95, 0.605], GLASS),
        block([0.9, 2.0, 0.03], [-1.2, 1.3, 0.61], PANE),
        block([0.04, 2.0, 0.05], [-1.2, 1.3, 0.63], STEEL),
        block([1.5, 0.3, 0.05], [0.8, 2.45, 0.61], DARK),
        sign(Writing::Label, [1.4, 0.26], [0.8, 2.45, 0.64], DARK),
        block([3.52, 0.12, 1.22], [0.0, 0.36, 0.0], WHITE),
    ];
    for x in [-1.1, 1.2] {
        parts.push(part(Shape::Pole, [0.7, 0.3, 0.7], [x, 0.35, 0.5], TYRE).tilted(90.0));
    }
    Model::plain(parts, 2.6)
}

/// A taxi: body, cabin with windows, wheels and the roof light.
fn car() -> Model {
    let mut parts = vec![
        block([2.2, 0.6, 1.0], [0.0, 0.55, 0.0], YELLOW),
        block([1.3, 0.5, 0.9], [-0.1, 1.1, 0.0], YELLOW),
        block([1.2, 0.36, 0.02], [-0.1, 1.12, 0.455], GLASS),
        block([0.4, 0.14, 0.2], [-0.1, 1.42, 0.0], WHITE),
        sign(Writing::Chars("TAXI"), [0.38, 0.12], [-0.1, 1.42, 0.105], WHITE),
    ];
    for x in [-0.7, 0.7] {
        parts.push(part(Shape::Pole, [0.5, 0.2, 0.5], [x, 0.25, 0.45], TYRE).tilted(90.0));
    }
    Model::plain(parts, 1.5)
}

/// The floor of a place in its colour; outdoors, the road beyond the kerb is a piece of the
/// floor rather than a layer over it (a software renderer pays for every layer of pixels).
pub fn floor(environment: Environment, colour: Color) -> Vec<Part> {
    match environment {
        Environment::Street | Environment::BusStop => vec![
            block([16.0, 0.02, 10.8], [0.0, -0.01, 2.6], colour),
            block([16.0, 0.02, 5.2], [0.0, -0.01, -5.4], Color::srgb(0.30, 0.31, 0.33)),
        ],
        _ => vec![block([16.0, 0.02, 16.0], [0.0, -0.01, 0.0], colour)],
    }
}

/// The furniture that makes a place recognisable and is not part of any task: plants,
/// windows, a guide line on the floor, a shelter at the bus stop. World coordinates.
pub fn decor(environment: Environment) -> Vec<Part> {
    let plant = |x: f32, z: f32| {
        [pole(0.4, 0.45, [x, 0.225, z], POT), ball(0.7, [x, 0.85, z], LEAF), ball(0.45, [x, 1.25, z], LEAF)]
    };
    let window =
        |x: f32| [block([1.8, 1.3, 0.05], [x, 1.8, -5.88], WHITE), block([1.6, 1.1, 0.04], [x, 1.8, -5.85], PANE)];
    let mut parts = Vec::new();
    match environment {
        Environment::HospitalLobby | Environment::ServiceHall | Environment::BankHall => {
            let band = match environment {
                Environment::HospitalLobby => TEAL,
                Environment::ServiceHall => ORANGE,
                _ => RED,
            };
            parts.push(block([16.0, 0.25, 0.04], [0.0, 3.2, -5.88], band));
            parts.push(block([0.25, 0.005, 8.0], [0.0, 0.003, 0.5], band));
            parts.extend(plant(-6.8, -5.0));
            parts.extend(plant(6.8, -5.0));
            parts.push(pole(0.5, 0.06, [5.0, 3.0, -5.88], WHITE).tilted(90.0));
            parts.push(block([0.02, 0.18, 0.02], [5.0, 3.05, -5.83], DARK));
        }
        Environment::LivingRoom => {
            parts.extend(window(-3.5));
            parts.extend(window(3.5));
            parts.push(block([3.0, 0.01, 2.0], [0.0, 0.005, 0.0], Color::srgb(0.62, 0.30, 0.26)));
            parts.push(pole(0.05, 1.6, [2.2, 0.8, 0.4], STEEL));
            parts.push(pole(0.45, 0.35, [2.2, 1.7, 0.4], Color::srgb(0.96, 0.88, 0.70)));
            parts.push(block([1.0, 1.8, 0.35], [-6.0, 0.9, -5.6], WOOD));
            parts.extend(plant(6.5, -4.8));
        }
        Environment::Street | Environment::BusStop => {
            // The kerb, the road's white line, and the buildings' windows (the road itself is
            // part of the floor: see `floor`).
            parts.push(block([16.0, 0.15, 0.25], [0.0, 0.075, -2.7], WHITE));
            for i in 0..5 {
                parts.push(block([1.2, 0.012, 0.12], [-6.0 + i as f32 * 3.0, 0.012, -4.3], WHITE));
            }
            for i in 0..4 {
                let x = -6.0 + i as f32 * 4.0;
                parts.push(block([1.2, 1.0, 0.04], [x, 2.7, -5.88], GLASS));
            }
            if environment == Environment::BusStop {
                parts.push(block([3.0, 0.08, 1.2], [-5.5, 2.6, -1.2], STEEL));
                parts.push(block([3.0, 2.0, 0.04], [-5.5, 1.5, -1.8], PANE));
                parts.push(block([2.4, 0.06, 0.4], [-5.5, 0.45, -1.5], WOOD));
                parts.push(pole(0.08, 2.6, [-6.95, 1.3, -1.2], STEEL));
                parts.push(pole(0.08, 2.6, [-4.05, 1.3, -1.2], STEEL));
            } else {
                parts.push(pole(0.3, 1.6, [-6.0, 0.8, -2.0], WOOD));
                parts.push(ball(1.6, [-6.0, 2.2, -2.0], LEAF));
                parts.push(pole(0.1, 3.2, [6.0, 1.6, -2.2], STEEL));
            }
        }
        Environment::Market => {
            for (x, colour) in [(-6.0, GREEN), (4.0, ORANGE)] {
                parts.push(block([2.0, 0.8, 0.8], [x, 0.4, -5.0], WOOD));
                parts.push(block([2.2, 0.05, 1.2], [x, 2.1, -4.9], colour).tilted(-10.0));
                parts.push(block([0.05, 2.1, 0.05], [x - 0.95, 1.05, -5.3], STEEL));
                parts.push(block([0.05, 2.1, 0.05], [x + 0.95, 1.05, -5.3], STEEL));
            }
            for i in 0..6 {
                parts.push(ball(0.25, [-6.5 + i as f32 * 2.6, 3.2, -2.0], YELLOW));
            }
            parts.push(block([0.6, 0.3, 0.4], [2.0, 0.15, -1.8], LIGHT_WOOD));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind the course uses is more than a box, and its signs, screen and pointer
    /// sit inside (or on the face of) the model.
    #[test]
    fn every_drawn_kind_has_a_recognisable_model() {
        for kind in StationKind::ALL {
            if !kind.is_drawn() {
                continue;
            }
            let m = model(kind, 0.0);
            assert!(m.parts.len() >= 3, "{kind:?} has only {} parts", m.parts.len());
            let highest = m.parts.iter().map(|p| p.at.y + p.size.y / 2.0).fold(0.0, f32::max);
            assert!(m.top + 0.05 >= highest, "{kind:?}: the label would float inside it ({} < {highest})", m.top);
        }
    }

    #[test]
    fn machines_with_screens_have_them_facing_the_learner_at_a_readable_height() {
        for kind in [StationKind::Kiosk, StationKind::TicketMachine, StationKind::CardReader] {
            let m = model(kind, if kind == StationKind::CardReader { 1.0 } else { 0.0 });
            let screen = m.screen.expect("a screen");
            assert!(screen.width > 0.1);
            assert!((0.0..=45.0).contains(&screen.tilt));
            assert!(m.point.is_some(), "{kind:?} has a slot to point at");
        }
        // A card reader standing on the floor is lifted to hand height, screen and slot with it.
        let low = model(StationKind::CardReader, 0.0);
        assert!(low.screen.unwrap().at.y > 0.9 && low.point.unwrap().y > 0.9);
    }

    #[test]
    fn every_place_has_furniture_of_its_own() {
        for environment in Environment::ALL {
            assert!(decor(environment).len() >= 5, "{environment:?}");
        }
    }
}

//! The caption in the headset: the step's words (and the hint or the kind word after a
//! mistake) on a calm panel below the view, 1.2 m away and tilted towards the eyes, as the
//! window's caption is below the room. Its letters are [`CAPTION_LETTER_M`] high at
//! [`super::CAPTION_DISTANCE_M`]: [`super::caption_angle_degrees`] of visual angle, above the 1.5°
//! a seated older reader needs. The window keeps its own caption with every button.

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};
use bevy_mod_xr::session::XrTrackingRoot;

use super::{CAPTION_ASPECT, CAPTION_LETTER_M, CAPTION_WIDTH_M, caption_clear_of};
use crate::app::flow::Screen;
use crate::app::scene::display::Face;
use crate::app::scene::room::StationPart;
use crate::app::theme;
use crate::app::walkthrough::Active;
use crate::app::words::Words;
use crate::walkthrough::Target;
use bevy::camera::primitives::Aabb;
use bevy::transform::TransformSystems;
use bevy_mod_xr::session::XrState;

/// The caption's picture, in px (its letters are [`LETTER_PX`] high in it).
const PICTURE: UVec2 = UVec2::new(1024, (1024.0 * CAPTION_ASPECT) as u32);
/// The letters' size in the picture: as high as [`CAPTION_LETTER_M`] on the panel.
const LETTER_PX: f32 = CAPTION_LETTER_M / CAPTION_WIDTH_M * PICTURE.x as f32;

/// The egui pass that paints the caption's picture.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
struct CaptionPass;

#[derive(Component)]
struct CaptionPainter;

/// The caption's panel in the room.
#[derive(Component)]
struct CaptionPanel;

pub(super) fn plugin(app: &mut App) {
    // Only when a runtime is there: without one the window's caption is the caption.
    let vr = |state: Option<Res<XrState>>| state.is_some_and(|s| *s != XrState::Unavailable);
    // Once the walkthrough opens (not at start-up: bevy_egui makes the first camera it sees
    // the window's own context).
    app.add_systems(OnEnter(Screen::Walkthrough), spawn_caption_panel.run_if(vr))
        .add_systems(PostUpdate, keep_clear.after(TransformSystems::Propagate))
        .add_systems(CaptionPass, paint_caption);
}

fn spawn_caption_panel(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    root: Query<Entity, With<XrTrackingRoot>>,
) {
    let image = images.add(crate::app::scene::canvas(PICTURE.x, PICTURE.y));
    commands.spawn((
        Name::new("Caption painter (VR)"),
        DespawnOnExit(Screen::Walkthrough),
        CaptionPainter,
        crate::app::scene::painter(&image, -2, true, CaptionPass),
    ));
    let Ok(root) = root.single() else { return };
    let height = CAPTION_WIDTH_M * CAPTION_ASPECT;
    commands.entity(root).with_children(|c| {
        c.spawn((
            Name::new("Caption (VR)"),
            CaptionPanel,
            DespawnOnExit(Screen::Walkthrough),
            Mesh3d(meshes.add(Rectangle::new(CAPTION_WIDTH_M, height))),
            MeshMaterial3d(materials.add(StandardMaterial {
                base_color_texture: Some(image),
                unlit: true,
                alpha_mode: AlphaMode::Blend,
                // Drawn over the room: a machine nearer than the panel (the kiosk whose screen
                // the view faces) would otherwise hide part of the words.
                depth_bias: 1.0e9,
                ..default()
            })),
            // Below the view, a little to the left (the phone is held at the right).
            caption_clear_of(&[]),
        ));
    });
}

/// Moves the caption out of the way of what the learner must look at: the screen shown (on a
/// machine or the phone) and the machine to touch, as they are seen from the seat
/// ([`caption_clear_of`]). It moves only when they do (a new step), never while being read.
fn keep_clear(
    root: Query<&GlobalTransform, With<XrTrackingRoot>>,
    faces: Query<(&GlobalTransform, &ViewVisibility), With<Face>>,
    stations: Query<(&StationPart, &GlobalTransform, &Aabb)>,
    active: Option<Res<Active>>,
    mut panel: Query<&mut Transform, With<CaptionPanel>>,
) {
    let (Ok(root), Ok(mut panel)) = (root.single(), panel.single_mut()) else { return };
    let to_seat = root.affine().inverse();
    let square = [(-0.5, -0.5), (0.5, -0.5), (-0.5, 0.5), (0.5, 0.5)].map(|(x, y)| Vec3::new(x, y, 0.0));
    let mut keep: Vec<Vec3> = faces
        .iter()
        .filter(|(_, seen)| seen.get())
        .flat_map(|(at, _)| square.map(|corner| at.transform_point(corner)))
        .collect();
    let target = active.as_ref().and_then(|a| match &a.view.target {
        Some(Target::Station(id)) => Some(id.clone()),
        _ => None,
    });
    for (StationPart(id), at, aabb) in &stations {
        if target.as_deref() == Some(id.as_str()) {
            let (c, h) = (Vec3::from(aabb.center), Vec3::from(aabb.half_extents));
            for n in 0..8 {
                let sign = |bit: usize| if n & bit == 0 { -1.0 } else { 1.0 };
                keep.push(at.transform_point(c + h * Vec3::new(sign(1), sign(2), sign(4))));
            }
        }
    }
    let keep: Vec<Vec3> = keep.into_iter().map(|p| to_seat.transform_point3(p)).collect();
    let placed = caption_clear_of(&keep);
    if panel.translation.distance(placed.translation) > 1e-3 {
        *panel = placed;
    }
}

/// Paints the step's words (and the hint or the kind word after a mistake) into the caption.
fn paint_caption(
    mut painter: Query<&mut EguiContext, With<CaptionPainter>>,
    active: Option<Res<Active>>,
    words: Res<Words>,
    mut installed: Local<bool>,
) {
    let Ok(mut context) = painter.single_mut() else { return };
    let ctx = context.get_mut();
    if !*installed {
        theme::set_up(ctx);
        *installed = true;
    }
    let Some(active) = active else { return };
    let view = &active.view;
    let said = |id: &Option<crate::scenario::MsgId>| id.as_ref().map(|m| words.say(m));
    let lines: Vec<String> =
        [said(&view.prompt), view.feedback.as_ref().map(|f| words.say(&f.message)), said(&view.hint)]
            .into_iter()
            .flatten()
            .collect();
    let size = ctx.viewport_rect().size();
    egui::Area::new(egui::Id::new(("vr", "caption"))).fixed_pos(egui::Pos2::ZERO).show(ctx, |ui| {
        egui::Frame::new().fill(theme::PAPER).inner_margin(24.0).corner_radius(24.0).show(ui, |ui| {
            ui.set_min_size(size - egui::vec2(48.0, 48.0));
            ui.set_max_width(size.x - 48.0);
            for (n, line) in lines.iter().enumerate() {
                // Chinese punctuation never starts a line, as in the window's caption.
                let line = theme::keep_punctuation(ui.ctx(), line, LETTER_PX, ui.available_width());
                let text = egui::RichText::new(line).size(LETTER_PX).color(theme::INK);
                ui.add(egui::Label::new(if n == 0 { text } else { text.strong() }).wrap());
            }
        });
    });
}

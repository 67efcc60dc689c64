//! The caption in the headset: the step's words (and the hint or the kind word after a
//! mistake) on a calm panel below the view, 1.2 m away and tilted towards the eyes, as the
//! window's caption is below the room. Its letters are [`CAPTION_LETTER_M`] high at
//! [`CAPTION_DISTANCE_M`]: [`super::caption_angle_degrees`] of visual angle, above the 1.5°
//! a seated older reader needs. The window keeps its own caption with every button.

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};
use bevy_mod_xr::session::XrTrackingRoot;

use super::{CAPTION_DISTANCE_M, CAPTION_LETTER_M, CAPTION_WIDTH_M};
use crate::app::flow::Screen;
use crate::app::theme;
use crate::app::walkthrough::Active;
use crate::app::words::Words;
use bevy_mod_xr::session::XrState;

/// The caption's picture, in px (its letters are [`LETTER_PX`] high in it).
const PICTURE: UVec2 = UVec2::new(1024, 384);
/// The letters' size in the picture: as high as [`CAPTION_LETTER_M`] on the panel.
const LETTER_PX: f32 = CAPTION_LETTER_M / CAPTION_WIDTH_M * PICTURE.x as f32;
use super::CAPTION_BELOW_M as BELOW;

/// The egui pass that paints the caption's picture.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
struct CaptionPass;

#[derive(Component)]
struct CaptionPainter;

pub(super) fn plugin(app: &mut App) {
    // Only when a runtime is there: without one the window's caption is the caption.
    let vr = |state: Option<Res<XrState>>| state.is_some_and(|s| *s != XrState::Unavailable);
    // Once the walkthrough opens (not at start-up: bevy_egui makes the first camera it sees
    // the window's own context).
    app.add_systems(OnEnter(Screen::Walkthrough), spawn_caption_panel.run_if(vr))
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
    let height = CAPTION_WIDTH_M * PICTURE.y as f32 / PICTURE.x as f32;
    // Tilted back to face the eyes from below.
    let tilt = (BELOW / CAPTION_DISTANCE_M).atan();
    commands.entity(root).with_children(|c| {
        c.spawn((
            Name::new("Caption (VR)"),
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
            // A little to the left: the phone is held at the right.
            Transform::from_xyz(-0.2, -BELOW, -CAPTION_DISTANCE_M).with_rotation(Quat::from_rotation_x(tilt)),
        ));
    });
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

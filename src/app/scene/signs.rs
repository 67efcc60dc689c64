//! Words written on things: a counter's name, a window's number, the number screen, the
//! stop's routes, a stall's payment code. All the signs of a place are painted once by
//! egui (the shared CJK font, the same shaping as everywhere) into one picture, each in
//! its own strip; each sign's face shows its strip. The painting camera then stops: the
//! signs cost nothing per frame.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiManagedTextures, egui};

use super::picture::{canvas, painter};
use crate::app::flow::{Screen, Wake};
use crate::app::phone::pictures;
use crate::app::theme;
use crate::senior::{self, Rgb};

/// Pixels across every strip.
pub const STRIP_WIDTH: u32 = 384;

/// One sign to paint: its words (or a QR code) on its colour, `height` pixels tall.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    pub words: Option<String>,
    pub fill: Rgb,
    pub height: u32,
}

/// The signs of the place being shown, and the picture they are painted into.
#[derive(Resource, Debug, Clone, Default)]
pub struct SignAtlas {
    pub strips: Vec<Strip>,
    pub image: Handle<Image>,
    /// Frames painted so far (egui needs a frame or two to load the font).
    pub painted: u32,
}

impl SignAtlas {
    /// Adds a sign of `size` metres: a strip as wide as every strip and as tall as the sign's
    /// shape asks. Returns the strip's number ([`SignAtlas::span`] says where it lies).
    pub fn add(&mut self, words: Option<String>, fill: Rgb, size: Vec2) -> usize {
        let height = ((STRIP_WIDTH as f32 * size.y / size.x).round() as u32).clamp(24, STRIP_WIDTH);
        self.strips.push(Strip { words, fill, height });
        self.strips.len() - 1
    }

    pub fn height(&self) -> u32 {
        self.strips.iter().map(|s| s.height).sum::<u32>().max(1)
    }

    /// Where strip `n` is in the picture: (top, bottom) as fractions of its height.
    pub fn span(&self, n: usize) -> (f32, f32) {
        let top: u32 = self.strips[..n].iter().map(|s| s.height).sum();
        let h = self.height() as f32;
        (top as f32 / h, (top + self.strips[n].height) as f32 / h)
    }
}

/// The egui pass that paints the signs.
#[derive(bevy::ecs::schedule::ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct SignPass;

/// Marks the camera whose egui context paints the signs.
#[derive(Component)]
pub struct SignPainter;

/// Frames painted before the painter stops.
pub const PAINT_FRAMES: u32 = 4;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SignAtlas>()
        .add_systems(SignPass, paint_signs)
        .add_systems(Last, stop_painting.run_if(in_state(Screen::Walkthrough)));
}

/// Makes the picture for the atlas's strips and the camera that paints it.
pub fn start_painting(commands: &mut Commands, images: &mut Assets<Image>, atlas: &mut SignAtlas) {
    atlas.image = images.add(canvas(STRIP_WIDTH, atlas.height()));
    atlas.painted = 0;
    commands.spawn((
        Name::new("Sign painter"),
        DespawnOnExit(Screen::Walkthrough),
        SignPainter,
        painter(&atlas.image, -2, true, SignPass),
    ));
}

fn paint_signs(mut painter: Query<&mut EguiContext, With<SignPainter>>, mut atlas: ResMut<SignAtlas>) {
    let Ok(mut context) = painter.single_mut() else { return };
    let ctx = context.get_mut();
    if atlas.painted == 0 {
        theme::set_up(ctx);
    }
    atlas.painted += 1;
    let p = ctx.layer_painter(egui::LayerId::background());
    let mut top = 0.0;
    for strip in &atlas.strips {
        let rect = egui::Rect::from_min_size(egui::pos2(0.0, top), egui::vec2(STRIP_WIDTH as f32, strip.height as f32));
        top += strip.height as f32;
        p.rect_filled(rect, 0.0, theme::rgb(strip.fill));
        match &strip.words {
            Some(words) => {
                let ink = theme::rgb(senior::ink_on(strip.fill));
                // As large as fits: most of the strip's height, shrunk to its width.
                let mut px = rect.height() * 0.62;
                let galley = loop {
                    let g = ctx.fonts_mut(|f| f.layout_no_wrap(words.clone(), egui::FontId::proportional(px), ink));
                    if g.size().x <= rect.width() * 0.92 || px < 8.0 {
                        break g;
                    }
                    px *= rect.width() * 0.92 / g.size().x;
                };
                p.galley(rect.center() - galley.size() / 2.0, galley, ink);
            }
            None => pictures::qr_code(&p, rect.shrink(rect.height() * 0.08), pictures::seed("stall")),
        }
    }
}

/// Once the signs are painted, the painter camera stops (the picture keeps them).
/// Once the picture is painted, the painter goes, and with it its egui context and the
/// pictures egui kept for it (its glyph atlas, large for the signs' big letters: egui's own
/// copy, bevy_egui's, the image and the texture): bevy_egui frees a context's pictures only
/// when that context lets them go, which a despawned one never does.
fn stop_painting(
    mut commands: Commands,
    painters: Query<Entity, With<SignPainter>>,
    atlas: Res<SignAtlas>,
    mut wake: ResMut<Wake>,
    mut kept: ResMut<EguiManagedTextures>,
    mut images: ResMut<Assets<Image>>,
) {
    for painter in &painters {
        if atlas.painted < PAINT_FRAMES {
            wake.now();
            continue;
        }
        commands.entity(painter).despawn();
        kept.retain(|(context, _), texture| {
            let keep = *context != painter;
            if !keep {
                images.remove(&texture.handle);
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_stack_without_gaps_and_keep_their_signs_shape() {
        let mut atlas = SignAtlas::default();
        let a = atlas.add(Some("挂号收费".into()), senior::PRIMARY, Vec2::new(1.6, 0.3));
        let b = atlas.add(None, senior::WHITE, Vec2::new(0.2, 0.2));
        assert_eq!(atlas.strips[a].height, 72);
        assert_eq!(atlas.strips[b].height, STRIP_WIDTH);
        assert_eq!(atlas.span(a), (0.0, 72.0 / 456.0));
        assert_eq!(atlas.span(b).1, 1.0);
    }
}

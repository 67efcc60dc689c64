//! Measures what egui drew — panels, texts with their colours and what lies under them, and
//! every target that answers a tap — as the core's layout report ([`crate::layout`]). The app
//! writes one snapshot per step with `kuayue play … --layout-report FILE`; tests measure
//! caption and phone drawn on a bare egui context the same way.

use std::io::Write;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::egui::epaint::{ClippedShape, Shape};
use bevy_egui::{EguiContext, EguiFullOutput, EguiPostUpdateSet, PrimaryEguiContext, egui};

use super::flow::{Screen, Wake};
use super::theme::Theme;
use super::walkthrough::Active;
use super::words::Words;
use crate::layout::{Item, Kind, Snapshot, with_colours};
use crate::senior::Rgb;

/// The panels of the walkthrough by their egui ids, topmost first.
pub fn regions(stations: impl IntoIterator<Item = String>) -> Vec<(String, egui::Id)> {
    let mut out: Vec<(String, egui::Id)> =
        ["confirm", "steps"].iter().map(|n| ((*n).to_owned(), egui::Id::new(*n))).collect();
    out.extend(stations.into_iter().map(|s| ("labels".to_owned(), egui::Id::new(("station", s)))));
    out.extend(["phone", "caption"].iter().map(|n| ((*n).to_owned(), egui::Id::new(*n))));
    out
}

fn rect(r: egui::Rect) -> [f32; 4] {
    [r.min.x, r.min.y, r.max.x, r.max.y]
}

fn opaque(c: egui::Color32) -> Option<Rgb> {
    (c.a() == 255).then(|| Rgb(c.r(), c.g(), c.b()))
}

/// `fg` (premultiplied, perhaps translucent) over `bg`.
fn over(fg: egui::Color32, bg: Rgb) -> Rgb {
    let a = fg.a() as f32 / 255.0;
    let mix = |f: u8, b: u8| (f as f32 + b as f32 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
    Rgb(mix(fg.r(), bg.0), mix(fg.g(), bg.1), mix(fg.b(), bg.2))
}

/// An opaque fill painted so far: texts painted later over it read against it.
enum Fill {
    Rect(egui::Rect, Rgb),
    Circle(egui::Pos2, f32, Rgb),
}

impl Fill {
    fn under(&self, p: egui::Pos2) -> Option<Rgb> {
        match self {
            Fill::Rect(r, c) => r.contains(p).then_some(*c),
            Fill::Circle(centre, radius, c) => (centre.distance(p) <= *radius).then_some(*c),
        }
    }
}

/// Everything the learner sees in this pass: `shapes` are the pass's output in paint order.
/// Translucent fills (the guide's dimming) are highlights, not backgrounds, and are passed over.
pub fn measure(ctx: &egui::Context, shapes: &[ClippedShape], regions: &[(String, egui::Id)]) -> Vec<Item> {
    let visible: Vec<(String, egui::Rect)> = ctx.memory(|m| {
        let shown = m.areas().visible_layer_ids();
        regions
            .iter()
            .filter(|(_, id)| shown.iter().any(|l| l.id == *id))
            .filter_map(|(name, id)| Some((name.clone(), m.area_rect(*id)?)))
            .collect()
    });
    let region_of = |r: egui::Rect| {
        visible
            .iter()
            .find(|(_, area)| area.contains(r.center()))
            .map_or_else(|| "other".to_owned(), |(n, _)| n.clone())
    };
    let blank = |kind| Item {
        kind,
        region: String::new(),
        rect: [0.0; 4],
        text: None,
        size_px: None,
        fg: None,
        bg: None,
        contrast: None,
        clip: None,
        hit: None,
    };
    let mut items: Vec<Item> =
        visible.iter().map(|(name, r)| Item { region: name.clone(), rect: rect(*r), ..blank(Kind::Panel) }).collect();

    let mut fills: Vec<Fill> = Vec::new();
    let mut stack: Vec<(&Shape, egui::Rect)> = shapes.iter().rev().map(|c| (&c.shape, c.clip_rect)).collect();
    while let Some((shape, clip)) = stack.pop() {
        match shape {
            Shape::Vec(inner) => stack.extend(inner.iter().rev().map(|s| (s, clip))),
            Shape::Rect(r) => {
                if let Some(c) = opaque(r.fill) {
                    fills.push(Fill::Rect(r.rect.intersect(clip), c));
                }
            }
            Shape::Circle(c) => {
                if let Some(fill) = opaque(c.fill) {
                    fills.push(Fill::Circle(c.center, c.radius, fill));
                }
            }
            Shape::Text(t) => {
                let text = t.galley.text().to_owned();
                if text.trim().is_empty() {
                    continue;
                }
                let bounds = t.visual_bounding_rect();
                // Scrolled out of sight (or clipped away wholly): not seen, not measured.
                let seen = bounds.intersect(clip);
                if !seen.is_positive() {
                    continue;
                }
                let section = t.galley.job.sections.first();
                let mut fg = section.map_or(t.fallback_color, |s| s.format.color);
                if fg == egui::Color32::PLACEHOLDER {
                    fg = t.fallback_color;
                }
                if let Some(c) = t.override_text_color {
                    fg = c;
                }
                let size = t.galley.job.sections.iter().map(|s| s.format.font_id.size).fold(0.0, f32::max);
                let bg = fills.iter().rev().find_map(|f| f.under(seen.center()));
                let fg = fg.gamma_multiply(t.opacity_factor);
                let fg = bg.map_or_else(|| Rgb(fg.r(), fg.g(), fg.b()), |bg| over(fg, bg));
                let item = Item {
                    region: region_of(seen),
                    rect: rect(bounds),
                    text: Some(text),
                    size_px: Some(size),
                    clip: Some(rect(clip)),
                    ..blank(Kind::Text)
                };
                items.push(with_colours(item, fg, bg));
            }
            _ => {}
        }
    }

    let targets: Vec<(egui::Rect, egui::Rect)> = ctx.viewport(|v| {
        v.prev_pass
            .widgets
            .layers()
            .flat_map(|(_, widgets)| widgets.iter())
            // What answers a tap: buttons, rows, keys. Labels (selectable text) and scroll views
            // sense dragging too, and are not targets.
            // An area's own widget (it brings the area to the front) is the panel, not a target.
            .filter(|w| w.sense.senses_click() && !w.sense.senses_drag() && w.enabled)
            .filter(|w| w.id != w.layer_id.id && w.id != w.layer_id.id.with("move"))
            .filter(|w| {
                visible.iter().any(|(_, area)| area.intersects(w.rect)) || w.layer_id.order == egui::Order::Tooltip
            })
            .map(|w| (w.rect, w.interact_rect))
            .collect()
    });
    items.extend(targets.into_iter().filter(|(_, hit)| hit.is_positive()).map(|(r, hit)| Item {
        region: region_of(hit),
        rect: rect(r),
        hit: (hit != r).then(|| rect(hit)),
        ..blank(Kind::Target)
    }));
    items
}

/// Where `--layout-report` writes, and which step it last wrote.
#[derive(Resource, Debug)]
pub struct LayoutReport {
    pub path: PathBuf,
    /// The step on screen and since when.
    shown: Option<(Option<String>, f32)>,
    written: Option<Option<String>>,
}

impl LayoutReport {
    pub fn new(path: PathBuf) -> LayoutReport {
        LayoutReport { path, shown: None, written: None }
    }

    /// Whether `step` has been measured (autoplay waits for it before acting).
    pub fn measured(&self, step: &Option<String>) -> bool {
        self.written.as_ref() == Some(step)
    }
}

/// Seconds a step is on screen before it is measured (the caption and the phone have settled).
const SETTLE_SECS: f32 = 0.8;
/// Seconds after which a step is measured even if something still moves.
const UNSETTLED_SECS: f32 = 6.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        write_snapshot
            .run_if(resource_exists::<LayoutReport>.and_then(in_state(Screen::Walkthrough)))
            .after(EguiPostUpdateSet::EndPass)
            .before(EguiPostUpdateSet::ProcessOutput),
    );
}

fn write_snapshot(
    mut contexts: Query<(&mut EguiContext, &EguiFullOutput), With<PrimaryEguiContext>>,
    active: Option<Res<Active>>,
    words: Res<Words>,
    theme: Res<Theme>,
    time: Res<Time>,
    stations: Query<&super::scene::room::StationModel>,
    cameras: Query<&Transform, With<crate::app::scene::camera::Eye>>,
    goal: Res<super::scene::camera::CameraGoal>,
    mut report: ResMut<LayoutReport>,
    mut wake: ResMut<Wake>,
) {
    let Some(active) = active else { return };
    let step = active.view.step.clone();
    if report.written.as_ref() == Some(&step) {
        return;
    }
    let now = time.elapsed_secs();
    let since = match &report.shown {
        Some((shown, since)) if *shown == step => *since,
        _ => {
            report.shown = Some((step.clone(), now));
            now
        }
    };
    wake.within(0.2);
    if now - since < SETTLE_SECS {
        return;
    }
    let Ok((mut context, output)) = contexts.single_mut() else { return };
    let Some(full) = &output.0 else { return };
    // Measured at rest: not while egui animates (a label fading in as the camera turns, a
    // list scrolling to the target) or the camera still glides.
    let animating = full.viewport_output.values().any(|v| v.repaint_delay.is_zero());
    let gliding = cameras.single().is_ok_and(|t| t.translation.distance(goal.eye) > 0.01);
    if (animating || gliding) && now - since < UNSETTLED_SECS {
        return;
    }
    let ctx = context.get_mut().clone();
    let regions = regions(stations.iter().map(|s| s.id.clone()));
    let viewport = ctx.viewport_rect();
    let snapshot = Snapshot {
        step: step.clone(),
        lang: words.lang.tag().to_owned(),
        text_size: theme.text_scale(),
        viewport: [viewport.width(), viewport.height()],
        prompt: active.view.prompt.as_ref().map(|p| words.say(p)),
        items: measure(&ctx, &full.shapes, &regions),
    };
    let line = match serde_json::to_string(&snapshot) {
        Ok(line) => line,
        Err(e) => return warn!("layout report: {e}"),
    };
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&report.path)
        .and_then(|mut f| writeln!(f, "{line}"));
    if let Err(e) = written {
        warn!("layout report {}: {e}", report.path.display());
    }
    info!("layout report: step {} measured ({} items)", step.as_deref().unwrap_or("-"), snapshot.items.len());
    report.written = Some(step);
}

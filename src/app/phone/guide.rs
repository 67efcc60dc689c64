//! The guide around what to touch, on the phone, a screen or the caption:
//! a glow, then a spotlight, then a pointing arrow as the hints escalate.

use bevy_egui::egui;

use crate::app::theme;
use crate::walkthrough::Emphasis;

/// Glow, spotlight and pointer: never flashing (a slow 0.5 Hz breath) and never colour alone
/// (the outline is thick, and the caption says what to do).
pub fn guide(ctx: &egui::Context, area: egui::Rect, target: egui::Rect, emphasis: Emphasis, secs: f32) {
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::new("guide")));
    let breath = 0.5 + 0.5 * (secs * std::f32::consts::PI).sin(); // 0.5 Hz
    let ring = target.expand(4.0);
    if emphasis >= Emphasis::Spotlight {
        let dim = egui::Color32::from_black_alpha(120);
        let a = area;
        for r in [
            egui::Rect::from_min_max(a.min, egui::pos2(a.max.x, ring.min.y)),
            egui::Rect::from_min_max(egui::pos2(a.min.x, ring.max.y), a.max),
            egui::Rect::from_min_max(egui::pos2(a.min.x, ring.min.y), egui::pos2(ring.min.x, ring.max.y)),
            egui::Rect::from_min_max(egui::pos2(ring.max.x, ring.min.y), egui::pos2(a.max.x, ring.max.y)),
        ] {
            painter.rect_filled(r.intersect(a), 0.0, dim);
        }
    }
    let width = if emphasis >= Emphasis::Spotlight { 6.0 + 2.0 * breath } else { 5.0 };
    painter.rect_stroke(ring, 10.0, egui::Stroke::new(width, theme::GLOW), egui::StrokeKind::Outside);
    if emphasis >= Emphasis::Pointer {
        // A pointing arrow that glides gently towards the target from the left.
        let tip = egui::pos2(ring.min.x - 6.0 - 10.0 * breath, ring.center().y);
        let tail = tip - egui::vec2(70.0, 0.0);
        let stroke = egui::Stroke::new(10.0, theme::PRIMARY);
        painter.line_segment([tail, tip], stroke);
        painter.line_segment([tip, tip + egui::vec2(-22.0, -18.0)], stroke);
        painter.line_segment([tip, tip + egui::vec2(-22.0, 18.0)], stroke);
    }
}

//! The app icons of the phone's home screens and service grids: each name of the closed set
//! ([`crate::scenario::ICONS`], checked by `kuayue check`) is a simple pictogram in white on
//! a coloured rounded tile — generic look-alikes of what phones show, never a brand's logo.
//! An item without an icon gets a plain tile with its first character.

use bevy_egui::egui::{self, Color32, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::pictures;

/// The tile colour of each icon (white pictograms read on all of them: ≥ 4.5:1; they are
/// pictures, the words under them carry the meaning). A character drawn on a tile (the
/// pay icon's ¥, a plain tile's first character) is text: its tile gives it 7:1.
pub fn tile_colour(name: &str) -> Color32 {
    let rgb = |r, g, b| Color32::from_rgb(r, g, b);
    match name {
        "calendar" => rgb(0xc6, 0x28, 0x28),
        "camera" => rgb(0x45, 0x4a, 0x52),
        "government" => rgb(0xc4, 0x4d, 0x00),
        "hospital" => rgb(0x00, 0x79, 0x6b),
        "house" => rgb(0x8d, 0x4e, 0x1f),
        "message" => rgb(0x2e, 0x7d, 0x32),
        "phone" => rgb(0x1b, 0x7a, 0x3a),
        "search" => rgb(0x1e, 0x5a, 0xa8),
        "wallet" => rgb(0x9a, 0x5b, 0x00),
        "bank" => rgb(0xa3, 0x1f, 0x24),
        "bus" => rgb(0x00, 0x6d, 0x8f),
        "chat" => rgb(0x2b, 0x6c, 0x8a),
        "id_card" => rgb(0x28, 0x4b, 0x9c),
        "insurance" => rgb(0x1d, 0x5f, 0xb0),
        "medicine" => rgb(0x00, 0x7a, 0x78),
        "pay" => rgb(0x0d, 0x47, 0xa1),
        "qr_code" => rgb(0x30, 0x33, 0x38),
        "settings" => rgb(0x5a, 0x5f, 0x66),
        "video" => rgb(0x2f, 0x7d, 0x4f),
        "weather" => rgb(0x1f, 0x78, 0xb4),
        "person" => rgb(0x6a, 0x3d, 0x9a),
        "apps" => rgb(0x00, 0x5f, 0x9e),
        _ => rgb(0x3d, 0x46, 0x57),
    }
}

/// Draws icon `name` (or, for none, `initial`) on its tile filling `rect` (a square).
pub fn draw_icon(p: &Painter, rect: Rect, name: Option<&str>, initial: &str) {
    let tile = tile_colour(name.unwrap_or(""));
    p.rect_filled(rect, rect.width() * 0.22, tile);
    let c = rect.center();
    let s = rect.width() / 2.0; // half the tile
    let w = Color32::WHITE;
    let at = |x: f32, y: f32| pos2(c.x + x * s, c.y + y * s);
    let r = |x0: f32, y0: f32, x1: f32, y1: f32| Rect::from_min_max(at(x0, y0), at(x1, y1));
    match name.unwrap_or("") {
        "calendar" => {
            p.rect_filled(r(-0.6, -0.5, 0.6, 0.6), s * 0.1, w);
            p.rect_filled(r(-0.6, -0.5, 0.6, -0.2), s * 0.1, Color32::from_rgb(0xff, 0xcd, 0xd2));
            for (x, y) in [(-0.35, 0.05), (0.0, 0.05), (0.35, 0.05), (-0.35, 0.35), (0.0, 0.35)] {
                p.circle_filled(at(x, y), s * 0.08, tile);
            }
        }
        "camera" => {
            p.rect_filled(r(-0.65, -0.35, 0.65, 0.5), s * 0.15, w);
            p.rect_filled(r(-0.25, -0.5, 0.25, -0.3), s * 0.05, w);
            p.circle_filled(at(0.0, 0.08), s * 0.3, tile);
            p.circle_filled(at(0.0, 0.08), s * 0.16, w);
        }
        "government" | "bank" => {
            p.add(Shape::convex_polygon(vec![at(0.0, -0.65), at(0.7, -0.3), at(-0.7, -0.3)], w, Stroke::NONE));
            for x in [-0.45, -0.15, 0.15, 0.45] {
                p.rect_filled(r(x - 0.08, -0.2, x + 0.08, 0.4), 0.0, w);
            }
            p.rect_filled(r(-0.7, 0.45, 0.7, 0.6), 0.0, w);
            if name == Some("government") {
                p.circle_filled(at(0.0, -0.42), s * 0.08, tile);
            }
        }
        "hospital" => {
            p.rect_filled(r(-0.18, -0.6, 0.18, 0.6), s * 0.05, w);
            p.rect_filled(r(-0.6, -0.18, 0.6, 0.18), s * 0.05, w);
        }
        "house" => {
            p.add(Shape::convex_polygon(vec![at(0.0, -0.65), at(0.7, 0.0), at(-0.7, 0.0)], w, Stroke::NONE));
            p.rect_filled(r(-0.5, -0.05, 0.5, 0.6), 0.0, w);
            p.rect_filled(r(-0.14, 0.2, 0.14, 0.6), 0.0, tile);
        }
        "message" => {
            p.rect_filled(r(-0.65, -0.5, 0.65, 0.35), s * 0.2, w);
            p.add(Shape::convex_polygon(vec![at(-0.35, 0.3), at(-0.05, 0.3), at(-0.45, 0.62)], w, Stroke::NONE));
            for x in [-0.3, 0.0, 0.3] {
                p.circle_filled(at(x, -0.07), s * 0.08, tile);
            }
        }
        "chat" => {
            p.circle_filled(at(-0.15, -0.12), s * 0.45, w);
            p.circle_filled(at(0.3, 0.22), s * 0.32, Color32::from_rgb(0xd6, 0xea, 0xf5));
            for x in [-0.35, -0.15, 0.05] {
                p.circle_filled(at(x, -0.12), s * 0.06, tile);
            }
        }
        "phone" => {
            // A handset: earpiece and mouthpiece joined by a curved grip.
            let grip = vec![at(-0.45, -0.45), at(-0.55, -0.05), at(-0.3, 0.3), at(0.05, 0.55), at(0.45, 0.45)];
            p.add(Shape::line(grip, Stroke::new(s * 0.22, w)));
            p.circle_filled(at(-0.45, -0.45), s * 0.17, w);
            p.circle_filled(at(0.45, 0.45), s * 0.17, w);
        }
        "search" => {
            p.circle_stroke(at(-0.12, -0.12), s * 0.38, Stroke::new(s * 0.14, w));
            p.line_segment([at(0.18, 0.18), at(0.55, 0.55)], Stroke::new(s * 0.18, w));
        }
        "wallet" => {
            p.rect_filled(r(-0.65, -0.4, 0.6, 0.5), s * 0.12, w);
            p.rect_filled(r(0.2, -0.1, 0.7, 0.2), s * 0.08, Color32::from_rgb(0xff, 0xe0, 0xb2));
            p.circle_filled(at(0.38, 0.05), s * 0.07, tile);
        }
        "bus" => {
            p.rect_filled(r(-0.55, -0.6, 0.55, 0.4), s * 0.15, w);
            p.rect_filled(r(-0.42, -0.45, 0.42, -0.05), s * 0.05, tile);
            p.circle_filled(at(-0.32, 0.5), s * 0.13, w);
            p.circle_filled(at(0.32, 0.5), s * 0.13, w);
        }
        "id_card" => {
            p.rect_filled(r(-0.7, -0.45, 0.7, 0.45), s * 0.1, w);
            p.circle_filled(at(-0.35, -0.05), s * 0.2, tile);
            for y in [-0.15, 0.05, 0.25] {
                p.rect_filled(r(0.0, y - 0.04, 0.5, y + 0.04), 0.0, tile);
            }
        }
        "insurance" => {
            let shield =
                vec![at(0.0, -0.65), at(0.55, -0.45), at(0.5, 0.1), at(0.0, 0.62), at(-0.5, 0.1), at(-0.55, -0.45)];
            p.add(Shape::convex_polygon(shield, w, Stroke::NONE));
            p.add(Shape::line(vec![at(-0.25, 0.0), at(-0.05, 0.2), at(0.3, -0.2)], Stroke::new(s * 0.12, tile)));
        }
        "medicine" => {
            let capsule = r(-0.6, -0.22, 0.6, 0.22);
            p.rect_filled(capsule, s * 0.22, w);
            p.rect_filled(r(0.0, -0.22, 0.6, 0.22), s * 0.22, Color32::from_rgb(0xb2, 0xdf, 0xdb));
            p.rect_filled(r(0.0, -0.22, 0.2, 0.22), 0.0, Color32::from_rgb(0xb2, 0xdf, 0xdb));
        }
        "pay" => {
            p.circle_filled(c, s * 0.62, w);
            let g = p.layout_no_wrap("¥".into(), egui::FontId::proportional(s * 0.9), tile);
            p.galley(c - g.size() / 2.0, g, tile);
        }
        "qr_code" => {
            p.rect_filled(r(-0.62, -0.62, 0.62, 0.62), s * 0.06, w);
            pictures::qr_code(p, r(-0.52, -0.52, 0.52, 0.52), pictures::seed("icon"));
        }
        "settings" => {
            for i in 0..8 {
                let a = i as f32 * std::f32::consts::TAU / 8.0;
                let d = vec2(a.cos(), a.sin()) * s * 0.5;
                p.circle_filled(c + d, s * 0.14, w);
            }
            p.circle_filled(c, s * 0.45, w);
            p.circle_filled(c, s * 0.18, tile);
        }
        "video" => {
            p.rect_filled(r(-0.65, -0.38, 0.25, 0.38), s * 0.12, w);
            p.add(Shape::convex_polygon(vec![at(0.3, 0.0), at(0.68, -0.32), at(0.68, 0.32)], w, Stroke::NONE));
        }
        "weather" => {
            p.circle_filled(at(-0.2, -0.2), s * 0.32, Color32::from_rgb(0xff, 0xd5, 0x4f));
            p.circle_filled(at(0.05, 0.25), s * 0.28, w);
            p.circle_filled(at(0.35, 0.18), s * 0.3, w);
            p.rect_filled(r(-0.25, 0.25, 0.6, 0.5), s * 0.12, w);
        }
        "person" => {
            p.circle_filled(at(0.0, -0.25), s * 0.28, w);
            p.rect_filled(r(-0.55, 0.1, 0.55, 0.62), egui::CornerRadius { nw: 40, ne: 40, sw: 4, se: 4 }, w);
        }
        "apps" => {
            for (x, y) in [(-0.3, -0.3), (0.3, -0.3), (-0.3, 0.3), (0.3, 0.3)] {
                p.rect_filled(Rect::from_center_size(at(x, y), vec2(s * 0.46, s * 0.46)), s * 0.1, w);
            }
        }
        _ => {
            let g = p.layout_no_wrap(initial.chars().take(1).collect(), egui::FontId::proportional(s * 0.9), w);
            p.galley(c - g.size() / 2.0, g, w);
        }
    }
}

/// Where the icon goes in a grid button of `rect`: a square at its top, `side` px across.
pub fn icon_rect(rect: Rect, side: f32, pad: f32) -> Rect {
    Rect::from_center_size(Pos2::new(rect.center().x, rect.min.y + pad + side / 2.0), vec2(side, side))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every icon of the closed set has its own tile colour (none falls to the plain tile).
    #[test]
    fn every_icon_of_the_set_is_drawn_on_its_own_tile() {
        let plain = tile_colour("");
        for name in crate::scenario::ICONS {
            assert_ne!(tile_colour(name), plain, "{name} has no drawing of its own");
        }
    }

    /// White pictograms stand out from every tile (WCAG's 3:1 for graphics, with room); the
    /// tiles with a character on them (¥, a first character) give it 7:1 like any text.
    #[test]
    fn white_pictograms_read_on_every_tile() {
        for name in ["pay", ""] {
            let c = tile_colour(name);
            let ratio = crate::senior::contrast(crate::senior::Rgb(c.r(), c.g(), c.b()), crate::senior::WHITE);
            assert!(ratio >= 7.0, "{name:?}: {ratio:.2}");
        }
        for name in crate::scenario::ICONS {
            let c = tile_colour(name);
            let ratio = crate::senior::contrast(crate::senior::Rgb(c.r(), c.g(), c.b()), crate::senior::WHITE);
            assert!(ratio >= 4.5, "{name}: {ratio:.2}");
        }
    }
}

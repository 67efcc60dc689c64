//! Pictures drawn with a few shapes, for chat images, the photo album and video calls
//! (the names are [`crate::scenario::PICTURES`]), and the codes of pay-code screens. No
//! photographs and no real codes: simple scenes a senior recognises at a glance.

use bevy_egui::egui::{self, Color32, Painter, Pos2, Rect, Stroke, pos2, vec2};

const SKY: Color32 = Color32::from_rgb(0xbf, 0xdf, 0xf5);
const GRASS: Color32 = Color32::from_rgb(0x7c, 0xb3, 0x5a);
const LEAF: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);
const WOOD: Color32 = Color32::from_rgb(0x8d, 0x5a, 0x2b);
const SKIN: Color32 = Color32::from_rgb(0xf1, 0xc2, 0x9a);
const HAIR: Color32 = Color32::from_rgb(0x3e, 0x2c, 0x23);
const GREY_HAIR: Color32 = Color32::from_rgb(0xbd, 0xbd, 0xbd);
const WALL: Color32 = Color32::from_rgb(0xf5, 0xe9, 0xd6);
const INK: Color32 = Color32::from_rgb(0x1a, 0x1a, 0x1a);

/// Draws the picture `name` filling `rect` (an unknown name: a plain grey square).
pub fn draw_picture(p: &Painter, rect: Rect, name: &str) {
    let p = p.with_clip_rect(rect.intersect(p.clip_rect()));
    let at = |x: f32, y: f32| pos2(rect.left() + x * rect.width(), rect.top() + y * rect.height());
    let s = rect.width().min(rect.height());
    match name {
        "flowers" => {
            p.rect_filled(rect, 4.0, Color32::from_rgb(0xdc, 0xef, 0xd8));
            for (x, colour) in [
                (0.25, Color32::from_rgb(0xd3, 0x2f, 0x2f)),
                (0.5, Color32::from_rgb(0xf9, 0xa8, 0x25)),
                (0.75, Color32::from_rgb(0x8e, 0x24, 0xaa)),
            ] {
                p.line_segment([at(x, 0.45), at(x, 0.95)], Stroke::new(s * 0.03, LEAF));
                for k in 0..6 {
                    let a = k as f32 * std::f32::consts::TAU / 6.0;
                    p.circle_filled(at(x, 0.35) + vec2(a.cos(), a.sin()) * s * 0.08, s * 0.06, colour);
                }
                p.circle_filled(at(x, 0.35), s * 0.05, Color32::from_rgb(0xff, 0xeb, 0x3b));
            }
        }
        "park" => {
            p.rect_filled(rect, 4.0, SKY);
            p.rect_filled(Rect::from_min_max(at(0.0, 0.65), rect.max), 0.0, GRASS);
            p.rect_filled(Rect::from_min_max(at(0.22, 0.4), at(0.28, 0.75)), 0.0, WOOD);
            p.circle_filled(at(0.25, 0.35), s * 0.2, LEAF);
            // A bench.
            p.rect_filled(Rect::from_min_max(at(0.5, 0.62), at(0.85, 0.67)), 1.0, WOOD);
            p.line_segment([at(0.53, 0.67), at(0.53, 0.8)], Stroke::new(s * 0.025, WOOD));
            p.line_segment([at(0.82, 0.67), at(0.82, 0.8)], Stroke::new(s * 0.025, WOOD));
            p.circle_filled(at(0.85, 0.15), s * 0.08, Color32::from_rgb(0xff, 0xd5, 0x4f));
        }
        "family" => {
            p.rect_filled(rect, 4.0, WALL);
            person(&p, at(0.3, 0.5), s * 0.32, GREY_HAIR, Color32::from_rgb(0x1e, 0x88, 0xe5));
            person(&p, at(0.7, 0.5), s * 0.32, GREY_HAIR, Color32::from_rgb(0xc6, 0x28, 0x28));
            person(&p, at(0.5, 0.68), s * 0.22, HAIR, Color32::from_rgb(0xf9, 0xa8, 0x25));
        }
        "grandchild" => {
            p.rect_filled(rect, 4.0, Color32::from_rgb(0xe3, 0xf2, 0xfd));
            person(&p, at(0.5, 0.55), s * 0.5, HAIR, Color32::from_rgb(0x43, 0xa0, 0x47));
        }
        "cake" => {
            p.rect_filled(rect, 4.0, WALL);
            p.rect_filled(Rect::from_min_max(at(0.1, 0.8), at(0.9, 0.85)), 2.0, WOOD);
            p.rect_filled(Rect::from_min_max(at(0.25, 0.55), at(0.75, 0.8)), 6.0, Color32::from_rgb(0xf8, 0xbb, 0xd0));
            p.rect_filled(Rect::from_min_max(at(0.32, 0.38), at(0.68, 0.56)), 6.0, Color32::from_rgb(0xff, 0xf8, 0xe1));
            for x in [0.4, 0.5, 0.6] {
                p.line_segment([at(x, 0.26), at(x, 0.38)], Stroke::new(s * 0.025, Color32::from_rgb(0x42, 0xa5, 0xf5)));
                p.circle_filled(at(x, 0.23), s * 0.025, Color32::from_rgb(0xff, 0x8f, 0x00));
            }
        }
        "food" => {
            p.rect_filled(rect, 4.0, Color32::from_rgb(0xef, 0xeb, 0xe9));
            p.circle_filled(at(0.5, 0.55), s * 0.36, Color32::WHITE);
            p.circle_stroke(at(0.5, 0.55), s * 0.36, Stroke::new(2.0, Color32::GRAY));
            p.circle_filled(at(0.42, 0.5), s * 0.12, Color32::from_rgb(0x66, 0xbb, 0x6a));
            p.circle_filled(at(0.6, 0.58), s * 0.13, Color32::from_rgb(0xe6, 0x4a, 0x19));
            p.circle_filled(at(0.48, 0.68), s * 0.09, Color32::from_rgb(0xff, 0xca, 0x28));
        }
        "mountain" => {
            p.rect_filled(rect, 4.0, SKY);
            p.circle_filled(at(0.8, 0.2), s * 0.1, Color32::from_rgb(0xff, 0xd5, 0x4f));
            triangle(&p, [at(0.0, 0.9), at(0.35, 0.3), at(0.7, 0.9)], Color32::from_rgb(0x60, 0x7d, 0x8b));
            triangle(&p, [at(0.35, 0.9), at(0.68, 0.42), at(1.0, 0.9)], Color32::from_rgb(0x45, 0x5a, 0x64));
            p.rect_filled(Rect::from_min_max(at(0.0, 0.88), rect.max), 0.0, GRASS);
        }
        "cat" => {
            p.rect_filled(rect, 4.0, WALL);
            let orange = Color32::from_rgb(0xef, 0x8a, 0x2b);
            p.circle_filled(at(0.5, 0.68), s * 0.26, orange);
            p.circle_filled(at(0.5, 0.36), s * 0.17, orange);
            triangle(&p, [at(0.38, 0.3), at(0.4, 0.12), at(0.48, 0.24)], orange);
            triangle(&p, [at(0.62, 0.3), at(0.6, 0.12), at(0.52, 0.24)], orange);
            p.circle_filled(at(0.45, 0.35), s * 0.025, INK);
            p.circle_filled(at(0.55, 0.35), s * 0.025, INK);
        }
        "document" => {
            p.rect_filled(rect, 4.0, Color32::from_rgb(0xec, 0xef, 0xf1));
            let page = Rect::from_min_max(at(0.2, 0.08), at(0.8, 0.92));
            p.rect_filled(page, 2.0, Color32::WHITE);
            p.rect_stroke(page, 2.0, Stroke::new(1.0, Color32::GRAY), egui::StrokeKind::Inside);
            for k in 0..6 {
                let y = 0.2 + k as f32 * 0.1;
                p.line_segment(
                    [at(0.28, y), at(if k == 0 { 0.6 } else { 0.72 }, y)],
                    Stroke::new(s * 0.02, Color32::GRAY),
                );
            }
            p.circle_stroke(at(0.62, 0.78), s * 0.09, Stroke::new(s * 0.02, Color32::from_rgb(0xc6, 0x28, 0x28)));
        }
        "poster" => {
            p.rect_filled(rect, 4.0, Color32::from_rgb(0xff, 0xeb, 0xee));
            p.rect_filled(Rect::from_min_max(at(0.08, 0.08), at(0.92, 0.3)), 4.0, Color32::from_rgb(0xc6, 0x28, 0x28));
            qr_code(&p, Rect::from_center_size(at(0.5, 0.62), vec2(s * 0.5, s * 0.5)), seed(name));
        }
        _ => {
            p.rect_filled(rect, 4.0, Color32::from_gray(0xcc));
        }
    }
}

/// A simple person: a head with hair, and shoulders in a coloured top; `size` is their height.
fn person(p: &Painter, centre: Pos2, size: f32, hair: Color32, top: Color32) {
    let head = centre + vec2(0.0, -size * 0.2);
    p.rect_filled(
        Rect::from_center_size(centre + vec2(0.0, size * 0.3), vec2(size * 0.8, size * 0.5)),
        size * 0.2,
        top,
    );
    p.circle_filled(head + vec2(0.0, -size * 0.04), size * 0.24, hair);
    p.circle_filled(head, size * 0.2, SKIN);
    p.circle_filled(head + vec2(-size * 0.07, 0.0), size * 0.025, INK);
    p.circle_filled(head + vec2(size * 0.07, 0.0), size * 0.025, INK);
}

fn triangle(p: &Painter, points: [Pos2; 3], fill: Color32) {
    p.add(egui::Shape::convex_polygon(points.to_vec(), fill, Stroke::NONE));
}

/// A round tick mark (a ticked photo): a white tick in a circle of `fill`.
pub fn tick(p: &Painter, centre: Pos2, radius: f32, fill: Color32) {
    p.circle_filled(centre, radius, fill);
    p.circle_stroke(centre, radius, Stroke::new(2.0, Color32::WHITE));
    let r = radius;
    let points =
        vec![centre + vec2(-0.5 * r, 0.0), centre + vec2(-0.12 * r, 0.4 * r), centre + vec2(0.55 * r, -0.4 * r)];
    p.add(egui::Shape::line(points, Stroke::new(r * 0.25, Color32::WHITE)));
}

/// A number made from `text`, to vary a drawn code by the widget it belongs to.
pub fn seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The next of a sequence of pseudo-random numbers (xorshift).
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A QR-code-like square: the three corner squares a scanner looks for and a pattern made
/// from `seed` (it encodes nothing).
pub fn qr_code(p: &Painter, rect: Rect, seed: u64) {
    const N: usize = 25;
    let module = rect.width().min(rect.height()) / (N as f32 + 2.0);
    let origin = rect.min + vec2(module, module);
    p.rect_filled(rect, 2.0, Color32::WHITE);
    let mut state = seed | 1;
    // The three corner squares: a dark ring, a light ring and a dark centre, with a light
    // row around each.
    let finder = |x: usize, y: usize| -> Option<bool> {
        [(0, 0), (N - 7, 0), (0, N - 7)].iter().find_map(|&(fx, fy)| {
            let (dx, dy) = (x as i32 - fx as i32, y as i32 - fy as i32);
            ((-1..=7).contains(&dx) && (-1..=7).contains(&dy)).then(|| {
                let inside = (0..=6).contains(&dx) && (0..=6).contains(&dy);
                let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                let centre = (2..=4).contains(&dx) && (2..=4).contains(&dy);
                inside && (ring || centre)
            })
        })
    };
    for y in 0..N {
        for x in 0..N {
            let dark = finder(x, y).unwrap_or_else(|| next(&mut state).is_multiple_of(2));
            if dark {
                let min = origin + vec2(x as f32 * module, y as f32 * module);
                p.rect_filled(Rect::from_min_size(min, vec2(module, module)), 0.0, INK);
            }
        }
    }
}

/// A bar code from `seed` (it encodes nothing).
pub fn bar_code(p: &Painter, rect: Rect, seed: u64) {
    p.rect_filled(rect, 0.0, Color32::WHITE);
    let mut state = seed | 1;
    let unit = rect.width() / 120.0;
    let mut x = rect.left() + 4.0 * unit;
    let mut dark = true;
    while x < rect.right() - 6.0 * unit {
        let w = (1 + next(&mut state) % 3) as f32 * unit;
        if dark {
            p.rect_filled(Rect::from_min_max(pos2(x, rect.top()), pos2(x + w, rect.bottom())), 0.0, INK);
        }
        dark = !dark;
        x += w;
    }
}

//! The big pointer: a large arrow seniors do not lose (Settings → "Large pointer"), drawn
//! here as pixels so the system shows it as the real mouse pointer (no lag, above
//! everything). Black inside a thick white edge: at least 7:1 against anything behind it, on
//! the pale walls and on the dark phone alike. Pure: the app hands the pixels to the window.

/// The side of the big pointer's square picture, in pixels: 3× the usual 24 px pointer (the
/// largest the Windows and GNOME accessibility settings offer is about 4×).
pub const BIG_POINTER_PX: u32 = 72;

/// The arrow's outline in units of its picture (0..1), tip first: the classic pointer shape
/// with a long tail, so the tip is where the hand is.
const ARROW: [(f32, f32); 7] =
    [(0.04, 0.03), (0.04, 0.80), (0.24, 0.62), (0.38, 0.94), (0.52, 0.88), (0.38, 0.57), (0.62, 0.57)];

/// How thick the white edge is, in units of the picture.
const EDGE: f32 = 0.045;

/// The big pointer, `size`×`size` straight (not premultiplied) RGBA bytes, row by row;
/// its hot spot (where it points) is [`hotspot`].
pub fn big_arrow(size: u32) -> Vec<u8> {
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    // 4×4 samples a pixel: smooth edges at any size.
    const SAMPLES: u32 = 4;
    for y in 0..size {
        for x in 0..size {
            let (mut ink, mut edge) = (0u32, 0u32);
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let p = (
                        (x as f32 + (sx as f32 + 0.5) / SAMPLES as f32) / size as f32,
                        (y as f32 + (sy as f32 + 0.5) / SAMPLES as f32) / size as f32,
                    );
                    if inside(p) {
                        if distance_to_outline(p) > EDGE {
                            ink += 1;
                        } else {
                            edge += 1;
                        }
                    } else if distance_to_outline(p) <= EDGE * 0.5 {
                        edge += 1; // the white edge reaches a little outside, too
                    }
                }
            }
            let total = SAMPLES * SAMPLES;
            let alpha = (ink + edge) * 255 / total;
            // Black where the inside is, white on the edge, blended where both fall in a pixel.
            let grey = (edge * 255).checked_div(ink + edge).unwrap_or(0);
            rgba.extend([grey as u8, grey as u8, grey as u8, alpha as u8]);
        }
    }
    rgba
}

/// Where the big pointer of `size` points, in pixels from its top left: the arrow's tip.
pub fn hotspot(size: u32) -> (u16, u16) {
    let at = |v: f32| (v * size as f32).round() as u16;
    (at(ARROW[0].0), at(ARROW[0].1))
}

fn inside((x, y): (f32, f32)) -> bool {
    let mut inside = false;
    let mut previous = ARROW[ARROW.len() - 1];
    for &(xi, yi) in &ARROW {
        let (xj, yj) = previous;
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        previous = (xi, yi);
    }
    inside
}

fn distance_to_outline((x, y): (f32, f32)) -> f32 {
    (0..ARROW.len())
        .map(|i| {
            let (a, b) = (ARROW[i], ARROW[(i + 1) % ARROW.len()]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (((x - a.0) * dx + (y - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            let (px, py) = (a.0 + t * dx - x, a.1 + t * dy - y);
            (px * px + py * py).sqrt()
        })
        .fold(f32::INFINITY, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(rgba: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
    }

    #[test]
    fn the_big_pointer_is_a_black_arrow_in_a_white_edge_pointing_from_its_hot_spot() {
        let size = BIG_POINTER_PX;
        let rgba = big_arrow(size);
        assert_eq!(rgba.len(), (size * size * 4) as usize);
        // The middle of the arrow's body is black and solid.
        let body = pixel(&rgba, size, (0.2 * size as f32) as u32, (0.5 * size as f32) as u32);
        assert_eq!(body, [0, 0, 0, 255]);
        // Its left edge, a pixel or two in, is white and solid.
        let edge = pixel(&rgba, size, (0.04 * size as f32) as u32 + 1, (0.5 * size as f32) as u32);
        assert!(edge[0] > 200 && edge[3] == 255, "{edge:?}");
        // Far right and bottom left: nothing (the scene shows through).
        assert_eq!(pixel(&rgba, size, size - 2, 4)[3], 0);
        assert_eq!(pixel(&rgba, size, 2, size - 2)[3], 0);
        // The hot spot is the tip, at the top left, on the drawn arrow.
        let (hx, hy) = hotspot(size);
        assert!(hx < 6 && hy < 6);
        assert!(pixel(&rgba, size, u32::from(hx), u32::from(hy) + 1)[3] > 0);
        // Many pixels are drawn: a big pointer, not a thin one.
        let drawn = rgba.chunks(4).filter(|p| p[3] > 128).count();
        assert!(drawn > (size * size / 5) as usize, "{drawn} of {} pixels", size * size);
    }
}

//! Draws kuayue's icon: a white 跨 (in the shipped Noto Sans SC subset, OFL) on a
//! rounded square of the app's blue (#1A5096, 8.0:1 with white). Writes the PNG sizes
//! the Linux menu uses (`packaging/icons/kuayue-<size>.png`) and one Windows icon file
//! holding them all (`packaging/kuayue.ico`, PNG-compressed entries: Windows Vista and
//! later). Run: `cargo run --example make_icon --no-default-features`.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

const BLUE: [u8; 3] = [0x1A, 0x50, 0x96];
const SIZES: [u32; 6] = [16, 32, 48, 64, 128, 256];

/// One icon size as straight RGBA.
fn draw(font: &FontRef, size: u32) -> Vec<u8> {
    let s = size as f32;
    let mut rgba = vec![0u8; (size * size * 4) as usize];
    // The rounded square, anti-aliased by coverage of 4×4 samples per pixel.
    let radius = s * 0.2;
    let inside = |x: f32, y: f32| {
        let cx = x.clamp(radius, s - radius);
        let cy = y.clamp(radius, s - radius);
        (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
    };
    for y in 0..size {
        for x in 0..size {
            let mut hits = 0;
            for sy in 0..4 {
                for sx in 0..4 {
                    hits += u32::from(inside(x as f32 + (sx as f32 + 0.5) / 4.0, y as f32 + (sy as f32 + 0.5) / 4.0));
                }
            }
            let i = ((y * size + x) * 4) as usize;
            rgba[i..i + 3].copy_from_slice(&BLUE);
            rgba[i + 3] = (hits * 255 / 16) as u8;
        }
    }
    // The character, centred on its ink, about 70 % of the square.
    let scale = PxScale::from(s * 0.78);
    let scaled = font.as_scaled(scale);
    let glyph = scaled.scaled_glyph('跨');
    if let Some(outlined) = font.outline_glyph(glyph) {
        let b = outlined.px_bounds();
        let (dx, dy) = ((s - b.width()) / 2.0, (s - b.height()) / 2.0);
        outlined.draw(|gx, gy, coverage| {
            let (x, y) = (gx as i64 + dx.round() as i64, gy as i64 + dy.round() as i64);
            if x < 0 || y < 0 || x >= i64::from(size) || y >= i64::from(size) {
                return;
            }
            let i = ((y as u32 * size + x as u32) * 4) as usize;
            for c in 0..3 {
                let under = f32::from(rgba[i + c]);
                rgba[i + c] = (under + (255.0 - under) * coverage.min(1.0)).round() as u8;
            }
        });
    }
    rgba
}

fn png(size: u32, rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    writer.write_image_data(rgba).expect("png data");
    writer.finish().expect("png end");
    out
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("assets/fonts/NotoSansSC-kuayue.otf")).expect("the shipped font");
    let font = FontRef::try_from_slice(&bytes).expect("a font");
    let icons = root.join("packaging/icons");
    std::fs::create_dir_all(&icons).expect("packaging/icons");
    let images: Vec<(u32, Vec<u8>)> = SIZES.iter().map(|&size| (size, png(size, &draw(&font, size)))).collect();
    for (size, image) in &images {
        std::fs::write(icons.join(format!("kuayue-{size}.png")), image).expect("write png");
    }
    // ICONDIR, then one ICONDIRENTRY per image, then the PNG data.
    let mut ico = Vec::new();
    ico.extend_from_slice(&[0, 0, 1, 0]);
    ico.extend_from_slice(&(images.len() as u16).to_le_bytes());
    let mut offset = 6 + 16 * images.len() as u32;
    for (size, image) in &images {
        let side = if *size >= 256 { 0 } else { *size as u8 };
        ico.extend_from_slice(&[side, side, 0, 0]);
        ico.extend_from_slice(&1u16.to_le_bytes());
        ico.extend_from_slice(&32u16.to_le_bytes());
        ico.extend_from_slice(&(image.len() as u32).to_le_bytes());
        ico.extend_from_slice(&offset.to_le_bytes());
        offset += image.len() as u32;
    }
    for (_, image) in &images {
        ico.extend_from_slice(image);
    }
    std::fs::write(root.join("packaging/kuayue.ico"), ico).expect("write ico");
    println!("wrote packaging/kuayue.ico and {} PNGs in packaging/icons/", images.len());
}

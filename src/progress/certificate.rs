//! A printable certificate for a learner's first completion of a scenario: an
//! A4-landscape PNG (150 dpi) in large type — name, what they did, the date
//! and the centre — drawn with the app's own CJK font.

use std::path::Path;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

/// A4 landscape at 150 dots per inch.
pub const WIDTH: u32 = 1754;
pub const HEIGHT: u32 = 1240;

const PAPER: [u8; 3] = [0xfb, 0xf8, 0xf2];
const INK: [u8; 3] = [0x1a, 0x1a, 0x1a];
const BORDER: [u8; 3] = [0x7a, 0x3b, 0x00];

/// The words on a certificate, already in the learner's language.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// E.g. 结业证书.
    pub heading: String,
    pub learner: String,
    /// E.g. 完成了“预约挂号”的全部练习.
    pub achievement: String,
    pub date: String,
    pub centre: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error("the font cannot be read: {0}")]
    Font(#[from] ab_glyph::InvalidFont),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("writing the PNG: {0}")]
    Png(#[from] png::EncodingError),
}

struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas { pixels: PAPER.repeat((WIDTH * HEIGHT) as usize) }
    }

    fn blend(&mut self, x: i64, y: i64, colour: [u8; 3], coverage: f32) {
        if x < 0 || y < 0 || x >= i64::from(WIDTH) || y >= i64::from(HEIGHT) {
            return;
        }
        let i = ((y as usize) * WIDTH as usize + x as usize) * 3;
        let a = coverage.clamp(0.0, 1.0);
        for (pixel, &target) in self.pixels[i..i + 3].iter_mut().zip(&colour) {
            let old = f32::from(*pixel);
            *pixel = (old + (f32::from(target) - old) * a).round() as u8;
        }
    }

    fn frame(&mut self, inset: i64, thickness: i64, colour: [u8; 3]) {
        let (w, h) = (i64::from(WIDTH), i64::from(HEIGHT));
        for t in 0..thickness {
            let (l, r, top, bottom) = (inset + t, w - 1 - inset - t, inset + t, h - 1 - inset - t);
            for x in l..=r {
                self.blend(x, top, colour, 1.0);
                self.blend(x, bottom, colour, 1.0);
            }
            for y in top..=bottom {
                self.blend(l, y, colour, 1.0);
                self.blend(r, y, colour, 1.0);
            }
        }
    }

    /// Draws one line centred on `baseline`, shrinking it to fit the page if needed.
    fn centred(&mut self, font: &FontRef, text: &str, px: f32, baseline: f32, colour: [u8; 3]) {
        let max_width = WIDTH as f32 - 320.0;
        let width = line_width(font, text, px);
        let px = if width > max_width { px * max_width / width } else { px };
        let scaled = font.as_scaled(PxScale::from(px));
        let mut x = (WIDTH as f32 - line_width(font, text, px)) / 2.0;
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            let glyph = id.with_scale_and_position(px, ab_glyph::point(x, baseline));
            x += scaled.h_advance(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i64 + i64::from(gx),
                        bounds.min.y as i64 + i64::from(gy),
                        colour,
                        coverage,
                    );
                });
            }
        }
    }
}

/// How wide `text` is at `px`, in pixels.
pub fn line_width(font: &FontRef, text: &str, px: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    text.chars().map(|c| scaled.h_advance(scaled.glyph_id(c))).sum()
}

/// Draws the certificate as RGB pixels, `WIDTH × HEIGHT`.
pub fn render(certificate: &Certificate, font_bytes: &[u8]) -> Result<Vec<u8>, CertificateError> {
    let font = FontRef::try_from_slice(font_bytes)?;
    let mut canvas = Canvas::new();
    canvas.frame(40, 10, BORDER);
    canvas.frame(70, 3, BORDER);
    canvas.centred(&font, &certificate.heading, 120.0, 300.0, BORDER);
    canvas.centred(&font, &certificate.learner, 150.0, 560.0, INK);
    canvas.centred(&font, &certificate.achievement, 72.0, 740.0, INK);
    canvas.centred(&font, &certificate.date, 56.0, 960.0, INK);
    canvas.centred(&font, &certificate.centre, 56.0, 1060.0, INK);
    Ok(canvas.pixels)
}

/// Draws the certificate and writes it as a PNG at `path`.
pub fn write_png(certificate: &Certificate, font_bytes: &[u8], path: &Path) -> Result<(), CertificateError> {
    let pixels = render(certificate, font_bytes)?;
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // 150 dpi, so it prints at A4 size.
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: 5906, yppu: 5906, unit: png::Unit::Meter }));
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-kuayue.otf");

    fn sample(name: &str) -> Certificate {
        Certificate {
            heading: "结业证书".into(),
            learner: name.into(),
            achievement: "完成了“预约挂号”的全部练习".into(),
            date: "2026年11月29日".into(),
            centre: "安和市长者学堂".into(),
        }
    }

    fn dark_pixels_in_rows(pixels: &[u8], rows: std::ops::Range<u32>) -> usize {
        rows.flat_map(|y| (0..WIDTH).map(move |x| ((y * WIDTH + x) * 3) as usize))
            .filter(|&i| pixels[i] < 100 && pixels[i + 1] < 100 && pixels[i + 2] < 100)
            .count()
    }

    #[test]
    fn the_name_is_drawn_large_in_the_middle_of_the_page() {
        let short = render(&sample("王芳"), FONT).unwrap();
        let long = render(&sample("欧阳秀兰"), FONT).unwrap();
        assert_eq!(short.len(), (WIDTH * HEIGHT * 3) as usize);
        let name_band = 420..600;
        let (a, b) = (dark_pixels_in_rows(&short, name_band.clone()), dark_pixels_in_rows(&long, name_band));
        assert!(a > 5_000, "the name has ink: {a}");
        assert!(b > a, "four characters take more ink than two: {b} vs {a}");
        // Margins stay clear inside the frame.
        assert_eq!(dark_pixels_in_rows(&short, 90..180), 0);
    }

    #[test]
    fn a_long_line_is_shrunk_to_fit_the_page() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let long = "完成了“在浙里办里用电子社保卡查询医保余额并缴纳城乡居民医疗保险”的全部练习".repeat(2);
        assert!(line_width(&font, &long, 72.0) > WIDTH as f32);
        let pixels = render(&Certificate { achievement: long, ..sample("王芳") }, FONT).unwrap();
        // Nothing is drawn over the outer border's outside margin.
        for y in 0..HEIGHT {
            for x in [0, 10, WIDTH - 11, WIDTH - 1] {
                let i = ((y * WIDTH + x) * 3) as usize;
                assert_eq!(&pixels[i..i + 3], &PAPER, "at {x},{y}");
            }
        }
    }

    #[test]
    fn writes_a_png_at_print_size() {
        let path = std::env::temp_dir().join(format!("kuayue-certificate-{}.png", std::process::id()));
        write_png(&sample("王芳"), FONT, &path).unwrap();
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
        std::fs::remove_file(&path).ok();
    }
}

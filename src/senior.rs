//! The senior-first numbers (China MIIT 适老化 rules, WCAG 2.2), in one place.
//! The checker enforces them on declared screens; the app's theme draws with them.

/// Smallest text on the phone screen and on buttons, logical px at 1280×720.
pub const MIN_PHONE_TEXT_PX: u32 = 24;
/// Smallest caption text, logical px at 1280×720.
pub const MIN_CAPTION_TEXT_PX: u32 = 32;
/// Smallest tappable target, logical px each way.
pub const MIN_TARGET_PX: u32 = 60;
/// Smallest contrast for text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// Smallest contrast for captions.
pub const MIN_CAPTION_CONTRAST: f64 = 7.0;
/// Smallest line spacing, as a multiple of the text size.
pub const MIN_LINE_SPACING: f32 = 1.3;
/// Text colour used when a scenario declares none.
pub const DEFAULT_TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Background used when a scenario declares none.
pub const DEFAULT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
/// How long without any action before the next hint level is offered, in seconds.
pub const IDLE_HINT_SECS: f32 = 20.0;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#RRGGBB` or `#RGB`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// WCAG contrast ratio, 1.0 to 21.0.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        let black = Rgb::parse("#000").unwrap();
        let white = Rgb::parse("#FFFFFF").unwrap();
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        let grey = Rgb::parse("#767676").unwrap();
        assert!((contrast(grey, white) - 4.54).abs() < 0.01);
        assert!(contrast(DEFAULT_TEXT, DEFAULT_BACKGROUND) >= MIN_CAPTION_CONTRAST);
    }

    #[test]
    fn bad_colours_are_rejected() {
        for bad in ["red", "#12345", "#GGGGGG", "123456", "#", "#中文字"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }
}

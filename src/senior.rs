//! The senior-first numbers (China MIIT 适老化 rules, WCAG 2.2), in one place.
//! The checker enforces them on declared screens; the app's theme draws with them.

/// Smallest text on the phone screen and on buttons, logical px at 1280×720.
pub const MIN_PHONE_TEXT_PX: u32 = 24;
/// Smallest caption text, logical px at 1280×720.
pub const MIN_CAPTION_TEXT_PX: u32 = 32;
/// Smallest tappable target, logical px each way.
pub const MIN_TARGET_PX: u32 = 60;
/// Smallest contrast for any text, on the phone, on buttons and in the caption: 7:1
/// (WCAG 2.2 AAA asks 7:1 of normal text; seniors' eyes get it for every text).
pub const MIN_TEXT_CONTRAST: f64 = 7.0;
/// Smallest contrast for captions (the same: no text gets less).
pub const MIN_CAPTION_CONTRAST: f64 = MIN_TEXT_CONTRAST;
/// Smallest line spacing, as a multiple of the text size.
pub const MIN_LINE_SPACING: f32 = 1.3;

/// Chinese line breaking (行首禁则, W3C "Requirements for Chinese Text Layout"): a line never
/// starts with closing punctuation — a comma or full stop alone at the start of a line
/// reads as a mistake. The character before it goes down to the next line with it.
pub fn may_not_start_line(c: char) -> bool {
    "，。、；：？！）】」』》〉〕〗’”…%,.;:?!)]}".contains(c)
}
/// Text colour used when a scenario declares none.
pub const DEFAULT_TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Background used when a scenario declares none.
pub const DEFAULT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
/// The light grey of a phone button (and icon tile) that declares no colour.
pub const BUTTON_FILL: Rgb = Rgb(0xf1, 0xf3, 0xf6);
/// The blue of a dialog's confirm button and a pop-up's close button (white on it: 8.0:1).
pub const PRIMARY: Rgb = Rgb(0x1a, 0x50, 0x96);
/// White: list rows, options, fields, dialog cards.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
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

/// The text colour the app draws on `background` when none is declared: the dark ink,
/// or white where white reads better (a dark screen). The checker rates the same choice.
pub fn ink_on(background: Rgb) -> Rgb {
    if contrast(WHITE, background) > contrast(DEFAULT_TEXT, background) { WHITE } else { DEFAULT_TEXT }
}

/// The colours one phone text is drawn in, `(text, background)`: the style's own, else
/// the element's `fill` under it and the readable ink on that. The app draws with this
/// and the checker rates this, so what checks clean is what is seen.
pub fn drawn(color: Option<Rgb>, background: Option<Rgb>, fill: Rgb) -> (Rgb, Rgb) {
    let background = background.unwrap_or(fill);
    (color.unwrap_or_else(|| ink_on(background)), background)
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
    fn text_without_a_colour_is_drawn_readable_on_any_background() {
        let dark = Rgb::parse("#101828").unwrap();
        assert_eq!(ink_on(dark), WHITE);
        assert_eq!(ink_on(WHITE), DEFAULT_TEXT);
        assert_eq!(drawn(None, None, dark), (WHITE, dark));
        assert_eq!(drawn(Some(DEFAULT_TEXT), None, WHITE), (DEFAULT_TEXT, WHITE));
        // The default confirm button: white on the primary blue.
        assert_eq!(drawn(None, None, PRIMARY).0, WHITE);
        // The better of the two, always; on a mid grey neither reaches 7:1 (the checker says so).
        for v in 0..=255u8 {
            let bg = Rgb(v, v, v);
            let best = contrast(WHITE, bg).max(contrast(DEFAULT_TEXT, bg));
            assert!((contrast(ink_on(bg), bg) - best).abs() < 1e-12, "{bg:?}");
        }
        let grey = Rgb::parse("#7B7B7B").unwrap();
        assert!(contrast(ink_on(grey), grey) < MIN_TEXT_CONTRAST);
    }

    #[test]
    fn bad_colours_are_rejected() {
        for bad in ["red", "#12345", "#GGGGGG", "123456", "#", "#中文字"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }
}

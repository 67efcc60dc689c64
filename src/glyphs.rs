//! Which characters the shipped font can draw, so a trainer hears about a rare
//! character before a senior sees an empty box.

use std::path::Path;

/// The font the app draws every text with: Noto Sans CJK SC cut down by
/// `tools/subset-font.py` (OFL, see assets/fonts/OFL.txt). Compiled in, so the
/// app never shows empty boxes for a missing font file, and the checker judges
/// characters by exactly this font wherever the project folder is.
pub const SHIPPED_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-kuayue.otf");

/// A font file's character map.
pub struct Glyphs {
    bytes: std::borrow::Cow<'static, [u8]>,
}

impl Glyphs {
    /// The character map of the font the app draws with.
    pub fn shipped() -> Glyphs {
        Glyphs { bytes: std::borrow::Cow::Borrowed(SHIPPED_FONT) }
    }

    /// Reads a font file; `None` when it is missing or not a font.
    pub fn load(path: &Path) -> Option<Glyphs> {
        let bytes = std::fs::read(path).ok()?;
        ttf_parser::Face::parse(&bytes, 0).ok()?;
        Some(Glyphs { bytes: bytes.into() })
    }

    /// The characters of `text` the font lacks (white space and controls aside), in order, once each.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let Ok(face) = ttf_parser::Face::parse(&self.bytes, 0) else { return Vec::new() };
        let mut out: Vec<char> = Vec::new();
        for c in text.chars() {
            if !c.is_whitespace() && !c.is_control() && face.glyph_index(c).is_none() && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_subset_knows_common_characters_only() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/NotoSansSC-kuayue.otf");
        let glyphs = Glyphs::load(&path).expect("the font subset is committed");
        assert!(glyphs.missing("预约挂号 Book 12:00 ¥8，。").is_empty());
        assert_eq!(glyphs.missing("𠮷𠮷 ok 𪚥"), vec!['𠮷', '𪚥']);
        assert!(Glyphs::load(Path::new("Cargo.toml")).is_none());
    }
}

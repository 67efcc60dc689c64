//! Which characters the shipped font can draw, so a trainer hears about a rare
//! character before a senior sees an empty box.

use std::path::Path;

/// The font the app draws every text with: Noto Sans CJK SC cut down by
/// `tools/subset-font.py` (OFL, see assets/fonts/OFL.txt). Compiled in, so the
/// app never shows empty boxes for a missing font file, and the checker judges
/// characters by exactly this font wherever the project folder is.
pub const SHIPPED_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-kuayue.otf");

/// A font file's character map, read once: the checker asks about every line of every
/// scenario in every language, and parsing the font for each (its CFF tables above all)
/// was most of `kuayue check`'s time and of the app's start-up after the voice clips.
pub struct Glyphs {
    drawable: std::collections::HashSet<char>,
}

impl Glyphs {
    /// The character map of the font the app draws with.
    pub fn shipped() -> Glyphs {
        Glyphs::parse(SHIPPED_FONT).expect("the shipped font is a font")
    }

    /// Reads a font file; `None` when it is missing or not a font.
    pub fn load(path: &Path) -> Option<Glyphs> {
        Glyphs::parse(&std::fs::read(path).ok()?)
    }

    fn parse(bytes: &[u8]) -> Option<Glyphs> {
        let face = ttf_parser::Face::parse(bytes, 0).ok()?;
        let mut drawable = std::collections::HashSet::new();
        for table in face.tables().cmap.iter().flat_map(|cmap| cmap.subtables) {
            if table.is_unicode() {
                table.codepoints(|code| {
                    // Exactly the characters `Face::glyph_index` finds a glyph for.
                    if let Some(c) = char::from_u32(code).filter(|c| face.glyph_index(*c).is_some()) {
                        drawable.insert(c);
                    }
                });
            }
        }
        Some(Glyphs { drawable })
    }

    /// The characters of `text` the font lacks (white space and controls aside), in order, once each.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for c in text.chars() {
            if !c.is_whitespace() && !c.is_control() && !self.drawable.contains(&c) && !out.contains(&c) {
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

    #[test]
    fn the_map_read_once_agrees_with_the_fonts_own_lookup() {
        let face = ttf_parser::Face::parse(SHIPPED_FONT, 0).unwrap();
        let glyphs = Glyphs::shipped();
        // U+FFFF is not a character: the end marker of the map's table, which the lookup finds.
        let chars = (0..=0x2FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{FFFF}');
        for c in chars {
            assert_eq!(glyphs.missing(&c.to_string()).is_empty(), face.glyph_index(c).is_some(), "{c:?}");
        }
    }
}

//! The committed CJK font subset has every character that locales/ and scenarios/ use.

use std::collections::BTreeSet;

use crate::common::repo;

fn text_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for (folder, ext) in [("locales", "ftl"), ("scenarios", "ron")] {
        let mut stack = vec![repo().join(folder)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == ext) {
                    files.push(path);
                }
            }
        }
    }
    files
}

#[test]
fn every_character_shown_is_in_the_font() {
    let bytes = std::fs::read(repo().join("assets/fonts/NotoSansSC-kuayue.otf")).expect("the font subset is committed");
    let face = ttf_parser::Face::parse(&bytes, 0).expect("a valid font");
    let files = text_files();
    assert!(files.len() >= 8, "found only {files:?}");
    let mut missing = BTreeSet::new();
    for file in &files {
        for c in std::fs::read_to_string(file).unwrap().chars() {
            if !c.is_control() && face.glyph_index(c).is_none() {
                missing.insert((c, file.file_name().unwrap().to_string_lossy().into_owned()));
            }
        }
    }
    assert!(missing.is_empty(), "not in the font (run tools/subset-font.py): {missing:?}");
    // The check can fail: a character outside the subset is reported.
    assert!(face.glyph_index('𠮷').is_none());
    assert!(face.glyph_index('挂').is_some() && face.glyph_index('A').is_some());
}

#[test]
fn the_font_licence_ships_with_it() {
    let licence = std::fs::read_to_string(repo().join("assets/fonts/OFL.txt")).unwrap();
    assert!(licence.contains("SIL OPEN FONT LICENSE Version 1.1"));
}

//! Voice manifests: bytes read as `Manifest::load` reads them (UTF-8 text) →
//! `Manifest::from_text`; whatever loads must save and load back the same.

use kuayue::voice::Manifest;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        if let Ok(manifest) = Manifest::from_text(text) {
            let saved = serde_json::to_string_pretty(&manifest).expect("a manifest always serialises");
            assert_eq!(Manifest::from_text(&saved).as_ref(), Ok(&manifest), "saved manifest reads back differently");
        }
    });
}

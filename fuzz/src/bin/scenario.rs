//! Scenario files: bytes → `text::decode` → `scenario::load_str` → `check::check`
//! (with the test message catalog and the shipped font), then every diagnostic is
//! rendered as `kuayue check` prints it (text and JSON).

use std::panic::AssertUnwindSafe;
use std::path::Path;

use kuayue::glyphs::Glyphs;
use kuayue::i18n::{Catalog, Lang, Messages};
use kuayue::scenario::check::{Context, check};

fn main() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/locales");
    let (catalog, _) = Catalog::load(&locales);
    assert!(!catalog.locales.is_empty(), "no locales in {}", locales.display());
    // A panic aborts the process (afl reports it): nothing is seen half-updated.
    let catalog = AssertUnwindSafe(catalog);
    let glyphs = Glyphs::shipped();
    let msg = AssertUnwindSafe(Messages::embedded(Lang::default()));
    afl::fuzz!(|data: &[u8]| {
        let Ok((source, _)) = kuayue::text::decode(data) else { return };
        let diagnostics = match kuayue::scenario::load_str(&source, "f.ron") {
            Ok(loaded) => {
                let ctx = Context { catalog: Some(&*catalog), project: None, glyphs: Some(&glyphs) };
                check(&loaded, &ctx)
            }
            Err(d) => vec![d],
        };
        for d in &diagnostics {
            std::hint::black_box(d.render(&msg));
            std::hint::black_box(d.to_json(&msg));
        }
    });
}

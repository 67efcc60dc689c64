//! The fuzzer's inputs (`tools/fuzz.sh`, harnesses in `fuzz/src/bin/`) fed through
//! the same paths as its harnesses, so none of them panics again: the committed
//! corpus `fuzz/corpus/<target>/`, and any input it crashed or hung on, kept in
//! `tests/fixtures/fuzz/<target>/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kuayue::glyphs::Glyphs;
use kuayue::i18n::{Catalog, Lang, Locale, Messages};
use kuayue::progress::Store;
use kuayue::progress::store::FILE_NAME;
use kuayue::scenario::check::{Context, check};
use kuayue::voice::Manifest;

use crate::common::repo;

const TARGETS: [&str; 4] = ["scenario", "ftl", "manifest", "store"];

/// What the harnesses set up once.
struct Harness {
    catalog: Catalog,
    glyphs: Glyphs,
    msg: Messages,
    scratch: PathBuf,
}

impl Harness {
    /// The harness of `target`, run once on `data`.
    fn feed(&self, target: &str, data: &[u8]) {
        match target {
            "scenario" => {
                let Ok((source, _)) = kuayue::text::decode(data) else { return };
                let diagnostics = match kuayue::scenario::load_str(&source, "f.ron") {
                    Ok(loaded) => check(
                        &loaded,
                        &Context { catalog: Some(&self.catalog), project: None, glyphs: Some(&self.glyphs) },
                    ),
                    Err(d) => vec![d],
                };
                for d in &diagnostics {
                    d.render(&self.msg);
                    d.to_json(&self.msg);
                }
            }
            "ftl" => {
                let Ok((source, _)) = kuayue::text::decode(data) else { return };
                let mut locale = Locale::new("zh-CN");
                let mut diagnostics = Vec::new();
                locale.add_ftl(Path::new("f.ftl"), &source, &mut diagnostics);
                let args = BTreeMap::from([("name".to_owned(), "王".to_owned()), ("count".to_owned(), "3".to_owned())]);
                for id in locale.definitions.keys() {
                    locale.get(id, &args);
                    locale.get(id, &BTreeMap::new());
                }
                for d in &diagnostics {
                    d.render(&self.msg);
                }
            }
            "manifest" => {
                let Ok(text) = std::str::from_utf8(data) else { return };
                if let Ok(manifest) = Manifest::from_text(text) {
                    let saved = serde_json::to_string_pretty(&manifest).unwrap();
                    assert_eq!(
                        Manifest::from_text(&saved).as_ref(),
                        Ok(&manifest),
                        "saved manifest reads back differently"
                    );
                }
            }
            "store" => {
                std::fs::remove_dir_all(&self.scratch).ok();
                std::fs::create_dir_all(&self.scratch).unwrap();
                std::fs::write(self.scratch.join(FILE_NAME), data).unwrap();
                if let Ok(opened) = Store::open(&self.scratch) {
                    opened.store.learners().ok();
                    opened.store.home_page().ok();
                }
                std::fs::remove_dir_all(&self.scratch).ok();
            }
            other => panic!("no fuzz target {other}"),
        }
    }
}

#[test]
fn the_fuzz_corpus_and_what_the_fuzzer_found_go_through_without_a_panic() {
    let harness = Harness {
        catalog: Catalog::load(&repo().join("tests/fixtures/locales")).0,
        glyphs: Glyphs::shipped(),
        msg: Messages::embedded(Lang::default()),
        scratch: std::env::temp_dir().join(format!("kuayue-fuzz-found-{}", std::process::id())),
    };
    let mut panicked = Vec::new();
    let mut fed = 0;
    for folder in [repo().join("fuzz/corpus"), repo().join("tests/fixtures/fuzz")] {
        for target in TARGETS {
            let Ok(entries) = std::fs::read_dir(folder.join(target)) else { continue };
            for entry in entries {
                let file = entry.unwrap().path();
                let data = std::fs::read(&file).unwrap();
                let run = std::panic::AssertUnwindSafe(|| harness.feed(target, &data));
                if std::panic::catch_unwind(run).is_err() {
                    panicked.push(file.display().to_string());
                }
                fed += 1;
            }
        }
    }
    assert!(fed > 100, "only {fed} inputs: is fuzz/corpus there?");
    assert!(panicked.is_empty(), "these panic: {panicked:#?}");
}

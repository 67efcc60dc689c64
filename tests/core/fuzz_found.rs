//! Inputs the fuzzer found (`tools/fuzz.sh`, harnesses in `fuzz/src/bin/`), fed
//! through the same path as its harness. Crashes live in
//! `tests/fixtures/fuzz/<target>/` and must now go through without a panic;
//! inputs that took over a second live in `tests/fixtures/fuzz/hangs/<target>/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kuayue::glyphs::Glyphs;
use kuayue::i18n::{Catalog, Lang, Locale, Messages};
use kuayue::progress::Store;
use kuayue::progress::store::FILE_NAME;
use kuayue::scenario::check::{Context, check};
use kuayue::voice::Manifest;

use crate::common::repo;

/// The fuzz harness of `target`, run once on `data`.
fn feed(target: &str, data: &[u8], scratch: &Path) {
    let msg = Messages::embedded(Lang::default());
    match target {
        "scenario" => {
            let (catalog, _) = Catalog::load(&repo().join("tests/fixtures/locales"));
            let glyphs = Glyphs::shipped();
            let Ok((source, _)) = kuayue::text::decode(data) else { return };
            let diagnostics = match kuayue::scenario::load_str(&source, "f.ron") {
                Ok(loaded) => {
                    check(&loaded, &Context { catalog: Some(&catalog), project: None, glyphs: Some(&glyphs) })
                }
                Err(d) => vec![d],
            };
            for d in &diagnostics {
                d.render(&msg);
                d.to_json(&msg);
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
                d.render(&msg);
            }
        }
        "manifest" => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            if let Ok(manifest) = Manifest::from_text(text) {
                let saved = serde_json::to_string_pretty(&manifest).unwrap();
                assert_eq!(Manifest::from_text(&saved).as_ref(), Ok(&manifest));
            }
        }
        "store" => {
            std::fs::remove_dir_all(scratch).ok();
            std::fs::create_dir_all(scratch).unwrap();
            std::fs::write(scratch.join(FILE_NAME), data).unwrap();
            if let Ok(opened) = Store::open(scratch) {
                opened.store.learners().ok();
                opened.store.home_page().ok();
            }
            std::fs::remove_dir_all(scratch).ok();
        }
        other => panic!("no fuzz target {other}"),
    }
}

/// `(target, file)` for every input under `folder/<target>/`.
fn inputs(folder: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for target in ["scenario", "ftl", "manifest", "store"] {
        let Ok(entries) = std::fs::read_dir(folder.join(target)) else { continue };
        for entry in entries {
            out.push((target.to_owned(), entry.unwrap().path()));
        }
    }
    out.sort();
    out
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("kuayue-fuzz-found-{name}-{}", std::process::id()))
}

#[test]
fn inputs_the_fuzzer_crashed_on_go_through() {
    let scratch = scratch("crashes");
    for (target, file) in inputs(&repo().join("tests/fixtures/fuzz")) {
        let data = std::fs::read(&file).unwrap();
        let result = std::panic::catch_unwind(|| feed(&target, &data, &scratch));
        assert!(result.is_ok(), "{target}: {} panics", file.display());
    }
}

/// Each of these took over a second in the harness. Run with `--ignored`.
#[test]
#[ignore = "the checker's did-you-mean for a missing message id is quadratic in the id's length"]
fn inputs_the_fuzzer_hung_on_take_under_a_second() {
    let scratch = scratch("hangs");
    let mut slow = Vec::new();
    for (target, file) in inputs(&repo().join("tests/fixtures/fuzz/hangs")) {
        let data = std::fs::read(&file).unwrap();
        let start = Instant::now();
        feed(&target, &data, &scratch);
        let took = start.elapsed();
        if took > Duration::from_secs(1) {
            slow.push(format!("{target}: {} took {took:.1?}", file.display()));
        }
    }
    assert!(slow.is_empty(), "{slow:#?}");
}

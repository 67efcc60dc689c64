//! Helpers shared by the core tests.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kuayue::diagnostic::Diagnostic;
use kuayue::glyphs::Glyphs;
use kuayue::i18n::Catalog;
use kuayue::scenario::check::{Context, check};
use kuayue::scenario::project::Project;
use kuayue::scenario::{Expect, Scenario, load_file};
use kuayue::walkthrough::Action;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const SEEDS: &[&str] = &["hospital_appointment", "medical_insurance_payment", "zheliban_basics"];

/// Loads and checks one file the way `kuayue check` does.
pub fn check_file(path: &Path) -> Vec<Diagnostic> {
    let loaded = match load_file(path) {
        Ok(l) => l,
        Err(d) => return vec![d],
    };
    let project = Project::find_for(path).expect("the file sits in a project with locales/");
    let (catalog, mut diagnostics) = Catalog::load(&project.locales_dir());
    let glyphs = Glyphs::load(&repo().join("assets/fonts/NotoSansSC-kuayue.otf"));
    let ctx = Context { catalog: Some(&catalog), project: Some(&project), glyphs: glyphs.as_ref() };
    diagnostics.extend(check(&loaded, &ctx));
    diagnostics
}

pub fn seed(id: &str) -> Arc<Scenario> {
    let path = repo().join("scenarios").join(format!("{id}.ron"));
    Arc::new(load_file(&path).unwrap_or_else(|d| panic!("{id} does not load: {d:?}")).scenario)
}

/// The action that does exactly what `expect` asks.
pub fn doing(expect: &Expect) -> Action {
    match expect {
        Expect::Tap(id) => Action::Tap(id.clone()),
        Expect::TapStation(id) => Action::TapStation(id.clone()),
        Expect::Enter { field, value } => {
            Action::Enter { field: field.clone(), value: value.clone().unwrap_or_else(|| "abc".to_owned()) }
        }
        Expect::Choose { widget, option } => Action::Choose { widget: widget.clone(), option: option.clone() },
        Expect::Acknowledge => Action::Acknowledge,
    }
}

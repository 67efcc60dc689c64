//! A project's scenarios, loaded and checked: the one service behind
//! `kuayue check`, `kuayue play`, the app's choose screen, hot reload and the
//! titles in reports. Everything is checked against the project in use (its
//! message files, its voice clips) and the font the app draws with.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::{self, Context};
use super::project::{Project, scenario_files};
use super::{Loaded, Scenario, load_file};
use crate::diagnostic::{Code, Diagnostic};
use crate::glyphs::Glyphs;
use crate::i18n::{Catalog, Lang};
use crate::progress::content_hash;

/// The result of checking one file.
pub struct FileReport {
    pub file: PathBuf,
    pub loaded: Option<Loaded>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// The first error, if the file cannot be played.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}

/// The result of checking everything asked for.
pub struct Report {
    pub files: Vec<FileReport>,
    /// Problems in the project's message files, reported once.
    pub locale_diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn all(&self) -> impl Iterator<Item = &Diagnostic> {
        self.locale_diagnostics.iter().chain(self.files.iter().flat_map(|f| f.diagnostics.iter()))
    }

    pub fn errors(&self) -> usize {
        self.all().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.all().filter(|d| !d.is_error()).count()
    }

    /// 1 when anything is an error, else 0.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.errors() > 0)
    }
}

/// Checks the given files and folders (the project's `scenarios/` when empty)
/// against `project`'s words and clips and the font the app draws with.
pub fn check(project: &Project, paths: &[PathBuf]) -> Report {
    let (catalog, locale_diagnostics) = Catalog::load_dirs(&project.locales_dirs());
    check_with(project, &catalog, locale_diagnostics, paths)
}

/// [`check`] with message files already read (hot reload reads them once for both uses).
pub fn check_with(
    project: &Project,
    catalog: &Catalog,
    locale_diagnostics: Vec<Diagnostic>,
    paths: &[PathBuf],
) -> Report {
    let paths = if paths.is_empty() { project.scenarios_dirs() } else { paths.to_vec() };
    let glyphs = Glyphs::shipped();
    let ctx = Context { catalog: Some(catalog), project: Some(project), glyphs: Some(&glyphs) };
    let files = scenario_files(&paths).into_iter().map(|file| check_file(&file, &ctx)).collect();
    Report { files, locale_diagnostics }
}

fn check_file(file: &Path, ctx: &Context) -> FileReport {
    match load_file(file) {
        Err(d) => FileReport { file: file.to_owned(), loaded: None, diagnostics: vec![d] },
        Ok(loaded) => {
            let mut diagnostics = check::check(&loaded, ctx);
            if loaded.encoding.is_utf16() {
                // Read as it is; other tools may not manage, so say how to save it.
                diagnostics.insert(0, Diagnostic::new(Code::SavedAsUtf16, file.display().to_string()));
            }
            FileReport { file: file.to_owned(), loaded: Some(loaded), diagnostics }
        }
    }
}

/// A scenario that checks without errors, ready to play.
#[derive(Debug, Clone)]
pub struct Playable {
    pub scenario: Arc<Scenario>,
    pub file: PathBuf,
    /// [`content_hash`] of the file's bytes: tells versions apart in the records.
    pub hash: String,
}

/// A scenario file that cannot be played, and why (its first error).
#[derive(Debug, Clone)]
pub struct Unplayable {
    pub file: PathBuf,
    pub problem: Option<Diagnostic>,
}

/// The scenarios a project offers: those that play, and those that need fixing.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub ready: Vec<Playable>,
    pub broken: Vec<Unplayable>,
}

impl Library {
    /// Loads and checks the project's `scenarios/`.
    pub fn load(project: &Project) -> Library {
        Library::from_report(check(project, &[]))
    }

    /// Checks the project's `scenarios/` against message files already read.
    pub fn load_with(project: &Project, catalog: &Catalog) -> Library {
        Library::from_report(check_with(project, catalog, Vec::new(), &[]))
    }

    /// Sorts a check's files into playable and not.
    pub fn from_report(report: Report) -> Library {
        let mut library = Library::default();
        for file in report.files {
            let problem = file.first_error().cloned();
            match (file.loaded, problem) {
                (Some(loaded), None) => library.ready.push(Playable {
                    hash: content_hash(loaded.source.as_bytes()),
                    scenario: Arc::new(loaded.scenario),
                    file: file.file,
                }),
                (_, problem) => library.broken.push(Unplayable { file: file.file, problem }),
            }
        }
        library
    }

    /// The playable scenario `id`.
    pub fn get(&self, id: &str) -> Option<&Playable> {
        self.ready.iter().find(|p| p.scenario.id == id)
    }

    /// Each playable scenario's title in `lang` (id → title), from `catalog`.
    pub fn titles(&self, catalog: &Catalog, lang: Lang) -> HashMap<String, String> {
        let Some(locale) = catalog.locale(lang.tag()) else { return HashMap::new() };
        self.ready
            .iter()
            .filter_map(|p| Some((p.scenario.id.clone(), locale.get(&p.scenario.title, &Default::default())?)))
            .collect()
    }
}

/// Scenario titles in `lang` (id → title), read from `project`'s files: for
/// reports, which name scenarios by title wherever they are run from.
pub fn titles(project: &Project, lang: Lang) -> HashMap<String, String> {
    let (catalog, _) = Catalog::load_dirs(&project.locales_dirs());
    let Some(locale) = catalog.locale(lang.tag()) else { return HashMap::new() };
    scenario_files(&project.scenarios_dirs())
        .iter()
        .filter_map(|file| load_file(file).ok())
        .filter_map(|loaded| {
            let title = locale.get(&loaded.scenario.title, &Default::default())?;
            Some((loaded.scenario.id, title))
        })
        .collect()
}

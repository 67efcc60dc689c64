//! `kuayue check`: loads and checks scenario files and reports like a compiler.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::glyphs::Glyphs;
use crate::i18n::{Catalog, Messages};
use crate::scenario::check::{self, Context};
use crate::scenario::project::{self, Project};
use crate::scenario::{Loaded, load_file};

/// The result of checking one file.
pub struct FileReport {
    pub file: PathBuf,
    pub loaded: Option<Loaded>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of checking everything asked for.
pub struct Report {
    pub files: Vec<FileReport>,
    /// Problems in message files, reported once per project.
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

/// Loads each project's message files and font once.
#[derive(Default)]
struct Catalogs {
    by_root: HashMap<PathBuf, (Catalog, Option<Glyphs>)>,
    diagnostics: Vec<Diagnostic>,
}

impl Catalogs {
    fn get(&mut self, project: &Project) -> &(Catalog, Option<Glyphs>) {
        self.by_root.entry(project.root.clone()).or_insert_with(|| {
            let (catalog, diagnostics) = Catalog::load(&project.locales_dir());
            self.diagnostics.extend(diagnostics);
            (catalog, Glyphs::load(&project.font()))
        })
    }
}

/// Checks the given files and folders (the `scenarios/` folder when empty).
pub fn check_paths(paths: &[PathBuf]) -> Report {
    let paths = if paths.is_empty() { vec![PathBuf::from("scenarios")] } else { paths.to_vec() };
    let mut catalogs = Catalogs::default();
    let mut files = Vec::new();
    for file in project::scenario_files(&paths) {
        files.push(check_file(&file, &mut catalogs));
    }
    Report { files, locale_diagnostics: catalogs.diagnostics }
}

fn check_file(file: &Path, catalogs: &mut Catalogs) -> FileReport {
    match load_file(file) {
        Err(d) => FileReport { file: file.to_owned(), loaded: None, diagnostics: vec![d] },
        Ok(loaded) => {
            let project = Project::find_for(file);
            let loaded_words = project.as_ref().map(|p| catalogs.get(p));
            let catalog = loaded_words.map(|(c, _)| c);
            let glyphs = loaded_words.and_then(|(_, g)| g.as_ref());
            let ctx = Context { catalog, project: project.as_ref(), glyphs };
            let mut diagnostics = check::check(&loaded, &ctx);
            if project.is_none() {
                let dir = file.parent().unwrap_or(Path::new(".")).join("locales").display().to_string();
                diagnostics.push(Diagnostic::new(Code::NoLocales, file.display().to_string()).arg("found", dir));
            }
            FileReport { file: file.to_owned(), loaded: Some(loaded), diagnostics }
        }
    }
}

/// The report as text a person reads, like rustc.
pub fn render_text(report: &Report, paths: &[PathBuf], msg: &Messages) -> String {
    let mut out = String::new();
    for d in report.all() {
        out.push_str(&d.render(msg));
        out.push('\n');
    }
    if report.files.is_empty() {
        let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ");
        let shown = if shown.is_empty() { "scenarios".to_owned() } else { shown };
        out.push_str(&msg.get("check-no-files", &args(&[("path", &shown)])));
        out.push('\n');
    }
    let counts = [
        ("files", report.files.len().to_string()),
        ("errors", report.errors().to_string()),
        ("warnings", report.warnings().to_string()),
    ];
    let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    out.push_str(&msg.get("check-summary", &args(&counts)));
    out.push('\n');
    let verdict = if report.errors() > 0 { "check-has-errors" } else { "check-clean" };
    if !report.files.is_empty() {
        out.push_str(&msg.text(verdict));
        out.push('\n');
    }
    out
}

/// The report as JSON for tools and editors.
pub fn render_json(report: &Report, msg: &Messages) -> String {
    let diagnostics: Vec<serde_json::Value> = report.all().map(|d| d.to_json(msg)).collect();
    let value = serde_json::json!({
        "files": report.files.iter().map(|f| f.file.display().to_string()).collect::<Vec<_>>(),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "diagnostics": diagnostics,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn args(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// Why `kuayue play --step` cannot start there, in the trainer's language.
pub fn start_at_problem(problem: &crate::walkthrough::StartAt, msg: &Messages) -> String {
    use crate::walkthrough::StartAt;
    match problem {
        StartAt::NoSuchStep { found, steps } => {
            msg.get("play-no-such-step", &args(&[("found", found), ("steps", &steps.join(", "))]))
        }
        StartAt::Unreachable(found) => msg.get("play-unreachable-step", &args(&[("found", found)])),
    }
}

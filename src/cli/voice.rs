//! `kuayue voice`: makes the spoken clips that are missing or whose text
//! changed, for every language of the project in use, and says what it did.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use super::say;
use crate::i18n::{Catalog, Messages};
use crate::scenario::load_file;
use crate::scenario::project::{self, Project};
use crate::voice::{self, Line, Manifest, synth};

/// What was asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Scenario files or folders (default: the project's `scenarios/`).
    pub paths: Vec<PathBuf>,
    /// Only this language.
    pub locale: Option<String>,
    /// Remake every generated clip.
    pub force: bool,
    /// Say what would be done, change nothing.
    pub dry_run: bool,
    pub threads: usize,
}

/// Runs the request; the text to print, or why nothing could be done.
pub fn run(project: &Project, request: &Request, msg: &Messages) -> Result<String, String> {
    let started = Instant::now();
    let paths = if request.paths.is_empty() { vec![project.scenarios_dir()] } else { request.paths.clone() };
    let mut out = Vec::new();
    let mut scenarios = Vec::new();
    for file in project::scenario_files(&paths) {
        match load_file(&file) {
            Ok(loaded) => scenarios.push(loaded.scenario),
            Err(_) => out.push(say(msg, "voice-skipped-file", &[("file", &file.display().to_string())])),
        }
    }
    let (catalog, _) = Catalog::load_dirs(&project.locales_dirs());
    let refs: Vec<_> = scenarios.iter().collect();
    let all = voice::lines(&refs, &catalog);
    let mut by_locale: BTreeMap<&str, Vec<&Line>> = BTreeMap::new();
    for line in &all {
        by_locale.entry(&line.locale).or_default().push(line);
    }
    let mut failures = 0;
    for (locale, lines) in by_locale {
        if request.locale.as_deref().is_some_and(|l| l != locale) {
            continue;
        }
        let folder = project.voice_dir().join(locale);
        let manifest = Manifest::load(&folder).unwrap_or_else(|e| {
            out.push(say(
                msg,
                "voice-manifest-broken",
                &[("file", &Manifest::path(&folder).display().to_string()), ("reason", &e)],
            ));
            Manifest::default()
        });
        let plan = synth::plan(project, locale, &lines, &manifest, request.force);
        let ids = |v: &[Line]| v.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", ");
        if !plan.rerecord.is_empty() {
            out.push(say(
                msg,
                "voice-rerecord",
                &[("locale", locale), ("count", &plan.rerecord.len().to_string()), ("ids", &ids(&plan.rerecord))],
            ));
        }
        if request.dry_run {
            out.push(say(
                msg,
                "voice-would",
                &[
                    ("locale", locale),
                    ("make", &plan.make.len().to_string()),
                    ("adopt", &plan.adopt.len().to_string()),
                    ("current", &plan.up_to_date.to_string()),
                ],
            ));
            continue;
        }
        let made = synth::carry_out(project, locale, &plan, manifest, request.threads).map_err(|e| e.to_string())?;
        for (id, reason) in &made.failed {
            out.push(say(msg, "voice-failed", &[("id", id), ("reason", reason)]));
        }
        failures += made.failed.len();
        let removed = plan.unused.iter().filter(|(_, by)| *by == voice::manifest::Maker::Generated).count();
        out.push(say(
            msg,
            "voice-done",
            &[
                ("locale", locale),
                ("made", &made.made.to_string()),
                ("adopt", &plan.adopt.len().to_string()),
                ("current", &plan.up_to_date.to_string()),
                ("removed", &removed.to_string()),
            ],
        ));
    }
    out.push(say(msg, "voice-time", &[("seconds", &format!("{:.1}", started.elapsed().as_secs_f32()))]));
    let text = out.join("\n");
    if failures > 0 { Err(text) } else { Ok(text) }
}

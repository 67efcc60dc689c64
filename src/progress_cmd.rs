//! The `kuayue export` and `kuayue stats` commands: the store read from the
//! terminal, for a trainer who reports upward.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Catalog, Lang, Messages};
use crate::progress::export::{self, Export, Format, HARD_STEP_COLUMNS, LEARNER_COLUMNS, SCENARIO_COLUMNS};
use crate::progress::{Notice, Period, Store, stats};
use crate::scenario::project::{Project, scenario_files};

/// Where the centre's home page is kept in the store's settings (xAPI account home page).
pub const HOME_PAGE_KEY: &str = "centre-home-page";
pub const DEFAULT_HOME_PAGE: &str = "https://kuayue.example/centre";

/// Opens the store for a command, printing what opening it repaired.
pub fn open_store(dir: &Path, msg: &Messages) -> Result<Store, String> {
    let opened = Store::open(dir).map_err(|e| e.to_string())?;
    for notice in &opened.notices {
        eprintln!("{}", notice_text(notice, msg));
    }
    Ok(opened.store)
}

/// A notice in plain words for the trainer.
pub fn notice_text(notice: &Notice, msg: &Messages) -> String {
    use std::collections::BTreeMap;
    match notice {
        Notice::KeptAside { kept, .. } => {
            msg.get("store-kept-aside", &BTreeMap::from([("file".to_owned(), kept.display().to_string())]))
        }
        Notice::Interrupted { attempts } => {
            msg.get("store-interrupted", &BTreeMap::from([("count".to_owned(), attempts.to_string())]))
        }
    }
}

/// Scenario titles in `lang`, read from `scenarios/` and `locales/` under `root`.
pub fn titles(root: &Path, lang: Lang) -> HashMap<String, String> {
    let project = Project::at(root);
    let (catalog, _) = Catalog::load(&project.locales_dir());
    let Some(locale) = catalog.locale(lang.tag()) else { return HashMap::new() };
    scenario_files(&[project.scenarios_dir()])
        .iter()
        .filter_map(|file| crate::scenario::load_file(file).ok())
        .filter_map(|loaded| {
            let title = locale.get(&loaded.scenario.title, &Default::default())?;
            Some((loaded.scenario.id, title))
        })
        .collect()
}

/// What `kuayue export` asked for.
pub struct ExportRequest {
    pub format: Format,
    pub period: Period,
    pub anonymize: bool,
    pub out: PathBuf,
}

/// What an export or a summary reads: the period's attempts, the learners, the
/// store's salt and home page, and the scenario titles and words in `lang`.
struct Snapshot {
    attempts: Vec<crate::progress::Attempt>,
    learners: Vec<crate::progress::Learner>,
    salt: String,
    home_page: String,
    titles: HashMap<String, String>,
    msg: Messages,
}

impl Snapshot {
    fn read(store: &Store, period: Period, lang: Lang, root: &Path) -> Result<Snapshot, String> {
        Ok(Snapshot {
            attempts: store.attempts(period).map_err(|e| e.to_string())?,
            learners: store.learners().map_err(|e| e.to_string())?,
            salt: store.salt().map_err(|e| e.to_string())?,
            home_page: store.setting(HOME_PAGE_KEY).ok().flatten().unwrap_or_else(|| DEFAULT_HOME_PAGE.to_owned()),
            titles: titles(root, lang),
            msg: Messages::embedded(lang),
        })
    }

    /// Local times in this computer's time zone.
    fn export(&self, anonymize: bool) -> Export<'_> {
        Export {
            attempts: &self.attempts,
            learners: &self.learners,
            titles: &self.titles,
            msg: &self.msg,
            tz: jiff::tz::TimeZone::system(),
            anonymize,
            salt: &self.salt,
            home_page: &self.home_page,
        }
    }
}

/// Runs an export and says what it wrote.
pub fn run_export(store: &Store, request: &ExportRequest, lang: Lang, root: &Path) -> Result<String, String> {
    let snapshot = Snapshot::read(store, request.period, lang, root)?;
    let count =
        export::write(request.format, &snapshot.export(request.anonymize), &request.out).map_err(|e| e.to_string())?;
    Ok(format!("{count} attempts → {}", request.out.display()))
}

/// Pads `text` to `width` terminal columns (CJK characters count two).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..headers.len())
        .map(|c| rows.iter().map(|r| r[c].width()).chain([headers[c].width()]).max().unwrap_or(0))
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(headers);
    out.push_str(&line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// The summary `kuayue stats` prints: per scenario, per learner, the hardest steps.
pub fn render_stats(store: &Store, period: Period, lang: Lang, root: &Path) -> Result<String, String> {
    let snapshot = Snapshot::read(store, period, lang, root)?;
    let (attempts, learners, msg) = (&snapshot.attempts, &snapshot.learners, &snapshot.msg);
    if attempts.is_empty() {
        return Ok(format!("{}\n", msg.text("stats-empty")));
    }
    let export = snapshot.export(false);
    let headers = |ids: &[&str]| ids.iter().map(|id| msg.text(id)).collect::<Vec<_>>();
    let minutes = |m: Option<f64>| m.map(|m| format!("{:.1}", m)).unwrap_or_else(|| "–".to_owned());

    let mut out = format!("{}\n", msg.text("summary-by-scenario"));
    let rows: Vec<Vec<String>> = stats::by_scenario(attempts)
        .iter()
        .map(|s| {
            vec![
                export.title(&s.scenario),
                s.attempts.to_string(),
                s.completed.to_string(),
                format!("{:.0}%", s.completion_rate() * 100.0),
                minutes(s.median_minutes),
                s.learners.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(&headers(SCENARIO_COLUMNS), &rows));

    out.push_str(&format!("\n{}\n", msg.text("summary-by-learner")));
    let rows: Vec<Vec<String>> = stats::by_learner(attempts, learners)
        .iter()
        .map(|l| {
            let who = export.who(l.learner);
            vec![
                who.name,
                who.group,
                l.attempts.to_string(),
                l.scenarios_completed.to_string(),
                export.local_time(l.last_practice),
            ]
        })
        .collect();
    out.push_str(&table(&headers(&LEARNER_COLUMNS[..5]), &rows));

    out.push_str(&format!("\n{}\n", msg.text("summary-hard-steps")));
    let rows: Vec<Vec<String>> = stats::struggles(attempts)
        .iter()
        .take(5)
        .map(|s| {
            vec![
                export.title(&s.scenario),
                s.step.clone(),
                s.reached.to_string(),
                s.wrong_actions.to_string(),
                s.hints.to_string(),
                s.skips.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(&headers(&HARD_STEP_COLUMNS[..6]), &rows));
    Ok(out)
}

//! `kuayue export` and `kuayue stats`: the store read from the terminal, for
//! a trainer who reports upward. The reading and writing are core services
//! (`progress::report`); this file only words them.

use std::collections::HashMap;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Messages};
use crate::progress::export::{HARD_STEP_COLUMNS, LEARNER_COLUMNS, SCENARIO_COLUMNS};
use crate::progress::report::{self, ExportRequest, Snapshot};
use crate::progress::{Period, Store, stats};

/// Opens the store for a command, printing what opening it repaired.
pub fn open_store(dir: &Path, msg: &Messages) -> Result<Store, String> {
    let opened = Store::open(dir).map_err(|e| e.to_string())?;
    for notice in &opened.notices {
        eprintln!("{}", report::notice_text(notice, msg));
    }
    Ok(opened.store)
}

/// Runs an export and says what it wrote.
pub fn export(
    store: &Store,
    request: &ExportRequest,
    lang: Lang,
    titles: HashMap<String, String>,
) -> Result<String, String> {
    let done = report::run_export(store, request, lang, titles).map_err(|e| e.to_string())?;
    Ok(format!("{} attempts → {}", done.attempts, done.file.display()))
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
pub fn render_stats(
    store: &Store,
    period: Period,
    lang: Lang,
    titles: HashMap<String, String>,
) -> Result<String, String> {
    let snapshot = Snapshot::read(store, period, lang, titles).map_err(|e| e.to_string())?;
    let msg = &Messages::embedded(lang);
    let (attempts, learners) = (&snapshot.attempts, &snapshot.learners);
    if attempts.is_empty() {
        return Ok(format!("{}\n", msg.text("stats-empty")));
    }
    let export = snapshot.export(msg, false);
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

//! Exports a centre can open in Excel or send to a learning record store:
//! CSV (UTF-8 with BOM), XLSX (summary, attempts, steps) and xAPI 1.0.3 JSON.
//!
//! Every export is written to a temporary file next to the target and renamed
//! into place, so a failed export never leaves half a file behind.

mod csv;
mod xapi;
mod xlsx;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;

use super::model::{Attempt, Learner, LearnerId, Millis, Outcome, TrapOutcome};
use crate::i18n::Messages;

pub use xapi::{ACTIVITY_BASE, attempt_bodies, statement_id, statements, voiding, voiding_id};

/// The formats `kuayue export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Xapi,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Xapi => "json",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("writing the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("writing CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

/// What an export shows, and how.
pub struct Export<'a> {
    pub attempts: &'a [Attempt],
    pub learners: &'a [Learner],
    /// Scenario id → title in the export's language (ids without a title show the id).
    pub titles: &'a HashMap<String, String>,
    /// Headers, outcomes and names in the UI language.
    pub msg: &'a Messages,
    /// Local times are shown in this zone (xAPI uses UTC).
    pub tz: TimeZone,
    /// Names become stable pseudonyms.
    pub anonymize: bool,
    /// The store's salt: pseudonyms are stable within a centre, not guessable elsewhere.
    pub salt: &'a str,
    /// The centre's home page, the `homePage` of xAPI accounts.
    pub home_page: &'a str,
}

/// The summary tables' columns (message ids), shared by the workbook's summary
/// sheet and `kuayue stats` (which prints the first few of the longer ones).
pub const SCENARIO_COLUMNS: &[&str] = &[
    "col-scenario-title",
    "col-attempts",
    "col-completed",
    "col-completion-rate",
    "col-median-minutes",
    "col-learners",
];
pub const LEARNER_COLUMNS: &[&str] = &[
    "col-learner",
    "col-group",
    "col-attempts",
    "col-scenarios-completed",
    "col-last-practice",
    "col-scenario-title",
    "col-first-minutes",
    "col-latest-minutes",
];
pub const HARD_STEP_COLUMNS: &[&str] =
    &["col-scenario-title", "col-step", "col-attempts", "col-wrong", "col-hints", "col-skipped", "col-struggle"];

/// How a learner appears in an export.
pub struct Who {
    pub name: String,
    pub group: String,
    /// Pseudonymous, stable id (never the name): xAPI account names and pseudonyms.
    pub account: String,
}

impl Export<'_> {
    pub fn who(&self, learner: Option<LearnerId>) -> Who {
        let Some(learner) = learner.and_then(|id| self.learners.iter().find(|l| l.id == id)) else {
            return Who { name: self.msg.text("guest"), group: String::new(), account: "guest".to_owned() };
        };
        let account = pseudonym_id(self.salt, &learner.uid);
        let name = if self.anonymize {
            self.msg.get("pseudonym", &BTreeMap::from([("id".to_owned(), account.clone())]))
        } else {
            learner.name.clone()
        };
        Who { name, group: learner.group.clone().unwrap_or_default(), account }
    }

    pub fn title(&self, scenario: &str) -> String {
        self.titles.get(scenario).cloned().unwrap_or_else(|| scenario.to_owned())
    }

    /// `2026-11-29 14:05:09` in the export's time zone.
    pub fn local_time(&self, at: Millis) -> String {
        // Written out by hand: a million-row export calls this twice per row.
        let Ok(t) = jiff::Timestamp::from_millisecond(at) else { return String::new() };
        let d = self.tz.to_offset(t).to_datetime(t);
        format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", d.year(), d.month(), d.day(), d.hour(), d.minute(), d.second())
    }

    /// The same moment as an Excel date-time serial number (days since 1899-12-30, local time).
    pub fn excel_time(&self, at: Millis) -> f64 {
        let Ok(t) = jiff::Timestamp::from_millisecond(at) else { return 0.0 };
        let local_ms = at + i64::from(self.tz.to_offset(t).seconds()) * 1000;
        local_ms as f64 / 86_400_000.0 + 25_569.0
    }

    pub fn outcome(&self, outcome: Outcome) -> String {
        self.msg.text(&format!("outcome-{}", outcome.as_str().replace('_', "-")))
    }

    /// The scam-trap result of an attempt, if it had a trap.
    pub fn trap(&self, attempt: &Attempt) -> String {
        let traps: Vec<TrapOutcome> = attempt.steps.iter().filter_map(|s| s.record.trap).collect();
        if traps.contains(&TrapOutcome::FellFor) {
            self.msg.text("trap-fell-for")
        } else if traps.contains(&TrapOutcome::Refused) {
            self.msg.text("trap-refused")
        } else {
            String::new()
        }
    }

    pub fn yes_no(&self, yes: bool) -> String {
        self.msg.text(if yes { "yes" } else { "no" })
    }
}

/// Eight hex digits that stand for a learner: the same in every export from one store.
pub fn pseudonym_id(salt: &str, uid: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{salt}:{uid}").as_bytes());
    digest.iter().take(4).map(|b| format!("{b:02x}")).collect()
}

/// Minutes with one decimal, as a trainer reads them.
pub fn minutes(secs: Option<f64>) -> Option<f64> {
    secs.map(|s| one_decimal(s / 60.0))
}

pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Writes `export` as `format` to `path`, atomically. Returns how many attempts it holds.
pub fn write(format: Format, export: &Export, path: &Path) -> Result<usize, ExportError> {
    let io = |source| ExportError::Io { path: path.to_owned(), source };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let result = match format {
        Format::Csv => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&temp).map_err(io)?);
            csv::write(export, &mut file).and_then(|()| file.flush().map_err(io))
        }
        Format::Xapi => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&temp).map_err(io)?);
            xapi::write(export, &mut file).and_then(|()| file.flush().map_err(io))
        }
        Format::Xlsx => xlsx::workbook(export).and_then(|mut book| Ok(book.save(&temp)?)),
    };
    if let Err(e) = result {
        std::fs::remove_file(&temp).ok();
        return Err(e);
    }
    std::fs::rename(&temp, path).map_err(io)?;
    Ok(export.attempts.len())
}

fn parse_date(date: &str) -> Result<jiff::civil::Date, String> {
    date.trim().parse().map_err(|e| format!("`{date}` is not a date like 2026-11-01: {e}"))
}

fn midnight(date: jiff::civil::Date, tz: &TimeZone) -> Result<Millis, String> {
    date.to_zoned(tz.clone()).map(|z| z.timestamp().as_millisecond()).map_err(|e| e.to_string())
}

/// Reads `2026-11-01` as the start of that day in `tz` (for `--since`).
pub fn start_of_day(date: &str, tz: &TimeZone) -> Result<Millis, String> {
    midnight(parse_date(date)?, tz)
}

/// Reads `2026-11-30` as the start of the next day in `tz`, so `--until` includes its whole day.
pub fn end_of_day(date: &str, tz: &TimeZone) -> Result<Millis, String> {
    midnight(parse_date(date)?.tomorrow().map_err(|e| e.to_string())?, tz)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::progress::model::{AttemptId, StepRecord, StepRow};

    /// Two learners and a guest: a completed attempt with a refused trap, one left early, one interrupted.
    pub fn sample() -> (Vec<Attempt>, Vec<Learner>) {
        let learners = vec![
            Learner {
                id: LearnerId(1),
                uid: "uid-1".into(),
                name: "王阿姨".into(),
                group: Some("一班".into()),
                colour: "#fff".into(),
            },
            Learner {
                id: LearnerId(2),
                uid: "uid-2".into(),
                name: "Bob, \"Jr\"".into(),
                group: None,
                colour: "#fff".into(),
            },
        ];
        let step = |name: &str, ended: Millis, wrong, hint, trap| {
            let record = StepRecord {
                step: name.to_owned(),
                duration_secs: 30.0,
                wrong_actions: wrong,
                highest_hint: hint,
                skipped: false,
                trap,
                branch: None,
            };
            StepRow::new(ended - 30_000, ended, record)
        };
        let start = 1_764_400_000_000; // 2025-11-29 07:06:40 UTC
        let attempts = vec![
            Attempt {
                id: AttemptId(1),
                uid: "6f1c1d2e-0000-4000-8000-000000000001".into(),
                learner: Some(LearnerId(1)),
                scenario: "medical_insurance_payment".into(),
                scenario_hash: "0123456789abcdef".into(),
                lang: "zh-CN".into(),
                started: start,
                ended: Some(start + 90_000),
                outcome: Outcome::Completed,
                total_secs: Some(90.0),
                steps: vec![
                    step("open", start + 30_000, 0, 0, None),
                    step("sms", start + 90_000, 2, 1, Some(TrapOutcome::Refused)),
                ],
            },
            Attempt {
                id: AttemptId(2),
                uid: "6f1c1d2e-0000-4000-8000-000000000002".into(),
                learner: Some(LearnerId(2)),
                scenario: "hospital_appointment".into(),
                scenario_hash: "fedcba9876543210".into(),
                lang: "en-US".into(),
                started: start + 100_000,
                ended: Some(start + 130_000),
                outcome: Outcome::Abandoned,
                total_secs: Some(30.0),
                steps: vec![step("open", start + 130_000, 4, 3, None)],
            },
            Attempt {
                id: AttemptId(3),
                uid: "6f1c1d2e-0000-4000-8000-000000000003".into(),
                learner: None,
                scenario: "hospital_appointment".into(),
                scenario_hash: "fedcba9876543210".into(),
                lang: "zh-CN".into(),
                started: start + 200_000,
                ended: Some(start + 200_000),
                outcome: Outcome::Interrupted,
                total_secs: Some(0.0),
                steps: vec![],
            },
        ];
        (attempts, learners)
    }

    pub fn export<'a>(
        attempts: &'a [Attempt],
        learners: &'a [Learner],
        titles: &'a HashMap<String, String>,
        msg: &'a Messages,
        anonymize: bool,
    ) -> Export<'a> {
        Export {
            attempts,
            learners,
            titles,
            msg,
            tz: TimeZone::get("Asia/Shanghai").unwrap_or(TimeZone::UTC),
            anonymize,
            salt: "salt",
            home_page: "https://centre.example/",
        }
    }

    #[test]
    fn pseudonyms_are_stable_per_salt_and_hide_the_name() {
        let (attempts, learners) = sample();
        let titles = HashMap::new();
        let msg = Messages::embedded(Lang::ZhCn);
        let plain = export(&attempts, &learners, &titles, &msg, false);
        let hidden = export(&attempts, &learners, &titles, &msg, true);
        assert_eq!(plain.who(Some(LearnerId(1))).name, "王阿姨");
        let who = hidden.who(Some(LearnerId(1)));
        assert_eq!(who.name, format!("学员-{}", who.account));
        assert_eq!(who.account, pseudonym_id("salt", "uid-1"));
        assert_ne!(pseudonym_id("other", "uid-1"), who.account);
        assert_eq!(hidden.who(None).name, "访客");
    }

    #[test]
    fn dates_are_read_in_the_centres_time_zone() {
        let tz = TimeZone::get("Asia/Shanghai").unwrap();
        let ms = start_of_day("2026-11-01", &tz).unwrap();
        assert_eq!(jiff::Timestamp::from_millisecond(ms).unwrap().to_string(), "2026-10-31T16:00:00Z");
        assert_eq!(end_of_day("2026-10-31", &tz).unwrap(), ms);
        assert!(start_of_day("1 Nov", &tz).unwrap_err().contains("2026-11-01"));
    }
}

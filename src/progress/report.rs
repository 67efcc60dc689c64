//! What a centre reads out of the store: notices in plain words, and exports
//! built from one [`Snapshot`] of the period asked for. Used alike by
//! `kuayue export`/`stats` and by the trainer's corner; titles come from the
//! project in use (never guessed from the current folder).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::export::{self, Export, ExportError, Format};
use super::{Attempt, Learner, Notice, Period, Store, StoreError};
use crate::i18n::{Lang, Messages};

/// Where the centre's home page is kept in the store's settings (xAPI account home page).
pub const HOME_PAGE_KEY: &str = "centre-home-page";
pub const DEFAULT_HOME_PAGE: &str = "https://kuayue.example/centre";

/// The centre's address in statements: the one the city office gave
/// (`kuayue sync --centre`), else one made from this store's salt, so two
/// centres that set none are still told apart.
pub fn home_page(set: Option<String>, salt: &str) -> String {
    set.filter(|p| !p.trim().is_empty()).unwrap_or_else(|| {
        use sha2::{Digest, Sha256};
        let code: String =
            Sha256::digest(format!("centre:{salt}")).iter().take(4).map(|b| format!("{b:02x}")).collect();
        format!("{DEFAULT_HOME_PAGE}/{code}")
    })
}

/// A notice about the store in plain words for the trainer.
pub fn notice_text(notice: &Notice, msg: &Messages) -> String {
    match notice {
        Notice::KeptAside { kept, .. } => {
            msg.get("store-kept-aside", &BTreeMap::from([("file".to_owned(), kept.display().to_string())]))
        }
        Notice::Interrupted { attempts } => {
            msg.get("store-interrupted", &BTreeMap::from([("count".to_owned(), attempts.to_string())]))
        }
    }
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// What an export or a summary reads: the period's attempts, the learners, the
/// store's salt and home page, and the scenario titles in `lang`. It owns its
/// data, so it can be written out on another thread than the one that read it.
pub struct Snapshot {
    pub attempts: Vec<Attempt>,
    pub learners: Vec<Learner>,
    pub salt: String,
    pub home_page: String,
    pub titles: HashMap<String, String>,
    pub lang: Lang,
}

impl Snapshot {
    /// Reads `period` from `store`; `titles` are the scenario titles in `lang`
    /// (scenario id → title) from the project in use.
    pub fn read(
        store: &Store,
        period: Period,
        lang: Lang,
        titles: HashMap<String, String>,
    ) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            attempts: store.attempts(period)?,
            learners: store.learners()?,
            salt: store.salt()?,
            home_page: store.home_page()?,
            titles,
            lang,
        })
    }

    /// The export's view of the snapshot, in this computer's time zone, with `msg` for its words.
    pub fn export<'a>(&'a self, msg: &'a Messages, anonymize: bool) -> Export<'a> {
        Export {
            attempts: &self.attempts,
            learners: &self.learners,
            titles: &self.titles,
            msg,
            tz: jiff::tz::TimeZone::system(),
            anonymize,
            salt: &self.salt,
            home_page: &self.home_page,
        }
    }

    /// Writes the export to `out` (atomically); how many attempts it holds.
    pub fn write(&self, format: Format, anonymize: bool, out: &Path) -> Result<usize, ExportError> {
        let msg = Messages::embedded(self.lang);
        export::write(format, &self.export(&msg, anonymize), out)
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub format: Format,
    pub period: Period,
    pub anonymize: bool,
    pub out: PathBuf,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub attempts: usize,
    pub file: PathBuf,
}

/// Reads and writes an export in one go (the command line's way; the app reads
/// on its thread and writes on another).
pub fn run_export(
    store: &Store,
    request: &ExportRequest,
    lang: Lang,
    titles: HashMap<String, String>,
) -> Result<Exported, ReportError> {
    let snapshot = Snapshot::read(store, request.period, lang, titles)?;
    let attempts = snapshot.write(request.format, request.anonymize, &request.out)?;
    Ok(Exported { attempts, file: request.out.clone() })
}

/// Where the app saves exports, certificates and screenshots: next to the data
/// when `KUAYUE_DATA_DIR` chose a folder (a portable install, a test), else
/// Documents/kuayue, else the data folder.
pub fn output_dir() -> PathBuf {
    if std::env::var_os("KUAYUE_DATA_DIR").is_some_and(|d| !d.is_empty()) {
        return Store::default_dir().join("exports");
    }
    directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(|p| p.join("kuayue")))
        .unwrap_or_else(|| Store::default_dir().join("exports"))
}

/// A file name for an export made now: `kuayue-<date>-<time>.<ext>`.
pub fn export_file_name(format: Format, now: &jiff::Zoned) -> String {
    format!("kuayue-{}.{}", now.strftime("%Y%m%d-%H%M%S"), format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_uses_the_titles_it_is_given() {
        let store = Store::in_memory().unwrap();
        let new = crate::progress::NewAttempt {
            learner: None,
            scenario: "pay".into(),
            scenario_hash: "h".into(),
            lang: "en-US".into(),
            started: 1_764_400_000_000,
            title: None,
        };
        let id = store.start_attempt(&new).unwrap();
        store.finish_attempt(id, crate::progress::Outcome::Completed, 1_764_400_060_000).unwrap();
        let out = std::env::temp_dir().join(format!("kuayue-report-{}.csv", std::process::id()));
        let request = ExportRequest { format: Format::Csv, period: Period::default(), anonymize: false, out };
        let titles = HashMap::from([("pay".to_owned(), "Pay a bill".to_owned())]);
        let done = run_export(&store, &request, Lang::EnUs, titles).unwrap();
        assert_eq!(done.attempts, 1);
        let text = std::fs::read_to_string(&done.file).unwrap();
        assert!(text.contains(",pay,Pay a bill,"), "the id, then its title: {text}");
        std::fs::remove_file(&done.file).ok();
    }
}

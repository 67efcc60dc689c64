//! The scenarios the app can offer: every file in `scenarios/` that loads and
//! checks without errors, and a clear card for each one that does not.

use std::sync::Arc;

use bevy::prelude::*;

use crate::check_cmd;
use crate::diagnostic::Diagnostic;
use crate::i18n::Messages;
use crate::scenario::Scenario;
use crate::scenario::project::Project;

/// A scenario file that cannot be played, said plainly for the trainer.
#[derive(Debug, Clone)]
pub struct BrokenCard {
    pub file: String,
    /// `line:col`, when known.
    pub place: Option<String>,
    pub problem: String,
    pub fix: String,
}

#[derive(Resource, Default)]
pub struct Library {
    pub ready: Vec<Arc<Scenario>>,
    pub broken: Vec<BrokenCard>,
}

impl BrokenCard {
    /// A file's first problem, said in the app's language.
    pub fn from_diagnostic(file: &std::path::Path, d: &Diagnostic, msg: &Messages) -> BrokenCard {
        BrokenCard {
            file: file.display().to_string(),
            place: d.line_col().map(|(l, c)| format!("{l}:{c}")),
            problem: format!("[{}] {}", d.code, d.message(msg)),
            fix: d.help(msg),
        }
    }
}

impl Library {
    /// Loads the project's scenarios folder, explaining problems in the app's language.
    pub fn load(project: &Project, msg: &Messages) -> Library {
        let report = check_cmd::check_paths(&[project.scenarios_dir()]);
        let mut library = Library::default();
        for file in report.files {
            let first_error = file.diagnostics.iter().find(|d| d.is_error());
            match (file.loaded, first_error) {
                (Some(loaded), None) => library.ready.push(Arc::new(loaded.scenario)),
                (_, error) => {
                    let card = match error {
                        Some(d) => BrokenCard::from_diagnostic(&file.file, d, msg),
                        None => BrokenCard {
                            file: file.file.display().to_string(),
                            place: None,
                            problem: String::new(),
                            fix: String::new(),
                        },
                    };
                    warn!("scenario {} cannot be played: {} {}", card.file, card.problem, card.fix);
                    library.broken.push(card);
                }
            }
        }
        info!("{} scenarios ready, {} need fixing", library.ready.len(), library.broken.len());
        library
    }
}

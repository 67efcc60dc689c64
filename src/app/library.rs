//! The scenarios the app can offer, as a resource: the core's [`Library`] of
//! the project in use (every file that loads and checks without errors, and
//! each one that does not), and its problems said plainly for the trainer.

use std::sync::Arc;

use bevy::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::i18n::{Catalog, Messages};
use crate::scenario::Scenario;
use crate::scenario::library::{self, Playable, Unplayable};
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

impl BrokenCard {
    /// A file's problem, said in the app's language.
    pub fn from_diagnostic(file: &std::path::Path, d: &Diagnostic, msg: &Messages) -> BrokenCard {
        BrokenCard {
            file: file.display().to_string(),
            place: d.line_col().map(|(l, c)| format!("{l}:{c}")),
            problem: format!("[{}] {}", d.code, d.message(msg)),
            fix: d.help(msg),
        }
    }

    /// A file that cannot be played, said in the app's language.
    pub fn from_unplayable(broken: &Unplayable, msg: &Messages) -> BrokenCard {
        match &broken.problem {
            Some(d) => BrokenCard::from_diagnostic(&broken.file, d, msg),
            None => BrokenCard {
                file: broken.file.display().to_string(),
                place: None,
                problem: String::new(),
                fix: String::new(),
            },
        }
    }
}

/// The project's scenarios (the core's library, loaded and checked once, and again on a change).
#[derive(Resource, Default, Debug, Clone)]
pub struct Library(pub library::Library);

impl Library {
    /// Loads and checks the project's `scenarios/`.
    pub fn load(project: &Project) -> Library {
        Library::told(library::Library::load(project))
    }

    /// Checks the project's `scenarios/` against message files already read.
    pub fn load_with(project: &Project, catalog: &Catalog) -> Library {
        Library::told(library::Library::load_with(project, catalog))
    }

    /// The core's library, with each file that cannot be played logged; the scenarios that play
    /// in the course's order (by module, then their `order`; see [`crate::scenario::course`]).
    pub fn told(mut library: library::Library) -> Library {
        library.ready.sort_by_cached_key(|p| crate::scenario::course::place(&*p.scenario));
        for broken in &library.broken {
            let code = broken.problem.as_ref().map(|d| d.code.to_string()).unwrap_or_default();
            warn!("scenario {} cannot be played: [{code}]", broken.file.display());
        }
        info!("{} scenarios ready, {} need fixing", library.ready.len(), library.broken.len());
        Library(library)
    }

    /// The scenarios that play, in the course's order.
    pub fn ready(&self) -> impl Iterator<Item = &Arc<Scenario>> {
        self.0.ready.iter().map(|p: &Playable| &p.scenario)
    }
}

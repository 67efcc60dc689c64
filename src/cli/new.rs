//! `kuayue new <id>`: words around the template service — what was written and
//! what to change next, or why nothing was written.

use super::say;
use crate::i18n::Messages;
use crate::scenario::project::Project;
use crate::scenario::template::{NotCreated, create};

/// Writes the new scenario; the text to print, or why nothing was written.
pub fn run(project: &Project, id: &str, today: &str, msg: &Messages) -> Result<String, String> {
    match create(project, id, today) {
        Ok(files) => {
            // Short paths when working in the project; whole ones otherwise (an installed
            // copy writes into the centre's own folder, wherever the trainer stands).
            let here = std::env::current_dir().ok().and_then(|d| dunce::canonicalize(d).ok());
            let base = dunce::canonicalize(&project.root).ok().filter(|root| here.as_ref() == Some(root));
            let shown: Vec<String> = files
                .iter()
                .map(|f| base.as_ref().and_then(|b| f.strip_prefix(b).ok()).unwrap_or(f).display().to_string())
                .collect();
            Ok(say(msg, "new-done", &[("id", id), ("ron", &shown[0]), ("zh", &shown[1]), ("en", &shown[2])]))
        }
        Err(NotCreated::BadId) => Err(say(msg, "new-bad-id", &[("found", id)])),
        Err(NotCreated::Exists(file)) => Err(say(msg, "new-exists", &[("file", &file.display().to_string())])),
        Err(NotCreated::CannotWrite { file, reason }) => {
            Err(say(msg, "new-cannot-write", &[("file", &file.display().to_string()), ("reason", &reason)]))
        }
    }
}

//! The words on screen: the app's own messages and the scenarios' message files,
//! in the chosen language.

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::i18n::{Catalog, Lang, Messages};
use crate::scenario::project::Project;

/// Everything the screens need to turn message ids into text.
#[derive(Resource)]
pub struct Words {
    pub lang: Lang,
    pub app: Messages,
    pub scenarios: Catalog,
}

impl Words {
    /// The app's words and the project's message files in `lang`.
    pub fn load(lang: Lang, project: &Project) -> Words {
        let (scenarios, problems) = Catalog::load_dirs(&project.locales_dirs());
        Words::read(lang, scenarios, &problems)
    }

    /// The app's words and message files already read, their problems logged.
    pub fn read(lang: Lang, scenarios: Catalog, problems: &[crate::diagnostic::Diagnostic]) -> Words {
        for p in problems {
            warn!("message file problem {} in {}", p.code, p.file);
        }
        Words { lang, app: Messages::embedded(lang), scenarios }
    }

    /// A scenario message, or its id when missing (the checker reports that case).
    pub fn say(&self, id: &str) -> String {
        self.scenarios
            .locale(self.lang.tag())
            .and_then(|l| l.get(id, &BTreeMap::new()))
            .unwrap_or_else(|| id.to_owned())
    }

    /// An app message.
    pub fn ui(&self, id: &str) -> String {
        self.app.text(id)
    }

    /// An app message with one argument.
    pub fn ui_with(&self, id: &str, name: &str, value: impl ToString) -> String {
        self.app.get(id, &BTreeMap::from([(name.to_owned(), value.to_string())]))
    }
}

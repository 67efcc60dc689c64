//! A new scenario from a small template that checks clean: its file and its
//! Chinese and English words, written into a project (`kuayue new`).

use std::path::PathBuf;

use super::check::valid_id;
use super::project::Project;

const SCENARIO: &str = include_str!("template/scenario.ron");
const WORDS: &[(&str, &str)] =
    &[("zh-CN", include_str!("template/zh-CN.ftl")), ("en-US", include_str!("template/en-US.ftl"))];

/// Why nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCreated {
    /// The id is not lowercase letters, digits and `_`, starting with a letter.
    BadId,
    /// One of the files is already there (nothing is ever overwritten).
    Exists(PathBuf),
    /// A file could not be written.
    CannotWrite { file: PathBuf, reason: String },
}

/// The files a new scenario `id` consists of, in `project`: the scenario, then its zh-CN and en-US words.
pub fn files_for(project: &Project, id: &str) -> Vec<PathBuf> {
    let mut files = vec![project.scenario_file(id)];
    files.extend(WORDS.iter().map(|(tag, _)| project.locales_dir().join(tag).join(format!("{id}.ftl"))));
    files
}

/// Writes the new scenario `id` into `project` (dated `today`); the files written.
/// Never overwrites: if any of the files exists, nothing is written.
pub fn create(project: &Project, id: &str, today: &str) -> Result<Vec<PathBuf>, NotCreated> {
    if !valid_id(id) {
        return Err(NotCreated::BadId);
    }
    let files = files_for(project, id);
    if let Some(existing) = files.iter().find(|f| f.exists()) {
        return Err(NotCreated::Exists(existing.clone()));
    }
    let prefix = id.replace('_', "-");
    let fill = |template: &str| template.replace("{id}", id).replace("{prefix}", &prefix).replace("{date}", today);
    let contents = std::iter::once(fill(SCENARIO)).chain(WORDS.iter().map(|(_, words)| fill(words)));
    for (file, text) in files.iter().zip(contents) {
        let written = file.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(file, text));
        if let Err(e) = written {
            return Err(NotCreated::CannotWrite { file: file.clone(), reason: e.to_string() });
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_ids_and_never_overwrites() {
        let root = std::env::temp_dir().join(format!("kuayue-new-{}", std::process::id()));
        std::fs::remove_dir_all(&root).ok();
        let project = Project::at(&root);
        assert_eq!(create(&project, "Pay-Bill", "2026-11-29"), Err(NotCreated::BadId));
        let files = create(&project, "pay_bill", "2026-11-29").unwrap();
        assert!(files[0].ends_with("scenarios/pay_bill.ron"), "{files:?}");
        let ron = std::fs::read_to_string(root.join("scenarios/pay_bill.ron")).unwrap();
        assert!(
            ron.contains(r#"id: "pay_bill""#) && ron.contains("pay-bill-open-app-prompt") && !ron.contains("{prefix}")
        );
        let zh = std::fs::read_to_string(root.join("locales/zh-CN/pay_bill.ftl")).unwrap();
        std::fs::write(root.join("locales/zh-CN/pay_bill.ftl"), "pay-bill-title = 我改过了\n").unwrap();
        let again = create(&project, "pay_bill", "2026-11-29").unwrap_err();
        assert_eq!(again, NotCreated::Exists(root.join("scenarios/pay_bill.ron")));
        assert_ne!(std::fs::read_to_string(root.join("locales/zh-CN/pay_bill.ftl")).unwrap(), zh, "kept as edited");
        std::fs::remove_dir_all(&root).ok();
    }
}

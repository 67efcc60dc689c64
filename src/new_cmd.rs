//! `kuayue new <id>`: writes a small scenario that checks clean, its Chinese
//! and English words, and tells the trainer what to change next.

use std::path::{Path, PathBuf};

use crate::i18n::Messages;
use crate::scenario::check::valid_id;
use crate::scenario::project::Project;

const SCENARIO: &str = include_str!("template/scenario.ron");
const WORDS: &[(&str, &str)] =
    &[("zh-CN", include_str!("template/zh-CN.ftl")), ("en-US", include_str!("template/en-US.ftl"))];

/// The files a new scenario `id` consists of, in `project`.
pub fn files_for(project: &Project, id: &str) -> Vec<PathBuf> {
    let mut files = vec![project.scenarios_dir().join(format!("{id}.ron"))];
    files.extend(WORDS.iter().map(|(tag, _)| project.locales_dir().join(tag).join(format!("{id}.ftl"))));
    files
}

/// Writes the new scenario; the text to print, or why nothing was written.
/// Never overwrites: if any of the files exists, nothing is written.
pub fn run(root: &Path, id: &str, today: &str, msg: &Messages) -> Result<String, String> {
    let say = |key: &str, args: &[(&str, &str)]| {
        msg.get(key, &args.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    };
    if !valid_id(id) {
        return Err(say("new-bad-id", &[("found", id)]));
    }
    let project = Project::at(root);
    let files = files_for(&project, id);
    if let Some(existing) = files.iter().find(|f| f.exists()) {
        return Err(say("new-exists", &[("file", &existing.display().to_string())]));
    }
    let prefix = id.replace('_', "-");
    let fill = |template: &str| template.replace("{id}", id).replace("{prefix}", &prefix).replace("{date}", today);
    let contents = std::iter::once(fill(SCENARIO)).chain(WORDS.iter().map(|(_, words)| fill(words)));
    for (file, text) in files.iter().zip(contents) {
        let written = file.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(file, text));
        if let Err(e) = written {
            return Err(say("new-cannot-write", &[("file", &file.display().to_string()), ("reason", &e.to_string())]));
        }
    }
    let shown: Vec<String> = files.iter().map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string()).collect();
    Ok(say("new-done", &[("id", id), ("ron", &shown[0]), ("zh", &shown[1]), ("en", &shown[2])]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn refuses_bad_ids_and_never_overwrites() {
        let root = std::env::temp_dir().join(format!("kuayue-new-{}", std::process::id()));
        std::fs::remove_dir_all(&root).ok();
        let msg = Messages::embedded(Lang::EnUs);
        assert!(run(&root, "Pay-Bill", "2026-11-29", &msg).unwrap_err().contains("Pay-Bill"));
        let done = run(&root, "pay_bill", "2026-11-29", &msg).unwrap();
        assert!(done.contains("scenarios/pay_bill.ron"), "{done}");
        let ron = std::fs::read_to_string(root.join("scenarios/pay_bill.ron")).unwrap();
        assert!(
            ron.contains(r#"id: "pay_bill""#) && ron.contains("pay-bill-open-app-prompt") && !ron.contains("{prefix}")
        );
        let zh = std::fs::read_to_string(root.join("locales/zh-CN/pay_bill.ftl")).unwrap();
        std::fs::write(root.join("locales/zh-CN/pay_bill.ftl"), "pay-bill-title = 我改过了\n").unwrap();
        let again = run(&root, "pay_bill", "2026-11-29", &msg).unwrap_err();
        assert!(again.contains("pay_bill.ron"), "{again}");
        assert_ne!(std::fs::read_to_string(root.join("locales/zh-CN/pay_bill.ftl")).unwrap(), zh, "kept as edited");
        std::fs::remove_dir_all(&root).ok();
    }
}

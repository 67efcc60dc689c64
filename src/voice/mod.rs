//! The spoken side of every line: which lines are spoken, where their clips
//! live (generated, recorded by hand, or from a voice pack), whether a clip
//! still matches its text (`manifest`), how clips are made (`synth`) and when a
//! prompt is gently said again (`repeat`).

pub mod manifest;
pub mod repeat;
pub mod synth;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::i18n::{Catalog, Lang, Messages};
use crate::scenario::Scenario;
use crate::scenario::project::Project;
use crate::scenario::spans::Path as SpanPath;

pub use manifest::{ClipState, Manifest, text_hash};

/// The app's own lines that are spoken: the welcome on the start screen, the
/// question on the choose screen, well done, and the two "are you sure" questions.
pub const APP_LINES: &[&str] = &["app-who", "app-choose", "app-done-title", "app-skip-confirm", "app-leave-confirm"];

/// One line to be spoken in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub locale: String,
    pub id: String,
    pub text: String,
}

/// Every spoken line of the app and of `scenarios`, in every language of the
/// catalog, sorted by language then id, each once. Lines with no text in a
/// language are left out (the checker reports those).
pub fn lines(scenarios: &[&Scenario], catalog: &Catalog) -> Vec<Line> {
    let mut out = BTreeMap::new();
    for locale in &catalog.locales {
        if let Some(lang) = Lang::find(&locale.tag, &catalog.dir).filter(|l| l.tag() == locale.tag) {
            let app = Messages::embedded(lang);
            for id in APP_LINES {
                out.insert((locale.tag.clone(), (*id).to_owned()), app.text(id));
            }
        }
        for scenario in scenarios {
            for (_, id) in spoken_lines(scenario) {
                if let Some(text) = locale.get(&id, &BTreeMap::new()) {
                    out.insert((locale.tag.clone(), id), text);
                }
            }
        }
    }
    out.into_iter().map(|((locale, id), text)| Line { locale, id, text }).collect()
}

/// Every line that is spoken aloud, with where it is referenced.
pub fn spoken_lines(s: &Scenario) -> Vec<(SpanPath, String)> {
    let mut out = Vec::new();
    for (i, step) in s.steps.iter().enumerate() {
        let p = SpanPath::root().field("steps").index(i);
        out.push((p.field("prompt"), step.prompt.clone()));
        out.extend(step.hints.iter().enumerate().map(|(k, h)| (p.field("hints").index(k), h.clone())));
        out.extend(step.wrong.iter().enumerate().map(|(k, f)| (p.field("wrong").index(k).field("say"), f.say.clone())));
        out.extend(
            step.branches
                .iter()
                .enumerate()
                .filter_map(|(k, b)| Some((p.field("branches").index(k).field("say"), b.say.clone()?))),
        );
        if let Some(t) = &step.trap {
            out.push((p.field("trap").field("fell_for"), t.fell_for.clone()));
            out.push((p.field("trap").field("refused"), t.refused.clone()));
        }
    }
    out
}

/// The folders under `assets/voice/` that are voice packs for `locale`: named
/// `<locale>-<name>`, e.g. `zh-CN-huzhou` for a Huzhou dialect recording.
pub fn packs(project: &Project, locale: &str) -> Vec<String> {
    let prefix = format!("{locale}-");
    let mut found: Vec<String> = std::fs::read_dir(project.voice_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|name| name.starts_with(&prefix) && name.len() > prefix.len())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// What a pack is called in settings: the first line of its `name.txt`
/// (e.g. "湖州话 · 王阿姨"), else the folder name after the language.
pub fn pack_name(project: &Project, pack: &str) -> String {
    std::fs::read_to_string(project.voice_dir().join(pack).join("name.txt"))
        .ok()
        .and_then(|text| text.lines().next().map(|l| l.trim().to_owned()))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| {
            pack.split_once('-').and_then(|(_, rest)| rest.split_once('-')).map_or(pack, |(_, n)| n).to_owned()
        })
}

/// The clip to play for `id`: the chosen pack's, else the language's own
/// (generated or recorded), else none (the caption still shows).
pub fn clip_for(project: &Project, locale: &str, pack: Option<&str>, id: &str) -> Option<PathBuf> {
    let pack = pack.filter(|p| p.starts_with(&format!("{locale}-")));
    pack.into_iter().chain([locale]).map(|folder| project.clip(folder, id)).find(|path| path.is_file())
}

/// The clip path relative to the voice folder, as logs and warnings show it.
pub fn shown(project: &Project, clip: &Path) -> String {
    clip.strip_prefix(project.voice_dir()).unwrap_or(clip).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_project(name: &str) -> Project {
        let root = std::env::temp_dir().join(format!("kuayue-voice-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&root).ok();
        std::fs::create_dir_all(root.join("assets/voice/zh-CN")).unwrap();
        Project::at(root)
    }

    #[test]
    fn a_pack_wins_over_the_generated_clip_and_falls_back_line_by_line() {
        let project = temp_project("pack");
        std::fs::create_dir_all(project.voice_dir().join("zh-CN-huzhou")).unwrap();
        std::fs::write(project.clip("zh-CN", "a"), b"gen").unwrap();
        std::fs::write(project.clip("zh-CN", "b"), b"gen").unwrap();
        std::fs::write(project.clip("zh-CN-huzhou", "a"), b"rec").unwrap();
        assert_eq!(packs(&project, "zh-CN"), ["zh-CN-huzhou"]);
        assert_eq!(pack_name(&project, "zh-CN-huzhou"), "huzhou");
        std::fs::write(project.voice_dir().join("zh-CN-huzhou/name.txt"), "湖州话 · 王阿姨\n").unwrap();
        assert_eq!(pack_name(&project, "zh-CN-huzhou"), "湖州话 · 王阿姨");
        assert!(packs(&project, "en-US").is_empty());
        assert_eq!(clip_for(&project, "zh-CN", Some("zh-CN-huzhou"), "a"), Some(project.clip("zh-CN-huzhou", "a")));
        assert_eq!(clip_for(&project, "zh-CN", Some("zh-CN-huzhou"), "b"), Some(project.clip("zh-CN", "b")));
        assert_eq!(clip_for(&project, "zh-CN", None, "a"), Some(project.clip("zh-CN", "a")));
        // A pack of another language is never used.
        assert_eq!(clip_for(&project, "en-US", Some("zh-CN-huzhou"), "a"), None);
        assert_eq!(clip_for(&project, "zh-CN", None, "c"), None);
        assert_eq!(shown(&project, &project.clip("zh-CN", "a")), "zh-CN/a.ogg");
        std::fs::remove_dir_all(&project.root).ok();
    }
}

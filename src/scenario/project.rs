//! Where a scenario's companions live: a project folder holds `scenarios/`,
//! `locales/<lang>/*.ftl` and `assets/voice/<lang>/<message-id>.ogg`.

use std::path::{Path, PathBuf};

/// A folder with `locales/` (and usually `scenarios/` and `assets/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
}

impl Project {
    pub fn at(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into() }
    }

    /// The nearest folder at or above `path` that has a `locales/` folder.
    pub fn find_for(path: &Path) -> Option<Project> {
        let start = if path.is_dir() { path.to_path_buf() } else { path.parent()?.to_path_buf() };
        let start = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
        let absolute = std::fs::canonicalize(&start).unwrap_or(start);
        absolute.ancestors().find(|dir| dir.join("locales").is_dir()).map(Project::at)
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    pub fn scenarios_dir(&self) -> PathBuf {
        self.root.join("scenarios")
    }

    pub fn voice_dir(&self) -> PathBuf {
        self.root.join("assets").join("voice")
    }

    /// The font subset the app draws all text with.
    pub fn font(&self) -> PathBuf {
        self.root.join("assets").join("fonts").join("NotoSansSC-kuayue.otf")
    }

    /// The clip that speaks `message` in `lang`.
    pub fn clip(&self, lang: &str, message: &str) -> PathBuf {
        self.voice_dir().join(lang).join(format!("{message}.ogg"))
    }
}

/// Expands folders to the `.ron` files inside them (sorted); files stay as given.
pub fn scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            found.retain(|p| p.extension().is_some_and(|e| e == "ron"));
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_project_above_a_scenario_file() {
        let root = std::env::temp_dir().join(format!("kuayue-project-{}", std::process::id()));
        std::fs::create_dir_all(root.join("locales/zh-CN")).unwrap();
        std::fs::create_dir_all(root.join("scenarios/more")).unwrap();
        std::fs::write(root.join("scenarios/more/a.ron"), "").unwrap();
        std::fs::write(root.join("scenarios/more/b.txt"), "").unwrap();
        let project = Project::find_for(&root.join("scenarios/more/a.ron")).expect("found");
        assert_eq!(project.root, std::fs::canonicalize(&root).unwrap());
        assert!(project.clip("zh-CN", "hi").ends_with("assets/voice/zh-CN/hi.ogg"));
        let files = scenario_files(&[root.join("scenarios/more")]);
        assert_eq!(files.len(), 1);
        std::fs::remove_dir_all(&root).ok();
    }
}

//! Where a scenario's companions live: a project folder holds `scenarios/`,
//! `locales/<lang>/*.ftl` and `assets/voice/<lang>/<message-id>.ogg`.
//!
//! The project in use is resolved once, when kuayue starts ([`Project::resolve`]),
//! and handed to everything that reads a scenario, a word or a clip.

use std::path::{Path, PathBuf};

/// A folder with `scenarios/` and `locales/` (and usually `assets/voice/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
    /// The centre's own folder, laid out the same way, next to an installed copy's
    /// read-only content: its scenarios are offered with the shipped ones, its words
    /// and clips read with them, and `kuayue new` writes there.
    pub own: Option<PathBuf>,
}

/// Where the project in use may come from, in the order they are tried.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// `--project DIR`.
    pub flag: Option<PathBuf>,
    /// A scenario file or folder named on the command line: its enclosing project.
    pub scenario: Option<PathBuf>,
    /// `KUAYUE_PROJECT`.
    pub env: Option<PathBuf>,
    /// The current folder (or one above it).
    pub cwd: Option<PathBuf>,
    /// The running program: an installed copy keeps its content next to the
    /// executable (Windows, a portable folder) or in `../share/kuayue` (Linux).
    pub exe: Option<PathBuf>,
    /// Where an installed copy keeps the centre's own scenarios ([`own_folder`]).
    pub own: Option<PathBuf>,
}

/// The centre's own folder for an installed copy: `KUAYUE_OWN_DIR`, else `kuayue` in
/// the user's Documents (文档) — the folder people find in Explorer or the file manager,
/// where exports and certificates go too — else `~/kuayue` (no Documents folder set up).
pub fn own_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KUAYUE_OWN_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::UserDirs::new()?;
    Some(dirs.document_dir().unwrap_or(dirs.home_dir()).join("kuayue"))
}

/// Which of the places in [`Search`] gave the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Scenario,
    Env,
    CurrentFolder,
    Installed,
}

/// Why no project could be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoProject {
    /// `--project` or `KUAYUE_PROJECT` named something that is not a folder.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    /// None of the places looked at holds `scenarios/` or `locales/`.
    #[error("no folder with scenarios/ or locales/ found (looked in: {})", looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    NotFound { looked: Vec<PathBuf> },
}

impl Search {
    /// Where an installed copy keeps its content: next to the program, or `../share/kuayue`.
    fn installed_candidates(&self) -> Vec<PathBuf> {
        let Some(dir) = self.exe.as_deref().and_then(Path::parent) else { return Vec::new() };
        vec![dir.to_path_buf(), dir.join("..").join("share").join("kuayue")]
    }

    /// The places to look for this run of the program: the flag, the scenario
    /// named, `KUAYUE_PROJECT`, the current folder and the executable's folder.
    pub fn from_process(flag: Option<PathBuf>, scenario: Option<PathBuf>) -> Search {
        Search {
            flag,
            scenario,
            env: std::env::var_os("KUAYUE_PROJECT").filter(|v| !v.is_empty()).map(PathBuf::from),
            cwd: std::env::current_dir().ok(),
            exe: std::env::current_exe().ok(),
            own: own_folder(),
        }
    }
}

impl Project {
    pub fn at(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into(), own: None }
    }

    /// The shipped content, then the centre's own folder (when there is one).
    pub fn roots(&self) -> impl Iterator<Item = &Path> {
        std::iter::once(self.root.as_path()).chain(self.own.as_deref())
    }

    /// Where new scenarios and their words are written: the centre's own folder of
    /// an installed copy, else the project itself.
    pub fn writable(&self) -> Project {
        Project::at(self.own.clone().unwrap_or_else(|| self.root.clone()))
    }

    /// Whether `dir` looks like a project: it holds `scenarios/` or `locales/`.
    pub fn is_project(dir: &Path) -> bool {
        dir.join("scenarios").is_dir() || dir.join("locales").is_dir()
    }

    /// The project in use: `--project`, else the project around the scenario
    /// named, else `KUAYUE_PROJECT`, else the current folder (or one above it),
    /// else an installed copy's content. Resolved once; paths are absolute.
    pub fn resolve(search: &Search) -> Result<(Project, Source), NoProject> {
        let named = |dir: &Path| {
            if dir.is_dir() { Ok(Project::at(absolute(dir))) } else { Err(NoProject::NotAFolder(dir.to_owned())) }
        };
        if let Some(dir) = &search.flag {
            return named(dir).map(|p| (p, Source::Flag));
        }
        // The centre's own folder holds only its own scenarios: found around a file or
        // the current folder, it is used with the installed content it belongs to.
        let own = search.own.as_deref().map(absolute);
        let installed = || search.installed_candidates().into_iter().find(|c| Project::is_project(c));
        let with_installed = |project: Project| match installed() {
            Some(root) if own.as_ref() == Some(&project.root) => Project { root: absolute(&root), own: own.clone() },
            _ => project,
        };
        if let Some(project) = search.scenario.as_deref().filter(|p| p.exists()).and_then(Project::find_for) {
            return Ok((with_installed(project), Source::Scenario));
        }
        if let Some(dir) = &search.env {
            return named(dir).map(|p| (p, Source::Env));
        }
        let mut looked = Vec::new();
        if let Some(cwd) = &search.cwd {
            if let Some(project) = Project::find_for(cwd) {
                return Ok((with_installed(project), Source::CurrentFolder));
            }
            looked.push(cwd.clone());
        }
        for candidate in search.installed_candidates() {
            if Project::is_project(&candidate) {
                let project = Project { root: absolute(&candidate), own: own.clone() };
                return Ok((project, Source::Installed));
            }
            looked.push(candidate);
        }
        Err(NoProject::NotFound { looked })
    }

    /// The nearest folder at or above `path` (a file's folder for a file) that
    /// holds `scenarios/` or `locales/`.
    pub fn find_for(path: &Path) -> Option<Project> {
        let start = if path.is_dir() { path.to_path_buf() } else { path.parent()?.to_path_buf() };
        let start = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
        absolute(&start).ancestors().find(|dir| Project::is_project(dir)).map(Project::at)
    }

    /// The scenario file of `id` (a scenario named by its id, not a path): the
    /// shipped one, else the centre's own.
    pub fn scenario_file(&self, id: &str) -> PathBuf {
        let name = format!("{id}.ron");
        let mut files = self.scenarios_dirs().into_iter().map(|dir| dir.join(&name));
        let shipped = files.next().unwrap_or_default();
        if shipped.is_file() { shipped } else { files.find(|f| f.is_file()).unwrap_or(shipped) }
    }

    /// The shipped message files' folder (`locales/<lang>/*.ftl`).
    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    /// Every folder message files are read from: the shipped one, then the centre's own.
    pub fn locales_dirs(&self) -> Vec<PathBuf> {
        self.roots().map(|r| r.join("locales")).collect()
    }

    /// The shipped scenarios' folder.
    pub fn scenarios_dir(&self) -> PathBuf {
        self.root.join("scenarios")
    }

    /// Every folder scenarios are offered from: the shipped one, then the centre's own
    /// once it exists (asked again, it is seen as soon as `kuayue new` makes it).
    pub fn scenarios_dirs(&self) -> Vec<PathBuf> {
        let own = self.own.as_ref().map(|o| o.join("scenarios")).filter(|d| d.is_dir());
        std::iter::once(self.scenarios_dir()).chain(own).collect()
    }

    /// Where the clips of the scenario in `file` belong: the centre's own folder for its
    /// own scenarios, else the shipped one.
    pub fn voice_dir_for(&self, file: &Path) -> PathBuf {
        let file = absolute(file);
        match &self.own {
            Some(own) if file.starts_with(absolute(own)) => own.join("assets").join("voice"),
            _ => self.voice_dir(),
        }
    }

    /// Every folder clips are read from (`assets/voice/<lang>/`): shipped, then own.
    pub fn voice_dirs(&self) -> Vec<PathBuf> {
        self.roots().map(|r| r.join("assets").join("voice")).collect()
    }

    pub fn voice_dir(&self) -> PathBuf {
        self.root.join("assets").join("voice")
    }

    /// The font subset the app draws all text with.
    pub fn font(&self) -> PathBuf {
        self.root.join("assets").join("fonts").join("NotoSansSC-kuayue.otf")
    }

    /// The clip that speaks `message` in `lang`: the centre's own recording when it
    /// made one, else the shipped clip (whose path is given even when it is missing).
    pub fn clip(&self, lang: &str, message: &str) -> PathBuf {
        let shipped = self.voice_dir().join(lang).join(format!("{message}.ogg"));
        let own = self.own.as_ref().map(|o| o.join("assets").join("voice").join(lang).join(format!("{message}.ogg")));
        own.filter(|f| f.is_file()).unwrap_or(shipped)
    }
}

/// `path` made absolute and clean (symbolic links and `..` resolved where it exists),
/// written as people write it: `C:\Users\…` on Windows, not `\\?\C:\Users\…`.
fn absolute(path: &Path) -> PathBuf {
    dunce::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
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

    #[test]
    fn the_project_is_resolved_in_the_documented_order() {
        let base = std::env::temp_dir().join(format!("kuayue-resolve-{}", std::process::id()));
        std::fs::remove_dir_all(&base).ok();
        let make = |name: &str| {
            let dir = base.join(name);
            std::fs::create_dir_all(dir.join("scenarios")).unwrap();
            std::fs::create_dir_all(dir.join("locales")).unwrap();
            std::fs::canonicalize(dir).unwrap()
        };
        let (flag, other, env, cwd) = (make("flag"), make("other"), make("env"), make("cwd"));
        let installed = base.join("opt/bin");
        std::fs::create_dir_all(&installed).unwrap();
        std::fs::create_dir_all(base.join("opt/share/kuayue/scenarios")).unwrap();
        let nowhere = base.join("home");
        std::fs::create_dir_all(&nowhere).unwrap();
        let file = other.join("scenarios/x.ron");
        std::fs::write(&file, "").unwrap();
        let all = Search {
            flag: Some(flag.clone()),
            scenario: Some(file.clone()),
            env: Some(env.clone()),
            cwd: Some(cwd.join("scenarios")),
            exe: Some(installed.join("kuayue")),
            own: None,
        };
        let found = |s: &Search| Project::resolve(s).map(|(p, source)| (p.root, source));
        assert_eq!(found(&all), Ok((flag, Source::Flag)));
        let s = Search { flag: None, ..all.clone() };
        assert_eq!(found(&s), Ok((other.clone(), Source::Scenario)));
        let s = Search { scenario: Some(PathBuf::from("hospital_appointment")), ..s };
        assert_eq!(found(&s), Ok((env, Source::Env)), "an id is not a path");
        let s = Search { env: None, ..s };
        assert_eq!(found(&s), Ok((cwd, Source::CurrentFolder)), "a subfolder of the project counts");
        let s = Search { cwd: Some(nowhere.clone()), ..s };
        let share = std::fs::canonicalize(base.join("opt/share/kuayue")).unwrap();
        assert_eq!(found(&s), Ok((share, Source::Installed)));
        let s = Search { exe: Some(nowhere.join("kuayue")), ..s };
        assert!(matches!(Project::resolve(&s), Err(NoProject::NotFound { looked }) if looked.len() == 3));
        let s = Search { flag: Some(base.join("missing")), ..s };
        assert_eq!(Project::resolve(&s).map(|_| ()), Err(NoProject::NotAFolder(base.join("missing"))));
        std::fs::remove_dir_all(&base).ok();
    }

    #[test]
    fn an_installed_copy_offers_the_centres_own_folder_too() {
        let base = std::env::temp_dir().join(format!("kuayue-own-{}", std::process::id()));
        std::fs::remove_dir_all(&base).ok();
        let share = base.join("usr/share/kuayue");
        for dir in ["scenarios", "locales/zh-CN", "assets/voice/zh-CN"] {
            std::fs::create_dir_all(share.join(dir)).unwrap();
        }
        std::fs::create_dir_all(base.join("usr/bin")).unwrap();
        std::fs::write(share.join("scenarios/shipped.ron"), "").unwrap();
        std::fs::write(share.join("assets/voice/zh-CN/hi.ogg"), "shipped").unwrap();
        let home = base.join("home");
        std::fs::create_dir_all(&home).unwrap();
        let own = home.join("kuayue");
        let search = Search {
            cwd: Some(home.clone()),
            exe: Some(base.join("usr/bin/kuayue")),
            own: Some(own.clone()),
            ..Search::default()
        };
        // Started from the desktop menu (current folder = home), before the centre wrote anything.
        let (project, source) = Project::resolve(&search).unwrap();
        assert_eq!(source, Source::Installed);
        let share = std::fs::canonicalize(&share).unwrap();
        assert_eq!(project.root, share);
        assert_eq!(project.scenarios_dirs(), vec![share.join("scenarios")], "no own folder yet");
        assert_eq!(project.writable().root, absolute(&own), "`kuayue new` writes into the own folder");
        assert_eq!(project.scenario_file("shipped"), share.join("scenarios/shipped.ron"));
        // The centre's own scenario and recording.
        std::fs::create_dir_all(own.join("scenarios")).unwrap();
        std::fs::create_dir_all(own.join("assets/voice/zh-CN")).unwrap();
        std::fs::write(own.join("scenarios/mine.ron"), "").unwrap();
        std::fs::write(own.join("assets/voice/zh-CN/hi.ogg"), "own").unwrap();
        let own = std::fs::canonicalize(&own).unwrap();
        assert_eq!(project.scenarios_dirs(), vec![share.join("scenarios"), own.join("scenarios")]);
        assert_eq!(project.scenario_file("mine"), own.join("scenarios/mine.ron"));
        assert_eq!(project.clip("zh-CN", "hi"), own.join("assets/voice/zh-CN/hi.ogg"));
        assert_eq!(project.clip("zh-CN", "bye"), share.join("assets/voice/zh-CN/bye.ogg"));
        assert_eq!(project.voice_dir_for(&own.join("scenarios/mine.ron")), own.join("assets/voice"));
        assert_eq!(project.voice_dir_for(&share.join("scenarios/shipped.ron")), share.join("assets/voice"));
        // A file of the own folder, or working inside it, still comes with the installed content.
        let s = Search { scenario: Some(own.join("scenarios/mine.ron")), ..search.clone() };
        assert_eq!(
            Project::resolve(&s).unwrap(),
            (Project { root: share.clone(), own: Some(own.clone()) }, Source::Scenario)
        );
        let s = Search { cwd: Some(own.join("scenarios")), ..search };
        assert_eq!(Project::resolve(&s).unwrap(), (Project { root: share, own: Some(own) }, Source::CurrentFolder));
        std::fs::remove_dir_all(&base).ok();
    }
}

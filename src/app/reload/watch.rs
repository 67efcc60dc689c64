//! Hot reload for trainers: while the app runs, saving a scenario, a message
//! file or a voice clip shows on screen within a second. A save that breaks
//! something is not applied: the problems are listed over the app and the last
//! good version keeps playing; fixing the file clears them.
//!
//! Files are polled (their size and modification time, twice a second) on a
//! thread of their own: it works the same on every system, needs no
//! file-watching service, and wakes the app only when something changed.
//! Polling only notices changes ([`FilesChanged`]); one system applies them,
//! checking through the core's library service.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;

use crate::app::autoplay::PlayOptions;
use crate::app::flow::{AppSystems, ProjectRoot};
use crate::app::library::{BrokenCard, Library};
use crate::app::voice::Say;
use crate::app::walkthrough::{Active, StartScenario};
use crate::app::words::Words;
use crate::i18n::{Catalog, Messages};
use crate::scenario::library;
use crate::scenario::project::{Project, scenario_files};

/// How often files are looked at, in seconds.
pub const POLL_SECS: f32 = 0.5;

/// Problems that stopped the last save from being used; empty when all is well.
#[derive(Resource, Debug, Default, Clone)]
pub struct ReloadProblems {
    pub problems: Vec<BrokenCard>,
    /// The trainer closed the list (it comes back with the next change).
    pub hidden: bool,
}

/// What the watcher thread reports.
#[derive(Resource)]
struct Watch {
    changes: Mutex<Receiver<FilesChanged>>,
    /// Held while the app lives: the polling thread stops as soon as it is gone (an app
    /// dropped without a change seen would otherwise leave it polling for ever).
    _alive: Arc<()>,
}

/// What changed since the last look (a fact from polling).
#[derive(Message, Debug, Default, Clone, PartialEq, Eq)]
pub struct FilesChanged {
    scenarios: Vec<PathBuf>,
    words: bool,
    clips: Vec<PathBuf>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ReloadProblems>()
        .add_message::<FilesChanged>()
        .add_systems(Startup, start_watching)
        .add_systems(Update, receive_changes.in_set(AppSystems::RecordInput))
        .add_systems(Update, apply_changes.in_set(AppSystems::ApplyCommands));
}

/// The files whose changes matter: scenarios, message files, voice clips, and
/// the file `kuayue play` opened (it may live elsewhere).
fn watched(project: &Project, played: Option<&Path>) -> BTreeMap<PathBuf, (SystemTime, u64)> {
    let mut files = scenario_files(&project.scenarios_dirs());
    files.extend(played.map(Path::to_path_buf));
    for dir in project.locales_dirs().into_iter().chain(project.voice_dirs()) {
        for sub in std::fs::read_dir(dir).into_iter().flatten().filter_map(|e| e.ok()).map(|e| e.path()) {
            let inner = std::fs::read_dir(&sub).into_iter().flatten().filter_map(|e| e.ok()).map(|e| e.path());
            files.extend(inner.filter(|p| p.extension().is_some_and(|e| e == "ftl" || e == "ogg")));
        }
    }
    files
        .into_iter()
        .filter_map(|f| {
            let meta = std::fs::metadata(&f).ok()?;
            Some((f, (meta.modified().unwrap_or(SystemTime::UNIX_EPOCH), meta.len())))
        })
        .collect()
}

fn compare(before: &BTreeMap<PathBuf, (SystemTime, u64)>, now: &BTreeMap<PathBuf, (SystemTime, u64)>) -> FilesChanged {
    let mut changes = FilesChanged::default();
    let gone = before.keys().filter(|f| !now.contains_key(*f));
    let new_or_changed = now.iter().filter(|(f, stamp)| before.get(*f) != Some(stamp)).map(|(f, _)| f);
    for file in gone.chain(new_or_changed) {
        match file.extension().and_then(|e| e.to_str()) {
            Some("ron") => changes.scenarios.push(file.clone()),
            Some("ftl") => changes.words = true,
            Some("ogg") => changes.clips.push(file.clone()),
            _ => {}
        }
    }
    changes
}

/// Starts the watcher: a thread that looks at the files twice a second and
/// wakes the app only when something changed (a sleeping window stays asleep).
fn start_watching(
    mut commands: Commands,
    root: Res<ProjectRoot>,
    options: Option<Res<PlayOptions>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let project = root.0.clone();
    let played = options.as_ref().and_then(|o| o.file.clone());
    let waker = proxy.map(|p| (**p).clone());
    let (tell, changes) = channel();
    let alive = Arc::new(());
    let app_alive = Arc::downgrade(&alive);
    std::thread::spawn(move || {
        let mut seen = watched(&project, played.as_deref());
        loop {
            std::thread::sleep(Duration::from_secs_f32(POLL_SECS));
            if app_alive.strong_count() == 0 {
                return;
            }
            let now = watched(&project, played.as_deref());
            let changes = compare(&seen, &now);
            seen = now;
            if changes == FilesChanged::default() {
                continue;
            }
            // The app is gone: stop watching.
            if tell.send(changes).is_err() {
                return;
            }
            if let Some(waker) = &waker {
                let _ = waker.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        }
    });
    commands.insert_resource(Watch { changes: Mutex::new(changes), _alive: alive });
}

/// Passes on what the watcher saw.
fn receive_changes(watch: Option<ResMut<Watch>>, mut changed: MessageWriter<FilesChanged>) {
    let Some(mut watch) = watch else { return };
    let receiver = watch.changes.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
    while let Ok(changes) = receiver.try_recv() {
        info!(
            "reload: {} scenario file(s), words {}, {} clip(s) changed",
            changes.scenarios.len(),
            changes.words,
            changes.clips.len()
        );
        changed.write(changes);
    }
}

/// Re-checks what a change touches; applies it when clean, else lists the problems.
fn apply_changes(
    mut changed: MessageReader<FilesChanged>,
    root: Res<ProjectRoot>,
    options: Option<Res<PlayOptions>>,
    mut problems: ResMut<ReloadProblems>,
    mut words: ResMut<Words>,
    mut library: ResMut<Library>,
    active: Option<Res<Active>>,
    mut start: MessageWriter<StartScenario>,
    mut say: MessageWriter<Say>,
) {
    let Some(changes) = changed.read().last().cloned() else { return };
    let msg = Messages::embedded(words.lang);
    // The scenario on screen, as its file says now (when its file or the words changed).
    let played = options.as_ref().and_then(|o| o.file.clone());
    let active_file = active.as_ref().map(|a| played.clone().unwrap_or_else(|| root.0.scenario_file(&a.scenario().id)));
    let touches_active = active_file.as_ref().is_some_and(|f| changes.words || changes.scenarios.contains(f));
    let mut replacement = None;
    // Message files are read once for all that needs them (a changed clip alone needs none).
    let catalog = (changes.words || !changes.scenarios.is_empty()).then(|| Catalog::load_dirs(&root.0.locales_dirs()));
    // Words or the scenario on screen changed: everything they need is checked again.
    if let Some((fresh, word_problems)) = catalog.as_ref().filter(|_| changes.words || touches_active) {
        let mut found: Vec<BrokenCard> =
            word_problems.iter().map(|d| BrokenCard::from_diagnostic(Path::new(&d.file), d, &msg)).collect();
        if let (true, Some(file)) = (touches_active, &active_file) {
            let report = library::check_with(&root.0, fresh, Vec::new(), std::slice::from_ref(file));
            for f in &report.files {
                let errors = f.diagnostics.iter().filter(|d| d.is_error());
                found.extend(errors.map(|d| BrokenCard::from_diagnostic(&f.file, d, &msg)));
            }
            replacement = report.files.into_iter().next().and_then(|f| f.loaded).map(|l| Arc::new(l.scenario));
        }
        if !found.is_empty() {
            let first = &found[0];
            warn!(
                "reload: kept the last good version; {} problem(s), first: {} {}",
                found.len(),
                first.file,
                first.problem
            );
            *problems = ReloadProblems { problems: found, hidden: false };
            return;
        }
        if !problems.problems.is_empty() {
            info!("reload: the problems are fixed");
            *problems = ReloadProblems::default();
        }
    }
    if let Some((fresh, _)) = catalog {
        *library = Library::load_with(&root.0, &fresh);
        if changes.words {
            *words = Words { lang: words.lang, app: Messages::embedded(words.lang), scenarios: fresh };
        }
    }
    if let (Some(active), Some(scenario)) = (&active, replacement) {
        // Stay on the step being looked at; a preview starts again there with the new version.
        if active.preview && !active.engine.is_finished() && **active.engine.scenario() != *scenario {
            info!("reload: the scenario changed; starting again at {:?}", active.view.step);
            start.write(StartScenario { scenario, at: active.view.step.clone(), preview: true });
        }
    }
    // A new recording of the line on screen is heard at once.
    if let Some(prompt) = active.as_ref().and_then(|a| a.view.prompt.clone())
        && changes.clips.iter().any(|c| c.file_stem().is_some_and(|s| s == prompt.as_str()))
    {
        say.write(Say(prompt));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_sorted_by_kind() {
        let t = SystemTime::UNIX_EPOCH;
        let before = BTreeMap::from([
            (PathBuf::from("s/a.ron"), (t, 1)),
            (PathBuf::from("l/zh-CN/a.ftl"), (t, 1)),
            (PathBuf::from("v/zh-CN/x.ogg"), (t, 1)),
        ]);
        assert_eq!(compare(&before, &before), FilesChanged::default());
        let mut now = before.clone();
        now.insert(PathBuf::from("s/a.ron"), (t, 2));
        now.remove(&PathBuf::from("v/zh-CN/x.ogg"));
        let changes = compare(&before, &now);
        assert_eq!(changes.scenarios, [PathBuf::from("s/a.ron")]);
        assert_eq!(changes.clips, [PathBuf::from("v/zh-CN/x.ogg")]);
        assert!(!changes.words);
    }
}

//! Recording practice: who is practising, and each attempt and step written to
//! the progress store the moment it happens. A store that cannot be opened
//! never stops practice: the app carries on with an in-memory store and tells
//! the trainer why nothing is being kept.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use bevy::prelude::*;

use super::AppSystems;
use super::screens::Screen;
use super::walkthrough::{Active, WalkthroughEvent};
use crate::i18n::Messages;
use crate::progress::{AttemptId, Learner, LearnerId, Millis, NewAttempt, Outcome, StepRow, Store, content_hash};
use crate::walkthrough::Event;

/// Where practice is recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Keep {
    /// In the store in this folder (the app as learners use it).
    Folder(PathBuf),
    /// Nowhere lasting (`kuayue play`: a trainer's preview is not practice).
    #[default]
    Nowhere,
}

/// The progress store and what the trainer should be told about it.
#[derive(Resource)]
pub struct Records {
    /// SQLite connections are not shared between threads; systems take turns.
    store: Mutex<Store>,
    /// Plain-words notices for the trainer (damaged file kept aside, interrupted attempts …).
    pub notices: Vec<String>,
    /// Whether practice is kept after the app closes.
    pub lasting: bool,
}

impl Records {
    pub fn open(keep: &Keep, msg: &Messages) -> Records {
        let fallback = |notices: Vec<String>| Records {
            store: Mutex::new(Store::in_memory().expect("an in-memory SQLite database always opens")),
            notices,
            lasting: false,
        };
        let Keep::Folder(dir) = keep else { return fallback(Vec::new()) };
        match Store::open(dir) {
            Ok(opened) => {
                let notices = opened.notices.iter().map(|n| crate::progress_cmd::notice_text(n, msg)).collect();
                info!("progress kept in {}", dir.display());
                Records { store: Mutex::new(opened.store), notices, lasting: true }
            }
            Err(e) => {
                warn!("progress store at {} cannot be used: {e}", dir.display());
                let reason = std::collections::BTreeMap::from([("reason".to_owned(), e.to_string())]);
                fallback(vec![msg.get("store-unavailable", &reason)])
            }
        }
    }

    /// Runs `f` with the store; a failure is logged and told once, never fatal.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, crate::progress::StoreError>) -> Option<T> {
        let store = self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match f(&store) {
            Ok(value) => Some(value),
            Err(e) => {
                warn!("progress not recorded: {e}");
                None
            }
        }
    }
}

/// Who is practising now: a learner, or the guest (`None`).
#[derive(Resource, Default, Debug, Clone)]
pub struct CurrentLearner(pub Option<Learner>);

impl CurrentLearner {
    pub fn id(&self) -> Option<LearnerId> {
        self.0.as_ref().map(|l| l.id)
    }
}

/// Scenario ids the current learner has completed at least once (for the tick on each card).
#[derive(Resource, Default, Debug, Clone)]
pub struct CompletedByLearner(pub HashSet<String>);

/// Set when the current learner has just completed a scenario for the first time.
#[derive(Resource, Default, Debug, Clone, PartialEq, Eq)]
pub struct FirstCompletion(pub Option<String>);

/// The attempt being recorded.
#[derive(Resource, Default, Debug)]
struct OpenAttempt {
    id: Option<AttemptId>,
    step_started: Millis,
}

/// Wall-clock now, in Unix milliseconds.
pub fn now_ms() -> Millis {
    jiff::Timestamp::now().as_millisecond()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CurrentLearner>()
        .init_resource::<CompletedByLearner>()
        .init_resource::<FirstCompletion>()
        .init_resource::<OpenAttempt>()
        .add_systems(Update, refresh_completed.run_if(resource_changed::<CurrentLearner>))
        .add_systems(Update, record_walkthrough.in_set(AppSystems::Present))
        .add_systems(OnExit(Screen::Walkthrough), close_left_attempt)
        .add_systems(Last, close_attempt_on_exit);
}

fn refresh_completed(records: Res<Records>, learner: Res<CurrentLearner>, mut completed: ResMut<CompletedByLearner>) {
    let ids = records.with(|s| s.completed_scenarios(learner.id())).unwrap_or_default();
    completed.0 = ids.into_iter().collect();
}

/// Writes the attempt and each step as the engine reports them.
fn record_walkthrough(
    mut events: MessageReader<WalkthroughEvent>,
    records: Res<Records>,
    learner: Res<CurrentLearner>,
    active: Option<Res<Active>>,
    mut open: ResMut<OpenAttempt>,
    mut completed: ResMut<CompletedByLearner>,
    mut first: ResMut<FirstCompletion>,
    words: Res<super::words::Words>,
) {
    // A trainer's preview is not practice.
    let Some(active) = active.filter(|a| !a.preview) else { return };
    for WalkthroughEvent(event) in events.read() {
        let now = now_ms();
        match event {
            Event::StepEntered { .. } => {
                if open.id.is_none() {
                    let scenario = active.scenario();
                    let hash = content_hash(ron::to_string(scenario).unwrap_or_default().as_bytes());
                    let new = NewAttempt {
                        learner: learner.id(),
                        scenario: scenario.id.clone(),
                        scenario_hash: hash,
                        lang: words.lang.tag().to_owned(),
                        started: now,
                    };
                    open.id = records.with(|s| s.start_attempt(&new));
                    first.0 = None;
                }
                open.step_started = now;
            }
            Event::StepCompleted(record) => {
                let Some(id) = open.id else { continue };
                let row = StepRow {
                    step: record.step.clone(),
                    started: open.step_started,
                    ended: now,
                    wrong_actions: record.wrong_actions,
                    highest_hint: record.highest_hint,
                    skipped: record.skipped,
                    trap: record.trap.map(Into::into),
                };
                records.with(|s| s.record_step(id, &row));
            }
            Event::Completed(_) => {
                let Some(id) = open.id.take() else { continue };
                records.with(|s| s.finish_attempt(id, Outcome::Completed, now));
                let scenario = active.scenario().id.clone();
                if completed.0.insert(scenario.clone()) {
                    first.0 = Some(scenario);
                }
            }
            Event::Restarted { .. } => {
                if let Some(id) = open.id.take() {
                    records.with(|s| s.finish_attempt(id, Outcome::Abandoned, now));
                }
            }
            _ => {}
        }
    }
}

/// Leaving a walkthrough before its end (退出) ends the attempt as abandoned.
fn close_left_attempt(records: Res<Records>, mut open: ResMut<OpenAttempt>) {
    if let Some(id) = open.id.take() {
        records.with(|s| s.finish_attempt(id, Outcome::Abandoned, now_ms()));
    }
}

/// Closing the window mid-walkthrough is leaving too (a crash is not: that becomes "interrupted").
fn close_attempt_on_exit(exit: MessageReader<AppExit>, records: Res<Records>, open: ResMut<OpenAttempt>) {
    if !exit.is_empty() {
        close_left_attempt(records, open);
    }
}

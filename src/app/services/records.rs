//! Recording practice and who is practising: the progress store (opened once),
//! learners chosen and added by request, and each attempt and step written as
//! the core's [`Recorder`] decides. A store that cannot be opened never stops
//! practice: the app carries on with an in-memory store and tells the trainer
//! why nothing is being kept.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use bevy::prelude::*;

use crate::app::flow::AppSystems;
use crate::app::flow::Screen;
use crate::app::library::Library;
use crate::app::walkthrough::{
    Active, StartScenario, StepCompleted, StepEntered, WalkthroughCompleted, WalkthroughRestarted,
};
use crate::app::words::Words;
use crate::i18n::Messages;
use crate::progress::recorder::{Ledger, Op, Practice, Recorder};
use crate::progress::{Learner, LearnerId, Millis, Outcome, Store, content_hash, report};
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

/// The progress store. Only the systems in `services` use it.
#[derive(Resource)]
pub struct Records {
    /// SQLite connections are not shared between threads; systems take turns.
    store: Mutex<Store>,
}

/// Plain-words notices for the trainer (damaged file kept aside, interrupted
/// attempts, no store …), shown on the start screen until closed.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct StoreNotices(pub Vec<String>);

impl Records {
    /// Opens the store, with what the trainer should be told about it.
    pub fn open(keep: &Keep, msg: &Messages) -> (Records, StoreNotices) {
        let fallback = |notices: Vec<String>| {
            let store = Store::in_memory().expect("an in-memory SQLite database always opens");
            (Records { store: Mutex::new(store) }, StoreNotices(notices))
        };
        let Keep::Folder(dir) = keep else { return fallback(Vec::new()) };
        match Store::open(dir) {
            Ok(opened) => {
                let notices = opened.notices.iter().map(|n| report::notice_text(n, msg)).collect();
                info!("progress kept in {}", dir.display());
                (Records { store: Mutex::new(opened.store) }, StoreNotices(notices))
            }
            Err(e) if e.is_read_only() => {
                warn!("progress store at {} cannot be written: {e}", dir.display());
                let dir = std::collections::BTreeMap::from([("dir".to_owned(), dir.display().to_string())]);
                fallback(vec![msg.get("store-read-only", &dir)])
            }
            Err(e) => {
                warn!("progress store at {} cannot be used: {e}", dir.display());
                let reason = std::collections::BTreeMap::from([("reason".to_owned(), e.to_string())]);
                fallback(vec![msg.get("store-unavailable", &reason)])
            }
        }
    }

    /// Runs `f` with the store and gives back its result (failures included).
    pub(crate) fn try_with<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, crate::progress::StoreError>,
    ) -> Result<T, crate::progress::StoreError> {
        f(&self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Runs `f` with the store; a failure is logged, never fatal.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, crate::progress::StoreError>) -> Option<T> {
        self.try_with(f).inspect_err(|e| warn!("progress not recorded: {e}")).ok()
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

/// Every learner, for the cards on the start screen (read when it opens and after an addition).
#[derive(Resource, Default, Debug, Clone)]
pub struct Learners(pub Vec<Learner>);

/// Scenario ids the current learner has completed at least once (for the tick on each card).
#[derive(Resource, Default, Debug, Clone)]
pub struct CompletedByLearner(pub HashSet<String>);

/// Set when the current learner has just completed a scenario for the first time.
#[derive(Resource, Default, Debug, Clone, PartialEq, Eq)]
pub struct FirstCompletion(pub Option<String>);

/// Asks to practise as this learner (`None`: the guest).
#[derive(Message, Debug, Clone)]
pub struct ChooseLearner(pub Option<Learner>);

/// Asks to add a learner (display name and class) and practise as them.
#[derive(Message, Debug, Clone)]
pub struct AddLearner {
    pub name: String,
    pub group: Option<String>,
}

/// A fact: this record is now durably in the store (for the test probe and
/// support: what a crash at any moment can no longer lose).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct RecordWritten {
    /// `start`, `step` or `finish`.
    pub kind: &'static str,
    /// The step's id, for a step.
    pub step: Option<String>,
    /// How the attempt ended, for a finish.
    pub outcome: Option<&'static str>,
    /// When the attempt began (Unix ms), for a start: tells attempts apart.
    pub started: Option<Millis>,
}

impl RecordWritten {
    fn of(op: &Op) -> RecordWritten {
        match op {
            Op::Start(new) => RecordWritten { kind: "start", step: None, outcome: None, started: Some(new.started) },
            Op::Step(row) => {
                RecordWritten { kind: "step", step: Some(row.record.step.clone()), outcome: None, started: None }
            }
            Op::Finish { outcome, .. } => {
                RecordWritten { kind: "finish", step: None, outcome: Some(outcome.as_str()), started: None }
            }
        }
    }
}

/// Asks to close the trainer's notice at this position.
#[derive(Message, Debug, Clone, Copy)]
pub struct DismissNotice(pub usize);

/// The attempt being recorded.
#[derive(Resource, Default)]
struct Recording {
    recorder: Option<Recorder>,
    ledger: Ledger,
    /// The disk was found full: the trainer was told, and is told again when it is written.
    full: bool,
    /// When held-back records were last tried (seconds of app time).
    last_try: f64,
}

/// How often records held back by a full disk are tried again.
const RETRY_SECS: f64 = 15.0;

impl Recording {
    /// The learner left: an open attempt ends as abandoned.
    fn leave(&mut self, records: &Records, notices: &mut StoreNotices, msg: &Messages) {
        if let Some(op) = self.recorder.as_mut().and_then(|r| r.leave(now_ms())) {
            self.write(records, Some(&op), notices, msg);
        }
    }

    /// Writes `op` (or, with none, what is held back) and tells the trainer
    /// when the disk turns out full, and again when all of it is written.
    /// Returns whether everything (so `op` too) is now in the store.
    fn write(&mut self, records: &Records, op: Option<&Op>, notices: &mut StoreNotices, msg: &Messages) -> bool {
        let ledger = &mut self.ledger;
        let result = records.try_with(|s| match op {
            Some(op) => ledger.apply(s, op),
            None => ledger.flush(s),
        });
        match result {
            Ok(()) if self.full && ledger.held() == 0 => {
                self.full = false;
                info!("the disk has space again: held-back practice written");
                let full = msg.text("store-full");
                notices.0.retain(|n| *n != full);
                notices.0.push(msg.text("store-full-recovered"));
            }
            Ok(()) => {}
            Err(e) if e.is_passing() => {
                if !self.full {
                    warn!("practice held in memory until it can be written: {e}");
                    self.full = true;
                    notices.0.push(msg.text("store-full"));
                }
            }
            Err(e) => warn!("progress not recorded: {e}"),
        }
        self.ledger.held() == 0
    }
}

/// Wall-clock now, in Unix milliseconds.
pub fn now_ms() -> Millis {
    jiff::Timestamp::now().as_millisecond()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CurrentLearner>()
        .init_resource::<Learners>()
        .init_resource::<CompletedByLearner>()
        .init_resource::<FirstCompletion>()
        .init_resource::<Recording>()
        .add_message::<ChooseLearner>()
        .add_message::<AddLearner>()
        .add_message::<DismissNotice>()
        .add_message::<RecordWritten>()
        .add_systems(OnEnter(Screen::Start), read_learners)
        .add_systems(
            Update,
            (choose_learner, add_learner, dismiss_notice, begin_recording).in_set(AppSystems::ApplyCommands),
        )
        .add_systems(
            Update,
            (refresh_completed.run_if(resource_changed::<CurrentLearner>), record_walkthrough)
                .chain()
                .in_set(AppSystems::Present),
        )
        .add_systems(Update, retry_held_back.in_set(AppSystems::Present))
        .add_systems(OnExit(Screen::Walkthrough), close_left_attempt)
        .add_systems(Last, close_attempt_on_exit);
}

/// While records are held back (a full disk), tries them again every few seconds.
fn retry_held_back(
    time: Res<Time<Real>>,
    records: Res<Records>,
    words: Res<Words>,
    mut recording: ResMut<Recording>,
    mut notices: ResMut<StoreNotices>,
    mut wake: ResMut<crate::app::flow::Wake>,
) {
    if recording.ledger.held() == 0 {
        return;
    }
    let now = time.elapsed_secs_f64();
    let due = recording.last_try + RETRY_SECS;
    if now < due {
        wake.within((due - now) as f32);
        return;
    }
    recording.last_try = now;
    recording.write(&records, None, &mut notices, &words.app);
    if recording.ledger.held() > 0 {
        wake.within(RETRY_SECS as f32);
    }
}

/// A system that makes `name` the current learner (the guest for `guest` or
/// 访客; a learner not met before is added), for `kuayue play --record-as`.
pub fn practise_as(name: String) -> impl FnMut(Res<Records>, ResMut<CurrentLearner>) {
    move |records: Res<Records>, mut current: ResMut<CurrentLearner>| {
        let name = name.trim();
        if name.is_empty() || name.eq_ignore_ascii_case("guest") || name == "访客" {
            current.0 = None;
            return;
        }
        let known = records.with(|s| s.learners()).unwrap_or_default().into_iter().find(|l| l.name == name);
        current.0 = known.or_else(|| records.with(|s| s.add_learner(name, None, now_ms())));
        info!("recording this play as practice by {name}");
    }
}

fn read_learners(records: Res<Records>, mut learners: ResMut<Learners>) {
    learners.0 = records.with(|s| s.learners()).unwrap_or_default();
}

fn choose_learner(
    mut requests: MessageReader<ChooseLearner>,
    mut current: ResMut<CurrentLearner>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(ChooseLearner(learner)) = requests.read().last() {
        current.0 = learner.clone();
        next.set(Screen::Choose);
    }
}

fn add_learner(
    mut requests: MessageReader<AddLearner>,
    records: Res<Records>,
    mut learners: ResMut<Learners>,
    mut current: ResMut<CurrentLearner>,
    mut next: ResMut<NextState<Screen>>,
) {
    for AddLearner { name, group } in requests.read() {
        let (name, group) = (name.trim(), group.as_deref().map(str::trim).filter(|g| !g.is_empty()));
        if name.is_empty() {
            continue;
        }
        if let Some(learner) = records.with(|s| s.add_learner(name, group, now_ms())) {
            info!("learner added: {}", learner.name);
            learners.0.push(learner.clone());
            current.0 = Some(learner);
            next.set(Screen::Choose);
        }
    }
}

fn dismiss_notice(mut requests: MessageReader<DismissNotice>, mut notices: ResMut<StoreNotices>) {
    for DismissNotice(i) in requests.read() {
        if *i < notices.0.len() {
            notices.0.remove(*i);
        }
    }
}

fn refresh_completed(records: Res<Records>, learner: Res<CurrentLearner>, mut completed: ResMut<CompletedByLearner>) {
    let ids = records.with(|s| s.completed_scenarios(learner.id())).unwrap_or_default();
    completed.0 = ids.into_iter().collect();
}

/// A new practice (not a trainer's preview) gets a recorder for this learner and language.
fn begin_recording(
    mut requests: MessageReader<StartScenario>,
    records: Res<Records>,
    learner: Res<CurrentLearner>,
    library: Res<Library>,
    words: Res<Words>,
    mut recording: ResMut<Recording>,
    mut first: ResMut<FirstCompletion>,
    mut notices: ResMut<StoreNotices>,
) {
    let Some(request) = requests.read().last() else { return };
    // Starting anew leaves the attempt before (if any) behind.
    recording.leave(&records, &mut notices, &words.app);
    first.0 = None;
    recording.recorder = (!request.preview).then(|| {
        let scenario = &request.scenario;
        // The file's bytes tell versions apart; a scenario not from the library is hashed as written.
        let hash = library
            .0
            .get(&scenario.id)
            .map(|p| p.hash.clone())
            .unwrap_or_else(|| content_hash(ron::to_string(scenario.as_ref()).unwrap_or_default().as_bytes()));
        Recorder::new(Practice {
            learner: learner.id(),
            scenario: scenario.id.clone(),
            scenario_hash: hash,
            lang: words.lang.tag().to_owned(),
            title: Some(words.say(&scenario.title)),
        })
    });
}

/// Writes the attempt and each step as the recorder decides. The engine's
/// facts of one frame are taken in the order they can happen: a restart, the
/// steps that ended, the end, then the step that began.
fn record_walkthrough(
    mut restarted: MessageReader<WalkthroughRestarted>,
    mut steps: MessageReader<StepCompleted>,
    mut completed_runs: MessageReader<WalkthroughCompleted>,
    mut entered: MessageReader<StepEntered>,
    records: Res<Records>,
    active: Option<Res<Active>>,
    mut recording: ResMut<Recording>,
    mut completed: ResMut<CompletedByLearner>,
    mut first: ResMut<FirstCompletion>,
    mut notices: ResMut<StoreNotices>,
    words: Res<Words>,
    sync: Option<Res<super::sync::SyncWorker>>,
    mut written: MessageWriter<RecordWritten>,
) {
    let mut events: Vec<Event> =
        restarted.read().map(|r| Event::Restarted { abandoned: r.abandoned.clone() }).collect();
    events.extend(steps.read().map(|s| Event::StepCompleted(s.0.clone())));
    events.extend(completed_runs.read().map(|c| Event::Completed(c.0.clone())));
    events.extend(entered.read().map(|e| Event::StepEntered { step: e.step.clone(), prompt: e.prompt.clone() }));
    let recording = &mut *recording;
    let Some(mut recorder) = recording.recorder.take() else { return };
    let now = now_ms();
    for event in &events {
        for op in recorder.on_event(event, now) {
            if recording.write(&records, Some(&op), &mut notices, &words.app) {
                written.write(RecordWritten::of(&op));
            }
            if let Some(sync) = &sync {
                sync.nudge();
            }
            if let (Op::Finish { outcome: Outcome::Completed, .. }, Some(active)) = (&op, &active) {
                let scenario = active.scenario().id.clone();
                if completed.0.insert(scenario.clone()) {
                    first.0 = Some(scenario);
                }
            }
        }
    }
    recording.recorder = Some(recorder);
}

/// Leaving a walkthrough before its end (退出) ends the attempt as abandoned.
fn close_left_attempt(
    records: Res<Records>,
    words: Res<Words>,
    mut recording: ResMut<Recording>,
    mut notices: ResMut<StoreNotices>,
) {
    recording.leave(&records, &mut notices, &words.app);
}

/// Closing the window mid-walkthrough is leaving too (a crash is not: that becomes "interrupted").
fn close_attempt_on_exit(
    exit: MessageReader<AppExit>,
    records: Res<Records>,
    words: Res<Words>,
    recording: ResMut<Recording>,
    notices: ResMut<StoreNotices>,
) {
    if !exit.is_empty() {
        close_left_attempt(records, words, recording, notices);
    }
}

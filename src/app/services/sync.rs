//! Records reach the city: a worker thread sends the store's outbox to the
//! learning record store the trainer set up, never blocking a frame or a step
//! write (it has its own connection to the store). A finished step nudges it;
//! failures wait with backoff; a refused key waits for the trainer. What it
//! last found is shown in the trainer's corner.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::records::{Keep, Records};
use crate::app::flow::{AppSystems, Screen, Wake};
use crate::progress::Store;
use crate::progress::sync::{self, Backoff, Http, Problem, Settings, Status};

/// When nothing asks, the worker still looks this often (a record written by another window).
const IDLE: Duration = Duration::from_secs(5 * 60);

/// What the worker last found, shared with the app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncView {
    pub status: Option<Status>,
    /// What the record store's `/about` said after the last change of settings.
    pub about: Option<Result<Vec<String>, Problem>>,
    /// Whether a round is under way.
    pub sending: bool,
    /// The newest statements the record store would not take.
    pub flagged: Vec<crate::progress::Flagged>,
}

enum Nudge {
    /// Something was recorded: send when not waiting out a failure.
    Recorded,
    /// The trainer saved new settings: check `/about` and send at once.
    SetUp,
}

/// The worker's door: nudges in, what it found out.
#[derive(Resource)]
pub struct SyncWorker {
    nudges: Mutex<Sender<Nudge>>,
    view: Arc<Mutex<SyncView>>,
}

impl SyncWorker {
    /// Says that something was recorded (cheap; never waits).
    pub fn nudge(&self) {
        let _ = self.nudges.lock().unwrap_or_else(std::sync::PoisonError::into_inner).send(Nudge::Recorded);
    }

    fn set_up(&self) {
        let _ = self.nudges.lock().unwrap_or_else(std::sync::PoisonError::into_inner).send(Nudge::SetUp);
    }

    pub fn view(&self) -> SyncView {
        self.view.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }
}

/// What the trainer's corner shows: the worker's last findings.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncShown(pub SyncView);

/// Asks to send records to this record store from now on.
#[derive(Message, Debug, Clone)]
pub struct SetUpSync {
    pub endpoint: String,
    pub key: String,
    pub secret: String,
    /// The centre's address from the city office (empty: leave it as it is).
    pub centre: String,
}

/// The answer to [`SetUpSync`]: the address was not a web address.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct SetUpProblem(pub Option<Problem>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SyncShown>()
        .init_resource::<SetUpProblem>()
        .add_message::<SetUpSync>()
        .add_systems(Startup, start_worker)
        .add_systems(Update, set_up.in_set(AppSystems::ApplyCommands))
        .add_systems(Update, show_status.run_if(in_state(Screen::Trainer)).in_set(AppSystems::Present));
}

/// Starts the worker when practice is kept in a folder (a preview records nothing to send).
fn start_worker(mut commands: Commands, keep: Option<Res<KeepFolder>>) {
    let Some(KeepFolder(dir)) = keep.as_deref().cloned() else { return };
    let (nudges, inbox) = channel();
    let view = Arc::new(Mutex::new(SyncView::default()));
    let shared = view.clone();
    let spawned = std::thread::Builder::new().name("kuayue-sync".into()).spawn(move || work(dir, inbox, shared));
    if let Err(e) = spawned {
        warn!("records will not be sent upward: {e}");
        return;
    }
    commands.insert_resource(SyncWorker { nudges: Mutex::new(nudges), view });
}

/// The data folder practice is kept in (set when [`Keep::Folder`]).
#[derive(Resource, Debug, Clone)]
pub struct KeepFolder(pub PathBuf);

impl KeepFolder {
    pub fn of(keep: &Keep) -> Option<KeepFolder> {
        match keep {
            Keep::Folder(dir) => Some(KeepFolder(dir.clone())),
            Keep::Nowhere => None,
        }
    }
}

fn set_up(
    mut requests: MessageReader<SetUpSync>,
    records: Res<Records>,
    worker: Option<Res<SyncWorker>>,
    mut problem: ResMut<SetUpProblem>,
) {
    let Some(request) = requests.read().last() else { return };
    if !request.centre.trim().is_empty()
        && let Some(Err(refused)) = records.with(|s| sync::set_centre(s, &request.centre))
    {
        problem.0 = Some(refused);
        return;
    }
    match Settings::new(&request.endpoint, &request.key, &request.secret) {
        Ok(settings) => {
            problem.0 = None;
            if records.with(|s| settings.save(s)).is_some() {
                info!("records will be sent to {}", settings.endpoint);
                if let Some(worker) = worker {
                    worker.set_up();
                }
            }
        }
        Err(p) => problem.0 = Some(p),
    }
}

/// Copies what the worker found, looking once a second while the corner is open.
fn show_status(worker: Option<Res<SyncWorker>>, mut shown: ResMut<SyncShown>, mut wake: ResMut<Wake>) {
    let Some(worker) = worker else { return };
    let view = worker.view();
    if shown.0 != view {
        shown.0 = view;
    }
    wake.within(1.0);
}

/// The worker thread: waits for a nudge (or a backoff, or the idle look), then sends.
fn work(dir: PathBuf, inbox: Receiver<Nudge>, view: Arc<Mutex<SyncView>>) {
    let publish = |change: &dyn Fn(&mut SyncView)| change(&mut view.lock().unwrap_or_else(|e| e.into_inner()));
    let mut http = Http::default();
    let mut backoff = Backoff::default();
    let mut store: Option<Store> = None;
    // Sends at start: what waited while the app was closed goes out first.
    let mut next_try = Instant::now();
    let mut check_about = false;
    loop {
        let wait = next_try.saturating_duration_since(Instant::now());
        match inbox.recv_timeout(wait) {
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {}
            Ok(nudge) => {
                // Gather what else came, then decide: new settings go at once; a
                // recorded step waits out a failure's backoff.
                let mut set_up = matches!(nudge, Nudge::SetUp);
                while let Ok(more) = inbox.try_recv() {
                    set_up |= matches!(more, Nudge::SetUp);
                }
                if set_up {
                    backoff.succeeded();
                    check_about = true;
                } else if backoff.failures() > 0 && Instant::now() < next_try {
                    continue;
                }
            }
        }
        if store.is_none() {
            store = Store::open_for_sync(&dir).ok();
        }
        let Some(store) = &store else {
            next_try = Instant::now() + IDLE;
            continue;
        };
        let settings = match Settings::load(store) {
            Ok(Some(settings)) => settings,
            Ok(None) | Err(_) => {
                let status = Status::read(store, Some(Problem::NotSetUp)).ok();
                publish(&|v| v.status = status.clone());
                next_try = Instant::now() + IDLE;
                continue;
            }
        };
        publish(&|v| v.sending = true);
        if std::mem::take(&mut check_about) {
            let about = sync::check_about(&settings, &mut http);
            publish(&|v| v.about = Some(about.clone()));
        }
        let now = || jiff::Timestamp::now().as_millisecond();
        let pause = Duration::from_millis(sync::APP_PAUSE_MS);
        let (problem, retry_after) = match sync::send_queued_paced(store, &settings, &mut http, &now, pause) {
            Ok(round) => {
                if round.sent > 0 {
                    bevy::log::info!("sent {} record(s) to the record store", round.sent);
                }
                (round.problem, round.retry_after)
            }
            Err(e) => (Some(Problem::Offline(e.to_string())), None),
        };
        next_try = Instant::now()
            + match &problem {
                None => {
                    backoff.succeeded();
                    IDLE
                }
                Some(p) if p.needs_trainer() => IDLE,
                Some(p) => {
                    let wait = backoff.failed(retry_after, sync::jitter());
                    bevy::log::info!("records wait {} s to be sent: {}", wait.as_secs(), p.kind());
                    wait
                }
            };
        let status = Status::read(store, problem).ok();
        let flagged = store.outbox_flagged(5).unwrap_or_default();
        publish(&|v| {
            v.status = status.clone();
            v.flagged = flagged.clone();
            v.sending = false;
        });
    }
}

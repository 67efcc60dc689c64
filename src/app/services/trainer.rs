//! The trainer's corner and the files the app writes: the PIN door, the
//! figures behind it, exports and certificates. Each is a request message
//! handled here; the results come back as resources the screens show. Files
//! are written on a worker thread, so a frame never waits for the disk.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use bevy::prelude::*;

use super::records::Records;
use crate::app::flow::Screen;
use crate::app::flow::{AppSystems, OutputDir};
use crate::app::library::Library;
use crate::app::words::Words;
use crate::progress::certificate::{Certificate, write_png};
use crate::progress::export::Format;
use crate::progress::report::{self, Snapshot};
use crate::progress::{Attempt, Learner, Period};
use crate::settings::PinGate;

/// Asks to open the trainer's corner with this PIN (or to choose it).
#[derive(Message, Debug, Clone)]
pub struct SubmitPin(pub String);

/// The door of the trainer's corner, and what to tell the trainer there.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct TrainerDoor {
    pub gate: PinGate,
    /// A message id (wrong PIN, the two differ …).
    pub said: Option<&'static str>,
    /// After too many wrong PINs: seconds until the next one is checked.
    pub wait_secs: i64,
}

/// The figures behind the PIN, read when the door opens.
#[derive(Resource, Debug, Default, Clone)]
pub struct Dashboard {
    pub attempts: Vec<Attempt>,
    pub learners: Vec<Learner>,
    /// Scenario id → title in the app's language.
    pub titles: HashMap<String, String>,
}

impl Dashboard {
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.titles.get(id).map_or(id, String::as_str)
    }
}

/// Asks to export all records to the output folder.
#[derive(Message, Debug, Clone, Copy)]
pub struct ExportRecords {
    pub format: Format,
    pub anonymize: bool,
}

/// Asks to save the certificate of the learner's first completion.
#[derive(Message, Debug, Clone)]
pub struct SaveCertificate {
    pub learner: String,
    /// The scenario's title in the learner's language.
    pub scenario: String,
    pub centre: String,
}

/// How a file the app writes is getting on.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum FileStatus {
    #[default]
    None,
    /// Being written on the worker thread.
    Writing,
    Written(PathBuf),
    Failed(String),
}

/// The last export's status (shown on the export tab).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct ExportStatus(pub FileStatus);

/// The certificate's status (shown on the done screen).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct CertificateStatus(pub FileStatus);

/// Where a worker thread says how writing a file went.
type Written = Mutex<Receiver<Result<PathBuf, String>>>;

/// Files being written on worker threads.
#[derive(Resource, Default)]
struct Writing {
    export: Option<Written>,
    certificate: Option<Written>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TrainerDoor>()
        .init_resource::<Dashboard>()
        .init_resource::<ExportStatus>()
        .init_resource::<CertificateStatus>()
        .init_resource::<Writing>()
        .add_message::<SubmitPin>()
        .add_message::<ExportRecords>()
        .add_message::<SaveCertificate>()
        .add_systems(OnEnter(Screen::Trainer), close_the_door)
        .add_systems(OnExit(Screen::Done), |mut status: ResMut<CertificateStatus>| status.0 = FileStatus::None)
        .add_systems(
            Update,
            (submit_pin, export_records, save_certificate, collect_written).in_set(AppSystems::ApplyCommands),
        );
}

/// Each visit to the corner starts at the door.
fn close_the_door(
    records: Res<Records>,
    mut door: ResMut<TrainerDoor>,
    mut dashboard: ResMut<Dashboard>,
    mut export: ResMut<ExportStatus>,
) {
    door.gate = records.with(PinGate::at_door).unwrap_or_default();
    door.said = None;
    *dashboard = Dashboard::default();
    export.0 = FileStatus::None;
}

fn submit_pin(
    mut requests: MessageReader<SubmitPin>,
    records: Res<Records>,
    library: Res<Library>,
    words: Res<Words>,
    mut door: ResMut<TrainerDoor>,
    mut dashboard: ResMut<Dashboard>,
) {
    for SubmitPin(pin) in requests.read() {
        let door = &mut *door;
        let now = super::records::now_ms();
        door.said = records.with(|s| door.gate.submit(s, pin, now)).flatten();
        door.wait_secs = records.with(|s| crate::settings::pin_wait_left(s, now)).map_or(0, |ms| (ms + 999) / 1000);
        if door.gate.is_open() {
            info!("trainer's corner unlocked");
            *dashboard = Dashboard {
                attempts: records.with(|s| s.attempts(Period::default())).unwrap_or_default(),
                learners: records.with(|s| s.learners()).unwrap_or_default(),
                titles: library.0.titles(&words.scenarios, words.lang),
            };
        }
    }
}

/// Reads the records here (one consistent snapshot) and writes the file on a worker thread.
fn export_records(
    mut requests: MessageReader<ExportRecords>,
    records: Res<Records>,
    library: Res<Library>,
    words: Res<Words>,
    door: Res<TrainerDoor>,
    output: Res<OutputDir>,
    mut status: ResMut<ExportStatus>,
    mut writing: ResMut<Writing>,
) {
    let Some(&ExportRecords { format, anonymize }) = requests.read().last() else { return };
    if !door.gate.is_open() || status.0 == FileStatus::Writing {
        return;
    }
    let titles = library.0.titles(&words.scenarios, words.lang);
    let Some(snapshot) = records.with(|s| Snapshot::read(s, Period::default(), words.lang, titles)) else {
        status.0 = FileStatus::Failed(words.ui("trainer-export-failed"));
        return;
    };
    let dir = output.0.clone();
    let out = dir.join(report::export_file_name(format, &jiff::Zoned::now()));
    let (done, result) = channel();
    std::thread::spawn(move || {
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))
            .and_then(|()| snapshot.write(format, anonymize, &out).map_err(|e| e.to_string()))
            .map(|_| out);
        let _ = done.send(written);
    });
    status.0 = FileStatus::Writing;
    writing.export = Some(Mutex::new(result));
}

/// Draws the certificate on a worker thread into the output folder.
fn save_certificate(
    mut requests: MessageReader<SaveCertificate>,
    words: Res<Words>,
    output: Res<OutputDir>,
    mut status: ResMut<CertificateStatus>,
    mut writing: ResMut<Writing>,
) {
    let Some(request) = requests.read().last() else { return };
    if status.0 == FileStatus::Writing {
        return;
    }
    let now = jiff::Zoned::now();
    let date = words.app.get(
        "certificate-date",
        &[
            ("year".to_owned(), now.year().to_string()),
            ("month".to_owned(), now.month().to_string()),
            ("day".to_owned(), now.day().to_string()),
        ]
        .into(),
    );
    let certificate = Certificate {
        heading: words.ui("certificate-heading"),
        learner: request.learner.clone(),
        achievement: words.ui_with("certificate-achievement", "scenario", &request.scenario),
        date,
        centre: request.centre.clone(),
    };
    let dir = output.0.clone();
    let file = dir.join(format!("{}-{}-{}.png", certificate.heading, request.learner, now.strftime("%Y%m%d")));
    let (done, result) = channel();
    std::thread::spawn(move || {
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|()| write_png(&certificate, crate::glyphs::SHIPPED_FONT, &file).map_err(|e| e.to_string()))
            .map(|()| file);
        let _ = done.send(written);
    });
    status.0 = FileStatus::Writing;
    writing.certificate = Some(Mutex::new(result));
}

/// Takes in what the worker threads finished (looking ten times a second while they write).
fn collect_written(
    mut wake: ResMut<crate::app::flow::Wake>,
    mut writing: ResMut<Writing>,
    mut export: ResMut<ExportStatus>,
    mut certificate: ResMut<CertificateStatus>,
) {
    let writing = &mut *writing;
    for (pending, status, what) in
        [(&mut writing.export, &mut export.0, "export"), (&mut writing.certificate, &mut certificate.0, "certificate")]
    {
        let Some(receiver) = pending else { continue };
        wake.within(0.1);
        let received = receiver.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner).try_recv();
        let finished = match received {
            Ok(result) => result,
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => Err("the writer stopped".to_owned()),
        };
        *pending = None;
        *status = match finished {
            Ok(file) => {
                info!("{what} saved: {}", file.display());
                FileStatus::Written(file)
            }
            Err(reason) => {
                warn!("{what} not saved: {reason}");
                FileStatus::Failed(reason)
            }
        };
    }
}

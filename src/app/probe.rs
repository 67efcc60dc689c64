//! The test probe: with `KUAYUE_TEST_REPORT=<file>` set, the app appends one
//! JSON object per line to that file for each fact a test (or a support
//! person) follows: the library loaded, screens, scenarios started, steps,
//! where each step's target settled on screen, actions, hints, voice lines,
//! completion. Tests read this instead of log wording; the schema is in
//! `docs/test-report.md`. Without the variable nothing is written.

use std::io::Write;

use bevy::prelude::*;
use serde_json::{Value, json};

use super::flow::Screen;
use super::flow::{AppSystems, Wake};
use super::library::Library;
use super::phone::targets::{DrawnTargets, Key};
use super::voice::SpokenLog;
use super::walkthrough::{
    Active, HintShown, LearnerAction, StartScenario, StepEntered, TapSetAside, WalkthroughCompleted,
};
use super::words::Words;
use crate::walkthrough::Action;

/// The environment variable that names the report file.
pub const REPORT_VAR: &str = "KUAYUE_TEST_REPORT";

/// The open report file (only when asked for), and when the app started.
#[derive(Resource)]
struct Report(std::fs::File, std::time::Instant);

impl Report {
    fn write(&mut self, mut value: Value) {
        value["secs"] = json!((self.1.elapsed().as_secs_f64() * 1000.0).round() / 1000.0);
        // One line per fact, flushed at once: a test reads it while the app runs.
        let _ = writeln!(self.0, "{value}").and_then(|()| self.0.flush());
    }
}

pub(super) fn plugin(app: &mut App) {
    let Some(path) = std::env::var_os(REPORT_VAR).filter(|p| !p.is_empty()) else { return };
    let file = std::fs::OpenOptions::new().create(true).append(true).open(&path);
    let Ok(file) = file.inspect_err(|e| warn!("test report {}: {e}", path.to_string_lossy())) else { return };
    app.insert_resource(Report(file, std::time::Instant::now())).add_systems(PostStartup, report_library).add_systems(
        Update,
        (
            report_screen.run_if(state_changed::<Screen>),
            report_walkthrough,
            report_target.run_if(in_state(Screen::Walkthrough)),
            report_boards.run_if(in_state(Screen::Walkthrough)),
            report_voice,
            report_records,
            report_focus,
        )
            .chain()
            .in_set(AppSystems::Present),
    );
}

fn report_library(library: Res<Library>, mut report: ResMut<Report>) {
    let broken: Vec<Value> = library
        .0
        .broken
        .iter()
        .map(|b| {
            let code = b.problem.as_ref().map(|d| d.code.to_string());
            let at = b.problem.as_ref().and_then(|d| d.line_col());
            json!({ "file": b.file.display().to_string(), "code": code, "line_col": at })
        })
        .collect();
    let ready: Vec<&str> = library.ready().map(|s| s.id.as_str()).collect();
    report.write(json!({ "event": "library", "ready": ready, "broken": broken }));
}

fn report_screen(screen: Res<State<Screen>>, mut report: ResMut<Report>) {
    report.write(json!({ "event": "screen", "screen": format!("{:?}", screen.get()) }));
}

fn report_walkthrough(
    mut started: MessageReader<StartScenario>,
    mut actions: MessageReader<LearnerAction>,
    mut set_aside: MessageReader<TapSetAside>,
    mut entered: MessageReader<StepEntered>,
    mut hints: MessageReader<HintShown>,
    mut completed: MessageReader<WalkthroughCompleted>,
    words: Res<Words>,
    progress: Option<Res<Active>>,
    mut report: ResMut<Report>,
) {
    for s in started.read() {
        report.write(json!({ "event": "scenario", "id": s.scenario.id, "preview": s.preview, "at": s.at }));
    }
    for LearnerAction(action) in actions.read().filter(|a| !matches!(a.0, Action::Wait(_))) {
        report.write(json!({ "event": "action", "action": format!("{action:?}") }));
    }
    for TapSetAside(action) in set_aside.read() {
        report.write(json!({ "event": "ignored", "action": format!("{action:?}") }));
    }
    for e in entered.read() {
        let (number, total) = progress.as_ref().map_or((0, 0), |a| (a.view.progress.done + 1, a.view.progress.total));
        report.write(json!({
            "event": "step",
            "step": e.step,
            "prompt": e.prompt,
            "caption": words.say(&e.prompt),
            "number": number,
            "total": total,
        }));
    }
    for h in hints.read() {
        report.write(json!({ "event": "hint", "level": h.level, "message": h.message }));
    }
    for c in completed.read() {
        report.write(json!({ "event": "completed", "steps": c.0.steps, "wrong_actions": c.0.wrong_actions }));
    }
}

/// Records the store now holds for sure (written and committed).
fn report_records(mut written: MessageReader<super::services::records::RecordWritten>, mut report: ResMut<Report>) {
    for w in written.read() {
        report.write(
            json!({ "event": "recorded", "kind": w.kind, "step": w.step, "outcome": w.outcome, "started": w.started }),
        );
    }
}

/// What the room's displays show, once the signs are painted: each display whose words
/// differ from those last reported.
fn report_boards(
    atlas: Res<crate::app::scene::signs::SignAtlas>,
    boards: Query<(&crate::app::scene::room::BoardWords, &Visibility)>,
    active: Option<Res<Active>>,
    mut reported: Local<std::collections::HashMap<String, String>>,
    mut report: ResMut<Report>,
) {
    if atlas.painted < crate::app::scene::signs::PAINT_FRAMES {
        return;
    }
    let step = active.as_ref().and_then(|a| a.view.step.clone());
    for (board, _) in boards.iter().filter(|(_, v)| **v != Visibility::Hidden) {
        if reported.get(&board.station) != Some(&board.words) {
            report.write(json!({ "event": "board", "station": board.station, "words": board.words, "step": step }));
            reported.insert(board.station.clone(), board.words.clone());
        }
    }
}

/// Where each step's target is on screen (logical px), once per step, once it
/// has stayed put for half a second and 5 frames (the camera and layout have
/// settled). Until then the probe keeps frames coming ten times a second.
fn report_target(
    time: Res<Time<Real>>,
    active: Option<Res<Active>>,
    drawn: Option<Res<DrawnTargets>>,
    shown: Option<Res<crate::app::scene::display::ShownScreen>>,
    mut reported: Local<Option<String>>,
    mut steady: Local<(Option<bevy_egui::egui::Rect>, u32, f32)>,
    mut wake: ResMut<Wake>,
    mut report: ResMut<Report>,
) {
    let (Some(active), Some(drawn)) = (active, drawn) else { return };
    let (Some(step), Some(target)) = (&active.view.step, &active.view.target) else { return };
    if reported.as_ref() == Some(step) {
        return;
    }
    wake.within(0.1);
    let rect = drawn.of_target(target);
    let now = time.elapsed_secs();
    if rect.is_none() || rect != steady.0 {
        *steady = (rect, 0, now);
        return;
    }
    steady.1 += 1;
    if let Some(rect) = rect.filter(|_| steady.1 >= 5 && now - steady.2 >= 0.5) {
        let c = rect.center();
        let key = format!("{:?}", Key::from(target));
        // Where the step's screen is drawn: on the thing it belongs to, or flat at the edge.
        let on = match shown.as_deref().and_then(|s| s.0.as_ref()) {
            Some(placed) => match &placed.on {
                crate::scenario::Display::Phone => "phone in the hand".to_owned(),
                crate::scenario::Display::Station(id) => format!("station {id}"),
            },
            None => "flat".to_owned(),
        };
        report.write(json!({ "event": "target", "step": step, "key": key, "x": c.x, "y": c.y, "screen": on }));
        *reported = Some(step.clone());
    }
}

/// Which tappable thing has the keyboard focus, each time that changes: the key
/// (as in `target`), `"other"` for a menu or caption button, or null for none.
fn report_focus(
    mut contexts: Query<&mut bevy_egui::EguiContext>,
    drawn: Option<Res<DrawnTargets>>,
    mut last: Local<Option<Value>>,
    mut report: ResMut<Report>,
) {
    let Some(drawn) = drawn else { return };
    for mut context in &mut contexts {
        let focused = context.get_mut().memory(|m| m.focused());
        let key = match focused {
            None => Value::Null,
            Some(id) => drawn.key_of(id).map_or_else(|| json!("other"), |k| json!(format!("{k:?}"))),
        };
        if last.as_ref() != Some(&key) {
            // The first state (nothing focused) is not news.
            if last.is_some() || !key.is_null() {
                report.write(json!({ "event": "focus", "key": key }));
            }
            *last = Some(key);
        }
    }
}

fn report_voice(log: Res<SpokenLog>, mut told: Local<usize>, mut report: ResMut<Report>) {
    for clip in log.0.iter().skip(*told) {
        report.write(json!({ "event": "voice", "clip": clip }));
    }
    *told = log.0.len();
}

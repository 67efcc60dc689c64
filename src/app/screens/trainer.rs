//! The trainer's corner, behind a PIN set on first use: per learner and per
//! scenario figures as bar charts (with the numbers written on them), the steps
//! where learners struggle, exports, the centre's name for certificates, and a
//! preview that opens any step of any scenario (not recorded as practice).

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Screen;
use crate::app::library::Library;
use crate::app::services::preferences::{ChangeSettings, Prefs};
use crate::app::services::sync::{SetUpProblem, SetUpSync, SyncShown};
use crate::app::services::trainer::{Dashboard, ExportRecords, ExportStatus, FileStatus, SubmitPin, TrainerDoor};
use crate::app::theme::{self, Theme};
use crate::app::walkthrough::StartScenario;
use crate::app::words::Words;
use crate::progress::export::Format;
use crate::progress::stats;
use crate::progress::sync::Problem;
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Learners,
    Scenarios,
    Export,
    Centre,
    Sync,
    Preview,
}

/// What the trainer's corner shows (screen state only); reset each time it opens.
#[derive(Resource, Default)]
struct Corner {
    /// The PIN typed so far.
    pin: String,
    message: Option<String>,
    tab: Tab,
    anonymize: bool,
    centre_name: String,
    /// The scenario whose steps the preview tab lists.
    previewing: Option<Arc<Scenario>>,
    /// The record store's address, key and secret as typed on the sending tab.
    endpoint: String,
    key: String,
    secret: String,
    centre: String,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Corner>()
        .add_systems(OnEnter(Screen::Trainer), |mut corner: ResMut<Corner>| *corner = Corner::default())
        .add_systems(EguiPrimaryContextPass, draw_trainer.run_if(in_state(Screen::Trainer)));
}

/// Where the trainer's requests go.
#[derive(bevy::ecs::system::SystemParam)]
struct Requests<'w> {
    pin: MessageWriter<'w, SubmitPin>,
    export: MessageWriter<'w, ExportRecords>,
    change: MessageWriter<'w, ChangeSettings>,
    start: MessageWriter<'w, StartScenario>,
    sync: MessageWriter<'w, SetUpSync>,
}

/// What the sending tab shows.
#[derive(bevy::ecs::system::SystemParam)]
struct Sending<'w> {
    shown: Res<'w, SyncShown>,
    problem: Res<'w, SetUpProblem>,
}

fn draw_trainer(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    prefs: Res<Prefs>,
    library: Res<Library>,
    door: Res<TrainerDoor>,
    dashboard: Res<Dashboard>,
    exported: Res<ExportStatus>,
    sending: Sending,
    mut corner: ResMut<Corner>,
    mut requests: Requests,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let corner = &mut *corner;
    theme::menu(ctx, "trainer", |ui| {
        ui.horizontal(|ui| {
            ui.label(theme.heading(words.ui("trainer-title")));
            ui.add_space(24.0);
            // Back stays at the top: the figures below can be long.
            if ui.add(theme.button(words.ui("app-back"))).clicked() {
                next.set(Screen::Start);
            }
        });
        let said = door
            .said
            .map(|id| match id {
                "trainer-pin-wait" => words.ui_with("trainer-pin-wait", "minutes", ((door.wait_secs + 59) / 60).max(1)),
                id => words.ui(id),
            })
            .filter(|_| !door.gate.is_open());
        if let Some(message) = corner.message.clone().or(said) {
            ui.add(egui::Label::new(theme.notice(message)).wrap());
        }
        if !door.gate.is_open() {
            if let Some(pin) = pin_gate(ui, &theme, &words, &door, corner) {
                requests.pin.write(SubmitPin(pin));
            }
        } else {
            tabs(ui, &theme, &words, &prefs, &dashboard, &exported, corner, &mut requests);
            if corner.tab == Tab::Sync {
                sync_tab(ui, &theme, &words, &sending, corner, &mut requests.sync);
            }
            if corner.tab == Tab::Preview {
                let ready: Vec<Arc<Scenario>> = library.ready().cloned().collect();
                if let Some(request) = preview_tab(ui, &theme, &words, &ready, corner) {
                    requests.start.write(request);
                }
            }
        }
    });
    Ok(())
}

/// Asks for the PIN, or to choose one (twice) on first use; the PIN typed, once submitted.
fn pin_gate(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    door: &TrainerDoor,
    corner: &mut Corner,
) -> Option<String> {
    ui.label(theme.body(words.ui(door.gate.prompt())));
    let mut submitted = false;
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut corner.pin)
            .password(true)
            .char_limit(6)
            .font(egui::FontId::proportional(theme.px(theme::HEADING_PX)))
            .desired_width(220.0);
        let response = ui.add(field);
        if !response.has_focus() && corner.pin.is_empty() {
            response.request_focus();
        }
        submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        submitted |= ui.add(theme.primary_button(words.ui("app-ok"))).clicked();
    });
    corner.message = None;
    submitted.then(|| std::mem::take(&mut corner.pin))
}

fn tabs(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    prefs: &Prefs,
    dashboard: &Dashboard,
    exported: &ExportStatus,
    corner: &mut Corner,
    requests: &mut Requests,
) {
    ui.horizontal_wrapped(|ui| {
        for (tab, id) in [
            (Tab::Learners, "trainer-tab-learners"),
            (Tab::Scenarios, "trainer-tab-scenarios"),
            (Tab::Export, "trainer-tab-export"),
            (Tab::Centre, "trainer-tab-centre"),
            (Tab::Sync, "trainer-tab-sync"),
            (Tab::Preview, "trainer-tab-preview"),
        ] {
            if ui.add(theme.choice(words.ui(id), corner.tab == tab)).clicked() {
                corner.tab = tab;
                corner.message = None;
                if tab == Tab::Centre {
                    corner.centre_name = prefs.0.centre_name.clone();
                }
            }
        }
    });
    ui.add_space(8.0);
    ui.scope(|ui| match corner.tab {
        Tab::Learners => learners_tab(ui, theme, words, dashboard),
        Tab::Scenarios => scenarios_tab(ui, theme, words, dashboard),
        Tab::Export => export_tab(ui, theme, words, exported, corner, &mut requests.export),
        Tab::Preview | Tab::Sync => {}
        Tab::Centre => {
            ui.label(theme.body(words.ui("trainer-centre-name")));
            ui.add(
                egui::TextEdit::singleline(&mut corner.centre_name)
                    .font(egui::FontId::proportional(theme.px(theme::BUTTON_PX)))
                    .desired_width(600.0),
            );
            if ui.add(theme.primary_button(words.ui("trainer-save"))).clicked() {
                let mut settings = prefs.0.clone();
                settings.centre_name = corner.centre_name.trim().to_owned();
                requests.change.write(ChangeSettings(settings));
                corner.message = Some(words.ui("trainer-saved"));
            }
        }
    });
}

/// Sending records upward: where it stands (waiting, sent, last sent, any
/// problem in plain words) and the record store's address, key and secret.
fn sync_tab(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    sending: &Sending,
    corner: &mut Corner,
    sync: &mut MessageWriter<SetUpSync>,
) {
    let view = &sending.shown.0;
    ui.add(egui::Label::new(theme.body(words.ui("trainer-sync-explain"))).wrap());
    if let Some(status) = &view.status {
        ui.add(egui::Label::new(theme.body(status.summary(&words.app))).wrap());
    }
    ui.add_space(8.0);
    if corner.endpoint.is_empty()
        && let Some(endpoint) = view.status.as_ref().and_then(|s| s.endpoint.clone())
    {
        corner.endpoint = endpoint;
    }
    // One row per field (label, then the field), so the whole form fits above the fold;
    // Enter in any field saves, as the button does.
    let mut entered = false;
    egui::Grid::new("sync_form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        // Each field's edge drawn dark enough to find (over 3:1 against the panel, WCAG 1.4.11).
        ui.visuals_mut().widgets.inactive.bg_stroke = egui::Stroke::new(2.0, egui::Color32::from_rgb(0x59, 0x59, 0x59));
        for (label, text, secret) in [
            ("trainer-sync-endpoint", &mut corner.endpoint, false),
            ("trainer-sync-key", &mut corner.key, false),
            ("trainer-sync-secret", &mut corner.secret, true),
            ("trainer-sync-centre", &mut corner.centre, false),
        ] {
            ui.label(theme.body(words.ui(label)));
            let response = ui.add(
                egui::TextEdit::singleline(text)
                    .password(secret)
                    .font(egui::FontId::proportional(theme.px(theme::BUTTON_PX)))
                    .desired_width(520.0),
            );
            entered |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
        }
    });
    if let Some(problem) = &sending.problem.0 {
        ui.add(egui::Label::new(theme.notice(problem.text(&words.app))).wrap());
    }
    if ui.add(theme.primary_button(words.ui("trainer-sync-save"))).clicked() || entered {
        sync.write(SetUpSync {
            endpoint: corner.endpoint.clone(),
            key: corner.key.clone(),
            secret: std::mem::take(&mut corner.secret),
            centre: corner.centre.clone(),
        });
    }
    ui.add_space(12.0);
    match &view.status {
        Some(status) => {
            match &status.problem {
                // In the app the form is right here, not on the command line.
                Some(Problem::NotSetUp) => {
                    ui.add(egui::Label::new(theme.notice(words.ui("trainer-sync-not-set-up"))).wrap());
                }
                Some(problem) => {
                    ui.add(egui::Label::new(theme.notice(problem.text(&words.app))).wrap());
                }
                None => {}
            }
        }
        None => {
            ui.add(egui::Label::new(theme.body(words.ui("trainer-sync-not-kept"))).wrap());
        }
    }
    if view.sending {
        ui.label(theme.body(words.ui("trainer-sync-sending")));
    }
    match &view.about {
        Some(Ok(versions)) => {
            ui.label(theme.body(words.app.get("sync-about-ok", &[("version".to_owned(), versions.join(", "))].into())));
        }
        Some(Err(problem)) if view.status.as_ref().and_then(|s| s.problem.as_ref()) != Some(problem) => {
            ui.add(egui::Label::new(theme.notice(problem.text(&words.app))).wrap());
        }
        _ => {}
    }
    for flagged in &view.flagged {
        let line = match flagged.state {
            crate::progress::OutboxState::Conflict => {
                words.app.get("sync-flagged-conflict", &[("id".to_owned(), flagged.id.clone())].into())
            }
            _ => words.app.get(
                "sync-flagged-rejected",
                &[("id".to_owned(), flagged.id.clone()), ("reason".to_owned(), flagged.reason.clone())].into(),
            ),
        };
        ui.add(egui::Label::new(theme.body(line)).wrap());
    }
}

fn learners_tab(ui: &mut egui::Ui, theme: &Theme, words: &Words, corner: &Dashboard) {
    let all = stats::by_learner(&corner.attempts, &corner.learners);
    if all.is_empty() {
        ui.label(theme.body(words.app.text("stats-empty")));
    }
    for learner in all {
        let name = learner
            .learner
            .and_then(|id| corner.learners.iter().find(|l| l.id == id))
            .map_or_else(|| words.app.text("guest"), |l| l.name.clone());
        let last = jiff::Timestamp::from_millisecond(learner.last_practice)
            .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d").to_string())
            .unwrap_or_default();
        ui.label(theme.body(format!(
            "{name} — {}",
            words.app.get(
                "trainer-learner-line",
                &[
                    ("completed".to_owned(), learner.scenarios_completed.to_string()),
                    ("attempts".to_owned(), learner.attempts.to_string()),
                    ("last".to_owned(), last),
                ]
                .into(),
            )
        )));
        let longest = learner.progressions.iter().map(|p| p.first_minutes.max(p.latest_minutes)).fold(1.0, f64::max);
        for p in &learner.progressions {
            let label = corner.title(&p.scenario);
            theme.bar(
                ui,
                &format!("{label} · {}", words.app.text("col-first-minutes")),
                p.first_minutes / longest,
                &format!("{:.1}", p.first_minutes),
            );
            theme.bar(
                ui,
                &format!("{label} · {}", words.app.text("col-latest-minutes")),
                p.latest_minutes / longest,
                &format!("{:.1}", p.latest_minutes),
            );
        }
        ui.add_space(10.0);
    }
}

fn scenarios_tab(ui: &mut egui::Ui, theme: &Theme, words: &Words, corner: &Dashboard) {
    let all = stats::by_scenario(&corner.attempts);
    if all.is_empty() {
        ui.label(theme.body(words.app.text("stats-empty")));
        return;
    }
    ui.label(theme.body(words.app.text("col-completion-rate")));
    for s in &all {
        let median = s.median_minutes.map_or_else(|| "–".to_owned(), |m| format!("{m:.1}"));
        let value = words.app.get(
            "trainer-scenario-value",
            &[
                ("rate".to_owned(), format!("{:.0}%", s.completion_rate() * 100.0)),
                ("completed".to_owned(), s.completed.to_string()),
                ("attempts".to_owned(), s.attempts.to_string()),
                ("median".to_owned(), median),
            ]
            .into(),
        );
        theme.bar(ui, corner.title(&s.scenario), s.completion_rate(), &value);
    }
    ui.add_space(12.0);
    ui.label(theme.body(words.app.text("summary-hard-steps")));
    let hard = stats::struggles(&corner.attempts);
    let top = hard.first().map_or(1.0, |s| s.score().max(0.01));
    for s in hard.iter().take(8) {
        let value = words.app.get(
            "trainer-step-value",
            &[
                ("wrong".to_owned(), s.wrong_actions.to_string()),
                ("hints".to_owned(), s.hints.to_string()),
                ("skips".to_owned(), s.skips.to_string()),
            ]
            .into(),
        );
        theme.bar(ui, &format!("{} · {}", corner.title(&s.scenario), s.step), s.score() / top, &value);
    }
}

fn export_tab(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    exported: &ExportStatus,
    corner: &mut Corner,
    export: &mut MessageWriter<ExportRecords>,
) {
    if ui.add(theme.choice(words.ui("trainer-anonymize"), corner.anonymize)).clicked() {
        corner.anonymize = !corner.anonymize;
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (format, id) in [
            (Format::Csv, "trainer-export-csv"),
            (Format::Xlsx, "trainer-export-xlsx"),
            (Format::Xapi, "trainer-export-xapi"),
        ] {
            if ui.add(theme.button(words.ui(id))).clicked() {
                export.write(ExportRecords { format, anonymize: corner.anonymize });
            }
        }
    });
    let status = match &exported.0 {
        FileStatus::None => None,
        FileStatus::Writing => Some(words.ui("trainer-exporting")),
        FileStatus::Written(file) => Some(words.ui_with("trainer-exported", "file", file.display())),
        FileStatus::Failed(reason) => Some(format!("{} {reason}", words.ui("trainer-export-failed"))),
    };
    if let Some(status) = status {
        ui.add(egui::Label::new(theme.notice(status)).wrap());
    }
}

/// Every scenario; choosing one lists its steps, and choosing a step opens it
/// there as a preview.
fn preview_tab(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    ready: &[Arc<Scenario>],
    corner: &mut Corner,
) -> Option<StartScenario> {
    ui.add(egui::Label::new(theme.body(words.ui("trainer-preview-explain"))).wrap());
    let Some(scenario) = corner.previewing.clone() else {
        for scenario in ready {
            if ui.add(theme.button(words.say(&scenario.title))).clicked() {
                corner.previewing = Some(scenario.clone());
            }
        }
        return None;
    };
    if ui.add(theme.button(words.ui("trainer-preview-all"))).clicked() {
        corner.previewing = None;
        return None;
    }
    ui.label(theme.heading(words.say(&scenario.title)));
    let at = theme::step_list(ui, theme, words, &scenario, None)?;
    Some(StartScenario { scenario, at: Some(at), preview: true })
}

//! The trainer's corner, behind a PIN set on first use: per learner and per
//! scenario figures as bar charts (with the numbers written on them), the steps
//! where learners struggle, exports, the centre's name for certificates, and a
//! preview that opens any step of any scenario (not recorded as practice).

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use std::sync::Arc;

use super::Screen;
use crate::app::ProjectRoot;
use crate::app::library::Library;
use crate::app::preferences::{ChangeSettings, Prefs};
use crate::app::records::Records;
use crate::app::theme;
use crate::app::walkthrough::StartScenario;
use crate::app::words::Words;
use crate::progress::export::Format;
use crate::progress::{Attempt, Learner, Period, stats};
use crate::scenario::Scenario;
use crate::scenario::project::Project;
use crate::settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Learners,
    Scenarios,
    Export,
    Centre,
    Preview,
}

/// What the trainer's corner shows; reset each time it opens.
#[derive(Resource, Default)]
struct Corner {
    unlocked: bool,
    /// The PIN typed so far.
    pin: String,
    /// Setting a PIN: the first entry, waiting for the same again.
    first_pin: Option<String>,
    message: Option<String>,
    tab: Tab,
    anonymize: bool,
    attempts: Vec<Attempt>,
    learners: Vec<Learner>,
    titles: HashMap<String, String>,
    centre_name: String,
    /// The scenario whose steps the preview tab lists.
    previewing: Option<Arc<Scenario>>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Corner>()
        .add_systems(OnEnter(Screen::Trainer), |mut corner: ResMut<Corner>| *corner = Corner::default())
        .add_systems(EguiPrimaryContextPass, draw_trainer.run_if(in_state(Screen::Trainer)));
}

/// Where exports, certificates and screenshots are saved: next to the data when
/// `KUAYUE_DATA_DIR` chose a folder (a portable install, a test), else
/// Documents/kuayue, else the data folder.
pub fn output_dir() -> PathBuf {
    if std::env::var_os("KUAYUE_DATA_DIR").is_some_and(|d| !d.is_empty()) {
        return crate::progress::Store::default_dir().join("exports");
    }
    directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(|p| p.join("kuayue")))
        .unwrap_or_else(|| crate::progress::Store::default_dir().join("exports"))
}

fn draw_trainer(
    mut contexts: bevy_egui::EguiContexts,
    words: Res<Words>,
    records: Res<Records>,
    prefs: Res<Prefs>,
    library: Option<Res<Library>>,
    root: Res<ProjectRoot>,
    mut corner: ResMut<Corner>,
    mut change: MessageWriter<ChangeSettings>,
    mut start: MessageWriter<StartScenario>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let corner = &mut *corner;
    theme::menu(ctx, "trainer", |ui| {
        ui.horizontal(|ui| {
            ui.label(theme::heading(words.ui("trainer-title")));
            ui.add_space(24.0);
            // Back stays at the top: the figures below can be long.
            if ui.add(theme::button(words.ui("app-back"))).clicked() {
                next.set(Screen::Start);
            }
        });
        if let Some(message) = &corner.message {
            ui.add(egui::Label::new(theme::notice(message.clone())).wrap());
        }
        if !corner.unlocked {
            pin_gate(ui, &words, &records, &root.0, corner);
        } else {
            dashboard(ui, &words, &records, &prefs, corner, &mut change);
            if corner.tab == Tab::Preview {
                let ready = library.as_ref().map_or(&[][..], |l| &l.ready[..]);
                if let Some(request) = preview_tab(ui, &words, ready, corner) {
                    start.write(request);
                }
            }
        }
    });
    Ok(())
}

/// Asks for the PIN, or to choose one (twice) on first use.
fn pin_gate(ui: &mut egui::Ui, words: &Words, records: &Records, project: &Project, corner: &mut Corner) {
    let has_pin = records.with(settings::has_trainer_pin).unwrap_or(false);
    let prompt = match (has_pin, &corner.first_pin) {
        (true, _) => "trainer-pin-enter",
        (false, None) => "trainer-pin-choose",
        (false, Some(_)) => "trainer-pin-again",
    };
    ui.label(theme::body(words.ui(prompt)));
    let mut submitted = false;
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut corner.pin)
            .password(true)
            .char_limit(6)
            .font(egui::FontId::proportional(theme::px(theme::HEADING_PX)))
            .desired_width(220.0);
        let response = ui.add(field);
        if !response.has_focus() && corner.pin.is_empty() {
            response.request_focus();
        }
        submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        submitted |= ui.add(theme::primary_button(words.ui("app-ok"))).clicked();
    });
    if !submitted {
        return;
    }
    let pin = std::mem::take(&mut corner.pin);
    corner.message = None;
    if has_pin {
        if records.with(|s| settings::check_trainer_pin(s, &pin)).unwrap_or(false) {
            unlock(records, corner, words, project);
        } else {
            corner.message = Some(words.ui("trainer-pin-wrong"));
        }
    } else if !settings::valid_pin(&pin) {
        corner.message = Some(words.ui("trainer-pin-invalid"));
    } else if corner.first_pin.is_none() {
        corner.first_pin = Some(pin);
    } else if corner.first_pin.as_deref() == Some(pin.as_str()) {
        records.with(|s| settings::set_trainer_pin(s, &pin));
        unlock(records, corner, words, project);
    } else {
        corner.first_pin = None;
        corner.message = Some(words.ui("trainer-pin-mismatch"));
    }
}

fn unlock(records: &Records, corner: &mut Corner, words: &Words, project: &Project) {
    corner.unlocked = true;
    corner.attempts = records.with(|s| s.attempts(Period::default())).unwrap_or_default();
    corner.learners = records.with(|s| s.learners()).unwrap_or_default();
    corner.titles = crate::progress_cmd::titles(&project.root, words.lang);
}

fn title<'a>(corner: &'a Corner, id: &'a str) -> &'a str {
    corner.titles.get(id).map_or(id, String::as_str)
}

fn dashboard(
    ui: &mut egui::Ui,
    words: &Words,
    records: &Records,
    prefs: &Prefs,
    corner: &mut Corner,
    change: &mut MessageWriter<ChangeSettings>,
) {
    ui.horizontal_wrapped(|ui| {
        for (tab, id) in [
            (Tab::Learners, "trainer-tab-learners"),
            (Tab::Scenarios, "trainer-tab-scenarios"),
            (Tab::Export, "trainer-tab-export"),
            (Tab::Centre, "trainer-tab-centre"),
            (Tab::Preview, "trainer-tab-preview"),
        ] {
            if ui.add(theme::choice(words.ui(id), corner.tab == tab)).clicked() {
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
        Tab::Learners => learners_tab(ui, words, corner),
        Tab::Scenarios => scenarios_tab(ui, words, corner),
        Tab::Export => export_tab(ui, words, records, corner),
        Tab::Preview => {}
        Tab::Centre => {
            ui.label(theme::body(words.ui("trainer-centre-name")));
            ui.add(
                egui::TextEdit::singleline(&mut corner.centre_name)
                    .font(egui::FontId::proportional(theme::px(theme::BUTTON_PX)))
                    .desired_width(600.0),
            );
            if ui.add(theme::primary_button(words.ui("trainer-save"))).clicked() {
                let mut settings = prefs.0.clone();
                settings.centre_name = corner.centre_name.trim().to_owned();
                change.write(ChangeSettings(settings));
                corner.message = Some(words.ui("trainer-saved"));
            }
        }
    });
}

fn learners_tab(ui: &mut egui::Ui, words: &Words, corner: &Corner) {
    let all = stats::by_learner(&corner.attempts, &corner.learners);
    if all.is_empty() {
        ui.label(theme::body(words.app.text("stats-empty")));
    }
    for learner in all {
        let name = learner
            .learner
            .and_then(|id| corner.learners.iter().find(|l| l.id == id))
            .map_or_else(|| words.app.text("guest"), |l| l.name.clone());
        let last = jiff::Timestamp::from_millisecond(learner.last_practice)
            .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d").to_string())
            .unwrap_or_default();
        ui.label(theme::body(format!(
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
            let label = title(corner, &p.scenario);
            theme::bar(
                ui,
                &format!("{label} · {}", words.app.text("col-first-minutes")),
                p.first_minutes / longest,
                &format!("{:.1}", p.first_minutes),
            );
            theme::bar(
                ui,
                &format!("{label} · {}", words.app.text("col-latest-minutes")),
                p.latest_minutes / longest,
                &format!("{:.1}", p.latest_minutes),
            );
        }
        ui.add_space(10.0);
    }
}

fn scenarios_tab(ui: &mut egui::Ui, words: &Words, corner: &Corner) {
    let all = stats::by_scenario(&corner.attempts);
    if all.is_empty() {
        ui.label(theme::body(words.app.text("stats-empty")));
        return;
    }
    ui.label(theme::body(words.app.text("col-completion-rate")));
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
        theme::bar(ui, title(corner, &s.scenario), s.completion_rate(), &value);
    }
    ui.add_space(12.0);
    ui.label(theme::body(words.app.text("summary-hard-steps")));
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
        theme::bar(ui, &format!("{} · {}", title(corner, &s.scenario), s.step), s.score() / top, &value);
    }
}

fn export_tab(ui: &mut egui::Ui, words: &Words, records: &Records, corner: &mut Corner) {
    if ui.add(theme::choice(words.ui("trainer-anonymize"), corner.anonymize)).clicked() {
        corner.anonymize = !corner.anonymize;
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (format, id) in [
            (Format::Csv, "trainer-export-csv"),
            (Format::Xlsx, "trainer-export-xlsx"),
            (Format::Xapi, "trainer-export-xapi"),
        ] {
            if ui.add(theme::button(words.ui(id))).clicked() {
                corner.message = Some(export(words, records, corner.anonymize, format));
            }
        }
    });
}

fn export(words: &Words, records: &Records, anonymize: bool, format: Format) -> String {
    let dir = output_dir();
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return format!("{}: {e}", dir.display());
    }
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    let out = dir.join(format!("kuayue-{stamp}.{}", format.extension()));
    let request = crate::progress_cmd::ExportRequest { format, period: Period::default(), anonymize, out: out.clone() };
    let result = records
        .with(|store| Ok(crate::progress_cmd::run_export(store, &request, words.lang, std::path::Path::new("."))));
    match result {
        Some(Ok(_)) => words.ui_with("trainer-exported", "file", out.display()),
        Some(Err(e)) => e,
        None => words.ui("trainer-export-failed"),
    }
}

/// Every scenario; choosing one lists its steps, and choosing a step opens it
/// there as a preview.
fn preview_tab(
    ui: &mut egui::Ui,
    words: &Words,
    ready: &[Arc<Scenario>],
    corner: &mut Corner,
) -> Option<StartScenario> {
    ui.add(egui::Label::new(theme::body(words.ui("trainer-preview-explain"))).wrap());
    let Some(scenario) = corner.previewing.clone() else {
        for scenario in ready {
            if ui.add(theme::button(words.say(&scenario.title))).clicked() {
                corner.previewing = Some(scenario.clone());
            }
        }
        return None;
    };
    if ui.add(theme::button(words.ui("trainer-preview-all"))).clicked() {
        corner.previewing = None;
        return None;
    }
    ui.label(theme::heading(words.say(&scenario.title)));
    let at = step_list(ui, words, &scenario, None)?;
    Some(StartScenario { scenario, at: Some(at), preview: true })
}

/// The steps of `scenario` as big buttons ("3. Choose the hospital …"), the
/// current one ticked; the id of the one pressed.
pub fn step_list(ui: &mut egui::Ui, words: &Words, scenario: &Scenario, current: Option<&str>) -> Option<String> {
    let mut chosen = None;
    for (i, step) in scenario.steps.iter().enumerate() {
        let text = format!("{}. {}", i + 1, first_sentence(&words.say(&step.prompt), 40));
        let button =
            theme::choice(text, current == Some(step.id.as_str())).min_size(egui::vec2(ui.available_width(), 60.0));
        if ui.add(button).on_hover_text(&step.id).clicked() {
            chosen = Some(step.id.clone());
        }
    }
    chosen
}

/// The first sentence of `text`, cut at `max` characters (with "…" when cut).
fn first_sentence(text: &str, max: usize) -> String {
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '.' | '!' | '?'))
        .map(|(i, c)| i + c.len_utf8());
    let sentence = &text[..end.unwrap_or(text.len())];
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    sentence.chars().take(max).chain(['…']).collect()
}

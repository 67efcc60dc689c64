//! The Bevy wiring without a window (MinimalPlugins): learner actions go in as
//! messages, the engine moves, events come out, and the screen state follows.

use std::sync::Arc;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use kuayue::app::autoplay::PlayOptions;
use kuayue::app::preferences::{ChangeSettings, Prefs};
use kuayue::app::records::{CompletedByLearner, CurrentLearner, FirstCompletion, Keep, Records};
use kuayue::app::screens::Screen;
use kuayue::app::walkthrough::{Active, LearnerAction, WalkthroughEvent};
use kuayue::app::words::Words;
use kuayue::app::{Launch, core_plugins};
use kuayue::i18n::Lang;
use kuayue::progress::{Outcome, Period};
use kuayue::settings::Settings;
use kuayue::walkthrough::{Action, Event};

use crate::common::{doing, seed};

#[derive(Resource, Default)]
struct Seen(Vec<Event>);

fn record(mut events: MessageReader<WalkthroughEvent>, mut seen: ResMut<Seen>) {
    seen.0.extend(events.read().map(|e| e.0.clone()));
}

fn headless(id: &str) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin)).init_resource::<Seen>().add_systems(Last, record);
    let launch = Launch { lang: Lang::EnUs, play: Some((seed(id), PlayOptions::default())), ..Default::default() };
    core_plugins(&mut app, &launch);
    app.update();
    app.update();
    app
}

fn act(app: &mut App, action: Action) {
    app.world_mut().write_message(LearnerAction(action));
    app.update();
}

fn step(app: &App) -> Option<String> {
    app.world().resource::<Active>().view.step.clone()
}

#[test]
fn play_opens_the_scenario_and_taps_move_the_walkthrough() {
    let mut app = headless("zheliban_basics");
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Walkthrough);
    assert_eq!(step(&app).as_deref(), Some("open_app"));
    assert!(
        app.world()
            .resource::<Seen>()
            .0
            .iter()
            .any(|e| matches!(e, Event::StepEntered { step, .. } if step == "open_app"))
    );
    act(&mut app, Action::Tap("app_phone".into()));
    assert_eq!(app.world().resource::<Active>().view.hint_level, 1);
    act(&mut app, Action::Tap("app_zlb".into()));
    assert_eq!(step(&app).as_deref(), Some("switch_elder"));
}

#[test]
fn completing_the_last_step_shows_the_done_screen() {
    let mut app = headless("medical_insurance_payment");
    let scenario: Arc<_> = seed("medical_insurance_payment");
    for _ in 0..scenario.steps.len() {
        let Some(id) = step(&app) else { break };
        let expect = scenario.steps.iter().find(|s| s.id == id).unwrap().action.clone();
        act(&mut app, doing(&expect));
    }
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Done);
    assert!(app.world().resource::<Seen>().0.iter().any(|e| matches!(e, Event::Completed(_))));
    assert!(app.world().resource::<Active>().engine.is_finished());
}

#[test]
fn each_step_and_the_completion_are_recorded_for_the_learner_playing() {
    let mut app = headless("medical_insurance_payment");
    let learner = app.world().resource::<Records>().with(|s| s.add_learner("王阿姨", None, 0)).unwrap();
    // Choosing a learner happens before a scenario starts; restart so the attempt is theirs.
    app.world_mut().resource_mut::<CurrentLearner>().0 = Some(learner.clone());
    act(&mut app, Action::Restart);
    let scenario: Arc<_> = seed("medical_insurance_payment");
    act(&mut app, Action::Tap("nothing_here".into()));
    for _ in 0..scenario.steps.len() {
        let Some(id) = step(&app) else { break };
        let expect = scenario.steps.iter().find(|s| s.id == id).unwrap().action.clone();
        act(&mut app, doing(&expect));
    }
    app.update();
    let attempts = app.world().resource::<Records>().with(|s| s.attempts(Period::default())).unwrap();
    assert_eq!(attempts.len(), 2, "the guest's first try (abandoned by the restart) and 王阿姨's");
    assert_eq!((attempts[0].learner, attempts[0].outcome), (None, Outcome::Abandoned));
    let theirs = &attempts[1];
    assert_eq!((theirs.learner, theirs.outcome), (Some(learner.id), Outcome::Completed));
    assert_eq!(theirs.scenario, "medical_insurance_payment");
    assert_eq!(theirs.steps.len(), app.world().resource::<Active>().engine.records().len());
    assert_eq!(theirs.steps[0].wrong_actions, 1, "the wrong tap is in the first step's record");
    assert!(theirs.steps.iter().any(|s| s.trap.is_some()), "the scam trap's outcome is kept");
    assert_eq!(theirs.scenario_hash.len(), 16);
    let first = app.world().resource::<FirstCompletion>();
    assert_eq!(first.0.as_deref(), Some("medical_insurance_payment"), "a certificate is offered");
    assert!(app.world().resource::<CompletedByLearner>().0.contains("medical_insurance_payment"));
}

#[test]
fn settings_apply_at_once_and_are_remembered_by_the_next_run() {
    let dir = std::env::temp_dir().join(format!("kuayue-settings-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let launch =
        || Launch { lang: Lang::ZhCn, keep: Keep::Folder(dir.clone()), lang_from_settings: true, ..Default::default() };
    {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin));
        core_plugins(&mut app, &launch());
        app.update();
        let chosen =
            Settings { text_scale: 150, lang: Some(Lang::EnUs), fullscreen: false, centre_name: "安和".into() };
        app.world_mut().write_message(ChangeSettings(chosen));
        app.update();
        app.update();
        assert_eq!(app.world().resource::<Words>().lang, Lang::EnUs, "the language switched at once");
        // (theme::text_scale() is process-wide and other tests here reset it; the app has one App.)
        assert_eq!(app.world().resource::<Prefs>().0.text_scale, 150);
    }
    let mut again = App::new();
    again.add_plugins((MinimalPlugins, StatesPlugin));
    core_plugins(&mut again, &launch());
    again.update();
    again.update();
    let prefs = &again.world().resource::<Prefs>().0;
    assert_eq!((prefs.text_scale, prefs.lang, prefs.centre_name.as_str()), (150, Some(Lang::EnUs), "安和"));
    assert_eq!(again.world().resource::<Words>().lang, Lang::EnUs, "the next run starts in the chosen language");
    drop(again);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn waiting_sent_as_a_message_brings_a_hint() {
    let mut app = headless("hospital_appointment");
    // Each frame sends its time as `Wait`; 20 s of real frames is too slow for a test,
    // so one message carries it, through the same system.
    act(&mut app, Action::Wait(21.0));
    assert_eq!(app.world().resource::<Active>().view.hint_level, 1);
}

//! The Bevy wiring without a window (MinimalPlugins): learner actions go in as
//! messages, the engine moves, events come out, and the screen state follows.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use kuayue::app::autoplay::PlayOptions;
use kuayue::app::screens::Screen;
use kuayue::app::services::preferences::{ChangeSettings, Prefs};
use kuayue::app::services::records::{
    AddLearner, ChooseLearner, CompletedByLearner, CurrentLearner, FirstCompletion, Keep, Learners,
};
use kuayue::app::services::trainer::{
    CertificateStatus, Dashboard, ExportRecords, ExportStatus, FileStatus, SaveCertificate, SubmitPin, TrainerDoor,
};
use kuayue::app::voice::SpokenLog;
use kuayue::app::walkthrough::{Active, LearnerAction, StartScenario, StepEntered, WalkthroughCompleted};
use kuayue::app::words::Words;
use kuayue::app::{Launch, core_plugins};
use kuayue::i18n::Lang;
use kuayue::progress::export::Format;
use kuayue::progress::{Outcome, Period, Store};
use kuayue::scenario::project::Project;
use kuayue::settings::{PinGate, Settings};
use kuayue::walkthrough::{Action, Event};

use crate::common::{repo, seed};

#[derive(Resource, Default)]
struct Seen(Vec<Event>);

/// Collects the facts the tests look for, each as the engine's event.
fn record(
    mut entered: MessageReader<StepEntered>,
    mut completed: MessageReader<WalkthroughCompleted>,
    mut seen: ResMut<Seen>,
) {
    seen.0.extend(entered.read().map(|e| Event::StepEntered { step: e.step.clone(), prompt: e.prompt.clone() }));
    seen.0.extend(completed.read().map(|c| Event::Completed(c.0.clone())));
}

/// The app over this repository's project, in `lang`.
fn launch(lang: Lang) -> Launch {
    Launch::new(lang, Project::at(repo()))
}

/// A fresh folder for a test's store and files.
fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kuayue-wiring-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    dir
}

/// A headless app that keeps its records in `dir` and saves files in `dir/out`.
fn keeping(dir: &std::path::Path) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin)).init_resource::<Seen>().add_systems(Last, record);
    let launch = Launch { keep: Keep::Folder(dir.to_owned()), output_dir: dir.join("out"), ..launch(Lang::EnUs) };
    core_plugins(&mut app, &launch);
    app.update();
    app
}

fn headless(id: &str) -> App {
    headless_at(id, None)
}

fn headless_at(id: &str, step: Option<&str>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin)).init_resource::<Seen>().add_systems(Last, record);
    let options = PlayOptions { step: step.map(str::to_owned), ..Default::default() };
    let launch = Launch { play: Some((seed(id), options)), ..launch(Lang::EnUs) };
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
        act(&mut app, Action::satisfying(&expect));
    }
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Done);
    assert!(app.world().resource::<Seen>().0.iter().any(|e| matches!(e, Event::Completed(_))));
    assert!(app.world().resource::<Active>().engine.is_finished());
}

#[test]
fn each_step_and_the_completion_are_recorded_for_the_learner_playing() {
    // Practice as from the choose screen (a `kuayue play` preview is never recorded).
    let dir = temp("records");
    let mut app = keeping(&dir);
    let scenario: Arc<_> = seed("medical_insurance_payment");
    app.world_mut().write_message(StartScenario::practice(scenario.clone()));
    app.update();
    // The guest leaves by choosing again; a learner is added, as from the start screen.
    app.world_mut().write_message(AddLearner { name: " 王阿姨 ".into(), group: Some("一班".into()) });
    app.update();
    let learner = app.world().resource::<CurrentLearner>().0.clone().expect("the new learner practises");
    assert_eq!((learner.name.as_str(), learner.group.as_deref()), ("王阿姨", Some("一班")));
    app.world_mut().write_message(StartScenario::practice(scenario.clone()));
    app.update();
    act(&mut app, Action::Tap("nothing_here".into()));
    for _ in 0..scenario.steps.len() {
        let Some(id) = step(&app) else { break };
        let expect = scenario.steps.iter().find(|s| s.id == id).unwrap().action.clone();
        act(&mut app, Action::satisfying(&expect));
    }
    app.update();
    let engine_steps = app.world().resource::<Active>().engine.records().len();
    let first = app.world().resource::<FirstCompletion>().0.clone();
    assert!(app.world().resource::<CompletedByLearner>().0.contains("medical_insurance_payment"));
    drop(app);
    let attempts = Store::open(&dir).unwrap().store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 2, "the guest's first try (left for another) and 王阿姨's");
    assert_eq!((attempts[0].learner, attempts[0].outcome), (None, Outcome::Abandoned));
    let theirs = &attempts[1];
    assert_eq!((theirs.learner, theirs.outcome), (Some(learner.id), Outcome::Completed));
    assert_eq!(theirs.scenario, "medical_insurance_payment");
    assert_eq!(theirs.steps.len(), engine_steps);
    assert_eq!(theirs.steps[0].record.wrong_actions, 1, "the wrong tap is in the first step's record");
    assert!(theirs.steps.iter().any(|s| s.record.trap.is_some()), "the scam trap's outcome is kept");
    let file = std::fs::read(repo().join("scenarios/medical_insurance_payment.ron")).unwrap();
    assert_eq!(theirs.scenario_hash, kuayue::progress::content_hash(&file), "the file's bytes tell versions apart");
    assert_eq!(first.as_deref(), Some("medical_insurance_payment"), "a certificate is offered");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn choosing_and_adding_learners_are_requests_the_store_answers() {
    let dir = temp("learners");
    let mut app = keeping(&dir);
    assert!(app.world().resource::<Learners>().0.is_empty());
    app.world_mut().write_message(AddLearner { name: "   ".into(), group: None });
    app.update();
    assert!(app.world().resource::<Learners>().0.is_empty(), "a blank name adds nobody");
    app.world_mut().write_message(AddLearner { name: "李伯伯".into(), group: None });
    app.update();
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Choose);
    let added = app.world().resource::<Learners>().0.clone();
    assert_eq!(added.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["李伯伯"]);
    app.world_mut().write_message(ChooseLearner(None));
    app.update();
    assert!(app.world().resource::<CurrentLearner>().0.is_none(), "the guest");
    drop(app);
    let mut again = keeping(&dir);
    again.update();
    assert_eq!(again.world().resource::<Learners>().0, added, "read back when the start screen opens");
    std::fs::remove_dir_all(&dir).ok();
}

fn go_to(app: &mut App, screen: Screen) {
    app.world_mut().resource_mut::<NextState<Screen>>().set(screen);
    app.update();
    app.update();
}

#[test]
fn the_trainer_pin_is_chosen_twice_then_asked_and_opens_the_figures() {
    let dir = temp("pin");
    let mut app = keeping(&dir);
    go_to(&mut app, Screen::Trainer);
    assert_eq!(app.world().resource::<TrainerDoor>().gate, PinGate::Choose, "no PIN yet: choose one");
    let pin = |app: &mut App, pin: &str| {
        app.world_mut().write_message(SubmitPin(pin.into()));
        app.update();
        app.world().resource::<TrainerDoor>().clone()
    };
    assert_eq!(pin(&mut app, "12").said, Some("trainer-pin-invalid"));
    assert_eq!(pin(&mut app, "2468").gate, PinGate::ChooseAgain("2468".into()));
    assert_eq!(pin(&mut app, "8642").said, Some("trainer-pin-mismatch"));
    pin(&mut app, "2468");
    assert!(pin(&mut app, "2468").gate.is_open());
    go_to(&mut app, Screen::Start);
    go_to(&mut app, Screen::Trainer);
    assert_eq!(app.world().resource::<TrainerDoor>().gate, PinGate::Enter, "each visit starts at the door");
    assert_eq!(pin(&mut app, "1111").said, Some("trainer-pin-wrong"));
    assert!(pin(&mut app, "2468").gate.is_open());
    let titles = &app.world().resource::<Dashboard>().titles;
    assert_eq!(titles.get("hospital_appointment").map(String::as_str), Some("Book a hospital appointment"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs frames until `done` holds (a worker thread is writing), at most 20 s.
fn until(app: &mut App, done: impl Fn(&World) -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        app.update();
        if done(app.world()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn an_export_is_written_off_the_frame_with_titles_and_only_behind_the_pin() {
    let dir = temp("export");
    let mut app = keeping(&dir);
    app.world_mut().write_message(StartScenario::practice(seed("zheliban_basics")));
    app.update();
    act(&mut app, Action::Tap("app_zlb".into()));
    go_to(&mut app, Screen::Trainer);
    app.world_mut().write_message(ExportRecords { format: Format::Csv, anonymize: false });
    app.update();
    assert_eq!(app.world().resource::<ExportStatus>().0, FileStatus::None, "nothing leaves before the PIN");
    for pin in ["1357", "1357"] {
        app.world_mut().write_message(SubmitPin(pin.into()));
        app.update();
    }
    app.world_mut().write_message(ExportRecords { format: Format::Csv, anonymize: false });
    app.update();
    let written = |w: &World| matches!(w.resource::<ExportStatus>().0, FileStatus::Written(_));
    assert!(until(&mut app, written), "{:?}", app.world().resource::<ExportStatus>().0);
    let FileStatus::Written(file) = app.world().resource::<ExportStatus>().0.clone() else { unreachable!() };
    assert!(file.starts_with(dir.join("out")), "{}", file.display());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Zheliban basics"), "the scenario's title, not its id:\n{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_certificate_is_drawn_off_the_frame_into_the_output_folder() {
    let dir = temp("certificate");
    let mut app = keeping(&dir);
    let request =
        SaveCertificate { learner: "王阿姨".into(), scenario: "预约挂号".into(), centre: "安和".into() };
    app.world_mut().write_message(request);
    app.update();
    let written = |w: &World| matches!(w.resource::<CertificateStatus>().0, FileStatus::Written(_));
    assert!(until(&mut app, written), "{:?}", app.world().resource::<CertificateStatus>().0);
    let FileStatus::Written(file) = app.world().resource::<CertificateStatus>().0.clone() else { unreachable!() };
    assert!(file.starts_with(dir.join("out")) && std::fs::read(&file).unwrap().starts_with(b"\x89PNG"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn settings_apply_at_once_and_are_remembered_by_the_next_run() {
    let dir = std::env::temp_dir().join(format!("kuayue-settings-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let launch = || Launch { keep: Keep::Folder(dir.clone()), lang_from_settings: true, ..launch(Lang::ZhCn) };
    {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin));
        core_plugins(&mut app, &launch());
        app.update();
        let mut chosen =
            Settings { text_scale: 150, lang: Some(Lang::EnUs), centre_name: "安和".into(), ..default() };
        chosen.voice.slow = false;
        chosen.voice.repeat_after_secs = 40;
        app.world_mut().write_message(ChangeSettings(chosen));
        app.update();
        app.update();
        assert_eq!(app.world().resource::<Words>().lang, Lang::EnUs, "the language switched at once");
        assert_eq!(app.world().resource::<Prefs>().0.text_scale, 150);
        assert_eq!(app.world().resource::<kuayue::app::theme::Theme>().text_scale(), 150, "text grows at once");
    }
    let mut again = App::new();
    again.add_plugins((MinimalPlugins, StatesPlugin));
    core_plugins(&mut again, &launch());
    again.update();
    again.update();
    let prefs = &again.world().resource::<Prefs>().0;
    assert_eq!((prefs.text_scale, prefs.lang, prefs.centre_name.as_str()), (150, Some(Lang::EnUs), "安和"));
    assert_eq!((prefs.voice.slow, prefs.voice.repeat_after_secs), (false, 40), "voice settings remembered");
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

fn spoken(app: &App) -> Vec<String> {
    app.world().resource::<SpokenLog>().0.clone()
}

#[test]
fn the_voice_says_each_prompt_hint_and_feedback_from_its_clip() {
    let mut app = headless("hospital_appointment");
    let scenario = seed("hospital_appointment");
    let clip = |id: &str| format!("en-US/{id}.ogg");
    assert_eq!(spoken(&app), [clip(&scenario.steps[0].prompt)], "a preview is not welcomed first");
    act(&mut app, Action::AskHint);
    assert_eq!(spoken(&app).last(), Some(&clip(&scenario.steps[0].hints[0])));
    act(&mut app, Action::RepeatPrompt);
    assert_eq!(spoken(&app).last(), Some(&clip(&scenario.steps[0].prompt)));
    // A known mistake: its own words are said (as the caption shows them), not the next hint.
    let before = spoken(&app).len();
    let mistake = &scenario.steps[0].wrong[0];
    act(&mut app, Action::satisfying(&mistake.when));
    assert_eq!(spoken(&app)[before..], [clip(&mistake.say)]);
    for _ in 0..scenario.steps.len() {
        let Some(id) = step(&app) else { break };
        let expect = scenario.steps.iter().find(|s| s.id == id).unwrap().action.clone();
        act(&mut app, Action::satisfying(&expect));
    }
    app.update();
    let log = spoken(&app);
    for s in &scenario.steps {
        let taken = app
            .world()
            .resource::<Seen>()
            .0
            .iter()
            .any(|e| matches!(e, Event::StepEntered { step, .. } if *step == s.id));
        assert_eq!(log.contains(&clip(&s.prompt)), taken, "step {}", s.id);
    }
    assert_eq!(log.last(), Some(&clip("app-done-title")));
    // Every clip named in the log exists.
    for entry in &log {
        assert!(std::path::Path::new("assets/voice").join(entry).is_file(), "{entry}");
    }
}

#[test]
fn the_prompt_is_said_again_after_quiet_at_most_three_times_and_voice_off_is_silent() {
    let mut app = headless("zheliban_basics");
    let prompt = format!("en-US/{}.ogg", seed("zheliban_basics").steps[0].prompt);
    // The start screen, when a learner meets it, welcomes them.
    let mut start = App::new();
    start.add_plugins((MinimalPlugins, StatesPlugin));
    core_plugins(&mut start, &launch(Lang::EnUs));
    start.update();
    start.update();
    assert_eq!(spoken(&start), ["en-US/app-who.ogg"]);
    let said = |app: &App| spoken(app).iter().filter(|c| **c == prompt).count();
    assert_eq!(said(&app), 1);
    // A quarter second a frame (Bevy's largest step): hints come first (20, 40,
    // 60 s), then the prompt after every 20 quiet seconds.
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(250)));
    let wait = |app: &mut App, seconds: u32| {
        for _ in 0..seconds * 4 {
            app.update();
        }
    };
    wait(&mut app, 75);
    assert_eq!(app.world().resource::<Active>().view.hint_level, 3);
    assert_eq!(said(&app), 1, "no repeat while hints are still being offered: {:?}", spoken(&app));
    wait(&mut app, 10);
    assert_eq!(said(&app), 2);
    wait(&mut app, 300);
    assert_eq!(said(&app), 4, "three repetitions, then quiet");

    let mut settings = app.world().resource::<Prefs>().0.clone();
    settings.voice.on = false;
    app.world_mut().write_message(ChangeSettings(settings));
    app.update();
    let before = spoken(&app).len();
    act(&mut app, Action::AskHint);
    act(&mut app, Action::RepeatPrompt);
    assert_eq!(spoken(&app).len(), before, "voice off says nothing (the caption still shows)");
}

#[test]
fn play_with_step_opens_every_step_of_every_seed_with_its_screen_and_voice() {
    // A Bevy app per step: the first four scenarios (the pure engine opens every step of every
    // shipped scenario in tests/core/walkthrough.rs).
    for id in crate::common::SEEDS {
        let scenario = seed(id);
        for s in &scenario.steps {
            let app = headless_at(id, Some(&s.id));
            let view = &app.world().resource::<Active>().view;
            assert_eq!(view.step.as_deref(), Some(s.id.as_str()), "{id}");
            assert_eq!(view.screen, s.screen, "{id}/{}: the phone shows the step's screen", s.id);
            assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Walkthrough);
            // Only the arrival is spoken, not the steps fast-forwarded through.
            let log = spoken(&app);
            assert_eq!(log.last(), Some(&format!("en-US/{}.ogg", s.prompt)), "{id}/{}", s.id);
            assert_eq!(log.len(), 1, "{id}/{}: {log:?}", s.id);
        }
    }
}

#[test]
fn the_next_hint_and_the_spoken_repetition_ask_for_a_frame_in_time() {
    use kuayue::app::flow::Wake;
    let mut app = headless("zheliban_basics");
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(250)));
    let asked = |app: &mut App| app.world_mut().resource_mut::<Wake>().take();
    app.update();
    asked(&mut app);
    app.update();
    // A quarter second has passed: the first hint is due in about 19.75 s, and the app says so.
    let first = asked(&mut app).expect("a frame is asked for");
    assert!((19.0..20.0).contains(&first), "{first}");
    for _ in 0..61 * 4 {
        app.update();
    }
    assert_eq!(app.world().resource::<Active>().view.hint_level, 3);
    asked(&mut app);
    app.update();
    // Every hint given: now the spoken repetition (after 20 quiet seconds) is what is awaited.
    let repeat = asked(&mut app).expect("a frame is asked for the repetition");
    assert!(repeat <= 20.0, "{repeat}");
}

/// Plays `scenario` to its end through the actions each step wants.
fn play_through(app: &mut App, scenario: &kuayue::scenario::Scenario) {
    for _ in 0..scenario.steps.len() + 4 {
        let Some(id) = step(app) else { break };
        let expect = scenario.steps.iter().find(|s| s.id == id).unwrap().action.clone();
        act(app, Action::satisfying(&expect));
    }
    app.update();
}

#[test]
fn a_full_disk_is_said_practice_goes_on_and_everything_is_written_when_space_returns() {
    use kuayue::app::services::records::StoreNotices;
    let Some(disk) = crate::common::SmallDisk::mount("app-full", "4m", false) else { return };
    let dir = disk.path.join("data");
    let mut app = keeping(&dir);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(500)));
    disk.fill();
    let scenario = seed("medical_insurance_payment");
    app.world_mut().write_message(StartScenario::practice(scenario.clone()));
    app.update();
    play_through(&mut app, &scenario);
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Done, "practice went on to the end");
    let notices = app.world().resource::<StoreNotices>().0.clone();
    assert_eq!(
        notices.iter().filter(|n| n.starts_with("The disk is full")).count(),
        1,
        "said once, in plain words: {notices:?}"
    );
    disk.free();
    // Within the next retry (every 15 s of app time) everything is written.
    for _ in 0..40 {
        app.update();
    }
    let notices = app.world().resource::<StoreNotices>().0.clone();
    assert!(notices.iter().any(|n| n.starts_with("There is disk space again")), "{notices:?}");
    assert!(!notices.iter().any(|n| n.starts_with("The disk is full")), "{notices:?}");
    let engine_steps = app.world().resource::<Active>().engine.records().len();
    let attempts = Store::open(&dir).unwrap().store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!((attempts[0].outcome, attempts[0].steps.len()), (Outcome::Completed, engine_steps));
    drop(app);
}

#[test]
fn a_read_only_data_folder_gives_one_clear_notice_and_practice_still_works() {
    use kuayue::app::services::records::StoreNotices;
    let Some(disk) = crate::common::SmallDisk::mount("app-ro", "4m", true) else { return };
    let mut app = keeping(&disk.path);
    let notices = app.world().resource::<StoreNotices>().0.clone();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("cannot be written (it is read-only)"), "{notices:?}");
    let scenario = seed("zheliban_basics");
    app.world_mut().write_message(StartScenario::practice(scenario.clone()));
    app.update();
    play_through(&mut app, &scenario);
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Done);
    assert_eq!(app.world().resource::<StoreNotices>().0, notices, "no more notices on the way");
}

#[test]
fn play_record_as_records_like_practice_and_the_records_reach_the_record_store() {
    let lrs = crate::sync::Lrs::start();
    let dir = temp("record-as");
    // The centre set up its record store before.
    {
        let store = Store::open(&dir).unwrap().store;
        kuayue::progress::sync::Settings::new(&lrs.endpoint(), "key", "secret").unwrap().save(&store).unwrap();
    }
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin)).init_resource::<Seen>().add_systems(Last, record);
    let scenario = seed("pharmacy_medical_code");
    let options = PlayOptions { record_as: Some("李叔叔".into()), ..Default::default() };
    let launch = Launch {
        play: Some((scenario.clone(), options)),
        keep: Keep::Folder(dir.clone()),
        output_dir: dir.join("out"),
        ..launch(Lang::EnUs)
    };
    core_plugins(&mut app, &launch);
    app.update();
    app.update();
    assert_eq!(app.world().resource::<CurrentLearner>().0.as_ref().map(|l| l.name.as_str()), Some("李叔叔"));
    play_through(&mut app, &scenario);
    // The worker thread sends in the background; frames go on meanwhile.
    let store = Store::open_for_sync(&dir).unwrap();
    let queued = store.outbox_counts().unwrap();
    assert!(queued.queued + queued.sent >= 3, "{queued:?}");
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(30) && store.outbox_counts().unwrap().queued > 0 {
        app.update();
        std::thread::sleep(Duration::from_millis(50));
    }
    let sent: std::collections::BTreeSet<String> =
        store.outbox_ids(kuayue::progress::OutboxState::Sent).unwrap().into_iter().collect();
    assert_eq!(store.outbox_counts().unwrap().queued, 0, "all sent");
    assert_eq!(lrs.ids(), sent);
    drop(app);
    let attempts = Store::open(&dir).unwrap().store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].outcome, Outcome::Completed);
    let learners = Store::open(&dir).unwrap().store.learners().unwrap();
    assert_eq!(learners.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["李叔叔"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_trainer_sets_up_sending_and_the_corner_shows_what_was_sent_and_what_went_wrong() {
    use kuayue::app::services::sync::{SetUpProblem, SetUpSync, SyncShown};
    let lrs = crate::sync::Lrs::start();
    let dir = temp("sync-corner");
    let mut app = keeping(&dir);
    // Two practices recorded before anything was set up: they wait in the outbox.
    for _ in 0..2 {
        let scenario = seed("zheliban_basics");
        app.world_mut().write_message(StartScenario::practice(scenario.clone()));
        app.update();
        play_through(&mut app, &scenario);
    }
    go_to(&mut app, Screen::Trainer);
    let shown = |app: &App| app.world().resource::<SyncShown>().0.clone();
    let set_up = |app: &mut App, endpoint: &str| {
        app.world_mut().write_message(SetUpSync {
            endpoint: endpoint.into(),
            key: "key".into(),
            secret: "secret".into(),
            centre: "https://edu.example.gov.cn/centres/0571-03".into(),
        });
        app.update();
    };
    set_up(&mut app, "lrs.example.gov.cn");
    let problem = app.world().resource::<SetUpProblem>().0.clone();
    assert_eq!(problem.map(|p| p.kind()), Some("bad-endpoint"), "a typo is said, nothing saved");
    set_up(&mut app, &lrs.endpoint());
    assert!(
        until(&mut app, |w| {
            let v = &w.resource::<SyncShown>().0;
            v.about.is_some() && v.status.as_ref().is_some_and(|s| s.counts.queued == 0 && s.counts.sent > 0)
        }),
        "{:?}",
        shown(&app)
    );
    let view = shown(&app);
    assert_eq!(view.about, Some(Ok(vec!["1.0.3".to_owned()])));
    let status = view.status.unwrap();
    assert!(status.counts.last_sent.is_some());
    assert_eq!(status.problem, None);
    assert_eq!(lrs.ids().len() as u64, status.counts.sent);
    let summary = status.summary(&app.world().resource::<Words>().app);
    assert!(summary.starts_with("Waiting to be sent: 0. Need a trainer's look: 0."), "{summary}");
    // The record store goes away: the corner says so in plain words, and nothing is lost.
    drop(lrs);
    let scenario = seed("zheliban_basics");
    app.world_mut().write_message(StartScenario::practice(scenario.clone()));
    app.update();
    play_through(&mut app, &scenario);
    go_to(&mut app, Screen::Trainer);
    assert!(
        until(&mut app, |w| w.resource::<SyncShown>().0.status.as_ref().is_some_and(|s| s.problem.is_some())),
        "{:?}",
        shown(&app)
    );
    let status = shown(&app).status.unwrap();
    let said = status.problem.as_ref().unwrap().text(&app.world().resource::<Words>().app);
    assert!(said.starts_with("The record store could not be reached"), "{said}");
    assert!(status.counts.queued > 0, "the new practice waits");
    let store = Store::open_for_sync(&dir).unwrap();
    assert!(store.home_page().unwrap().ends_with("/centres/0571-03"));
    drop(app);
    std::fs::remove_dir_all(&dir).ok();
}

/// While the camera still glides to the step's place the stations slide under a slow hand: a
/// pointer tap then on a station that is not the target is set aside (no mistake, no hint);
/// the target counts at once; a key pressed on a label is meant and counts as always.
#[test]
fn a_station_tapped_while_the_view_moves_is_set_aside_unless_it_is_the_target() {
    use kuayue::app::walkthrough::{PointerPresses, TapSetAside, ViewMoving};
    let mut app = headless_at("hospital_appointment", Some("sit_and_wait"));
    app.add_message::<TapSetAside>();
    let hint = |app: &App| app.world().resource::<Active>().view.hint_level;
    app.world_mut().resource_mut::<PointerPresses>().0.press(1.0, [400.0, 300.0]);
    app.world_mut().insert_resource(ViewMoving(true));
    act(&mut app, Action::TapStation("pharmacy".into()));
    assert_eq!(step(&app).as_deref(), Some("sit_and_wait"));
    assert_eq!(hint(&app), 0, "a station that slid under the hand is not a mistake");
    let set_aside: Vec<Action> =
        app.world_mut().resource_mut::<Messages<TapSetAside>>().drain().map(|TapSetAside(a)| a).collect();
    assert_eq!(set_aside, [Action::TapStation("pharmacy".into())]);

    app.world_mut().resource_mut::<PointerPresses>().0.key();
    act(&mut app, Action::TapStation("pharmacy".into()));
    assert_eq!(hint(&app), 1, "Enter on the pharmacy's label, even while the view moves, is meant");

    app.world_mut().resource_mut::<PointerPresses>().0.press(9.0, [600.0, 300.0]);
    act(&mut app, Action::TapStation("seats".into()));
    assert_eq!(step(&app).as_deref(), Some("watch_screen"), "the target counts while the view moves");
}

//! Hot reload in a running app without a window: change a scenario's words on
//! disk and the walkthrough shows them; break the scenario and the last good
//! version stays while the problem is listed; fix it and the list clears.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use kuayue::app::autoplay::PlayOptions;
use kuayue::app::reload::ReloadProblems;
use kuayue::app::voice::SpokenLog;
use kuayue::app::walkthrough::{Active, LearnerAction};
use kuayue::app::words::Words;
use kuayue::app::{Launch, core_plugins};
use kuayue::i18n::Lang;
use kuayue::scenario::project::Project;
use kuayue::walkthrough::Action;

use crate::common::{repo, seed};

const ID: &str = "zheliban_basics";

fn project() -> PathBuf {
    let root = std::env::temp_dir().join(format!("kuayue-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["scenarios", "locales/zh-CN", "locales/en-US"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    for file in [format!("scenarios/{ID}.ron"), format!("locales/zh-CN/{ID}.ftl"), format!("locales/en-US/{ID}.ftl")] {
        std::fs::copy(repo().join(&file), root.join(&file)).unwrap();
    }
    root
}

/// Runs frames until `done` holds; how long that took, or None after 5 s.
fn until(app: &mut App, done: impl Fn(&World) -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        app.update();
        if done(app.world()) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn problems(world: &World) -> usize {
    world.resource::<ReloadProblems>().problems.len()
}

#[test]
fn saved_changes_show_at_once_and_a_broken_save_keeps_the_last_good_version() {
    let root = project();
    let ron = root.join(format!("scenarios/{ID}.ron"));
    let words_file = root.join(format!("locales/en-US/{ID}.ftl"));
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    let options = PlayOptions { file: Some(ron.clone()), ..Default::default() };
    core_plugins(&mut app, &Launch { play: Some((seed(ID), options)), ..Launch::new(Lang::EnUs, Project::at(&root)) });
    for _ in 0..3 {
        app.update();
    }
    let prompt = |w: &World| w.resource::<Words>().say(w.resource::<Active>().view.prompt.as_ref().unwrap());
    assert!(prompt(app.world()).starts_with("Mrs Chen wants"), "{}", prompt(app.world()));

    // 1. New words on disk appear in the running walkthrough.
    edit(&words_file, "Mrs Chen wants to look up", "Mrs Chen would like to look up");
    let took = until(&mut app, |w| prompt(w).starts_with("Mrs Chen would like")).expect("the new words show");
    println!("words reloaded after {took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");

    // 2. A broken scenario is not used: the problem is listed with its place, the walkthrough goes on.
    app.world_mut().write_message(LearnerAction(Action::Tap("app_zlb".into())));
    app.update();
    assert_eq!(app.world().resource::<Active>().view.step.as_deref(), Some("switch_elder"));
    let good = std::fs::read_to_string(&ron).unwrap();
    let line = 1 + good.lines().position(|l| l.contains(r#"prompt: "zlb-switch-elder-prompt""#)).unwrap();
    edit(&ron, r#"prompt: "zlb-switch-elder-prompt""#, r#"promt: "zlb-switch-elder-prompt""#);
    until(&mut app, |w| problems(w) > 0).expect("the problem is listed");
    let listed = app.world().resource::<ReloadProblems>().problems[0].clone();
    assert!(
        listed.problem.contains("promt") && listed.place.as_deref().is_some_and(|p| p.starts_with(&format!("{line}:"))),
        "{listed:?}"
    );
    assert_eq!(app.world().resource::<Active>().view.step.as_deref(), Some("switch_elder"), "still playing");
    assert_eq!(**app.world().resource::<Active>().engine.scenario(), *seed(ID), "the last good version");

    // 3. Fixing the file clears the list.
    std::fs::write(&ron, &good).unwrap();
    until(&mut app, |w| problems(w) == 0).expect("the list clears");

    // 4. A good change to the scenario is used at once, on the same step.
    edit(
        &ron,
        r#"hints: ["zlb-switch-elder-hint1", "zlb-switch-elder-hint2""#,
        r#"hints: ["zlb-switch-elder-hint2", "zlb-switch-elder-hint1""#,
    );
    let hint_now = |w: &World| w.resource::<Active>().scenario().steps[1].hints[0].clone();
    until(&mut app, |w| hint_now(w) == "zlb-switch-elder-hint2").expect("the changed scenario is used");
    assert_eq!(app.world().resource::<Active>().view.step.as_deref(), Some("switch_elder"), "on the same step");

    // 5. Broken words are not used either.
    let before = prompt(app.world());
    std::fs::write(&words_file, std::fs::read_to_string(&words_file).unwrap() + "this line has no equals sign\n")
        .unwrap();
    until(&mut app, |w| problems(w) > 0).expect("the broken message file is listed");
    assert_eq!(prompt(app.world()), before);

    // 6. A new recording of the line on screen is heard at once.
    let id = app.world().resource::<Active>().view.prompt.clone().unwrap();
    let clip = root.join(format!("assets/voice/en-US/{id}.ogg"));
    std::fs::create_dir_all(clip.parent().unwrap()).unwrap();
    std::fs::copy(repo().join(format!("assets/voice/en-US/{id}.ogg")), &clip).unwrap();
    let said = format!("en-US/{id}.ogg");
    until(&mut app, |w| w.resource::<SpokenLog>().0.last() == Some(&said)).expect("the new clip is played");
    assert!(problems(app.world()) > 0, "the message file is still broken, and still listed");
    std::fs::remove_dir_all(&root).ok();
}

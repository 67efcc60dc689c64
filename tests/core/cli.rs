//! `kuayue check` as a trainer runs it: exit codes, languages, JSON.

use std::process::Command;

use crate::common::repo;

fn kuayue(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kuayue")).args(args).current_dir(repo()).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A new empty folder for one test.
fn empty_folder(name: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("kuayue-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    root
}

/// Runs kuayue in `root`: its exit code, and everything it printed.
fn kuayue_in(root: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kuayue")).args(args).current_dir(root).output().expect("runs");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn shipped_scenarios_pass_with_only_warnings() {
    let (code, out) = kuayue(&["check", "--lang", "en-US"]);
    assert_eq!(code, 0, "{out}");
    let files = crate::common::shipped().len();
    assert!(out.contains(&format!("checked {files} scenario files: 0 errors")), "{out}");
}

#[test]
fn a_broken_file_fails_and_shows_file_line_column_and_a_caret() {
    let (code, out) = kuayue(&["check", "--lang", "en-US", "tests/fixtures/broken/ky0002_misspelt_field.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[KY0002]: unknown field `promt`"), "{out}");
    assert!(out.contains("--> tests/fixtures/broken/ky0002_misspelt_field.ron:34:13"), "{out}");
    assert!(out.contains("^^^^^ → prompt"), "{out}");
    assert!(out.contains("a typo? write `prompt`"), "{out}");
}

#[test]
fn messages_follow_the_language_asked_for() {
    let (_, zh) = kuayue(&["check", "--lang", "zh-CN", "tests/fixtures/broken/ky0104_unknown_station.ron"]);
    assert!(zh.contains("错误[KY0104]: 找不到场景物件 `kiosks`"), "{zh}");
    assert!(zh.contains("是不是写错了？改成 `kiosk`"), "{zh}");
    let (_, en) = kuayue(&["check", "--lang", "en", "tests/fixtures/broken/ky0104_unknown_station.ron"]);
    assert!(en.contains("error[KY0104]: there is no station `kiosks`"), "{en}");
}

#[test]
fn json_output_is_for_tools() {
    let (code, out) = kuayue(&["check", "--format", "json", "tests/fixtures/broken/ky0109_two_hints.ron"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let d = v["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "KY0109").expect("KY0109");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(38), Some(20)));
    assert_eq!(d["severity"], "error");
    assert!(d["help"].as_str().is_some_and(|h| !h.is_empty()));
}

#[test]
fn a_folder_without_scenarios_says_so_and_a_missing_file_is_an_error() {
    let (code, out) = kuayue(&["check", "--lang", "en", "docs"]);
    assert_eq!(code, 0);
    assert!(out.contains("No scenario files (.ron) found at docs"), "{out}");
    let (code, out) = kuayue(&["check", "--lang", "en", "scenarios/no_such_file.ron"]);
    assert_eq!(code, 1);
    assert!(out.contains("KY0006"), "{out}");
}

#[test]
fn play_at_a_step_that_does_not_exist_lists_the_steps_and_opens_nothing() {
    let play = |lang: &str, step: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_kuayue"))
            .args(["--lang", lang, "play", "hospital_appointment", "--step", step])
            .current_dir(repo())
            .env_remove("DISPLAY")
            .output()
            .expect("runs");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, err) = play("en-US", "open_ap");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("no step `open_ap`") && err.contains("open_app, open_booking"), "{err}");
    let (code, err) = play("zh-CN", "nope");
    assert_eq!(code, Some(1));
    assert!(err.contains("没有叫 `nope` 的步骤"), "{err}");
}

#[test]
fn kuayue_new_writes_a_scenario_that_checks_clean_and_plays_to_the_end() {
    let root = empty_folder("new-cli");
    let run = |args: &[&str]| kuayue_in(&root, args);
    let (code, out) = run(&["--lang", "en-US", "new", "pay_electricity"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("kuayue check scenarios/pay_electricity.ron") && out.contains("docs/authoring.md"), "{out}");
    let (code, json) = run(&["check", "--format", "json", "scenarios/pay_electricity.ron"]);
    assert_eq!(code, Some(0), "{json}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["errors"], 0, "{json}");
    // Only the voice clips are missing until `kuayue voice` runs.
    for d in report["diagnostics"].as_array().unwrap() {
        assert_eq!(d["code"], "KY0201", "{d}");
    }
    let loaded = kuayue::scenario::load_file(&root.join("scenarios/pay_electricity.ron")).unwrap();
    let scenario = std::sync::Arc::new(loaded.scenario);
    let (mut w, _) = kuayue::walkthrough::Walkthrough::start(scenario.clone(), Default::default());
    while let Some(step) = w.view().step {
        let expect = &scenario.steps.iter().find(|s| s.id == step).unwrap().action;
        w.apply(kuayue::walkthrough::Action::satisfying(expect));
    }
    assert!(w.is_finished());
    // A second `new` with the same id changes nothing.
    let (code, out) = run(&["--lang", "en-US", "new", "pay_electricity"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("already exists"), "{out}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn a_language_is_added_with_a_folder_of_message_files() {
    let root = empty_folder("new-locale");
    let run = |args: &[&str]| kuayue_in(&root, args);
    assert_eq!(run(&["new", "demo"]).0, Some(0));
    // French: the scenario's words (here marked copies of the English ones) and some of the app's.
    let fr = root.join("locales/fr-FR");
    std::fs::create_dir_all(&fr).unwrap();
    let english = std::fs::read_to_string(root.join("locales/en-US/demo.ftl")).unwrap();
    let french: String = english.lines().map(|l| l.replacen(" = ", " = (fr) ", 1)).map(|l| l + "\n").collect();
    std::fs::write(fr.join("demo.ftl"), french).unwrap();
    std::fs::write(fr.join("app.ftl"), "language-name = Français\ncheck-clean = Tout va bien : prêt à servir.\n")
        .unwrap();

    let (code, out) = run(&["--lang", "fr-FR", "check", "scenarios/demo.ron"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Tout va bien"), "the French words are used: {out}");
    assert!(out.contains("checked 1 scenario files"), "what is not translated is in English: {out}");
    assert!(out.contains("missing in fr-FR"), "its voice clips are counted like any language's: {out}");
    let (code, out) = run(&["--lang", "fr-FR", "voice", "--dry-run", "--locale", "fr-FR"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("fr-FR: would make 22 clips"), "{out}");
    let (code, out) = run(&["--lang", "xx-YY", "check"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("locales/<tag>/"), "{out}");
    std::fs::remove_dir_all(&root).ok();
}

/// Runs kuayue in `cwd` with extra environment variables.
fn kuayue_with(cwd: &std::path::Path, env: &[(&str, &std::path::Path)], args: &[&str]) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kuayue"));
    command.args(args).current_dir(cwd).env_remove("KUAYUE_PROJECT").env_remove("KUAYUE_DATA_DIR");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().expect("runs");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn a_project_without_words_or_without_a_language_the_app_offers_is_an_error() {
    let root = empty_folder("no-words");
    assert_eq!(kuayue_in(&root, &["new", "demo"]).0, Some(0));
    std::fs::remove_dir_all(root.join("locales/en-US")).unwrap();
    let (code, out) = kuayue_in(&root, &["--lang", "en-US", "check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("KY0125") && out.contains("en-US"), "the missing language is named: {out}");
    assert!(out.contains("locales/en-US"), "and where to put it: {out}");
    std::fs::remove_dir_all(root.join("locales")).unwrap();
    let (code, out) = kuayue_in(&root, &["--lang", "en-US", "check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("KY0203"), "no words at all is an error: {out}");
    std::fs::remove_dir_all(&root).ok();
}

/// A project with the new scenario `pay_water`, and an unrelated folder to run kuayue from.
fn project_and_elsewhere(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let project = empty_folder(&format!("{name}-project"));
    assert_eq!(kuayue_in(&project, &["new", "pay_water"]).0, Some(0));
    (project, empty_folder(&format!("{name}-cwd")))
}

#[test]
fn the_project_is_found_from_a_scenario_path_the_flag_or_the_variable_wherever_kuayue_runs() {
    let (project, away) = project_and_elsewhere("elsewhere");
    let file = project.join("scenarios/pay_water.ron");
    // From an unrelated folder, a scenario path brings its own project's words and clips.
    let (code, out) = kuayue_with(&away, &[], &["--lang", "en-US", "check", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("KY0106") && !out.contains("KY0203"), "its words were found: {out}");
    let (code, out) = kuayue_with(&away, &[], &["--lang", "en-US", "play", file.to_str().unwrap(), "--step", "x"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("open_app"), "the project's scenario was read: {out}");
    // An id needs the project: the flag or the variable names it.
    let (code, out) = kuayue_with(&away, &[], &["--lang", "en-US", "play", "pay_water", "--step", "x"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("--project"), "says how to name the project: {out}");
    let flag = ["--lang", "en-US", "--project", project.to_str().unwrap(), "play", "pay_water", "--step", "x"];
    assert!(kuayue_with(&away, &[], &flag).1.contains("open_app"));
    let env = [("KUAYUE_PROJECT", project.as_path())];
    assert!(kuayue_with(&away, &env, &["--lang", "en-US", "play", "pay_water", "--step", "x"]).1.contains("open_app"));
    std::fs::remove_dir_all(&project).ok();
    std::fs::remove_dir_all(&away).ok();
}

#[test]
fn stats_and_exports_name_scenarios_by_the_titles_of_the_project_in_use() {
    let (project, away) = project_and_elsewhere("titles");
    let english = project.join("locales/en-US/pay_water.ftl");
    let words = std::fs::read_to_string(&english).unwrap();
    let title_line = words.lines().find(|l| l.starts_with("pay-water-title")).unwrap().to_owned();
    std::fs::write(&english, words.replace(&title_line, "pay-water-title = Pay the water bill at home")).unwrap();
    let data = away.join("data");
    let store = kuayue::progress::Store::open(&data).unwrap().store;
    let new = kuayue::progress::NewAttempt {
        learner: None,
        scenario: "pay_water".into(),
        scenario_hash: "0123456789abcdef".into(),
        lang: "en-US".into(),
        started: 1_764_400_000_000,
        title: None,
    };
    let id = store.start_attempt(&new).unwrap();
    store.finish_attempt(id, kuayue::progress::Outcome::Completed, 1_764_400_060_000).unwrap();
    drop(store);
    let env = [("KUAYUE_DATA_DIR", data.as_path()), ("KUAYUE_PROJECT", project.as_path())];
    let (code, out) = kuayue_with(&away, &env, &["--lang", "en-US", "stats"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Pay the water bill at home"), "the title, not the id: {out}");
    let csv = away.join("out.csv");
    let args = ["--lang", "en-US", "export", "--format", "csv", "--out", csv.to_str().unwrap()];
    assert_eq!(kuayue_with(&away, &env, &args).0, Some(0));
    assert!(std::fs::read_to_string(&csv).unwrap().contains("Pay the water bill at home"));
    // With no project anywhere, the report still works and says why ids show.
    let (code, out) = kuayue_with(&away, &env[..1], &["--lang", "en-US", "stats"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("pay_water") && out.contains("named by their id"), "{out}");
    std::fs::remove_dir_all(&project).ok();
    std::fs::remove_dir_all(&away).ok();
}

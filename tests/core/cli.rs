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
fn seed_scenarios_pass_with_only_warnings() {
    let (code, out) = kuayue(&["check", "--lang", "en-US"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("checked 4 scenario files: 0 errors"), "{out}");
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

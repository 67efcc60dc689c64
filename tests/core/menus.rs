//! The menus as a person meets them, in a real window on a virtual screen, with
//! the keyboard only: a broken scenario file next to good ones shows its card
//! on the choose screen, and a good one still starts.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{Report, VirtualScreen, repo, seed};

/// A project folder with the seed scenarios, their messages, and one broken file.
fn project_with_a_broken_scenario(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("kuayue-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&root).ok();
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                continue;
            }
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    };
    copy(&repo().join("scenarios"), &root.join("scenarios"));
    for lang in ["zh-CN", "en-US"] {
        copy(&repo().join("locales").join(lang), &root.join("locales").join(lang));
    }
    std::fs::copy(
        repo().join("tests/fixtures/broken/ky0002_misspelt_field.ron"),
        root.join("scenarios/zz_broken_by_a_trainer.ron"),
    )
    .unwrap();
    root
}

/// Pixels of the dark amber that frames a problem card.
fn notice_pixels(png_path: &Path) -> usize {
    let decoder = png::Decoder::new(BufReader::new(std::fs::File::open(png_path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let step = info.color_type.samples();
    pixels[..info.buffer_size()]
        .chunks(step)
        .filter(|p| p[0].abs_diff(0x7a) < 12 && p[1].abs_diff(0x3b) < 12 && p[2] < 16)
        .count()
}

/// The app running on a virtual screen, its test report read as it is written.
struct Running {
    screen: VirtualScreen,
    app: std::process::Child,
    report: Report,
}

impl Running {
    fn start(root: &Path, name: &str) -> Running {
        let screen = VirtualScreen::start();
        let report = Report::new(name);
        let app = Command::new(env!("CARGO_BIN_EXE_kuayue"))
            .args(["--lang", "zh-CN"])
            .env("DISPLAY", &screen.display)
            .env("KUAYUE_DATA_DIR", root.join("data"))
            .env("KUAYUE_TEST_REPORT", &report.path)
            .current_dir(root)
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("the app starts");
        Running { screen, app, report }
    }

    /// Waits for the screen `name`.
    fn screen_shows(&mut self, name: &str, secs: u64) -> bool {
        self.report.wait_for("screen", |s| s["screen"] == name, secs).is_some()
    }

    fn type_text(&self, text: &str) {
        self.screen.xdotool(&["type", "--window", &self.screen.window(), "--delay", "100", text]);
    }

    /// Closes the app; every fact it reported.
    fn stop(mut self) -> Vec<serde_json::Value> {
        let _ = self.app.kill();
        let _ = self.app.wait();
        self.report.refresh();
        std::mem::take(&mut self.report.seen)
    }
}

/// The newest PNG in `dir` (F12 saves screenshots there), waiting up to `secs`.
fn screenshot_in(dir: &Path, secs: u64) -> Option<PathBuf> {
    for _ in 0..secs * 2 {
        let found = std::fs::read_dir(dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path()));
        if let Some(png) = found.filter(|p| p.extension().is_some_and(|e| e == "png")).max() {
            // Written once it decodes.
            std::thread::sleep(Duration::from_millis(500));
            return Some(png);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    None
}

#[test]
fn a_broken_scenario_shows_its_card_and_the_good_ones_still_play() {
    let root = project_with_a_broken_scenario("menus");
    let mut run = Running::start(&root, "menus");
    let loaded = run.report.wait_for("library", |_| true, 120);
    let started = run.screen_shows("Start", 60);
    std::thread::sleep(Duration::from_secs(4)); // the first frames under software rendering
    // An arrow key puts the focus on the first card (the guest: nobody added yet), Enter presses it.
    run.screen.press(&["Down", "Return"]);
    let chose = run.screen_shows("Choose", 30);
    std::thread::sleep(Duration::from_secs(2));
    run.screen.press(&["F12"]);
    let shot = screenshot_in(&root.join("data/exports/screenshots"), 30);
    // The first scenario card (the suggested next: the course's first task), by keyboard again.
    run.screen.press(&["Down", "Return"]);
    let playing = run.report.wait_for("scenario", |_| true, 60);
    let stepped = run.report.wait_for("step", |_| true, 60);
    let seen = run.stop();
    let loaded = loaded.unwrap_or_else(|| panic!("no library: {seen:?}"));
    assert_eq!(loaded["ready"].as_array().map(Vec::len), Some(crate::common::shipped().len()), "{loaded}");
    let broken = &loaded["broken"][0];
    assert!(broken["file"].as_str().is_some_and(|f| f.ends_with("zz_broken_by_a_trainer.ron")), "{loaded}");
    assert_eq!(broken["code"], "KY0002", "{loaded}");
    assert!(started && chose, "the keyboard did not reach the choose screen: {seen:?}");
    let shot = shot.unwrap_or_else(|| panic!("no screenshot: {seen:?}"));
    let amber = notice_pixels(&shot);
    assert!(amber > 2_000, "the problem card's frame is on screen ({amber} amber pixels)");
    assert_eq!(playing.map(|p| p["id"].clone()), Some("zheliban_basics".into()), "{seen:?}");
    assert!(stepped.is_some(), "{seen:?}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn a_trainer_opens_any_step_from_the_preview_list_and_nothing_is_recorded() {
    let root = project_with_a_broken_scenario("preview");
    let mut run = Running::start(&root, "preview");
    let started = run.screen_shows("Start", 120);
    std::thread::sleep(Duration::from_secs(4));
    // Start screen: guest, add learner, settings, trainer. Then the PIN, chosen twice.
    run.screen.press(&["Down", "Tab", "Tab", "Tab", "Return"]);
    let trainer = run.screen_shows("Trainer", 30);
    std::thread::sleep(Duration::from_secs(1));
    for _ in 0..2 {
        run.type_text("2580");
        run.screen.press(&["Return"]);
    }
    // Back, then the six tabs: the last is the preview; then the first scenario of the course;
    // then its third step.
    run.screen.press(&["Down", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Return", "Tab", "Return"]);
    run.screen.press(&["Tab", "Tab", "Tab", "Return"]);
    let preview = run.report.wait_for("scenario", |s| s["preview"] == true, 30);
    let step = run.report.wait_for("step", |_| true, 30);
    let seen = run.stop();
    assert!(started && trainer, "{seen:?}");
    assert_eq!(preview.map(|p| p["id"].clone()), Some("zheliban_basics".into()), "{seen:?}");
    assert_eq!(step.map(|s| s["step"].clone()), Some(seed("zheliban_basics").steps[2].id.clone().into()), "{seen:?}");
    let store = kuayue::progress::Store::open(&root.join("data")).unwrap().store;
    assert!(store.attempts(kuayue::progress::Period::default()).unwrap().is_empty(), "a preview is not practice");
    std::fs::remove_dir_all(&root).ok();
}

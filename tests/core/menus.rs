//! The menus as a person meets them, in a real window on a virtual screen, with
//! the keyboard only: a broken scenario file next to good ones shows its card
//! on the choose screen, and a good one still starts.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{VirtualScreen, repo};

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

/// The app running on a virtual screen, its log read line by line.
struct Running {
    screen: VirtualScreen,
    app: std::process::Child,
    lines: mpsc::Receiver<String>,
    log: String,
}

impl Running {
    fn start(root: &Path) -> Running {
        let screen = VirtualScreen::start();
        let mut app = Command::new(env!("CARGO_BIN_EXE_kuayue"))
            .args(["--lang", "zh-CN"])
            .env("DISPLAY", &screen.display)
            .env("RUST_LOG", "info")
            .env("KUAYUE_DATA_DIR", root.join("data"))
            .current_dir(root)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("the app starts");
        let (tx, lines) = mpsc::channel();
        let stderr = app.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running { screen, app, lines, log: String::new() }
    }

    /// The first log line containing `needle` within `secs`.
    fn wait_for(&mut self, needle: &str, secs: u64) -> Option<String> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok(line) = self.lines.recv_timeout(left) else { break };
            self.log.push_str(&line);
            self.log.push('\n');
            if line.contains(needle) {
                return Some(line);
            }
        }
        None
    }

    fn type_text(&self, text: &str) {
        self.screen.xdotool(&["type", "--window", &self.screen.window(), "--delay", "100", text]);
    }

    /// Closes the app; the log so far, without colour codes.
    fn stop(mut self) -> String {
        let _ = self.app.kill();
        let _ = self.app.wait();
        self.log.replace('\u{1b}', "")
    }
}

#[test]
fn a_broken_scenario_shows_its_card_and_the_good_ones_still_play() {
    let root = project_with_a_broken_scenario("menus");
    let mut run = Running::start(&root);
    let loaded = run.wait_for("scenarios ready", 120);
    let started = run.wait_for("screen: Start", 60).is_some();
    std::thread::sleep(Duration::from_secs(4)); // the first frames under software rendering
    // An arrow key puts the focus on the first card (the guest: nobody added yet), Enter presses it.
    run.screen.press(&["Down", "Return"]);
    let chose = run.wait_for("screen: Choose", 30).is_some();
    std::thread::sleep(Duration::from_secs(2));
    run.screen.press(&["F12"]);
    let shot = run
        .wait_for("Screenshot saved to ", 30)
        .and_then(|l| l.split("Screenshot saved to ").nth(1).map(|p| PathBuf::from(p.trim())));
    // The first scenario card, by keyboard again.
    run.screen.press(&["Down", "Return"]);
    let playing = run.wait_for("step entered:", 60);
    let log = run.stop();
    assert_eq!(loaded.as_deref().map(|l| l.contains("4 scenarios ready, 1 need fixing")), Some(true), "{log}");
    assert!(log.contains("zz_broken_by_a_trainer.ron cannot be played: [KY0002]"), "{log}");
    assert!(started && chose, "the keyboard did not reach the choose screen:\n{log}");
    let shot = shot.unwrap_or_else(|| panic!("no screenshot:\n{log}"));
    let amber = notice_pixels(&shot);
    assert!(amber > 2_000, "the problem card's frame is on screen ({amber} amber pixels)");
    assert!(log.contains("starting scenario hospital_appointment"), "{log}");
    assert!(playing.is_some_and(|l| l.contains("step entered: ")), "{log}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn a_trainer_opens_any_step_from_the_preview_list_and_nothing_is_recorded() {
    let root = project_with_a_broken_scenario("preview");
    let mut run = Running::start(&root);
    let started = run.wait_for("screen: Start", 120).is_some();
    std::thread::sleep(Duration::from_secs(4));
    // Start screen: guest, add learner, settings, trainer. Then the PIN, chosen twice.
    run.screen.press(&["Down", "Tab", "Tab", "Tab", "Return"]);
    let trainer = run.wait_for("screen: Trainer", 30).is_some();
    std::thread::sleep(Duration::from_secs(1));
    for _ in 0..2 {
        run.type_text("2580");
        run.screen.press(&["Return"]);
    }
    // Back, then the five tabs: the last is the preview; then the first scenario; then its third step.
    run.screen.press(&["Down", "Tab", "Tab", "Tab", "Tab", "Tab", "Return", "Tab", "Return"]);
    run.screen.press(&["Tab", "Tab", "Tab", "Return"]);
    let preview = run.wait_for("(preview)", 30);
    let step = run.wait_for("step entered:", 30);
    let log = run.stop();
    assert!(started && trainer, "{log}");
    assert!(preview.is_some_and(|l| l.contains("starting scenario hospital_appointment")), "{log}");
    assert!(step.is_some_and(|l| l.contains("step entered: choose_hospital")), "{log}");
    let store = kuayue::progress::Store::open(&root.join("data")).unwrap().store;
    assert!(store.attempts(kuayue::progress::Period::default()).unwrap().is_empty(), "a preview is not practice");
    std::fs::remove_dir_all(&root).ok();
}

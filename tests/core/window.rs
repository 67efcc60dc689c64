//! `kuayue` with no subcommand opens a real window: run it on a virtual screen
//! (Xvfb, software Vulkan), save a picture with F12 as support staff would, and look at it.

use std::process::Command;
use std::time::Duration;

use crate::common::{Report, VirtualScreen, repo};

#[test]
fn the_app_opens_a_window_that_shows_something() {
    let dir = std::env::temp_dir().join(format!("kuayue-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let screen = VirtualScreen::start();
    let mut report = Report::new("window");
    let mut app = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(["--lang", "en-US"])
        .env("DISPLAY", &screen.display)
        .env("KUAYUE_TEST_REPORT", &report.path)
        .env("KUAYUE_DATA_DIR", &dir)
        .current_dir(repo())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the app starts");
    // Run from the repository, as `tools/run.sh` does, it finds the shipped scenarios.
    let library = report.wait_for("library", |_| true, 120);
    // F12 saves what the screen shows into the data folder's exports/screenshots.
    let shots = dir.join("exports/screenshots");
    let mut shot = None;
    if library.is_some() {
        std::thread::sleep(Duration::from_secs(3));
        screen.press(&["F12"]);
        for _ in 0..60 {
            shot = std::fs::read_dir(&shots)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "png") && p.metadata().is_ok_and(|m| m.len() > 0));
            if shot.is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let _ = app.kill();
    let _ = app.wait();
    let library = library.unwrap_or_else(|| panic!("the app never listed its scenarios: {:?}", report.seen));
    assert_eq!(library["ready"].as_array().map(Vec::len), Some(crate::common::shipped().len()), "{library:?}");
    assert_eq!(library["broken"].as_array().map(Vec::len), Some(0), "{library:?}");
    let shot = shot.unwrap_or_else(|| panic!("F12 saved no picture in {}", shots.display()));
    let bytes = std::fs::read(&shot).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    // A blank 1280×720 frame compresses to a few KB; the room and panel do not.
    assert!(bytes.len() > 40_000, "the screenshot looks blank ({} bytes)", bytes.len());
    std::fs::remove_dir_all(&dir).ok();
}

/// A PC with no usable graphics driver (no Vulkan device, not even Mesa's software one):
/// no developer backtrace, but the plain message a centre can act on, a log in the data
/// folder and a clean exit. (The native message box is left out here: KUAYUE_NO_DIALOG.)
#[test]
fn without_any_graphics_driver_the_app_says_what_is_missing_and_closes_cleanly() {
    let dir = std::env::temp_dir().join(format!("kuayue-nogpu-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let nothing = dir.join("no-such-driver.json");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_kuayue"), "--lang", "en-US"])
        .env("VK_ICD_FILENAMES", &nothing)
        .env("VK_DRIVER_FILES", &nothing)
        .env("KUAYUE_DATA_DIR", &dir)
        .env("KUAYUE_NO_DIALOG", "1")
        .current_dir(repo())
        .output()
        .expect("xvfb-run is installed by tools/setup.sh");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(said.contains("kuayue cannot show its picture"), "{said}");
    assert!(said.contains("install the package mesa-vulkan-drivers"), "{said}");
    let log = dir.join("logs/kuayue.log");
    assert!(said.contains(&log.display().to_string()), "the message names the log: {said}");
    let logged = std::fs::read_to_string(&log).expect("a log in the data folder");
    assert!(logged.contains("no graphics adapter"), "{logged}");
    std::fs::remove_dir_all(&dir).ok();
}

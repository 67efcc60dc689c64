//! `kuayue` with no subcommand opens a real window: run it on a virtual screen
//! (Xvfb, software Vulkan), take a scripted screenshot, and look at it.

use std::process::Command;

use crate::common::{Report, repo};

#[test]
fn the_app_opens_a_window_that_shows_something() {
    let dir = std::env::temp_dir().join(format!("kuayue-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("ci.ron");
    std::fs::write(&config, "(events: [(40, NamedScreenshot(\"start\")), (50, AppExit)])").unwrap();
    let mut report = Report::new("window");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_kuayue"), "--lang", "en-US"])
        .env("CI_TESTING_CONFIG", &config)
        .env("KUAYUE_TEST_REPORT", &report.path)
        .current_dir(repo())
        .output()
        .expect("xvfb-run is installed by tools/setup.sh");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the app failed: {log}");
    // Run from the repository, as `tools/run.sh` does, it finds the shipped scenarios.
    report.refresh();
    let library = report.all("library");
    assert_eq!(library.len(), 1, "{log}");
    assert_eq!(library[0]["ready"].as_array().map(Vec::len), Some(4), "{:?}", library[0]);
    assert_eq!(library[0]["broken"].as_array().map(Vec::len), Some(0), "{:?}", library[0]);
    // bevy_ci_testing writes the screenshot to the working directory.
    let shot = dir.join("start.png");
    std::fs::rename(repo().join("screenshot-start.png"), &shot)
        .unwrap_or_else(|e| panic!("no screenshot ({e}): {log}"));
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

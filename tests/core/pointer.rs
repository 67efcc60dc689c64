//! A real X pointer (xdotool) clicks the first step's target on a virtual screen,
//! and the walkthrough moves on: the app answers the same clicks a person makes.
//! Positions and steps come from the app's test report, not from its log.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{Report, VirtualScreen, repo};

#[test]
fn a_real_pointer_click_on_the_target_advances_the_walkthrough() {
    let screen = VirtualScreen::start();
    let mut report = Report::new("pointer");
    let mut app = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(["play", "zheliban_basics", "--lang", "en-US"])
        .env("DISPLAY", &screen.display)
        .env("KUAYUE_TEST_REPORT", &report.path)
        .current_dir(repo())
        .stderr(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("the app starts");
    let target = report.wait_for("target", |t| t["step"] == "open_app", 120);
    let mut advanced = None;
    if let Some(target) = &target {
        let (x, y) = (target["x"].as_f64().unwrap(), target["y"].as_f64().unwrap());
        // Let the camera settle as a person would, then move and click.
        std::thread::sleep(Duration::from_secs(2));
        let status = Command::new("xdotool")
            .args(["mousemove", &format!("{x:.0}"), &format!("{y:.0}"), "sleep", "0.3", "click", "1"])
            .env("DISPLAY", &screen.display)
            .status()
            .expect("xdotool is installed by tools/setup.sh");
        assert!(status.success());
        advanced = report.wait_for("step", |s| s["step"] == "switch_elder", 60);
    }
    let _ = app.kill();
    let _ = app.wait();
    assert!(target.is_some(), "the target was never reported: {:?}", report.seen);
    assert!(advanced.is_some(), "the click did not advance the walkthrough: {:?}", report.seen);
    assert!(report.texts("action", "action").contains(&"Tap(\"app_zlb\")".to_owned()), "{:?}", report.seen);
}

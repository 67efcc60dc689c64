//! A real X pointer (xdotool) clicks the first step's target on a virtual screen,
//! and the walkthrough moves on: the app answers the same clicks a person makes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{VirtualScreen, repo};

#[test]
fn a_real_pointer_click_on_the_target_advances_the_walkthrough() {
    let screen = VirtualScreen::start();
    let display = screen.display.clone();
    let mut app = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(["play", "zheliban_basics", "--lang", "en-US"])
        .env("DISPLAY", &display)
        .env("RUST_LOG", "info")
        .current_dir(repo())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("the app starts");
    let lines = BufReader::new(app.stderr.take().unwrap()).lines();
    // A watchdog: if the app never says what the test waits for, end it so the test ends.
    let pid = app.id().to_string();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(150));
        let _ = Command::new("kill").arg(&pid).status();
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut clicked = false;
    let mut advanced = false;
    let mut log = String::new();
    for line in lines.map_while(Result::ok) {
        log.push_str(&line);
        log.push('\n');
        if Instant::now() > deadline {
            break;
        }
        if !clicked && line.contains("target of step open_app:") {
            let at = line.rsplit(" at ").next().unwrap().trim();
            let (x, y) = at.split_once(',').unwrap();
            // Let the camera settle as a person would, then move and click.
            std::thread::sleep(Duration::from_secs(2));
            let status = Command::new("xdotool")
                .args(["mousemove", x, y, "sleep", "0.3", "click", "1"])
                .env("DISPLAY", &display)
                .status()
                .expect("xdotool is installed by tools/setup.sh");
            assert!(status.success());
            clicked = true;
        }
        if line.contains("step entered: switch_elder") {
            advanced = true;
            break;
        }
    }
    let _ = app.kill();
    let _ = app.wait();
    assert!(clicked, "the target was never reported:\n{log}");
    assert!(advanced, "the click did not advance the walkthrough:\n{log}");
    assert!(log.contains("learner: Tap(\"app_zlb\")"), "{log}");
}

//! What a blind or low-vision learner's screen reader finds: the walkthrough's window read
//! over AT-SPI (at-spi2-core, python3-pyatspi, in its own D-Bus session), as Orca reads it.

use std::process::Command;

use serde_json::Value;

use crate::common::{VirtualScreen, repo};

/// The English words of message `id` in a shipped scenario's words file.
fn english(file: &str, id: &str) -> String {
    let text = std::fs::read_to_string(repo().join("locales/en-US").join(file)).expect("the words file");
    let line = text.lines().find(|l| l.starts_with(&format!("{id} ="))).expect("the message");
    line.split_once('=').unwrap().1.trim().to_owned()
}

/// The first step of 浙里办 basics, with a screen reader on: the window is called by the
/// app's name, the prompt is in the tree and was announced as it appeared (a live region),
/// the caption's buttons and the phone's app icons are buttons named by their words.
#[test]
fn a_screen_reader_hears_the_prompt_and_finds_every_button_by_its_name() {
    let screen = VirtualScreen::start();
    let prompt = english("zheliban_basics.ftl", "zlb-open-app-prompt");
    let out = Command::new("dbus-run-session")
        .args(["--", "/usr/bin/python3", "tools/a11y-tree.py", "--until", &prompt, "--timeout", "150", "--"])
        .args([env!("CARGO_BIN_EXE_kuayue"), "play", "zheliban_basics", "--lang", "en-US"])
        .env("DISPLAY", &screen.display)
        .current_dir(repo())
        .output()
        .expect("dbus-run-session runs (dbus-daemon, installed by tools/setup.sh)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<Value> = stdout.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let seen = || format!("{}\n{}", stdout, String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the prompt was not found and announced over AT-SPI:\n{}", seen());
    let said: Vec<&str> = lines.iter().filter_map(|l| l["announcement"].as_str()).collect();
    assert!(said.iter().any(|s| s.contains(&prompt)), "announced: {said:?}");
    let named = |role: &str, name: &str| lines.iter().any(|n| n["role"] == role && n["name"] == name);
    let title = english("app.ftl", "app-title");
    assert!(named("frame", &title), "the window is not called {title:?}:\n{}", seen());
    for button in ["Say it again", "Hint", "Skip", "Leave", "Zheliban"] {
        assert!(named("push button", button), "no button named {button:?}:\n{}", seen());
    }
}

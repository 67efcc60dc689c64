//! Each seed scenario plays itself to the end in the real renderer (Xvfb and
//! software Vulkan), through real clicks, with a screenshot per step that is
//! looked at: not blank, text in the caption, the guide's glow on screen.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{SEEDS, repo, seed};

struct Run {
    log: String,
    shots: Vec<PathBuf>,
}

fn autoplay(id: &str, mistakes: u32) -> Run {
    autoplay_with(id, mistakes, &[])
}

fn autoplay_with(id: &str, mistakes: u32, extra: &[&str]) -> Run {
    let dir =
        std::env::temp_dir().join(format!("kuayue-autoplay-{id}-{mistakes}-{}-{}", extra.len(), std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mistakes = mistakes.to_string();
    let args = [
        "-a",
        "-s",
        "-screen 0 1280x720x24",
        env!("CARGO_BIN_EXE_kuayue"),
        "play",
        id,
        "--autoplay",
        "--exit-when-done",
        "--mistakes",
        &mistakes,
        "--lang",
        "en-US",
        "--screenshots",
    ];
    let out = Command::new("xvfb-run")
        .args(args)
        .arg(&dir)
        .args(extra)
        .current_dir(repo())
        .output()
        .expect("xvfb-run is installed by tools/setup.sh");
    let log = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{id}: the app failed\n{log}");
    let mut shots: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
    shots.sort();
    Run { log, shots }
}

/// RGB pixels of a PNG.
fn pixels(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let px = buf[..info.buffer_size()].chunks(channels).map(|c| [c[0], c[1], c[2]]).collect();
    (info.width, info.height, px)
}

fn look_at(shot: &Path) {
    let (w, h, px) = pixels(shot);
    assert_eq!((w, h), (1280, 720), "{}", shot.display());
    let at = |x: u32, y: u32| px[(y * w + x) as usize];
    // Not blank: many different colours.
    let distinct: std::collections::HashSet<_> = px.iter().step_by(97).collect();
    assert!(distinct.len() > 50, "{} looks blank", shot.display());
    // The caption band (bottom 200 px) has dark text pixels on its light paper.
    let dark =
        (520..720).flat_map(|y| (0..w).map(move |x| (x, y))).filter(|&(x, y)| at(x, y).iter().all(|&c| c < 70)).count();
    assert!(dark > 2000, "{}: no text in the caption ({dark} dark pixels)", shot.display());
}

fn has_glow(shot: &Path) -> bool {
    let (_, _, px) = pixels(shot);
    px.iter().filter(|p| p[0] > 220 && (150..190).contains(&p[1]) && p[2] < 60).count() > 200
}

#[test]
fn every_seed_scenario_autoplays_to_the_end_with_a_screenshot_per_step() {
    for id in SEEDS {
        let scenario = seed(id);
        let run = autoplay(id, 0);
        assert!(run.log.contains("walkthrough completed"), "{id}:\n{}", run.log);
        let steps_played = run.log.matches("step entered:").count();
        assert!(steps_played >= 10 && steps_played <= scenario.steps.len(), "{id}: {steps_played} steps");
        // One screenshot per step played, plus the done screen.
        assert_eq!(run.shots.len(), steps_played + 1, "{id}: {:?}", run.shots);
        let mut glowing = 0;
        for shot in &run.shots[..run.shots.len() - 1] {
            look_at(shot);
            glowing += usize::from(has_glow(shot));
        }
        assert!(glowing * 10 >= steps_played * 8, "{id}: the target glows in only {glowing} of {steps_played} steps");
        // Each step's prompt was spoken (logged even without a sound device).
        for line in run.log.lines().filter_map(|l| l.split("step entered: ").nth(1)) {
            let step = scenario.steps.iter().find(|s| s.id == line.trim()).expect("a step of the scenario");
            let clip = format!("voice: en-US/{}.ogg", step.prompt);
            assert!(run.log.contains(&clip), "{id}: {clip} not in the log");
        }
        assert!(run.log.contains("voice: en-US/app-done-title.ogg"), "{id}: well done was not said");
        if !kuayue::app::voice::sound_device_present() {
            assert_eq!(run.log.matches("No sound device found").count(), 1, "{id}: one warning, once");
            assert!(!run.log.contains("ALSA lib") && !run.log.contains("No audio device"), "{id}: {}", run.log);
        }
    }
}

#[test]
fn mistakes_bring_hints_on_screen_and_the_walkthrough_still_completes() {
    // The pharmacy has a side step whose button sits next to the right one: a
    // "mistake" must never be the way into a branch, or autoplay goes round for ever.
    for id in ["hospital_appointment", "pharmacy_medical_code"] {
        let run = autoplay(id, 1);
        assert!(run.log.contains("walkthrough completed"), "{id}: {}", run.log);
        assert!(run.log.contains("hint level 1"), "{id}: {}", run.log);
        assert_eq!(run.log.matches("step entered:").count(), seed(id).steps.len() - 1, "{id}: no side step");
        for shot in &run.shots[..run.shots.len() - 1] {
            look_at(shot);
        }
    }
}

#[test]
fn play_from_a_later_step_starts_there_and_plays_to_the_end() {
    let scenario = seed("hospital_appointment");
    let from = &scenario.steps[scenario.steps.len() - 4];
    let run = autoplay_with("hospital_appointment", 0, &["--step", &from.id]);
    assert!(run.log.contains("walkthrough completed"), "{}", run.log);
    let entered: Vec<&str> = run.log.lines().filter_map(|l| l.split("step entered: ").nth(1)).collect();
    assert_eq!(entered.first().map(|s| s.trim()), Some(from.id.as_str()), "{entered:?}");
    assert_eq!(entered.len(), 4, "only the steps from there on are played: {entered:?}");
}

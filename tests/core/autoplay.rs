//! Each seed scenario plays itself to the end in the real renderer (Xvfb and
//! software Vulkan), through real clicks, with a screenshot per step that is
//! looked at: not blank, text in the caption, the guide's glow on screen.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Report, SEEDS, VirtualScreen, repo, seed};

struct Run {
    log: String,
    report: Report,
    shots: Vec<PathBuf>,
}

impl Run {
    fn completed(&self) -> bool {
        !self.report.all("completed").is_empty()
    }

    fn steps(&self) -> Vec<String> {
        self.report.texts("step", "step")
    }
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
    let mut report = Report::new(&format!("autoplay-{id}-{mistakes}-{}", extra.len()));
    let out = Command::new("xvfb-run")
        .args(args)
        .arg(&dir)
        .args(extra)
        .env("KUAYUE_TEST_REPORT", &report.path)
        .current_dir(repo())
        .output()
        .expect("xvfb-run is installed by tools/setup.sh");
    let log = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{id}: the app failed\n{log}");
    let mut shots: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
    shots.sort();
    report.refresh();
    Run { log, report, shots }
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
        assert!(run.completed(), "{id}:\n{}", run.log);
        let steps_played = run.steps().len();
        assert!(steps_played >= 10 && steps_played <= scenario.steps.len(), "{id}: {steps_played} steps");
        // One screenshot per step played, plus the done screen.
        assert_eq!(run.shots.len(), steps_played + 1, "{id}: {:?}", run.shots);
        let mut glowing = 0;
        for shot in &run.shots[..run.shots.len() - 1] {
            look_at(shot);
            glowing += usize::from(has_glow(shot));
        }
        assert!(glowing * 10 >= steps_played * 8, "{id}: the target glows in only {glowing} of {steps_played} steps");
        // Each step's prompt was spoken (reported even without a sound device), with its words on screen.
        let spoken = run.report.texts("voice", "clip");
        for entered in run.report.all("step") {
            let step = scenario.steps.iter().find(|s| s.id == entered["step"]).expect("a step of the scenario");
            let clip = format!("en-US/{}.ogg", step.prompt);
            assert!(spoken.contains(&clip), "{id}: {clip} not said");
            assert!(entered["caption"].as_str().is_some_and(|c| c != step.prompt), "{id}: words, not an id");
        }
        assert!(spoken.contains(&"en-US/app-done-title.ogg".to_owned()), "{id}: well done was not said");
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
        assert!(run.completed(), "{id}: {}", run.log);
        assert!(run.report.all("hint").iter().any(|h| h["level"] == 1), "{id}: {}", run.log);
        assert_eq!(run.steps().len(), seed(id).steps.len() - 1, "{id}: no side step");
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
    assert!(run.completed(), "{}", run.log);
    let entered = run.steps();
    assert_eq!(entered.first().map(String::as_str), Some(from.id.as_str()), "{entered:?}");
    assert_eq!(entered.len(), 4, "only the steps from there on are played: {entered:?}");
}

/// `kuayue --vr` with no headset to show it in (no OpenXR runtime here, and in the default
/// build no VR at all) says so in plain words, and the walkthrough goes on in the window, to
/// the end, as if `--vr` had not been given. Its last four steps keep it short.
#[test]
fn asked_for_vr_without_a_headset_it_says_so_and_plays_on_in_the_window() {
    let scenario = seed("bus_ride_code");
    let from = &scenario.steps[scenario.steps.len() - 4];
    let run = autoplay_with("bus_ride_code", 0, &["--step", &from.id, "--vr"]);
    assert!(run.completed(), "{}", run.log);
    assert_eq!(run.steps().len(), 4, "{:?}", run.steps());
    let said = if cfg!(feature = "vr") {
        "VR: no OpenXR runtime or headset; practising in the window"
    } else {
        "This copy of kuayue was built without VR, so practice goes on in the window."
    };
    assert!(run.log.contains(said), "{}", run.log);
}

/// A copy of the repository's project (one scenario, its words marked as the copy's) in a temp folder.
fn copied_project(id: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("kuayue-copied-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let ron = format!("scenarios/{id}.ron");
    for file in [ron.clone(), format!("locales/zh-CN/{id}.ftl"), format!("locales/en-US/{id}.ftl")] {
        std::fs::create_dir_all(root.join(&file).parent().unwrap()).unwrap();
        std::fs::copy(repo().join(&file), root.join(&file)).unwrap();
    }
    root
}

/// The share of pixels in the caption band (bottom 200 px) that differ clearly.
fn caption_difference(a: &Path, b: &Path) -> f64 {
    let ((w, h, pa), (_, _, pb)) = (pixels(a), pixels(b));
    let band = ((h - 200) * w) as usize..(h * w) as usize;
    let differ = band.clone().filter(|&i| pa[i].iter().zip(pb[i]).any(|(x, y)| x.abs_diff(y) > 40)).count();
    differ as f64 / band.len() as f64
}

#[test]
fn a_scenario_of_another_project_plays_with_that_projects_words_from_any_folder() {
    let id = "zheliban_basics";
    let project = copied_project(id);
    let away = std::env::temp_dir().join(format!("kuayue-away-{}", std::process::id()));
    std::fs::create_dir_all(&away).unwrap();
    let play = |cwd: &Path, scenario: &str, name: &str| {
        let shots = away.join(name);
        let _ = std::fs::remove_dir_all(&shots);
        let mut report = Report::new(name);
        let out = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x720x24", env!("CARGO_BIN_EXE_kuayue"), "--lang", "en-US", "play"])
            .args([scenario, "--autoplay", "--exit-when-done", "--screenshots"])
            .arg(&shots)
            .env("KUAYUE_TEST_REPORT", &report.path)
            .env_remove("KUAYUE_PROJECT")
            .current_dir(cwd)
            .output()
            .expect("xvfb-run is installed by tools/setup.sh");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        report.refresh();
        let first = report.all("step")[0]["caption"].as_str().unwrap_or_default().to_owned();
        let mut taken: Vec<PathBuf> = std::fs::read_dir(&shots).unwrap().map(|e| e.unwrap().path()).collect();
        taken.sort();
        (first, taken[0].clone())
    };
    let (inside, inside_shot) = play(&project, id, "inside");
    let file = project.join(format!("scenarios/{id}.ron"));
    let (outside, outside_shot) = play(&away, file.to_str().unwrap(), "outside");
    let prompt = seed(id).steps[0].prompt.clone();
    assert!(inside.len() > 20 && inside != prompt, "words, not the id: {inside}");
    assert_eq!(outside, inside, "run from elsewhere, the caption has the project's words");
    let differ = caption_difference(&inside_shot, &outside_shot);
    assert!(differ < 0.02, "the caption bands differ in {:.1} % of pixels", differ * 100.0);
    std::fs::remove_dir_all(&project).ok();
    std::fs::remove_dir_all(&away).ok();
}

/// At 200 % text in English (the hardest case: long words, large type) the real app writes a
/// layout report for every step it plays, and nothing in it is cut, hidden, too small or too
/// faint, station labels over the 3D scene included. 医保缴费 types a payment password: in
/// 1280×720 at 200 % its phone stands beside the caption so that the whole keypad shows, and
/// autoplay presses every key it needs. The screenshots were looked at.
#[test]
fn at_200_percent_the_app_reports_a_layout_that_holds_for_every_step() {
    let mut snapshots: Vec<kuayue::layout::Snapshot> = Vec::new();
    for id in ["hospital_appointment", "medical_insurance_payment"] {
        let path = std::env::temp_dir().join(format!("kuayue-layout-{id}-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let report = path.to_str().unwrap().to_owned();
        let run = autoplay_with(id, 0, &["--text-size", "200", "--layout-report", &report]);
        assert!(run.completed(), "{id}: {}", run.log);
        let text = std::fs::read_to_string(&path).expect("the layout report was written");
        let _ = std::fs::remove_file(&path);
        let played: Vec<kuayue::layout::Snapshot> =
            text.lines().map(|l| serde_json::from_str(l).expect("a snapshot per line")).collect();
        let measured: Vec<String> = played.iter().filter_map(|s| s.step.clone()).collect();
        assert_eq!(measured, run.steps(), "{id}: one snapshot per step played");
        snapshots.extend(played);
    }
    let mut problems = Vec::new();
    for s in &snapshots {
        assert_eq!((s.text_size, s.lang.as_str()), (200, "en-US"));
        assert!(s.items.iter().any(|i| i.region == "caption" && i.kind == kuayue::layout::Kind::Panel));
        problems.extend(kuayue::layout::problems(s));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        snapshots.iter().any(|s| s.items.iter().any(|i| i.region == "labels")),
        "the stations' labels were measured too"
    );
}

/// The bank's queue screen, painted in the room, calls the numbers as a real one does: someone
/// else's while the learner sits down, the one before theirs while they wait at `wait_call`,
/// theirs when they are called (`go_counter`).
#[test]
fn the_bank_queue_screen_calls_the_number_before_then_the_learners_own() {
    let mut report = Report::new("bank-board");
    // The app itself on a screen of its own (not under xvfb-run), so that it is the process
    // stopped. A preview: nothing is recorded.
    let screen = VirtualScreen::start();
    let mut app =
        screen.kuayue(&report, &["play", "social_card_bank", "--step", "sit_down", "--autoplay", "--lang", "zh-CN"]);
    let mut board = |words: &str| report.wait_for("board", |v| v["words"] == words, 180);
    let (earlier, waiting, called) =
        (board("请A029号到1号窗口"), board("请A031号到2号窗口"), board("请A032号到3号窗口"));
    let _ = app.kill();
    let _ = app.wait();
    let step = |fact: &Option<serde_json::Value>| fact.as_ref().map(|f| f["step"].clone());
    assert_eq!(step(&earlier), Some("sit_down".into()), "{:?}", report.all("board"));
    assert_eq!(step(&waiting), Some("wait_call".into()), "{:?}", report.all("board"));
    assert_eq!(step(&called), Some("go_counter".into()), "{:?}", report.all("board"));
    assert!(report.all("board").iter().all(|b| b["station"] == "queue_screen"));
}

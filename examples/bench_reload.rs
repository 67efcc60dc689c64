//! How long a trainer waits after saving: a headless app (no window) plays a
//! copy of a seed scenario while this program edits its message file and its
//! scenario file on disk, timing each until the running walkthrough shows it.
//! Run by `tools/bench-reload.sh`; prints one `bench:` line.

use std::path::Path;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use kuayue::app::autoplay::PlayOptions;
use kuayue::app::walkthrough::Active;
use kuayue::app::words::Words;
use kuayue::app::{Launch, core_plugins};
use kuayue::i18n::Lang;

const ID: &str = "zheliban_basics";
const ROUNDS: usize = 20;

fn main() {
    let root = std::env::temp_dir().join(format!("kuayue-bench-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for file in [format!("scenarios/{ID}.ron"), format!("locales/zh-CN/{ID}.ftl"), format!("locales/en-US/{ID}.ftl")] {
        std::fs::create_dir_all(root.join(&file).parent().unwrap()).unwrap();
        std::fs::copy(&file, root.join(&file)).unwrap();
    }
    let ron = root.join(format!("scenarios/{ID}.ron"));
    let words_file = root.join(format!("locales/en-US/{ID}.ftl"));
    let loaded = kuayue::scenario::load_file(&ron).expect("the seed loads");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    let options = PlayOptions { file: Some(ron.clone()), ..Default::default() };
    let play = Some((std::sync::Arc::new(loaded.scenario), options));
    let project = kuayue::scenario::project::Project::at(&root);
    core_plugins(&mut app, &Launch { play, ..Launch::new(Lang::EnUs, project) });
    for _ in 0..3 {
        app.update();
    }
    let prompt = |w: &World| w.resource::<Words>().say(w.resource::<Active>().view.prompt.as_ref().unwrap());
    let hint = |w: &World| w.resource::<Active>().scenario().steps[0].hints[0].clone();
    let mut words_ms = Vec::new();
    let mut scenario_ms = Vec::new();
    for round in 0..ROUNDS {
        // A random moment within the polling period, like a real save.
        std::thread::sleep(Duration::from_millis(37 * round as u64 % 500));
        let marker = format!("(edit {round})");
        edit(&words_file, |t| t.replacen("Mrs Chen wants", &format!("Mrs Chen {marker} wants"), 1));
        words_ms.push(wait(&mut app, |w| prompt(w).contains(&marker)));
        edit(&words_file, |t| t.replacen(&format!("Mrs Chen {marker} wants"), "Mrs Chen wants", 1));
        wait(&mut app, |w| !prompt(w).contains(&marker));
        let (a, b) =
            ("\"zlb-open-app-hint1\", \"zlb-open-app-hint2\"", "\"zlb-open-app-hint2\", \"zlb-open-app-hint1\"");
        let (from, to, want) = if round % 2 == 0 { (a, b, "zlb-open-app-hint2") } else { (b, a, "zlb-open-app-hint1") };
        edit(&ron, |t| t.replacen(from, to, 1));
        scenario_ms.push(wait(&mut app, |w| hint(w) == want));
    }
    let _ = std::fs::remove_dir_all(&root);
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() - 1])
    };
    let (wm, wx) = stats(&mut words_ms);
    let (sm, sx) = stats(&mut scenario_ms);
    println!(
        "bench: rounds={ROUNDS} words_median_ms={wm:.0} words_max_ms={wx:.0} scenario_median_ms={sm:.0} scenario_max_ms={sx:.0}"
    );
}

fn edit(file: &Path, change: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(file).unwrap();
    let changed = change(&text);
    assert_ne!(changed, text, "the edit applies");
    std::fs::write(file, changed).unwrap();
}

/// Frames until `done` holds (a frame every 5 ms, as a light app would); milliseconds taken.
fn wait(app: &mut App, done: impl Fn(&World) -> bool) -> f64 {
    let start = Instant::now();
    while !done(app.world()) {
        assert!(start.elapsed() < Duration::from_secs(10), "no reload within 10 s");
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
    start.elapsed().as_secs_f64() * 1000.0
}

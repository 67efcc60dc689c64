//! A frame meter for benchmarks (`tools/bench-frames.sh`): with
//! `KUAYUE_BENCH_SECS=N` set, it notes when the first frame was presented,
//! measures every frame for N seconds after that, prints one `bench:` line
//! and quits. Without the variable it does nothing.

use std::time::{Duration, Instant};

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;

#[derive(Resource)]
struct Meter {
    length: Duration,
    started: Option<Instant>,
    last: Option<Instant>,
    frame_secs: Vec<f64>,
    first_frame_unix_ms: i64,
}

/// Adds the meter when `KUAYUE_BENCH_SECS` asks for it.
pub fn plugin(app: &mut App) {
    let Some(secs) = std::env::var("KUAYUE_BENCH_SECS").ok().and_then(|s| s.parse::<f64>().ok()) else { return };
    app.insert_resource(Meter {
        length: Duration::from_secs_f64(secs),
        started: None,
        last: None,
        frame_secs: Vec::new(),
        first_frame_unix_ms: 0,
    })
    .add_systems(Last, measure_frames)
    // Measuring frames means drawing them as fast as possible (the baseline scene has no Wake).
    .add_systems(Update, |wake: Option<ResMut<super::flow::Wake>>| {
        if let Some(mut wake) = wake {
            wake.now();
        }
    });
}

/// fps at the `q` quantile of frame times (q = 0.99: the 1 % low).
pub fn fps_at(frame_secs: &[f64], q: f64) -> f64 {
    let mut sorted = frame_secs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let Some(last) = sorted.len().checked_sub(1) else { return 0.0 };
    1.0 / sorted[((last as f64) * q).round() as usize].max(1e-9)
}

/// The pictures egui keeps for each of its contexts (its glyph atlas above all), in MiB of
/// RGBA: each is held as egui's atlas, bevy_egui's copy, the image asset and the texture.
fn egui_pictures(textures: Option<Res<bevy_egui::EguiManagedTextures>>, names: Query<&Name>) -> String {
    let mut by_context = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for ((entity, _), texture) in textures.iter().flat_map(|t| t.0.iter()) {
        let name = names.get(*entity).map_or_else(|_| format!("{entity}"), |n| n.to_string());
        let entry = by_context.entry(name.replace(' ', "_")).or_default();
        entry.0 += 1;
        entry.1 += texture.color_image.width() * texture.color_image.height() * 4;
    }
    by_context
        .iter()
        .map(|(name, (n, bytes))| format!(" egui_{name}={n}x/{:.1}MiB", *bytes as f64 / 1048576.0))
        .collect()
}

fn measure_frames(
    frames: Res<FrameCount>,
    mut meter: ResMut<Meter>,
    mut exit: MessageWriter<AppExit>,
    textures: Option<Res<bevy_egui::EguiManagedTextures>>,
    names: Query<&Name>,
) {
    let now = Instant::now();
    // By the third frame's end, the first frame has been presented.
    if frames.0 < 2 {
        return;
    }
    let Some(started) = meter.started else {
        meter.started = Some(now);
        meter.last = Some(now);
        meter.first_frame_unix_ms = jiff::Timestamp::now().as_millisecond();
        return;
    };
    if let Some(last) = meter.last.replace(now) {
        meter.frame_secs.push((now - last).as_secs_f64());
    }
    if now - started >= meter.length {
        let n = meter.frame_secs.len();
        let mean = meter.frame_secs.iter().sum::<f64>() / n.max(1) as f64;
        println!(
            "bench: first_frame_unix_ms={} frames={n} median_fps={:.2} low1_fps={:.2} mean_fps={:.2}{}",
            meter.first_frame_unix_ms,
            fps_at(&meter.frame_secs, 0.5),
            fps_at(&meter.frame_secs, 0.99),
            1.0 / mean.max(1e-9),
            egui_pictures(textures, names),
        );
        exit.write(AppExit::Success);
    }
}

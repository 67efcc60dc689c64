//! Sending the outbox to a real learning record store on 127.0.0.1: how fast
//! statements go out, how long a 100,000-statement backlog takes to drain, and
//! whether a step write (the learner's side) slows down while it drains.
//!
//! Run: `tools/bench-sync.sh` (starts the test record store from tools/lrs/,
//! release build, no Bevy). STATEMENTS=… changes the backlog.

use std::time::{Duration, Instant};

use kuayue::progress::sync::{self, Http, Settings};
use kuayue::progress::{NewAttempt, Outcome, StepRecord, StepRow, Store};

/// Step writes as the app makes them: attempts of ten steps, one durable commit each.
fn step_writes(store: &Store, samples: usize, base: i64) -> Vec<f64> {
    let mut live = None;
    let mut times: Vec<f64> = (0..samples)
        .map(|n| {
            if n % 10 == 0 {
                if let Some(open) = live {
                    store.finish_attempt(open, Outcome::Completed, base + n as i64).expect("finish");
                }
                let new = NewAttempt {
                    learner: None,
                    scenario: "hospital_appointment".to_owned(),
                    scenario_hash: "0123456789abcdef".to_owned(),
                    lang: "zh-CN".to_owned(),
                    started: base + n as i64,
                    title: Some("预约挂号".to_owned()),
                };
                live = Some(store.start_attempt(&new).expect("attempt"));
            }
            let record = StepRecord { step: format!("live_{n}"), wrong_actions: 1, ..StepRecord::default() };
            // The learner's pace is seconds per step; a little pause keeps the writes spread out.
            std::thread::sleep(Duration::from_millis(2));
            let t = Instant::now();
            store.record_step(live.expect("open"), &StepRow::new(base, base + 1, record)).expect("step");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    if let Some(open) = live {
        store.finish_attempt(open, Outcome::Completed, base + samples as i64).expect("finish");
    }
    times.sort_by(f64::total_cmp);
    times
}

fn quantile(times: &[f64], q: f64) -> f64 {
    times[((times.len() as f64 - 1.0) * q).round() as usize]
}

fn main() {
    let endpoint = std::env::args().nth(1).expect("usage: bench_sync <xAPI endpoint>");
    let statements: usize = std::env::var("STATEMENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("kuayue-bench-sync-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let mut store = Store::open(&dir).expect("store").store;
    let settings = Settings::new(&endpoint, "key", "secret").expect("endpoint");
    settings.save(&store).expect("settings");

    // A backlog of weeks offline: attempts of a launch, ten steps and an end (12 statements each).
    let attempts = statements.div_ceil(12);
    let base = 1_764_400_000_000;
    let fill = Instant::now();
    for chunk in (0..attempts).collect::<Vec<_>>().chunks(5_000) {
        let batch: Vec<_> = chunk
            .iter()
            .map(|&i| {
                let started = base + i as i64 * 120_000;
                let steps = (0..10)
                    .map(|s| {
                        let record = StepRecord { step: format!("step_{s}"), ..StepRecord::default() };
                        StepRow::new(started + s * 5_000, started + (s + 1) * 5_000, record)
                    })
                    .collect();
                let new = NewAttempt {
                    learner: None,
                    scenario: "hospital_appointment".to_owned(),
                    scenario_hash: "0123456789abcdef".to_owned(),
                    lang: "zh-CN".to_owned(),
                    started,
                    title: Some("预约挂号".to_owned()),
                };
                (new, steps, Outcome::Completed, started + 60_000)
            })
            .collect();
        store.insert_finished(&batch).expect("fill");
    }
    let queued = store.outbox_counts().expect("counts").queued;
    let size = |name: &str| std::fs::metadata(dir.join(name)).map(|m| m.len()).unwrap_or(0);
    let db = size("kuayue.db") + size("kuayue.db-wal");
    println!(
        "backlog: {attempts} attempts, {queued} statements queued in {:.1} s; database {:.1} MB",
        fill.elapsed().as_secs_f64(),
        db as f64 / 1e6
    );

    let quiet = step_writes(&store, 2_000, base);
    println!(
        "step write, nothing sending: median {:.3} ms, p99 {:.3} ms ({} samples)",
        quantile(&quiet, 0.5),
        quantile(&quiet, 0.99),
        quiet.len()
    );

    // For comparison: the same writes while another process keeps one core busy
    // (what the record store on this machine does while it takes statements).
    let mut spin =
        std::process::Command::new("taskset").args(["-c", "1", "sh", "-c", "while :; do :; done"]).spawn().expect("sh");
    let spun = step_writes(&store, 2_000, base + 5_000_000);
    spin.kill().ok();
    spin.wait().ok();
    println!(
        "step write, the other core kept busy by another process: median {:.3} ms, p99 {:.3} ms",
        quantile(&spun, 0.5),
        quantile(&spun, 0.99)
    );

    // Drain on a worker thread with its own connection and the app's pace, while steps are written.
    let worker_dir = dir.clone();
    let drain = std::thread::spawn(move || {
        let store = Store::open_for_sync(&worker_dir).expect("store");
        let now = || jiff::Timestamp::now().as_millisecond();
        let t = Instant::now();
        let pause = std::time::Duration::from_millis(sync::APP_PAUSE_MS);
        let round = sync::send_queued_paced(&store, &settings, &mut Http::default(), &now, pause).expect("send");
        (round, t.elapsed().as_secs_f64())
    });
    let busy = step_writes(&store, 2_000, base + 10_000_000);
    println!(
        "step write, while sending: median {:.3} ms, p99 {:.3} ms ({} samples)",
        quantile(&busy, 0.5),
        quantile(&busy, 0.99),
        busy.len()
    );
    let (round, secs) = drain.join().expect("drain");
    assert!(round.problem.is_none(), "{:?}", round.problem);
    println!(
        "drained {} statements in {secs:.1} s: {:.0} statements/s (batches of {})",
        round.sent,
        round.sent as f64 / secs,
        sync::BATCH
    );
    // Everything again without rests, as `kuayue sync --resend-all` does (nobody practising).
    let store = Store::open_for_sync(&dir).expect("store");
    let queued = store.outbox_requeue(true).expect("requeue");
    let settings = Settings::load(&store).expect("settings").expect("set up");
    let now = || jiff::Timestamp::now().as_millisecond();
    let t = Instant::now();
    let round = sync::send_queued(&store, &settings, &mut Http::default(), &now).expect("send");
    let secs = t.elapsed().as_secs_f64();
    assert!(round.problem.is_none() && round.sent == queued, "{round:?}");
    println!("sent all {queued} again without rests in {secs:.1} s: {:.0} statements/s", queued as f64 / secs);
    std::fs::remove_dir_all(&dir).ok();
}

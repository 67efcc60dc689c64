//! Fills a progress store with 100,000 attempts (1,000,000 step records), then
//! measures what a centre feels: writing one step record durably (median and
//! p99, with synchronous=FULL) and exporting everything in each format.
//!
//! Run: `tools/bench-store.sh` (release build, no Bevy). ATTEMPTS=… changes the size.

use std::collections::HashMap;
use std::time::Instant;

use kuayue::i18n::{Lang, Messages};
use kuayue::progress::export::{self, Export, Format};
use kuayue::progress::{NewAttempt, Outcome, Period, StepRecord, StepRow, Store, TrapOutcome};

fn main() {
    let attempts: i64 = std::env::var("ATTEMPTS").ok().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let steps_each = 10;
    let samples = 2_000;
    let dir = std::env::temp_dir().join(format!("kuayue-bench-store-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let mut store = Store::open(&dir).expect("store").store;

    let learners: Vec<_> =
        (0..200).map(|i| store.add_learner(&format!("学员{i}"), Some("智能手机一班"), 0).expect("learner")).collect();
    let scenarios = ["hospital_appointment", "medical_insurance_payment", "zheliban_basics"];
    let fill = Instant::now();
    let base = 1_735_689_600_000; // 2025-01-01
    for chunk in (0..attempts).collect::<Vec<_>>().chunks(5_000) {
        let batch: Vec<_> = chunk
            .iter()
            .map(|&i| {
                let started = base + i * 60_000;
                let steps = (0..steps_each)
                    .map(|n| {
                        let record = StepRecord {
                            step: format!("step_{n}"),
                            duration_secs: 5.0,
                            wrong_actions: ((i + n) % 4) as u32,
                            highest_hint: ((i * 7 + n) % 4) as u8,
                            skipped: (i + n) % 37 == 0,
                            trap: (n == 5).then_some(if i % 5 == 0 {
                                TrapOutcome::FellFor
                            } else {
                                TrapOutcome::Refused
                            }),
                            branch: None,
                        };
                        StepRow::new(started + n * 5_000, started + (n + 1) * 5_000, record)
                    })
                    .collect();
                let new = NewAttempt {
                    learner: Some(learners[(i % 200) as usize].id),
                    scenario: scenarios[(i % 3) as usize].to_owned(),
                    scenario_hash: "0123456789abcdef".to_owned(),
                    lang: "zh-CN".to_owned(),
                    started,
                    title: Some("预约挂号".to_owned()),
                };
                let outcome = if i % 10 == 0 { Outcome::Abandoned } else { Outcome::Completed };
                (new, steps, outcome, started + steps_each * 5_000)
            })
            .collect();
        store.insert_finished(&batch).expect("fill");
    }
    println!(
        "filled {attempts} attempts ({} step records) in {:.1} s",
        attempts * steps_each,
        fill.elapsed().as_secs_f64()
    );

    // Live attempts of ten steps, a durable commit per step (with its xAPI statement
    // queued in the same commit), as the app writes them.
    let mut live = None;
    let mut times: Vec<f64> = (0..samples)
        .map(|n| {
            if n % steps_each as usize == 0 {
                if let Some(open) = live {
                    store.finish_attempt(open, Outcome::Completed, base + n as i64).expect("finish");
                }
                let new = NewAttempt {
                    learner: Some(learners[n % learners.len()].id),
                    scenario: scenarios[0].to_owned(),
                    scenario_hash: "0123456789abcdef".to_owned(),
                    lang: "zh-CN".to_owned(),
                    started: base + n as i64,
                    title: Some("预约挂号".to_owned()),
                };
                live = Some(store.start_attempt(&new).expect("attempt"));
            }
            let record = StepRecord {
                step: format!("live_{n}"),
                duration_secs: 0.001,
                wrong_actions: 1,
                highest_hint: 1,
                skipped: false,
                trap: None,
                branch: None,
            };
            let step = StepRow::new(base, base + 1, record);
            let t = Instant::now();
            store.record_step(live.expect("open"), &step).expect("step");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "step record write (synchronous=FULL, {samples} samples): median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );

    let salt = store.salt().expect("salt");
    let learners = store.learners().expect("learners");
    let titles = HashMap::new();
    let msg = Messages::embedded(Lang::ZhCn);
    for format in [Format::Csv, Format::Xlsx, Format::Xapi] {
        let t = Instant::now();
        let all = store.attempts(Period::default()).expect("read");
        let read = t.elapsed().as_secs_f64();
        let export = Export {
            attempts: &all,
            learners: &learners,
            titles: &titles,
            msg: &msg,
            tz: jiff::tz::TimeZone::system(),
            anonymize: false,
            salt: &salt,
            home_page: "https://centre.example/",
        };
        let out = dir.join(format!("export.{}", format.extension()));
        export::write(format, &export, &out).expect("export");
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        println!(
            "export {:<4} {} attempts: {:.2} s (of which reading the store {:.2} s), {:.1} MB",
            format.extension(),
            all.len(),
            t.elapsed().as_secs_f64(),
            read,
            size as f64 / 1e6
        );
    }
    let db = std::fs::metadata(dir.join("kuayue.db")).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.1} MB", db as f64 / 1e6);
    std::fs::remove_dir_all(&dir).ok();
}

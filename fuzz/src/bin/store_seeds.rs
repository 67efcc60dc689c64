//! Makes the store target's seeds: real `kuayue.db` files written by the store
//! (a new one, and one with a learner and a finished attempt), each closed cleanly.
//! Usage: store_seeds OUT_FOLDER

use std::path::PathBuf;

use kuayue::progress::store::FILE_NAME;
use kuayue::progress::{NewAttempt, Outcome, Store};

fn main() {
    let out = PathBuf::from(std::env::args_os().nth(1).expect("usage: store_seeds OUT_FOLDER"));
    std::fs::create_dir_all(&out).expect("make the output folder");
    for (name, fill) in [("new.db", false), ("one_attempt.db", true)] {
        let dir = std::env::temp_dir().join(format!("kuayue-store-seed-{}-{name}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        {
            let opened = Store::open(&dir).expect("open a new store");
            if fill {
                let store = &opened.store;
                let learner = store.add_learner("王阿姨", Some("周二班"), 1_700_000_000_000).expect("add a learner");
                let attempt = store
                    .start_attempt(&NewAttempt {
                        learner: Some(learner.id),
                        scenario: "hospital".into(),
                        scenario_hash: "0123456789abcdef".into(),
                        lang: "zh-CN".into(),
                        started: 1_700_000_001_000,
                        title: Some("医院挂号".into()),
                    })
                    .expect("start an attempt");
                store.finish_attempt(attempt, Outcome::Completed, 1_700_000_061_000).expect("finish it");
            }
        }
        std::fs::copy(dir.join(FILE_NAME), out.join(name)).expect("copy the database file");
        std::fs::remove_dir_all(&dir).ok();
    }
}

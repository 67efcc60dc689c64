//! The progress store: the bytes become `kuayue.db` in an empty data folder and
//! `Store::open` opens it (a damaged file is kept aside and a new store made; a
//! newer or unreadable one is an error). Either way: no panic, no hang.

use std::path::PathBuf;

use kuayue::progress::Store;
use kuayue::progress::store::FILE_NAME;

fn main() {
    // A folder of this process's own, on tmpfs when there is one (fsync is free there);
    // tools/fuzz.sh names the folder to put it in and removes that afterwards.
    let base = match std::env::var_os("KUAYUE_FUZZ_SCRATCH") {
        Some(dir) => PathBuf::from(dir),
        None if std::path::Path::new("/dev/shm").is_dir() => PathBuf::from("/dev/shm"),
        None => std::env::temp_dir(),
    };
    let dir = base.join(format!("kuayue-fuzz-store-{}", std::process::id()));
    afl::fuzz!(|data: &[u8]| {
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).expect("make the data folder");
        std::fs::write(dir.join(FILE_NAME), data).expect("write the database file");
        if let Ok(opened) = Store::open(&dir) {
            // Read something back through the opened store, as the app does first.
            std::hint::black_box(opened.store.learners().ok());
            std::hint::black_box(opened.store.home_page().ok());
        }
    });
    std::fs::remove_dir_all(&dir).ok();
}

//! Helpers shared by the core tests.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kuayue::diagnostic::Diagnostic;
use kuayue::scenario::library;
use kuayue::scenario::project::Project;
use kuayue::scenario::{Scenario, load_file};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first four scenarios: the ones the window tests play under Xvfb.
pub const SEEDS: &[&str] =
    &["hospital_appointment", "medical_insurance_payment", "zheliban_basics", "pharmacy_medical_code"];

/// Every scenario shipped in `scenarios/` (the course), by id, sorted.
pub fn shipped() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("scenarios"))
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            (path.extension()? == "ron").then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// Loads and checks one file the way `kuayue check` does: against the project around it.
pub fn check_file(path: &Path) -> Vec<Diagnostic> {
    let project = Project::find_for(path).expect("the file sits in a project");
    let report = library::check(&project, &[path.to_owned()]);
    report.all().cloned().collect()
}

pub fn seed(id: &str) -> Arc<Scenario> {
    let path = repo().join("scenarios").join(format!("{id}.ron"));
    Arc::new(load_file(&path).unwrap_or_else(|d| panic!("{id} does not load: {d:?}")).scenario)
}

/// An Xvfb screen of 1280×720 for one test, closed when dropped.
#[cfg(feature = "app")]
pub struct VirtualScreen {
    pub display: String,
    server: std::process::Child,
}

#[cfg(feature = "app")]
impl VirtualScreen {
    pub fn start() -> VirtualScreen {
        // xvfb-run -a (the other screen tests) counts up from :99; stay well below it,
        // on a number no running X server holds.
        // Tests of one run share a process id: each screen also takes its own turn.
        static TURN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let turn = TURN.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let start = std::process::id() + turn * 7;
        // A lock whose server is gone (killed earlier) does not hold its number.
        let held = |n: u32| {
            std::fs::read_to_string(format!("/tmp/.X{n}-lock"))
                .is_ok_and(|pid| Path::new(&format!("/proc/{}", pid.trim())).exists())
        };
        let free = (20..70).map(|n| (n + start) % 50 + 20).find(|&n| !held(n));
        let display = format!(":{}", free.expect("a free X display number"));
        let server = std::process::Command::new("Xvfb")
            .args([display.as_str(), "-screen", "0", "1280x720x24", "-nolisten", "tcp"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Xvfb is installed by tools/setup.sh");
        std::thread::sleep(std::time::Duration::from_secs(1));
        VirtualScreen { display, server }
    }

    /// Runs xdotool on this screen (e.g. `["key", "Down"]`).
    pub fn xdotool(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool is installed by tools/setup.sh");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Gives the app's window the keyboard, then presses `keys` one by one.
    /// The app's window id on this screen.
    pub fn window(&self) -> String {
        self.xdotool(&["search", "--name", "kuayue"]).lines().next().unwrap_or_default().to_owned()
    }

    /// `kuayue <args>` on this screen, run from the repository (its shipped scenarios) and
    /// reporting to `report`; the app itself is the child, so stopping it stops the app.
    pub fn kuayue(&self, report: &Report, args: &[&str]) -> std::process::Child {
        std::process::Command::new(env!("CARGO_BIN_EXE_kuayue"))
            .args(args)
            .env("DISPLAY", &self.display)
            .env("KUAYUE_TEST_REPORT", &report.path)
            .current_dir(repo())
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("the app starts")
    }

    pub fn press(&self, keys: &[&str]) {
        let window = self.window();
        self.xdotool(&["windowfocus", "--sync", &window]);
        for key in keys {
            self.xdotool(&["key", "--window", &window, key]);
            std::thread::sleep(std::time::Duration::from_millis(600));
        }
    }
}

#[cfg(feature = "app")]
impl Drop for VirtualScreen {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

#[cfg(feature = "app")]
/// The app's test report (`KUAYUE_TEST_REPORT`, schema in docs/test-report.md):
/// one JSON object per line, read as the app writes it.
pub struct Report {
    pub path: PathBuf,
    read: usize,
    /// Facts before this one were matched by an earlier `wait_for` (they are met in order).
    cursor: usize,
    /// Every fact read so far.
    pub seen: Vec<serde_json::Value>,
}

#[cfg(feature = "app")]
impl Report {
    /// A fresh report file for one run.
    pub fn new(name: &str) -> Report {
        let path = std::env::temp_dir().join(format!("kuayue-report-{name}-{}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&path);
        Report { path, read: 0, cursor: 0, seen: Vec::new() }
    }

    /// Reads the lines written since the last look.
    pub fn refresh(&mut self) {
        let text = std::fs::read_to_string(&self.path).unwrap_or_default();
        let complete = text.rfind('\n').map_or(0, |i| i + 1);
        for line in text[self.read.min(complete)..complete].lines().filter(|l| !l.trim().is_empty()) {
            self.seen.push(serde_json::from_str(line).unwrap_or_else(|e| panic!("bad report line {line}: {e}")));
        }
        self.read = complete;
    }

    /// The first fact of `event` after the last one found, for which `matches` holds, waiting up to `secs`.
    pub fn wait_for(
        &mut self,
        event: &str,
        matches: impl Fn(&serde_json::Value) -> bool,
        secs: u64,
    ) -> Option<serde_json::Value> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            self.refresh();
            let found = self.seen[self.cursor..].iter().position(|v| v["event"] == event && matches(v));
            if let Some(i) = found {
                self.cursor += i + 1;
                return Some(self.seen[self.cursor - 1].clone());
            }
            if std::time::Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Every fact of `event` read so far.
    pub fn all(&self, event: &str) -> Vec<&serde_json::Value> {
        self.seen.iter().filter(|v| v["event"] == event).collect()
    }

    /// The `field` of every fact of `event`, as text.
    pub fn texts(&self, event: &str, field: &str) -> Vec<String> {
        self.all(event).iter().filter_map(|v| v[field].as_str().map(str::to_owned)).collect()
    }
}

#[cfg(feature = "app")]
impl Drop for Report {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A small disk of its own (a tmpfs mounted for one test), to fill up or make
/// read-only for real. Needs root (CI and the development machines run as
/// root); where mounting is refused, `mount` returns `None` and the test says
/// on stderr that it did not run.
pub struct SmallDisk {
    pub path: PathBuf,
}

impl SmallDisk {
    pub fn mount(name: &str, size: &str, read_only: bool) -> Option<SmallDisk> {
        let path = std::env::temp_dir().join(format!("kuayue-disk-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&path).ok()?;
        let options = format!("size={size}{}", if read_only { ",ro" } else { "" });
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            // A machine (or container) without the right to mount cannot run these tests;
            // say so loudly rather than pass in silence.
            eprintln!("NOT RUN: mounting a small disk (tmpfs) was refused here; run the tests as root");
            std::fs::remove_dir_all(&path).ok();
            return None;
        }
        Some(SmallDisk { path })
    }

    /// Fills the disk with a file until no byte more fits.
    pub fn fill(&self) {
        use std::io::Write;
        let mut file = std::fs::File::create(self.path.join("filler")).unwrap();
        let chunk = vec![0u8; 4096];
        while file.write_all(&chunk).and_then(|()| file.flush()).is_ok() {}
        while file.write_all(&[0]).is_ok() {}
    }

    /// Makes room again.
    pub fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).unwrap();
    }

    /// Remounts it read-only (`true`) or writable.
    pub fn read_only(&self, read_only: bool) {
        let options = if read_only { "remount,ro" } else { "remount,rw" };
        let ok = std::process::Command::new("mount").args(["-o", options]).arg(&self.path).status().unwrap();
        assert!(ok.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        std::process::Command::new("umount").arg("-l").arg(&self.path).status().ok();
        std::fs::remove_dir_all(&self.path).ok();
    }
}

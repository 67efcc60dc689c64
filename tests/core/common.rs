//! Helpers shared by the core tests.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kuayue::diagnostic::Diagnostic;
use kuayue::glyphs::Glyphs;
use kuayue::i18n::Catalog;
use kuayue::scenario::check::{Context, check};
use kuayue::scenario::project::Project;
use kuayue::scenario::{Scenario, load_file};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const SEEDS: &[&str] =
    &["hospital_appointment", "medical_insurance_payment", "zheliban_basics", "pharmacy_medical_code"];

/// Loads and checks one file the way `kuayue check` does.
pub fn check_file(path: &Path) -> Vec<Diagnostic> {
    let loaded = match load_file(path) {
        Ok(l) => l,
        Err(d) => return vec![d],
    };
    let project = Project::find_for(path).expect("the file sits in a project with locales/");
    let (catalog, mut diagnostics) = Catalog::load(&project.locales_dir());
    let glyphs = Glyphs::load(&repo().join("assets/fonts/NotoSansSC-kuayue.otf"));
    let ctx = Context { catalog: Some(&catalog), project: Some(&project), glyphs: glyphs.as_ref() };
    diagnostics.extend(check(&loaded, &ctx));
    diagnostics
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
        let free = (20..70).map(|n| (n + start) % 50 + 20).find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists());
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

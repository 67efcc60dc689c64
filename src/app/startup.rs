//! When the app cannot start drawing or stops on a fault: says so in plain words in a
//! native message box and writes a log in the data folder. A centre PC shows no console
//! (on Windows none exists), so a panic's backtrace would reach nobody.
//!
//! The renderer picks its graphics adapter itself — the computer's own first, else a
//! software one (Mesa's lavapipe on Linux, WARP on Windows), which wgpu takes last but
//! takes. Looking for adapters before the window as well cost every start 65–80 ms
//! (lavapipe is set up once per look; docs/benchmarks.md), so the look is made only when
//! the renderer could not start: then it tells "no graphics driver" from any other fault.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::i18n::Messages;

/// Whether this computer offers any graphics adapter, hardware or software, through the
/// backends kuayue is built with (Vulkan; on Windows also DirectX 12; `WGPU_BACKEND`
/// narrows them). Asked only when the renderer could not start (see [`starting_renderer`]).
pub fn any_adapter() -> bool {
    let backends = wgpu::Backends::from_env().unwrap_or(wgpu::Backends::all());
    let mut descriptor = wgpu::InstanceDescriptor::new_without_display_handle();
    descriptor.backends = backends;
    let instance = wgpu::Instance::new(descriptor);
    !bevy::tasks::block_on(instance.enumerate_adapters(backends)).is_empty()
}

/// Where the app writes what went wrong: `<data folder>/logs/kuayue.log`.
pub fn log_file(data_dir: &Path) -> PathBuf {
    data_dir.join("logs").join("kuayue.log")
}

/// Appends `text`, dated, to the log; the log's path when it could be written.
pub fn write_log(file: &Path, text: &str) -> Option<PathBuf> {
    let now = jiff::Zoned::now().strftime("%Y-%m-%d %H:%M:%S %:z").to_string();
    std::fs::create_dir_all(file.parent()?).ok()?;
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(file).ok()?;
    writeln!(f, "[{now}] {text}").ok()?;
    Some(file.to_owned())
}

/// Says `text` to whoever sits at the computer: on standard error (a terminal, a test),
/// and in a native message box (Windows' own; zenity or kdialog on Linux) unless
/// `KUAYUE_NO_DIALOG` is set (tests) — without either tool only the log and the
/// terminal have it.
pub fn tell(title: &str, text: &str) {
    eprintln!("{title}\n{text}");
    if std::env::var_os("KUAYUE_NO_DIALOG").is_some() {
        return;
    }
    let shown = native_dialog::DialogBuilder::message()
        .set_level(native_dialog::MessageLevel::Error)
        .set_title(title)
        .set_text(text)
        .alert()
        .show();
    if let Err(e) = shown {
        eprintln!("(no message box: {e})");
    }
}

/// The exit code of a start without any graphics adapter.
pub const NO_GRAPHICS_EXIT: i32 = 3;

/// True while the renderer is being made (Bevy's render plugin asks wgpu for an adapter
/// and panics when there is none).
static STARTING_RENDERER: AtomicBool = AtomicBool::new(false);

/// Runs `make` (adding the plugins that make the renderer) so that a fault inside it
/// on a computer without any graphics adapter is told as that, not as a crash.
pub fn starting_renderer<T>(make: impl FnOnce() -> T) -> T {
    STARTING_RENDERER.store(true, Ordering::SeqCst);
    let made = make();
    STARTING_RENDERER.store(false, Ordering::SeqCst);
    made
}

/// What to tell when there is no adapter at all: the title and the words for the
/// centre's IT person, naming `log` (or "-" when it could not be written).
fn no_graphics_words(msg: &Messages, log: &str) -> (String, String) {
    let os = if cfg!(windows) { "windows" } else { "linux" };
    let text = msg.get("gpu-none-body", &[("os".to_owned(), os.to_owned()), ("log".to_owned(), log.to_owned())].into());
    (msg.text("gpu-none-title"), text)
}

/// From now on a fault (a panic anywhere) is written to the log with its details and
/// told once in plain words; Rust's own report still goes to standard error. A fault
/// while the renderer is made on a computer with no graphics adapter at all is told as
/// what is missing instead (no report, no backtrace), and the app ends with
/// [`NO_GRAPHICS_EXIT`].
pub fn on_fault_tell(msg: &Messages, log: PathBuf) {
    static TOLD: AtomicBool = AtomicBool::new(false);
    let title = msg.text("fault-title");
    let body = msg.get("fault-body", &[("log".to_owned(), log.display().to_string())].into());
    // The hook keeps words, not the message files: the no-graphics text with the log's
    // path, and with "-" for when the log cannot be written.
    let no_graphics = [no_graphics_words(msg, &log.display().to_string()), no_graphics_words(msg, "-")];
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if STARTING_RENDERER.load(Ordering::SeqCst) && !any_adapter() {
            let logged = write_log(&log, "no graphics adapter: no Vulkan or DirectX 12 device, hardware or software");
            let (title, text) = &no_graphics[usize::from(logged.is_none())];
            tell(title, text);
            std::process::exit(NO_GRAPHICS_EXIT);
        }
        default(info);
        let backtrace = std::backtrace::Backtrace::force_capture();
        write_log(&log, &format!("kuayue {} stopped: {info}\n{backtrace}", env!("CARGO_PKG_VERSION")));
        if !TOLD.swap(true, Ordering::SeqCst) {
            tell(&title, &body);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_appended_in_the_data_folder() {
        let dir = std::env::temp_dir().join(format!("kuayue-log-{}", std::process::id()));
        let log = log_file(&dir);
        assert_eq!(write_log(&log, "one"), Some(log.clone()));
        write_log(&log, "two");
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.lines().count() == 2 && text.contains("] one") && text.ends_with("two\n"), "{text}");
        std::fs::remove_dir_all(&dir).ok();
    }
}

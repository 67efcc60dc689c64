//! Before the window opens: finds a graphics adapter to draw with — the computer's
//! own first, else a software one (Mesa's lavapipe on Linux, WARP on Windows) — and,
//! when there is none or the app stops on a fault, says so in plain words in a native
//! message box and writes a log in the data folder. A centre PC shows no console (on
//! Windows none exists), so a panic's backtrace would reach nobody.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::render::settings::WgpuSettings;

use crate::i18n::Messages;

/// A graphics adapter the renderer can draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapter {
    pub name: String,
    pub backend: wgpu::Backend,
    /// Drawn by the processor (lavapipe, WARP): works everywhere, slowly.
    pub software: bool,
}

/// The adapters this computer offers through the backends kuayue is built with
/// (Vulkan; on Windows also DirectX 12), hardware first. `WGPU_BACKEND` narrows them.
pub fn adapters() -> Vec<Adapter> {
    let backends = wgpu::Backends::from_env().unwrap_or(wgpu::Backends::all());
    let mut descriptor = wgpu::InstanceDescriptor::new_without_display_handle();
    descriptor.backends = backends;
    let instance = wgpu::Instance::new(descriptor);
    let mut found: Vec<Adapter> = bevy::tasks::block_on(instance.enumerate_adapters(backends))
        .into_iter()
        .map(|adapter| {
            let info = adapter.get_info();
            Adapter { name: info.name, backend: info.backend, software: info.device_type == wgpu::DeviceType::Cpu }
        })
        .collect();
    found.sort_by_key(|a| a.software);
    found
}

/// The renderer's settings for the best of `adapters`, or `None` when there is none.
/// Only software adapters: ask for the fallback adapter on its backend, which wgpu
/// otherwise may pass over (WARP on a Windows PC without a display driver).
pub fn settings_for(adapters: &[Adapter]) -> Option<WgpuSettings> {
    let best = adapters.first()?;
    let mut settings = WgpuSettings::default();
    if best.software {
        settings.backends = Some(best.backend.into());
        settings.force_fallback_adapter = true;
    }
    Some(settings)
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

/// No adapter at all: what is missing and what to tell the centre's IT person,
/// written to the log and shown. The exit code the app then ends with.
pub fn no_graphics(msg: &Messages, log: &Path) -> std::process::ExitCode {
    let os = if cfg!(windows) { "windows" } else { "linux" };
    let logged = write_log(log, "no graphics adapter: no Vulkan or DirectX 12 device, hardware or software");
    let where_ = logged.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    let text = msg.get("gpu-none-body", &[("os".to_owned(), os.to_owned()), ("log".to_owned(), where_)].into());
    tell(&msg.text("gpu-none-title"), &text);
    std::process::ExitCode::from(3)
}

/// From now on a fault (a panic anywhere) is written to the log with its details and
/// told once in plain words; Rust's own report still goes to standard error.
pub fn on_fault_tell(msg: &Messages, log: PathBuf) {
    static TOLD: AtomicBool = AtomicBool::new(false);
    let title = msg.text("fault-title");
    let body = msg.get("fault-body", &[("log".to_owned(), log.display().to_string())].into());
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
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
    fn software_adapters_are_asked_for_as_the_fallback() {
        let gpu = Adapter { name: "Intel UHD".into(), backend: wgpu::Backend::Vulkan, software: false };
        let cpu = Adapter { name: "llvmpipe".into(), backend: wgpu::Backend::Vulkan, software: true };
        assert!(settings_for(&[]).is_none());
        let hardware = settings_for(&[gpu, cpu.clone()]).unwrap();
        assert!(!hardware.force_fallback_adapter);
        let software = settings_for(&[cpu]).unwrap();
        assert!(software.force_fallback_adapter);
        assert_eq!(software.backends, Some(wgpu::Backends::VULKAN));
    }

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

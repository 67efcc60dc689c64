//! kuayue (跨越): a 3D training app in which older people practise everyday
//! digital tasks as guided walkthroughs.
//!
//! The crate is a pure core plus a thin Bevy app behind the `app` feature:
//! `cargo test --no-default-features` tests everything that decides anything.

/// The `kuayue check` command.
pub mod check_cmd;
/// Diagnostics with codes, locations and fixes, printed like rustc or as JSON.
pub mod diagnostic;
/// Which characters the shipped font can draw.
pub mod glyphs;
/// Fluent messages: the app's own (compiled in) and the scenarios' (from `locales/`).
pub mod i18n;
/// The `kuayue new` command.
pub mod new_cmd;
/// Learners, attempts and step records (SQLite), statistics and exports.
pub mod progress;
/// The `kuayue export` and `kuayue stats` commands.
pub mod progress_cmd;
/// The scenario format: model, loading with positions, the checker, project layout.
pub mod scenario;
/// The senior-first numbers and colour contrast.
pub mod senior;
/// Text size, language, full screen and the centre's details, remembered in the store.
pub mod settings;
/// Spoken lines: which, where their clips are, whether they are stale, how they are made.
pub mod voice;
/// The `kuayue voice` command.
pub mod voice_cmd;
/// The walkthrough state machine: actions in, events and a view out.
pub mod walkthrough;

/// The Bevy app (window, 3D scene, phone, voice).
#[cfg(feature = "app")]
pub mod app;

//! kuayue (跨越): a 3D training app in which older people practise everyday
//! digital tasks as guided walkthroughs.
//!
//! Three layers over one project folder (resolved once in `main.rs`):
//! - **Core** — every service as plain Rust with no Bevy and no terminal output:
//!   `scenario` (load, check, the library, the project in use), `walkthrough`
//!   (the step machine), `progress` (store, recorder, reports, exports), `voice`,
//!   `i18n`, `settings`. `cargo test --no-default-features` tests all of it.
//! - **CLI** (`cli`, used only by `main.rs`) — renders the core's results as text.
//! - **App** (`app`, feature `app`) — a client of the core: screens read
//!   resources and write messages; one system per message calls the core.

/// The command line's words for each subcommand (only `main.rs` uses it).
pub mod cli;
/// Diagnostics with codes, locations and fixes, printed like rustc or as JSON.
pub mod diagnostic;
/// Which characters the shipped font can draw.
pub mod glyphs;
/// Fluent messages: the app's own (compiled in) and the scenarios' (from `locales/`).
pub mod i18n;
/// The layout report: what each step drew where, in which colours, and the senior-first checks on it.
pub mod layout;
/// The big pointer's picture (a large, high-contrast arrow).
pub mod pointer;
/// Learners, attempts and step records (SQLite), the recorder, statistics, reports and exports.
pub mod progress;
/// The scenario format: model, loading with positions, the checker, the library, the project.
pub mod scenario;
/// The senior-first numbers and colour contrast.
pub mod senior;
/// Text size, language, full screen and the centre's details, remembered in the store.
pub mod settings;
/// Reading text files as trainers save them (BOM, CRLF, UTF-16).
pub mod text;
/// Spoken lines: which, where their clips are, whether they are stale, how they are made.
pub mod voice;
/// The walkthrough state machine: actions in, events and a view out.
pub mod walkthrough;

/// The Bevy app (window, 3D scene, phone, voice).
#[cfg(feature = "app")]
pub mod app;

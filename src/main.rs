//! The `kuayue` command: no subcommand opens the app; `check` checks scenarios;
//! `export` and `stats` read the progress store.
//!
//! The project folder (scenarios, words, voice clips) is resolved here, once,
//! and handed to every command and to the app.
//!
//! On Windows this is a windowed program (no console opens behind the app); the
//! commands' text reaches a terminal through `kuayue-cli.exe` (src/bin/kuayue-cli.rs).
//! The `dev` feature keeps the console for developers.

#![cfg_attr(all(windows, not(feature = "dev")), windows_subsystem = "windows")]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kuayue::i18n::{Lang, Messages};
use kuayue::scenario::library;
use kuayue::scenario::project::{NoProject, Project, Search};

#[derive(Parser)]
#[command(
    name = "kuayue",
    version,
    about = "跨越 — practise everyday digital tasks in a safe 3D world",
    after_help = "The project folder (scenarios/, locales/, assets/voice/) is the first of: --project DIR; \
the project around a scenario file or folder named on the command line; KUAYUE_PROJECT; the current folder \
(or one above it); an installed copy's content (next to the program, or ../share/kuayue)."
)]
struct Cli {
    /// Language of messages: zh-CN, en-US or a folder under the project's locales/ (default: the system's, else zh-CN).
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Where progress is kept (default: KUAYUE_DATA_DIR, else the system's data folder).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// The project folder with scenarios/, locales/ and assets/voice/ (see below for the default).
    #[arg(long, global = true)]
    project: Option<PathBuf>,
    /// Practise in a VR headset (seated, through OpenXR: SteamVR, Monado, a Quest or Pico
    /// streamed to the PC). Without one, or in a copy built without VR, it says so and goes on
    /// in the window.
    #[arg(long, global = true)]
    vr: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Open one scenario directly (for trainers, tests and screenshots).
    Play {
        /// A scenario id (from the project's scenarios/) or a .ron file.
        scenario: String,
        /// Play it by itself, through the same clicks a mouse makes.
        #[arg(long)]
        autoplay: bool,
        /// With --autoplay: wrong taps at each step first, so hints show.
        #[arg(long, default_value_t = 0)]
        mistakes: u32,
        /// With --autoplay: save one screenshot per step in this folder.
        #[arg(long)]
        screenshots: Option<PathBuf>,
        /// Quit when the scenario is complete.
        #[arg(long)]
        exit_when_done: bool,
        /// Start at this step (by its id); the steps before it are played through at once.
        #[arg(long)]
        step: Option<String>,
        /// Record this play as practice by this learner (a name; added if new) or `guest`,
        /// like practice in the app: for demonstrations and for training trainers on the
        /// dashboard. Without it a play is a preview and nothing is recorded.
        #[arg(long, value_name = "NAME")]
        record_as: Option<String>,
        /// Draw the text at this size (percent), as the settings' 文字大小 does, for this
        /// play only (previews and tests; the learner's setting is left as it is).
        #[arg(long, value_name = "PERCENT", value_parser = text_size)]
        text_size: Option<u32>,
        /// Write, for each step, every panel, text and button drawn, with its place, size and
        /// colours, as JSON lines to this file (docs/layout-report.md).
        #[arg(long, value_name = "FILE")]
        layout_report: Option<PathBuf>,
        /// The window's size in logical px, e.g. 1920x1080 (default 1280x720).
        #[arg(long, value_name = "WxH", value_parser = kuayue::cli::window_size)]
        window: Option<(u32, u32)>,
        /// Show the large pointer (as the settings' 大号鼠标指针 does) for this play only.
        #[arg(long)]
        big_pointer: bool,
        /// Show screens as the flat panel at the window's right (as the settings' 平放在窗口右边
        /// does) for this play only, instead of on the phone in the hand and on the machines.
        #[arg(long)]
        flat_screens: bool,
    },
    /// Check scenario files and say exactly what to fix.
    Check {
        /// Files or folders (default: the project's scenarios/).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Write who practised what to a file a centre can report upward.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[command(flatten)]
        dates: Dates,
        /// Replace names by stable pseudonyms (学员-1a2b3c4d).
        #[arg(long)]
        anonymize: bool,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a summary of practice: per scenario, per learner, the hardest steps.
    Stats {
        #[command(flatten)]
        dates: Dates,
    },
    /// Start a new scenario from a small template that checks clean.
    New {
        /// The scenario's id, e.g. pay_electricity (also its file name).
        id: String,
    },
    /// Make the spoken clips that are missing or whose words changed (needs espeak-ng,
    /// sox and pypinyin: tools/setup.sh --voice). Recordings by people are never replaced.
    Voice {
        /// Scenario files or folders (default: the project's scenarios/).
        paths: Vec<PathBuf>,
        /// Only this language, e.g. zh-CN.
        #[arg(long)]
        locale: Option<String>,
        /// Make every generated clip again.
        #[arg(long)]
        force: bool,
        /// Only say what would be made.
        #[arg(long)]
        dry_run: bool,
    },
    /// Send practice records to the city's learning record store (xAPI 1.0.3) now, and say
    /// where sending stands. The app also sends by itself in the background once it is set up.
    Sync {
        /// The record store's xAPI address, e.g. https://lrs.example.gov.cn/xAPI/ (kept for next time).
        #[arg(long)]
        endpoint: Option<String>,
        /// The key (user name) the city office gave this centre.
        #[arg(long)]
        key: Option<String>,
        /// The secret (password) that goes with the key.
        #[arg(long)]
        secret: Option<String>,
        /// Only say where sending stands (waiting, sent, problems); send nothing.
        #[arg(long)]
        status: bool,
        /// Send learners' names with their records (yes), or only a stable code (no, the default).
        #[arg(long, value_enum)]
        names: Option<YesNo>,
        /// Send again the records the record store refused, once the problem is fixed.
        #[arg(long)]
        retry_flagged: bool,
        /// Send every record again (the record store lost data; it keeps one copy of each).
        #[arg(long)]
        resend_all: bool,
        /// This centre's address as the city office names it (e.g. https://edu.example.gov.cn/centres/0571-03):
        /// the home page of its learners' accounts. Set it before the first record is sent.
        #[arg(long, value_name = "ADDRESS")]
        centre: Option<String>,
        /// Take back one practice recorded by mistake, by its id (the Attempt / 练习编号 column of a CSV export).
        #[arg(long, value_name = "PRACTICE_ID")]
        void: Option<String>,
    },
    /// Forget the trainer PIN; the next visit to the trainer's corner sets a new one.
    ResetPin,
}

#[derive(Clone, Copy, ValueEnum)]
enum YesNo {
    Yes,
    No,
}

/// Which attempts to read, by the day they began (in this computer's time zone).
#[derive(clap::Args)]
struct Dates {
    /// From this day on, e.g. 2026-11-01.
    #[arg(long)]
    since: Option<String>,
    /// Up to and including this day, e.g. 2026-11-30.
    #[arg(long)]
    until: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One row per attempt, UTF-8 with BOM: opens in Excel with Chinese intact.
    Csv,
    /// A workbook: summary, attempts and steps sheets.
    Xlsx,
    /// xAPI 1.0.3 statements (JSON) for a learning record store.
    Xapi,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// The scenario file or folder named on the command line: the project around it is the one in use.
fn named_path(command: &Option<Command>) -> Option<PathBuf> {
    match command {
        Some(Command::Play { scenario, .. }) => Some(PathBuf::from(scenario)),
        Some(Command::Check { paths, .. } | Command::Voice { paths, .. }) => paths.first().cloned(),
        _ => None,
    }
}

/// One of the text sizes the settings offer.
fn text_size(value: &str) -> Result<u32, String> {
    match value.trim_end_matches('%').parse::<u32>() {
        Ok(n) if kuayue::settings::TEXT_SCALES.contains(&n) => Ok(n),
        _ => Err(format!("{value}: one of {:?} (percent)", kuayue::settings::TEXT_SCALES)),
    }
}

/// Why there is no project, in the trainer's language.
fn no_project_text(problem: &NoProject, msg: &Messages) -> String {
    let say = |id: &str, k: &str, v: String| msg.get(id, &[(k.to_owned(), v)].into());
    match problem {
        NoProject::NotAFolder(dir) => say("project-not-folder", "dir", dir.display().to_string()),
        NoProject::NotFound { looked } => say(
            "project-not-found",
            "looked",
            looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        ),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let search = Search::from_process(cli.project.clone(), named_path(&cli.command));
    let project = Project::resolve(&search).map(|(project, _)| project);
    // The project's language folders are known before any language is looked up
    // (without a project, only the built-in languages are).
    let locales = project.as_ref().ok().map(Project::locales_dir);
    let find = |tag: &str| match &locales {
        Some(dir) => Lang::find(tag, dir),
        None => Lang::from_tag(tag),
    };
    let from_env = || Lang::from_env(locales.as_deref());
    if let Some(dir) = &locales {
        Lang::available(dir);
    }
    let lang_from_settings = cli.lang.is_none() && std::env::var_os("KUAYUE_LANG").is_none();
    let lang = match &cli.lang {
        None => from_env(),
        Some(tag) => match find(tag) {
            Some(lang) => lang,
            None => {
                let msg = Messages::embedded(from_env());
                eprintln!("{}", msg.get("lang-unknown", &[("found".to_owned(), tag.clone())].into()));
                return ExitCode::from(2);
            }
        },
    };
    let msg = Messages::embedded(lang);
    // Commands that read scenarios need the project; reports can name scenarios by id without one.
    let needs_project = |project: Result<Project, NoProject>| {
        project.map_err(|problem| {
            eprintln!("{}", no_project_text(&problem, &msg));
            ExitCode::from(2)
        })
    };
    let titles = |project: &Result<Project, NoProject>| match project {
        Ok(project) => library::titles(project, lang),
        Err(_) => {
            eprintln!("{}", msg.text("project-titles-by-id"));
            Default::default()
        }
    };
    match cli.command {
        Some(Command::Check { paths, format }) => {
            let project = match needs_project(project) {
                Ok(project) => project,
                Err(code) => return code,
            };
            let report = library::check(&project, &paths);
            let shown = if paths.is_empty() { project.scenarios_dirs() } else { paths };
            let text = match format {
                Format::Human => kuayue::cli::check::render_text(&report, &shown, &msg),
                Format::Json => kuayue::cli::check::render_json(&report, &msg),
            };
            print!("{text}");
            ExitCode::from(u8::try_from(report.exit_code()).unwrap_or(1))
        }
        Some(Command::Play {
            scenario,
            autoplay,
            mistakes,
            screenshots,
            exit_when_done,
            step,
            record_as,
            text_size,
            layout_report,
            window,
            big_pointer,
            flat_screens,
        }) => {
            let keep = record_as.is_some().then(|| cli.data_dir.unwrap_or_else(kuayue::progress::Store::default_dir));
            match needs_project(project) {
                Ok(project) => play(
                    lang,
                    project,
                    &scenario,
                    Options {
                        autoplay,
                        mistakes,
                        screenshots,
                        exit_when_done,
                        step,
                        file: None,
                        record_as,
                        text_size,
                        layout_report,
                        window,
                        big_pointer,
                        flat_screens,
                        vr: cli.vr,
                    },
                    keep,
                ),
                Err(code) => code,
            }
        }
        Some(Command::Export { format, dates, anonymize, out }) => {
            let format = match format {
                ExportFormat::Csv => kuayue::progress::export::Format::Csv,
                ExportFormat::Xlsx => kuayue::progress::export::Format::Xlsx,
                ExportFormat::Xapi => kuayue::progress::export::Format::Xapi,
            };
            with_store(lang, cli.data_dir, &dates, |store, period| {
                let request = kuayue::progress::report::ExportRequest { format, period, anonymize, out };
                kuayue::cli::progress::export(store, &request, lang, titles(&project))
            })
        }
        Some(Command::Stats { dates }) => with_store(lang, cli.data_dir, &dates, |store, period| {
            kuayue::cli::progress::render_stats(store, period, lang, titles(&project))
        }),
        Some(Command::New { id }) => {
            // A new scenario goes into the project in use (an installed copy's own folder),
            // else the current folder becomes one.
            let project = match project {
                Ok(project) => project.writable(),
                Err(NoProject::NotFound { .. }) => Project::at(std::env::current_dir().unwrap_or_default()),
                Err(problem) => {
                    eprintln!("{}", no_project_text(&problem, &msg));
                    return ExitCode::from(2);
                }
            };
            let today = jiff::Zoned::now().date().to_string();
            report(kuayue::cli::new::run(&project, &id, &today, &msg))
        }
        Some(Command::Voice { paths, locale, force, dry_run }) => match needs_project(project) {
            Ok(project) => {
                let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
                let request = kuayue::cli::voice::Request { paths, locale, force, dry_run, threads };
                // Clips are made where they can be written: an installed copy's are shipped
                // (read-only), so there it makes those of the centre's own scenarios.
                report(kuayue::cli::voice::run(&project.writable(), &request, &msg))
            }
            Err(code) => code,
        },
        Some(Command::Sync { endpoint, key, secret, status, names, retry_flagged, resend_all, void, centre }) => {
            let request = kuayue::cli::sync::Request {
                endpoint,
                key,
                secret,
                status,
                names: names.map(|n| matches!(n, YesNo::Yes)),
                retry_flagged,
                resend_all,
                void,
                centre,
            };
            with_store(lang, cli.data_dir, &Dates { since: None, until: None }, |store, _| {
                kuayue::cli::sync::run(store, &request, &msg)
            })
        }
        Some(Command::ResetPin) => with_store(lang, cli.data_dir, &Dates { since: None, until: None }, |store, _| {
            kuayue::settings::clear_trainer_pin(store).map_err(|e| e.to_string())?;
            Ok(msg.text("trainer-pin-reset"))
        }),
        None => match needs_project(project) {
            Ok(project) => {
                let keep = cli.data_dir.unwrap_or_else(kuayue::progress::Store::default_dir);
                open_app(lang, project, None, Some(keep), lang_from_settings, cli.vr)
            }
            Err(code) => code,
        },
    }
}

/// Prints what a command says (on stderr when it failed); exit code 1 on failure.
fn report(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprintln!("{text}");
            ExitCode::from(1)
        }
    }
}

/// Opens the store, reads the dates, runs `task` and prints what it says.
fn with_store(
    lang: Lang,
    data_dir: Option<PathBuf>,
    dates: &Dates,
    task: impl FnOnce(&kuayue::progress::Store, kuayue::progress::Period) -> Result<String, String>,
) -> ExitCode {
    let msg = Messages::embedded(lang);
    let tz = jiff::tz::TimeZone::system();
    let result = (|| {
        use kuayue::progress::export::{end_of_day, start_of_day};
        let period = kuayue::progress::Period {
            since: dates.since.as_deref().map(|d| start_of_day(d, &tz)).transpose()?,
            until: dates.until.as_deref().map(|d| end_of_day(d, &tz)).transpose()?,
        };
        let dir = data_dir.unwrap_or_else(kuayue::progress::Store::default_dir);
        let store = kuayue::cli::progress::open_store(&dir, &msg)?;
        task(&store, period)
    })();
    match result {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// What `kuayue play` asked for.
#[cfg_attr(not(feature = "app"), allow(dead_code))]
struct Options {
    autoplay: bool,
    mistakes: u32,
    screenshots: Option<PathBuf>,
    exit_when_done: bool,
    step: Option<String>,
    /// The scenario file played (hot reload watches it).
    file: Option<PathBuf>,
    /// Record the play as this learner's practice.
    record_as: Option<String>,
    /// Text size for this play (percent).
    text_size: Option<u32>,
    /// Where to write the layout report.
    layout_report: Option<PathBuf>,
    /// The window's size.
    window: Option<(u32, u32)>,
    /// The large pointer for this play.
    big_pointer: bool,
    /// Screens as the flat panel for this play.
    flat_screens: bool,
    /// In a VR headset (`--vr`).
    vr: bool,
}

/// Loads one scenario (by id or file) of `project`, checks it, and opens it.
fn play(lang: Lang, project: Project, scenario: &str, options: Options, keep: Option<PathBuf>) -> ExitCode {
    let named = Path::new(scenario);
    let path = if named.is_file() { named.to_path_buf() } else { project.scenario_file(scenario) };
    let msg = Messages::embedded(lang);
    let options = Options { file: Some(path.clone()), ..options };
    let report = library::check(&project, std::slice::from_ref(&path));
    if report.errors() > 0 || report.files.is_empty() {
        print!("{}", kuayue::cli::check::render_text(&report, &[path], &msg));
        return ExitCode::from(1);
    }
    if let Some(dir) = &options.screenshots
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    let Some(loaded) = report.files.into_iter().next().and_then(|f| f.loaded) else { return ExitCode::from(1) };
    if let Some(step) = &options.step {
        let scenario = std::sync::Arc::new(loaded.scenario.clone());
        if let Err(e) = kuayue::walkthrough::Walkthrough::start_at(scenario, Default::default(), step) {
            eprintln!("{}", kuayue::cli::check::start_at_problem(&e, &msg));
            return ExitCode::from(1);
        }
    }
    // A trainer's preview is not practice: nothing is recorded (unless --record-as).
    let vr = options.vr;
    open_app(lang, project, Some((loaded.scenario, options)), keep, false, vr)
}

#[cfg(feature = "app")]
fn open_app(
    lang: Lang,
    project: Project,
    play: Option<(kuayue::scenario::Scenario, Options)>,
    keep: Option<PathBuf>,
    lang_from_settings: bool,
    vr: bool,
) -> ExitCode {
    use kuayue::app::{Launch, autoplay::PlayOptions, services::records::Keep};
    let play = play.map(|(scenario, o)| {
        let options = PlayOptions {
            autoplay: o.autoplay,
            mistakes: o.mistakes,
            screenshots: o.screenshots,
            exit_when_done: o.exit_when_done,
            step: o.step,
            file: o.file,
            record_as: o.record_as,
            text_size: o.text_size,
            layout_report: o.layout_report,
            window: o.window,
            big_pointer: o.big_pointer,
            flat_screens: o.flat_screens,
        };
        (std::sync::Arc::new(scenario), options)
    });
    let data_dir = keep.clone().unwrap_or_else(kuayue::progress::Store::default_dir);
    let keep = keep.map_or(Keep::Nowhere, Keep::Folder);
    let output_dir = kuayue::progress::report::output_dir();
    kuayue::app::run(Launch { lang, play, keep, lang_from_settings, project, output_dir, data_dir, vr })
}

#[cfg(not(feature = "app"))]
fn open_app(
    _lang: Lang,
    _project: Project,
    _play: Option<(kuayue::scenario::Scenario, Options)>,
    _keep: Option<PathBuf>,
    _lang_from_settings: bool,
    _vr: bool,
) -> ExitCode {
    eprintln!("This build has no window (built without the `app` feature). Try `kuayue check`.");
    ExitCode::from(2)
}

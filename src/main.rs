//! The `kuayue` command: no subcommand opens the app; `check` checks scenarios;
//! `export` and `stats` read the progress store.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kuayue::i18n::{Lang, Messages};

#[derive(Parser)]
#[command(name = "kuayue", version, about = "跨越 — practise everyday digital tasks in a safe 3D world")]
struct Cli {
    /// Language of messages: zh-CN, en-US or a folder under locales/ (default: the system's, else zh-CN).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Where progress is kept (default: KUAYUE_DATA_DIR, else the system's data folder).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Open one scenario directly (for trainers, tests and screenshots).
    Play {
        /// A scenario id (from scenarios/) or a .ron file.
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
    },
    /// Check scenario files and say exactly what to fix.
    Check {
        /// Files or folders (default: scenarios/).
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
        /// Scenario files or folders (default: scenarios/).
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
    /// Forget the trainer PIN; the next visit to the trainer's corner sets a new one.
    ResetPin,
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

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| {
        format!("unknown language `{text}`: use zh-CN, en-US, or a folder locales/<tag>/ that has app.ftl")
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang_from_settings = cli.lang.is_none() && std::env::var_os("KUAYUE_LANG").is_none();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    match cli.command {
        Some(Command::Check { paths, format }) => {
            let msg = Messages::embedded(lang);
            let report = kuayue::check_cmd::check_paths(&paths);
            let text = match format {
                Format::Human => kuayue::check_cmd::render_text(&report, &paths, &msg),
                Format::Json => kuayue::check_cmd::render_json(&report, &msg),
            };
            print!("{text}");
            ExitCode::from(u8::try_from(report.exit_code()).unwrap_or(1))
        }
        Some(Command::Play { scenario, autoplay, mistakes, screenshots, exit_when_done, step }) => {
            play(lang, &scenario, Options { autoplay, mistakes, screenshots, exit_when_done, step, file: None })
        }
        Some(Command::Export { format, dates, anonymize, out }) => {
            let format = match format {
                ExportFormat::Csv => kuayue::progress::export::Format::Csv,
                ExportFormat::Xlsx => kuayue::progress::export::Format::Xlsx,
                ExportFormat::Xapi => kuayue::progress::export::Format::Xapi,
            };
            with_store(lang, cli.data_dir, &dates, |store, period| {
                let request = kuayue::progress_cmd::ExportRequest { format, period, anonymize, out };
                kuayue::progress_cmd::run_export(store, &request, lang, std::path::Path::new("."))
            })
        }
        Some(Command::Stats { dates }) => with_store(lang, cli.data_dir, &dates, |store, period| {
            kuayue::progress_cmd::render_stats(store, period, lang, std::path::Path::new("."))
        }),
        Some(Command::New { id }) => {
            let today = jiff::Zoned::now().date().to_string();
            report(kuayue::new_cmd::run(std::path::Path::new("."), &id, &today, &Messages::embedded(lang)))
        }
        Some(Command::Voice { paths, locale, force, dry_run }) => {
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
            let request = kuayue::voice_cmd::Request { paths, locale, force, dry_run, threads };
            report(kuayue::voice_cmd::run(&request, &Messages::embedded(lang)))
        }
        Some(Command::ResetPin) => with_store(lang, cli.data_dir, &Dates { since: None, until: None }, |store, _| {
            kuayue::settings::clear_trainer_pin(store).map_err(|e| e.to_string())?;
            Ok(Messages::embedded(lang).text("trainer-pin-reset"))
        }),
        None => {
            let keep = cli.data_dir.unwrap_or_else(kuayue::progress::Store::default_dir);
            open_app(lang, None, Some(keep), lang_from_settings)
        }
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
        let store = kuayue::progress_cmd::open_store(&dir, &msg)?;
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
}

/// Loads one scenario (by id or file), checks it, and opens it.
fn play(lang: Lang, scenario: &str, options: Options) -> ExitCode {
    let path = PathBuf::from(scenario);
    let path = if path.is_file() { path } else { PathBuf::from("scenarios").join(format!("{scenario}.ron")) };
    let msg = Messages::embedded(lang);
    let options = Options { file: Some(path.clone()), ..options };
    let report = kuayue::check_cmd::check_paths(std::slice::from_ref(&path));
    if report.errors() > 0 || report.files.is_empty() {
        print!("{}", kuayue::check_cmd::render_text(&report, &[path], &msg));
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
            eprintln!("{}", kuayue::check_cmd::start_at_problem(&e, &msg));
            return ExitCode::from(1);
        }
    }
    // A trainer's preview is not practice: nothing is recorded.
    open_app(lang, Some((loaded.scenario, options)), None, false)
}

#[cfg(feature = "app")]
fn open_app(
    lang: Lang,
    play: Option<(kuayue::scenario::Scenario, Options)>,
    keep: Option<PathBuf>,
    lang_from_settings: bool,
) -> ExitCode {
    use kuayue::app::{Launch, autoplay::PlayOptions, records::Keep};
    let play = play.map(|(scenario, o)| {
        let options = PlayOptions {
            autoplay: o.autoplay,
            mistakes: o.mistakes,
            screenshots: o.screenshots,
            exit_when_done: o.exit_when_done,
            step: o.step,
            file: o.file,
        };
        (std::sync::Arc::new(scenario), options)
    });
    let keep = keep.map_or(Keep::Nowhere, Keep::Folder);
    kuayue::app::run(Launch { lang, play, keep, lang_from_settings, root: PathBuf::new() })
}

#[cfg(not(feature = "app"))]
fn open_app(
    _lang: Lang,
    _play: Option<(kuayue::scenario::Scenario, Options)>,
    _keep: Option<PathBuf>,
    _lang_from_settings: bool,
) -> ExitCode {
    eprintln!("This build has no window (built without the `app` feature). Try `kuayue check`.");
    ExitCode::from(2)
}

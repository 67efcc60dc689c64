//! The `kuayue` command: no subcommand opens the app; `check` checks scenarios.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kuayue::i18n::{Lang, Messages};

#[derive(Parser)]
#[command(name = "kuayue", version, about = "跨越 — practise everyday digital tasks in a safe 3D world")]
struct Cli {
    /// Language of messages: zh-CN or en-US (default: the system's, else zh-CN).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
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
    },
    /// Check scenario files and say exactly what to fix.
    Check {
        /// Files or folders (default: scenarios/).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| format!("unknown language `{text}`: use zh-CN or en-US"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Some(Command::Play { scenario, autoplay, mistakes, screenshots, exit_when_done }) => {
            play(lang, &scenario, Options { autoplay, mistakes, screenshots, exit_when_done })
        }
        None => open_app(lang, None),
    }
}

/// What `kuayue play` asked for.
#[cfg_attr(not(feature = "app"), allow(dead_code))]
struct Options {
    autoplay: bool,
    mistakes: u32,
    screenshots: Option<PathBuf>,
    exit_when_done: bool,
}

/// Loads one scenario (by id or file), checks it, and opens it.
fn play(lang: Lang, scenario: &str, options: Options) -> ExitCode {
    let path = PathBuf::from(scenario);
    let path = if path.is_file() { path } else { PathBuf::from("scenarios").join(format!("{scenario}.ron")) };
    let msg = Messages::embedded(lang);
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
    open_app(lang, Some((loaded.scenario, options)))
}

#[cfg(feature = "app")]
fn open_app(lang: Lang, play: Option<(kuayue::scenario::Scenario, Options)>) -> ExitCode {
    use kuayue::app::{Launch, autoplay::PlayOptions};
    let play = play.map(|(scenario, o)| {
        let options = PlayOptions {
            autoplay: o.autoplay,
            mistakes: o.mistakes,
            screenshots: o.screenshots,
            exit_when_done: o.exit_when_done,
        };
        (std::sync::Arc::new(scenario), options)
    });
    kuayue::app::run(Launch { lang, play })
}

#[cfg(not(feature = "app"))]
fn open_app(_lang: Lang, _play: Option<(kuayue::scenario::Scenario, Options)>) -> ExitCode {
    eprintln!("This build has no window (built without the `app` feature). Try `kuayue check`.");
    ExitCode::from(2)
}

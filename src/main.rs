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
        None => open_app(lang),
    }
}

#[cfg(feature = "app")]
fn open_app(lang: Lang) -> ExitCode {
    kuayue::app::run(lang)
}

#[cfg(not(feature = "app"))]
fn open_app(_lang: Lang) -> ExitCode {
    eprintln!("This build has no window (built without the `app` feature). Try `kuayue check`.");
    ExitCode::from(2)
}

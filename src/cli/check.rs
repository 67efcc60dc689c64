//! `kuayue check`: the library service's report, printed like a compiler (or as JSON).

use std::path::PathBuf;

use super::say;
use crate::i18n::Messages;
use crate::scenario::library::Report;

/// The report as text a person reads, like rustc.
pub fn render_text(report: &Report, paths: &[PathBuf], msg: &Messages) -> String {
    let mut out = String::new();
    for d in report.all() {
        out.push_str(&d.render(msg));
        out.push('\n');
    }
    if report.files.is_empty() {
        let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ");
        out.push_str(&say(msg, "check-no-files", &[("path", &shown)]));
        out.push('\n');
    }
    let (files, errors, warnings) =
        (report.files.len().to_string(), report.errors().to_string(), report.warnings().to_string());
    out.push_str(&say(msg, "check-summary", &[("files", &files), ("errors", &errors), ("warnings", &warnings)]));
    out.push('\n');
    let verdict = if report.errors() > 0 { "check-has-errors" } else { "check-clean" };
    if !report.files.is_empty() {
        out.push_str(&msg.text(verdict));
        out.push('\n');
    }
    out
}

/// The report as JSON for tools and editors.
pub fn render_json(report: &Report, msg: &Messages) -> String {
    let diagnostics: Vec<serde_json::Value> = report.all().map(|d| d.to_json(msg)).collect();
    let value = serde_json::json!({
        "files": report.files.iter().map(|f| f.file.display().to_string()).collect::<Vec<_>>(),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "diagnostics": diagnostics,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Why `kuayue play --step` cannot start there, in the trainer's language.
pub fn start_at_problem(problem: &crate::walkthrough::StartAt, msg: &Messages) -> String {
    use crate::walkthrough::StartAt;
    match problem {
        StartAt::NoSuchStep { found, steps } => {
            say(msg, "play-no-such-step", &[("found", found), ("steps", &steps.join(", "))])
        }
        StartAt::Unreachable(found) => say(msg, "play-unreachable-step", &[("found", found)]),
    }
}

//! Reading a scenario file: RON text → [`Scenario`], or diagnostics that say
//! where and what, in words a trainer understands. Never panics.

use std::path::Path;

use ron::error::Error as RonError;
use ron::extensions::Extensions;

use super::model::Scenario;
use super::spans::{self, Node};
use crate::diagnostic::{Code, Diagnostic, Location, byte_offset};

mod brackets;

/// A parsed scenario, its text and where each value sits.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: String,
    /// How the file was saved (its text is the same whichever).
    pub encoding: crate::text::Encoding,
    pub source: String,
    pub scenario: Scenario,
    pub spans: Node,
}

impl Loaded {
    /// The location of the value at `path`.
    pub fn locate(&self, path: &spans::Path) -> Location {
        Location::of_span(&self.source, self.spans.locate(path))
    }
}

/// The RON options trainers write with: `Some(…)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads and parses one file (UTF-8 with or without BOM, CRLF, or UTF-16 with BOM).
pub fn load_file(path: &Path) -> Result<Loaded, Diagnostic> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::new(Code::Unreadable, file.clone()).arg("reason", e.to_string()))?;
    let (source, encoding) = crate::text::decode(&bytes).map_err(|_| Diagnostic::new(Code::NotText, file.clone()))?;
    load_str(&source, &file).map(|loaded| Loaded { encoding, ..loaded })
}

/// Parses scenario text; `file` is only used in diagnostics.
pub fn load_str(source: &str, file: &str) -> Result<Loaded, Diagnostic> {
    if spans::is_blank(source) {
        return Err(Diagnostic::new(Code::Syntax, file)
            .at(Location::of_span(source, 0..0))
            .arg("found", "∅")
            .arg("expected", "Scenario( … )")
            .arg("kind", "empty"));
    }
    match ron_options().from_str::<Scenario>(source) {
        Ok(scenario) => {
            // ron accepted it, so the forgiving span reader does too; a fallback
            // keeps diagnostics working even if it did not.
            let spans =
                spans::parse(source).unwrap_or(Node { span: 0..source.len(), name: None, kind: spans::Kind::Atom });
            Ok(Loaded {
                file: file.to_owned(),
                encoding: crate::text::Encoding::Utf8,
                source: source.to_owned(),
                scenario,
                spans,
            })
        }
        Err(e) => Err(from_ron_error(source, file, e)),
    }
}

/// Turns a `ron` error into a diagnostic with a suggestion where one helps.
fn from_ron_error(source: &str, file: &str, e: ron::error::SpannedError) -> Diagnostic {
    let raw_start = byte_offset(source, e.span.start.line, e.span.start.col);
    // ron points just before white space; a trainer wants the thing after it.
    let start_offset = spans::skip_blank(source, raw_start);
    let end_offset = byte_offset(source, e.span.end.line, e.span.end.col).max(start_offset);
    let mut location = Location::of_span(source, start_offset..end_offset);
    if let RonError::MissingStructField { .. } = &e.code {
        // ron stops at the closing bracket; point at the struct that lacks the field.
        if let Some(node) = spans::parse(source).as_ref().and_then(|t| t.ending_at(raw_start).map(|n| n.span.clone())) {
            let name_len = source[node.clone()].find('(').unwrap_or(1);
            location = Location::of_span(source, node.start..node.start + name_len.max(1));
        }
    }
    let syntax = !matches!(
        e.code,
        RonError::NoSuchStructField { .. }
            | RonError::NoSuchEnumVariant { .. }
            | RonError::MissingStructField { .. }
            | RonError::DuplicateStructField { .. }
            | RonError::InvalidValueForType { .. }
            | RonError::ExpectedDifferentLength { .. }
            | RonError::Message(_)
    );
    if syntax && let Some(quote) = unclosed_quote(source, e.span.start.line) {
        // A text missing its closing quote swallows what follows; point at its start.
        return Diagnostic::new(Code::Syntax, file)
            .at(Location::of_span(source, quote..quote + 1))
            .arg("kind", "close-quote")
            .arg("found", found_at(source, &Location::of_span(source, quote..quote + 1)))
            .arg("expected", "\"")
            .arg("detail", e.code.to_string());
    }
    // Brackets that do not pair up make ron stumble far from them; name the bracket itself.
    if let Some(problem) = brackets::check(source) {
        return bracket_diagnostic(source, file, problem).arg("detail", e.code.to_string());
    }
    let d = |code| Diagnostic::new(code, file).at(location.clone());
    match e.code {
        RonError::NoSuchStructField { expected, found, outer } => {
            unknown_name(d(Code::UnknownField), expected, &found, outer)
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            unknown_name(d(Code::UnknownVariant), expected, &found, outer)
        }
        RonError::MissingStructField { field, outer } => d(Code::MissingField)
            .arg("field", field)
            .arg("outer", outer.unwrap_or_default())
            .arg("expected", format!("{field}: …")),
        RonError::DuplicateStructField { field, outer } => {
            d(Code::DuplicateField).arg("field", field).arg("outer", outer.unwrap_or_default())
        }
        RonError::InvalidValueForType { expected, found } => {
            d(Code::WrongType).arg("found", found).arg("expected", expected)
        }
        RonError::ExpectedDifferentLength { expected, found } => {
            d(Code::WrongType).arg("found", format!("{found}")).arg("expected", expected)
        }
        code @ (RonError::ExpectedString
        | RonError::ExpectedInteger
        | RonError::ExpectedFloat
        | RonError::ExpectedBoolean
        | RonError::ExpectedArray
        | RonError::ExpectedMap
        | RonError::ExpectedOption
        | RonError::ExpectedChar
        | RonError::ExpectedUnit
        | RonError::ExpectedStructLike
        | RonError::ExpectedNamedStructLike(_)
        | RonError::IntegerOutOfBounds
        | RonError::Message(_)) => {
            d(Code::WrongType).arg("found", found_at(source, &location)).arg("expected", expected_words(&code))
        }
        other => {
            let (kind, expected) = syntax_kind(&other);
            d(Code::Syntax)
                .arg("kind", kind)
                .arg("found", found_at(source, &location))
                .arg("expected", expected)
                .arg("detail", other.to_string())
        }
    }
}

/// A bracket too many, missing or of the wrong kind, located where the fix goes and
/// naming the bracket at the other end.
fn bracket_diagnostic(source: &str, file: &str, problem: brackets::Problem) -> Diagnostic {
    use brackets::Problem;
    let at = |offset: usize| Location::of_span(source, offset..offset + 1);
    let d = |kind: &str, location: Location| {
        let found = found_at(source, &location);
        Diagnostic::new(Code::Syntax, file).at(location).arg("kind", kind).arg("found", found)
    };
    let opened = |d: Diagnostic, opener: &brackets::Bracket| {
        d.arg("opener", brackets::label(source, opener)).arg("line", opener.line().to_string())
    };
    match problem {
        Problem::Unclosed { opener, fix, before } => {
            let first = before + (source[before..].len() - source[before..].trim_start_matches([' ', '\t']).len());
            let location = at(first);
            let line = location.line.to_string();
            opened(d("unclosed", location), &opener).arg("before", line).arg("expected", fix.clone()).arg("fix", fix)
        }
        Problem::UnclosedOnLine { opener, fix, at: end } => {
            opened(d("unclosed-line", Location::of_span(source, end..end)), &opener)
                .arg("expected", fix.clone())
                .arg("fix", fix)
        }
        Problem::UnclosedBefore { opener, fix, here } => opened(d("unclosed-here", at(here.offset)), &opener)
            .arg("bracket", here.ch.to_string())
            .arg("expected", fix.clone())
            .arg("fix", fix),
        Problem::UnclosedAtEnd { opener, fix, end } => {
            opened(d("unclosed-end", Location::of_span(source, end..end)), &opener)
                .arg("expected", fix.clone())
                .arg("fix", fix)
        }
        Problem::Extra { closer, previous: Some((opener, closed_by)), fix } => {
            let by = at(closed_by.offset);
            opened(d("extra-closer", at(closer.offset)), &opener)
                .arg("bracket", closer.ch.to_string())
                .arg("closer", closed_by.ch.to_string())
                .arg("at-line", by.line.to_string())
                .arg("at-col", by.col.to_string())
                .arg("fix", fix)
        }
        Problem::Extra { closer, previous: None, fix } => {
            d("stray-closer", at(closer.offset)).arg("bracket", closer.ch.to_string()).arg("fix", fix)
        }
        Problem::Wrong { closer, opener } => {
            let fix = brackets::closer_of(opener.ch).to_string();
            opened(d("wrong-closer", at(closer.offset)), &opener)
                .arg("bracket", closer.ch.to_string())
                .arg("expected", fix.clone())
                .arg("fix", fix)
        }
        Problem::Unopened { closer, open } => opened(d("unopened", at(closer.offset)), &open)
            .arg("bracket", closer.ch.to_string())
            .arg("fix", brackets::opener_of(closer.ch).to_string()),
        Problem::MissingOpener { line, at: end, fix } => d("missing-opener", Location::of_span(source, end..end))
            .arg("line", line.to_string())
            .arg("expected", fix.to_string())
            .arg("fix", fix.to_string()),
    }
}

/// An unknown field or choice, with the nearest known name as a suggestion.
fn unknown_name(d: Diagnostic, expected: &[&str], found: &str, outer: Option<String>) -> Diagnostic {
    let suggestion = closest(found, expected);
    d.arg("found", found)
        .arg("expected", list(expected))
        .arg("outer", outer.unwrap_or_default())
        .arg("suggestion", suggestion.clone().unwrap_or_default())
        .arg("label", suggestion.map(|s| format!("→ {s}")).unwrap_or_default())
}

/// The opening quote of the first line, up to `line`, whose quotes do not pair up.
fn unclosed_quote(source: &str, line: usize) -> Option<usize> {
    let mut offset = 0;
    for text in source.split_inclusive('\n').take(line) {
        let mut open = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if open.is_some() => {
                    chars.next();
                }
                '"' => open = if open.is_some() { None } else { Some(i) },
                '/' if open.is_none() && chars.peek().is_some_and(|(_, n)| *n == '/') => break,
                _ => {}
            }
        }
        if let Some(i) = open {
            return Some(offset + i);
        }
        offset += text.len();
    }
    None
}

/// What is written at a location, shortened, for "found:".
fn found_at(_source: &str, location: &Location) -> String {
    let rest: String = location.source_line.chars().skip(location.col - 1).collect();
    let token: String = rest.trim().chars().take(24).collect();
    if token.is_empty() { "⏎".to_owned() } else { format!("`{token}`") }
}

fn expected_words(code: &RonError) -> String {
    match code {
        RonError::ExpectedString => "\"…\"".to_owned(),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => "0, 1, 2 …".to_owned(),
        RonError::ExpectedFloat => "1.5".to_owned(),
        RonError::ExpectedBoolean => "true / false".to_owned(),
        RonError::ExpectedArray => "[ … ]".to_owned(),
        RonError::ExpectedNamedStructLike(name) => format!("{name}( … )"),
        RonError::ExpectedStructLike => "( … )".to_owned(),
        other => other.to_string(),
    }
}

/// A short key for the kind of syntax error (used in the message) and what was expected.
fn syntax_kind(code: &RonError) -> (&'static str, String) {
    match code {
        RonError::ExpectedComma => ("comma", ",".to_owned()),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => ("close-paren", ")".to_owned()),
        RonError::ExpectedArrayEnd => ("close-bracket", "]".to_owned()),
        RonError::ExpectedMapEnd => ("close-brace", "}".to_owned()),
        RonError::ExpectedMapColon => ("colon", ":".to_owned()),
        RonError::ExpectedStringEnd => ("close-quote", "\"".to_owned()),
        RonError::Eof => ("eof", ")".to_owned()),
        RonError::TrailingCharacters => ("trailing", "∅".to_owned()),
        RonError::UnclosedBlockComment => ("comment", "*/".to_owned()),
        _ => ("other", code.to_string()),
    }
}

fn list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// The most similar name, if one is close enough to be a likely typo.
pub fn closest<'a, I>(found: &str, candidates: I) -> Option<String>
where
    I: IntoIterator,
    I::Item: AsRef<str> + 'a,
{
    // Names are short: a long word is no typo of one, and comparing long words costs
    // their lengths multiplied (a 1 MB id took 4 s against 52 names).
    const LONGEST: usize = 100;
    if found.len() > LONGEST {
        return None;
    }
    candidates
        .into_iter()
        .filter(|c| c.as_ref().len() <= LONGEST)
        .map(|c| {
            let c = c.as_ref().to_owned();
            let score = strsim::normalized_damerau_levenshtein(&found.to_lowercase(), &c.to_lowercase());
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_is_a_syntax_error_not_a_panic() {
        let d = load_str("  \n", "e.ron").unwrap_err();
        assert_eq!(d.code, Code::Syntax);
        assert_eq!(d.line_col(), Some((1, 1)));
    }

    #[test]
    fn suggestions_pick_the_nearest_name_or_none() {
        assert_eq!(closest("promt", ["id", "prompt", "camera"]).as_deref(), Some("prompt"));
        assert_eq!(closest("HospitalLoby", ["HospitalLobby", "LivingRoom"]).as_deref(), Some("HospitalLobby"));
        assert_eq!(closest("zzzzzz", ["id", "prompt"]), None);
        // A huge word is never compared (it was seconds per diagnostic).
        let huge = "p".repeat(1_000_000);
        assert_eq!(closest(&huge, ["prompt"; 1000]), None);
        assert_eq!(closest("prompt", [huge.as_str()]), None);
    }
}

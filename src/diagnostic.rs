//! Diagnostics a trainer can act on: a stable code, where (file:line:col), what was
//! found, what was expected and a one-line fix — printed like rustc, or as JSON.
//!
//! A diagnostic keeps its words as Fluent arguments; they are put into sentences
//! only when printed, in the language the trainer reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::i18n::Messages;

pub mod ftl;

/// How bad a finding is: errors stop a scenario from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

macro_rules! codes {
    ($($name:ident = $num:literal, $sev:ident;)*) => {
        /// Every rule has a stable code; `docs/scenario-format.md` lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($name),* }

        impl Code {
            /// All codes, in order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The number after `KY`.
            pub fn number(self) -> u16 {
                match self { $(Code::$name => $num),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev),* }
            }
        }
    };
}

codes! {
    Syntax = 1, Error;
    UnknownField = 2, Error;
    MissingField = 3, Error;
    WrongType = 4, Error;
    UnknownVariant = 5, Error;
    Unreadable = 6, Error;
    DuplicateField = 7, Error;
    LocaleSyntax = 8, Error;
    NotText = 9, Error;
    DuplicateId = 101, Error;
    UnknownScreen = 102, Error;
    UnknownWidget = 103, Error;
    UnknownStation = 104, Error;
    UnknownStep = 105, Error;
    MissingMessage = 106, Error;
    UnreachableStep = 107, Error;
    DeadEnd = 108, Error;
    ShortHintLadder = 109, Error;
    ActionDoesNotFit = 110, Error;
    NoScreen = 111, Error;
    NoSteps = 112, Error;
    TextTooSmall = 113, Error;
    TargetTooSmall = 114, Error;
    LowContrast = 115, Error;
    BadColour = 116, Error;
    BadId = 117, Error;
    BadTrap = 118, Error;
    BadValue = 119, Error;
    UselessFeedback = 120, Error;
    IdNotFileName = 121, Error;
    BadMetadata = 122, Error;
    UnknownOption = 123, Error;
    AmbiguousAction = 124, Error;
    MissingLanguage = 125, Error;
    MissingClip = 201, Warning;
    UnusedScreen = 202, Warning;
    NoLocales = 203, Error;
    MissingGlyph = 204, Warning;
    StaleClip = 205, Warning;
    BrokenManifest = 206, Warning;
    SavedAsUtf16 = 207, Warning;
    UnknownIcon = 208, Warning;
    UnknownPicture = 209, Warning;
    ShowsNothing = 210, Warning;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KY{:04}", self.number())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where a diagnostic points: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub col: usize,
    /// How many characters the span covers on its first line (at least 1).
    pub len: usize,
    /// The text of that line, for the snippet.
    #[serde(skip)]
    pub source_line: String,
}

impl Location {
    /// The location of a byte span of `src`.
    pub fn of_span(src: &str, span: Range<usize>) -> Self {
        let start = floor_char(src, span.start.min(src.len()));
        let end = floor_char(src, span.end.clamp(start, src.len()));
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
        let line = src[..start].matches('\n').count() + 1;
        let col = src[line_start..start].chars().count() + 1;
        let len = src[start..end.min(line_end).max(start)].chars().count().max(1);
        Location { line, col, len, source_line: src[line_start..line_end].trim_end_matches('\r').to_owned() }
    }

    /// The location of a 1-based line and column, as `ron` reports them.
    pub fn of_line_col(src: &str, line: usize, col: usize) -> Self {
        let offset = byte_offset(src, line, col);
        Self::of_span(src, offset..offset)
    }
}

/// The byte offset of a 1-based line and column (in characters); past the end, the end.
pub fn byte_offset(src: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, text) in src.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return offset + text.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum::<usize>();
        }
        offset += text.len();
    }
    src.len()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub file: String,
    pub location: Option<Location>,
    /// Named words for the message (`found`, `expected`, `suggestion`, …).
    pub args: BTreeMap<String, String>,
}

impl Diagnostic {
    pub fn new(code: Code, file: impl Into<String>) -> Self {
        Diagnostic { code, file: file.into(), location: None, args: BTreeMap::new() }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.location.as_ref().map(|l| (l.line, l.col))
    }

    /// The one-line message, e.g. "unknown field `promt`".
    pub fn message(&self, msg: &Messages) -> String {
        msg.get(&message_id(self.code, ""), &self.args)
    }

    /// The one-line fix; a "did you mean" variant where a suggestion exists.
    pub fn help(&self, msg: &Messages) -> String {
        let suggested = self.args.get("suggestion").is_some_and(|s| !s.is_empty());
        let with_suggestion = message_id(self.code, "-help-suggest");
        if suggested && msg.has(&with_suggestion) {
            return msg.get(&with_suggestion, &self.args);
        }
        msg.get(&message_id(self.code, "-help"), &self.args)
    }

    /// Printed like rustc: header, `-->` location, the line with a caret, then notes.
    pub fn render(&self, msg: &Messages) -> String {
        let mut out = String::new();
        let severity = match self.severity() {
            Severity::Error => msg.get("diag-error", &BTreeMap::new()),
            Severity::Warning => msg.get("diag-warning", &BTreeMap::new()),
        };
        let _ = writeln!(out, "{severity}[{}]: {}", self.code, self.message(msg));
        match &self.location {
            Some(loc) => {
                let number = loc.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(out, "{pad}--> {}:{}:{}", self.file, loc.line, loc.col);
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {}", loc.source_line);
                let before: String = loc.source_line.chars().take(loc.col - 1).collect();
                let spanned: String = loc.source_line.chars().skip(loc.col - 1).take(loc.len).collect();
                let indent = " ".repeat(display_width(&before));
                let carets = "^".repeat(display_width(&spanned).max(1));
                let label = self.args.get("label").map(|l| format!(" {l}")).unwrap_or_default();
                let _ = writeln!(out, "{pad} | {indent}{carets}{label}");
                let _ = writeln!(out, "{pad} |");
                self.render_notes(&mut out, &pad, msg);
            }
            None => {
                let _ = writeln!(out, " --> {}", self.file);
                self.render_notes(&mut out, " ", msg);
            }
        }
        out
    }

    fn render_notes(&self, out: &mut String, pad: &str, msg: &Messages) {
        for key in ["found", "expected"] {
            if let Some(value) = self.args.get(key) {
                let name = msg.get(&format!("diag-{key}"), &BTreeMap::new());
                let _ = writeln!(out, "{pad} = {name}: {value}");
            }
        }
        let help = msg.get("diag-help", &BTreeMap::new());
        let _ = writeln!(out, "{pad} = {help}: {}", self.help(msg));
    }

    /// A JSON object for tools and editors.
    pub fn to_json(&self, msg: &Messages) -> serde_json::Value {
        serde_json::json!({
            "code": self.code,
            "severity": self.severity(),
            "file": self.file,
            "line": self.location.as_ref().map(|l| l.line),
            "column": self.location.as_ref().map(|l| l.col),
            "message": self.message(msg),
            "found": self.args.get("found"),
            "expected": self.args.get("expected"),
            "help": self.help(msg),
            // The parser's own words, for tools (the message says it in the trainer's language).
            "detail": self.args.get("detail"),
        })
    }
}

fn message_id(code: Code, suffix: &str) -> String {
    format!("ky{:04}{suffix}", code.number())
}

fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn locations_count_characters_not_bytes() {
        let src = "第一行\n  名字: \"值\"\n";
        let at = src.find('"').unwrap();
        let loc = Location::of_span(src, at..at + "\"值\"".len());
        assert_eq!((loc.line, loc.col, loc.len), (2, 7, 3));
        assert_eq!(loc.source_line, "  名字: \"值\"");
        assert_eq!(Location::of_line_col(src, 2, 7), loc_with_len(loc, 1));
    }

    fn loc_with_len(mut loc: Location, len: usize) -> Location {
        loc.len = len;
        loc
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let loc = Location::of_span("ab", 10..20);
        assert_eq!((loc.line, loc.col), (1, 3));
        let loc = Location::of_line_col("ab\ncd", 9, 9);
        assert_eq!(loc.line, 2);
        assert_eq!(byte_offset("ab\n中文x", 2, 3), 3 + 6);
        assert_eq!(byte_offset("ab", 5, 1), 2);
    }

    #[test]
    fn renders_like_rustc_with_a_caret_under_wide_characters() {
        let src = "(\n    标题: 1,\n)";
        let at = src.find('1').unwrap();
        let d = Diagnostic::new(Code::WrongType, "x.ron")
            .at(Location::of_span(src, at..at + 1))
            .arg("field", "标题")
            .arg("found", "1")
            .arg("expected", "text");
        let text = d.render(&Messages::embedded(Lang::EnUs));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("error[KY0004]: "), "{text}");
        assert_eq!(lines[1], " --> x.ron:2:9");
        assert_eq!(lines[3], "2 |     标题: 1,");
        // Two CJK characters are four columns wide.
        assert_eq!(lines[4], "  |           ^");
        assert!(text.contains("= found: 1"), "{text}");
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        for lang in Lang::ALL {
            let msg = Messages::embedded(*lang);
            for code in Code::ALL {
                assert!(msg.has(&message_id(*code, "")), "{code} has no message in {lang:?}");
                assert!(msg.has(&message_id(*code, "-help")), "{code} has no help in {lang:?}");
            }
        }
    }
}

//! A syntax error in a message file (.ftl), in words a trainer acts on: fluent's
//! own English ("Expected an inline expression") says what the parser wanted, not
//! what the trainer wrote. Each error gets a `kind` the checker's messages turn
//! into the trainer's language, and is placed where the fix goes; the parser's
//! text stays in `detail` for tools.

use fluent_syntax::parser::{ErrorKind, ParserError};

use super::{Code, Diagnostic, Location};

/// The diagnostic for one parser error of `src`, the text of `file`.
pub fn locale_syntax(src: &str, file: &str, e: &ParserError) -> Diagnostic {
    let pos = floor_char(src, e.pos.start.min(src.len()));
    let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
    let line = src[line_start..line_end].trim_end_matches('\r');
    let entry = entry_of(src, line_start);
    let d = |kind: &str, span: std::ops::Range<usize>| {
        Diagnostic::new(Code::LocaleSyntax, file)
            .at(Location::of_span(src, span))
            .arg("kind", kind)
            .arg("detail", e.kind.to_string())
            .arg("message", entry.map(|(_, id)| id).unwrap_or_default())
    };
    if e.kind == ErrorKind::UnbalancedClosingBrace {
        return d("lone-close-brace", pos..pos + 1).arg("escape", "{\"}\"}");
    }
    let in_placeable = matches!(
        e.kind,
        ErrorKind::ExpectedToken(_)
            | ErrorKind::ExpectedInlineExpression
            | ErrorKind::ExpectedCharRange { .. }
            | ErrorKind::ExpectedLiteral
    );
    if in_placeable && let Some(open) = open_brace(src, entry.map_or(line_start, |(start, _)| start), pos) {
        return d("lone-brace", open..open + 1).arg("escape", "{\"{\"}");
    }
    // A line at the left edge starts a new entry: a message, or what was meant to be one.
    let entry_start = matches!(
        e.kind,
        ErrorKind::ExpectedToken(_)
            | ErrorKind::ExpectedCharRange { .. }
            | ErrorKind::ExpectedMessageField { .. }
            | ErrorKind::ExpectedTermField { .. }
    );
    if entry_start && !line.starts_with([' ', '\t']) && !line.starts_with('#') && !line.is_empty() {
        if let Some((name, _)) = line.split_once('=') {
            let name = name.trim_end();
            if !is_name(name) {
                let shown = if name.is_empty() { "=" } else { name };
                return d("bad-name", line_start..line_start + name.len().max(1)).arg("found", shown);
            }
            if matches!(e.kind, ErrorKind::ExpectedMessageField { .. }) {
                return d("missing-text", line_start..line_start + name.len()).arg("message", name);
            }
        } else {
            let word = line.find(|c: char| !is_name_char(c)).map_or(line, |i| &line[..i]);
            let after_message = entry_of(src, line_start.saturating_sub(1)).filter(|_| line_start > 0);
            if is_name(word) && (word.contains('-') || after_message.is_none()) {
                return d("missing-equals", line_start..line_start + word.len()).arg("found", word);
            }
            if let Some((_, id)) = after_message {
                return d("unindented", line_start..line_start + line.len()).arg("message", id);
            }
        }
    }
    d("other", pos..pos + 1)
}

/// The message a line belongs to: the id and start of the entry at or above it,
/// if the lines between continue it (start with spaces).
fn entry_of(src: &str, offset: usize) -> Option<(usize, &str)> {
    let mut end = floor_char(src, offset.min(src.len()));
    loop {
        let start = src[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = src[start..].split('\n').next().unwrap_or_default().trim_end_matches('\r');
        if line.trim().is_empty() {
            return None;
        }
        if !line.starts_with([' ', '\t']) {
            let (name, _) = line.split_once('=')?;
            let name = name.trim_end();
            return is_name(name).then_some((start, name));
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// The innermost `{` between `from` and `to` that is not closed before `to`.
fn open_brace(src: &str, from: usize, to: usize) -> Option<usize> {
    let mut open = Vec::new();
    let mut chars = src[from..to].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => open.push(from + i),
            '}' => {
                open.pop();
            }
            // A text literal inside a placeable, e.g. {"{"}.
            '"' if !open.is_empty() => {
                while let Some((_, n)) = chars.next() {
                    match n {
                        '\\' => {
                            chars.next();
                        }
                        '"' | '\n' => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    open.pop()
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Fluent's rule for message names: an ASCII letter, then letters, digits, `-` and `_`.
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(is_name_char)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The `\u`/`\U` escapes inside a placeable's quoted text whose hex digits run into a
/// non-ASCII character (`{ "\u中" }`): fluent-syntax 0.12 panics on them (it slices the bad
/// sequence mid-character; found by fuzzing). Each is a byte offset of its backslash;
/// [`defuse`] makes the text safe to parse and [`bad_escape`] says what to fix.
pub fn unsafe_escapes(src: &str) -> Vec<usize> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut line_start) = (0usize, false, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start && b == b'#' && depth == 0 {
            // A comment line: nothing in it is parsed.
            i = bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |n| i + n);
            continue;
        }
        line_start = b == b'\n';
        match b {
            b'\\' if in_string => {
                let length = match bytes.get(i + 1) {
                    Some(b'u') => 4,
                    Some(b'U') => 6,
                    _ => {
                        i += 2;
                        continue;
                    }
                };
                let digits = bytes[i + 2..].iter().take(length).take_while(|c| c.is_ascii_hexdigit()).count();
                if digits < length && bytes.get(i + 2 + digits).is_some_and(|c| !c.is_ascii()) {
                    out.push(i);
                }
                i += 2;
                continue;
            }
            b'"' if depth > 0 => in_string = !in_string,
            b'\n' => in_string = false,
            b'{' if !in_string => depth += 1,
            b'}' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    out
}

/// `src` with each of `escapes`' backslashes made a space (byte offsets kept).
pub fn defuse(src: &str, escapes: &[usize]) -> String {
    let mut bytes = src.as_bytes().to_vec();
    for &at in escapes {
        bytes[at] = b' ';
    }
    // Only ASCII backslashes were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| src.to_owned())
}

/// What to tell the trainer about a bad escape at byte `at`.
pub fn bad_escape(src: &str, file: &str, at: usize) -> Diagnostic {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let entry = entry_of(src, line_start);
    Diagnostic::new(Code::LocaleSyntax, file)
        .at(Location::of_span(src, at..at + 2))
        .arg("kind", "bad-escape")
        .arg("found", &src[at..at + 2])
        .arg("message", entry.map(|(_, id)| id).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(src: &str) -> Diagnostic {
        let (_, errors) = fluent_syntax::parser::parse(src).expect_err("broken");
        locale_syntax(src, "x.ftl", &errors[0])
    }

    fn said(d: &Diagnostic) -> (&str, Option<(usize, usize)>) {
        (d.args["kind"].as_str(), d.line_col())
    }

    #[test]
    fn each_mistake_gets_its_kind_and_place() {
        assert_eq!(said(&first("ok = 好\nx-msg = 花费 {50 元\n")), ("lone-brace", Some((2, 12))));
        assert_eq!(first("x-msg = 花费 {50 元\n").args["message"], "x-msg");
        assert_eq!(said(&first("x-msg = 花费 { 元\n")), ("lone-brace", Some((1, 12))));
        assert_eq!(said(&first("x-msg = 50%}\n")), ("lone-close-brace", Some((1, 12))));
        let broken = first("x-msg = 请点\n“下一步”按钮\nok = 好\n");
        assert_eq!((said(&broken), broken.args["message"].as_str()), (("unindented", Some((2, 1))), "x-msg"));
        assert_eq!(said(&first("x-msg = 请点击\n  下一步\nnext step here\n")), ("unindented", Some((3, 1))));
        assert_eq!(said(&first("挂号 = 挂号\n")), ("bad-name", Some((1, 1))));
        assert_eq!(first("_msg = hi\n").args["found"], "_msg");
        assert_eq!(said(&first("x-msg 花费\n")), ("missing-equals", Some((1, 1))));
        assert_eq!(said(&first("ok = 好\nx-msg: 花费\n")), ("missing-equals", Some((2, 1))));
        assert_eq!(said(&first("x-msg =\nok = 好\n")), ("missing-text", Some((1, 1))));
        assert_eq!(said(&first("x-msg = { $n ->\n [one] a\n [other] b\n}\n")).0, "other");
        assert!(first("x-msg = 花费 {50 元\n").args["detail"].starts_with("Expected"));
    }

    #[test]
    fn an_escape_running_into_a_chinese_character_is_said_not_a_panic() {
        // fluent-syntax 0.12 panics on these (the fuzzer's finds, shortened).
        for src in ["a = { \"\\u中\" }\n", "b = { N(\"\\U12中\") }\n", "c = x\nd = { \"\\\\\" } { \"\\Ua中\" }\n"] {
            let at = unsafe_escapes(src);
            assert_eq!(at.len(), 1, "{src}");
            let safe = defuse(src, &at);
            let _ = fluent_syntax::parser::parse(safe.as_str());
            let d = bad_escape(src, "x.ftl", at[0]);
            assert_eq!(d.args["kind"], "bad-escape");
            assert!(d.args["found"].starts_with('\\'));
        }
        // Plain text, comments and whole escapes are left alone.
        for src in ["a = C:\\u中\n", "# { \"\\u中\" }\n", "a = { \"\\u00A0中\" }\n", "a = { \"\\\\u中\" }\n"] {
            assert!(unsafe_escapes(src).is_empty(), "{src}");
        }
    }
}

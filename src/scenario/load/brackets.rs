//! Do the brackets pair up? When `ron` fails on text whose brackets do not, its
//! own message is about a symptom far from the cause (a `Step` read as a field,
//! a field missing from a list closed too early). This pass finds the bracket
//! itself: the one too many, or the place where a missing one belongs.
//!
//! Trainers' files are indented, so indentation says which bracket was meant:
//! an opener on a line indented N is closed by a line that starts with its
//! closer at indentation N. A raw scan (strings and comments skipped) is enough.

/// One bracket outside strings and comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bracket {
    pub ch: char,
    /// Byte offset in the text.
    pub offset: usize,
    /// 0-based line.
    line: usize,
    /// Indentation of its line.
    indent: usize,
    /// The first thing written on its line.
    first_on_line: bool,
}

/// What is wrong with the brackets, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Problem {
    /// `opener` (and the brackets opened after it, `fix` closes them all) is never
    /// closed; the closers belong on a line of their own before the line that
    /// starts at byte `before`.
    Unclosed { opener: Bracket, fix: String, before: usize },
    /// Like `Unclosed`, for an opener meant to be closed on its own line: the closers
    /// belong at its end, byte `at` (before its comma).
    UnclosedOnLine { opener: Bracket, fix: String, at: usize },
    /// Like `Unclosed`, but the closers belong just before the bracket `here`.
    UnclosedBefore { opener: Bracket, fix: String, here: Bracket },
    /// Openers are left open at the end of the text; `opener` is the last one.
    UnclosedAtEnd { opener: Bracket, fix: String, end: usize },
    /// `closer` closes nothing; `previous` is the pair it repeats the closing of
    /// (opener, closer); `fix` is what to delete (e.g. `]),`).
    Extra { closer: Bracket, previous: Option<(Bracket, Bracket)>, fix: String },
    /// `closer` is of another kind than `opener`, the bracket it would close.
    Wrong { closer: Bracket, opener: Bracket },
    /// `closer` has no opener of its own: `open` is the bracket open where it stands
    /// (its opener is missing, or it is one too many).
    Unopened { closer: Bracket, open: Bracket },
    /// Line `line` (1-based) leaves nothing open, yet the lines after it are indented
    /// further: the opener `fix` is missing at its end, byte `at`.
    MissingOpener { line: usize, at: usize, fix: char },
}

enum Event {
    /// The first thing on a line, unless it is a closer: its offset, line and
    /// indentation, and the line, indentation and end of the line written before it.
    Line {
        offset: usize,
        line: usize,
        indent: usize,
        before: Option<(usize, usize, usize)>,
    },
    Bracket(Bracket),
}

/// The brackets of a text in order, with the start of each line that begins with
/// something else.
struct Scan {
    events: Vec<Event>,
    /// For each line, the byte after the last thing written on it (0 for none).
    ends: Vec<usize>,
}

/// Reads the brackets of `src`; `None` when a text or block comment runs to the
/// end (another diagnosis fits better).
fn scan(src: &str) -> Option<Scan> {
    let mut events = Vec::new();
    let mut ends = vec![0; src.split('\n').count()];
    let mut chars = src.char_indices().peekable();
    let (mut line, mut indent, mut at_start) = (0, 0, true);
    let mut prev = '\n';
    // The last line with something written on it: its line, indentation and end.
    let mut written: Option<(usize, usize, usize)> = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => {
                (line, indent, at_start) = (line + 1, 0, true);
                prev = c;
                continue;
            }
            ' ' | '\r' if at_start => {
                indent += usize::from(c == ' ');
                continue;
            }
            '\t' if at_start => {
                indent = indent / 4 * 4 + 4;
                continue;
            }
            c if c.is_whitespace() => {
                prev = c;
                continue;
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                while chars.next_if(|(_, n)| *n != '\n').is_some() {}
                continue;
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                chars.next();
                let mut depth = 1;
                while depth > 0 {
                    let (_, n) = chars.next()?;
                    if n == '\n' {
                        (line, indent, at_start) = (line + 1, 0, true);
                    } else if !n.is_whitespace() {
                        at_start = false;
                    }
                    if n == '*' && chars.next_if(|(_, m)| *m == '/').is_some() {
                        depth -= 1;
                    } else if n == '/' && chars.next_if(|(_, m)| *m == '*').is_some() {
                        depth += 1;
                    }
                }
                continue;
            }
            _ => {}
        }
        let first = std::mem::replace(&mut at_start, false);
        if first && !is_closer(c) {
            events.push(Event::Line { offset: i, line, indent, before: written });
        }
        if matches!(c, '(' | '[' | '{' | ')' | ']' | '}') {
            events.push(Event::Bracket(Bracket { ch: c, offset: i, line, indent, first_on_line: first }));
        }
        match c {
            '"' => skip_string(&mut chars, 0, &mut line)?,
            'r' if !is_ident(prev) && matches!(chars.peek(), Some((_, '"' | '#'))) => {
                let mut hashes = 0;
                while chars.next_if(|(_, n)| *n == '#').is_some() {
                    hashes += 1;
                }
                if chars.next_if(|(_, n)| *n == '"').is_some() {
                    skip_string(&mut chars, hashes, &mut line)?;
                }
            }
            '\'' => {
                // A character: 'a', '\n', '\''. Anything else is left as it is.
                let mut ahead = chars.clone();
                let ok = match ahead.next() {
                    Some((_, '\\')) => {
                        ahead.next();
                        while ahead.next_if(|(_, n)| *n != '\'' && *n != '\n').is_some() {}
                        ahead.next_if(|(_, n)| *n == '\'').is_some()
                    }
                    Some((_, n)) if n != '\n' => ahead.next_if(|(_, n)| *n == '\'').is_some(),
                    _ => false,
                };
                if ok {
                    chars = ahead;
                }
            }
            _ => {}
        }
        prev = c;
        let end = chars.peek().map_or(src.len(), |(j, _)| *j);
        written = Some((line, indent, end));
        if let Some(slot) = ends.get_mut(line) {
            *slot = end;
        }
    }
    Some(Scan { events, ends })
}

/// Skips a text up to its closing quote (followed by `hashes` `#` for a raw text).
fn skip_string(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    hashes: usize,
    line: &mut usize,
) -> Option<()> {
    loop {
        let (_, c) = chars.next()?;
        match c {
            '\\' if hashes == 0 => *line += usize::from(chars.next()?.1 == '\n'),
            '\n' => *line += 1,
            '"' => {
                let mut ahead = chars.clone();
                if (0..hashes).all(|_| ahead.next_if(|(_, n)| *n == '#').is_some()) {
                    *chars = ahead;
                    return Some(());
                }
            }
            _ => {}
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn closer_of(opener: char) -> char {
    match opener {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

pub(super) fn opener_of(closer: char) -> char {
    match closer {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// The closers of `openers` (innermost first), with a comma unless the outermost
/// bracket of the file is among them.
fn closers(openers: &[Bracket], outermost: bool) -> String {
    let mut fix: String = openers.iter().rev().map(|o| closer_of(o.ch)).collect();
    if !outermost {
        fix.push(',');
    }
    fix
}

/// The first bracket problem of `src`, or `None` when its brackets pair up.
pub(super) fn check(src: &str) -> Option<Problem> {
    let scanned = scan(src)?;
    let raw = first_problem(src, &scanned.events)?;
    // Indentation places the problem better; trust it only where its fix pairs everything up.
    let fixed = |p: &Problem| fixes(src, p);
    if let Some(problem) = by_indentation(src, &scanned, fixed) {
        return Some(problem);
    }
    // A closer of the wrong kind, one missing before it, or one too many: the fix that works.
    let alternatives = match &raw {
        Problem::Wrong { closer, opener } | Problem::UnclosedBefore { here: closer, opener, .. } => vec![
            Problem::Wrong { closer: *closer, opener: *opener },
            raw.clone(),
            Problem::Unopened { closer: *closer, open: *opener },
        ],
        _ => Vec::new(),
    };
    Some(alternatives.into_iter().find(fixed).unwrap_or(raw))
}

/// The first place where pairing fails, reading the brackets alone.
fn first_problem(src: &str, events: &[Event]) -> Option<Problem> {
    let mut stack: Vec<Bracket> = Vec::new();
    let mut outer_closed = None;
    for event in events {
        let Event::Bracket(b) = event else { continue };
        if !is_closer(b.ch) {
            stack.push(*b);
            continue;
        }
        match stack.last() {
            None => return Some(Problem::Extra { closer: *b, previous: outer_closed, fix: b.ch.to_string() }),
            Some(top) if closer_of(top.ch) == b.ch => {
                let top = stack.pop()?;
                // The outermost pair, preferably one over several lines (not `#![enable(…)]`).
                if stack.is_empty() && (top.line < b.line || outer_closed.is_none()) {
                    outer_closed = Some((top, *b));
                }
            }
            Some(top) => {
                let n = stack.len();
                if n >= 2 && closer_of(stack[n - 2].ch) == b.ch {
                    let fix = closers(&stack[n - 1..], true);
                    return Some(Problem::UnclosedBefore { opener: *top, fix, here: *b });
                }
                return Some(Problem::Wrong { closer: *b, opener: *top });
            }
        }
    }
    let opener = *stack.last()?;
    Some(Problem::UnclosedAtEnd { opener, fix: closers(&stack, true), end: src.trim_end().len() })
}

/// The first place where the brackets disagree with the indentation, and
/// `accept` takes the fix that follows from it.
fn by_indentation(src: &str, scanned: &Scan, accept: impl Fn(&Problem) -> bool) -> Option<Problem> {
    let mut stack: Vec<Bracket> = Vec::new();
    let mut closed: Vec<(Bracket, Bracket)> = Vec::new();
    // Openers on the top of the stack, on earlier lines, indented at least `indent`.
    let run = |stack: &[Bracket], line: usize, indent: usize, deeper: bool| {
        stack.iter().rev().take_while(|o| o.line < line && (o.indent > indent || !deeper && o.indent == indent)).count()
    };
    // `openers` are never closed before the line starting at `before`: their closers go
    // on a line of their own there, or at the end of their line if something follows
    // the innermost on it (it was meant to be closed there).
    let unclosed = |openers: &[Bracket], outermost: bool, before: usize| {
        let (first, last) = (openers[0], openers[openers.len() - 1]);
        let end = scanned.ends.get(last.line).copied().unwrap_or_default();
        if openers.iter().all(|o| o.line == last.line) && last.offset + 1 < end {
            let at = if src[..end].ends_with(',') { end - 1 } else { end };
            let problem = Problem::UnclosedOnLine { opener: first, fix: closers(openers, true), at };
            if accept(&problem) {
                return Some(problem);
            }
        }
        Some(Problem::Unclosed { opener: first, fix: closers(openers, outermost), before }).filter(&accept)
    };
    for event in &scanned.events {
        match event {
            Event::Line { offset, line, indent, before } => {
                let n = run(&stack, *line, *indent, false);
                let from = stack.len() - n;
                if n > 0
                    && let Some(problem) = unclosed(&stack[from..], from == 0, line_start(src, *offset))
                {
                    return Some(problem);
                }
                // Indented deeper than the line before, which left nothing open.
                if let Some((above, above_indent, end)) = *before
                    && *indent > above_indent
                    && stack.last().is_none_or(|o| o.line < above)
                {
                    let missing = ['(', '['].map(|fix| Problem::MissingOpener { line: above + 1, at: end, fix });
                    if let Some(problem) = missing.into_iter().find(&accept) {
                        return Some(problem);
                    }
                }
            }
            Event::Bracket(b) if !is_closer(b.ch) => stack.push(*b),
            Event::Bracket(b) => {
                if b.first_on_line {
                    let n = run(&stack, b.line, b.indent, true);
                    let from = stack.len() - n;
                    if n > 0
                        && let Some(problem) = unclosed(&stack[from..], false, line_start(src, b.offset))
                    {
                        return Some(problem);
                    }
                    if stack.last().is_none_or(|top| top.indent < b.indent) {
                        let previous = closed
                            .iter()
                            .rev()
                            .find(|(o, c)| c.ch == b.ch && o.indent == b.indent)
                            .or_else(|| closed.iter().rev().find(|(_, c)| c.ch == b.ch))
                            .copied();
                        let problem = Problem::Extra { closer: *b, previous, fix: line_closers(src, b.offset) };
                        if accept(&problem) {
                            return Some(problem);
                        }
                    }
                }
                match stack.last() {
                    Some(top) if closer_of(top.ch) == b.ch => closed.push((stack.pop()?, *b)),
                    _ => return None,
                }
            }
        }
    }
    None
}

/// Whether the fix a problem names makes every bracket pair up.
fn fixes(src: &str, problem: &Problem) -> bool {
    let insert = |at: usize, text: &str| format!("{}{text}{}", &src[..at], &src[at..]);
    let replace = |b: &Bracket, len: usize, text: &str| {
        format!("{}{text}{}", &src[..b.offset], src.get(b.offset + len..).unwrap_or_default())
    };
    let fixed = match problem {
        Problem::Unclosed { fix, before, .. } => insert(*before, &format!("{fix}\n")),
        Problem::UnclosedBefore { fix, here, .. } => insert(here.offset, fix),
        Problem::UnclosedOnLine { fix, at, .. } => insert(*at, fix),
        Problem::MissingOpener { at, fix, .. } => insert(*at, &fix.to_string()),
        Problem::Extra { closer, fix, .. } => replace(closer, fix.len(), ""),
        Problem::Unopened { closer, .. } => replace(closer, 1, ""),
        Problem::Wrong { closer, opener } => replace(closer, 1, &closer_of(opener.ch).to_string()),
        Problem::UnclosedAtEnd { .. } => return false,
    };
    scan(&fixed).is_some_and(|scanned| first_problem(&fixed, &scanned.events).is_none())
}

fn line_start(src: &str, offset: usize) -> usize {
    src[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The closers (and commas) written from `offset` on, e.g. `]),` for a line that
/// closes a screen; at least the bracket at `offset`.
fn line_closers(src: &str, offset: usize) -> String {
    let rest = &src[offset..];
    let len = rest.find(|c: char| !(is_closer(c) || c == ',')).unwrap_or(rest.len());
    rest[..len.max(1)].to_owned()
}

/// How a trainer sees an opener: `Step(`, `widgets: [`, or the bracket alone.
pub(super) fn label(src: &str, b: &Bracket) -> String {
    let before = src[..b.offset].trim_end_matches([' ', '\t']);
    let name_start =
        before.char_indices().rev().take_while(|(_, c)| is_ident(*c)).last().map_or(before.len(), |(i, _)| i);
    let name = &before[name_start..];
    if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("{name}{}", b.ch);
    }
    if let Some(field) = before.strip_suffix(':') {
        let field = field.trim_end();
        let start = field.char_indices().rev().take_while(|(_, c)| is_ident(*c)).last().map_or(field.len(), |(i, _)| i);
        if start < field.len() {
            return format!("{}: {}", &field[start..], b.ch);
        }
    }
    b.ch.to_string()
}

impl Bracket {
    /// 1-based line.
    pub fn line(&self) -> usize {
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BALANCED: &str = "Scenario(\n    a: [\n        Step(\n            id: \"x ) ]\",\n        ),\n    ],\n)\n";

    #[test]
    fn balanced_text_has_no_problem_and_strings_and_comments_do_not_count() {
        assert_eq!(check(BALANCED), None);
        assert_eq!(check("A( // )\n  b: '(', /* ] /* ) */ */ c: r#\"(\"#,\n)"), None);
        assert_eq!(check("A(b: \"never closed"), None, "an open text is another problem");
    }

    #[test]
    fn a_missing_closer_is_placed_by_indentation() {
        let src = BALANCED.replace("        ),\n", "");
        let Some(Problem::Unclosed { opener, fix, before }) = check(&src) else { panic!("{:?}", check(&src)) };
        assert_eq!((opener.line(), label(&src, &opener).as_str(), fix.as_str()), (3, "Step(", "),"));
        assert!(src[before..].starts_with("    ],"));
    }

    #[test]
    fn one_closer_too_many_is_found_where_it_is() {
        let src = BALANCED.replace("        ),\n", "        ),\n        ),\n");
        let Some(Problem::Extra { closer, previous: Some((o, c)), fix }) = check(&src) else { panic!() };
        assert_eq!((closer.line(), o.line(), c.line(), fix.as_str()), (6, 3, 5, "),"));
    }

    #[test]
    fn a_missing_opener_or_one_closed_on_its_own_line_is_told_where_it_belongs() {
        let src = BALANCED.replace("        Step(\n", "        Step\n");
        assert_eq!(check(&src), Some(Problem::MissingOpener { line: 3, at: src.find("Step").unwrap() + 4, fix: '(' }));
        let src = "A(\n    b: [\n        (x: 1, y: 2,\n        (x: 3),\n    ],\n)\n";
        let Some(Problem::UnclosedOnLine { opener, fix, at }) = check(src) else { panic!("{:?}", check(src)) };
        assert_eq!((opener.line(), fix.as_str(), &src[at..at + 1]), (3, ")", ","));
        let src = "A(\n    b: [x: 1)],\n)\n";
        assert!(matches!(check(src), Some(Problem::Unopened { closer, .. }) if closer.ch == ')'), "{:?}", check(src));
        let src = "A(\n    b: [(x: 1]],\n)\n";
        assert!(matches!(check(src), Some(Problem::Wrong { closer, .. }) if closer.ch == ']'), "{:?}", check(src));
    }

    #[test]
    fn labels_name_what_a_trainer_wrote() {
        let src = "Scenario(\n    steps: [ (x: 1) ]";
        let b =
            |i| Bracket { ch: src[i..].chars().next().unwrap(), offset: i, line: 0, indent: 0, first_on_line: false };
        assert_eq!(label(src, &b(8)), "Scenario(");
        assert_eq!(label(src, &b(src.find('[').unwrap())), "steps: [");
        assert_eq!(label(src, &b(src.rfind('(').unwrap())), "(");
    }
}

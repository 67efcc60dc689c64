//! Where each value of a RON file sits in the text, so that a diagnostic about
//! `steps[3].action` can point at its line and column.
//!
//! serde forgets positions once a value is parsed, so this small, forgiving
//! reader walks the same text again and keeps a tree of byte spans. It is only
//! used to locate things: `ron` itself decides what is valid.

use std::ops::Range;

/// One step of a path into the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// A path like `steps[3].action.field`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }
    pub fn field(&self, name: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Field(name.to_owned()));
        p
    }
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if n == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A value of the file and where it is.
#[derive(Debug, Clone)]
pub struct Node {
    pub span: Range<usize>,
    /// `Name(` before a struct or tuple, e.g. `Tap` in `Tap("x")`.
    pub name: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Atom,
    /// `(a: 1, b: 2)`: fields with the span of each key.
    Fields(Vec<(String, Range<usize>, Node)>),
    /// `(1, 2)` or `[1, 2]`.
    Items(Vec<Node>),
}

impl Node {
    /// The span of the value at `path`, or of the deepest part of it that exists.
    pub fn locate(&self, path: &Path) -> Range<usize> {
        self.locate_inner(&path.0)
    }

    /// The span of the *key* of the last field of `path` (for "unknown field"-like messages).
    pub fn locate_key(&self, path: &Path) -> Option<Range<usize>> {
        let (last, parent) = path.0.split_last()?;
        let Seg::Field(name) = last else { return None };
        let node = self.find(parent)?;
        match &node.unwrap_some().kind {
            Kind::Fields(fields) => fields.iter().find(|(k, _, _)| k == name).map(|(_, span, _)| span.clone()),
            _ => None,
        }
    }

    /// The child at one step of a path (through a transparent `Some(…)`).
    fn child(&self, seg: &Seg) -> Option<&Node> {
        match (&self.unwrap_some().kind, seg) {
            (Kind::Fields(fields), Seg::Field(name)) => fields.iter().find(|(k, _, _)| k == name).map(|(_, _, n)| n),
            (Kind::Items(items), Seg::Index(i)) => items.get(*i),
            _ => None,
        }
    }

    fn find(&self, path: &[Seg]) -> Option<&Node> {
        path.iter().try_fold(self, |node, seg| node.child(seg))
    }

    fn locate_inner(&self, path: &[Seg]) -> Range<usize> {
        let mut node = self;
        for seg in path {
            match node.child(seg) {
                Some(c) => node = c,
                None => break,
            }
        }
        node.unwrap_some().span.clone()
    }

    /// The innermost struct or list whose closing bracket is the byte at `at`,
    /// e.g. to point at `Step(` rather than at its `)`.
    pub fn ending_at(&self, at: usize) -> Option<&Node> {
        let children: Vec<&Node> = match &self.kind {
            Kind::Fields(fields) => fields.iter().map(|(_, _, n)| n).collect(),
            Kind::Items(items) => items.iter().collect(),
            Kind::Atom => Vec::new(),
        };
        children
            .into_iter()
            .filter(|c| c.span.start <= at && at < c.span.end)
            .find_map(|c| c.ending_at(at))
            .or_else(|| (!matches!(self.kind, Kind::Atom) && self.span.end == at + 1).then_some(self))
    }

    /// `Some(x)` is transparent to paths, as `implicit_some` makes it optional.
    fn unwrap_some(&self) -> &Node {
        match (&self.name, &self.kind) {
            (Some(n), Kind::Items(items)) if n == "Some" && items.len() == 1 => items[0].unwrap_some(),
            _ => self,
        }
    }
}

/// Whether `src` holds nothing but white space, comments and `#![…]` attributes.
pub fn is_blank(src: &str) -> bool {
    let mut r = Reader { src, pos: 0 };
    r.skip_attributes();
    r.skip_ws();
    r.rest().is_empty()
}

/// The first byte at or after `offset` that is not white space or a comment.
pub fn skip_blank(src: &str, offset: usize) -> usize {
    let mut r = Reader { src, pos: offset.min(src.len()) };
    while !r.src.is_char_boundary(r.pos) {
        r.pos -= 1;
    }
    r.skip_ws();
    r.pos
}

/// Reads the span tree of `src`; `None` when the text is not well-formed RON.
pub fn parse(src: &str) -> Option<Node> {
    let mut r = Reader { src, pos: 0 };
    r.skip_attributes();
    let node = r.value()?;
    r.skip_ws();
    Some(node)
}

struct Reader<'a> {
    src: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_ws(&mut self) {
        loop {
            let rest = self.rest();
            if let Some(c) = rest.chars().next().filter(|c| c.is_whitespace()) {
                self.pos += c.len_utf8();
            } else if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                let mut depth = 0usize;
                while !self.rest().is_empty() {
                    if self.rest().starts_with("/*") {
                        depth += 1;
                        self.pos += 2;
                    } else if self.rest().starts_with("*/") {
                        depth -= 1;
                        self.pos += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        self.bump();
                    }
                }
            } else {
                return;
            }
        }
    }

    fn skip_attributes(&mut self) {
        loop {
            self.skip_ws();
            if !self.rest().starts_with("#![") {
                return;
            }
            match self.rest().find(']') {
                Some(end) => self.pos += end + 1,
                None => return,
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        if self.rest().starts_with("r#") {
            self.pos += 2;
        }
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                self.bump();
            } else {
                break;
            }
        }
        (self.pos > start).then(|| self.src[start..self.pos].trim_start_matches("r#").to_owned())
    }

    fn string(&mut self) -> Option<()> {
        // Raw string r"…" or r#"…"#.
        if self.rest().starts_with('r') {
            self.bump();
            let hashes = self.rest().chars().take_while(|&c| c == '#').count();
            self.pos += hashes;
            if self.bump()? != '"' {
                return None;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let end = self.rest().find(&close)?;
            self.pos += end + close.len();
            return Some(());
        }
        let quote = self.bump()?;
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                c if c == quote => return Some(()),
                _ => {}
            }
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_ws();
        let start = self.pos;
        let c = self.peek()?;
        if c == '"' || c == '\'' || (c == 'r' && matches!(self.rest()[1..].chars().next(), Some('"' | '#'))) {
            self.string()?;
            return Some(Node { span: start..self.pos, name: None, kind: Kind::Atom });
        }
        if c == '[' {
            self.bump();
            let items = self.items(']')?;
            return Some(Node { span: start..self.pos, name: None, kind: Kind::Items(items) });
        }
        if c == '{' {
            self.bump();
            let mut items = Vec::new();
            loop {
                self.skip_ws();
                if self.peek()? == '}' {
                    self.bump();
                    break;
                }
                let key = self.value()?;
                self.skip_ws();
                if self.bump()? != ':' {
                    return None;
                }
                items.push(key);
                items.push(self.value()?);
                self.skip_ws();
                if self.peek() == Some(',') {
                    self.bump();
                }
            }
            return Some(Node { span: start..self.pos, name: None, kind: Kind::Items(items) });
        }
        if c == '(' {
            return self.group(start, None);
        }
        if c.is_alphabetic() || c == '_' {
            let name = self.ident()?;
            let after_name = self.pos;
            self.skip_ws();
            if self.peek() == Some('(') {
                return self.group(start, Some(name));
            }
            self.pos = after_name;
            return Some(Node { span: start..self.pos, name: Some(name), kind: Kind::Atom });
        }
        // Numbers and anything else up to a delimiter.
        while let Some(c) = self.peek() {
            if c.is_whitespace() || matches!(c, ',' | ')' | ']' | '}' | ':') {
                break;
            }
            self.bump();
        }
        (self.pos > start).then_some(Node { span: start..self.pos, name: None, kind: Kind::Atom })
    }

    /// `( … )` after an optional name: fields if it starts with `ident:`, else items.
    fn group(&mut self, start: usize, name: Option<String>) -> Option<Node> {
        self.bump(); // (
        self.skip_ws();
        let save = self.pos;
        let is_fields = match self.ident() {
            Some(_) => {
                self.skip_ws();
                self.peek() == Some(':')
            }
            None => false,
        };
        self.pos = save;
        if !is_fields {
            let items = self.items(')')?;
            return Some(Node { span: start..self.pos, name, kind: Kind::Items(items) });
        }
        let mut fields = Vec::new();
        loop {
            self.skip_ws();
            if self.peek()? == ')' {
                self.bump();
                break;
            }
            let key_start = self.pos;
            let key = self.ident()?;
            let key_span = key_start..self.pos;
            self.skip_ws();
            if self.bump()? != ':' {
                return None;
            }
            let value = self.value()?;
            fields.push((key, key_span, value));
            self.skip_ws();
            match self.peek()? {
                ',' => {
                    self.bump();
                }
                ')' => {}
                _ => return None,
            }
        }
        Some(Node { span: start..self.pos, name, kind: Kind::Fields(fields) })
    }

    fn items(&mut self, close: char) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.peek()? == close {
                self.bump();
                return Some(items);
            }
            items.push(self.value()?);
            self.skip_ws();
            match self.peek()? {
                ',' => {
                    self.bump();
                }
                c if c == close => {}
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"#![enable(implicit_some)]
// a comment
Scenario(
    id: "x", /* block */
    steps: [
        Step(id: "a", action: Tap("btn")),
        Step(id: "b", action: Enter(field: "code", value: Some("123"))),
    ],
)"#;

    fn text(src: &str, span: Range<usize>) -> &str {
        &src[span]
    }

    #[test]
    fn locates_nested_values() {
        let tree = parse(SRC).expect("well-formed");
        let steps = Path::root().field("steps");
        assert_eq!(text(SRC, tree.locate(&Path::root().field("id"))), "\"x\"");
        assert_eq!(text(SRC, tree.locate(&steps.index(0).field("action"))), "Tap(\"btn\")");
        assert_eq!(text(SRC, tree.locate(&steps.index(0).field("action").index(0))), "\"btn\"");
        let value = steps.index(1).field("action").field("value");
        assert_eq!(text(SRC, tree.locate(&value)), "\"123\"");
        assert_eq!(text(SRC, tree.locate_key(&steps.index(1).field("id")).unwrap()), "id");
    }

    #[test]
    fn missing_parts_fall_back_to_the_deepest_existing_value() {
        let tree = parse(SRC).expect("well-formed");
        let span = tree.locate(&Path::root().field("steps").index(1).field("hints"));
        assert!(text(SRC, span).starts_with("Step(id: \"b\""));
    }

    #[test]
    fn finds_the_struct_a_closing_bracket_belongs_to() {
        let tree = parse(SRC).expect("well-formed");
        let close = SRC.find("))").unwrap() + 1; // the `)` closing the first Step
        let node = tree.ending_at(close).expect("found");
        assert!(text(SRC, node.span.clone()).starts_with("Step(id: \"a\""));
        assert!(is_blank("// only a comment\n#![enable(implicit_some)]\n  "));
        assert!(!is_blank("// c\n()"));
        assert_eq!(skip_blank("a  /* x */ b", 1), 11);
    }

    #[test]
    fn broken_text_gives_none_without_panicking() {
        assert!(parse("Scenario(id: \"x\", steps: [").is_none());
        assert!(parse("(\"unterminated").is_none());
        assert!(parse("").is_none());
    }
}

//! The words and the voice agree with the code: every message id the code or a
//! scenario uses exists in every language, no language has ids nobody uses,
//! callers give each message the variables it reads, and every spoken line has
//! a clip made from its current text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use kuayue::diagnostic::Code;
use kuayue::i18n::Catalog;
use kuayue::scenario::check::referenced_messages;
use kuayue::scenario::load_file;
use kuayue::scenario::project::Project;
use kuayue::voice::{self, ClipState, Manifest};

use crate::common::{repo, shipped};

/// The app's own message files (compiled in); the rest under locales/ belong to scenarios.
const APP_FILES: &[&str] = &["app.ftl", "checker.ftl", "progress.ftl"];

/// Message id → the variables it reads, for one file.
fn messages(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let src = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(src.as_str()).unwrap_or_else(|(_, e)| panic!("{path:?}: {e:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    out.insert(id.name.to_owned());
                }
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        out.insert(id.name.to_owned());
                    }
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
                _ => {}
            }
        }
    }
}

fn locale_files(tag: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(repo().join("locales").join(tag)).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn is_app_file(path: &Path) -> bool {
    APP_FILES.iter().any(|f| path.ends_with(f))
}

/// The app's messages in one language: id → variables.
fn app_messages(tag: &str) -> BTreeMap<String, BTreeSet<String>> {
    locale_files(tag).iter().filter(|p| is_app_file(p)).flat_map(|p| messages(p)).collect()
}

/// Every string literal in the Rust sources, with the text around it: a few
/// lines before (where arguments are often gathered) to the end of the statement.
fn literals() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![repo().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let bytes = src.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'"' && (i == 0 || bytes[i - 1] != b'\'') {
                    let start = i + 1;
                    let mut j = start;
                    while j < bytes.len() && bytes[j] != b'"' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    let end = j.min(bytes.len());
                    let tail_end = src[end..].find(';').map_or(src.len(), |k| end + k);
                    let around = src.floor_char_boundary(start.saturating_sub(400));
                    let shown = path.strip_prefix(repo()).unwrap().display().to_string();
                    out.push((src[start..end].to_owned(), src[around..tail_end].to_owned(), shown));
                    i = end + 1;
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// Ids written with a placeholder, e.g. `settings-volume-{volume}`, as prefixes.
fn dynamic_prefixes(literals: &[(String, String, String)]) -> Vec<String> {
    literals
        .iter()
        .filter_map(|(lit, _, _)| lit.split_once('{').map(|(prefix, _)| prefix.to_owned()))
        .filter(|p| p.len() > 3 && p.ends_with('-'))
        .collect()
}

/// `ky0105`, `ky0105-help`, `ky0105-help-suggest` belong to a diagnostic code.
fn is_code_message(id: &str) -> bool {
    let number = id.strip_prefix("ky").map(|rest| rest.split('-').next().unwrap_or(""));
    number.and_then(|n| n.parse::<u16>().ok()).is_some_and(|n| Code::ALL.iter().any(|c| c.number() == n))
}

#[test]
fn every_language_has_the_same_app_messages_and_each_is_used() {
    let zh = app_messages("zh-CN");
    let en = app_messages("en-US");
    let zh_ids: BTreeSet<_> = zh.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(zh_ids, en_ids, "zh-CN and en-US define different app messages");
    for (id, vars) in &zh {
        assert_eq!(vars, &en[id], "`{id}` reads different variables in zh-CN and en-US");
    }
    let literals = literals();
    let used: BTreeSet<&str> = literals.iter().map(|(l, _, _)| l.as_str()).collect();
    let prefixes = dynamic_prefixes(&literals);
    let unused: Vec<&String> = zh
        .keys()
        .filter(|id| {
            !used.contains(id.as_str()) && !is_code_message(id) && !prefixes.iter().any(|p| id.starts_with(p.as_str()))
        })
        .collect();
    assert!(unused.is_empty(), "messages nobody uses: {unused:?}");
    for code in Code::ALL {
        let id = format!("ky{:04}", code.number());
        assert!(zh.contains_key(&id) && zh.contains_key(&format!("{id}-help")), "{code:?} has no words");
    }
}

#[test]
fn every_message_id_in_the_code_exists_and_gets_its_variables() {
    let zh = app_messages("zh-CN");
    // A literal that looks like one of our message ids (same first word, kebab-case) must be one.
    let families: BTreeSet<&str> = zh.keys().filter_map(|id| id.split('-').next()).collect();
    let looks_like_id = |s: &str| {
        s.contains('-')
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && s.split('-').next().is_some_and(|first| families.contains(first))
    };
    // Keys of stored settings and file names share the look but are not messages.
    let not_messages = |file: &str| file.ends_with("settings.rs") || file.ends_with("store.rs");
    let mut problems = Vec::new();
    for (lit, tail, file) in literals() {
        if !looks_like_id(&lit) || not_messages(&file) {
            continue;
        }
        let Some(vars) = zh.get(&lit) else {
            problems.push(format!("{file}: `{lit}` is not in locales/*/app|checker|progress.ftl"));
            continue;
        };
        // Messages given no arguments are fine when they read none; otherwise
        // each variable must be named in the same statement.
        for var in vars {
            if !tail.contains(&format!("\"{var}\"")) {
                problems.push(format!("{file}: `{lit}` reads ${var}, which this call does not give"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn scenario_messages_exist_everywhere_are_all_used_and_read_no_variables() {
    let mut referenced = BTreeSet::new();
    for id in shipped() {
        let loaded = load_file(&repo().join("scenarios").join(format!("{id}.ron"))).unwrap();
        referenced.extend(referenced_messages(&loaded));
    }
    for tag in ["zh-CN", "en-US"] {
        let defined: BTreeMap<String, BTreeSet<String>> =
            locale_files(tag).iter().filter(|p| !is_app_file(p)).flat_map(|p| messages(p)).collect();
        let missing: Vec<_> = referenced.iter().filter(|id| !defined.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        let unused: Vec<_> = defined.keys().filter(|id| !referenced.contains(*id)).collect();
        assert!(unused.is_empty(), "{tag} has messages no scenario uses: {unused:?}");
        // The app shows scenario lines without arguments.
        let with_vars: Vec<_> = defined.iter().filter(|(_, v)| !v.is_empty()).map(|(id, _)| id).collect();
        assert!(with_vars.is_empty(), "{tag}: scenario messages cannot read variables: {with_vars:?}");
    }
}

#[test]
fn every_spoken_line_has_a_clip_made_from_its_current_words() {
    let project = Project::at(repo());
    let (catalog, problems) = Catalog::load(&project.locales_dir());
    assert!(problems.is_empty());
    let scenarios: Vec<_> =
        shipped().iter().map(|id| load_file(&repo().join(format!("scenarios/{id}.ron"))).unwrap().scenario).collect();
    let lines = voice::lines(&scenarios.iter().collect::<Vec<_>>(), &catalog);
    for tag in ["zh-CN", "en-US"] {
        let count = lines.iter().filter(|l| l.locale == tag).count();
        assert!(count > 200, "{tag}: only {count} spoken lines found");
        for app_line in voice::APP_LINES {
            assert!(lines.iter().any(|l| l.locale == tag && l.id == *app_line), "{tag} does not speak {app_line}");
        }
    }
    let mut manifests = BTreeMap::new();
    let mut problems = Vec::new();
    for line in &lines {
        let folder = project.voice_dir().join(&line.locale);
        let manifest = manifests.entry(line.locale.clone()).or_insert_with(|| Manifest::load(&folder).unwrap());
        let state = manifest.state(&line.id, &line.text, &project.clip(&line.locale, &line.id));
        if !matches!(state, ClipState::Fresh | ClipState::Recorded) {
            problems.push(format!("{}/{}: {state:?}", line.locale, line.id));
        }
    }
    assert!(problems.is_empty(), "run `kuayue voice`:\n{}", problems.join("\n"));
    // Every generated clip is a real Ogg file.
    for line in &lines {
        let bytes = std::fs::read(project.clip(&line.locale, &line.id)).unwrap();
        assert!(bytes.starts_with(b"OggS") && bytes.len() > 2_000, "{}/{} is not an Ogg clip", line.locale, line.id);
    }
}

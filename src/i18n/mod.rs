//! Fluent text: the app's and checker's own messages (compiled in), and the
//! scenario message files under `locales/<lang>/*.ftl` (read from disk).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{Code, Diagnostic};

/// A language kuayue speaks. zh-CN (the default) and en-US are built in; any
/// other is a folder `locales/<tag>/` that holds the app's own message files
/// (`app.ftl`, `checker.ftl`, `progress.ftl`) next to the scenarios' — adding a
/// language needs no change to the program.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(u16);

/// Every language met so far: its tag, and for a language from disk, its folder.
static LANGS: std::sync::Mutex<Vec<(&'static str, Option<PathBuf>)>> = std::sync::Mutex::new(Vec::new());

fn langs() -> std::sync::MutexGuard<'static, Vec<(&'static str, Option<PathBuf>)>> {
    let mut langs = LANGS.lock().unwrap_or_else(|e| e.into_inner());
    if langs.is_empty() {
        langs.extend([("zh-CN", None), ("en-US", None)]);
    }
    langs
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.tag())
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::ZhCn
    }
}

#[allow(non_upper_case_globals)]
impl Lang {
    pub const ZhCn: Lang = Lang(0);
    pub const EnUs: Lang = Lang(1);
    /// The languages built into the program.
    pub const ALL: &'static [Lang] = &[Lang::ZhCn, Lang::EnUs];

    /// The BCP 47 tag, also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        langs().get(usize::from(self.0)).map_or("zh-CN", |(tag, _)| tag)
    }

    /// Reads `zh-CN`, `zh`, `en`, `en_US.UTF-8` and the like, and the tag of a
    /// language already found in a project's folders (no folder is read here).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::built_in(tag).or_else(|| {
            let langs = langs();
            let i = langs.iter().position(|(t, _)| t.eq_ignore_ascii_case(tag))?;
            Some(Lang(u16::try_from(i).ok()?))
        })
    }

    /// Like [`Lang::from_tag`], looking for language folders in `locales`.
    pub fn find(tag: &str, locales: &Path) -> Option<Lang> {
        if let Some(lang) = Lang::built_in(tag) {
            return Some(lang);
        }
        // `fr_FR.UTF-8` → `fr-FR`; a folder by that name (or the bare language) with the app's words.
        let wanted = tag.split('.').next().unwrap_or(tag).replace('_', "-");
        let matches = |name: &str| {
            name.eq_ignore_ascii_case(&wanted)
                || name.split('-').next().is_some_and(|l| l.eq_ignore_ascii_case(&wanted))
        };
        let dir =
            language_dirs(locales).into_iter().find(|d| d.file_name().and_then(|n| n.to_str()).is_some_and(matches))?;
        Lang::register(&dir)
    }

    /// zh-CN for any Chinese tag, en-US for any English one.
    fn built_in(tag: &str) -> Option<Lang> {
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if lower.starts_with("en") {
            Some(Lang::EnUs)
        } else {
            None
        }
    }

    /// The language of a folder with the app's words, the same each time it is met.
    fn register(dir: &Path) -> Option<Lang> {
        let name = dir.file_name()?.to_str()?.to_owned();
        let mut langs = langs();
        if let Some(i) = langs.iter().position(|(t, _)| *t == name) {
            return Some(Lang(u16::try_from(i).ok()?));
        }
        langs.push((Box::leak(name.into_boxed_str()), Some(dir.to_path_buf())));
        Some(Lang(u16::try_from(langs.len() - 1).ok()?))
    }

    /// The built-in languages and every folder in `locales` with the app's words, by tag.
    pub fn available(locales: &Path) -> Vec<Lang> {
        let mut found: Vec<Lang> = Lang::ALL.to_vec();
        for dir in language_dirs(locales) {
            let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if let Some(lang) = Lang::built_in(name).or_else(|| Lang::register(&dir)).filter(|l| !found.contains(l)) {
                found.push(lang);
            }
        }
        found
    }

    /// The language to use when none is forced: `KUAYUE_LANG`, then the
    /// system's `LC_ALL`/`LC_MESSAGES`/`LANG` (built in, or a folder in the project's
    /// `locales` when there is a project), else Chinese.
    pub fn from_env(locales: Option<&Path>) -> Lang {
        ["KUAYUE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find_map(|value| match locales {
                Some(dir) => Lang::find(&value, dir),
                None => Lang::from_tag(&value),
            })
            .unwrap_or_default()
    }

    fn embedded_sources(self) -> &'static [&'static str] {
        match self {
            Lang::ZhCn => &[
                include_str!("../../locales/zh-CN/app.ftl"),
                include_str!("../../locales/zh-CN/checker.ftl"),
                include_str!("../../locales/zh-CN/progress.ftl"),
            ],
            _ => &[
                include_str!("../../locales/en-US/app.ftl"),
                include_str!("../../locales/en-US/checker.ftl"),
                include_str!("../../locales/en-US/progress.ftl"),
            ],
        }
    }

    /// The app's own message files of a language from disk (none for built-in ones).
    fn files_on_disk(self) -> Vec<PathBuf> {
        let dir = langs().get(usize::from(self.0)).and_then(|(_, dir)| dir.clone());
        let names = ["app.ftl", "checker.ftl", "progress.ftl"];
        dir.map(|d| names.iter().map(|n| d.join(n)).collect()).unwrap_or_default()
    }
}

/// The folders in `locales` that hold the app's own words (an `app.ftl`), sorted.
fn language_dirs(locales: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = read_dir_sorted(locales);
    dirs.retain(|d| d.join("app.ftl").is_file());
    dirs
}

fn new_bundle(tag: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: they show up as boxes in terminals.
    bundle.set_use_isolating(false);
    bundle
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &BTreeMap<String, String>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(k.as_str(), v.as_str());
    }
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned())
}

/// The app's and the checker's own messages, compiled into the binary.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    /// The app's words in `lang`: compiled in for zh-CN and en-US; for a language
    /// from a folder, its files over English (so an untranslated line shows in English).
    pub fn embedded(lang: Lang) -> Messages {
        let mut bundle = new_bundle(lang.tag());
        let on_disk: Vec<String> = lang
            .files_on_disk()
            .iter()
            .filter_map(|f| crate::text::decode(&std::fs::read(f).ok()?).ok())
            .map(|(t, _)| t)
            .collect();
        let sources = lang.embedded_sources().iter().map(|s| (*s).to_owned()).chain(on_disk);
        for src in sources {
            // Ours are tested; a broken file still loads what parses (kuayue check reports it).
            // (fluent-syntax panics on some broken escapes; they are taken out first.)
            let src = crate::diagnostic::ftl::defuse(&src, &crate::diagnostic::ftl::unsafe_escapes(&src));
            let resource = FluentResource::try_new(src).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        Messages { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The formatted message, or the id itself so nothing is ever blank.
    pub fn get(&self, id: &str, args: &BTreeMap<String, String>) -> String {
        format(&self.bundle, id, args).unwrap_or_else(|| id.to_owned())
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.get(id, &BTreeMap::new())
    }
}

/// Where a message is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub file: PathBuf,
    pub line: usize,
}

/// One language's message files read from disk.
pub struct Locale {
    pub tag: String,
    pub definitions: HashMap<String, Definition>,
    bundle: FluentBundle<FluentResource>,
}

impl Locale {
    /// A language with no messages yet.
    pub fn new(tag: &str) -> Locale {
        Locale { tag: tag.to_owned(), definitions: HashMap::new(), bundle: new_bundle(tag) }
    }

    /// Adds one message file's text (already decoded) as [`Catalog::load`] reads it:
    /// a broken file keeps what parsed, and each syntax error becomes a diagnostic.
    pub fn add_ftl(&mut self, file: &Path, src: &str, diagnostics: &mut Vec<Diagnostic>) {
        let shown = file.display().to_string();
        // fluent-syntax 0.12 panics on some broken escapes: say so, and parse without them.
        let escapes = crate::diagnostic::ftl::unsafe_escapes(src);
        let defused;
        let src = if escapes.is_empty() {
            src
        } else {
            diagnostics.extend(escapes.iter().map(|&at| crate::diagnostic::ftl::bad_escape(src, &shown, at)));
            defused = crate::diagnostic::ftl::defuse(src, &escapes);
            &defused
        };
        let resource = match FluentResource::try_new(src.to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    diagnostics.push(crate::diagnostic::ftl::locale_syntax(src, &shown, &e));
                }
                r
            }
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                let line = definition_line(src, &id);
                self.definitions.insert(id, Definition { file: file.to_owned(), line });
            }
        }
        self.bundle.add_resource_overriding(resource);
    }

    pub fn has(&self, id: &str) -> bool {
        self.definitions.contains_key(id)
    }

    pub fn get(&self, id: &str, args: &BTreeMap<String, String>) -> Option<String> {
        format(&self.bundle, id, args)
    }
}

/// Every language found under a `locales/` folder.
pub struct Catalog {
    pub dir: PathBuf,
    pub locales: Vec<Locale>,
}

impl Catalog {
    /// Reads every `locales/<tag>/*.ftl`. Broken files are reported, never fatal:
    /// the messages that did parse are kept.
    pub fn load(dir: &Path) -> (Catalog, Vec<Diagnostic>) {
        Catalog::load_dirs(std::slice::from_ref(&dir.to_path_buf()))
    }

    /// [`Catalog::load`] over several `locales/` folders (an installed copy's, then
    /// the centre's own): a language's files from all of them make one language, so a
    /// message defined in two places is reported like one defined twice in a folder.
    pub fn load_dirs(dirs: &[PathBuf]) -> (Catalog, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut locales: Vec<Locale> = Vec::new();
        for dir in dirs {
            let mut tags: Vec<PathBuf> = read_dir_sorted(dir).into_iter().filter(|p| p.is_dir()).collect();
            tags.sort();
            for tag_dir in tags {
                let tag = tag_dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
                let at = match locales.iter().position(|l| l.tag == tag) {
                    Some(at) => at,
                    None => {
                        locales.push(Locale::new(&tag));
                        locales.len() - 1
                    }
                };
                let locale = &mut locales[at];
                for file in read_dir_sorted(&tag_dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                {
                    let shown = file.display().to_string();
                    let src = match std::fs::read(&file) {
                        Ok(bytes) => match crate::text::decode(&bytes) {
                            Ok((src, encoding)) => {
                                if encoding.is_utf16() {
                                    diagnostics.push(Diagnostic::new(Code::SavedAsUtf16, shown.clone()));
                                }
                                src
                            }
                            Err(_) => {
                                diagnostics.push(Diagnostic::new(Code::NotText, shown));
                                continue;
                            }
                        },
                        Err(e) => {
                            diagnostics.push(Diagnostic::new(Code::Unreadable, shown).arg("reason", e.to_string()));
                            continue;
                        }
                    };
                    locale.add_ftl(&file, &src, &mut diagnostics);
                }
            }
        }
        (Catalog { dir: dirs.first().cloned().unwrap_or_default(), locales }, diagnostics)
    }

    pub fn locale(&self, tag: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.tag == tag)
    }
}

fn definition_line(src: &str, id: &str) -> usize {
    src.lines()
        .position(|l| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map_or(1, |i| i + 1)
}

fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    entries.sort();
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_message_files_parse_cleanly() {
        for lang in Lang::ALL {
            for src in lang.embedded_sources() {
                if let Err((_, errors)) = FluentResource::try_new((*src).to_owned()) {
                    panic!("{lang:?}: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn language_tags_and_environment_names_are_understood() {
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::EnUs));
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("de-DE"), None, "no such language found yet");
    }

    #[test]
    fn a_language_is_added_by_a_folder_and_falls_back_to_english_line_by_line() {
        let dir = std::env::temp_dir().join(format!("kuayue-lang-{}", std::process::id()));
        let fr = dir.join("fr-FR");
        std::fs::create_dir_all(&fr).unwrap();
        std::fs::create_dir_all(dir.join("de-DE")).unwrap(); // scenario words only: not a language of the app
        std::fs::write(fr.join("app.ftl"), "app-yes = Oui\nlanguage-name = Français\n").unwrap();
        let lang = Lang::find("fr_FR.UTF-8", &dir).expect("found by its folder");
        assert_eq!(lang.tag(), "fr-FR");
        assert_eq!(Lang::find("fr", &dir), Some(lang), "the same language each time");
        assert_eq!(Lang::find("de-DE", &dir), None);
        assert_eq!(Lang::available(&dir), [Lang::ZhCn, Lang::EnUs, lang]);
        let msg = Messages::embedded(lang);
        assert_eq!(msg.text("app-yes"), "Oui");
        assert_eq!(msg.text("language-name"), "Français");
        assert_eq!(msg.text("app-no"), Messages::embedded(Lang::EnUs).text("app-no"), "untranslated: English");
        assert_eq!(format!("{lang:?}"), "Lang(fr-FR)");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn messages_fill_in_arguments_without_isolation_marks() {
        let msg = Messages::embedded(Lang::EnUs);
        let args = BTreeMap::from([("found".to_owned(), "promt".to_owned()), ("suggestion".to_owned(), String::new())]);
        let text = msg.get("ky0002", &args);
        assert!(text.contains("promt"), "{text}");
        assert!(!text.contains('\u{2068}'));
        assert_eq!(msg.get("unknown.message", &args), "unknown.message");
    }

    #[test]
    fn catalog_reports_broken_files_and_keeps_what_parses() {
        let dir = std::env::temp_dir().join(format!("kuayue-i18n-{}", std::process::id()));
        let zh = dir.join("zh-CN");
        std::fs::create_dir_all(&zh).unwrap();
        std::fs::write(zh.join("a.ftl"), "good = 好\nthis line has no equals sign\nalso-good = 也好\n").unwrap();
        let (catalog, diagnostics) = Catalog::load(&dir);
        let locale = catalog.locale("zh-CN").expect("zh-CN read");
        assert!(locale.has("good") && locale.has("also-good"));
        assert_eq!(locale.definitions["also-good"].line, 3);
        assert_eq!(locale.get("good", &BTreeMap::new()).as_deref(), Some("好"));
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::LocaleSyntax);
        assert_eq!(diagnostics[0].line_col().map(|l| l.0), Some(2));
        std::fs::remove_dir_all(&dir).ok();
    }
}

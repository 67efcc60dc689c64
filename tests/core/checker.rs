//! The checker: every broken file in the corpus reports its code at its place;
//! the seed scenarios and the good fixture check clean.

use std::collections::BTreeSet;
use std::path::Path;

use kuayue::diagnostic::{Code, Severity};
use kuayue::scenario::load_str;
use kuayue::voice::manifest::{Entry, Maker, Manifest, text_hash};
use proptest::prelude::*;

use crate::common::*;

/// A header line of a corpus file without its comment mark (`// ` in .ron, `# ` in .ftl).
fn header(line: &str) -> Option<&str> {
    line.strip_prefix("// ").or_else(|| line.strip_prefix("# "))
}

/// Reads `// expect: KY0002 at 12:9` (or `at -`) from a corpus file's first line.
fn expectation(path: &Path) -> (String, Option<(usize, usize)>) {
    let bytes = std::fs::read(path).unwrap();
    let first = String::from_utf8_lossy(&bytes).lines().next().unwrap_or_default().to_owned();
    let rest = header(&first)
        .and_then(|h| h.strip_prefix("expect: "))
        .unwrap_or_else(|| panic!("{} has no expect header", path.display()));
    let (code, at) = rest.split_once(" at ").expect("CODE at LINE:COL");
    let at = at.split_once(':').map(|(l, c)| (l.parse().unwrap(), c.parse().unwrap()));
    (code.to_owned(), at)
}

/// Reads the `// says zh-CN: …` and `// fix en-US: …` lines after the expect header:
/// (language, "says" or "fix", words the message or the fix must contain).
fn words(path: &Path) -> Vec<(String, String, String)> {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let Some(rest) = header(line) else { break };
        let Some((what, rest)) = rest.split_once(' ').filter(|(w, _)| ["says", "fix"].contains(w)) else { break };
        let (lang, said) = rest.split_once(": ").expect("// fix LANG: words");
        out.push((lang.to_owned(), what.to_owned(), said.to_owned()));
    }
    out
}

/// Whether `d` says `said` in `lang`, in its message ("says") or its fix ("fix").
fn says(d: &kuayue::diagnostic::Diagnostic, lang: &str, what: &str, said: &str) -> Result<(), String> {
    let msg = kuayue::i18n::Messages::embedded(kuayue::i18n::Lang::from_tag(lang).expect("zh-CN or en-US"));
    let text = if what == "says" { d.message(&msg) } else { d.help(&msg) };
    if text.contains(said) { Ok(()) } else { Err(format!("{lang} {what}: `{text}` lacks `{said}`")) }
}

#[test]
fn every_broken_file_reports_its_code_at_its_place() {
    let dir = repo().join("tests/fixtures/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus has only {} files", files.len());
    let mut codes = BTreeSet::new();
    for file in &files {
        let (code, at) = expectation(file);
        let diagnostics = check_file(file);
        let found = diagnostics.iter().any(|d| d.code.to_string() == code && (at.is_none() || d.line_col() == at));
        let seen: Vec<String> = diagnostics.iter().map(|d| format!("{}@{:?}", d.code, d.line_col())).collect();
        assert!(found, "{}: expected {code} at {at:?}, got {seen:?}", file.display());
        let d = diagnostics.iter().find(|d| d.code.to_string() == code && (at.is_none() || d.line_col() == at));
        check_words(file, d.unwrap());
        assert!(
            diagnostics.iter().any(|d| d.severity() == Severity::Error) || code.starts_with("KY02"),
            "{} should fail the check",
            file.display()
        );
        codes.insert(code);
    }
    assert!(codes.len() >= 20, "only {} distinct codes covered: {codes:?}", codes.len());
}

/// The file's `says`/`fix` lines hold for `d`, and a file that states a fix states it in both languages.
fn check_words(file: &Path, d: &kuayue::diagnostic::Diagnostic) -> usize {
    let words = words(file);
    for (lang, what, said) in &words {
        if let Err(e) = says(d, lang, what, said) {
            panic!("{}: {e}", file.display());
        }
    }
    let fixes: BTreeSet<&str> = words.iter().filter(|(_, what, _)| what == "fix").map(|(l, _, _)| l.as_str()).collect();
    assert!(
        words.is_empty() || fixes == BTreeSet::from(["en-US", "zh-CN"]),
        "{}: a fix in each language",
        file.display()
    );
    words.len()
}

#[test]
fn bracket_mistakes_are_found_at_the_bracket_and_say_how_to_fix_them() {
    let dir = repo().join("tests/fixtures/broken");
    let mut told = 0;
    let names = [
        "missing_step_close",
        "missing_screen_close",
        "extra_screen_close",
        "wrong_closer",
        "unclosed_at_end",
        "unclosed_on_line",
        "unclosed_before_closer",
        "missing_opener",
        "missing_opener_in_line",
    ];
    for name in names {
        let file = dir.join(format!("ky0001_{name}.ron"));
        let (code, at) = expectation(&file);
        let diagnostics = check_file(&file);
        // One message, about the bracket: not a symptom further on.
        assert_eq!(diagnostics.len(), 1, "{}: {diagnostics:#?}", file.display());
        assert_eq!((diagnostics[0].code.to_string(), diagnostics[0].line_col()), (code, at), "{}", file.display());
        told += check_words(&file, &diagnostics[0]);
    }
    assert!(told >= 4 * names.len(), "each case says what the trainer reads, in both languages");
}

#[test]
fn every_broken_message_file_is_explained_in_the_trainers_language_where_the_fix_goes() {
    let dir = repo().join("tests/fixtures/broken_ftl");
    let mut cases: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 8, "only {} cases", cases.len());
    for case in cases {
        let (catalog, diagnostics) = kuayue::i18n::Catalog::load(&case.join("locales"));
        let lang = catalog.locales.first().map(|l| l.tag.clone()).expect("one language");
        let file = case.join("locales").join(&lang).join("words.ftl");
        let (code, at) = expectation(&file);
        assert_eq!(diagnostics.len(), 1, "{}: {diagnostics:#?}", file.display());
        let d = &diagnostics[0];
        assert_eq!((d.code.to_string(), d.line_col()), (code, at), "{}: {d:#?}", file.display());
        assert!(check_words(&file, d) > 0, "{}: says nothing to check", file.display());
        // The parser's English stays for tools; the trainer reads their own language.
        assert!(d.args["detail"].len() > 3, "{d:#?}");
        let zh = kuayue::i18n::Messages::embedded(kuayue::i18n::Lang::ZhCn);
        let said = d.render(&zh);
        assert!(!said.contains("Expected") && !said.contains(&d.args["detail"]), "{said}");
    }
}

#[test]
fn the_good_fixture_and_the_seed_scenarios_check_without_errors() {
    let mut files = vec![repo().join("tests/fixtures/good/fixture_base.ron")];
    files.extend(shipped().iter().map(|id| repo().join("scenarios").join(format!("{id}.ron"))));
    for file in files {
        let diagnostics = check_file(&file);
        // The fixture has no voice clips; the seeds have every one, made from their current words.
        let is_fixture = file.ends_with("fixture_base.ron");
        let unexpected: Vec<String> = diagnostics
            .iter()
            .filter(|d| !(is_fixture && d.code == Code::MissingClip))
            .map(|d| format!("{:?}", d))
            .collect();
        assert!(unexpected.is_empty(), "{}: {unexpected:#?}", file.display());
    }
}

#[test]
fn shipped_scenarios_have_at_least_ten_steps_and_full_hint_ladders() {
    for id in shipped() {
        let s = seed(&id);
        assert!(s.steps.len() >= 10, "{id} has {} steps", s.steps.len());
        assert!(s.steps.iter().all(|step| step.hints.len() >= 3), "{id}");
    }
    let insurance = seed("medical_insurance_payment");
    assert!(insurance.steps.iter().any(|s| s.trap.is_some()), "the insurance scenario needs its scam trap");
    let hospital = seed("hospital_appointment");
    assert!(hospital.steps.iter().any(|s| !s.branches.is_empty()), "the hospital scenario needs its branch");
}

#[test]
fn a_missing_voice_clip_is_a_warning_that_counts_what_is_missing() {
    let root = std::env::temp_dir().join(format!("kuayue-clips-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["scenarios", "locales/zh-CN", "locales/en-US", "assets/voice/zh-CN"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let fixtures = repo().join("tests/fixtures");
    for lang in ["zh-CN", "en-US"] {
        let file = format!("locales/{lang}/fixture.ftl");
        std::fs::copy(fixtures.join(&file), root.join(&file)).unwrap();
    }
    let text = std::fs::read_to_string(fixtures.join("good/fixture_base.ron")).unwrap();
    std::fs::write(root.join("scenarios/fixture_base.ron"), text).unwrap();
    std::fs::write(root.join("assets/voice/zh-CN/fx-first.ogg"), b"clip").unwrap();
    let diagnostics = check_file(&root.join("scenarios/fixture_base.ron"));
    let clip: Vec<_> =
        diagnostics.iter().filter(|d| d.code == Code::MissingClip && d.args["locale"] == "zh-CN").collect();
    assert_eq!(clip.len(), 1, "{diagnostics:#?}");
    assert_eq!(clip[0].severity(), Severity::Warning);
    // 10 spoken lines (4 prompts, 3 hints, 1 feedback, 2 trap lines), one recorded.
    assert_eq!(clip[0].args["count"], "9");
    assert_ne!(clip[0].args["found"], "fx-first");
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:#?}");
    assert!(diagnostics.iter().all(|d| d.code != Code::StaleClip), "an unlisted clip is a person's recording");

    // The manifest says the clip was made from other words: stale.
    let manifest = Manifest {
        generator: "test".into(),
        clips: [(
            "fx-first".to_owned(),
            Entry { text: text_hash("older words"), clip: text_hash(b"clip"), by: Maker::Generated },
        )]
        .into(),
    };
    manifest.save(&root.join("assets/voice/zh-CN")).unwrap();
    let diagnostics = check_file(&root.join("scenarios/fixture_base.ron"));
    let stale: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::StaleClip).collect();
    assert_eq!(stale.len(), 1, "{diagnostics:#?}");
    assert_eq!((stale[0].args["found"].as_str(), stale[0].args["count"].as_str()), ("fx-first", "1"));
    assert_eq!(stale[0].severity(), Severity::Warning);
    // A damaged list is a warning too, never a crash.
    std::fs::write(root.join("assets/voice/zh-CN/manifest.json"), "{{{").unwrap();
    let diagnostics = check_file(&root.join("scenarios/fixture_base.ron"));
    assert!(diagnostics.iter().any(|d| d.code == Code::BrokenManifest), "{diagnostics:#?}");
    std::fs::remove_dir_all(&root).ok();
}

/// A new project folder (`kuayue-<name>-<pid>` in the temporary folder) with the fixture's
/// words in both languages and an empty `scenarios/`.
fn project_with_fixture_words(name: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("kuayue-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for lang in ["zh-CN", "en-US"] {
        std::fs::create_dir_all(root.join("locales").join(lang)).unwrap();
        let file = format!("locales/{lang}/fixture.ftl");
        std::fs::copy(repo().join("tests/fixtures").join(&file), root.join(&file)).unwrap();
    }
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    root
}

/// Writes `text` as the project's fixture scenario and checks it: its problems, and the line
/// (from 1) of the first line of `text` that holds `marker`.
fn written_and_checked(root: &Path, text: &str, marker: &str) -> (Vec<kuayue::diagnostic::Diagnostic>, usize) {
    std::fs::write(root.join("scenarios/fixture_base.ron"), text).unwrap();
    let diagnostics = check_file(&root.join("scenarios/fixture_base.ron"));
    let line = text.lines().position(|l| l.contains(marker)).unwrap() + 1;
    (diagnostics, line)
}

#[test]
fn a_message_missing_in_one_language_names_that_language() {
    let root = project_with_fixture_words("locale");
    let words = root.join("locales/en-US/fixture.ftl");
    let text = std::fs::read_to_string(&words).unwrap();
    std::fs::write(&words, text.replace("fx-third = Third\n", "")).unwrap();
    let text = std::fs::read_to_string(repo().join("tests/fixtures/good/fixture_base.ron")).unwrap();
    std::fs::write(root.join("scenarios/fixture_base.ron"), &text).unwrap();
    let diagnostics = check_file(&root.join("scenarios/fixture_base.ron"));
    let missing: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::MissingMessage).collect();
    assert_eq!(missing.len(), 1, "{diagnostics:#?}");
    assert_eq!(missing[0].args["locale"], "en-US");
    assert_eq!(missing[0].args["found"], "fx-third");
    let line = text.lines().position(|l| l.contains("\"fx-third\"")).unwrap() + 1;
    assert_eq!(missing[0].line_col().map(|(l, _)| l), Some(line));
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn words_a_station_shows_are_checked_and_only_a_queue_screen_shows_them() {
    let root = project_with_fixture_words("shows");
    let base = std::fs::read_to_string(repo().join("tests/fixtures/good/fixture_base.ron")).unwrap();
    let kiosk = r#"Station(id: "kiosk", kind: Kiosk, label: "fx-kiosk", position: (1.0, 0.0, -2.0)),"#;
    assert!(base.contains(kiosk));
    let check = |station: &str| {
        written_and_checked(&root, &base.replace(kiosk, &format!("{kiosk}\n        {station}")), "shows:")
    };
    // On a queue screen, with words in every language: nothing to say.
    let (diagnostics, _) = check(
        r#"Station(id: "board", kind: QueueScreen, label: "fx-kiosk", position: (0.0, 2.2, -4.0), shows: "fx-third"),"#,
    );
    assert!(diagnostics.iter().all(|d| d.code != Code::ShowsNothing && !d.is_error()), "{diagnostics:#?}");
    // Words that do not exist: an error, where `shows` is written.
    let (diagnostics, line) = check(
        r#"Station(id: "board", kind: QueueScreen, label: "fx-kiosk", position: (0.0, 2.2, -4.0), shows: "fx-thrid"),"#,
    );
    let missing: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::MissingMessage).collect();
    assert!(!missing.is_empty() && missing.iter().all(|d| d.args["found"] == "fx-thrid"), "{diagnostics:#?}");
    assert_eq!(missing[0].line_col().map(|(l, _)| l), Some(line));
    // On seats, which have no display: a warning that the words would appear nowhere.
    let (diagnostics, line) = check(
        r#"Station(id: "board", kind: Seats, label: "fx-kiosk", position: (0.0, 0.0, -4.0), shows: "fx-third"),"#,
    );
    let nowhere: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::ShowsNothing).collect();
    assert_eq!(nowhere.len(), 1, "{diagnostics:#?}");
    assert_eq!((nowhere[0].severity(), nowhere[0].args["found"].as_str()), (Severity::Warning, "Seats"));
    assert_eq!(nowhere[0].line_col().map(|(l, _)| l), Some(line));
    std::fs::remove_dir_all(&root).ok();
}

/// A step that changes what a display shows: its station must be there and have a display,
/// and its words are checked like every message, each problem where it is written.
#[test]
fn a_steps_shows_names_a_station_with_a_display_and_words_that_exist() {
    let root = project_with_fixture_words("step-shows");
    let base = std::fs::read_to_string(repo().join("tests/fixtures/good/fixture_base.ron")).unwrap();
    let kiosk = r#"Station(id: "kiosk", kind: Kiosk, label: "fx-kiosk", position: (1.0, 0.0, -2.0)),"#;
    let board = r#"Station(id: "board", kind: QueueScreen, label: "fx-kiosk", position: (0.0, 2.2, -4.0)),"#;
    let second = r#"action: Enter(field: "code", value: "123456"),"#;
    assert!(base.contains(kiosk) && base.contains(second));
    let check = |shown: &str| {
        let text = base
            .replace(kiosk, &format!("{kiosk}\n        {board}"))
            .replace(second, &format!("{second}\n            shows: [{shown}],"));
        written_and_checked(&root, &text, "shows: [")
    };
    let (diagnostics, _) = check(r#"(station: "board", words: "fx-third")"#);
    assert!(diagnostics.iter().all(|d| !d.is_error() && d.code != Code::ShowsNothing), "{diagnostics:#?}");
    let (diagnostics, line) = check(r#"(station: "bored", words: "fx-third")"#);
    let unknown: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::UnknownStation).collect();
    assert_eq!(unknown.len(), 1, "{diagnostics:#?}");
    assert_eq!(unknown[0].args.get("suggestion").map(String::as_str), Some("board"));
    assert_eq!(unknown[0].line_col().map(|(l, _)| l), Some(line));
    let (diagnostics, line) = check(r#"(station: "board", words: "fx-thrid")"#);
    let missing: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::MissingMessage).collect();
    assert!(!missing.is_empty() && missing.iter().all(|d| d.args["found"] == "fx-thrid"), "{diagnostics:#?}");
    assert_eq!(missing[0].line_col().map(|(l, _)| l), Some(line));
    let (diagnostics, line) = check(r#"(station: "kiosk", words: "fx-third")"#);
    let nowhere: Vec<_> = diagnostics.iter().filter(|d| d.code == Code::ShowsNothing).collect();
    assert_eq!(nowhere.len(), 1, "{diagnostics:#?}");
    assert_eq!((nowhere[0].severity(), nowhere[0].args["found"].as_str()), (Severity::Warning, "Kiosk"));
    assert_eq!(nowhere[0].line_col().map(|(l, _)| l), Some(line));
    std::fs::remove_dir_all(&root).ok();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Cutting a scenario anywhere, or changing a character, never panics the loader
    /// and a file that fails always says where.
    #[test]
    fn damaged_scenario_text_never_panics(cut in 0usize..6000, at in 0usize..6000, c in any::<char>()) {
        let text = std::fs::read_to_string(repo().join("scenarios/zheliban_basics.ron")).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let at = at % chars.len();
        chars[at] = c;
        let damaged: String = chars.into_iter().take(cut % text.chars().count()).collect();
        if let Err(d) = load_str(&damaged, "damaged.ron") {
            prop_assert!(d.location.is_some());
        }
    }
}

/// The fenced blocks of one language in a Markdown file.
fn fenced(markdown: &str, lang: &str) -> Vec<String> {
    let open = format!("```{lang}\n");
    markdown.split(&open).skip(1).filter_map(|rest| rest.split_once("```").map(|(block, _)| block.to_owned())).collect()
}

#[test]
fn the_complete_example_in_the_format_guide_checks_clean() {
    let guide = std::fs::read_to_string(repo().join("docs/scenario-format.md")).unwrap();
    let example = fenced(&guide, "ron").into_iter().find(|b| b.contains("Scenario(")).expect("a complete example");
    let words = fenced(&guide, "ftl").into_iter().find(|b| b.contains("ex-title")).expect("its messages");
    let root = std::env::temp_dir().join(format!("kuayue-guide-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::create_dir_all(root.join("locales/zh-CN")).unwrap();
    std::fs::write(root.join("scenarios/example_social_lookup.ron"), example).unwrap();
    // Every language the app offers needs the words (KY0125); the guide says to write en-US too.
    std::fs::write(root.join("locales/zh-CN/example_social_lookup.ftl"), &words).unwrap();
    std::fs::create_dir_all(root.join("locales/en-US")).unwrap();
    std::fs::write(root.join("locales/en-US/example_social_lookup.ftl"), &words).unwrap();
    let diagnostics = check_file(&root.join("scenarios/example_social_lookup.ron"));
    let problems: Vec<_> = diagnostics.iter().filter(|d| d.code != Code::MissingClip).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn the_widget_gallery_the_guides_picture_checks_clean() {
    // docs/img/widgets/ are screenshots of it (tools/widget-pictures.py): it must stay playable.
    let diagnostics = check_file(&repo().join("docs/gallery/scenarios/gallery.ron"));
    let problems: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_format_guide_explains_every_code() {
    let guide = std::fs::read_to_string(repo().join("docs/scenario-format.md")).unwrap();
    for code in Code::ALL {
        assert!(guide.contains(&format!("| {code} |")), "{code} is missing from docs/scenario-format.md");
    }
}

#[test]
fn the_authoring_guide_explains_every_code_in_both_languages() {
    let guide = std::fs::read_to_string(repo().join("docs/authoring.md")).unwrap();
    let (zh, en) = guide.split_once("\n## English").expect("a Chinese and an English part");
    for code in Code::ALL {
        for (part, name) in [(zh, "Chinese"), (en, "English")] {
            let row = part.lines().find(|l| l.starts_with(&format!("| {code} |")));
            let cells = row.map(|r| r.split('|').filter(|c| !c.trim().is_empty()).count());
            assert_eq!(
                cells,
                Some(3),
                "{code}: no row with an example and a fix in the {name} part of docs/authoring.md"
            );
        }
    }
    // Every command the guide tells a trainer to type exists.
    for command in ["kuayue new", "kuayue play", "--step", "--autoplay", "--mistakes", "kuayue check", "kuayue voice"] {
        assert!(zh.contains(command) && en.contains(command), "{command}");
    }
}

/// Bytes of `text` as Windows Notepad saves it.
fn saved_by_notepad(text: &str, how: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    match how {
        "utf8-bom" => [&[0xEF, 0xBB, 0xBF][..], crlf.as_bytes()].concat(),
        "unicode" => [0xFF, 0xFE].into_iter().chain(crlf.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        _ => unreachable!(),
    }
}

#[test]
fn scenarios_and_words_saved_by_windows_notepad_check_as_if_saved_as_utf8() {
    let root = std::env::temp_dir().join(format!("kuayue-notepad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for how in ["utf8-bom", "unicode"] {
        let project = root.join(how);
        for lang in ["zh-CN", "en-US"] {
            std::fs::create_dir_all(project.join("locales").join(lang)).unwrap();
        }
        std::fs::create_dir_all(project.join("scenarios")).unwrap();
        for id in SEEDS {
            let ron = std::fs::read_to_string(repo().join(format!("scenarios/{id}.ron"))).unwrap();
            std::fs::write(project.join(format!("scenarios/{id}.ron")), saved_by_notepad(&ron, how)).unwrap();
            for lang in ["zh-CN", "en-US"] {
                let file = format!("locales/{lang}/{id}.ftl");
                let words = std::fs::read_to_string(repo().join(&file)).unwrap();
                std::fs::write(project.join(&file), saved_by_notepad(&words, how)).unwrap();
            }
        }
        let project = kuayue::scenario::project::Project::at(&project);
        let report = kuayue::scenario::library::check(&project, &[]);
        let problems: Vec<_> = report.all().filter(|d| d.code != Code::MissingClip).collect();
        let utf16 = problems.iter().filter(|d| d.code == Code::SavedAsUtf16).count();
        assert!(problems.iter().all(|d| !d.is_error()), "{how}: {problems:#?}");
        let expected = if how == "unicode" { SEEDS.len() * 3 } else { 0 };
        assert_eq!(utf16, expected, "{how}: one reminder per file saved as Unicode: {problems:#?}");
        assert_eq!(problems.len(), utf16, "{how}: {problems:#?}");
    }
    // A mistake is found at the line and column Notepad shows, whatever the encoding.
    let broken = repo().join("tests/fixtures/broken/ky0002_misspelt_field.ron");
    let (code, at) = expectation(&broken);
    let fixtures = root.join("fixtures");
    std::fs::create_dir_all(fixtures.join("locales")).unwrap();
    let text = std::fs::read_to_string(&broken).unwrap();
    for how in ["utf8-bom", "unicode"] {
        let file = fixtures.join(format!("{how}.ron"));
        std::fs::write(&file, saved_by_notepad(&text, how)).unwrap();
        let diagnostics = check_file(&file);
        assert!(
            diagnostics.iter().any(|d| d.code.to_string() == code && d.line_col() == at),
            "{how}: {diagnostics:#?}"
        );
    }
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn a_file_in_another_encoding_gets_one_message_in_the_trainers_language() {
    let file = repo().join("tests/fixtures/broken/ky0009_not_text.ron");
    let diagnostics = check_file(&file);
    assert_eq!(diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::NotText]);
    let zh = kuayue::i18n::Messages::embedded(kuayue::i18n::Lang::ZhCn);
    let said = diagnostics[0].render(&zh);
    assert!(said.contains("UTF-8") && said.contains("记事本") && !said.contains("not UTF-8"), "{said}");
}

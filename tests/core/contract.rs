//! What `kuayue check` accepts, the app plays: the cases a trainer met where the
//! checker said "all good" and the app went wrong (or the fix it gave misled),
//! and, with the app built, a property test over random scenarios: whatever
//! checks without errors plays to its end by autoplay's rules, with every target
//! drawn where a click reaches it, every text readable as drawn and every caption
//! in words.

use std::path::{Path, PathBuf};

use kuayue::diagnostic::{Code, Diagnostic};
use kuayue::i18n::{Lang, Messages};
use kuayue::scenario::library;
use kuayue::scenario::project::Project;

use crate::common::repo;

/// A copy of the repository's project (scenarios and words) in a fresh folder.
fn copy_project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kuayue-contract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["scenarios", "locales/zh-CN", "locales/en-US"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(repo().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

/// Replaces `from` (which must be there) by `to` in a project file.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Errors and warnings of one scenario of the project (clips aside: none are copied).
fn check(dir: &Path, id: &str) -> Vec<Diagnostic> {
    let project = Project::at(dir);
    let file = dir.join("scenarios").join(format!("{id}.ron"));
    library::check(&project, &[file])
        .all()
        .filter(|d| !matches!(d.code, Code::MissingClip | Code::StaleClip | Code::BrokenManifest))
        .cloned()
        .collect()
}

fn msg(lang: Lang) -> Messages {
    Messages::embedded(lang)
}

/// The line:col where `needle` starts in a project file (1-based, in characters).
fn place(dir: &Path, file: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let at = text.find(needle).unwrap_or_else(|| panic!("{file} has no `{needle}`"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

#[test]
fn a_tap_on_the_learners_own_phone_in_the_room_is_refused_with_what_to_do_instead() {
    // Checked clean before, and autoplay waited 600 s: the room does not draw the phone.
    let dir = copy_project("phone-station");
    let file = "scenarios/hospital_appointment.ron";
    edit(&dir, file, r#"action: Tap("app_zlb")"#, r#"action: TapStation("phone")"#);
    let found = check(&dir, "hospital_appointment");
    let d = found.iter().find(|d| d.code == Code::ActionDoesNotFit).unwrap_or_else(|| panic!("{found:?}"));
    let (line, col) = place(&dir, file, r#"TapStation("phone")"#);
    assert_eq!(d.line_col(), Some((line, col + "TapStation(".len())));
    assert!(d.message(&msg(Lang::ZhCn)).contains("学员手里的手机"), "{}", d.message(&msg(Lang::ZhCn)));
    assert!(d.help(&msg(Lang::ZhCn)).contains("显示手机界面"));
    assert!(d.help(&msg(Lang::EnUs)).contains("show a phone screen"));
}

#[test]
fn colours_are_rated_as_the_app_draws_them() {
    let dir = copy_project("colours");
    let file = "scenarios/hospital_appointment.ron";
    // White text on a dark screen: the app draws the title, status bar and labels light
    // on it too (they were dark on dark), so this is right and checks clean.
    edit(
        &dir,
        file,
        r#"Screen(id: "phone_home", title: "hosp-scr-phone-home","#,
        r##"Screen(id: "phone_home", title: "hosp-scr-phone-home", background: "#101828","##,
    );
    let found = check(&dir, "hospital_appointment");
    assert!(found.iter().all(|d| !d.is_error()), "{found:?}");
    // A middle grey screen: neither dark nor white text reads on it (it checked clean).
    edit(&dir, file, r##"background: "#101828""##, r##"background: "#7B7B7B""##);
    let found = check(&dir, "hospital_appointment");
    let d = found.iter().find(|d| d.code == Code::LowContrast).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(d.line_col(), Some(place(&dir, file, r##""#7B7B7B""##)));
    assert!(d.help(&msg(Lang::ZhCn)).contains("中等灰色"), "{}", d.help(&msg(Lang::ZhCn)));
    assert!(d.help(&msg(Lang::EnUs)).contains("middle grey"));
}

#[test]
fn a_message_missing_in_one_language_is_a_line_to_add_there_not_a_typo() {
    let dir = copy_project("missing-en");
    let ftl = "locales/en-US/hospital_appointment.ftl";
    let text = std::fs::read_to_string(dir.join(ftl)).unwrap();
    let line = text.lines().find(|l| l.starts_with("hosp-open-app-prompt =")).expect("the prompt's line").to_owned();
    std::fs::write(dir.join(ftl), text.replace(&format!("{line}\n"), "")).unwrap();
    let found = check(&dir, "hospital_appointment");
    let d = found
        .iter()
        .find(|d| d.code == Code::MissingMessage && d.args["locale"] == "en-US")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(d.args["found"], "hosp-open-app-prompt");
    assert!(d.args.get("suggestion").is_none_or(String::is_empty), "not a typo: {:?}", d.args);
    let en = d.help(&msg(Lang::EnUs));
    let zh = d.help(&msg(Lang::ZhCn));
    assert!(en.contains("add this line to") && en.contains("en-US/hospital_appointment.ftl"), "{en}");
    assert!(en.contains("hosp-open-app-prompt = …") && en.contains("zh-CN has"), "{en}");
    assert!(zh.contains("en-US/hospital_appointment.ftl") && zh.contains("请翻译"), "{zh}");
    // A name written nowhere but close to one that is: that is a typo.
    let dir = copy_project("typo");
    edit(&dir, "scenarios/hospital_appointment.ron", r#""hosp-open-app-prompt""#, r#""hosp-open-app-promt""#);
    let found = check(&dir, "hospital_appointment");
    let d = found.iter().find(|d| d.code == Code::MissingMessage).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(d.args["suggestion"], "hosp-open-app-prompt");
}

#[test]
fn letters_for_a_field_typed_on_the_digit_keypad_and_unknown_icons_are_said() {
    let dir = copy_project("keypad");
    let file = "scenarios/zheliban_basics.ron";
    // A text field (typed on the same digit keypad) asked for letters: it could never be typed.
    edit(&dir, file, "kind: Phone, placeholder", "kind: Text, placeholder");
    edit(&dir, file, r#"value: "13900001234""#, r#"value: "Chen""#);
    let found = check(&dir, "zheliban_basics");
    assert!(found.iter().any(|d| d.code == Code::BadValue && d.args["found"] == "Chen"), "{found:?}");
    edit(&dir, file, r#"icon: "search""#, r#"icon: "serach""#);
    let found = check(&dir, "zheliban_basics");
    let d = found.iter().find(|d| d.code == Code::UnknownIcon).unwrap_or_else(|| panic!("{found:?}"));
    assert!(!d.is_error(), "an icon name is a warning: the tile still shows its words");
    assert_eq!(d.args["suggestion"], "search");
}

#[test]
fn a_character_the_font_lacks_is_found_wherever_the_project_is() {
    // The copy has no assets/fonts: the check used to need the font inside the project.
    let dir = copy_project("glyph");
    assert!(!dir.join("assets").exists());
    let ftl = "locales/zh-CN/hospital_appointment.ftl";
    let text = std::fs::read_to_string(dir.join(ftl)).unwrap();
    let line = text.lines().find(|l| l.starts_with("hosp-open-app-prompt =")).unwrap().to_owned();
    std::fs::write(dir.join(ftl), text.replace(&line, &format!("{line}嘟嘟"))).unwrap();
    let found = check(&dir, "hospital_appointment");
    let d = found.iter().find(|d| d.code == Code::MissingGlyph).unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!((d.args["found"].as_str(), d.args["id"].as_str()), ("嘟", "hosp-open-app-prompt"));
}

#[cfg(feature = "app")]
mod plays {
    //! The property: random scenarios over the whole model; those that check
    //! without errors are played by autoplay's rules on the app's own phone drawing
    //! (one egui frame at a time, no window), clicking each target's centre.

    use std::collections::{BTreeMap, BTreeSet};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use bevy_egui::egui;
    use kuayue::app::phone::screen::{PhoneFrame, Typing, draw_phone_frame};
    use kuayue::app::phone::targets::{DrawnTargets, Key};
    use kuayue::app::screens::caption::panels;
    use kuayue::app::theme::{self, Theme};
    use kuayue::app::words::Words;
    use kuayue::glyphs::Glyphs;
    use kuayue::i18n::{Catalog, Lang, Messages};
    use kuayue::scenario::check::{self, Context};
    use kuayue::scenario::*;
    use kuayue::senior::{self, Rgb};
    use kuayue::walkthrough::{Action, Config, Event, Target, Walkthrough};
    use proptest::prelude::*;
    use proptest::test_runner::{Config as RunConfig, TestCaseError, TestRunner};

    const COLOURS: [&str; 7] = ["#1A1A1A", "#FFFFFF", "#AAAAAA", "#1A5096", "#101828", "#7B7B7B", "#FFF3CD"];

    fn colour() -> impl Strategy<Value = Option<String>> {
        prop::option::weighted(0.15, prop::sample::select(&COLOURS[..]).prop_map(str::to_owned))
    }

    fn style() -> impl Strategy<Value = Style> {
        (colour(), colour(), prop::option::weighted(0.2, 22u32..48)).prop_map(|(color, background, text_size)| Style {
            text_size,
            width: None,
            height: None,
            color,
            background,
        })
    }

    /// A widget with placeholder ids and words; [`number`] makes them unique.
    fn widget() -> impl Strategy<Value = Widget> {
        let m = String::new;
        let button = || (style()).prop_map(|style| DialogButton { id: String::new(), text: String::new(), style });
        prop_oneof![
            style().prop_map(move |style| Widget::Text { id: m(), text: m(), style }),
            style().prop_map(move |style| Widget::Button { id: m(), text: m(), style }),
            (any::<bool>(), style()).prop_map(move |(d, style)| Widget::ListItem {
                id: m(),
                text: m(),
                detail: d.then(m),
                style
            }),
            (1usize..6, prop::option::of(prop::sample::select(ICONS)), style()).prop_map(move |(n, icon, style)| {
                let items = (0..n).map(|_| GridItem { id: m(), text: m(), icon: icon.map(str::to_owned) }).collect();
                Widget::IconGrid { id: m(), items, style }
            }),
            (2usize..=5, prop::option::of(prop::sample::select(ICONS)), prop::option::of(0usize..5)).prop_map(
                move |(n, icon, current)| {
                    let tabs: Vec<GridItem> =
                        (0..n).map(|_| GridItem { id: m(), text: m(), icon: icon.map(str::to_owned) }).collect();
                    // Which tab is current: filled in by `number` (an index here, as a word).
                    let current = current.filter(|c| *c < n).map(|c| c.to_string());
                    Widget::TabBar { id: m(), tabs, current }
                }
            ),
            (prop::sample::select(vec![InputKind::Text, InputKind::Number, InputKind::Phone]), any::<bool>(), style())
                .prop_map(move |(kind, p, style)| Widget::Input {
                    id: m(),
                    label: m(),
                    kind,
                    placeholder: p.then(m),
                    style
                }),
            (prop::collection::vec(any::<bool>(), 1..4), any::<bool>(), style()).prop_map(
                move |(avail, date, style)| {
                    let options = avail.iter().map(|&available| Choice { id: m(), text: m(), available }).collect();
                    if date {
                        Widget::DatePicker { id: m(), label: m(), options, style }
                    } else {
                        Widget::TimeSlots { id: m(), label: m(), options, style }
                    }
                }
            ),
            (button(), button()).prop_map(move |(confirm, cancel)| Widget::ConfirmDialog {
                id: m(),
                title: m(),
                text: m(),
                confirm,
                cancel
            }),
            (prop::collection::vec(button(), 0..3), button()).prop_map(move |(buttons, close)| Widget::Popup {
                id: m(),
                title: m(),
                text: m(),
                buttons,
                close
            }),
            any::<bool>().prop_map(move |l| Widget::Sms {
                id: m(),
                sender: m(),
                text: m(),
                link: l.then(|| Link { id: m(), text: m() })
            }),
            any::<bool>().prop_map(move |video| Widget::IncomingCall {
                id: m(),
                caller: m(),
                number: m(),
                video,
                answer: m(),
                decline: m()
            }),
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(move |(video, a, b, c)| {
                Widget::InCall {
                    id: m(),
                    caller: m(),
                    video,
                    hang_up: m(),
                    mute: a.then(m),
                    switch_camera: b.then(m),
                    voice_only: c.then(m),
                }
            }),
            prop::collection::vec((any::<bool>(), any::<bool>(), 0u8..5, prop::sample::select(PICTURES)), 1..5)
                .prop_map(move |list| Widget::Chat {
                    id: m(),
                    messages: list
                        .into_iter()
                        .map(|(tappable, mine, kind, picture)| Message {
                            id: tappable.then(m),
                            from: (!mine).then(m),
                            text: m(),
                            kind: match kind {
                                0 => MessageKind::Text,
                                1 => MessageKind::Link,
                                2 => MessageKind::Image(picture.to_owned()),
                                3 => MessageKind::RedPacket,
                                _ => MessageKind::Voice(4),
                            },
                        })
                        .collect()
                }),
            Just(Widget::Notification { id: m(), app: m(), text: m() }),
            Just(Widget::Permission { id: m(), text: m(), allow: m(), deny: m() }),
            Just(Widget::HoldToTalk { id: m(), text: m() }),
            prop::collection::vec(prop::sample::select(PICTURES), 1..5).prop_map(move |pictures| Widget::PhotoPicker {
                id: m(),
                label: m(),
                photos: pictures.into_iter().map(|p| Photo { id: m(), text: m(), picture: p.to_owned() }).collect()
            }),
            prop::sample::select(vec![CodeKind::Payment, CodeKind::Transit, CodeKind::Medical])
                .prop_map(move |kind| Widget::PayCode { id: m(), kind, text: m(), refresh_secs: 60 }),
            (4u8..=8, any::<bool>()).prop_map(move |(digits, pad)| if pad {
                Widget::PasswordPad { id: m(), label: m(), digits }
            } else {
                Widget::SmsCode { id: m(), label: m(), digits }
            }),
            Just(Widget::Scan { id: m(), kind: ScanKind::Qr, text: m() }),
            Just(Widget::Toast { id: m(), text: m() }),
            (1usize..4).prop_map(move |n| Widget::Card {
                id: m(),
                title: m(),
                rows: (0..n).map(|_| Row { label: m(), value: m() }).collect()
            }),
        ]
    }

    /// Gives every id and message of screen `s`'s widget `w` its own name.
    fn number(s: usize, w: usize, widget: &mut Widget) {
        let id = format!("w{s}x{w}");
        let say = |part: &str| format!("g-{id}-{part}");
        let dialog = |b: &mut DialogButton, part: &str| {
            b.id = format!("{id}{part}");
            b.text = format!("g-{id}-{part}");
        };
        match widget {
            Widget::Text { id: i, text, .. } | Widget::Button { id: i, text, .. } | Widget::Toast { id: i, text } => {
                (*i, *text) = (id.clone(), say("text"))
            }
            Widget::ListItem { id: i, text, detail, .. } => {
                (*i, *text) = (id.clone(), say("text"));
                if let Some(d) = detail {
                    *d = say("detail");
                }
            }
            Widget::IconGrid { id: i, items, .. } => {
                *i = id.clone();
                for (k, item) in items.iter_mut().enumerate() {
                    (item.id, item.text) = (format!("{id}i{k}"), say(&format!("i{k}")));
                }
            }
            Widget::TabBar { id: i, tabs, current } => {
                *i = id.clone();
                for (k, tab) in tabs.iter_mut().enumerate() {
                    (tab.id, tab.text) = (format!("{id}t{k}"), say(&format!("t{k}")));
                }
                if let Some(c) = current {
                    *c = format!("{id}t{c}");
                }
            }
            Widget::Input { id: i, label, placeholder, .. } => {
                (*i, *label) = (id.clone(), say("label"));
                if let Some(p) = placeholder {
                    *p = say("placeholder");
                }
            }
            Widget::DatePicker { id: i, label, options, .. } | Widget::TimeSlots { id: i, label, options, .. } => {
                (*i, *label) = (id.clone(), say("label"));
                for (k, o) in options.iter_mut().enumerate() {
                    (o.id, o.text) = (format!("o{k}"), say(&format!("o{k}")));
                }
            }
            Widget::ConfirmDialog { id: i, title, text, confirm, cancel } => {
                (*i, *title, *text) = (id.clone(), say("title"), say("text"));
                dialog(confirm, "c");
                dialog(cancel, "n");
            }
            Widget::Popup { id: i, title, text, buttons, close } => {
                (*i, *title, *text) = (id.clone(), say("title"), say("text"));
                for (k, b) in buttons.iter_mut().enumerate() {
                    dialog(b, &format!("b{k}"));
                }
                dialog(close, "x");
            }
            Widget::Sms { id: i, sender, text, link } => {
                (*i, *sender, *text) = (id.clone(), say("sender"), say("text"));
                if let Some(link) = link {
                    (link.id, link.text) = (format!("{id}l"), say("link"));
                }
            }
            Widget::IncomingCall { id: i, caller, number, answer, decline, .. } => {
                (*i, *caller, *number) = (id.clone(), say("caller"), say("number"));
                (*answer, *decline) = (format!("{id}a"), format!("{id}d"));
            }
            Widget::InCall { id: i, caller, hang_up, mute, switch_camera, voice_only, .. } => {
                (*i, *caller, *hang_up) = (id.clone(), say("caller"), format!("{id}h"));
                for (part, button) in [("m", mute), ("s", switch_camera), ("v", voice_only)] {
                    if let Some(b) = button {
                        *b = format!("{id}{part}");
                    }
                }
            }
            Widget::Chat { id: i, messages } => {
                *i = id.clone();
                for (k, msg) in messages.iter_mut().enumerate() {
                    if let Some(m) = &mut msg.id {
                        *m = format!("{id}m{k}");
                    }
                    if let Some(f) = &mut msg.from {
                        *f = say(&format!("m{k}f"));
                    }
                    msg.text = say(&format!("m{k}"));
                }
            }
            Widget::Notification { id: i, app, text } => (*i, *app, *text) = (id.clone(), say("app"), say("text")),
            Widget::Permission { id: i, text, allow, deny } => {
                (*i, *text, *allow, *deny) = (id.clone(), say("text"), format!("{id}y"), format!("{id}n"))
            }
            Widget::HoldToTalk { id: i, text } => (*i, *text) = (id.clone(), say("text")),
            Widget::PhotoPicker { id: i, label, photos } => {
                (*i, *label) = (id.clone(), say("label"));
                for (k, photo) in photos.iter_mut().enumerate() {
                    (photo.id, photo.text) = (format!("p{k}"), say(&format!("p{k}")));
                }
            }
            Widget::PayCode { id: i, text, .. } => (*i, *text) = (id.clone(), say("text")),
            Widget::SmsCode { id: i, label, .. } | Widget::PasswordPad { id: i, label, .. } => {
                (*i, *label) = (id.clone(), say("label"))
            }
            Widget::Scan { id: i, text, .. } => (*i, *text) = (id.clone(), say("text")),
            Widget::Card { id: i, title, rows } => {
                (*i, *title) = (id.clone(), say("title"));
                for (k, r) in rows.iter_mut().enumerate() {
                    (r.label, r.value) = (say(&format!("r{k}l")), say(&format!("r{k}v")));
                }
            }
        }
    }

    /// What a step does, as numbers the builder turns into references.
    #[derive(Debug, Clone)]
    struct StepSeed {
        kind: u8,
        screen: usize,
        target: usize,
        typed_value: bool,
        wrong: Option<usize>,
        trap: Option<usize>,
        branch: Option<(usize, usize)>,
        next: Option<usize>,
        end: bool,
    }

    impl StepSeed {
        /// One step on the first screen asking for its first target (typing its value).
        fn first_on_screen() -> StepSeed {
            StepSeed {
                kind: 2,
                screen: 0,
                target: 0,
                typed_value: true,
                wrong: None,
                trap: None,
                branch: None,
                next: None,
                end: false,
            }
        }
    }

    fn step_seed() -> impl Strategy<Value = StepSeed> {
        (
            0u8..9,
            any::<usize>(),
            any::<usize>(),
            any::<bool>(),
            prop::option::weighted(0.3, any::<usize>()),
            prop::option::weighted(0.25, any::<usize>()),
            prop::option::weighted(0.15, (any::<usize>(), any::<usize>())),
            prop::option::weighted(0.08, any::<usize>()),
            prop::bool::weighted(0.05),
        )
            .prop_map(|(kind, screen, target, typed_value, wrong, trap, branch, next, end)| StepSeed {
                kind,
                screen,
                target,
                typed_value,
                wrong,
                trap,
                branch,
                next,
                end,
            })
    }

    type ScreenSeed = (Vec<Widget>, Option<String>, bool, bool, bool);

    fn scenario() -> impl Strategy<Value = Scenario> {
        let stations = prop::collection::vec(prop::sample::select(StationKind::ALL.to_vec()), 1..4);
        let screen = (
            prop::collection::vec(widget(), 1..6),
            prop::option::weighted(0.4, prop::sample::select(&COLOURS[..]).prop_map(str::to_owned)),
            any::<bool>(),
            any::<bool>(),
            prop::bool::weighted(0.15),
        );
        let screens = prop::collection::vec(screen, 1..5);
        let steps = prop::collection::vec(step_seed(), 1..9);
        (stations, screens, steps).prop_map(|(stations, screens, steps)| build(stations, screens, steps))
    }

    /// The actions a step on `screen` could ask for: taps, typing and choices.
    fn actions_on(screen: &Screen, typed_value: bool) -> Vec<Expect> {
        let mut out = Vec::new();
        for w in &screen.widgets {
            out.extend(w.tap_targets().into_iter().map(|t| Expect::Tap(t.to_owned())));
            let value = match w {
                Widget::SmsCode { digits, .. } | Widget::PasswordPad { digits, .. } => {
                    Some("7".repeat(usize::from(*digits)))
                }
                Widget::Input { kind: InputKind::Phone, .. } => Some("13900001234".to_owned()),
                Widget::Input { .. } => Some("2026".to_owned()),
                _ => None,
            };
            if let Some(value) = value {
                out.push(Expect::Enter { field: w.id().to_owned(), value: typed_value.then_some(value) });
            }
            for o in w.options().unwrap_or_default().iter().filter(|o| o.available) {
                out.push(Expect::Choose { widget: w.id().to_owned(), option: o.id.to_owned() });
            }
            if let Widget::HoldToTalk { id, .. } = w {
                out.push(Expect::Hold { widget: id.clone(), seconds: 1 });
            }
        }
        out
    }

    fn build(kinds: Vec<StationKind>, screen_seeds: Vec<ScreenSeed>, seeds: Vec<StepSeed>) -> Scenario {
        let stations: Vec<Station> = kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Station {
                id: format!("st{i}"),
                kind,
                label: format!("g-st{i}"),
                position: (i as f32 * 2.0 - 2.0, 0.0, -2.0),
                facing: 0.0,
                shows: None,
            })
            .collect();
        let kiosk = stations.iter().find(|s| s.kind == StationKind::Kiosk).map(|s| s.id.clone());
        let screens: Vec<Screen> = screen_seeds
            .into_iter()
            .enumerate()
            .map(|(s, (mut widgets, background, back, status_bar, on_kiosk))| {
                for (w, widget) in widgets.iter_mut().enumerate() {
                    number(s, w, widget);
                }
                let shown_on = match (&kiosk, on_kiosk) {
                    (Some(k), true) => Display::Station(k.clone()),
                    _ => Display::Phone,
                };
                Screen {
                    id: format!("s{s}"),
                    title: format!("g-s{s}"),
                    back,
                    status_bar,
                    shown_on,
                    background,
                    widgets,
                }
            })
            .collect();
        let n = seeds.len();
        let steps = seeds
            .iter()
            .enumerate()
            .map(|(i, seed)| {
                let screen = &screens[seed.screen % screens.len()];
                let choices = actions_on(screen, seed.typed_value);
                let (camera, screen_id, action) = match seed.kind {
                    0 => {
                        let st = &stations[seed.target % stations.len()];
                        (Camera::Station(st.id.clone()), None, Expect::TapStation(st.id.clone()))
                    }
                    1 => (Camera::Overview, Some(screen.id.clone()), Expect::Acknowledge),
                    8 => (Camera::Phone, Some(screen.id.clone()), Expect::Wait(1)),
                    _ if choices.is_empty() => (Camera::Phone, Some(screen.id.clone()), Expect::Acknowledge),
                    _ => (Camera::Phone, Some(screen.id.clone()), choices[seed.target % choices.len()].clone()),
                };
                let others: Vec<&Expect> = if screen_id.is_some() {
                    choices.iter().filter(|c| **c != action && !matches!(c, Expect::Enter { .. })).collect()
                } else {
                    Vec::new()
                };
                let wrong = match &action {
                    // Letting go of a hold too early is the mistake a hold step names.
                    Expect::Hold { widget, .. } if seed.wrong.is_some() => {
                        Some(Feedback { when: Expect::ReleasedEarly(widget.clone()), say: format!("g-step{i}-wrong") })
                    }
                    _ => seed
                        .wrong
                        .filter(|_| !others.is_empty())
                        .map(|k| Feedback { when: others[k % others.len()].clone(), say: format!("g-step{i}-wrong") }),
                };
                let trap = seed.trap.filter(|_| matches!(action, Expect::Tap(_))).and_then(|k| {
                    let baits: Vec<&str> = others
                        .iter()
                        .filter_map(|c| match c {
                            Expect::Tap(t) if Some(*c) != wrong.as_ref().map(|w| &w.when) => Some(t.as_str()),
                            _ => None,
                        })
                        .collect();
                    (!baits.is_empty()).then(|| Trap {
                        bait: baits[k % baits.len()].to_owned(),
                        fell_for: format!("g-step{i}-fell"),
                        refused: format!("g-step{i}-refused"),
                    })
                });
                let branches = seed
                    .branch
                    .filter(|_| !others.is_empty())
                    .map(|(k, to)| Branch {
                        when: others[k % others.len()].clone(),
                        go_to: format!("step{}", to % n),
                        say: None,
                    })
                    .into_iter()
                    .collect();
                Step {
                    id: format!("step{i}"),
                    prompt: format!("g-step{i}"),
                    camera,
                    screen: screen_id,
                    action,
                    hints: (1..=3).map(|h| format!("g-step{i}-hint{h}")).collect(),
                    wrong: wrong.into_iter().collect(),
                    branches,
                    next: seed.next.map(|k| format!("step{}", k % n)),
                    end: seed.end,
                    trap,
                    shows: Vec::new(),
                }
            })
            .collect();
        Scenario {
            id: "gen".into(),
            title: "g-title".into(),
            summary: "g-summary".into(),
            minutes: 5,
            difficulty: Difficulty::Easy,
            environment: Environment::ServiceHall,
            verified_against: Verified {
                app: "fictional".into(),
                version: "1".into(),
                date: "2026-11-30".into(),
                notes: None,
                sources: Vec::new(),
            },
            module: None,
            order: None,
            stations,
            screens,
            steps,
        }
    }

    /// A project folder with the scenario's words in both languages.
    fn project_for(loaded: &Loaded, dir: &std::path::Path) -> Catalog {
        let ids: BTreeSet<String> = check::referenced_messages(loaded);
        for (tag, word) in [("zh-CN", "第"), ("en-US", "Item")] {
            let folder = dir.join("locales").join(tag);
            std::fs::create_dir_all(&folder).unwrap();
            let text: String = ids
                .iter()
                .enumerate()
                .map(|(n, id)| format!("{id} = {word} {n} {}\n", id.trim_start_matches("g-")))
                .collect();
            std::fs::write(folder.join("gen.ftl"), text).unwrap();
        }
        Catalog::load(&dir.join("locales")).0
    }

    /// The phone of one step, drawn on a bare egui context as the app draws it.
    struct Phone<'a> {
        ctx: &'a egui::Context,
        words: &'a Words,
        screen: &'a Screen,
        target: &'a Target,
        typing: &'a mut Typing,
        drawn: &'a mut DrawnTargets,
        /// The input's clock (seconds): a frame every 1/60 s unless a test waits.
        clock: f64,
    }

    impl Phone<'_> {
        /// One frame; `events` are its input. Where the phone is, the taps, what was painted.
        fn frame(&mut self, events: Vec<egui::Event>) -> (egui::Rect, Vec<Action>, Vec<egui::epaint::ClippedShape>) {
            self.drawn.next_frame();
            self.clock += 1.0 / 60.0;
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0))),
                time: Some(self.clock),
                events,
                ..Default::default()
            };
            let theme = Theme::default();
            self.ctx.begin_pass(input);
            let frame = PhoneFrame {
                screen: self.screen,
                words: self.words,
                theme: &theme,
                target: Some(self.target),
                caption_height: theme::CAPTION_MIN_HEIGHT,
                layout: panels(self.ctx, &theme, self.words, Some(self.screen.shown_on.clone())),
            };
            let result = draw_phone_frame(self.ctx, &frame, self.typing, self.drawn);
            let mut output = self.ctx.end_pass();
            let shapes = std::mem::take(&mut output.shapes);
            output.drop_without_applying_deltas();
            (result.0, result.1, shapes)
        }

        /// Clicks at `key`'s centre the way a mouse does (move, press, release), one frame
        /// each, once the target has scrolled into view, holding the press `hold` seconds
        /// (frames go on meanwhile); the taps seen meanwhile.
        fn click(&mut self, key: &Key, hold: f64) -> Result<Vec<Action>, TestCaseError> {
            let mut taps = Vec::new();
            // Settle: the target scrolls into view over some frames (egui animates scrolling).
            let mut phone = egui::Rect::NOTHING;
            let (mut last, mut still) = (None, 0);
            for _ in 0..120 {
                let (rect, more, _) = self.frame(Vec::new());
                (phone, taps) = (rect, [taps, more].concat());
                let now = self.drawn.get(key);
                still = if now.is_some() && now == last { still + 1 } else { 0 };
                if still >= 8 {
                    break;
                }
                last = now;
            }
            let screen = &self.screen.id;
            let rect =
                self.drawn.get(key).ok_or_else(|| TestCaseError::fail(format!("{key:?} is not drawn on {screen}")))?;
            let viewport = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
            prop_assert!(
                phone.contains(rect.center()) && viewport.contains(rect.center()),
                "{key:?} at {rect:?} is outside the phone {phone:?} on {screen}"
            );
            let least = senior::MIN_TARGET_PX as f32;
            prop_assert!(rect.width() >= least && rect.height() >= least, "{key:?} is only {:?}", rect.size());
            let at = rect.center();
            let button = |pressed| egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            };
            for events in [vec![egui::Event::PointerMoved(at)], vec![button(true)]] {
                taps.extend(self.frame(events).1);
            }
            let until = self.clock + hold;
            while self.clock < until {
                self.clock += 0.25;
                taps.extend(self.frame(Vec::new()).1);
            }
            for events in [vec![button(false)], vec![]] {
                taps.extend(self.frame(events).1);
            }
            Ok(taps)
        }
    }

    fn rgb(c: egui::Color32) -> Rgb {
        Rgb(c.r(), c.g(), c.b())
    }

    /// Every text painted on the phone against the filled shape under it: (text, ratio).
    fn readings(shapes: &[egui::epaint::ClippedShape], phone: egui::Rect) -> Vec<(String, f64)> {
        let mut flat: Vec<(egui::Rect, &egui::Shape)> = Vec::new();
        fn walk<'a>(clip: egui::Rect, shape: &'a egui::Shape, out: &mut Vec<(egui::Rect, &'a egui::Shape)>) {
            match shape {
                egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(clip, s, out)),
                other => out.push((clip, other)),
            }
        }
        for clipped in shapes {
            walk(clipped.clip_rect, &clipped.shape, &mut flat);
        }
        let mut out = Vec::new();
        for (i, (clip, shape)) in flat.iter().enumerate() {
            let egui::Shape::Text(text) = shape else { continue };
            let seen = text.visual_bounding_rect().intersect(*clip);
            if !seen.is_positive() || !phone.contains_rect(seen) || text.galley.text().trim().is_empty() {
                continue;
            }
            // What the text sits on: the last opaque filled rectangle painted before it, around it,
            // or disc under its middle (the ¥ of the pay icon sits on a white coin).
            let under = flat[..i].iter().rev().find_map(|(_, s)| match s {
                egui::Shape::Rect(r) if r.fill.a() == 255 && r.rect.expand(1.0).contains_rect(seen) => Some(r.fill),
                egui::Shape::Circle(c)
                    if c.fill.a() == 255
                        && c.center.distance(seen.center()) <= c.radius
                        && c.radius >= seen.size().min_elem() / 2.0 =>
                {
                    Some(c.fill)
                }
                _ => None,
            });
            let Some(under) = under else { continue };
            for section in &text.galley.job.sections {
                let ink = text.override_text_color.unwrap_or(if section.format.color == egui::Color32::PLACEHOLDER {
                    text.fallback_color
                } else {
                    section.format.color
                });
                out.push((text.galley.text().to_owned(), senior::contrast(rgb(ink), rgb(under))));
            }
        }
        out
    }

    /// The clicks autoplay makes for a step: the target, or a field's keypad keys.
    fn keys_for(step: &Step, screen: Option<&Screen>) -> Vec<Key> {
        match &step.action {
            Expect::Tap(id) => vec![Key::Widget(id.clone())],
            Expect::Choose { widget, option } => vec![Key::Option { widget: widget.clone(), option: option.clone() }],
            Expect::Enter { field, value } => {
                let widget = screen.and_then(|s| s.widget(field));
                let value = value.clone().unwrap_or_else(|| widget.map(Widget::example_value).unwrap_or_default());
                let mut keys: Vec<Key> =
                    value.chars().map(|c| Key::Keypad { field: field.clone(), key: c.to_string() }).collect();
                let sends_itself = screen
                    .and_then(|s| s.widget(field))
                    .is_some_and(|w| matches!(w, Widget::SmsCode { .. } | Widget::PasswordPad { .. }));
                if !sends_itself {
                    keys.push(Key::Keypad { field: field.clone(), key: "ok".into() });
                }
                keys
            }
            Expect::Hold { widget, .. } => vec![Key::Widget(widget.clone())],
            Expect::TapStation(_) | Expect::Acknowledge | Expect::Wait(_) | Expect::ReleasedEarly(_) => Vec::new(),
        }
    }

    static CLEAN: AtomicUsize = AtomicUsize::new(0);
    static STEPS_PLAYED: AtomicUsize = AtomicUsize::new(0);

    /// Plays `scenario` if it checks clean: `Ok(true)` when it played to the end.
    fn plays_to_the_end(scenario: Scenario) -> Result<bool, TestCaseError> {
        let source = ron::ser::to_string_pretty(&scenario, ron::ser::PrettyConfig::default()).unwrap();
        let loaded = load_str(&source, "gen.ron").map_err(|d| TestCaseError::fail(format!("{d:?}\n{source}")))?;
        let dir = std::env::temp_dir().join(format!("kuayue-plays-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let catalog = project_for(&loaded, &dir);
        let glyphs = Glyphs::shipped();
        let found = check::check(&loaded, &Context { catalog: Some(&catalog), project: None, glyphs: Some(&glyphs) });
        if found.iter().any(|d| d.is_error()) {
            return Ok(false); // the checker refuses it: nothing is promised
        }
        CLEAN.fetch_add(1, Ordering::Relaxed);
        let scenario = Arc::new(loaded.scenario);
        let words = Words {
            lang: Lang::EnUs,
            app: Messages::embedded(Lang::EnUs),
            scenarios: Catalog::load(&dir.join("locales")).0,
        };
        let ctx = egui::Context::default();
        theme::set_up(&ctx);
        let (mut typing, mut drawn) = (Typing::default(), DrawnTargets::default());
        let (mut w, _) = Walkthrough::start(Arc::clone(&scenario), Config::default());
        let limit = scenario.steps.len() * 3 + 5;
        let mut clock = 0.0;
        let mut trace = Vec::new();
        for _ in 0..limit {
            if w.is_finished() {
                break;
            }
            let view = w.view();
            let step = scenario.steps[scenario.step_index(view.step.as_deref().unwrap()).unwrap()].clone();
            // Every caption of the step is words in every language, never an id.
            let lines = std::iter::once(&step.prompt)
                .chain(&step.hints)
                .chain(step.wrong.iter().map(|f| &f.say))
                .chain(step.trap.iter().flat_map(|t| [&t.fell_for, &t.refused]));
            for id in lines {
                for locale in &catalog.locales {
                    prop_assert!(locale.get(id, &BTreeMap::new()).is_some_and(|t| !t.contains("g-")), "{id}");
                }
            }
            let screen = step.screen.as_deref().and_then(|id| scenario.screen(id));
            let action = match &step.action {
                // Nothing to touch: the step goes on by itself after its seconds.
                Expect::Wait(secs) => {
                    prop_assert!(view.target.is_none(), "a Wait step shows a target: {:?}", view.target);
                    Action::Wait(*secs as f32)
                }
                Expect::TapStation(id) => {
                    let kind = scenario.station(id).unwrap().kind;
                    prop_assert!(kind.is_drawn(), "step {} taps {id}, a {kind:?} the room does not draw", step.id);
                    Action::TapStation(id.clone())
                }
                Expect::Acknowledge => Action::Acknowledge,
                expect => {
                    let target = view.target.clone().unwrap();
                    let screen = screen.unwrap();
                    let mut phone = Phone {
                        ctx: &ctx,
                        words: &words,
                        screen,
                        target: &target,
                        typing: &mut typing,
                        drawn: &mut drawn,
                        clock,
                    };
                    let mut taps = Vec::new();
                    let hold = match expect {
                        Expect::Hold { seconds, .. } => f64::from(*seconds) + 0.5,
                        _ => 0.0,
                    };
                    for key in keys_for(&step, Some(screen)) {
                        taps.extend(phone.click(&key, hold)?);
                    }
                    // Every text on the screen reads as drawn (the checker's promise).
                    let (phone_rect, _, shapes) = phone.frame(vec![]);
                    clock = phone.clock;
                    for (text, ratio) in readings(&shapes, phone_rect) {
                        prop_assert!(
                            ratio >= senior::MIN_TEXT_CONTRAST,
                            "`{text}` on {} is drawn at {ratio:.2}:1",
                            screen.id
                        );
                    }
                    let wanted = match expect {
                        Expect::Enter { field, value } => Action::Enter {
                            field: field.clone(),
                            value: value.clone().unwrap_or_else(|| screen.widget(field).unwrap().example_value()),
                        },
                        other => Action::satisfying(other),
                    };
                    // A hold is heard as held for as long as the press lasted (a little over).
                    let heard = |a: &Action| match (a, &wanted) {
                        (Action::Hold { widget, secs }, Action::Hold { widget: w, secs: least }) => {
                            widget == w && secs >= least
                        }
                        _ => *a == wanted,
                    };
                    let Some(heard) = taps.iter().find(|a| heard(a)).cloned() else {
                        return Err(TestCaseError::fail(format!("clicking step {}'s target gave {taps:?}", step.id)));
                    };
                    heard
                }
            };
            let events = w.apply(action.clone());
            trace.push(format!("{}: {action:?}", step.id));
            prop_assert!(
                events.iter().any(|e| matches!(e, Event::StepCompleted(_) | Event::Completed(_))),
                "step {}: {action:?} did not complete it: {events:?}",
                step.id
            );
            STEPS_PLAYED.fetch_add(1, Ordering::Relaxed);
            typing = Typing::default();
        }
        prop_assert!(w.is_finished(), "not finished after {limit} steps: {trace:?}");
        Ok(true)
    }

    /// The case a trainer met: white text on a dark screen checked clean, and the app drew
    /// the title, status bar and labels dark on dark.
    #[test]
    fn a_dark_screen_is_drawn_as_it_was_checked() {
        let mut text = Widget::Text { id: String::new(), text: String::new(), style: Style::default() };
        if let Widget::Text { style, .. } = &mut text {
            style.color = Some("#FFFFFF".into());
        }
        let mut input = Widget::Input {
            id: String::new(),
            label: String::new(),
            kind: InputKind::Number,
            placeholder: None,
            style: Style::default(),
        };
        number(0, 0, &mut text);
        number(0, 1, &mut input);
        let mut scenario = build(
            vec![StationKind::Kiosk],
            vec![(vec![text, input], Some("#101828".into()), true, true, false)],
            vec![StepSeed::first_on_screen()],
        );
        scenario.steps.truncate(1);
        let played = plays_to_the_end(scenario).unwrap_or_else(|e| panic!("{e}"));
        assert!(played, "it checks clean, so it was played and every text read");
    }

    /// Seniors press slowly and their hands shake: a press held two seconds that moves
    /// 10 px before the release is a tap (egui alone takes neither: 0.8 s, 6 px).
    #[test]
    fn a_slow_shaky_press_is_still_a_tap() {
        let mut button = Widget::Button { id: String::new(), text: String::new(), style: Style::default() };
        number(0, 0, &mut button);
        let scenario = build(
            vec![StationKind::Kiosk],
            vec![(vec![button], None, false, true, false)],
            vec![StepSeed::first_on_screen()],
        );
        let dir = std::env::temp_dir().join(format!("kuayue-shaky-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let source = ron::ser::to_string_pretty(&scenario, ron::ser::PrettyConfig::default()).unwrap();
        let catalog = project_for(&load_str(&source, "gen.ron").unwrap(), &dir);
        let words = Words { lang: Lang::EnUs, app: Messages::embedded(Lang::EnUs), scenarios: catalog };
        let ctx = egui::Context::default();
        theme::set_up(&ctx);
        let (mut typing, mut drawn) = (Typing::default(), DrawnTargets::default());
        let target = Target::Widget("w0x0".into());
        let mut phone = Phone {
            ctx: &ctx,
            words: &words,
            screen: &scenario.screens[0],
            target: &target,
            typing: &mut typing,
            drawn: &mut drawn,
            clock: 0.0,
        };
        for _ in 0..10 {
            phone.frame(vec![]);
        }
        let at = phone.drawn.get(&Key::Widget("w0x0".into())).expect("the button is drawn").center();
        let press = |pressed, pos| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let mut taps = Vec::new();
        taps.extend(phone.frame(vec![egui::Event::PointerMoved(at), press(true, at)]).1);
        phone.clock += 2.0;
        let moved = at + egui::vec2(8.0, 6.0);
        taps.extend(phone.frame(vec![egui::Event::PointerMoved(moved)]).1);
        taps.extend(phone.frame(vec![press(false, moved)]).1);
        taps.extend(phone.frame(vec![]).1);
        assert_eq!(taps, [Action::Tap("w0x0".into())]);
    }

    #[test]
    fn whatever_checks_clean_plays_to_the_end_with_every_target_drawn_hittable_and_readable() {
        let cases = std::env::var("KUAYUE_PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256);
        let mut runner = TestRunner::new(RunConfig { cases, failure_persistence: None, ..RunConfig::default() });
        let result = runner.run(&scenario(), |s| plays_to_the_end(s).map(|_| ()));
        if let Err(e) = result {
            panic!("{e}");
        }
        let (clean, steps) = (CLEAN.load(Ordering::Relaxed), STEPS_PLAYED.load(Ordering::Relaxed));
        eprintln!("{cases} random scenarios: {clean} checked clean and played ({steps} steps)");
        // Not vacuous: a good share of the random scenarios pass the checker and play.
        assert!(clean * 5 >= cases as usize, "only {clean} of {cases} checked clean");
    }
}

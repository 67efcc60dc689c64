//! The rules a scenario must follow beyond being valid RON, each with a stable
//! code: references resolve, ids are unique, every step is reachable and leads
//! to the end, actions fit the screen, hint ladders are full, the declared
//! screens meet the senior-first numbers, and every message and clip exists.

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::path::Path as FsPath;

use super::load::{Loaded, closest};
use super::model::*;
use super::project::Project;
use super::spans::Path;
use crate::diagnostic::{Code, Diagnostic};
use crate::glyphs::Glyphs;
use crate::i18n::Catalog;
use crate::senior::{self, Rgb};

/// What the checker may look at besides the scenario itself.
#[derive(Default)]
pub struct Context<'a> {
    /// Message files; without them message ids are not checked.
    pub catalog: Option<&'a Catalog>,
    /// The project, for voice clips.
    pub project: Option<&'a Project>,
    /// The shipped font; without it characters are not checked.
    pub glyphs: Option<&'a Glyphs>,
}

/// Checks one loaded scenario. Diagnostics come in file order.
pub fn check(loaded: &Loaded, ctx: &Context) -> Vec<Diagnostic> {
    let mut c = Checker { loaded, ctx, out: Vec::new(), messages: Vec::new(), in_wrong: false };
    c.run();
    c.out.sort_by_key(|d| (d.line_col(), d.code));
    c.out
}

/// Every message id the scenario refers to (texts, labels, prompts, hints…).
pub fn referenced_messages(loaded: &Loaded) -> BTreeSet<String> {
    let ctx = Context { catalog: None, project: None, glyphs: None };
    let mut c = Checker { loaded, ctx: &ctx, out: Vec::new(), messages: Vec::new(), in_wrong: false };
    c.run();
    c.messages.into_iter().map(|(_, id)| id).collect()
}

struct Checker<'a> {
    loaded: &'a Loaded,
    ctx: &'a Context<'a>,
    out: Vec<Diagnostic>,
    /// Every message id referenced, and where.
    messages: Vec<(Path, String)>,
    /// The action being checked is a `wrong:` entry's `when` (where `ReleasedEarly` belongs).
    in_wrong: bool,
}

/// A scenario or step id: lowercase letters, digits and `_`, starting with a letter.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    matches!((num(y, 4), num(m, 2), num(d, 2)), (Some(2000..=2100), Some(1..=12), Some(1..=31)))
}

impl<'a> Checker<'a> {
    fn s(&self) -> &'a Scenario {
        &self.loaded.scenario
    }

    fn emit(&mut self, code: Code, path: &Path) -> &mut Diagnostic {
        let location = self.loaded.locate(path);
        self.out.push(Diagnostic::new(code, self.loaded.file.clone()).at(location).arg("path", path.to_string()));
        self.out.last_mut().expect("just pushed")
    }

    fn msg(&mut self, path: Path, id: &str) {
        self.messages.push((path, id.to_owned()));
    }

    fn run(&mut self) {
        let root = Path::root();
        self.metadata(&root);
        self.stations(&root);
        self.screens(&root);
        self.steps(&root);
        self.graph(&root);
        self.unused_screens(&root);
        self.message_ids();
        self.voice_clips();
    }

    fn metadata(&mut self, root: &Path) {
        let s = self.s();
        if !valid_id(&s.id) {
            let id = s.id.clone();
            self.emit(Code::BadId, &root.field("id")).args_mut(&[("found", &id)]);
        } else if let Some(stem) = FsPath::new(&self.loaded.file).file_stem().map(|s| s.to_string_lossy().into_owned())
            && stem != s.id
        {
            let id = s.id.clone();
            self.emit(Code::IdNotFileName, &root.field("id")).args_mut(&[("found", &id), ("expected", &stem)]);
        }
        self.msg(root.field("title"), &s.title);
        self.msg(root.field("summary"), &s.summary);
        if !(1..=120).contains(&s.minutes) {
            let found = s.minutes.to_string();
            self.emit(Code::BadMetadata, &root.field("minutes")).args_mut(&[
                ("field", "minutes"),
                ("found", &found),
                ("expected", "1–120"),
            ]);
        }
        let v = root.field("verified_against");
        if !valid_date(&s.verified_against.date) {
            let found = s.verified_against.date.clone();
            self.emit(Code::BadMetadata, &v.field("date")).args_mut(&[
                ("field", "date"),
                ("found", &found),
                ("expected", "2026-10-20"),
            ]);
        }
        for (field, value) in [("app", &s.verified_against.app), ("version", &s.verified_against.version)] {
            if value.trim().is_empty() {
                self.emit(Code::BadMetadata, &v.field(field)).args_mut(&[
                    ("field", field),
                    ("found", "\"\""),
                    ("expected", "…"),
                ]);
            }
        }
        if s.steps.is_empty() {
            self.emit(Code::NoSteps, &root.field("steps"));
        }
    }

    fn check_id(&mut self, path: &Path, id: &str, seen: &mut HashSet<String>) {
        if !valid_id(id) {
            self.emit(Code::BadId, path).args_mut(&[("found", id)]);
        }
        if !seen.insert(id.to_owned()) {
            self.emit(Code::DuplicateId, path).args_mut(&[("found", id)]);
        }
    }

    fn stations(&mut self, root: &Path) {
        let mut seen = HashSet::new();
        for (i, st) in self.s().stations.iter().enumerate() {
            let p = root.field("stations").index(i);
            self.check_id(&p.field("id"), &st.id, &mut seen);
            self.msg(p.field("label"), &st.label);
            if let Some(shows) = &st.shows {
                self.msg(p.field("shows"), shows);
                self.has_display(&p.field("shows"), st);
            }
        }
    }

    fn screens(&mut self, root: &Path) {
        let mut seen = HashSet::new();
        for (i, screen) in self.s().screens.iter().enumerate() {
            let p = root.field("screens").index(i);
            self.check_id(&p.field("id"), &screen.id, &mut seen);
            self.msg(p.field("title"), &screen.title);
            if let Display::Station(id) = &screen.shown_on {
                self.station_ref(&p.field("shown_on").index(0), id);
            }
            let background = match &screen.background {
                Some(text) => match Rgb::parse(text) {
                    Some(rgb) => Some(rgb),
                    None => {
                        self.emit(Code::BadColour, &p.field("background")).args_mut(&[("found", text)]);
                        None
                    }
                },
                None => None,
            };
            // The status bar, title, back arrow, texts and labels are drawn on the screen's
            // background in the ink that reads best on it; a middle grey has none.
            if let Some(bg) = background {
                let ratio = senior::contrast(senior::ink_on(bg), bg);
                if ratio < senior::MIN_TEXT_CONTRAST {
                    self.low_contrast(&p.field("background"), ratio, "screen");
                }
            }
            let screen_fill = background.unwrap_or(senior::DEFAULT_BACKGROUND);
            let mut ids = HashSet::new();
            for (j, widget) in screen.widgets.iter().enumerate() {
                self.widget(&p.field("widgets").index(j), widget, screen_fill, &mut ids);
            }
        }
    }

    /// Checks a widget; `screen_fill` is the screen's background, under its plain texts.
    fn widget(&mut self, p: &Path, widget: &Widget, screen_fill: Rgb, ids: &mut HashSet<String>) {
        self.check_id(&p.field("id"), widget.id(), ids);
        match widget {
            Widget::Text { text, style, .. } => {
                self.msg(p.field("text"), text);
                self.style(&p.field("style"), style, screen_fill, false);
            }
            Widget::Button { text, style, .. } => {
                self.msg(p.field("text"), text);
                self.style(&p.field("style"), style, senior::BUTTON_FILL, true);
            }
            Widget::ListItem { text, detail, style, .. } => {
                self.msg(p.field("text"), text);
                if let Some(d) = detail {
                    self.msg(p.field("detail"), d);
                }
                self.style(&p.field("style"), style, senior::WHITE, true);
            }
            Widget::IconGrid { items, style, .. } => {
                for (k, item) in items.iter().enumerate() {
                    self.grid_item(&p.field("items").index(k), item, ids);
                }
                self.style(&p.field("style"), style, senior::BUTTON_FILL, true);
            }
            Widget::TabBar { tabs, current, .. } => {
                // Two to five tabs, as apps have: one is no choice, more do not fit big words.
                if !(2..=5).contains(&tabs.len()) {
                    let found = tabs.len().to_string();
                    self.emit(Code::BadValue, &p.field("tabs")).args_mut(&[("found", &found), ("expected", "2–5")]);
                }
                for (k, tab) in tabs.iter().enumerate() {
                    self.grid_item(&p.field("tabs").index(k), tab, ids);
                }
                if let Some(current) = current.as_deref()
                    && !tabs.iter().any(|t| t.id == current)
                {
                    let suggestion = closest(current, tabs.iter().map(|t| t.id.as_str()));
                    let widget = widget.id().to_owned();
                    self.emit(Code::UnknownOption, &p.field("current"))
                        .args_mut(&[("found", current), ("widget", &widget)])
                        .suggest(suggestion);
                }
            }
            Widget::Input { label, placeholder, style, .. } => {
                self.msg(p.field("label"), label);
                if let Some(ph) = placeholder {
                    self.msg(p.field("placeholder"), ph);
                }
                self.style(&p.field("style"), style, senior::WHITE, true);
            }
            Widget::DatePicker { label, options, style, .. } | Widget::TimeSlots { label, options, style, .. } => {
                self.msg(p.field("label"), label);
                let mut option_ids = HashSet::new();
                for (k, o) in options.iter().enumerate() {
                    let op = p.field("options").index(k);
                    self.check_id(&op.field("id"), &o.id, &mut option_ids);
                    self.msg(op.field("text"), &o.text);
                }
                self.style(&p.field("style"), style, senior::WHITE, true);
            }
            Widget::ConfirmDialog { title, text, confirm, cancel, .. } => {
                self.msg(p.field("title"), title);
                self.msg(p.field("text"), text);
                self.dialog_button(&p.field("confirm"), confirm, senior::PRIMARY, ids);
                self.dialog_button(&p.field("cancel"), cancel, senior::BUTTON_FILL, ids);
            }
            Widget::Popup { title, text, buttons, close, .. } => {
                self.msg(p.field("title"), title);
                self.msg(p.field("text"), text);
                for (k, b) in buttons.iter().enumerate() {
                    self.dialog_button(&p.field("buttons").index(k), b, senior::BUTTON_FILL, ids);
                }
                self.dialog_button(&p.field("close"), close, senior::PRIMARY, ids);
            }
            Widget::Sms { sender, text, link, .. } => {
                self.msg(p.field("sender"), sender);
                self.msg(p.field("text"), text);
                if let Some(link) = link {
                    self.check_id(&p.field("link").field("id"), &link.id, ids);
                    self.msg(p.field("link").field("text"), &link.text);
                }
            }
            Widget::IncomingCall { caller, number, answer, decline, .. } => {
                self.msg(p.field("caller"), caller);
                self.msg(p.field("number"), number);
                self.check_id(&p.field("answer"), answer, ids);
                self.check_id(&p.field("decline"), decline, ids);
            }
            Widget::InCall { caller, hang_up, mute, switch_camera, voice_only, .. } => {
                self.msg(p.field("caller"), caller);
                self.check_id(&p.field("hang_up"), hang_up, ids);
                for (field, id) in [("mute", mute), ("switch_camera", switch_camera), ("voice_only", voice_only)] {
                    if let Some(id) = id {
                        self.check_id(&p.field(field), id, ids);
                    }
                }
            }
            Widget::Chat { messages, .. } => {
                for (k, m) in messages.iter().enumerate() {
                    let mp = p.field("messages").index(k);
                    if let Some(id) = &m.id {
                        self.check_id(&mp.field("id"), id, ids);
                    }
                    if let Some(from) = &m.from {
                        self.msg(mp.field("from"), from);
                    }
                    self.msg(mp.field("text"), &m.text);
                    match &m.kind {
                        MessageKind::Image(picture) => {
                            self.known_name(Code::UnknownPicture, &mp.field("kind").index(0), picture, PICTURES)
                        }
                        MessageKind::Voice(secs) if !(1..=60).contains(secs) => {
                            let found = secs.to_string();
                            self.emit(Code::BadValue, &mp.field("kind").index(0))
                                .args_mut(&[("found", &found), ("expected", "1–60")]);
                        }
                        _ => {}
                    }
                }
            }
            Widget::Notification { app, text, .. } => {
                self.msg(p.field("app"), app);
                self.msg(p.field("text"), text);
            }
            Widget::Permission { text, allow, deny, .. } => {
                self.msg(p.field("text"), text);
                self.check_id(&p.field("allow"), allow, ids);
                self.check_id(&p.field("deny"), deny, ids);
            }
            Widget::HoldToTalk { text, .. } => self.msg(p.field("text"), text),
            Widget::PhotoPicker { label, photos, .. } => {
                self.msg(p.field("label"), label);
                let mut photo_ids = HashSet::new();
                for (k, photo) in photos.iter().enumerate() {
                    let pp = p.field("photos").index(k);
                    self.check_id(&pp.field("id"), &photo.id, &mut photo_ids);
                    self.msg(pp.field("text"), &photo.text);
                    self.known_name(Code::UnknownPicture, &pp.field("picture"), &photo.picture, PICTURES);
                }
            }
            Widget::PayCode { text, refresh_secs, .. } => {
                self.msg(p.field("text"), text);
                // Renewing faster than a slow hand can hold it to a scanner would be a time limit.
                if !(30..=600).contains(refresh_secs) {
                    let found = refresh_secs.to_string();
                    self.emit(Code::BadValue, &p.field("refresh_secs"))
                        .args_mut(&[("found", &found), ("expected", "30–600")]);
                }
            }
            Widget::SmsCode { label, digits, .. } | Widget::PasswordPad { label, digits, .. } => {
                self.msg(p.field("label"), label);
                if !(4..=8).contains(digits) {
                    let found = digits.to_string();
                    self.emit(Code::BadValue, &p.field("digits")).args_mut(&[("found", &found), ("expected", "4–8")]);
                }
            }
            Widget::Scan { text, .. } | Widget::Toast { text, .. } => self.msg(p.field("text"), text),
            Widget::Card { title, rows, .. } => {
                self.msg(p.field("title"), title);
                for (k, row) in rows.iter().enumerate() {
                    let rp = p.field("rows").index(k);
                    self.msg(rp.field("label"), &row.label);
                    self.msg(rp.field("value"), &row.value);
                }
            }
        }
    }

    /// A name from a closed list (icons, pictures): anything else is `code`, a warning with
    /// the list and the closest name.
    fn known_name(&mut self, code: Code, p: &Path, found: &str, names: &[&str]) {
        if !names.contains(&found) {
            let suggestion = closest(found, names.iter().copied());
            let expected = names.join(", ");
            self.emit(code, p).args_mut(&[("found", found), ("expected", &expected)]).suggest(suggestion);
        }
    }

    /// An icon of a grid or a tab of a tab bar: tapped by its id (in the screen's id space),
    /// its words, its icon one of the closed set.
    fn grid_item(&mut self, p: &Path, item: &GridItem, ids: &mut HashSet<String>) {
        self.check_id(&p.field("id"), &item.id, ids);
        self.msg(p.field("text"), &item.text);
        if let Some(icon) = &item.icon {
            self.known_name(Code::UnknownIcon, &p.field("icon"), icon, ICONS);
        }
    }

    /// `fill` is what the button is drawn on when its style gives no background.
    fn dialog_button(&mut self, p: &Path, b: &DialogButton, fill: Rgb, ids: &mut HashSet<String>) {
        // Dialog buttons share the screen's id space: steps tap them by id.
        self.check_id(&p.field("id"), &b.id, ids);
        self.msg(p.field("text"), &b.text);
        self.style(&p.field("style"), &b.style, fill, true);
    }

    fn low_contrast(&mut self, at: &Path, ratio: f64, kind: &str) {
        let found = format!("{ratio:.2}:1");
        let expected = format!("{}:1", senior::MIN_TEXT_CONTRAST);
        self.emit(Code::LowContrast, at).args_mut(&[("found", &found), ("expected", &expected), ("kind", kind)]);
    }

    /// A widget's style, rated as the app draws it ([`senior::drawn`]): `fill` is what
    /// its text sits on when the style gives no background.
    fn style(&mut self, p: &Path, style: &Style, fill: Rgb, tappable: bool) {
        if let Some(size) = style.text_size
            && size < senior::MIN_PHONE_TEXT_PX
        {
            let (found, expected) = (size.to_string(), senior::MIN_PHONE_TEXT_PX.to_string());
            self.emit(Code::TextTooSmall, &p.field("text_size"))
                .args_mut(&[("found", &found), ("expected", &expected)]);
        }
        if tappable {
            for (field, value) in [("width", style.width), ("height", style.height)] {
                if let Some(v) = value.filter(|v| *v < senior::MIN_TARGET_PX) {
                    let (found, expected) = (v.to_string(), senior::MIN_TARGET_PX.to_string());
                    self.emit(Code::TargetTooSmall, &p.field(field)).args_mut(&[
                        ("field", field),
                        ("found", &found),
                        ("expected", &expected),
                    ]);
                }
            }
        }
        let mut colour = |field: &str, text: &Option<String>| -> Option<Option<Rgb>> {
            let text = text.as_ref()?;
            let rgb = Rgb::parse(text);
            if rgb.is_none() {
                self.emit(Code::BadColour, &p.field(field)).args_mut(&[("found", text)]);
            }
            Some(rgb)
        };
        let fg = colour("color", &style.color);
        let bg = colour("background", &style.background);
        // Unparseable colours were reported above. Without any colour of its own the text
        // is drawn in the ink that reads best on a fixed fill, or on the screen (rated there).
        if matches!(fg, Some(None)) || matches!(bg, Some(None)) || (fg.is_none() && bg.is_none()) {
            return;
        }
        let (fg, bg) = senior::drawn(fg.flatten(), bg.flatten(), fill);
        let ratio = senior::contrast(fg, bg);
        if ratio < senior::MIN_TEXT_CONTRAST {
            let field = if style.color.is_some() { "color" } else { "background" };
            self.low_contrast(&p.field(field), ratio, "style");
        }
    }

    fn steps(&mut self, root: &Path) {
        let mut seen = HashSet::new();
        for (i, step) in self.s().steps.iter().enumerate() {
            let p = root.field("steps").index(i);
            self.check_id(&p.field("id"), &step.id, &mut seen);
            self.msg(p.field("prompt"), &step.prompt);
            if let Camera::Station(id) = &step.camera {
                self.station_ref(&p.field("camera").index(0), id);
            }
            let screen = match &step.screen {
                Some(id) => match self.s().screen(id) {
                    Some(screen) => Some(screen),
                    None => {
                        let suggestion = closest(id, self.s().screens.iter().map(|s| s.id.as_str()));
                        self.emit(Code::UnknownScreen, &p.field("screen"))
                            .args_mut(&[("found", id)])
                            .suggest(suggestion);
                        None
                    }
                },
                None => None,
            };
            let screen_known = step.screen.is_none() || screen.is_some();
            self.expect(&p.field("action"), &step.action, screen, screen_known, true);
            if step.hints.len() < 3 {
                let found = step.hints.len().to_string();
                self.emit(Code::ShortHintLadder, &p.field("hints")).args_mut(&[("found", &found), ("expected", "3")]);
            }
            for (k, hint) in step.hints.iter().enumerate() {
                self.msg(p.field("hints").index(k), hint);
            }
            for (k, fb) in step.wrong.iter().enumerate() {
                let fp = p.field("wrong").index(k);
                self.in_wrong = true;
                self.expect(&fp.field("when"), &fb.when, screen, screen_known, false);
                self.in_wrong = false;
                self.msg(fp.field("say"), &fb.say);
                if fb.when == step.action || step.branches.iter().any(|b| b.when == fb.when) {
                    self.emit(Code::UselessFeedback, &fp.field("when"));
                }
            }
            let mut whens = vec![&step.action];
            for (k, br) in step.branches.iter().enumerate() {
                let bp = p.field("branches").index(k);
                self.expect(&bp.field("when"), &br.when, screen, screen_known, false);
                self.step_ref(&bp.field("go_to"), &br.go_to);
                if let Some(say) = &br.say {
                    self.msg(bp.field("say"), say);
                }
                if whens.contains(&&br.when) {
                    self.emit(Code::AmbiguousAction, &bp.field("when"));
                }
                whens.push(&br.when);
            }
            if let Some(next) = &step.next {
                self.step_ref(&p.field("next"), next);
            }
            if let Some(trap) = &step.trap
                && screen_known
            {
                self.trap(&p.field("trap"), step, trap, screen);
            }
            for (k, shown) in step.shows.iter().enumerate() {
                let sp = p.field("shows").index(k);
                self.station_ref(&sp.field("station"), &shown.station);
                self.msg(sp.field("words"), &shown.words);
                if let Some(station) = self.s().station(&shown.station) {
                    self.has_display(&sp.field("station"), station);
                }
            }
        }
    }

    /// Words to show on `station` need a display to show them on (KY0210 at `path`).
    fn has_display(&mut self, path: &Path, station: &Station) {
        if !station.kind.shows_words() {
            let kind = format!("{:?}", station.kind);
            self.emit(Code::ShowsNothing, path).args_mut(&[("found", &kind)]);
        }
    }

    fn station_ref(&mut self, path: &Path, id: &str) {
        if self.s().station(id).is_none() {
            let suggestion = closest(id, self.s().stations.iter().map(|s| s.id.as_str()));
            self.emit(Code::UnknownStation, path).args_mut(&[("found", id)]).suggest(suggestion);
        }
    }

    fn step_ref(&mut self, path: &Path, id: &str) {
        if self.s().step_index(id).is_none() {
            let suggestion = closest(id, self.s().steps.iter().map(|s| s.id.as_str()));
            self.emit(Code::UnknownStep, path).args_mut(&[("found", id)]).suggest(suggestion);
        }
    }

    /// Does an action (expected, or in feedback/branches) refer to something that
    /// exists and can take that action at this step?
    fn expect(
        &mut self,
        p: &Path,
        expect: &Expect,
        screen: Option<&Screen>,
        screen_known: bool,
        must_be_possible: bool,
    ) {
        let needs_screen = |this: &mut Self, at: &Path| {
            if screen_known {
                this.emit(Code::NoScreen, at);
            }
        };
        match expect {
            Expect::Tap(target) => {
                let at = p.index(0);
                let Some(screen) = screen else { return needs_screen(self, &at) };
                if screen.has_tap_target(target) {
                    return;
                }
                if let Some(Widget::HoldToTalk { .. }) = screen.widget(target) {
                    self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", target), ("kind", "hold")]);
                } else if screen.widget(target).is_some() {
                    self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", target), ("kind", "not-tappable")]);
                } else if self.s().station(target).is_some() {
                    self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", target), ("kind", "station")]);
                } else {
                    let targets: Vec<&str> = screen.widgets.iter().flat_map(|w| w.tap_targets()).collect();
                    let suggestion = closest(target, targets);
                    let screen_id = screen.id.clone();
                    self.emit(Code::UnknownWidget, &at)
                        .args_mut(&[("found", target), ("screen", &screen_id)])
                        .suggest(suggestion);
                }
            }
            Expect::TapStation(id) => {
                // The learner's phone is in their hand, not drawn in the room: nothing to tap.
                if self.s().station(id).is_some_and(|st| !st.kind.is_drawn()) {
                    self.emit(Code::ActionDoesNotFit, &p.index(0))
                        .args_mut(&[("found", id), ("kind", "phone-station")]);
                } else {
                    self.station_ref(&p.index(0), id);
                }
            }
            Expect::Enter { field, value } => {
                let at = p.field("field");
                let Some(screen) = screen else { return needs_screen(self, &at) };
                match screen.widget(field) {
                    Some(w) if w.is_field() => {
                        if let Some(v) = value
                            && let Some(expected) = value_problem(w, v)
                        {
                            self.emit(Code::BadValue, &p.field("value"))
                                .args_mut(&[("found", v), ("expected", &expected)]);
                        }
                    }
                    Some(_) => {
                        self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", field), ("kind", "not-field")]);
                    }
                    None => {
                        let fields: Vec<&str> =
                            screen.widgets.iter().filter(|w| w.is_field()).map(|w| w.id()).collect();
                        let suggestion = closest(field, fields);
                        let screen_id = screen.id.clone();
                        self.emit(Code::UnknownWidget, &at)
                            .args_mut(&[("found", field), ("screen", &screen_id)])
                            .suggest(suggestion);
                    }
                }
            }
            Expect::Choose { widget, option } => {
                let at = p.field("widget");
                let Some(screen) = screen else { return needs_screen(self, &at) };
                match screen.widget(widget).map(|w| (w, w.options())) {
                    Some((_, Some(options))) => match options.iter().find(|o| o.id == option) {
                        Some(o) if must_be_possible && !o.available => {
                            self.emit(Code::BadValue, &p.field("option"))
                                .args_mut(&[("found", option), ("expected", "available: true")]);
                        }
                        Some(_) => {}
                        None => {
                            let suggestion = closest(option, options.iter().map(|o| o.id));
                            self.emit(Code::UnknownOption, &p.field("option"))
                                .args_mut(&[("found", option), ("widget", widget)])
                                .suggest(suggestion);
                        }
                    },
                    Some((_, None)) => {
                        self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", widget), ("kind", "not-picker")]);
                    }
                    None => {
                        let pickers: Vec<&str> =
                            screen.widgets.iter().filter(|w| w.options().is_some()).map(|w| w.id()).collect();
                        let suggestion = closest(widget, pickers);
                        let screen_id = screen.id.clone();
                        self.emit(Code::UnknownWidget, &at)
                            .args_mut(&[("found", widget), ("screen", &screen_id)])
                            .suggest(suggestion);
                    }
                }
            }
            Expect::Acknowledge => {}
            Expect::Hold { widget, seconds } => {
                let at = p.field("widget");
                let Some(screen) = screen else { return needs_screen(self, &at) };
                self.hold_button(&at, screen, widget);
                if !(1..=10).contains(seconds) {
                    let found = seconds.to_string();
                    self.emit(Code::BadValue, &p.field("seconds")).args_mut(&[("found", &found), ("expected", "1–10")]);
                }
            }
            Expect::ReleasedEarly(widget) => {
                let at = p.index(0);
                if must_be_possible || !self.in_wrong {
                    // Letting go early is a mistake to answer, never the way on.
                    self.emit(Code::ActionDoesNotFit, &at).args_mut(&[("found", widget), ("kind", "only-wrong")]);
                    return;
                }
                let Some(screen) = screen else { return needs_screen(self, &at) };
                self.hold_button(&at, screen, widget);
            }
            Expect::Wait(seconds) => {
                if !must_be_possible {
                    // Waiting is what a step asks; it is never a mistake or a way elsewhere.
                    let found = format!("Wait({seconds})");
                    self.emit(Code::ActionDoesNotFit, &p.index(0))
                        .args_mut(&[("found", &found), ("kind", "only-step")]);
                } else if !(1..=60).contains(seconds) {
                    let found = seconds.to_string();
                    self.emit(Code::BadValue, &p.index(0)).args_mut(&[("found", &found), ("expected", "1–60")]);
                }
            }
        }
    }

    /// A `Hold` or `ReleasedEarly` names a hold-to-talk button of the screen.
    fn hold_button(&mut self, at: &Path, screen: &Screen, widget: &str) {
        match screen.widget(widget) {
            Some(Widget::HoldToTalk { .. }) => {}
            Some(_) => {
                self.emit(Code::ActionDoesNotFit, at).args_mut(&[("found", widget), ("kind", "not-hold")]);
            }
            None => {
                let holds: Vec<&str> =
                    screen.widgets.iter().filter(|w| matches!(w, Widget::HoldToTalk { .. })).map(|w| w.id()).collect();
                let suggestion = closest(widget, holds);
                let screen_id = screen.id.clone();
                self.emit(Code::UnknownWidget, at)
                    .args_mut(&[("found", widget), ("screen", &screen_id)])
                    .suggest(suggestion);
            }
        }
    }

    fn trap(&mut self, p: &Path, step: &Step, trap: &Trap, screen: Option<&Screen>) {
        self.msg(p.field("fell_for"), &trap.fell_for);
        self.msg(p.field("refused"), &trap.refused);
        let bait_ok = screen.is_some_and(|s| s.has_tap_target(&trap.bait));
        if !bait_ok {
            self.emit(Code::BadTrap, &p.field("bait")).args_mut(&[("found", &trap.bait), ("kind", "bait-missing")]);
        } else if step.action == Expect::Tap(trap.bait.clone()) {
            self.emit(Code::BadTrap, &p.field("bait")).args_mut(&[("found", &trap.bait), ("kind", "bait-is-answer")]);
        }
    }

    /// Every step reachable from the first, and every reachable step able to reach the end.
    fn graph(&mut self, root: &Path) {
        let s = self.s();
        let n = s.steps.len();
        if n == 0 {
            return;
        }
        let successors = |i: usize| -> Vec<usize> {
            let step = &s.steps[i];
            let mut out: Vec<usize> = s.next_after(i).into_iter().collect();
            out.extend(step.branches.iter().filter_map(|b| s.step_index(&b.go_to)));
            out
        };
        let finishes = |i: usize| s.next_after(i).is_none() && (s.steps[i].end || s.steps[i].next.is_none());
        let mut reachable = vec![false; n];
        let mut queue = VecDeque::from([0]);
        reachable[0] = true;
        while let Some(i) = queue.pop_front() {
            for j in successors(i) {
                if !reachable[j] {
                    reachable[j] = true;
                    queue.push_back(j);
                }
            }
        }
        // Backwards from the finishing steps.
        let mut can_finish: Vec<bool> = (0..n).map(finishes).collect();
        let mut changed = true;
        while changed {
            changed = false;
            for i in 0..n {
                if !can_finish[i] && successors(i).iter().any(|&j| can_finish[j]) {
                    can_finish[i] = true;
                    changed = true;
                }
            }
        }
        // In a loop every step is stuck; name the ones whose jumps close it.
        let stuck: Vec<usize> = (0..n).filter(|&i| reachable[i] && !can_finish[i]).collect();
        let jumps: Vec<usize> = stuck.iter().copied().filter(|&i| successors(i).iter().any(|&j| j <= i)).collect();
        let report: HashSet<usize> = if jumps.is_empty() { stuck } else { jumps }.into_iter().collect();
        // A learner who does every step right follows `next` only: that way must end
        // too, or it goes round for ever even when a branch could leave the circle.
        let mut circling: HashSet<usize> = HashSet::new();
        for start in (0..n).filter(|&i| reachable[i] && can_finish[i] && !report.contains(&i)) {
            let way = s.following(start);
            let last = *way.last().expect("a way holds its first step");
            if let Some(k) = s.next_after(last).and_then(|t| way.iter().position(|&v| v == t)) {
                // The circle is way[k..]; name the step whose `next` jumps back.
                let back = way[k..].iter().copied().find(|&v| s.next_after(v).is_some_and(|t| t <= v));
                circling.insert(back.unwrap_or(last));
            }
        }
        for &i in &circling {
            let p = root.field("steps").index(i);
            let at = if s.steps[i].next.is_some() { p.field("next") } else { p.field("id") };
            let (id, to) = (s.steps[i].id.clone(), s.next_after(i).map(|t| s.steps[t].id.clone()).unwrap_or_default());
            self.emit(Code::DeadEnd, &at).args_mut(&[("found", &id), ("kind", "circle"), ("to", &to)]);
        }
        for (i, &is_reachable) in reachable.iter().enumerate() {
            let p = root.field("steps").index(i);
            let id = s.steps[i].id.clone();
            if !is_reachable {
                self.emit(Code::UnreachableStep, &p.field("id")).args_mut(&[("found", &id)]);
            } else if report.contains(&i) {
                // Dangling `next` ids are already reported as unknown steps.
                if s.steps[i].next.as_ref().is_some_and(|t| s.step_index(t).is_none()) {
                    continue;
                }
                let at = if s.steps[i].next.is_some() { p.field("next") } else { p.field("id") };
                self.emit(Code::DeadEnd, &at).args_mut(&[("found", &id)]);
            }
        }
    }

    fn unused_screens(&mut self, root: &Path) {
        let used: HashSet<&str> = self.s().steps.iter().filter_map(|s| s.screen.as_deref()).collect();
        for (i, screen) in self.s().screens.iter().enumerate() {
            if !used.contains(screen.id.as_str()) {
                let id = screen.id.clone();
                self.emit(Code::UnusedScreen, &root.field("screens").index(i).field("id")).args_mut(&[("found", &id)]);
            }
        }
    }

    fn message_ids(&mut self) {
        let Some(catalog) = self.ctx.catalog else { return };
        if catalog.locales.is_empty() {
            let dir = catalog.dir.display().to_string();
            let file = self.loaded.file.clone();
            self.out.push(Diagnostic::new(Code::NoLocales, file).arg("found", dir));
            return;
        }
        // Every language the app offers must have the scenario's words, or learners see ids.
        for lang in crate::i18n::Lang::ALL {
            if catalog.locale(lang.tag()).is_none() {
                let dir = catalog.dir.join(lang.tag()).display().to_string();
                self.emit(Code::MissingLanguage, &Path::root()).args_mut(&[("locale", lang.tag()), ("dir", &dir)]);
            }
        }
        let mut reported = BTreeSet::new();
        for (path, id) in std::mem::take(&mut self.messages) {
            for locale in &catalog.locales {
                if !locale.has(&id) && reported.insert((id.clone(), locale.tag.clone())) {
                    let tag = locale.tag.clone();
                    // Written in another language: not a typo, a line to add to the same file here.
                    let elsewhere = catalog.locales.iter().find(|l| l.has(&id));
                    if let Some(other) = elsewhere {
                        // The same file name in this language's folder, next to the other's
                        // (`<locales>/<other>/<name>` → `<locales>/<tag>/<name>`): shipped or own.
                        let defined = &other.definitions[&id].file;
                        let name = defined.file_name().unwrap_or_default().to_owned();
                        let locales =
                            defined.parent().and_then(FsPath::parent).map_or(catalog.dir.clone(), FsPath::to_path_buf);
                        let file = shown_path(&locales.join(&tag).join(name));
                        let text = other.get(&id, &BTreeMap::new()).unwrap_or_default();
                        let other_tag = other.tag.clone();
                        self.emit(Code::MissingMessage, &path).args_mut(&[
                            ("found", &id),
                            ("locale", &tag),
                            ("kind", "add"),
                            ("file", &file),
                            ("other", &other_tag),
                            ("text", &text),
                        ]);
                    } else {
                        // Nowhere: a typo when a defined name is close, else a line to write.
                        let suggestion = closest(&id, locale.definitions.keys());
                        self.emit(Code::MissingMessage, &path)
                            .args_mut(&[("found", &id), ("locale", &tag)])
                            .suggest(suggestion);
                    }
                }
                let text = locale.has(&id).then(|| locale.get(&id, &BTreeMap::new())).flatten();
                let missing = match (self.ctx.glyphs, text) {
                    (Some(glyphs), Some(text)) => glyphs.missing(&text),
                    _ => Vec::new(),
                };
                if !missing.is_empty() && reported.insert((id.clone(), format!("font {}", locale.tag))) {
                    let found: String = missing.iter().collect();
                    let tag = locale.tag.clone();
                    self.emit(Code::MissingGlyph, &path).args_mut(&[("found", &found), ("id", &id), ("locale", &tag)]);
                }
            }
        }
    }

    fn voice_clips(&mut self) {
        use crate::voice::{ClipState, Manifest};
        let spoken = crate::voice::spoken_lines(self.s());
        let (Some(project), Some(catalog)) = (self.ctx.project, self.ctx.catalog) else { return };
        for locale in &catalog.locales {
            // A centre's own scenario keeps its clips in its own folder.
            let folder = project.voice_dir_for(FsPath::new(&self.loaded.file)).join(&locale.tag);
            let manifest = Manifest::load(&folder).unwrap_or_else(|reason| {
                let file = shown_path(&Manifest::path(&folder));
                self.emit(Code::BrokenManifest, &Path::root()).args_mut(&[("found", &file), ("reason", &reason)]);
                Manifest::default()
            });
            let problem = |id: &str| {
                let text = locale.get(id, &BTreeMap::new()).unwrap_or_default();
                manifest.problem(id, &text, &project.clip(&locale.tag, id))
            };
            // Each clip is looked at once (and read only when its line's text changed).
            let states: Vec<(&(Path, String), Option<ClipState>)> =
                spoken.iter().map(|line| (line, problem(&line.1))).collect();
            let with =
                |wanted| states.iter().filter(|(_, st)| *st == Some(wanted)).map(|(line, _)| *line).collect::<Vec<_>>();
            let (missing, stale) = (with(ClipState::Missing), with(ClipState::Stale));
            let dir = shown_path(&folder);
            let tag = locale.tag.clone();
            for (code, lines) in [(Code::MissingClip, missing), (Code::StaleClip, stale)] {
                let Some((first_path, first_id)) = lines.first().map(|(p, id)| (p.clone(), id.clone())) else {
                    continue;
                };
                let count = lines.iter().map(|(_, id)| id).collect::<BTreeSet<_>>().len().to_string();
                self.emit(code, &first_path).args_mut(&[
                    ("found", &first_id),
                    ("count", &count),
                    ("locale", &tag),
                    ("dir", &dir),
                ]);
            }
        }
    }
}

/// A path as a trainer would type it: relative to the current folder when inside it.
fn shown_path(path: &FsPath) -> String {
    let cwd = std::env::current_dir().ok().and_then(|d| dunce::canonicalize(d).ok());
    cwd.and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| path.display().to_string())
}

/// Why a typed value cannot be right for this field, as "what is expected".
fn value_problem(widget: &Widget, value: &str) -> Option<String> {
    let digits_only = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit());
    match widget {
        Widget::SmsCode { digits, .. } | Widget::PasswordPad { digits, .. } => {
            (!digits_only || value.len() != usize::from(*digits)).then(|| format!("{digits} × 0–9"))
        }
        // The on-screen keypad has the digits only: a value with letters could never be typed.
        Widget::Input { kind: InputKind::Number | InputKind::Text, .. } => (!digits_only).then(|| "0–9".to_owned()),
        Widget::Input { kind: InputKind::Phone, .. } => {
            (!digits_only || value.len() != 11).then(|| "11 × 0–9".to_owned())
        }
        _ => value.trim().is_empty().then(|| "…".to_owned()),
    }
}

/// Small helpers to add words to a diagnostic in place.
trait DiagnosticExt {
    fn args_mut(&mut self, args: &[(&str, &str)]) -> &mut Self;
    fn suggest(&mut self, suggestion: Option<String>) -> &mut Self;
}

impl DiagnosticExt for Diagnostic {
    fn args_mut(&mut self, args: &[(&str, &str)]) -> &mut Self {
        for (k, v) in args {
            self.args.insert((*k).to_owned(), (*v).to_owned());
        }
        self
    }

    fn suggest(&mut self, suggestion: Option<String>) -> &mut Self {
        if let Some(s) = suggestion {
            self.args.insert("label".to_owned(), format!("→ {s}"));
            self.args.insert("suggestion".to_owned(), s);
        } else {
            self.args.insert("suggestion".to_owned(), String::new());
        }
        self
    }
}

/// Counts of diagnostics by severity.
pub fn tally(diagnostics: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut t = BTreeMap::from([("errors", 0), ("warnings", 0)]);
    for d in diagnostics {
        *t.entry(if d.is_error() { "errors" } else { "warnings" }).or_default() += 1;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words() {
        assert!(valid_id("open_app2"));
        for bad in ["Open", "2open", "open-app", "", "打开"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn dates_are_checked_for_shape_and_range() {
        assert!(valid_date("2026-10-20"));
        for bad in ["2026-13-01", "26-10-20", "2026/10/20", "2026-10-2x"] {
            assert!(!valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn typed_values_must_fit_their_field() {
        let code = Widget::SmsCode { id: "c".into(), label: "l".into(), digits: 6 };
        assert_eq!(value_problem(&code, "123456"), None);
        assert!(value_problem(&code, "12345").is_some());
        assert!(value_problem(&code, "12345a").is_some());
        let phone = Widget::Input {
            id: "p".into(),
            label: "l".into(),
            kind: InputKind::Phone,
            placeholder: None,
            style: Style::default(),
        };
        assert_eq!(value_problem(&phone, "13800000000"), None);
        assert!(value_problem(&phone, "1380000").is_some());
        // A text field is typed on the same digit keypad: letters could never be entered.
        let text = Widget::Input {
            id: "t".into(),
            label: "l".into(),
            kind: InputKind::Text,
            placeholder: None,
            style: Style::default(),
        };
        assert_eq!(value_problem(&text, "2026"), None);
        assert!(value_problem(&text, "Chen").is_some());
    }
}

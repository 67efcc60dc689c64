//! The scenario model: what a trainer writes in a `.ron` file, as plain serde types.
//!
//! A scenario says *what* happens, never *how*: every piece of text is a Fluent
//! message id (the words live in `locales/<lang>/*.ftl`), every target is an id of
//! a widget on a declared phone screen or of a station in the 3D scene.
//! `docs/scenario-format.md` documents every field for trainers.

use serde::{Deserialize, Serialize};

/// A Fluent message id such as `hosp-open-app-prompt`.
pub type MsgId = String;

/// One practice walkthrough, e.g. booking a hospital appointment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id, the same as the file name without `.ron`.
    pub id: String,
    /// Title shown on the scenario card.
    pub title: MsgId,
    /// One line saying what the scenario teaches.
    pub summary: MsgId,
    /// Estimated minutes for a first try.
    pub minutes: u32,
    pub difficulty: Difficulty,
    /// Which 3D place the scenario is played in.
    pub environment: Environment,
    /// Which real app version the flow was copied from, and when.
    pub verified_against: Verified,
    /// Things in the 3D scene that steps can point the camera at or ask to tap.
    #[serde(default)]
    pub stations: Vec<Station>,
    /// The phone screens the learner sees.
    #[serde(default)]
    pub screens: Vec<Screen>,
    /// The steps, in the order they are normally played.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

/// The 3D places the app can build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Environment {
    HospitalLobby,
    LivingRoom,
    ServiceHall,
}

/// Where the flow was copied from, so trainers know when to re-check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    /// The real app's name, e.g. "浙里办".
    pub app: String,
    /// The real app's version, e.g. "7.12.0".
    pub version: String,
    /// The day it was compared, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub notes: Option<String>,
}

/// A thing in the 3D scene.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Station {
    pub id: String,
    pub kind: StationKind,
    /// The sign or label shown above it.
    pub label: MsgId,
    /// Metres: x to the right, y up, z towards the learner.
    pub position: (f32, f32, f32),
    /// Which way it faces, in degrees around the vertical axis.
    #[serde(default)]
    pub facing: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StationKind {
    Kiosk,
    CardReader,
    RegistrationCounter,
    PharmacyWindow,
    QueueScreen,
    Seats,
    Door,
    Phone,
    Sign,
    Sofa,
    Table,
    Tv,
    ServiceWindow,
}

impl StationKind {
    /// Every kind, in the order written in the guide.
    pub const ALL: [StationKind; 13] = [
        StationKind::Kiosk,
        StationKind::CardReader,
        StationKind::RegistrationCounter,
        StationKind::PharmacyWindow,
        StationKind::QueueScreen,
        StationKind::Seats,
        StationKind::Door,
        StationKind::Phone,
        StationKind::Sign,
        StationKind::Sofa,
        StationKind::Table,
        StationKind::Tv,
        StationKind::ServiceWindow,
    ];

    /// Whether the room draws this kind as a model a learner can tap. The learner's
    /// phone is not in the room but in their hand (the phone screen), so a step
    /// cannot ask to tap it there (the checker says so: KY0110).
    pub fn is_drawn(self) -> bool {
        self != StationKind::Phone
    }
}

/// One phone screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screen {
    pub id: String,
    /// Text of the title bar.
    pub title: MsgId,
    /// Show a back arrow in the title bar.
    #[serde(default)]
    pub back: bool,
    /// Show the status bar (time, battery).
    #[serde(default = "yes")]
    pub status_bar: bool,
    /// Where the screen appears: the learner's phone, or a station's display (a kiosk).
    #[serde(default)]
    pub shown_on: Display,
    /// Screen background colour, `#RRGGBB`; white when left out.
    #[serde(default)]
    pub background: Option<String>,
    pub widgets: Vec<Widget>,
}

fn yes() -> bool {
    true
}

/// A device that shows a screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Display {
    #[default]
    Phone,
    Station(String),
}

/// Optional look of a widget. Sizes are logical pixels on the phone screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    #[serde(default)]
    pub text_size: Option<u32>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
    /// Text colour, `#RRGGBB`.
    #[serde(default)]
    pub color: Option<String>,
    /// Background colour, `#RRGGBB`.
    #[serde(default)]
    pub background: Option<String>,
}

/// A pickable option of a date picker or time-slot list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: MsgId,
    /// A full slot is shown greyed out with the word "full", never by colour alone.
    #[serde(default = "yes")]
    pub available: bool,
}

/// The icon names an icon grid item may ask for (generic pictograms, no brands).
/// Any other name is a warning (KY0208); the guides list them with their meaning.
pub const ICONS: &[&str] = &[
    "calendar",
    "camera",
    "government",
    "hospital",
    "house",
    "message",
    "phone",
    "search",
    "wallet",
    "bank",
    "bus",
    "chat",
    "id_card",
    "insurance",
    "medicine",
    "pay",
    "qr_code",
    "settings",
    "video",
    "weather",
];

/// An icon of an icon grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridItem {
    pub id: String,
    pub text: MsgId,
    /// A generic pictogram name, one of [`ICONS`].
    #[serde(default)]
    pub icon: Option<String>,
}

/// A button inside a dialog or pop-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogButton {
    pub id: String,
    pub text: MsgId,
    #[serde(default)]
    pub style: Style,
}

/// A label/value row of a card (receipts, query results).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub label: MsgId,
    pub value: MsgId,
}

/// What kind of characters an input takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputKind {
    Text,
    Number,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScanKind {
    Qr,
    Face,
}

/// A piece of a phone screen. Every widget has an id that steps refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Widget {
    /// Plain text.
    Text {
        id: String,
        text: MsgId,
        #[serde(default)]
        style: Style,
    },
    Button {
        id: String,
        text: MsgId,
        #[serde(default)]
        style: Style,
    },
    /// A row of a list, with an optional second line.
    ListItem {
        id: String,
        text: MsgId,
        #[serde(default)]
        detail: Option<MsgId>,
        #[serde(default)]
        style: Style,
    },
    /// The grid of service icons on an app's home page.
    IconGrid {
        id: String,
        items: Vec<GridItem>,
        #[serde(default)]
        style: Style,
    },
    /// A text or number field, typed on the on-screen keypad.
    Input {
        id: String,
        label: MsgId,
        kind: InputKind,
        #[serde(default)]
        placeholder: Option<MsgId>,
        #[serde(default)]
        style: Style,
    },
    DatePicker {
        id: String,
        label: MsgId,
        options: Vec<Choice>,
        #[serde(default)]
        style: Style,
    },
    TimeSlots {
        id: String,
        label: MsgId,
        options: Vec<Choice>,
        #[serde(default)]
        style: Style,
    },
    /// "Are you sure?" with a confirm and a cancel button.
    ConfirmDialog { id: String, title: MsgId, text: MsgId, confirm: DialogButton, cancel: DialogButton },
    /// A pop-up (notice, advert, scam). `close` is the big button that closes it.
    Popup {
        id: String,
        title: MsgId,
        text: MsgId,
        #[serde(default)]
        buttons: Vec<DialogButton>,
        close: DialogButton,
    },
    /// A text message (SMS) as it appears on the phone.
    Sms { id: String, sender: MsgId, text: MsgId },
    /// Boxes for an SMS verification code.
    SmsCode { id: String, label: MsgId, digits: u8 },
    /// The six-dot payment password pad.
    PasswordPad { id: String, label: MsgId, digits: u8 },
    /// A QR or face scan mock-up; tapping it "scans".
    Scan { id: String, kind: ScanKind, text: MsgId },
    /// A short notice that appears and stays until the step ends.
    Toast { id: String, text: MsgId },
    /// A card of label/value rows, e.g. a receipt.
    Card { id: String, title: MsgId, rows: Vec<Row> },
}

/// Where the camera looks during a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Camera {
    /// Close on the learner's phone.
    Phone,
    /// At a station of the scene.
    Station(String),
    /// The whole room.
    Overview,
}

/// What the learner must do (in a step), or did (in feedback and branches).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expect {
    /// Tap a widget (or a button inside one) on the phone screen.
    Tap(String),
    /// Tap a station in the 3D scene.
    TapStation(String),
    /// Type into an input, SMS code or password pad. Without `value`, anything non-empty.
    Enter {
        field: String,
        #[serde(default)]
        value: Option<String>,
    },
    /// Pick an option of a date picker or time-slot list.
    Choose { widget: String, option: String },
    /// Press the big "I've read it" button under the caption.
    Acknowledge,
}

/// What to say when the learner does a particular wrong thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub when: Expect,
    pub say: MsgId,
}

/// Another way forward, e.g. "no slots today" leads to choosing tomorrow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub when: Expect,
    pub go_to: String,
    #[serde(default)]
    pub say: Option<MsgId>,
}

/// A scam the learner must refuse: tapping `bait` is falling for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    pub bait: String,
    /// Said kindly when the learner taps the bait.
    pub fell_for: MsgId,
    /// Said when the learner refuses.
    pub refused: MsgId,
}

/// One step of the walkthrough.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    /// The caption and the voice line.
    pub prompt: MsgId,
    pub camera: Camera,
    /// The phone screen shown during this step.
    #[serde(default)]
    pub screen: Option<String>,
    pub action: Expect,
    /// At least three hints, each clearer than the last.
    pub hints: Vec<MsgId>,
    #[serde(default)]
    pub wrong: Vec<Feedback>,
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// The step after this one; the next in the list when left out.
    #[serde(default)]
    pub next: Option<String>,
    /// Set on the final step of a path that is not the last in the list.
    #[serde(default)]
    pub end: bool,
    #[serde(default)]
    pub trap: Option<Trap>,
}

impl Widget {
    /// The widget's own id.
    pub fn id(&self) -> &str {
        match self {
            Widget::Text { id, .. }
            | Widget::Button { id, .. }
            | Widget::ListItem { id, .. }
            | Widget::IconGrid { id, .. }
            | Widget::Input { id, .. }
            | Widget::DatePicker { id, .. }
            | Widget::TimeSlots { id, .. }
            | Widget::ConfirmDialog { id, .. }
            | Widget::Popup { id, .. }
            | Widget::Sms { id, .. }
            | Widget::SmsCode { id, .. }
            | Widget::PasswordPad { id, .. }
            | Widget::Scan { id, .. }
            | Widget::Toast { id, .. }
            | Widget::Card { id, .. } => id,
        }
    }

    /// The ids a learner can tap on this widget (its own, or its items' and buttons').
    pub fn tap_targets(&self) -> Vec<&str> {
        match self {
            Widget::Button { id, .. }
            | Widget::ListItem { id, .. }
            | Widget::Sms { id, .. }
            | Widget::Scan { id, .. } => vec![id],
            Widget::IconGrid { items, .. } => items.iter().map(|i| i.id.as_str()).collect(),
            Widget::ConfirmDialog { confirm, cancel, .. } => vec![&confirm.id, &cancel.id],
            Widget::Popup { buttons, close, .. } => {
                buttons.iter().map(|b| b.id.as_str()).chain([close.id.as_str()]).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether the learner types into this widget.
    pub fn is_field(&self) -> bool {
        matches!(self, Widget::Input { .. } | Widget::SmsCode { .. } | Widget::PasswordPad { .. })
    }

    /// What autoplay types into this field when the step accepts any value: as many
    /// digits as a code or password takes (they send themselves only when full), a
    /// whole mobile number, or a short number.
    pub fn example_value(&self) -> String {
        match self {
            Widget::SmsCode { digits, .. } | Widget::PasswordPad { digits, .. } => {
                "2580".chars().cycle().take(usize::from(*digits)).collect()
            }
            Widget::Input { kind: InputKind::Phone, .. } => "13900001234".to_owned(),
            _ => "1234".to_owned(),
        }
    }

    /// The options of a picker, if this widget is one.
    pub fn options(&self) -> Option<&[Choice]> {
        match self {
            Widget::DatePicker { options, .. } | Widget::TimeSlots { options, .. } => Some(options),
            _ => None,
        }
    }
}

impl Scenario {
    pub fn screen(&self, id: &str) -> Option<&Screen> {
        self.screens.iter().find(|s| s.id == id)
    }

    pub fn station(&self, id: &str) -> Option<&Station> {
        self.stations.iter().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Where play goes after step `index` when its main action is done:
    /// `None` means the walkthrough is complete.
    pub fn next_after(&self, index: usize) -> Option<usize> {
        let step = self.steps.get(index)?;
        if step.end {
            return None;
        }
        match &step.next {
            Some(id) => self.step_index(id),
            None if index + 1 < self.steps.len() => Some(index + 1),
            None => None,
        }
    }

    /// Step `index` and the steps after it by [`Scenario::next_after`], each once: the way a
    /// learner who does every step right goes from there. It stops at the end, or before a
    /// step already on it (then `next_after` of the last one is where the circle closes).
    pub fn following(&self, index: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = (index < self.steps.len()).then_some(index);
        while let Some(i) = at.filter(|i| !path.contains(i)) {
            path.push(i);
            at = self.next_after(i);
        }
        path
    }

    /// The usual path: from the first step, following [`Scenario::next_after`], each step once.
    pub fn usual_path(&self) -> Vec<usize> {
        self.following(0)
    }

    /// "Step N of M" for step `index`, as the caption counts: M steps on the usual path,
    /// N the step's place on it. A step off the usual path (reached by a branch) counts
    /// as the usual step it leads back to, so a side step does not move the count; M when
    /// it never leads back. The same however the step was reached.
    pub fn step_number(&self, index: usize) -> (usize, usize) {
        let path = self.usual_path();
        let total = path.len();
        let number = self.following(index).iter().find_map(|i| path.iter().position(|p| p == i));
        number.map_or((total, total), |n| (n + 1, total))
    }
}

impl Screen {
    pub fn widget(&self, id: &str) -> Option<&Widget> {
        self.widgets.iter().find(|w| w.id() == id)
    }

    /// Whether `id` can be tapped on this screen.
    pub fn has_tap_target(&self, id: &str) -> bool {
        self.widgets.iter().any(|w| w.tap_targets().contains(&id))
    }
}

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
    /// Which part of the course it belongs to (the choose screen groups tasks by it); left
    /// out, the task is listed under "More practice" after the course.
    #[serde(default)]
    pub module: Option<Module>,
    /// Its place in the suggested order within its module (1 first); left out, after those
    /// that have one.
    #[serde(default)]
    pub order: Option<u32>,
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

/// The parts of the course, in the order they are suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Module {
    /// 手机入门: the phone and the government app's first steps.
    PhoneBasics,
    /// 看病就医: hospital and pharmacy.
    Health,
    /// 医保社保: medical insurance and social security.
    Insurance,
    /// 政务办事: government services.
    Government,
    /// 支付缴费: paying by code, bills.
    Payment,
    /// 出行: bus, taxi, train.
    Transport,
    /// 家人联络: calls, chats and photos with family.
    Family,
    /// 防骗: recognising and refusing scams.
    AntiFraud,
}

impl Module {
    pub const ALL: [Module; 8] = [
        Module::PhoneBasics,
        Module::Health,
        Module::Insurance,
        Module::Government,
        Module::Payment,
        Module::Transport,
        Module::Family,
        Module::AntiFraud,
    ];

    /// The app's message id of the module's name (`app-module-…`).
    pub fn message(self) -> &'static str {
        match self {
            Module::PhoneBasics => "app-module-phone-basics",
            Module::Health => "app-module-health",
            Module::Insurance => "app-module-insurance",
            Module::Government => "app-module-government",
            Module::Payment => "app-module-payment",
            Module::Transport => "app-module-transport",
            Module::Family => "app-module-family",
            Module::AntiFraud => "app-module-anti-fraud",
        }
    }
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
    /// A bank's hall: ticket machine, waiting seats, counters with glass, a number screen.
    BankHall,
    /// A street corner with a taxi stop: the stop's sign with its QR code, the kerb, cars.
    Street,
    /// A bus stop and the bus at it: the stop's sign, the bus door, the card reader inside.
    BusStop,
    /// A market: stalls with their QR stands, and a small supermarket's checkout.
    Market,
}

impl Environment {
    /// Every place, in the order written in the guide.
    pub const ALL: [Environment; 7] = [
        Environment::HospitalLobby,
        Environment::LivingRoom,
        Environment::ServiceHall,
        Environment::BankHall,
        Environment::Street,
        Environment::BusStop,
        Environment::Market,
    ];
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
    /// Public pages the flow was checked against (addresses).
    #[serde(default)]
    pub sources: Vec<String>,
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
    /// What its display shows, in big letters, in place of its name: the call on a queue
    /// screen (`12号 王*兰 内科3诊室`), so the learner finds on it what the step tells them to
    /// look for. Only a `QueueScreen` has such a display (KY0210 otherwise).
    #[serde(default)]
    pub shows: Option<MsgId>,
}

impl StationKind {
    /// Whether its model has a display that shows a station's `shows` words.
    pub fn shows_words(self) -> bool {
        self == StationKind::QueueScreen
    }
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
    /// A bank's (or hospital's) queue-ticket machine.
    TicketMachine,
    /// A bank counter with its glass and number sign.
    BankCounter,
    /// A market stall.
    Stall,
    /// A stand with a printed QR code to scan (a stall's 收款码, a taxi stop's code).
    QrStand,
    /// A shop's checkout with its code scanner.
    Checkout,
    /// A bus stop's sign and shelter.
    BusStopSign,
    /// The bus (its door), or a bus's fare reader when tapped inside.
    Bus,
    /// A car (a taxi).
    Car,
}

impl StationKind {
    /// Every kind, in the order written in the guide.
    pub const ALL: [StationKind; 21] = [
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
        StationKind::TicketMachine,
        StationKind::BankCounter,
        StationKind::Stall,
        StationKind::QrStand,
        StationKind::Checkout,
        StationKind::BusStopSign,
        StationKind::Bus,
        StationKind::Car,
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
    "person",
    "apps",
];

/// The pictures a chat image or the photo picker may show (drawn by the app as simple
/// coloured scenes, no real photos). Any other name is a warning (KY0209).
pub const PICTURES: &[&str] =
    &["flowers", "park", "family", "grandchild", "cake", "food", "mountain", "cat", "document", "poster"];

/// An icon of an icon grid, or a tab of a tab bar.
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

/// A link inside a text message (the blue underlined address); tapping it opens it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: String,
    /// The address as the message shows it, e.g. `http://yb-jd.cc/k8`.
    pub text: MsgId,
}

/// One message of a chat thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Given, the message can be tapped (a link, a picture, a red packet, a voice message).
    #[serde(default)]
    pub id: Option<String>,
    /// Who sent it (their name as the chat shows it); left out, the learner sent it.
    #[serde(default)]
    pub from: Option<MsgId>,
    /// The words: the text, the link's address, the picture's or red packet's caption,
    /// or what a voice message says (shown as its text, as 转文字 does).
    pub text: MsgId,
    #[serde(default)]
    pub kind: MessageKind,
}

/// What a chat message is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum MessageKind {
    #[default]
    Text,
    /// A link (an address or a shared page); tapping it opens it.
    Link,
    /// A picture, one of [`PICTURES`].
    Image(String),
    /// A red packet (红包) with its greeting.
    RedPacket,
    /// A voice message of this many seconds.
    Voice(u32),
}

/// A photo of the photo picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub id: String,
    /// What it shows, in words (under the picture, and for screen readers).
    pub text: MsgId,
    /// One of [`PICTURES`].
    pub picture: String,
}

/// Which code a pay-code screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeKind {
    /// 付款码: a bar code over a QR code, shown to the shop's scanner.
    Payment,
    /// 乘车码: a QR code held to the bus or gate reader.
    Transit,
    /// 医保码: the medical-insurance QR code.
    Medical,
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
    /// The row of tabs at the bottom of an app (首页 · 服务 · 我的), each a drawn icon over
    /// its word; `current` is the page shown (marked by a bar over it and a pale fill, and said so
    /// to screen readers). It stays at the bottom of the screen while the rest scrolls, and is
    /// hidden while the keypad is up, as on a phone.
    TabBar {
        id: String,
        tabs: Vec<GridItem>,
        #[serde(default)]
        current: Option<String>,
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
    /// A text message (SMS) as it appears on the phone, with a link in it if `link` is given.
    Sms {
        id: String,
        sender: MsgId,
        text: MsgId,
        #[serde(default)]
        link: Option<Link>,
    },
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
    /// A call coming in: who calls (a name, or 未知号码) and from which number, with the
    /// big green answer and red decline buttons (tapped by the ids `answer` and `decline`).
    IncomingCall {
        id: String,
        caller: MsgId,
        number: MsgId,
        /// A video call (视频通话) rather than a voice call.
        #[serde(default)]
        video: bool,
        answer: String,
        decline: String,
    },
    /// A call in progress: the other person (or, in a video call, their picture with the
    /// learner's own small picture in the corner) and the call's buttons. Only the buttons
    /// given an id are shown; hanging up always is.
    InCall {
        id: String,
        caller: MsgId,
        #[serde(default)]
        video: bool,
        hang_up: String,
        #[serde(default)]
        mute: Option<String>,
        #[serde(default)]
        switch_camera: Option<String>,
        /// Switch a video call to a voice call (切到语音).
        #[serde(default)]
        voice_only: Option<String>,
    },
    /// A chat thread (WeChat-like): messages in order, the learner's own on the right.
    Chat { id: String, messages: Vec<Message> },
    /// A notification banner at the top of the phone, from an app or the SMS inbox;
    /// tapping it opens it.
    Notification { id: String, app: MsgId, text: MsgId },
    /// The phone's own question before an app may use the camera, microphone, location…:
    /// `text` asks it (允许“浙里办”使用相机？); the buttons say 允许 and 不允许.
    Permission { id: String, text: MsgId, allow: String, deny: String },
    /// A button to press and hold while talking (按住 说话), released to send. A step asks
    /// for it with `Hold`; letting go too early is `ReleasedEarly` in `wrong`.
    HoldToTalk { id: String, text: MsgId },
    /// The photo album: pictures with their descriptions; `Choose` ticks one.
    PhotoPicker { id: String, label: MsgId, photos: Vec<Photo> },
    /// A payment, transit or medical-insurance code that renews itself every
    /// `refresh_secs` seconds, as real ones do (a screenshot of it is no use).
    PayCode {
        id: String,
        kind: CodeKind,
        /// The line under the code (e.g. 向商家出示付款码).
        text: MsgId,
        #[serde(default = "sixty")]
        refresh_secs: u32,
    },
}

fn sixty() -> u32 {
    60
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
    /// Press and hold a hold-to-talk button for at least `seconds`, then let go.
    Hold { widget: String, seconds: u32 },
    /// Let go of a hold-to-talk button before the step's `Hold` seconds (only in `wrong`).
    ReleasedEarly(String),
    /// Nothing to do: the step goes on by itself after this many seconds (a call coming
    /// in, a doctor answering). Taps meanwhile are not mistakes.
    Wait(u32),
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
    /// Displays whose words change when this step begins: the queue screen calling the next
    /// number while the learner waits. They keep the new words until a later step on the way
    /// taken changes them again (before any step has, a station shows its own `shows`).
    #[serde(default)]
    pub shows: Vec<Shown>,
}

/// A station's display showing other words from a step on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shown {
    /// The station whose display it is (a `QueueScreen`; KY0210 otherwise).
    pub station: String,
    /// The message it shows, in big letters.
    pub words: MsgId,
}

impl Widget {
    /// The widget's own id.
    pub fn id(&self) -> &str {
        match self {
            Widget::Text { id, .. }
            | Widget::Button { id, .. }
            | Widget::ListItem { id, .. }
            | Widget::IconGrid { id, .. }
            | Widget::TabBar { id, .. }
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
            | Widget::Card { id, .. }
            | Widget::IncomingCall { id, .. }
            | Widget::InCall { id, .. }
            | Widget::Chat { id, .. }
            | Widget::Notification { id, .. }
            | Widget::Permission { id, .. }
            | Widget::HoldToTalk { id, .. }
            | Widget::PhotoPicker { id, .. }
            | Widget::PayCode { id, .. } => id,
        }
    }

    /// The ids a learner can tap on this widget (its own, or its items' and buttons').
    pub fn tap_targets(&self) -> Vec<&str> {
        match self {
            Widget::Button { id, .. }
            | Widget::ListItem { id, .. }
            | Widget::Scan { id, .. }
            | Widget::Notification { id, .. } => vec![id],
            Widget::Sms { id, link, .. } => {
                [Some(id.as_str()), link.as_ref().map(|l| l.id.as_str())].into_iter().flatten().collect()
            }
            Widget::IncomingCall { answer, decline, .. } => vec![answer, decline],
            Widget::InCall { hang_up, mute, switch_camera, voice_only, .. } => [mute, switch_camera, voice_only]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .chain([hang_up.as_str()])
                .collect(),
            Widget::Chat { messages, .. } => messages.iter().filter_map(|m| m.id.as_deref()).collect(),
            Widget::Permission { allow, deny, .. } => vec![allow, deny],
            Widget::IconGrid { items, .. } | Widget::TabBar { tabs: items, .. } => {
                items.iter().map(|i| i.id.as_str()).collect()
            }
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

    /// The options of a picker (a date or time-slot list, or the photo album), if this
    /// widget is one: each option's id and whether it can be picked.
    pub fn options(&self) -> Option<Vec<Pick<'_>>> {
        match self {
            Widget::DatePicker { options, .. } | Widget::TimeSlots { options, .. } => {
                Some(options.iter().map(|o| Pick { id: &o.id, available: o.available }).collect())
            }
            Widget::PhotoPicker { photos, .. } => {
                Some(photos.iter().map(|p| Pick { id: &p.id, available: true }).collect())
            }
            _ => None,
        }
    }
}

/// An option of a picker, as [`Widget::options`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick<'a> {
    pub id: &'a str,
    pub available: bool,
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

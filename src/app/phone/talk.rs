//! The phone's ways of reaching people, and people reaching the learner: an incoming call
//! and the call itself, a chat thread, a notification banner, the system's permission
//! question, hold-to-talk, the photo album and the pay codes that renew themselves.
//! Drawn from the scenario's widgets like the rest of the screen (`screen.rs`): big
//! targets, words at 7:1 on what they sit on, never colour alone, keyboard focus.

use bevy_egui::egui;

use super::pictures::{self, draw_picture};
use super::screen::{Holding, Pen, body, phone_button, widest};
use super::targets::Key;
use crate::app::theme;
use crate::scenario::{CodeKind, Link, Message, MessageKind, Photo};
use crate::senior;
use crate::walkthrough::Action;

/// The dark of a call's screen (white on it: 14.6:1).
const CALL_DARK: egui::Color32 = egui::Color32::from_rgb(0x1f, 0x2a, 0x36);
/// The call's other buttons (white on it: 11.6:1).
const CALL_BUTTON: egui::Color32 = egui::Color32::from_rgb(0x2e, 0x3a, 0x46);
/// Answer (white on it: 9.1:1) and decline / hang up (white on it: 10.0:1); each says so in words.
const ANSWER: egui::Color32 = egui::Color32::from_rgb(0x14, 0x53, 0x2d);
const HANG_UP: egui::Color32 = egui::Color32::from_rgb(0x8b, 0x00, 0x00);
/// A link's blue, underlined (10.0:1 on white).
const LINK: egui::Color32 = egui::Color32::from_rgb(0x0a, 0x3d, 0x91);
/// A chat's background, the learner's own bubbles and a red packet (ink on each: 14.9:1,
/// 12.0:1 and 8.4:1).
const CHAT_BACKGROUND: egui::Color32 = egui::Color32::from_rgb(0xed, 0xed, 0xed);
const MINE: egui::Color32 = egui::Color32::from_rgb(0x95, 0xec, 0x69);
const RED_PACKET: egui::Color32 = egui::Color32::from_rgb(0xf2, 0xa3, 0x3a);
const WHITE: egui::Color32 = egui::Color32::WHITE;
/// A button on a call's screen: at least this tall.
const CALL_BUTTON_HEIGHT: f32 = 72.0;

fn px(pen: &Pen) -> f32 {
    pen.theme.px(theme::BODY_PX)
}

/// A filled button with white words (the call's buttons).
fn white_on(pen: &Pen, text: String, fill: egui::Color32, width: f32) -> egui::Button<'static> {
    egui::Button::new(egui::RichText::new(text).size(px(pen)).color(WHITE).strong())
        .wrap()
        .fill(fill)
        .corner_radius(CALL_BUTTON_HEIGHT / 2.0)
        .min_size(egui::vec2(width, CALL_BUTTON_HEIGHT))
}

/// Buttons side by side when each one's words fit half the width, else one under another.
fn pair(ui: &mut egui::Ui, pen: &mut Pen, buttons: [(String, egui::Color32, &str); 2]) {
    let half = (ui.available_width() - 12.0) / 2.0;
    let fits = widest(ui, pen.theme, buttons.iter().map(|(t, ..)| t.clone())) + 28.0 <= half;
    if fits {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 12.0;
            for (text, fill, id) in buttons {
                let b = white_on(pen, text, fill, half);
                pen.tap(ui, b, id);
            }
        });
    } else {
        for (text, fill, id) in buttons {
            let b = white_on(pen, text, fill, ui.available_width());
            pen.tap(ui, b, id);
        }
    }
}

/// A dark call screen.
fn call_panel(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::new().fill(CALL_DARK).corner_radius(14.0).inner_margin(14.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.spacing_mut().item_spacing.y = 10.0;
        add(ui)
    });
}

/// A round picture of the caller: the first character of their name in a circle.
fn avatar(ui: &mut egui::Ui, pen: &Pen, name: &str) {
    let size = (2.6 * px(pen)).round();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), size / 2.0, CALL_BUTTON);
    ui.painter().circle_stroke(rect.center(), size / 2.0, egui::Stroke::new(2.0, WHITE));
    let first: String = name.chars().next().map(String::from).unwrap_or_default();
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        first,
        egui::FontId::proportional(1.3 * px(pen)),
        WHITE,
    );
}

fn white_line(ui: &mut egui::Ui, pen: &Pen, text: String, strong: bool) {
    let text = body(ui, pen.theme, text).color(WHITE);
    ui.label(if strong { text.strong() } else { text });
}

/// A call coming in: who, from which number, and answer / decline.
pub(super) fn incoming_call(
    ui: &mut egui::Ui,
    pen: &mut Pen,
    (caller, number, video): (&str, &str, bool),
    answer: &str,
    decline: &str,
) {
    let words = pen.words;
    call_panel(ui, |ui| {
        ui.vertical_centered(|ui| {
            avatar(ui, pen, &words.say(caller));
            white_line(ui, pen, words.say(caller), true);
            white_line(ui, pen, words.say(number), false);
            white_line(ui, pen, words.ui(if video { "app-call-video-invite" } else { "app-call-incoming" }), false);
        });
        ui.add_space(8.0);
        pair(
            ui,
            pen,
            [(words.ui("app-call-decline"), HANG_UP, decline), (words.ui("app-call-answer"), ANSWER, answer)],
        );
    });
}

/// The buttons of a call in progress, by their ids (only those given are shown).
pub(super) struct CallButtons<'a> {
    pub hang_up: &'a str,
    pub mute: Option<&'a str>,
    pub switch_camera: Option<&'a str>,
    pub voice_only: Option<&'a str>,
}

/// A call in progress: in a video call the other person's picture with the learner's own
/// small one in its corner; the call's buttons; hang up, red, the full width.
pub(super) fn in_call(ui: &mut egui::Ui, pen: &mut Pen, caller: &str, video: bool, buttons: &CallButtons) {
    let words = pen.words;
    call_panel(ui, |ui| {
        if video {
            let width = ui.available_width().floor();
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, (width * 0.75).round()), egui::Sense::hover());
            draw_picture(ui.painter(), rect, "grandchild");
            // The learner's own picture, small, in the corner (as every video call shows it).
            let own = egui::Rect::from_min_size(
                rect.right_top() + egui::vec2(-rect.width() * 0.3 - 8.0, 8.0),
                egui::vec2(rect.width() * 0.3, rect.width() * 0.4),
            );
            draw_picture(ui.painter(), own, "family");
            ui.painter().rect_stroke(own, 6.0, egui::Stroke::new(3.0, WHITE), egui::StrokeKind::Outside);
            ui.vertical_centered(|ui| {
                white_line(ui, pen, words.say(caller), true);
                white_line(ui, pen, words.ui("app-call-video-on"), false);
            });
        } else {
            ui.vertical_centered(|ui| {
                avatar(ui, pen, &words.say(caller));
                white_line(ui, pen, words.say(caller), true);
                white_line(ui, pen, words.ui("app-call-on"), false);
            });
        }
        let others: Vec<(String, &str)> = [
            (buttons.mute, "app-call-mute"),
            (buttons.switch_camera, "app-call-switch-camera"),
            (buttons.voice_only, "app-call-voice-only"),
        ]
        .into_iter()
        .filter_map(|(id, word)| id.map(|id| (words.ui(word), id)))
        .collect();
        for chunk in others.chunks(2) {
            match chunk {
                [(a, ia), (b, ib)] => pair(ui, pen, [(a.clone(), CALL_BUTTON, ia), (b.clone(), CALL_BUTTON, ib)]),
                [(a, ia)] => {
                    let b = white_on(pen, a.clone(), CALL_BUTTON, ui.available_width());
                    pen.tap(ui, b, ia);
                }
                _ => {}
            }
        }
        let b = white_on(pen, words.ui("app-call-hang-up"), HANG_UP, ui.available_width());
        pen.tap(ui, b, buttons.hang_up);
    });
}

/// A chat thread: each message under its sender's name, the learner's own on the right in
/// green. Messages with an id are tapped (a link, a picture, a red packet, a voice message).
pub(super) fn chat(ui: &mut egui::Ui, pen: &mut Pen, messages: &[Message]) {
    egui::Frame::new().fill(CHAT_BACKGROUND).corner_radius(10.0).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.spacing_mut().item_spacing.y = 6.0;
        for m in messages {
            let mine = m.from.is_none();
            if let Some(from) = &m.from {
                ui.label(body(ui, pen.theme, pen.words.say(from)).color(theme::INK));
            }
            // A bubble is at most 85 % of the thread's width: the learner's own at the right.
            let width = ui.available_width();
            let bubble_width = (width * 0.85).max(200.0).min(width);
            let align = if mine { egui::Align::Max } else { egui::Align::Min };
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), egui::Layout::top_down(align), |ui| {
                ui.set_width(width);
                ui.allocate_ui_with_layout(egui::vec2(bubble_width, 0.0), egui::Layout::top_down(align), |ui| {
                    ui.set_max_width(bubble_width);
                    bubble(ui, pen, m, mine);
                });
            });
            ui.add_space(4.0);
        }
    });
}

/// One message's bubble.
fn bubble(ui: &mut egui::Ui, pen: &mut Pen, m: &Message, mine: bool) {
    let words = pen.words;
    let text = words.say(&m.text);
    let fill = if mine { MINE } else { WHITE };
    match &m.kind {
        MessageKind::Image(picture) => {
            let width = ui.available_width().min(260.0).floor();
            let (rect, response) = ui.allocate_exact_size(egui::vec2(width, (width * 0.75).round()), sense_of(m));
            draw_picture(ui.painter(), rect, picture);
            ui.painter().rect_stroke(rect, 6.0, egui::Stroke::new(1.0, egui::Color32::GRAY), egui::StrokeKind::Inside);
            let said = format!("{}：{text}", words.ui("app-chat-picture"));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &said));
            answer(ui, pen, m, &response);
            ui.label(body(ui, pen.theme, text).color(theme::INK));
        }
        kind => {
            let width = ui.available_width() - 28.0;
            let (shown, fill, ink) = match kind {
                // The address on a line of its own, as phones show it: it never breaks the words.
                MessageKind::Link => {
                    let (said, address) = match text.find("http") {
                        Some(at) if at > 0 => (text[..at].trim_end().to_owned(), format!("\n{}", &text[at..])),
                        _ => (text.clone(), String::new()),
                    };
                    let said = theme::keep_punctuation(ui.ctx(), &said, px(pen), width);
                    (format!("{}\n{said}{address}", words.ui("app-chat-link")), WHITE, LINK)
                }
                MessageKind::RedPacket => {
                    (format!("{}\n{text}", words.ui("app-chat-red-packet")), RED_PACKET, theme::INK)
                }
                MessageKind::Voice(secs) => (
                    format!(
                        "{}\n{}",
                        words.ui_with("app-chat-voice", "seconds", secs),
                        words.ui_with("app-chat-voice-text", "text", &text)
                    ),
                    fill,
                    theme::INK,
                ),
                _ => (text, fill, theme::INK),
            };
            let shown = if matches!(kind, MessageKind::Link) {
                shown
            } else {
                theme::keep_punctuation(ui.ctx(), &shown, px(pen), width)
            };
            let mut rich = egui::RichText::new(shown).size(px(pen)).color(ink);
            if matches!(kind, MessageKind::Link) {
                rich = rich.underline();
            }
            let button = egui::Button::new(rich)
                .wrap()
                .fill(fill)
                .corner_radius(10.0)
                .sense(sense_of(m))
                .min_size(egui::vec2(60.0, 60.0));
            let response = ui.add(button);
            answer(ui, pen, m, &response);
        }
    }
}

/// Tapped messages answer like buttons; the others only show.
fn sense_of(m: &Message) -> egui::Sense {
    if m.id.is_some() { egui::Sense::click() } else { egui::Sense::hover() }
}

fn answer(ui: &egui::Ui, pen: &mut Pen, m: &Message, response: &egui::Response) {
    if let Some(id) = &m.id {
        pen.answer(ui, id, response);
    }
}

/// A text message's link: the address, blue and underlined, under the message.
pub(super) fn sms_link(ui: &mut egui::Ui, pen: &mut Pen, link: &Link) {
    let text = pen.words.say(&link.text);
    let rich = egui::RichText::new(text).size(px(pen)).color(LINK).underline();
    let button = egui::Button::new(rich)
        .wrap()
        .fill(WHITE)
        .stroke(egui::Stroke::new(1.0, egui::Color32::GRAY))
        .min_size(egui::vec2(ui.available_width(), 60.0));
    pen.tap(ui, button, &link.id);
}

/// A notification banner: which app, and what it says; tapping opens it.
pub(super) fn notification(ui: &mut egui::Ui, pen: &mut Pen, id: &str, app: &str, text: &str) {
    let shown = format!("{}\n{}", pen.words.say(app), pen.words.say(text));
    let button = phone_button(ui, pen.theme, shown, WHITE, theme::INK)
        .corner_radius(14.0)
        .stroke(egui::Stroke::new(2.0, egui::Color32::from_gray(0x80)))
        .min_size(egui::vec2(ui.available_width(), 60.0));
    pen.tap(ui, button, id);
}

/// The phone's own question before an app may use the camera, the microphone, …
pub(super) fn permission(ui: &mut egui::Ui, pen: &mut Pen, text: &str, allow: &str, deny: &str) {
    let words = pen.words;
    egui::Frame::group(ui.style())
        .fill(WHITE)
        .corner_radius(16.0)
        .stroke(egui::Stroke::new(2.0, egui::Color32::from_gray(0x80)))
        .inner_margin(14.0)
        .show(ui, |ui| {
            ui.label(body(ui, pen.theme, words.say(text)).color(theme::INK).strong());
            // As wide as the dialog (the phone never grows wider than its place).
            let full = egui::vec2(ui.available_width(), 60.0);
            let b = phone_button(ui, pen.theme, words.ui("app-permission-allow"), theme::PRIMARY, WHITE).min_size(full);
            pen.tap(ui, b, allow);
            let b = phone_button(
                ui,
                pen.theme,
                words.ui("app-permission-deny"),
                theme::rgb(senior::BUTTON_FILL),
                theme::INK,
            )
            .min_size(full);
            pen.tap(ui, b, deny);
        });
}

/// Press and hold to talk, let go to send: while held it says so and counts the seconds.
/// The hold is the pointer's press (or Space/Enter held on the focused button), and ends
/// when it is let go: then the walkthrough hears how long it was held.
pub(super) fn hold_to_talk(ui: &mut egui::Ui, pen: &mut Pen, id: &str, text: &str) {
    let now = ui.input(|i| i.time);
    let held = pen.typing.hold.as_ref().filter(|h| h.widget == id).map(|h| now - h.since);
    let shown = match held {
        Some(secs) => format!(
            "{}\n{}",
            pen.words.ui("app-hold-release"),
            pen.words.ui_with("app-hold-seconds", "seconds", secs.floor() as u32)
        ),
        None => pen.words.say(text),
    };
    let fill = if held.is_some() { MINE } else { theme::rgb(senior::BUTTON_FILL) };
    let button = egui::Button::new(egui::RichText::new(shown).size(px(pen)).color(theme::INK).strong())
        .wrap()
        .fill(fill)
        .stroke(egui::Stroke::new(2.0, theme::INK))
        .corner_radius(12.0)
        .sense(egui::Sense::click_and_drag())
        .min_size(egui::vec2(ui.available_width(), 96.0));
    let response = ui.add(button);
    pen.record(ui, Key::Widget(id.to_owned()), &response);
    let keys = response.has_focus() && ui.input(|i| i.key_down(egui::Key::Space) || i.key_down(egui::Key::Enter));
    let down = response.is_pointer_button_down_on() || keys;
    match (held, down) {
        (None, true) if pen.typing.hold.is_none() => {
            pen.typing.hold = Some(Holding { widget: id.to_owned(), since: now });
        }
        (Some(secs), false) => {
            pen.typing.hold = None;
            pen.taps.push(Action::Hold { widget: id.to_owned(), secs: secs as f32 });
        }
        _ => {}
    }
    if pen.typing.hold.is_some() {
        // The seconds count on while the button is held.
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
    }
}

/// The photo album: pictures two to a row (one when large words would not fit), each with
/// what it shows in words; a tapped one is ticked, with a tick mark and a thick frame.
pub(super) fn photo_picker(ui: &mut egui::Ui, pen: &mut Pen, id: &str, label: &str, photos: &[Photo]) {
    let words = pen.words;
    ui.label(body(ui, pen.theme, words.say(label)).color(theme::rgb(senior::ink_on(pen.screen_fill))));
    let widest = widest(ui, pen.theme, photos.iter().map(|p| words.say(&p.text)));
    let half = (ui.available_width() - 8.0) / 2.0;
    let columns = if half >= 150.0 && widest <= 2.0 * half { 2 } else { 1 };
    let width = if columns == 2 { half } else { ui.available_width() };
    egui::Grid::new(("photos", id)).spacing([8.0, 8.0]).show(ui, |ui| {
        for (n, photo) in photos.iter().enumerate() {
            ui.vertical(|ui| {
                ui.set_width(width);
                let ticked = pen.typing.ticked.iter().any(|(w, p)| w == id && *p == photo.id);
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width.floor(), (width * 0.75).round()), egui::Sense::click());
                draw_picture(ui.painter(), rect, &photo.picture);
                let said = words.say(&photo.text);
                response.widget_info(|| egui::WidgetInfo::selected(egui::WidgetType::Checkbox, true, ticked, &said));
                if ticked {
                    ui.painter().rect_stroke(rect, 4.0, egui::Stroke::new(6.0, ANSWER), egui::StrokeKind::Inside);
                    pictures::tick(ui.painter(), rect.right_top() + egui::vec2(-30.0, 30.0), 22.0, ANSWER);
                }
                pen.record(ui, Key::Option { widget: id.to_owned(), option: photo.id.clone() }, &response);
                if response.clicked() {
                    pen.taps.push(Action::Choose { widget: id.to_owned(), option: photo.id.clone() });
                    let key = (id.to_owned(), photo.id.clone());
                    if !ticked {
                        pen.typing.ticked.push(key.clone());
                        pen.typing.last_tick = Some(key);
                    }
                }
                let mut caption = said;
                if ticked {
                    caption = format!("{caption}（{}）", words.ui("app-photo-ticked"));
                }
                ui.label(body(ui, pen.theme, caption).color(theme::rgb(senior::ink_on(pen.screen_fill))));
            });
            if n % columns == columns - 1 {
                ui.end_row();
            }
        }
    });
}

/// A pay, transit or medical-insurance code: a QR code (with a bar code over it for paying)
/// that is drawn anew every `refresh_secs` seconds, with what to do and that it renews itself.
pub(super) fn pay_code(ui: &mut egui::Ui, pen: &mut Pen, id: &str, kind: CodeKind, text: &str, refresh_secs: u32) {
    let words = pen.words;
    // Deep colours with white words (8.6:1, 9.3:1, 9.1:1).
    let (head, title) = match kind {
        CodeKind::Payment => (egui::Color32::from_rgb(0x0d, 0x47, 0xa1), "app-code-payment"),
        CodeKind::Transit => (egui::Color32::from_rgb(0x0b, 0x51, 0x38), "app-code-transit"),
        CodeKind::Medical => (ANSWER, "app-code-medical"),
    };
    let now = ui.input(|i| i.time);
    let period = f64::from(refresh_secs.max(1));
    let round = (now / period).floor() as u64;
    ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(((round + 1) as f64 * period - now).max(0.5)));
    let seed = pictures::seed(id) ^ round.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    egui::Frame::new().fill(head).corner_radius(14.0).inner_margin(12.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        white_line(ui, pen, words.ui(title), true);
        egui::Frame::new().fill(WHITE).corner_radius(10.0).inner_margin(12.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let width = ui.available_width();
            if kind == CodeKind::Payment {
                let (bars, _) = ui.allocate_exact_size(egui::vec2(width.floor(), 56.0), egui::Sense::hover());
                pictures::bar_code(ui.painter(), bars, seed);
                // The digits are hidden, as the real code hides them: they are the money.
                ui.label(body(ui, pen.theme, "28 **** **** **** ****".to_owned()).color(theme::INK));
            }
            let side = width.min(200.0).floor();
            ui.vertical_centered(|ui| {
                let (qr, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
                pictures::qr_code(ui.painter(), qr, seed);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, words.ui(title)));
            });
        });
        white_line(ui, pen, words.say(text), false);
        white_line(ui, pen, words.ui_with("app-code-refresh", "seconds", refresh_secs), false);
    });
}

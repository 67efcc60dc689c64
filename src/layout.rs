//! The layout report (`kuayue play … --layout-report FILE`): for each step, every panel,
//! text and tappable target the learner sees, with its rectangle (logical px), its words,
//! its size and its colours, and the senior-first checks on them. The app measures what
//! it drew (`app::layout`); this module only holds the facts and judges them, so tests and
//! tools read the same JSON lines the app writes (schema in `docs/layout-report.md`).

use serde::{Deserialize, Serialize};

use crate::senior::{self, Rgb};

/// What was drawn on one screen of a step: one JSON line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The step shown (none on screens outside a walkthrough).
    pub step: Option<String>,
    /// The words' language (`zh-CN`, `en-US`).
    pub lang: String,
    /// Text size in percent (100, 125, 150, 200).
    pub text_size: u32,
    /// The window's size in logical px.
    pub viewport: [f32; 2],
    /// The step's prompt as shown in the caption (to find it among the texts).
    pub prompt: Option<String>,
    pub items: Vec<Item>,
}

/// One drawn thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub kind: Kind,
    /// The panel it belongs to: `caption`, `phone`, `labels`, `confirm`, … or `other`.
    pub region: String,
    /// `[left, top, right, bottom]`, logical px.
    pub rect: [f32; 4],
    /// A text's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A text's size (the largest in it), logical px.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_px: Option<f32>,
    /// Text colour, `#RRGGBB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fg: Option<String>,
    /// What is under the text (panels, buttons and their fills composed), `#RRGGBB`; none when
    /// the text is drawn straight over the 3D scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bg: Option<String>,
    /// `fg` against `bg` (WCAG), rounded to 0.01.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contrast: Option<f64>,
    /// The area a text may show in (its panel, button or scroll view); what lies outside is cut.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clip: Option<[f32; 4]>,
    /// A target's part that answers a tap, when a scroll view hides some of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hit: Option<[f32; 4]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A panel: the caption, the phone (or a kiosk's screen), a pop-up card, a station's label.
    Panel,
    /// A run of text.
    Text,
    /// Something that answers a tap (a button, a list row, a keypad key, a label).
    Target,
}

/// Slack for rounding, in logical px.
const SLACK: f32 = 1.0;

fn inside(inner: [f32; 4], outer: [f32; 4]) -> bool {
    inner[0] >= outer[0] - SLACK
        && inner[1] >= outer[1] - SLACK
        && inner[2] <= outer[2] + SLACK
        && inner[3] <= outer[3] + SLACK
}

fn overlap(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] - SLACK && b[0] < a[2] - SLACK && a[1] < b[3] - SLACK && b[1] < a[3] - SLACK
}

fn centre(r: [f32; 4]) -> (f32, f32) {
    ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0)
}

fn contains_point(r: [f32; 4], (x, y): (f32, f32)) -> bool {
    x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]
}

/// The regions that must never cover each other.
const PANELS_APART: [&str; 2] = ["caption", "phone"];

/// Whether two different regions are ones that must stay apart.
fn kept_apart(a: &str, b: &str) -> bool {
    a != b && PANELS_APART.contains(&a) && PANELS_APART.contains(&b)
}

/// A thing a senior would stumble on, in plain words (for test failures and the CLI).
pub fn problems(snapshot: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    let step = snapshot.step.as_deref().unwrap_or("-");
    let at = |item: &Item| {
        format!(
            "[{} {}] {:?} in {} at {:?}",
            snapshot.lang,
            snapshot.text_size,
            item.text.as_deref().unwrap_or(""),
            item.region,
            item.rect.map(|v| v.round())
        )
    };
    let texts: Vec<&Item> = snapshot.items.iter().filter(|i| i.kind == Kind::Text).collect();
    let targets: Vec<&Item> = snapshot.items.iter().filter(|i| i.kind == Kind::Target).collect();
    let panels: Vec<&Item> = snapshot.items.iter().filter(|i| i.kind == Kind::Panel).collect();
    let screen = [0.0, 0.0, snapshot.viewport[0], snapshot.viewport[1]];
    // What is seen of a text (a scroll view hides the rest).
    let seen = |t: &Item| {
        t.clip.map_or(t.rect, |c| [t.rect[0].max(c[0]), t.rect[1].max(c[1]), t.rect[2].min(c[2]), t.rect[3].min(c[3])])
    };
    for text in &texts {
        let words = text.text.as_deref().unwrap_or("").trim();
        if words.is_empty() {
            continue;
        }
        // Cut sideways: words running out of their button or panel (a scroll view cuts only
        // above and below, and says there is more).
        if let Some(clip) = text.clip
            && (text.rect[0] < clip[0] - SLACK || text.rect[2] > clip[2] + SLACK)
        {
            out.push(format!("step {step}: text cut at the side {}", at(text)));
        }
        let seen = seen(text);
        if !inside(seen, screen) {
            out.push(format!("step {step}: text outside the window {}", at(text)));
        }
        // Words of a button stay inside it.
        if let Some(target) = targets.iter().find(|t| contains_point(t.hit.unwrap_or(t.rect), centre(seen)))
            && !inside(text.rect, target.rect)
            && text.clip.is_none_or(|c| inside(text.rect, c))
        {
            out.push(format!("step {step}: words run out of their button {} (button {:?})", at(text), target.rect));
        }
        match (text.contrast, &text.bg) {
            (Some(c), _) if c < senior::MIN_TEXT_CONTRAST => out.push(format!(
                "step {step}: contrast {c:.2}:1 below {}:1 {} ({} on {})",
                senior::MIN_TEXT_CONTRAST,
                at(text),
                text.fg.as_deref().unwrap_or("?"),
                text.bg.as_deref().unwrap_or("?")
            )),
            (_, None) => {
                out.push(format!("step {step}: text straight over the 3D scene (no panel under it) {}", at(text)))
            }
            _ => {}
        }
        // Hidden under another panel drawn over it.
        for panel in &panels {
            if kept_apart(&panel.region, &text.region) && overlap(panel.rect, seen) {
                out.push(format!("step {step}: text under the {} {}", panel.region, at(text)));
            }
        }
    }
    // Words drawn over other words (a "more" tab over the last line shown, a label over a label).
    let shown: Vec<&&Item> = texts.iter().filter(|t| !t.text.as_deref().unwrap_or("").trim().is_empty()).collect();
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            if overlap(seen(a), seen(b)) {
                out.push(format!("step {step}: words over other words {} and {}", at(a), at(b)));
            }
        }
    }
    for target in &targets {
        let (w, h) = (target.rect[2] - target.rect[0], target.rect[3] - target.rect[1]);
        let min = senior::MIN_TARGET_PX as f32;
        if w < min - SLACK || h < min - SLACK {
            out.push(format!("step {step}: target {w:.0}×{h:.0} smaller than {min}×{min} {}", at(target)));
        }
    }
    for (i, a) in panels.iter().enumerate() {
        for b in &panels[i + 1..] {
            if kept_apart(&a.region, &b.region) && overlap(a.rect, b.rect) {
                out.push(format!(
                    "step {step}: the {} and the {} overlap ({:?}, {:?})",
                    a.region, b.region, a.rect, b.rect
                ));
            }
        }
    }
    if let Some(prompt) = &snapshot.prompt {
        let min = senior::MIN_CAPTION_TEXT_PX as f32 * snapshot.text_size as f32 / 100.0;
        // The caption may break a line early (Chinese punctuation never starts a line), where a
        // space may become the line's end.
        let bare = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let same = |t: &str| bare(t) == bare(prompt);
        match texts.iter().find(|t| t.region == "caption" && t.text.as_deref().is_some_and(same)) {
            Some(t) if t.size_px.unwrap_or(0.0) < min - 0.5 => out.push(format!(
                "step {step}: the prompt is {:.0} px, below {min:.0} px {}",
                t.size_px.unwrap_or(0.0),
                at(t)
            )),
            Some(_) => {}
            None => out.push(format!(
                "step {step}: the prompt is not in the caption [{} {}]",
                snapshot.lang, snapshot.text_size
            )),
        }
    }
    out
}

/// `#RRGGBB` of a colour.
pub fn hex(c: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A text item's colours and contrast filled in from `fg` and `bg`.
pub fn with_colours(mut item: Item, fg: Rgb, bg: Option<Rgb>) -> Item {
    item.fg = Some(hex(fg));
    item.bg = bg.map(hex);
    item.contrast = bg.map(|bg| (senior::contrast(fg, bg) * 100.0).round() / 100.0);
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, region: &str, rect: [f32; 4], text: Option<&str>) -> Item {
        Item {
            kind,
            region: region.into(),
            rect,
            text: text.map(str::to_owned),
            size_px: text.map(|_| 34.0),
            fg: None,
            bg: None,
            contrast: None,
            clip: None,
            hit: None,
        }
    }

    fn snapshot(items: Vec<Item>) -> Snapshot {
        Snapshot {
            step: Some("s".into()),
            lang: "en-US".into(),
            text_size: 100,
            viewport: [1280.0, 720.0],
            prompt: Some("Tap the app".into()),
            items,
        }
    }

    fn readable(i: Item) -> Item {
        with_colours(i, senior::DEFAULT_TEXT, Some(senior::WHITE))
    }

    #[test]
    fn a_good_screen_has_no_problems() {
        let s = snapshot(vec![
            item(Kind::Panel, "caption", [0.0, 520.0, 1280.0, 720.0], None),
            item(Kind::Panel, "phone", [836.0, 16.0, 1256.0, 500.0], None),
            readable(item(Kind::Text, "caption", [24.0, 540.0, 400.0, 580.0], Some("Tap the app"))),
            item(Kind::Target, "caption", [24.0, 640.0, 240.0, 704.0], None),
            readable(item(Kind::Text, "caption", [40.0, 650.0, 220.0, 690.0], Some("Say it again"))),
        ]);
        assert_eq!(problems(&s), Vec::<String>::new());
    }

    #[test]
    fn what_a_senior_stumbles_on_is_named() {
        let mut cut = readable(item(Kind::Text, "caption", [40.0, 650.0, 260.0, 690.0], Some("Say it again")));
        cut.clip = Some([24.0, 640.0, 240.0, 704.0]);
        let s = snapshot(vec![
            item(Kind::Panel, "caption", [0.0, 300.0, 1280.0, 720.0], None),
            item(Kind::Panel, "phone", [836.0, 16.0, 1256.0, 500.0], None),
            with_colours(
                item(Kind::Text, "caption", [24.0, 320.0, 900.0, 360.0], Some("Tap the app")),
                Rgb(0x1f, 0x5f, 0xaf),
                Some(Rgb(0xfb, 0xf8, 0xf2)),
            ),
            item(Kind::Target, "caption", [24.0, 640.0, 240.0, 704.0], None),
            cut,
            item(Kind::Target, "phone", [900.0, 100.0, 950.0, 140.0], None),
            item(Kind::Text, "labels", [10.0, 10.0, 50.0, 30.0], Some("Kiosk")),
            // A "more" tab drawn over the last line of words shown.
            readable(item(Kind::Text, "caption", [700.0, 330.0, 980.0, 370.0], Some("More below"))),
        ]);
        let found = problems(&s).join("\n");
        for expected in [
            "the caption and the phone overlap",
            "text under the phone",
            "contrast 5.98:1 below 7:1",
            "text cut at the side",
            "target 50×40 smaller than 60×60",
            "straight over the 3D scene",
            "words over other words",
        ] {
            assert!(found.contains(expected), "{expected} not in:\n{found}");
        }
    }

    #[test]
    fn the_prompt_is_at_least_32_px_at_100_percent_and_grows_with_the_text_size() {
        let mut prompt = readable(item(Kind::Text, "caption", [24.0, 540.0, 400.0, 580.0], Some("Tap the app")));
        prompt.size_px = Some(34.0);
        let mut s = snapshot(vec![prompt]);
        assert!(problems(&s).is_empty(), "{:?}", problems(&s));
        s.text_size = 200;
        assert!(problems(&s).iter().any(|p| p.contains("the prompt is 34 px, below 64 px")), "{:?}", problems(&s));
        s.items.clear();
        assert!(problems(&s).iter().any(|p| p.contains("not in the caption")));
    }

    #[test]
    fn a_snapshot_reads_back_from_its_json_line() {
        let s = snapshot(vec![readable(item(Kind::Text, "caption", [1.0, 2.0, 3.0, 4.0], Some("字")))]);
        let line = serde_json::to_string(&s).unwrap();
        assert!(line.contains(r##""fg":"#1A1A1A""##) && line.contains(r#""kind":"text""#), "{line}");
        assert_eq!(serde_json::from_str::<Snapshot>(&line).unwrap(), s);
    }
}

//! The layout holds at every text size: every step of every shipped scenario, caption and
//! phone (or kiosk screen) drawn on a bare egui context exactly as the app draws them, at
//! 100/125/150/200 % in Chinese and English, at 1280×720 and 1920×1080, measured into the
//! layout report and judged by its checks (no text cut or under another panel, caption and
//! phone apart, targets ≥ 60×60, every text ≥ 7:1, the prompt ≥ 32 px at 100 %), and a
//! field's keypad seen whole while it is typed into.

use std::sync::Arc;

use bevy_egui::egui;
use kuayue::app::layout::{measure, regions};
use kuayue::app::phone::screen::{PhoneFrame, Typing, draw_phone_frame};
use kuayue::app::phone::targets::{DrawnTargets, Key};
use kuayue::app::screens::caption::{CaptionFrame, draw_caption_frame};
use kuayue::app::theme::{self, Theme};
use kuayue::app::words::Words;
use kuayue::i18n::Lang;
use kuayue::layout::{Snapshot, problems};
use kuayue::scenario::project::Project;
use kuayue::walkthrough::{Action, Config, Target, View, Walkthrough};

use crate::common::{SEEDS, repo, seed, shipped};

const SIZES: [u32; 4] = [100, 125, 150, 200];
const VIEWPORTS: [[f32; 2]; 2] = [[1280.0, 720.0], [1920.0, 1080.0]];

/// One step's screen drawn as the app draws it (a few passes: the phone takes the height the
/// caption left in the pass before, and egui sizes things in its first pass), then measured.
fn snapshot(
    view: &View,
    scenario: &kuayue::scenario::Scenario,
    words: &Words,
    size: u32,
    viewport: [f32; 2],
) -> (Snapshot, Vec<String>) {
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    let mut theme = Theme::default();
    theme.set_text_scale(size);
    let mut typing = Typing::default();
    let mut drawn = DrawnTargets::default();
    let mut caption_height = theme::CAPTION_MIN_HEIGHT;
    let screen = view.screen.as_deref().and_then(|id| scenario.screen(id));
    let mut shapes = Vec::new();
    for pass in 0..4 {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(viewport[0], viewport[1]))),
            // A second apart: egui's fade-ins and scrolling have finished, as after the app's settle.
            time: Some(pass as f64),
            ..Default::default()
        };
        drawn.next_frame();
        ctx.begin_pass(input);
        let panel = screen.map(|s| s.shown_on.clone());
        let panel_rect = drawn.phone;
        let caption = draw_caption_frame(
            &ctx,
            &CaptionFrame { view, words, theme: &theme, preview: false, panel, panel_rect, recentre: false },
        );
        if let Some(screen) = screen {
            let layout = caption.layout;
            let frame =
                PhoneFrame { screen, words, theme: &theme, target: view.target.as_ref(), caption_height, layout };
            draw_phone_frame(&ctx, &frame, &mut typing, &mut drawn);
        }
        caption_height = caption.rect.height().max(theme::CAPTION_MIN_HEIGHT);
        let mut output = ctx.end_pass();
        shapes = std::mem::take(&mut output.shapes);
        output.drop_without_applying_deltas();
    }
    // What the layout report does not hold: a field's keypad seen whole, every key (a key cut
    // by scrolling is shorter than the others), and where lines break.
    let at = format!("step {}: [{} {size}]", view.step.as_deref().unwrap_or("-"), words.lang.tag());
    let mut more = Vec::new();
    if let Some(Target::Field(field)) = &view.target {
        let keys: Vec<egui::Rect> = drawn
            .all()
            .iter()
            .filter(|(k, _)| matches!(k, Key::Keypad { field: f, .. } if f == field))
            .map(|(_, r)| *r)
            .collect();
        let (low, high) = keys.iter().fold((f32::MAX, 0.0_f32), |(l, h), r| (l.min(r.height()), h.max(r.height())));
        let narrowest = keys.iter().map(|r| r.width()).fold(f32::MAX, f32::min);
        if keys.len() != 12 || high - low > 0.5 || low < 60.0 || narrowest < 60.0 {
            more.push(format!(
                "{at} the keypad is not seen whole: {} keys, {low:.0} to {high:.0} px high, {narrowest:.0} px wide",
                keys.len()
            ));
        }
    }
    more.extend(bad_line_starts(&shapes).into_iter().map(|p| format!("{at} {p}")));
    let snapshot = Snapshot {
        step: view.step.clone(),
        lang: words.lang.tag().to_owned(),
        text_size: size,
        viewport,
        prompt: view.prompt.as_ref().map(|p| words.say(p)),
        items: measure(&ctx, &shapes, &regions(Vec::new())),
    };
    (snapshot, more)
}

/// Wrapped lines of `galley` that start with closing punctuation (a Chinese comma or full
/// stop alone at the start of a line): the characters they start with.
fn bad_starts(galley: &egui::Galley) -> Vec<char> {
    let rows = &galley.rows;
    (1..rows.len())
        .filter(|&n| !rows[n - 1].ends_with_newline && rows[n - 1].row.glyphs.len() > 1)
        .filter_map(|n| rows[n].row.glyphs.first().map(|g| g.chr))
        .filter(|&c| kuayue::senior::may_not_start_line(c))
        .collect()
}

/// Such lines in any text drawn.
fn bad_line_starts(shapes: &[egui::epaint::ClippedShape]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<&egui::Shape> = shapes.iter().map(|c| &c.shape).collect();
    while let Some(shape) = stack.pop() {
        match shape {
            egui::Shape::Vec(inner) => stack.extend(inner.iter()),
            egui::Shape::Text(t) => {
                for c in bad_starts(&t.galley) {
                    out.push(format!("a line starts with {c:?} in {:?}", t.galley.text()));
                }
            }
            _ => {}
        }
    }
    out
}

/// The Chinese rule on its own, at every width from 300 to 1300 px: a line never starts with
/// a comma or full stop (the character before it goes down with it), and no word is lost.
#[test]
fn chinese_punctuation_never_starts_a_line() {
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    let text = "请输入支付密码。这是练习，密码是 1 3 5 7 9 0。真实生活中，支付密码只有您自己知道，不要告诉任何人。";
    let px = 68.0;
    let lay = |t: &str, width: f32| {
        ctx.fonts_mut(|f| f.layout(t.to_owned(), egui::FontId::proportional(px), egui::Color32::BLACK, width))
    };
    let mut mended = 0;
    for width in (300..1300).step_by(5).map(|w| w as f32) {
        let kept = theme::keep_punctuation(&ctx, text, px, width);
        assert_eq!(kept.replace('\n', ""), text, "at {width} px");
        assert_eq!(bad_starts(&lay(&kept, width)), Vec::<char>::new(), "at {width} px: {kept:?}");
        mended += usize::from(!bad_starts(&lay(text, width)).is_empty());
    }
    assert!(mended > 10, "egui alone breaks before punctuation at some widths ({mended} here)");
}

#[test]
fn every_step_holds_its_layout_at_every_text_size_in_both_languages() {
    let project = Project::at(repo());
    let mut found = Vec::new();
    let mut measured = 0;
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let words = Words::load(lang, &project);
        for id in &shipped() {
            let scenario = seed(id);
            // The first four scenarios at every size, plain and with the strongest hint; the
            // rest of the course at the two ends (100 and 200 %) with the strongest hint, the
            // taller caption (the test's time stays within the test command's budget).
            let full = SEEDS.contains(&id.as_str());
            let sizes: &[u32] = if full { &SIZES } else { &[100, 200] };
            for step in &scenario.steps {
                let (mut engine, _) = Walkthrough::start_at(Arc::clone(&scenario), Config::default(), &step.id)
                    .unwrap_or_else(|e| panic!("{id} {}: {e:?}", step.id));
                // As the step begins, and with its strongest hint in the caption too.
                let plain = engine.view();
                for _ in 0..4 {
                    engine.apply(Action::AskHint);
                }
                let views = if full { vec![plain, engine.view()] } else { vec![engine.view()] };
                for view in views {
                    for &size in sizes {
                        for viewport in VIEWPORTS {
                            let (snap, more) = snapshot(&view, &scenario, &words, size, viewport);
                            measured += 1;
                            found.extend(
                                problems(&snap)
                                    .into_iter()
                                    .chain(more)
                                    .map(|p| format!("{id} {}x{}: {p}", viewport[0], viewport[1])),
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(measured > 400, "only {measured} screens measured");
    assert!(found.is_empty(), "{} problems in {measured} screens:\n{}", found.len(), found.join("\n"));
}

/// Lines of text are at least 1.3 times their size apart (the shipped font's own line
/// height, at every size the app draws text at), so lines of Chinese do not crowd.
#[test]
fn every_text_size_drawn_has_lines_at_least_1_3_times_apart() {
    let ctx = egui::Context::default();
    theme::set_up(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
    for size in SIZES {
        let mut theme = Theme::default();
        theme.set_text_scale(size);
        for px in [theme::BODY_PX, theme::BUTTON_PX, theme::CAPTION_PX, theme::HEADING_PX] {
            let px = theme.px(px);
            let row = ctx.fonts_mut(|f| f.row_height(&egui::FontId::proportional(px)));
            assert!(
                row / px >= kuayue::senior::MIN_LINE_SPACING,
                "{px} px text has lines {row} px apart ({:.2}×)",
                row / px
            );
        }
    }
}

//! The list of a scenario's steps as big buttons, shared by the trainer's
//! preview tab and the step list during a preview.

use bevy_egui::egui;

use super::Theme;
use crate::app::words::Words;
use crate::scenario::Scenario;

/// The steps of `scenario` as big buttons ("3. Choose the hospital …"), the
/// current one ticked; the id of the one pressed.
pub fn step_list(
    ui: &mut egui::Ui,
    theme: &Theme,
    words: &Words,
    scenario: &Scenario,
    current: Option<&str>,
) -> Option<String> {
    let mut chosen = None;
    for (i, step) in scenario.steps.iter().enumerate() {
        let text = format!("{}. {}", i + 1, first_sentence(&words.say(&step.prompt), 40));
        let button =
            theme.choice(text, current == Some(step.id.as_str())).min_size(egui::vec2(ui.available_width(), 60.0));
        if ui.add(button).on_hover_text(&step.id).clicked() {
            chosen = Some(step.id.clone());
        }
    }
    chosen
}

/// The first sentence of `text`, cut at `max` characters (with "…" when cut).
fn first_sentence(text: &str, max: usize) -> String {
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '.' | '!' | '?'))
        .map(|(i, c)| i + c.len_utf8());
    let sentence = &text[..end.unwrap_or(text.len())];
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    sentence.chars().take(max).chain(['…']).collect()
}

//! An app's tab bar (首页 · 服务 · 我的): pinned at the bottom of the screen as apps pin it,
//! each tab its drawn icon over its word. The page shown is marked not by colour alone: a
//! thick bar over the tab (a shape where the others have none), a pale fill, and "current
//! page" said to screen readers.

use bevy_egui::egui;

use super::icons;
use super::screen::Pen;
use crate::app::theme::{self, Theme};
use crate::app::words::Words;
use crate::scenario::GridItem;

/// A tab bar's tabs and the id of the current one.
pub type Bar<'a> = (&'a [GridItem], Option<&'a str>);

/// Gap between tabs, and around the bar.
const GAP: f32 = 6.0;
/// The bar over the current tab.
const MARK: f32 = 5.0;
/// The pale blue under the current tab (the ink on it reads at 14:1).
const CURRENT_FILL: egui::Color32 = egui::Color32::from_rgb(0xe3, 0xf2, 0xfd);
/// The bar's own background, set apart from the screen by a line above it.
const BAR_FILL: egui::Color32 = egui::Color32::from_rgb(0xf7, 0xf7, 0xf7);

/// How a tab bar is laid out in the screen's width at this text size.
#[derive(Debug, Clone, PartialEq)]
pub struct TabLayout {
    /// Tabs to a row: all in one row, as apps do, unless a word would not fit; then two rows.
    pub columns: usize,
    pub rows: usize,
    pub tab: egui::Vec2,
    /// The icon's side.
    pub side: f32,
    /// The icon beside the words rather than over them: when the tabs take two rows (large
    /// text), so that the bar leaves the screen as much room as it can.
    pub beside: bool,
}

impl TabLayout {
    /// The whole bar's height.
    pub fn height(&self) -> f32 {
        self.rows as f32 * self.tab.y + (self.rows as f32 - 1.0) * GAP + 2.0 * GAP
    }
}

/// Lays out a tab bar of `tabs` in `ui`'s width.
pub fn layout(ui: &egui::Ui, theme: &Theme, words: &Words, tabs: &[GridItem]) -> TabLayout {
    let n = tabs.len().max(1);
    let width = ui.available_width() - 2.0 * GAP;
    let px = theme.px(theme::BODY_PX);
    let font = egui::FontId::proportional(px);
    let pad = 4.0;
    let side = (34.0 * theme.text_scale() as f32 / 100.0).min(48.0);
    let widest = tabs
        .iter()
        .map(|t| ui.painter().layout_no_wrap(words.say(&t.text), font.clone(), theme::INK).size().x)
        .fold(0.0, f32::max);
    let tab_width = |columns: usize| (width - (columns as f32 - 1.0) * GAP) / columns as f32;
    // One row, the icons over the words, as apps draw it; else two rows, each icon beside its
    // words if they fit so (the lowest bar), else over them; else one tab to a row.
    let half = n.div_ceil(2);
    let (columns, beside) = [(n, false), (half, true), (half, false)]
        .into_iter()
        .find(|&(columns, beside)| {
            let need = if beside { side + 6.0 + widest } else { widest };
            need + 2.0 * pad <= tab_width(columns)
        })
        .unwrap_or((1, true));
    let tab = tab_width(columns);
    let wrap = if beside { tab - side - 6.0 - 2.0 * pad } else { tab - 2.0 * pad };
    let text_height = tabs
        .iter()
        .map(|t| {
            let text = theme::keep_punctuation(ui.ctx(), &words.say(&t.text), px, wrap);
            ui.painter().layout(text, font.clone(), theme::INK, wrap).size().y
        })
        .fold(0.0, f32::max);
    let content = if beside { side.max(text_height) } else { side + 2.0 + text_height };
    let height = (MARK + 4.0 + content + 6.0).max(60.0);
    TabLayout { columns, rows: n.div_ceil(columns), tab: egui::vec2(tab, height), side, beside }
}

/// Draws a tab bar of `tabs` (`current` the page shown) as `layout` says, at the current
/// place of `ui`.
pub fn draw(ui: &mut egui::Ui, pen: &mut Pen, (tabs, current): Bar, layout: &TabLayout) {
    let px = pen.theme.px(theme::BODY_PX);
    let bar = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), layout.height()));
    ui.painter().rect_filled(bar, 10.0, BAR_FILL);
    ui.painter().hline(bar.x_range(), bar.min.y, egui::Stroke::new(1.0, egui::Color32::GRAY));
    ui.add_space(GAP);
    for row in tabs.chunks(layout.columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            ui.add_space(GAP);
            for tab in row {
                let is_current = current == Some(tab.id.as_str());
                let said = pen.words.say(&tab.text);
                let response = ui.allocate_response(layout.tab, egui::Sense::click());
                let current_word = pen.words.ui("app-tab-current");
                response.widget_info(|| {
                    let label = if is_current { format!("{said} ({current_word})") } else { said.clone() };
                    egui::WidgetInfo::selected(egui::WidgetType::Button, true, is_current, label)
                });
                if ui.is_rect_visible(response.rect) {
                    let r = response.rect;
                    let p = ui.painter();
                    if is_current {
                        p.rect_filled(r, 8.0, CURRENT_FILL);
                        let mark = egui::Rect::from_min_size(r.min, egui::vec2(r.width(), MARK));
                        p.rect_filled(mark, 2.0, theme::PRIMARY);
                    }
                    if response.has_focus() {
                        p.rect_stroke(r, 8.0, egui::Stroke::new(4.0, theme::INK), egui::StrokeKind::Inside);
                    } else if response.hovered() {
                        p.rect_stroke(r, 8.0, egui::Stroke::new(2.0, theme::INK), egui::StrokeKind::Inside);
                    }
                    let body =
                        egui::Rect::from_min_max(r.min + egui::vec2(4.0, MARK + 4.0), r.max - egui::vec2(4.0, 6.0));
                    let (icon, words_at, wrap, align) = if layout.beside {
                        let icon = egui::Rect::from_center_size(
                            egui::pos2(body.min.x + layout.side / 2.0, body.center().y),
                            egui::Vec2::splat(layout.side),
                        );
                        (icon, egui::pos2(icon.max.x + 6.0, body.center().y), body.width() - layout.side - 6.0, false)
                    } else {
                        let icon = egui::Rect::from_center_size(
                            egui::pos2(body.center().x, body.min.y + layout.side / 2.0),
                            egui::Vec2::splat(layout.side),
                        );
                        (icon, egui::pos2(body.center().x, icon.max.y + 2.0), body.width(), true)
                    };
                    icons::draw_icon(p, icon, tab.icon.as_deref(), &said);
                    let text = theme::keep_punctuation(ui.ctx(), &said, px, wrap);
                    let mut job = egui::text::LayoutJob::simple(text, egui::FontId::proportional(px), theme::INK, wrap);
                    if align {
                        job.halign = egui::Align::Center;
                    }
                    let galley = p.layout_job(job);
                    // Beside the icon the words are centred on it vertically.
                    let at = if align { words_at } else { words_at - egui::vec2(0.0, galley.size().y / 2.0) };
                    p.galley(at, galley, theme::INK);
                }
                pen.answer(ui, &tab.id, &response);
            }
        });
    }
    ui.add_space(GAP);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words on a tab, plain or current, read at 7:1 and more.
    #[test]
    fn tab_words_read_on_the_bar_and_on_the_current_tab() {
        let ink = theme::INK;
        for fill in [BAR_FILL, CURRENT_FILL] {
            let ratio = crate::senior::contrast(
                crate::senior::Rgb(ink.r(), ink.g(), ink.b()),
                crate::senior::Rgb(fill.r(), fill.g(), fill.b()),
            );
            assert!(ratio >= 7.0, "{fill:?}: {ratio:.2}");
        }
    }
}

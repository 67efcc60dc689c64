//! The list of problems over the screen after a save that breaks something,
//! with a big 好 button to close it (it comes back with the next change).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::watch::ReloadProblems;
use crate::app::theme::{self, Theme};
use crate::app::words::Words;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_problems);
}

fn draw_problems(
    mut contexts: EguiContexts,
    mut problems: ResMut<ReloadProblems>,
    words: Res<Words>,
    theme: Res<Theme>,
) -> Result {
    if problems.problems.is_empty() || problems.hidden {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut close = false;
    theme::wide_card_window(ctx, "reload_problems").show(ctx, |ui| {
        ui.label(theme.heading(words.ui("reload-kept")));
        egui::ScrollArea::vertical().max_height(ctx.viewport_rect().height() * 0.6).show(ui, |ui| {
            for p in &problems.problems {
                let place = p.place.as_ref().map_or(p.file.clone(), |at| format!("{}:{at}", p.file));
                ui.label(theme.body(place));
                ui.add(egui::Label::new(theme.notice(p.problem.clone())).wrap());
                if !p.fix.is_empty() {
                    ui.add(egui::Label::new(theme.body(words.ui_with("reload-fix", "fix", &p.fix))).wrap());
                }
                ui.add_space(8.0);
            }
        });
        ui.label(theme.body(words.ui("reload-hint")));
        if ui.add(theme.big_button(words.ui("app-ok"))).clicked() {
            close = true;
        }
    });
    if close {
        problems.hidden = true;
    }
    Ok(())
}

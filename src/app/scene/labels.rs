//! Each station's name floats above it as a big button that can be tapped
//! (mouse, touch or keyboard), kept clear of the caption, the phone and each other.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::room::StationModel;
use crate::app::flow::Screen;
use crate::app::phone::guide::{Pulse, guide};
use crate::app::phone::targets::{DrawnTargets, Key};
use crate::app::theme::{self, CaptionHeight, Theme};
use crate::app::walkthrough::{Active, LearnerAction};
use crate::app::words::Words;
use crate::walkthrough::{Action, Target};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_station_labels.run_if(in_state(Screen::Walkthrough)));
}

/// Each station's name floats above it as a big button: tap it, or reach it with Tab.
fn draw_station_labels(
    mut contexts: EguiContexts,
    words: Res<Words>,
    theme: Res<Theme>,
    time: Res<Time>,
    pulse: Res<Pulse>,
    active: Option<Res<Active>>,
    caption: Res<CaptionHeight>,
    cameras: Query<(&Camera, &GlobalTransform), With<super::camera::Eye>>,
    stations: Query<&StationModel>,
    mut sizes: Local<std::collections::HashMap<String, egui::Vec2>>,
    mut drawn: ResMut<DrawnTargets>,
    mut actions: MessageWriter<LearnerAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (Some(active), Ok((camera, camera_at))) = (active, cameras.single()) else { return Ok(()) };
    let viewport = ctx.viewport_rect();
    let usable = egui::Rect::from_min_max(viewport.min, egui::pos2(viewport.max.x, viewport.max.y - caption.0));
    let labels: std::collections::HashMap<&str, &str> =
        active.scenario().stations.iter().map(|s| (s.id.as_str(), s.label.as_str())).collect();
    // Nearest labels first; a label that would cover another moves up out of its way.
    let mut placed: Vec<egui::Rect> = Vec::new();
    let mut order: Vec<(&StationModel, egui::Pos2, f32)> = stations
        .iter()
        .filter_map(|s| {
            let at = camera.world_to_viewport(camera_at, s.label_at).ok()?;
            Some((s, egui::pos2(at.x, at.y), camera_at.translation().distance(s.label_at)))
        })
        .collect();
    // The one to touch is placed first, so it is never the label that gives way.
    let target = active.view.target.clone();
    let is_target = |s: &StationModel| target == Some(Target::Station(s.id.clone()));
    order.sort_by(|a, b| is_target(b.0).cmp(&is_target(a.0)).then(a.2.total_cmp(&b.2)));
    for (station, mut at, _) in order {
        let size = sizes.get(&station.id).copied().unwrap_or(egui::vec2(160.0, 60.0));
        let rect_at = |p: egui::Pos2| egui::Rect::from_min_size(p - egui::vec2(size.x / 2.0, size.y), size);
        while let Some(other) = placed.iter().find(|r| r.expand(4.0).intersects(rect_at(at))) {
            at.y = other.min.y - 8.0;
        }
        let is_target = is_target(station);
        if let Some(phone) = drawn.phone.filter(|p| p.expand(8.0).intersects(rect_at(at))) {
            if !is_target {
                continue; // another station's label would hide behind the phone
            }
            at.x = phone.min.x - 12.0 - size.x / 2.0; // the one to touch moves out from behind it
        }
        if !usable.contains(at) || at.y - size.y < usable.min.y {
            if !is_target {
                continue;
            }
            // The one to touch is always shown (large text makes the caption and phone take
            // more room): kept inside what they leave of the scene, left of the phone.
            let right = drawn.phone.map_or(usable.max.x, |p| p.min.x - 12.0);
            at.x = at.x.clamp(
                usable.min.x + size.x / 2.0 + 8.0,
                (right - size.x / 2.0).max(usable.min.x + size.x / 2.0 + 8.0),
            );
            at.y = at.y.clamp(usable.min.y + size.y + 8.0, (usable.max.y - 8.0).max(usable.min.y + size.y + 8.0));
        }
        placed.push(rect_at(at));
        let text = words.say(labels.get(station.id.as_str()).copied().unwrap_or(&station.id));
        let area =
            egui::Area::new(egui::Id::new(("station", &station.id))).fixed_pos(at).pivot(egui::Align2::CENTER_BOTTOM);
        let response = area
            .show(ctx, |ui| {
                let button =
                    egui::Button::new(egui::RichText::new(text).size(theme.px(theme::BODY_PX)).color(theme::INK))
                        .fill(theme::PAPER)
                        .min_size(egui::vec2(120.0, 60.0));
                ui.add(button)
            })
            .inner;
        sizes.insert(station.id.clone(), response.rect.size());
        drawn.add(Key::Station(station.id.clone()), response.rect);
        if response.clicked() {
            actions.write(LearnerAction(Action::TapStation(station.id.clone())));
        }
        if active.view.target == Some(Target::Station(station.id.clone())) {
            guide(ctx, usable, response.rect, active.view.emphasis, pulse.breath(time.elapsed_secs()));
        }
    }
    Ok(())
}

//! The guide around what to touch, on the phone, a screen or the caption:
//! a glow, then a spotlight, then a pointing arrow as the hints escalate. It
//! breathes slowly (0.5 Hz) for two breaths when a step begins or help grows,
//! then rests fully lit, so a waiting screen needs no frames.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::app::flow::{AppSystems, Screen, Wake};
use crate::app::theme;
use crate::app::walkthrough::{HintShown, MistakeMade, StepEntered};
use crate::walkthrough::Emphasis;

/// How long the guide breathes after a step begins or help grows (two slow breaths).
pub const PULSE_SECS: f32 = 4.0;
/// Frames a second while it breathes: 16 a breath, smooth enough for so slow a change.
pub const PULSE_FPS: f32 = 8.0;

/// When the guide last began to breathe (the app's elapsed seconds).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Pulse {
    since: f32,
}

impl Pulse {
    /// How lit the guide is at `now`: breathing 0 to 1 for [`PULSE_SECS`], then 1.
    pub fn breath(&self, now: f32) -> f32 {
        let t = now - self.since;
        if (0.0..PULSE_SECS).contains(&t) {
            // Starts fully lit (cos 0 = 1), dims and brightens smoothly.
            0.5 + 0.5 * (t * std::f32::consts::PI).cos()
        } else {
            1.0
        }
    }

    pub fn is_breathing(&self, now: f32) -> bool {
        (0.0..PULSE_SECS).contains(&(now - self.since))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pulse>().add_systems(
        Update,
        (restart_pulse, wake_while_breathing).chain().in_set(AppSystems::Present).run_if(in_state(Screen::Walkthrough)),
    );
}

fn restart_pulse(
    time: Res<Time>,
    mut entered: MessageReader<StepEntered>,
    mut hints: MessageReader<HintShown>,
    mut mistakes: MessageReader<MistakeMade>,
    mut pulse: ResMut<Pulse>,
) {
    if entered.read().count() + hints.read().count() + mistakes.read().count() > 0 {
        pulse.since = time.elapsed_secs();
    }
}

fn wake_while_breathing(time: Res<Time>, pulse: Res<Pulse>, mut wake: ResMut<Wake>) {
    if pulse.is_breathing(time.elapsed_secs()) {
        wake.within(1.0 / PULSE_FPS);
    }
}

/// Glow, spotlight and pointer: never flashing (a slow breath, `breath` from
/// [`Pulse::breath`]) and never colour alone (the outline is thick, and the
/// caption says what to do).
pub fn guide(ctx: &egui::Context, area: egui::Rect, target: egui::Rect, emphasis: Emphasis, breath: f32) {
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::new("guide")));
    let ring = target.expand(4.0);
    if emphasis >= Emphasis::Spotlight {
        let dim = egui::Color32::from_black_alpha(120);
        let a = area;
        for r in [
            egui::Rect::from_min_max(a.min, egui::pos2(a.max.x, ring.min.y)),
            egui::Rect::from_min_max(egui::pos2(a.min.x, ring.max.y), a.max),
            egui::Rect::from_min_max(egui::pos2(a.min.x, ring.min.y), egui::pos2(ring.min.x, ring.max.y)),
            egui::Rect::from_min_max(egui::pos2(ring.max.x, ring.min.y), egui::pos2(a.max.x, ring.max.y)),
        ] {
            painter.rect_filled(r.intersect(a), 0.0, dim);
        }
    }
    let width = if emphasis >= Emphasis::Spotlight { 6.0 + 2.0 * breath } else { 5.0 };
    painter.rect_stroke(ring, 10.0, egui::Stroke::new(width, theme::GLOW), egui::StrokeKind::Outside);
    if emphasis >= Emphasis::Pointer {
        // A pointing arrow that glides gently towards the target from the left.
        let tip = egui::pos2(ring.min.x - 6.0 - 10.0 * breath, ring.center().y);
        let tail = tip - egui::vec2(70.0, 0.0);
        let stroke = egui::Stroke::new(10.0, theme::PRIMARY);
        painter.line_segment([tail, tip], stroke);
        painter.line_segment([tip, tip + egui::vec2(-22.0, -18.0)], stroke);
        painter.line_segment([tip, tip + egui::vec2(-22.0, 18.0)], stroke);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_breathes_a_few_times_then_rests_fully_lit() {
        let pulse = Pulse { since: 10.0 };
        assert_eq!(pulse.breath(10.0), 1.0, "starts lit, no flash");
        assert!(pulse.breath(11.0) < 0.01, "dims over a second");
        assert!(pulse.is_breathing(13.9));
        assert_eq!(pulse.breath(14.0), 1.0, "two breaths end fully lit");
        assert!(!pulse.is_breathing(14.0));
        assert_eq!(pulse.breath(30.0), 1.0, "then rests lit");
    }
}

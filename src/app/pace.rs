//! Frames only when something changes: the window updates on input, and
//! otherwise sleeps until the soonest [`Wake`] any feature asked for this
//! frame — at once while something moves (camera glide, autoplay, a request
//! waiting for the next frame), a few times a second while the target's glow
//! breathes or a line is spoken, just in time for the next idle hint or spoken
//! repetition, and every ten seconds otherwise. Hot reload watches files on its
//! own thread and wakes the app only when something changed.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};

use super::flow::{Screen, Wake};
use super::phone::guide::PULSE_FPS;
use super::services::preferences::ChangeSettings;
use super::services::records::{AddLearner, ChooseLearner, DismissNotice};
use super::services::sync::SetUpSync;
use super::services::trainer::{ExportRecords, SaveCertificate, SubmitPin};
use super::walkthrough::{LearnerAction, StartScenario};
use crate::walkthrough::Action;

/// The waits the window is put in (seconds). Few and fixed: each change of
/// update mode costs a frame, so the wait moves between these steps only.
const WAITS: [f32; 5] = [0.05, 1.0 / PULSE_FPS, 0.5, 2.0, IDLE_SECS];
/// How long the app sleeps when nothing asked for a frame.
pub const IDLE_SECS: f32 = 10.0;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(window_mode(IDLE_SECS))
        // Frames may be seconds apart: time must still pass in full for the hint ladder.
        .add_systems(Startup, |mut time: ResMut<Time<Virtual>>| time.set_max_delta(Duration::from_secs(20)))
        .add_systems(First, read_the_clock.before(bevy::time::TimeSystems))
        .add_systems(Last, (wake_for_requests, pace).chain())
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        );
    // Bevy's scripted CI runs (screenshots at frame N) count frames: draw them all.
    if std::env::var_os("CI_TESTING_CONFIG").is_some() {
        app.add_systems(Update, |mut wake: ResMut<Wake>| wake.now());
    }
}

fn window_mode(wait: f32) -> WinitSettings {
    let mode = UpdateMode::reactive_low_power(Duration::from_secs_f32(wait));
    WinitSettings { focused_mode: mode, unfocused_mode: mode }
}

/// bevy_egui 0.42 tells egui the modifier keys every frame, as if they had just
/// changed; egui answers any input event by asking for another frame, so the
/// window would never sleep. Only a real change is passed on.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut bevy_egui::EguiInput>,
    mut last: Local<Option<bevy_egui::egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.events.retain(|event| match event {
            bevy_egui::egui::Event::ModifiersChanged(now) => {
                let changed = *last != Some(*now);
                *last = Some(*now);
                changed
            }
            _ => true,
        });
    }
}

/// Time is read when the frame starts. (By default Bevy takes it from the
/// render thread, a frame or two late: after a five-second sleep the next
/// frame would still count a short step, and a hint due at 20 s would come at 30.)
fn read_the_clock(mut strategy: ResMut<bevy::time::TimeUpdateStrategy>) {
    *strategy = bevy::time::TimeUpdateStrategy::ManualInstant(std::time::Instant::now());
}

/// What the learner asked for in this frame's screens is applied in the next
/// frame: ask for it at once, so a click shows without waiting.
#[derive(bevy::ecs::system::SystemParam)]
struct Requests<'w, 's> {
    actions: MessageReader<'w, 's, LearnerAction>,
    start: MessageReader<'w, 's, StartScenario>,
    settings: MessageReader<'w, 's, ChangeSettings>,
    choose: MessageReader<'w, 's, ChooseLearner>,
    add: MessageReader<'w, 's, AddLearner>,
    dismiss: MessageReader<'w, 's, DismissNotice>,
    pin: MessageReader<'w, 's, SubmitPin>,
    export: MessageReader<'w, 's, ExportRecords>,
    certificate: MessageReader<'w, 's, SaveCertificate>,
    sync: MessageReader<'w, 's, SetUpSync>,
}

impl Requests<'_, '_> {
    fn any(&mut self) -> bool {
        let acted = self.actions.read().any(|a| !matches!(a.0, Action::Wait(_)));
        // Every reader is read, so each frame sees only its own requests.
        let others = [
            self.start.read().count(),
            self.settings.read().count(),
            self.choose.read().count(),
            self.add.read().count(),
            self.dismiss.read().count(),
            self.pin.read().count(),
            self.export.read().count(),
            self.certificate.read().count(),
            self.sync.read().count(),
        ];
        acted | others.iter().any(|n| *n > 0)
    }
}

fn wake_for_requests(mut requests: Requests, next: Res<NextState<Screen>>, mut wake: ResMut<Wake>) {
    if requests.any() || matches!(*next, NextState::Pending(_)) {
        wake.now();
    }
}

/// The longest of the fixed waits that still wakes the app by `wanted` seconds.
fn wait_for(wanted: f32) -> f32 {
    WAITS.iter().copied().rev().find(|w| *w <= wanted).unwrap_or(WAITS[0])
}

/// Turns the soonest need into the window's update mode (or an immediate redraw).
fn pace(mut wake: ResMut<Wake>, mut settings: ResMut<WinitSettings>, mut redraw: MessageWriter<RequestRedraw>) {
    let within = wake.take();
    let mode = if within == Some(0.0) {
        // Something moves: frames as fast as before (Bevy's continuous mode), and this one at once.
        redraw.write(RequestRedraw);
        WinitSettings { focused_mode: UpdateMode::Continuous, unfocused_mode: UpdateMode::Continuous }
    } else {
        window_mode(wait_for(within.unwrap_or(IDLE_SECS)))
    };
    if settings.focused_mode != mode.focused_mode {
        *settings = mode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_wakes_the_app_at_or_before_it_on_one_of_a_few_steps() {
        let pick = wait_for;
        assert_eq!(pick(30.0), IDLE_SECS);
        assert_eq!(pick(9.0), 2.0);
        assert_eq!(pick(1.9), 0.5);
        assert_eq!(pick(0.3), 1.0 / PULSE_FPS);
        assert_eq!(pick(0.06), 0.05);
        assert_eq!(pick(0.01), 0.05, "the shortest wait is the floor");
    }
}

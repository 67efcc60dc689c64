//! The Bevy side of a walkthrough: learner actions come in as [`LearnerAction`]
//! messages, one system applies them to the pure engine, and each of the
//! engine's facts goes out as its own message ([`StepEntered`], [`HintShown`],
//! [`MistakeMade`], [`StepCompleted`], [`WalkthroughCompleted`] …), so a reader
//! asks only for the facts it cares about.

use std::sync::Arc;

use bevy::prelude::*;

use super::flow::Screen;
use super::flow::{AppSystems, Wake};
use crate::scenario::{MsgId, Scenario, Step};
use crate::walkthrough::{
    Action, Config, Event, Feedback, Presses, StepRecord, Summary, View, Walkthrough, stray_while_moving,
};

/// A request from the learner (a tap, a key, a button under the caption).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct LearnerAction(pub Action);

/// A step began: its prompt is shown and said.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct StepEntered {
    pub step: String,
    pub prompt: MsgId,
}

/// The learner asked to hear the prompt again (再听一遍).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct PromptRepeated {
    pub prompt: MsgId,
}

/// A hint is shown (and said); `escalated` is false when the top level repeats.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct HintShown {
    pub level: u8,
    pub message: MsgId,
    pub escalated: bool,
}

/// A wrong action got its own words (or a scam trap was fallen for).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct MistakeMade(pub Feedback);

/// The learner pressed a scam's bait in `step`.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct TrapFallenFor {
    pub step: String,
}

/// A branch took the learner from one step to another.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct BranchTaken {
    pub from: String,
    pub to: String,
}

/// A step ended; what happened in it.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct StepCompleted(pub StepRecord);

/// A tap set aside: the second (or third) press of a double click, landing on what the
/// first press brought up, or a station that slid under the hand while the view moved.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct TapSetAside(pub Action);

/// Whether the view is still gliding to the step's place (the camera writes it).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ViewMoving(pub bool);

/// The last step ended.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct WalkthroughCompleted(pub Summary);

/// The run so far was set aside and play starts again from the first step.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct WalkthroughRestarted {
    pub abandoned: Vec<StepRecord>,
}

/// Where each of the engine's facts is announced.
#[derive(bevy::ecs::system::SystemParam)]
pub struct Announce<'w> {
    entered: MessageWriter<'w, StepEntered>,
    repeated: MessageWriter<'w, PromptRepeated>,
    hints: MessageWriter<'w, HintShown>,
    mistakes: MessageWriter<'w, MistakeMade>,
    traps: MessageWriter<'w, TrapFallenFor>,
    branches: MessageWriter<'w, BranchTaken>,
    steps: MessageWriter<'w, StepCompleted>,
    completed: MessageWriter<'w, WalkthroughCompleted>,
    restarted: MessageWriter<'w, WalkthroughRestarted>,
}

impl Announce<'_> {
    /// Sends `event` as its own message.
    pub fn send(&mut self, event: Event) {
        match event {
            Event::StepEntered { step, prompt } => {
                self.entered.write(StepEntered { step, prompt });
            }
            Event::PromptRepeated { prompt } => {
                self.repeated.write(PromptRepeated { prompt });
            }
            Event::HintShown { level, message, escalated } => {
                self.hints.write(HintShown { level, message, escalated });
            }
            Event::Feedback(feedback) => {
                self.mistakes.write(MistakeMade(feedback));
            }
            Event::TrapFallenFor { step } => {
                self.traps.write(TrapFallenFor { step });
            }
            Event::BranchTaken { from, to } => {
                self.branches.write(BranchTaken { from, to });
            }
            Event::StepCompleted(record) => {
                self.steps.write(StepCompleted(record));
            }
            Event::Completed(summary) => {
                self.completed.write(WalkthroughCompleted(summary));
            }
            Event::Restarted { abandoned } => {
                self.restarted.write(WalkthroughRestarted { abandoned });
            }
            Event::Ignored => {}
        }
    }
}

/// The walkthrough being played, and its current view.
#[derive(Resource)]
pub struct Active {
    pub engine: Walkthrough,
    pub view: View,
    /// A trainer's preview: not recorded as practice.
    pub preview: bool,
}

impl Active {
    /// Starts at the first step, or fast-forwards to `at`; a step that is not
    /// there (a file changed under a running preview) starts at the first step.
    pub fn start(request: &StartScenario) -> (Active, Vec<Event>) {
        let scenario = Arc::clone(&request.scenario);
        let (engine, events) = match &request.at {
            Some(step) => Walkthrough::start_at(Arc::clone(&scenario), Config::default(), step).unwrap_or_else(|e| {
                warn!("cannot start at that step ({e}); starting at the first");
                Walkthrough::start(scenario, Config::default())
            }),
            None => Walkthrough::start(scenario, Config::default()),
        };
        let view = engine.view();
        (Active { engine, view, preview: request.preview }, events)
    }

    pub fn scenario(&self) -> &Scenario {
        self.engine.scenario()
    }

    /// The step being played (none once the walkthrough is complete).
    pub fn current_step(&self) -> Option<&Step> {
        let scenario = self.scenario();
        self.view.step.as_deref().and_then(|id| scenario.step_index(id)).map(|i| &scenario.steps[i])
    }
}

/// Asks to start a scenario (from the choose screen, `kuayue play` or the trainer's preview).
#[derive(Message, Debug, Clone)]
pub struct StartScenario {
    pub scenario: Arc<Scenario>,
    /// Start at this step instead of the first (fast-forwarding through the ones before).
    pub at: Option<String>,
    /// A trainer's preview, not practice: nothing is recorded.
    pub preview: bool,
}

impl StartScenario {
    /// A learner's practice from the first step.
    pub fn practice(scenario: Arc<Scenario>) -> StartScenario {
        StartScenario { scenario, at: None, preview: false }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<LearnerAction>()
        .add_message::<StepEntered>()
        .add_message::<PromptRepeated>()
        .add_message::<HintShown>()
        .add_message::<MistakeMade>()
        .add_message::<TrapFallenFor>()
        .add_message::<BranchTaken>()
        .add_message::<StepCompleted>()
        .add_message::<WalkthroughCompleted>()
        .add_message::<WalkthroughRestarted>()
        .add_message::<StartScenario>()
        .add_message::<TapSetAside>()
        .init_resource::<PointerPresses>()
        .init_resource::<ViewMoving>()
        .add_systems(
            PreUpdate,
            note_presses
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, start_scenario.in_set(AppSystems::ApplyCommands))
        .add_systems(
            Update,
            (
                pass_time.in_set(AppSystems::RecordInput),
                (apply_learner_actions, wake_for_the_next_hint).chain().in_set(AppSystems::ApplyCommands),
            )
                .run_if(in_state(Screen::Walkthrough)),
        );
}

fn start_scenario(
    mut requests: MessageReader<StartScenario>,
    mut commands: Commands,
    mut announce: Announce,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(request) = requests.read().last() else { return };
    info!("starting scenario {}{}", request.scenario.id, if request.preview { " (preview)" } else { "" });
    let (active, started) = Active::start(request);
    if let Some(step) = &active.view.step {
        info!("step entered: {step}");
    }
    commands.insert_resource(active);
    for event in started {
        announce.send(event);
    }
    next.set(Screen::Walkthrough);
}

/// The walkthrough offers a hint after a quiet while: the app is awake for it
/// even when nothing else needs a frame.
fn wake_for_the_next_hint(active: Option<Res<Active>>, mut wake: ResMut<Wake>) {
    if let Some(secs) = active.and_then(|a| a.engine.next_idle_hint_in()) {
        wake.within(secs);
    }
}

/// Time passes as an action: the engine has no clock of its own.
fn pass_time(time: Res<Time>, mut actions: MessageWriter<LearnerAction>) {
    actions.write(LearnerAction(Action::Wait(time.delta_secs())));
}

/// The pointer's presses (and keys), for telling a double click from two taps.
#[derive(Resource, Debug, Default)]
pub struct PointerPresses(pub Presses);

/// Notes each press of the pointer (or a finger) and each key, as the window gave them.
fn note_presses(inputs: Query<&bevy_egui::EguiInput>, time: Res<Time<Real>>, mut presses: ResMut<PointerPresses>) {
    let now = time.elapsed_secs_f64();
    for input in &inputs {
        for event in &input.events {
            match event {
                bevy_egui::egui::Event::PointerButton { pos, pressed: true, .. }
                | bevy_egui::egui::Event::Touch { pos, phase: bevy_egui::egui::TouchPhase::Start, .. } => {
                    presses.0.press(now, [pos.x, pos.y]);
                }
                bevy_egui::egui::Event::Key { pressed: true, .. } => presses.0.key(),
                _ => {}
            }
        }
    }
}

/// The one place where the walkthrough changes.
fn apply_learner_actions(
    mut actions: MessageReader<LearnerAction>,
    active: Option<ResMut<Active>>,
    mut presses: ResMut<PointerPresses>,
    moving: Res<ViewMoving>,
    mut set_aside: MessageWriter<TapSetAside>,
    mut announce: Announce,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(mut active) = active else { return };
    for LearnerAction(action) in actions.read() {
        let waiting = matches!(action, Action::Wait(_));
        if !waiting && !presses.0.admits() {
            // The second press of a double click, landing on what the first one brought up.
            info!("learner: {action:?} set aside (the rest of a double click)");
            set_aside.write(TapSetAside(action.clone()));
            continue;
        }
        if moving.0 && presses.0.by_pointer() && stray_while_moving(active.engine.view().target.as_ref(), action) {
            info!("learner: {action:?} set aside (tapped while the view moved)");
            set_aside.write(TapSetAside(action.clone()));
            continue;
        }
        if !waiting {
            info!("learner: {action:?}");
        }
        let events = active.engine.apply(action.clone());
        if !waiting {
            presses.0.answered_with(&events);
        }
        for event in events {
            match &event {
                Event::Completed(summary) => {
                    info!("walkthrough completed: {} steps in {:.0} s", summary.steps, summary.total_secs);
                    next.set(Screen::Done);
                }
                Event::StepEntered { step, .. } => info!("step entered: {step}"),
                Event::HintShown { level, .. } => info!("hint level {level}"),
                _ => {}
            }
            announce.send(event);
        }
    }
    active.view = active.engine.view();
}

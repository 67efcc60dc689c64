//! The Bevy side of a walkthrough: learner actions come in as [`LearnerAction`]
//! messages, one system applies them to the pure engine, and the engine's events
//! go out as [`WalkthroughEvent`] messages for the screens to react to.

use std::sync::Arc;

use bevy::prelude::*;

use super::AppSystems;
use super::screens::Screen;
use crate::scenario::{Scenario, Step};
use crate::walkthrough::{Action, Config, Event, View, Walkthrough};

/// A request from the learner (a tap, a key, a button under the caption).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct LearnerAction(pub Action);

/// A fact from the engine (step entered, hint shown, completed …).
#[derive(Message, Debug, Clone, PartialEq)]
pub struct WalkthroughEvent(pub Event);

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
        .add_message::<WalkthroughEvent>()
        .add_message::<StartScenario>()
        .add_systems(Update, start_scenario.in_set(AppSystems::ApplyCommands))
        .add_systems(
            Update,
            (pass_time.in_set(AppSystems::RecordInput), apply_learner_actions.in_set(AppSystems::ApplyCommands))
                .run_if(in_state(Screen::Walkthrough)),
        );
}

fn start_scenario(
    mut requests: MessageReader<StartScenario>,
    mut commands: Commands,
    mut events: MessageWriter<WalkthroughEvent>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(request) = requests.read().last() else { return };
    info!("starting scenario {}{}", request.scenario.id, if request.preview { " (preview)" } else { "" });
    let (active, started) = Active::start(request);
    if let Some(step) = &active.view.step {
        info!("step entered: {step}");
    }
    commands.insert_resource(active);
    events.write_batch(started.into_iter().map(WalkthroughEvent));
    next.set(Screen::Walkthrough);
}

/// Time passes as an action: the engine has no clock of its own.
fn pass_time(time: Res<Time>, mut actions: MessageWriter<LearnerAction>) {
    actions.write(LearnerAction(Action::Wait(time.delta_secs())));
}

/// The one place where the walkthrough changes.
fn apply_learner_actions(
    mut actions: MessageReader<LearnerAction>,
    active: Option<ResMut<Active>>,
    mut events: MessageWriter<WalkthroughEvent>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(mut active) = active else { return };
    for LearnerAction(action) in actions.read() {
        if !matches!(action, Action::Wait(_)) {
            info!("learner: {action:?}");
        }
        for event in active.engine.apply(action.clone()) {
            match &event {
                Event::Completed(summary) => {
                    info!("walkthrough completed: {} steps in {:.0} s", summary.steps, summary.total_secs);
                    next.set(Screen::Done);
                }
                Event::StepEntered { step, .. } => info!("step entered: {step}"),
                Event::HintShown { level, .. } => info!("hint level {level}"),
                _ => {}
            }
            events.write(WalkthroughEvent(event));
        }
    }
    active.view = active.engine.view();
}

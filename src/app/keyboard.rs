//! Keyboard use without a mouse: Tab, Shift+Tab and the arrow keys move the
//! focus (a thick dark ring shows it), Enter and Space press the focused
//! button. egui moves focus with the arrows only once something has it; here
//! an arrow pressed while nothing has focus acts as Tab and starts on the first
//! button.
//!
//! The ring is for keyboard users only. egui also focuses a button that is
//! clicked, and hands that focus to whatever is drawn next in its place; to a
//! senior a framed button looks "selected". So focus is kept only while the
//! keyboard is in use (from a key press until the next pointer press), a new
//! step starts with nothing focused, and on a step with a scam trap the first
//! Tab or arrow goes to the safe choice, never to the bait.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, EguiPreUpdateSet, egui};

use super::phone::targets::{DrawnTargets, Key};
use super::walkthrough::Active;

/// Whether the learner is using the keyboard (a key pressed since the last pointer press).
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyboardInUse(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<KeyboardInUse>().add_systems(
        PreUpdate,
        (follow_the_hand, arrows_start_the_focus)
            .chain()
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
}

fn is_arrow(key: egui::Key) -> bool {
    matches!(key, egui::Key::ArrowUp | egui::Key::ArrowDown | egui::Key::ArrowLeft | egui::Key::ArrowRight)
}

/// Keys that move or use the focus.
fn is_focus_key(key: egui::Key) -> bool {
    is_arrow(key) || matches!(key, egui::Key::Tab | egui::Key::Enter | egui::Key::Space)
}

/// A text field keeps its focus whatever pointed at it: the learner is typing.
fn focused_button(ctx: &egui::Context) -> Option<egui::Id> {
    let id = ctx.memory(|m| m.focused())?;
    egui::text_edit::TextEditState::load(ctx, id).is_none().then_some(id)
}

/// Notes whether the keyboard or the pointer was used last, and takes the focus
/// off buttons while the pointer is in use and when a new step begins.
fn follow_the_hand(
    mut contexts: Query<(&mut EguiContext, &EguiInput)>,
    mut in_use: ResMut<KeyboardInUse>,
    active: Option<Res<Active>>,
    mut last_step: Local<Option<String>>,
) {
    let step = active.as_ref().and_then(|a| a.view.step.clone());
    let new_step = step != *last_step;
    *last_step = step;
    for (mut context, input) in &mut contexts {
        for event in &input.events {
            match event {
                egui::Event::Key { key, pressed: true, .. } if is_focus_key(*key) => {
                    in_use.set_if_neq(KeyboardInUse(true))
                }
                egui::Event::PointerButton { pressed: true, .. } | egui::Event::Touch { .. } => {
                    in_use.set_if_neq(KeyboardInUse(false))
                }
                _ => false,
            };
        }
        let ctx = context.get_mut();
        if (new_step || !in_use.0)
            && let Some(id) = focused_button(ctx)
        {
            ctx.memory_mut(|m| m.surrender_focus(id));
            ctx.request_repaint();
        }
    }
}

/// The step's safe choice when it has a scam trap: the first focus goes there.
fn safe_choice(active: Option<&Active>, drawn: &DrawnTargets) -> Option<egui::Id> {
    let active = active?;
    let step = active.current_step()?;
    step.trap.as_ref()?;
    let target = active.view.target.as_ref()?;
    drawn.focus_id(&Key::from(target))
}

/// Whether the step is a scam's, with something to touch.
fn is_trap_step(active: Option<&Active>) -> bool {
    active.is_some_and(|a| a.current_step().is_some_and(|s| s.trap.is_some()) && a.view.target.is_some())
}

fn arrows_start_the_focus(
    mut contexts: Query<(&mut EguiContext, &mut EguiInput, Has<bevy_egui::PrimaryEguiContext>)>,
    active: Option<Res<Active>>,
    drawn: Res<DrawnTargets>,
    shown: Option<Res<crate::app::scene::display::ShownScreen>>,
    mut held_back: Local<Vec<egui::Event>>,
    mut wake: ResMut<crate::app::flow::Wake>,
) {
    for (mut context, mut input, primary) in &mut contexts {
        // A key held back last frame (below) comes first now.
        if primary {
            for (n, event) in held_back.drain(..).enumerate() {
                input.events.insert(n, event);
            }
        }
        // Focus as the last pass left it.
        let ctx = context.get_mut();
        if ctx.memory(|m| m.focused().is_some()) {
            continue;
        }
        let starts = |event: &egui::Event| match event {
            egui::Event::Key { key, pressed: true, modifiers, .. } => {
                (is_arrow(*key) && !modifiers.any()) || *key == egui::Key::Tab
            }
            _ => false,
        };
        let Some(first) = input.events.iter().position(starts) else { continue };
        if let Some(safe) = safe_choice(active.as_deref(), &drawn) {
            // Start on the way out of the scam, not on the first button (which may be the bait).
            input.events.remove(first);
            ctx.memory_mut(|m| m.request_focus(safe));
            ctx.request_repaint();
            continue;
        }
        if primary && is_trap_step(active.as_deref()) && shown.as_ref().is_some_and(|s| s.0.is_some()) {
            // The scam's screen is on the phone in the hand: the keyboard brings it to the flat
            // panel this frame, and its way out can be found there only next frame. The key waits.
            held_back.push(input.events.remove(first));
            wake.now();
            continue;
        }
        if matches!(input.events[first], egui::Event::Key { key: egui::Key::Tab, .. }) {
            continue; // egui's own Tab
        }
        input.events.push(egui::Event::Key {
            key: egui::Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

//! `kuayue play --autoplay`: plays a scenario through the same input path a mouse
//! takes (window cursor and button messages, which egui and picking read), so
//! what is tested is what a learner touches. Optionally makes wrong taps first
//! so hints show, saves a screenshot per step, and quits when done.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::input::ButtonState;
use bevy::input::mouse::MouseButtonInput;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

use super::flow::Screen;
use super::phone::targets::{DrawnTargets, Key};
use super::walkthrough::Active;
use crate::scenario::{Expect, Widget};
use crate::walkthrough::Target;

/// What `kuayue play` asked for.
#[derive(Resource, Debug, Clone, Default)]
pub struct PlayOptions {
    pub autoplay: bool,
    /// Wrong taps to make at each step before the right one.
    pub mistakes: u32,
    pub screenshots: Option<PathBuf>,
    pub exit_when_done: bool,
    /// Start at this step (fast-forwarding through the ones before).
    pub step: Option<String>,
    /// The file the scenario came from, watched for changes while it plays.
    pub file: Option<PathBuf>,
    /// Record this play as practice by this learner (by name; added if new), or
    /// by the guest with `guest`/`访客`. `None`: a preview, recorded nowhere.
    pub record_as: Option<String>,
    /// Text size for this play only (percent), instead of the learner's setting.
    pub text_size: Option<u32>,
    /// Write the layout report of each step here.
    pub layout_report: Option<PathBuf>,
    /// The window's size in logical px (default 1280×720).
    pub window: Option<(u32, u32)>,
    /// The large pointer for this play only, instead of the learner's setting.
    pub big_pointer: bool,
    /// Screens as the flat panel for this play only, instead of the learner's setting.
    pub flat_screens: bool,
}

/// Seconds to let the camera settle before acting.
const SETTLE_SECS: f32 = 1.2;

/// Where a click is: a real mouse moves, then presses, then releases, each in its own frame.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Phase {
    #[default]
    Idle,
    Moved(Vec2),
    /// Pressed, and held for this many seconds more before letting go (0 for a click).
    Pressed(f32),
}

#[derive(Resource, Default, Debug)]
struct Pilot {
    step: Option<String>,
    waited: f32,
    mistakes_made: u32,
    shot_taken: bool,
    /// The right clicks were all made; wait for the step to change (or retry).
    acted: bool,
    queue: VecDeque<Key>,
    phase: Phase,
    shots: u32,
    /// The next press is held this long (a hold-to-talk step).
    hold_for: Option<f32>,
}

/// Seconds to wait for a step to change after acting before trying again.
const RETRY_SECS: f32 = 6.0;
/// At most this long (after settling) for the camera to arrive before acting anyway.
const MOVE_WAIT_SECS: f32 = 5.0;
/// Seconds to wait after a click, so what it changed is on screen.
const AFTER_CLICK_SECS: f32 = 0.5;

/// Whether the renderer has made every pipeline asked of it. Until then a frame can come
/// out blank (a loaded machine compiles shaders for seconds), so autoplay neither acts nor
/// takes a screenshot; without a renderer (headless tests) it is always ready.
#[derive(Resource, Clone, Default)]
struct PipelinesReady(Arc<AtomicBool>);

fn note_pipelines(cache: Res<bevy::render::render_resource::PipelineCache>, ready: Res<PipelinesReady>) {
    let done = cache.pipelines().next().is_some() && cache.waiting_pipelines().next().is_none();
    ready.0.store(done, Ordering::Relaxed);
}

pub(super) fn plugin(app: &mut App) {
    let ready = PipelinesReady::default();
    match app.get_sub_app_mut(bevy::render::RenderApp) {
        Some(render) => {
            render.insert_resource(ready.clone()).add_systems(bevy::render::Render, note_pipelines);
        }
        None => ready.0.store(true, Ordering::Relaxed),
    }
    app.insert_resource(ready);
    app.init_resource::<Pilot>().add_systems(
        Update,
        (fly.run_if(in_state(Screen::Walkthrough)), finish.run_if(in_state(Screen::Done)), keep_going)
            .in_set(super::flow::AppSystems::RecordInput),
    );
}

/// Playing by itself (or waiting to quit when done), the app never sleeps.
fn keep_going(options: Res<PlayOptions>, mut wake: ResMut<super::flow::Wake>) {
    if options.autoplay || options.exit_when_done {
        wake.now();
    }
}

fn shoot(commands: &mut Commands, options: &PlayOptions, pilot: &mut Pilot, name: &str) {
    if let Some(dir) = &options.screenshots {
        pilot.shots += 1;
        let path = dir.join(format!("{:02}-{name}.png", pilot.shots));
        info!("autoplay: screenshot {}", path.display());
        commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path));
    }
}

fn fly(
    mut commands: Commands,
    time: Res<Time>,
    options: Res<PlayOptions>,
    active: Option<Res<Active>>,
    drawn: Res<DrawnTargets>,
    window: Query<Entity, With<PrimaryWindow>>,
    mut pilot: ResMut<Pilot>,
    ready: Res<PipelinesReady>,
    layout: Option<Res<super::layout::LayoutReport>>,
    moving: Option<Res<super::walkthrough::ViewMoving>>,
    mut window_events: MessageWriter<WindowEvent>,
    mut cursor: MessageWriter<CursorMoved>,
    mut buttons: MessageWriter<MouseButtonInput>,
) {
    let (Some(active), Ok(window)) = (active, window.single()) else { return };
    if !options.autoplay || !ready.0.load(Ordering::Relaxed) {
        return;
    }
    // Finish a click in progress first, whatever the step.
    match pilot.phase {
        Phase::Moved(_) => {
            let down = MouseButtonInput { button: MouseButton::Left, state: ButtonState::Pressed, window };
            window_events.write(WindowEvent::MouseButtonInput(down));
            buttons.write(down);
            pilot.phase = Phase::Pressed(pilot.hold_for.take().unwrap_or(0.0));
            return;
        }
        Phase::Pressed(left) if left > 0.0 => {
            pilot.phase = Phase::Pressed(left - time.delta_secs());
            return;
        }
        Phase::Pressed(_) => {
            let up = MouseButtonInput { button: MouseButton::Left, state: ButtonState::Released, window };
            window_events.write(WindowEvent::MouseButtonInput(up));
            buttons.write(up);
            pilot.phase = Phase::Idle;
            // Let the screen answer the click before the next click or screenshot.
            pilot.waited = SETTLE_SECS - AFTER_CLICK_SECS;
            return;
        }
        Phase::Idle => {}
    }
    let view = &active.view;
    if pilot.step != view.step {
        *pilot = Pilot { step: view.step.clone(), shots: pilot.shots, ..default() };
    }
    pilot.waited += time.delta_secs();
    if pilot.waited < SETTLE_SECS {
        return;
    }
    // The camera is still on its way: what is seen (and where things are) is not yet the step's.
    if moving.is_some_and(|m| m.0) && pilot.waited < SETTLE_SECS + MOVE_WAIT_SECS {
        return;
    }
    let Some(target) = view.target.clone() else {
        // A step that goes on by itself (`Wait`): only its picture is taken.
        if !pilot.shot_taken && layout.is_none_or(|l| l.measured(&view.step)) {
            pilot.shot_taken = true;
            let name = view.step.clone().unwrap_or_default();
            shoot(&mut commands, &options, &mut pilot, &name);
        }
        return;
    };
    if layout.is_some_and(|l| !l.measured(&view.step)) {
        return; // --layout-report: the step is measured before anything is touched
    }
    if pilot.queue.is_empty() {
        if pilot.acted {
            if pilot.waited < SETTLE_SECS + RETRY_SECS {
                return;
            }
            warn!("autoplay: the step did not change; trying again");
            pilot.acted = false;
        }
        if pilot.mistakes_made < options.mistakes {
            pilot.mistakes_made += 1;
            match wrong_key(&drawn, &active, &target) {
                Some(key) => pilot.queue.push_back(key),
                None => pilot.mistakes_made = options.mistakes,
            }
        } else if !pilot.shot_taken {
            pilot.shot_taken = true;
            let name = view.step.clone().unwrap_or_default();
            shoot(&mut commands, &options, &mut pilot, &name);
            pilot.waited = SETTLE_SECS - 0.5;
            return;
        } else {
            pilot.queue.extend(right_keys(&active, &target));
            if let Target::Hold { seconds, .. } = target {
                // Held a little longer than asked, as a careful learner does.
                pilot.hold_for = Some(seconds as f32 + 0.5);
            }
            pilot.acted = true;
        }
    }
    if pilot.waited < SETTLE_SECS {
        return;
    }
    let Some(key) = pilot.queue.pop_front() else { return };
    let Some(rect) = drawn.get(&key) else {
        warn!("autoplay: {key:?} is not on screen yet");
        pilot.queue.push_front(key);
        return;
    };
    let position = Vec2::new(rect.center().x, rect.center().y);
    info!("autoplay: click {key:?} at {position}");
    let moved = CursorMoved { window, position, delta: None };
    window_events.write(WindowEvent::CursorMoved(moved.clone()));
    cursor.write(moved);
    pilot.phase = Phase::Moved(position);
}

/// Something tappable that is not the target: another widget, option or station,
/// and not the way into one of the step's branches (that is another right way on,
/// and taking it as "a mistake" each time round could go on for ever).
fn wrong_key(drawn: &DrawnTargets, active: &Active, target: &Target) -> Option<Key> {
    let right = Key::from(target);
    let other_ways: Vec<Key> = active
        .current_step()
        .map(|s| s.branches.iter().map(|b| Key::from(&Target::from(&b.when))).collect())
        .unwrap_or_default();
    drawn
        .all()
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| !other_ways.contains(k))
        .find(|k| *k != right && matches!(k, Key::Widget(_) | Key::Option { .. } | Key::Station(_)))
        .filter(|k| !matches!((k, target), (Key::Widget(id), Target::Field(f)) if id == f))
}

/// The clicks that do what the step asks: for a field, its keypad keys.
fn right_keys(active: &Active, target: &Target) -> Vec<Key> {
    let Target::Field(field) = target else { return vec![Key::from(target)] };
    let scenario = active.scenario();
    let widget = active.view.screen.as_deref().and_then(|id| scenario.screen(id)).and_then(|s| s.widget(field));
    let value = match active.current_step().map(|s| &s.action) {
        Some(Expect::Enter { value: Some(v), .. }) => v.clone(),
        _ => widget.map_or_else(|| "1234".to_owned(), Widget::example_value),
    };
    let mut keys: Vec<Key> = value.chars().map(|c| Key::Keypad { field: field.clone(), key: c.to_string() }).collect();
    let sends_itself = widget.is_some_and(|w| matches!(w, Widget::SmsCode { .. } | Widget::PasswordPad { .. }));
    if !sends_itself {
        keys.push(Key::Keypad { field: field.clone(), key: "ok".to_owned() });
    }
    keys
}

fn finish(
    mut commands: Commands,
    time: Res<Time>,
    options: Res<PlayOptions>,
    mut pilot: ResMut<Pilot>,
    mut waited: Local<f32>,
    mut exit: MessageWriter<AppExit>,
) {
    *waited += time.delta_secs();
    if (*waited - time.delta_secs()) < 1.5 && *waited >= 1.5 {
        shoot(&mut commands, &options, &mut pilot, "done");
    }
    if options.exit_when_done && *waited > 3.0 {
        info!("autoplay: done, exiting");
        exit.write(AppExit::Success);
    }
}

//! The voice: each new prompt, hint and feedback line, and the app's own
//! welcome, "well done" and "are you sure", is spoken from its clip while the
//! caption shows it. Lines that arrive together are said one after another; a
//! newer line interrupts an older one. When the learner has done nothing for a
//! while, the hints come one by one (the walkthrough offers them); after the
//! last, the prompt is said again after each quiet while, at most three times.
//!
//! Without a sound device the app runs silently: one warning at start, and
//! every line is still logged as `voice: <clip>` (tests follow it).

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings, Volume};
use bevy::prelude::*;

use crate::app::flow::Screen;
use crate::app::flow::{AppSystems, ProjectRoot, Wake};
use crate::app::services::preferences::Prefs;
use crate::app::walkthrough::{Active, HintShown, LearnerAction, MistakeMade, PromptRepeated, StepEntered};
use crate::app::words::Words;
use crate::voice::{self, repeat::Repeat};
use crate::walkthrough::Action;

/// Asks for a line (a message id) to be spoken now, replacing what was playing.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct Say(pub String);

/// Asks for a screen's own line (welcome, well done) to be spoken after what is
/// playing; left out when a walkthrough line arrives in the same frame (a
/// preview that opens straight into a step is not welcomed first).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SayNext(pub String);

/// Every clip started, as `<folder>/<id>.ogg`, oldest first (tests and support read it).
#[derive(Resource, Debug, Default, Clone)]
pub struct SpokenLog(pub Vec<String>);

/// Whether a sound device was found (decided before the app starts).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sound(pub bool);

/// Where clips are found, what is waiting to be said, and the repeat clock.
#[derive(Resource)]
struct Speaker {
    queue: VecDeque<PathBuf>,
    repeat: Repeat,
    /// Lines already reported as having no clip (each is reported once).
    unmade: HashSet<String>,
}

/// The clip being played.
#[derive(Component)]
struct Speaking;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Say>()
        .add_message::<SayNext>()
        .init_resource::<SpokenLog>()
        .insert_resource(Speaker {
            queue: VecDeque::new(),
            repeat: Repeat::new(voice::repeat::DEFAULT_AFTER_SECS),
            unmade: HashSet::new(),
        })
        .add_systems(Startup, warn_if_silent)
        .add_systems(OnEnter(Screen::Start), say("app-who"))
        .add_systems(OnEnter(Screen::Choose), say("app-choose"))
        .add_systems(OnEnter(Screen::Done), say("app-done-title"))
        .add_systems(
            Update,
            (
                from_walkthrough,
                repeat_when_quiet.run_if(in_state(Screen::Walkthrough)),
                queue_lines,
                play_next,
                wake_while_speaking,
            )
                .chain()
                .in_set(AppSystems::Present),
        )
        .add_systems(OnExit(Screen::Walkthrough), stop);
}

/// No device: the one warning (Bevy's audio output is not even started, so the
/// sound system's own complaints do not appear either).
fn warn_if_silent(sound: Option<Res<Sound>>) {
    if sound.is_some_and(|s| !s.0) {
        warn!("No sound device found: kuayue runs silently and every line is shown as a caption.");
    }
}

/// A system that says one screen's line.
fn say(id: &'static str) -> impl Fn(MessageWriter<SayNext>) {
    move |mut out: MessageWriter<SayNext>| {
        out.write(SayNext(id.to_owned()));
    }
}

/// Whether this computer has a sound card the app can open. On Linux, ALSA
/// lists them in /proc/asound/cards; elsewhere we trust the system.
pub fn sound_device_present() -> bool {
    if cfg!(target_os = "linux") {
        std::fs::read_to_string("/proc/asound/cards")
            .is_ok_and(|cards| !cards.trim().is_empty() && !cards.contains("no soundcards"))
    } else {
        true
    }
}

/// The lines the walkthrough wants spoken, and the repeat clock's resets.
fn from_walkthrough(
    mut entered: MessageReader<StepEntered>,
    mut repeated: MessageReader<PromptRepeated>,
    mut mistakes: MessageReader<MistakeMade>,
    mut hints: MessageReader<HintShown>,
    mut actions: MessageReader<LearnerAction>,
    mut speaker: ResMut<Speaker>,
    prefs: Res<Prefs>,
    mut out: MessageWriter<Say>,
) {
    if prefs.is_changed() && speaker.repeat.after_secs() != prefs.0.voice.repeat_after_secs {
        speaker.repeat = Repeat::new(prefs.0.voice.repeat_after_secs);
    }
    // Time passing arrives as `Wait` every frame; only real actions break the quiet.
    if actions.read().any(|a| !matches!(a.0, Action::Wait(_))) {
        speaker.repeat.restart_quiet();
    }
    let mut lines: Vec<String> = Vec::new();
    for StepEntered { prompt, .. } in entered.read() {
        speaker.repeat.new_step();
        lines.push(prompt.clone());
    }
    lines.extend(repeated.read().map(|r| r.prompt.clone()));
    let mistake_words: Vec<String> = mistakes.read().map(|m| m.0.message.clone()).collect();
    let feedback = !mistake_words.is_empty();
    lines.extend(mistake_words);
    // Say what the caption shows: words about the very mistake win over the next hint.
    let hint_lines: Vec<String> = hints.read().map(|h| h.message.clone()).collect();
    if !feedback {
        lines.extend(hint_lines);
    }
    if !lines.is_empty() {
        speaker.repeat.restart_quiet();
    }
    for line in lines {
        out.write(Say(line));
    }
}

/// After a quiet while, the current prompt once more. While the walkthrough
/// still has hints to offer for waiting, those come first (each is spoken), so
/// the two never speak over each other; the quiet time counts from the last one.
fn repeat_when_quiet(
    time: Res<Time>,
    active: Option<Res<Active>>,
    mut speaker: ResMut<Speaker>,
    mut wake: ResMut<Wake>,
    mut out: MessageWriter<Say>,
) {
    let Some(active) = active else { return };
    let Some(prompt) = active.view.prompt.clone() else { return };
    let hints = active.current_step().map_or(0, |s| s.hints.len());
    if usize::from(active.view.hint_level) < hints {
        speaker.repeat.restart_quiet();
        return;
    }
    if speaker.repeat.tick(time.delta_secs()) {
        info!("voice: saying the prompt again after {} quiet seconds", speaker.repeat.after_secs());
        out.write(Say(prompt));
    }
    // Awake in time for the repetition, however quiet the screen is.
    if let Some(secs) = speaker.repeat.due_in() {
        wake.within(secs);
    }
}

/// While a clip plays, the app looks ten times a second for its end, so the
/// next line follows without a gap.
fn wake_while_speaking(speaker: Res<Speaker>, playing: Query<(), With<Speaking>>, mut wake: ResMut<Wake>) {
    if !speaker.queue.is_empty() {
        wake.now();
    } else if !playing.is_empty() {
        wake.within(0.1);
    }
}

/// Lines asked for this frame replace whatever was playing or waiting; screen
/// lines wait their turn.
fn queue_lines(
    mut said: MessageReader<Say>,
    mut after: MessageReader<SayNext>,
    root: Res<ProjectRoot>,
    words: Res<Words>,
    prefs: Res<Prefs>,
    mut speaker: ResMut<Speaker>,
    playing: Query<Entity, With<Speaking>>,
    mut commands: Commands,
) {
    let now: Vec<String> = said.read().map(|s| s.0.clone()).collect();
    let later: Vec<String> = after.read().map(|s| s.0.clone()).collect();
    if !prefs.0.voice.on {
        // Turned off: silence at once.
        for entity in &playing {
            commands.entity(entity).despawn();
        }
        speaker.queue.clear();
        return;
    }
    let lines = if now.is_empty() {
        later
    } else {
        for entity in &playing {
            commands.entity(entity).despawn();
        }
        speaker.queue.clear();
        now
    };
    let locale = words.lang.tag();
    let mut seen = HashSet::new();
    for id in lines.into_iter().filter(|id| seen.insert(id.clone())) {
        match voice::clip_for(&root.0, locale, prefs.0.voice.pack.as_deref(), &id) {
            Some(clip) => speaker.queue.push_back(clip),
            None => {
                if speaker.unmade.insert(format!("{locale}/{id}")) {
                    warn!("voice: no clip for `{id}` in {locale}; its caption shows (make clips with `kuayue voice`)");
                }
            }
        }
    }
}

/// Starts the next waiting clip when nothing is playing (all at once when silent).
fn play_next(
    mut speaker: ResMut<Speaker>,
    root: Res<ProjectRoot>,
    prefs: Res<Prefs>,
    sound: Option<Res<Sound>>,
    mut sources: Option<ResMut<Assets<AudioSource>>>,
    playing: Query<(), With<Speaking>>,
    mut log: ResMut<SpokenLog>,
    mut commands: Commands,
) {
    let audible = sound.is_some_and(|s| s.0) && sources.is_some();
    while playing.is_empty() {
        let Some(clip) = speaker.queue.pop_front() else { return };
        let shown = voice::shown(&root.0, &clip);
        let Some(sources) = sources.as_mut().filter(|_| audible) else {
            info!("voice: {shown} (silent)");
            log.0.push(shown);
            continue;
        };
        match std::fs::read(&clip) {
            Ok(bytes) => {
                info!("voice: {shown}");
                log.0.push(shown);
                let handle = sources.add(AudioSource { bytes: bytes.into() });
                let settings = PlaybackSettings::DESPAWN
                    .with_volume(Volume::Linear(prefs.0.voice.volume as f32 / 100.0))
                    .with_speed(prefs.0.voice.speed());
                commands.spawn((AudioPlayer(handle), settings, Speaking));
                return;
            }
            Err(e) => warn!("voice: cannot read {shown}: {e}; its caption shows"),
        }
    }
}

/// Leaving the walkthrough stops its voice.
fn stop(mut speaker: ResMut<Speaker>, playing: Query<Entity, With<Speaking>>, mut commands: Commands) {
    speaker.queue.clear();
    for entity in &playing {
        commands.entity(entity).despawn();
    }
}

//! The shape of the app's flow, shared by every feature: which screen shows
//! ([`Screen`]), the order of work in a frame ([`AppSystems`]), and the places
//! the app was given at launch ([`ProjectRoot`], [`OutputDir`]). Only types;
//! `mod.rs` composes the plugins.

use bevy::prelude::*;

use crate::scenario::project::Project;

/// Which screen is showing. The current step is core data (`Active`), not a state.
#[derive(States, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Start,
    Choose,
    Walkthrough,
    Done,
    /// Text size, language, full screen.
    Settings,
    /// The trainer's dashboard, behind a PIN.
    Trainer,
}

/// The order of work in each frame.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Time, file changes and autoplay become request messages.
    RecordInput,
    /// One system per request applies it to the core (walkthrough, store, files)
    /// and posts what happened as facts.
    ApplyCommands,
    /// Scene, phone, voice, records and the test probe react to the facts.
    Present,
}

/// The project folder in use: where scenarios, their words and their voice clips are read from.
#[derive(Resource, Debug, Clone)]
pub struct ProjectRoot(pub Project);

/// Where exports, certificates and screenshots are saved (from [`Launch`]).
#[derive(Resource, Debug, Clone)]
pub struct OutputDir(pub std::path::PathBuf);

/// When the app next needs a frame. Whatever moves or waits says so each frame
/// (`Wake::now` for a camera gliding, `Wake::within` for a hint due in 3 s);
/// `pace` turns the soonest into the window's update mode. Nothing said: the
/// app sleeps until the learner does something.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct Wake {
    within: Option<f32>,
}

impl Wake {
    /// A frame is needed within `secs` seconds.
    pub fn within(&mut self, secs: f32) {
        let secs = secs.max(0.0);
        self.within = Some(self.within.map_or(secs, |w| w.min(secs)));
    }

    /// The next frame is needed at once (something is moving).
    pub fn now(&mut self) {
        self.within(0.0);
    }

    /// The soonest need said this frame, and forget it.
    pub fn take(&mut self) -> Option<f32> {
        self.within.take()
    }
}

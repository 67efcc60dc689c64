//! What goes into the walkthrough (actions) and what comes out (events, the view,
//! step records).

use serde::{Deserialize, Serialize};

use super::hints::Emphasis;
use crate::scenario::{Camera, Expect, MsgId};

/// Something the learner did, or time passing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Tapped a widget (or a button inside one) on the phone.
    Tap(String),
    /// Tapped a station in the 3D scene.
    TapStation(String),
    /// Typed a value and pressed OK.
    Enter { field: String, value: String },
    /// Picked an option of a picker.
    Choose { widget: String, option: String },
    /// Pressed "I've read it".
    Acknowledge,
    /// Pressed a hold-to-talk button and let go after `secs` seconds.
    Hold { widget: String, secs: f32 },
    /// Seconds passed without this being any of the above.
    Wait(f32),
    /// Pressed 提示 (hint).
    AskHint,
    /// Pressed 再听一遍 (repeat).
    RepeatPrompt,
    /// Pressed 跳过 (skip) and confirmed.
    Skip,
    /// Start again from the first step.
    Restart,
}

impl Action {
    /// The action that does exactly what `expect` asks (for fast-forward and autoplay).
    /// A field that takes any value gets "1".
    pub fn satisfying(expect: &Expect) -> Action {
        match expect {
            Expect::Tap(id) => Action::Tap(id.clone()),
            Expect::TapStation(id) => Action::TapStation(id.clone()),
            Expect::Enter { field, value } => {
                Action::Enter { field: field.clone(), value: value.clone().unwrap_or_else(|| "1".to_owned()) }
            }
            Expect::Choose { widget, option } => Action::Choose { widget: widget.clone(), option: option.clone() },
            Expect::Acknowledge => Action::Acknowledge,
            Expect::Hold { widget, seconds } => Action::Hold { widget: widget.clone(), secs: *seconds as f32 },
            // A hold let go of at once (what a quick tap on the button is).
            Expect::ReleasedEarly(widget) => Action::Hold { widget: widget.clone(), secs: 0.2 },
            Expect::Wait(seconds) => Action::Wait(*seconds as f32),
        }
    }
}

/// What the current step wants touched, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Widget(String),
    Station(String),
    Field(String),
    Option {
        widget: String,
        option: String,
    },
    /// The big "I've read it" button under the caption.
    AcknowledgeButton,
    /// A hold-to-talk button, to be pressed and held this many seconds.
    Hold {
        widget: String,
        seconds: u32,
    },
    /// Nothing: the step goes on by itself (a `Wait` step; the view has no target then).
    Nothing,
}

impl From<&Expect> for Target {
    fn from(e: &Expect) -> Target {
        match e {
            Expect::Tap(id) => Target::Widget(id.clone()),
            Expect::TapStation(id) => Target::Station(id.clone()),
            Expect::Enter { field, .. } => Target::Field(field.clone()),
            Expect::Choose { widget, option } => Target::Option { widget: widget.clone(), option: option.clone() },
            Expect::Acknowledge => Target::AcknowledgeButton,
            Expect::Hold { widget, seconds } => Target::Hold { widget: widget.clone(), seconds: *seconds },
            Expect::ReleasedEarly(widget) => Target::Hold { widget: widget.clone(), seconds: 0 },
            Expect::Wait(_) => Target::Nothing,
        }
    }
}

/// How a feedback line should sound and look. None of them is a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    /// A kind nudge after a mistake.
    Gentle,
    /// A calm warning after falling for a scam trap.
    Caution,
    /// Well done.
    Praise,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub message: MsgId,
    pub tone: Tone,
}

/// How a scam trap went (also what the progress store keeps, as `refused`/`fell_for`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrapOutcome {
    /// Refused without falling for it.
    Refused,
    /// Fell for it at least once before refusing (or skipping).
    FellFor,
}

impl TrapOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            TrapOutcome::Refused => "refused",
            TrapOutcome::FellFor => "fell_for",
        }
    }

    pub fn parse(text: &str) -> Option<TrapOutcome> {
        [TrapOutcome::Refused, TrapOutcome::FellFor].into_iter().find(|t| t.as_str() == text)
    }
}

/// What happened in one step: written the moment the step ends (the progress
/// store keeps it as it is, with the wall-clock times around it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub step: String,
    pub duration_secs: f32,
    pub wrong_actions: u32,
    pub highest_hint: u8,
    pub skipped: bool,
    pub trap: Option<TrapOutcome>,
    /// The step a branch led to, if one was taken.
    pub branch: Option<String>,
}

/// The whole run, for the done screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub total_secs: f32,
    pub steps: usize,
    pub wrong_actions: u32,
    pub hints_used: u32,
    pub skipped: usize,
    pub traps_refused: usize,
    pub traps_fallen_for: usize,
}

impl Summary {
    pub fn of(records: &[StepRecord], total_secs: f32) -> Summary {
        Summary {
            total_secs,
            steps: records.len(),
            wrong_actions: records.iter().map(|r| r.wrong_actions).sum(),
            hints_used: records.iter().map(|r| u32::from(r.highest_hint)).sum(),
            skipped: records.iter().filter(|r| r.skipped).count(),
            traps_refused: records.iter().filter(|r| r.trap == Some(TrapOutcome::Refused)).count(),
            traps_fallen_for: records.iter().filter(|r| r.trap == Some(TrapOutcome::FellFor)).count(),
        }
    }
}

/// Facts for the presentation to react to (voice, captions, records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    StepEntered {
        step: String,
        prompt: MsgId,
    },
    PromptRepeated {
        prompt: MsgId,
    },
    /// A hint is shown (and spoken); `escalated` is false when the top level repeats.
    HintShown {
        level: u8,
        message: MsgId,
        escalated: bool,
    },
    Feedback(Feedback),
    TrapFallenFor {
        step: String,
    },
    BranchTaken {
        from: String,
        to: String,
    },
    StepCompleted(StepRecord),
    Completed(Summary),
    /// The run so far was set aside and play starts again.
    Restarted {
        abandoned: Vec<StepRecord>,
    },
    /// The action had no effect (e.g. a tap after completion).
    Ignored,
}

/// How far along the learner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Steps before this one on the usual path ([`crate::scenario::Scenario::step_number`] − 1).
    pub done: usize,
    /// Steps on the usual path.
    pub total: usize,
}

/// Everything the presentation shows for the current moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub step: Option<String>,
    /// The caption (and voice line).
    pub prompt: Option<MsgId>,
    pub camera: Option<Camera>,
    pub screen: Option<String>,
    pub target: Option<Target>,
    pub emphasis: Emphasis,
    pub hint_level: u8,
    pub hint: Option<MsgId>,
    pub feedback: Option<Feedback>,
    /// Show "call the trainer" next to the hint.
    pub offer_trainer: bool,
    pub progress: Progress,
    pub finished: bool,
}

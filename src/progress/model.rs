//! What the progress store holds: learners, attempts and their step records.

use serde::Serialize;

pub use crate::walkthrough::{StepRecord, TrapOutcome};

/// Milliseconds since the Unix epoch (UTC). The core never reads a clock; callers pass times in.
pub type Millis = i64;

/// A learner's row id. Attempts by the guest have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct LearnerId(pub i64);

/// An attempt's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct AttemptId(pub i64);

/// A person who practises. Only a display name: no ID or phone numbers, by design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Learner {
    pub id: LearnerId,
    /// A random id that never changes, the base of pseudonyms and xAPI accounts.
    pub uid: String,
    pub name: String,
    /// E.g. 老年大学 智能手机一班.
    pub group: Option<String>,
    /// The card colour, `#rrggbb`.
    pub colour: String,
}

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Still being played (or the app is running it right now).
    Open,
    Completed,
    /// The learner chose to leave.
    Abandoned,
    /// The app stopped (power cut, crash) while it was open.
    Interrupted,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Open, Outcome::Completed, Outcome::Abandoned, Outcome::Interrupted];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Completed => "completed",
            Outcome::Abandoned => "abandoned",
            Outcome::Interrupted => "interrupted",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// The start of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAttempt {
    /// `None` for the guest.
    pub learner: Option<LearnerId>,
    pub scenario: String,
    /// Tells changed versions of a scenario apart (see [`content_hash`]).
    pub scenario_hash: String,
    pub lang: String,
    pub started: Millis,
    /// The scenario's title in `lang`, as the learner saw it (kept for reports upward).
    pub title: Option<String>,
}

/// One finished step as kept: the walkthrough's own record of it, and when it
/// began and ended by the wall clock. Written the moment it ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepRow {
    pub started: Millis,
    pub ended: Millis,
    pub record: StepRecord,
}

impl StepRow {
    /// A step as the store reads it back: its time comes from the clock times.
    pub fn new(started: Millis, ended: Millis, record: StepRecord) -> StepRow {
        StepRow { started, ended, record }
    }
}

/// An attempt as read back, with its steps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub uid: String,
    pub learner: Option<LearnerId>,
    pub scenario: String,
    pub scenario_hash: String,
    pub lang: String,
    pub started: Millis,
    pub ended: Option<Millis>,
    pub outcome: Outcome,
    /// Seconds from start to end (what the learner spent, pauses included).
    pub total_secs: Option<f64>,
    pub steps: Vec<StepRow>,
}

impl Attempt {
    pub fn wrong_actions(&self) -> u32 {
        self.steps.iter().map(|s| s.record.wrong_actions).sum()
    }

    pub fn hints(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.record.highest_hint)).sum()
    }

    pub fn skipped(&self) -> usize {
        self.steps.iter().filter(|s| s.record.skipped).count()
    }
}

/// A short, stable hash of a scenario file's bytes (16 hex digits of SHA-256).
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_and_traps_read_back_what_they_write() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.as_str()), Some(o));
        }
        for t in [TrapOutcome::Refused, TrapOutcome::FellFor] {
            assert_eq!(TrapOutcome::parse(t.as_str()), Some(t));
        }
        assert_eq!(Outcome::parse("finished"), None);
    }

    #[test]
    fn content_hash_changes_with_content() {
        assert_eq!(content_hash(b"a").len(), 16);
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
    }
}

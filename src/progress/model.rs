//! What the progress store holds: learners, attempts and their step records.

use serde::Serialize;

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

/// What happened at a scam trap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trap {
    Refused,
    FellFor,
}

impl Trap {
    pub fn as_str(self) -> &'static str {
        match self {
            Trap::Refused => "refused",
            Trap::FellFor => "fell_for",
        }
    }

    pub fn parse(text: &str) -> Option<Trap> {
        [Trap::Refused, Trap::FellFor].into_iter().find(|t| t.as_str() == text)
    }
}

impl From<crate::walkthrough::TrapOutcome> for Trap {
    fn from(outcome: crate::walkthrough::TrapOutcome) -> Trap {
        match outcome {
            crate::walkthrough::TrapOutcome::Refused => Trap::Refused,
            crate::walkthrough::TrapOutcome::FellFor => Trap::FellFor,
        }
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
}

/// One finished step, written the moment it ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepRow {
    pub step: String,
    pub started: Millis,
    pub ended: Millis,
    pub wrong_actions: u32,
    /// 0 (none) to 3 (trainer offered).
    pub highest_hint: u8,
    pub skipped: bool,
    pub trap: Option<Trap>,
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
        self.steps.iter().map(|s| s.wrong_actions).sum()
    }

    pub fn hints(&self) -> u32 {
        self.steps.iter().map(|s| u32::from(s.highest_hint)).sum()
    }

    pub fn skipped(&self) -> usize {
        self.steps.iter().filter(|s| s.skipped).count()
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
        for t in [Trap::Refused, Trap::FellFor] {
            assert_eq!(Trap::parse(t.as_str()), Some(t));
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

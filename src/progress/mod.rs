//! Who practised what: learners, attempts and step records in SQLite, the
//! figures a trainer reads from them, and exports a centre can report upward.

pub mod certificate;
pub mod export;
pub mod model;
pub mod recorder;
pub mod report;
mod schema;
pub mod stats;
pub mod store;
pub mod sync;

pub use model::{
    Attempt, AttemptId, Learner, LearnerId, Millis, NewAttempt, Outcome, StepRecord, StepRow, TrapOutcome, content_hash,
};
pub use store::{Flagged, Notice, Opened, OutboxCounts, OutboxState, Period, Queued, Store, StoreError};

//! The walkthrough: a pure state machine that takes a learner's actions and
//! says what to present. No Bevy, no clock, no I/O — time comes in as
//! [`Action::Wait`]. It never ends a walkthrough as a failure.

mod engine;
mod hints;
mod presses;
mod types;

pub use engine::{Config, StartAt, Walkthrough};
pub use hints::Emphasis;
pub use presses::{Presses, stray_while_moving};
pub use types::*;

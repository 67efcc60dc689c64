//! The hint ladder: how much help each level gives.
//!
//! Level 0 is the prompt alone (the target glows softly). Level 1 restates it
//! gently; level 2 speaks again and spotlights the target; level 3 and above
//! adds an animated pointer and offers to call the trainer.

use serde::{Deserialize, Serialize};

/// How strongly the target is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Emphasis {
    /// A soft glow around the target.
    Glow,
    /// The rest dims; the target pulses gently.
    Spotlight,
    /// Spotlight plus a pointing hand.
    Pointer,
}

/// The level at which the trainer is offered.
pub const TRAINER_LEVEL: u8 = 3;

pub fn emphasis(level: u8) -> Emphasis {
    match level {
        0 | 1 => Emphasis::Glow,
        2 => Emphasis::Spotlight,
        _ => Emphasis::Pointer,
    }
}

/// The highest level a step with `hints` hints can reach.
pub fn max_level(hints: usize) -> u8 {
    u8::try_from(hints).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_grows_with_the_level() {
        assert_eq!(emphasis(0), Emphasis::Glow);
        assert_eq!(emphasis(1), Emphasis::Glow);
        assert_eq!(emphasis(2), Emphasis::Spotlight);
        assert_eq!(emphasis(TRAINER_LEVEL), Emphasis::Pointer);
        assert_eq!(emphasis(9), Emphasis::Pointer);
        assert_eq!(max_level(1000), u8::MAX);
    }
}

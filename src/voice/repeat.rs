//! Gentle repetition: when a learner has done nothing for a while, the prompt
//! is said again — after the same quiet time each time, and never more than
//! [`MAX_REPEATS`] times for one step.

/// The most times one step's prompt is repeated by itself.
pub const MAX_REPEATS: u8 = 3;
/// The quiet time before a repetition, unless the centre chose another.
pub const DEFAULT_AFTER_SECS: u32 = 20;
/// The quiet times offered in settings (0 = never repeat by itself).
pub const CHOICES_SECS: [u32; 4] = [0, 10, 20, 40];

#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    after_secs: u32,
    quiet: f32,
    repeated: u8,
}

impl Repeat {
    /// `after_secs` of 0 turns repetition off.
    pub fn new(after_secs: u32) -> Repeat {
        Repeat { after_secs, quiet: 0.0, repeated: 0 }
    }

    pub fn after_secs(&self) -> u32 {
        self.after_secs
    }

    /// A new step began: its prompt may be repeated again.
    pub fn new_step(&mut self) {
        self.quiet = 0.0;
        self.repeated = 0;
    }

    /// The learner did something, or something was just said: the quiet starts again.
    pub fn restart_quiet(&mut self) {
        self.quiet = 0.0;
    }

    /// Time passed; true when the prompt should be said again now.
    pub fn tick(&mut self, seconds: f32) -> bool {
        if self.after_secs == 0 || self.repeated >= MAX_REPEATS {
            return false;
        }
        self.quiet += seconds;
        if self.quiet < self.after_secs as f32 {
            return false;
        }
        self.quiet = 0.0;
        self.repeated += 1;
        true
    }

    pub fn repeated(&self) -> u8 {
        self.repeated
    }

    /// Seconds of quiet until the prompt will be said again, if it will be.
    pub fn due_in(&self) -> Option<f32> {
        (self.after_secs > 0 && self.repeated < MAX_REPEATS).then(|| (self.after_secs as f32 - self.quiet).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats_in(repeat: &mut Repeat, seconds: u32) -> u32 {
        (0..seconds * 10).map(|_| u32::from(repeat.tick(0.1))).sum()
    }

    #[test]
    fn repeats_after_the_quiet_time_at_most_three_times_a_step() {
        let mut r = Repeat::new(20);
        assert_eq!(r.due_in(), Some(20.0));
        assert_eq!(repeats_in(&mut r, 19), 0);
        assert!(r.due_in().is_some_and(|s| (s - 1.0).abs() < 0.01));
        assert_eq!(repeats_in(&mut r, 2), 1);
        assert_eq!(repeats_in(&mut r, 600), 2, "three in all, then quiet for good");
        assert_eq!(r.repeated(), MAX_REPEATS);
        assert_eq!(r.due_in(), None);
        r.new_step();
        assert_eq!(repeats_in(&mut r, 21), 1, "a new step may be repeated again");
    }

    #[test]
    fn the_learner_doing_something_restarts_the_quiet_time() {
        let mut r = Repeat::new(10);
        assert_eq!(repeats_in(&mut r, 8), 0);
        r.restart_quiet();
        assert_eq!(repeats_in(&mut r, 8), 0);
        assert_eq!(repeats_in(&mut r, 3), 1);
    }

    #[test]
    fn zero_means_never() {
        let mut r = Repeat::new(0);
        assert_eq!(repeats_in(&mut r, 600), 0);
    }
}

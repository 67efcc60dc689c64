//! Seniors double-click everything, and their hands shake: which pointer presses are the
//! rest of a click that has already been answered. A double (or triple) click on a target
//! moves the walkthrough on exactly once; its second press, landing on the next step's
//! screen, is neither a second step nor a mistake. A wrong tap double-clicked is one
//! mistake. Presses that are not repeats — typing 1, 1 on a keypad, a new tap a moment
//! later somewhere else — count as they always did.
//!
//! Pure: times are seconds on any clock, positions logical px. The app tells it about
//! presses and keys and asks before handing a tap to the engine.

use super::{Action, Event, Target};

/// The longest gap between the presses of one double or triple click, in seconds.
/// Desktops use about 0.5 s; slower hands press again later.
pub const REPEAT_SECS: f64 = 0.7;
/// How far apart the presses of one double click may be, in logical px (a shaking hand).
pub const REPEAT_PX: f32 = 12.0;

/// The run of presses the pointer is in, and whether the walkthrough answered it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Presses {
    last: Option<(f64, [f32; 2])>,
    /// 1 for a single press, 2 for the second of a double click, …; 0 after a key.
    count: u32,
    /// A tap of this run of presses already moved the walkthrough or was counted.
    answered: bool,
}

impl Presses {
    /// A pointer press at `secs` and `at`; returns how many presses the run now has.
    pub fn press(&mut self, secs: f64, at: [f32; 2]) -> u32 {
        let repeat = self.last.is_some_and(|(t, p)| {
            let (dx, dy) = (at[0] - p[0], at[1] - p[1]);
            (0.0..=REPEAT_SECS).contains(&(secs - t)) && (dx * dx + dy * dy).sqrt() <= REPEAT_PX
        });
        if repeat {
            self.count += 1;
        } else {
            self.count = 1;
            self.answered = false;
        }
        self.last = Some((secs, at));
        self.count
    }

    /// A key was used: what comes next is the keyboard's, never the rest of a click.
    pub fn key(&mut self) {
        *self = Presses::default();
    }

    /// Whether a tap made now should reach the walkthrough: not when it comes from a
    /// repeated press of a run whose earlier tap was already answered.
    pub fn admits(&self) -> bool {
        self.count <= 1 || !self.answered
    }

    /// Whether the last thing the learner used was the pointer (or a finger), not a key.
    pub fn by_pointer(&self) -> bool {
        self.count > 0
    }

    /// The walkthrough's answer to a tap that was admitted: if it did anything (a step, a
    /// mistake, a trap, a hint), the rest of this run of presses is ignored.
    pub fn answered_with(&mut self, events: &[Event]) {
        if self.count > 0 && events.iter().any(|e| !matches!(e, Event::Ignored)) {
            self.answered = true;
        }
    }
}

/// Whether a tap on a station, made while the view still glides to the step's place, is a
/// stray: the stations slide under a slow hand while the camera moves, so a station other
/// than the one to touch, tapped then, is set aside (neither a step nor a mistake). The
/// station to touch counts at once: a learner who already sees it is not kept waiting. (The
/// app asks only for pointer taps: a key pressed on a station's label is meant.)
pub fn stray_while_moving(target: Option<&Target>, action: &Action) -> bool {
    match action {
        Action::TapStation(id) => target != Some(&Target::Station(id.clone())),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entered() -> Vec<Event> {
        vec![Event::StepEntered { step: "b".into(), prompt: "p".into() }]
    }

    #[test]
    fn the_second_press_of_a_double_click_that_moved_on_is_ignored() {
        let mut p = Presses::default();
        assert_eq!(p.press(10.0, [100.0, 200.0]), 1);
        assert!(p.admits());
        p.answered_with(&entered());
        assert_eq!(p.press(10.25, [103.0, 204.0]), 2, "a shaking hand, 5 px away");
        assert!(!p.admits(), "the second press lands on the next screen: not a tap");
        assert_eq!(p.press(10.5, [101.0, 201.0]), 3);
        assert!(!p.admits(), "nor the third of a triple click");
        // A moment later, a new tap is a tap.
        assert_eq!(p.press(12.0, [101.0, 201.0]), 1);
        assert!(p.admits());
    }

    #[test]
    fn presses_far_apart_in_time_or_place_are_separate_taps() {
        let mut p = Presses::default();
        p.press(1.0, [0.0, 0.0]);
        p.answered_with(&entered());
        assert_eq!(p.press(1.8, [0.0, 0.0]), 1, "0.8 s later");
        p.answered_with(&entered());
        assert_eq!(p.press(2.0, [40.0, 0.0]), 1, "40 px away");
        assert!(p.admits());
    }

    #[test]
    fn a_repeat_the_walkthrough_did_not_answer_still_counts() {
        // Typing 1, 1 quickly on a keypad: the keys are the phone's own, the engine says nothing.
        let mut p = Presses::default();
        p.press(1.0, [0.0, 0.0]);
        p.answered_with(&[Event::Ignored]);
        p.press(1.2, [0.0, 0.0]);
        assert!(p.admits());
    }

    #[test]
    fn a_key_ends_the_run_of_presses() {
        let mut p = Presses::default();
        p.press(1.0, [0.0, 0.0]);
        p.answered_with(&entered());
        p.press(1.2, [0.0, 0.0]);
        assert!(p.by_pointer());
        p.key();
        assert!(p.admits(), "Enter on a focused button is the keyboard's tap");
        assert!(!p.by_pointer());
    }

    #[test]
    fn while_the_view_moves_only_the_station_to_touch_counts() {
        let seats = Target::Station("seats".into());
        assert!(!stray_while_moving(Some(&seats), &Action::TapStation("seats".into())));
        assert!(stray_while_moving(Some(&seats), &Action::TapStation("pharmacy".into())), "slid under the hand");
        assert!(!stray_while_moving(Some(&seats), &Action::Tap("btn_ok".into())), "the phone does not move");
        let on_phone = Target::Widget("app_zlb".into());
        assert!(stray_while_moving(Some(&on_phone), &Action::TapStation("kiosk".into())));
    }
}

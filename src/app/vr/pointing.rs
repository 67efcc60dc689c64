//! Pointing in the headset, without OpenXR: what a ray rests on ([`Spot`]), the gaze's
//! dwell ([`Dwell`]), and what the trigger or the dwell does there ([`Presses`]): trigger = tap,
//! trigger held = held, as the mouse's button is; a look of [`DWELL_SECS`] = tap, and on a
//! hold-to-talk button the look holds it until it moves away.

use bevy::prelude::*;
use bevy_egui::egui;

/// How long a learner without controllers looks at a button or a machine to tap it (seconds):
/// long enough not to tap by glancing, short enough not to tire the neck.
pub const DWELL_SECS: f32 = 2.0;

/// How far a steady look wobbles on the screen (logical px of its picture) and is still on the
/// same spot: for a dwell, and for a look holding a hold-to-talk button.
const STEADY_PX: f32 = 24.0;

/// Whether two points of the screen are the same spot for a steady look.
fn steady(a: egui::Pos2, b: egui::Pos2) -> bool {
    a.distance(b) <= STEADY_PX
}

/// A place a pointing ray meets: a point of the screen shown (logical px of its picture), or a
/// machine (its station id).
#[derive(Debug, Clone, PartialEq)]
pub enum Spot {
    Screen(bevy_egui::egui::Pos2),
    Station(String),
}

impl Spot {
    /// The same place for a dwell: the same machine, or within [`STEADY_PX`] on the screen (a
    /// steady look wobbles a little).
    pub fn near(&self, other: &Spot) -> bool {
        match (self, other) {
            (Spot::Screen(a), Spot::Screen(b)) => steady(*a, *b),
            (Spot::Station(a), Spot::Station(b)) => a == b,
            _ => false,
        }
    }
}

/// Gaze-and-dwell, for learners who cannot use controllers: what the look rests on, since
/// when, and whether that look has tapped already.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Dwell {
    on: Option<Spot>,
    since: f32,
    done: bool,
}

impl Dwell {
    /// The look rests on `spot` at `now` (seconds): true once, when it has rested there
    /// [`DWELL_SECS`] — a tap. Looking elsewhere starts afresh; a look that tapped taps again
    /// only after it has moved away.
    pub fn look(&mut self, spot: &Spot, now: f32) -> bool {
        if self.on.as_ref().is_none_or(|on| !on.near(spot)) {
            *self = Dwell { on: Some(spot.clone()), since: now, done: false };
        }
        let due = !self.done && now - self.since >= DWELL_SECS;
        self.done |= due;
        due
    }

    /// How far the look is towards its tap (0 to 1; 0 once it has tapped): the dot grows.
    pub fn progress(&self, now: f32) -> f32 {
        if self.done || self.on.is_none() { 0.0 } else { ((now - self.since) / DWELL_SECS).clamp(0.0, 1.0) }
    }
}

/// What a frame's pointing gives: a press or a release on the screen shown (at a point of its
/// picture), or the tap of a machine.
#[derive(Debug, Clone, PartialEq)]
pub enum Press {
    ScreenDown(egui::Pos2),
    ScreenUp(egui::Pos2),
    Station(String),
}

/// One frame of pointing.
#[derive(Debug, Clone, Copy)]
pub struct Pointing<'a> {
    /// Where the ray rests, if anywhere.
    pub spot: Option<&'a Spot>,
    /// Whether the controller's trigger is held now; `None` when no controller points and
    /// the gaze does.
    pub trigger: Option<bool>,
    /// The gaze has rested on the spot long enough ([`Dwell::look`]).
    pub dwell_due: bool,
    /// The screen has a hold-to-talk button held down.
    pub holding: bool,
}

/// A press that has not been let go yet.
#[derive(Debug, Clone, PartialEq)]
enum Down {
    /// On the screen, at this point, by the gaze or the trigger.
    Screen { at: egui::Pos2, gaze: bool },
    /// The trigger, on a machine (tapped already) or on nothing.
    Elsewhere,
}

/// A release off the picture: egui lets go without a click, as a mouse let go outside.
const OFF_THE_PICTURE: egui::Pos2 = egui::pos2(-10_000.0, -10_000.0);

/// The press in progress. A press on the screen is always let go on the screen, wherever the
/// ray has gone by then (off the screen it is let go off the picture, so it is no click), so a
/// button is never left held down.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Presses {
    down: Option<Down>,
}

impl Presses {
    /// What this frame's pointing does.
    pub fn frame(&mut self, now: Pointing) -> Vec<Press> {
        let on_screen = match now.spot {
            Some(Spot::Screen(at)) => Some(*at),
            _ => None,
        };
        let release = |at: egui::Pos2, gaze: bool| {
            // The gaze's press is let go where it began when the look is still there.
            let near = on_screen.filter(|p| steady(*p, at));
            Press::ScreenUp(if gaze { near.map(|_| at) } else { on_screen }.unwrap_or(OFF_THE_PICTURE))
        };
        match (self.down.clone(), now.trigger) {
            // The trigger: down taps where the ray is; held is held; up lets go.
            (None, Some(true)) => match now.spot {
                Some(Spot::Screen(at)) => {
                    self.down = Some(Down::Screen { at: *at, gaze: false });
                    vec![Press::ScreenDown(*at)]
                }
                Some(Spot::Station(id)) => {
                    self.down = Some(Down::Elsewhere);
                    vec![Press::Station(id.clone())]
                }
                None => {
                    self.down = Some(Down::Elsewhere);
                    Vec::new()
                }
            },
            (Some(Down::Screen { at, gaze }), Some(false)) => {
                self.down = None;
                vec![release(at, gaze)]
            }
            (Some(Down::Elsewhere), Some(false)) => {
                self.down = None;
                Vec::new()
            }
            (Some(_), Some(true)) | (None, Some(false)) => Vec::new(),
            // The gaze: a dwell taps; on a hold-to-talk button the look holds it until it
            // moves away. A controller let go of (or put down) lets its press go too.
            (Some(Down::Screen { at, gaze }), None) => {
                let still = gaze && now.holding && on_screen.is_some_and(|p| steady(p, at));
                if still {
                    Vec::new()
                } else {
                    self.down = None;
                    vec![release(at, gaze)]
                }
            }
            (Some(Down::Elsewhere), None) => {
                self.down = None;
                Vec::new()
            }
            (None, None) if now.dwell_due => match now.spot {
                Some(Spot::Screen(at)) => {
                    self.down = Some(Down::Screen { at: *at, gaze: true });
                    vec![Press::ScreenDown(*at)]
                }
                Some(Spot::Station(id)) => vec![Press::Station(id.clone())],
                None => Vec::new(),
            },
            (None, None) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Looking at a button for two seconds taps it once; a steady look's small wobble keeps
    /// the count; looking away starts it again; a second tap needs a new look.
    #[test]
    fn a_two_second_look_taps_once_and_looking_away_starts_again() {
        let at = |x: f32| Spot::Screen(bevy_egui::egui::pos2(x, 100.0));
        let mut dwell = Dwell::default();
        assert!(!dwell.look(&at(100.0), 0.0));
        assert!(!dwell.look(&at(110.0), 1.0), "a wobble of 10 px is the same look");
        assert!((dwell.progress(1.0) - 0.5).abs() < 1e-6);
        assert!(dwell.look(&at(95.0), 2.0), "two seconds: a tap");
        assert!(!dwell.look(&at(100.0), 5.0), "the same look taps once");
        assert_eq!(dwell.progress(5.0), 0.0);
        assert!(!dwell.look(&at(300.0), 5.5), "another button: the count starts again");
        assert!(!dwell.look(&at(300.0), 7.0));
        assert!(dwell.look(&at(300.0), 7.5));
        let mut machine = Dwell::default();
        assert!(!machine.look(&Spot::Station("kiosk".into()), 0.0));
        assert!(!machine.look(&Spot::Station("seats".into()), 1.5), "another machine");
        assert!(machine.look(&Spot::Station("seats".into()), 3.5));
    }

    fn screen(x: f32) -> Spot {
        Spot::Screen(egui::pos2(x, 100.0))
    }

    fn trigger(spot: Option<&Spot>, held: bool) -> Pointing<'_> {
        Pointing { spot, trigger: Some(held), dwell_due: false, holding: false }
    }

    fn gaze(spot: Option<&Spot>, dwell_due: bool, holding: bool) -> Pointing<'_> {
        Pointing { spot, trigger: None, dwell_due, holding }
    }

    /// Trigger = tap: pressed on a button it presses there, let go it lets go there (egui's
    /// click); held, nothing more happens until it is let go, however long (a hold).
    #[test]
    fn the_trigger_presses_holds_and_lets_go_where_the_ray_is() {
        let mut presses = Presses::default();
        let button = screen(100.0);
        assert_eq!(presses.frame(trigger(Some(&button), false)), vec![]);
        assert_eq!(presses.frame(trigger(Some(&button), true)), vec![Press::ScreenDown(egui::pos2(100.0, 100.0))]);
        for _ in 0..120 {
            assert_eq!(presses.frame(trigger(Some(&screen(104.0)), true)), vec![], "held is held");
        }
        assert_eq!(
            presses.frame(trigger(Some(&screen(104.0)), false)),
            vec![Press::ScreenUp(egui::pos2(104.0, 100.0))]
        );
        assert_eq!(presses.frame(trigger(Some(&button), false)), vec![]);
    }

    /// A press is never left hanging: let go with the ray off the screen, or on a machine, it
    /// is let go off the picture (no click, as a mouse let go outside); a press that began on
    /// nothing does not press a button the ray then crosses.
    #[test]
    fn a_press_is_let_go_even_when_the_ray_has_left_the_screen() {
        let mut presses = Presses::default();
        presses.frame(trigger(Some(&screen(100.0)), true));
        assert_eq!(presses.frame(trigger(None, false)), vec![Press::ScreenUp(OFF_THE_PICTURE)]);
        presses.frame(trigger(Some(&screen(100.0)), true));
        let kiosk = Spot::Station("kiosk".into());
        assert_eq!(presses.frame(trigger(Some(&kiosk), false)), vec![Press::ScreenUp(OFF_THE_PICTURE)]);
        assert_eq!(presses.frame(trigger(None, true)), vec![]);
        assert_eq!(presses.frame(trigger(Some(&screen(100.0)), true)), vec![], "dragged onto a button: no press");
        assert_eq!(presses.frame(trigger(Some(&screen(100.0)), false)), vec![]);
        // A machine is tapped once per pull of the trigger.
        assert_eq!(presses.frame(trigger(Some(&kiosk), true)), vec![Press::Station("kiosk".into())]);
        assert_eq!(presses.frame(trigger(Some(&kiosk), true)), vec![]);
        assert_eq!(presses.frame(trigger(Some(&kiosk), false)), vec![]);
    }

    /// The gaze: a dwell presses, and the press is let go the next frame (a tap) — unless the
    /// button is a hold-to-talk one, which the look then holds until it moves away.
    #[test]
    fn a_dwell_taps_and_on_a_hold_button_the_look_holds_it() {
        let mut presses = Presses::default();
        let button = screen(100.0);
        assert_eq!(presses.frame(gaze(Some(&button), false, false)), vec![]);
        assert_eq!(presses.frame(gaze(Some(&button), true, false)), vec![Press::ScreenDown(egui::pos2(100.0, 100.0))]);
        assert_eq!(presses.frame(gaze(Some(&button), false, false)), vec![Press::ScreenUp(egui::pos2(100.0, 100.0))]);

        let talk = screen(300.0);
        presses.frame(gaze(Some(&talk), true, false));
        for _ in 0..90 {
            assert_eq!(presses.frame(gaze(Some(&screen(310.0)), false, true)), vec![], "the look holds");
        }
        assert_eq!(presses.frame(gaze(Some(&screen(500.0)), false, true)), vec![Press::ScreenUp(OFF_THE_PICTURE)]);
        let kiosk = Spot::Station("kiosk".into());
        assert_eq!(presses.frame(gaze(Some(&kiosk), true, false)), vec![Press::Station("kiosk".into())]);
    }
}

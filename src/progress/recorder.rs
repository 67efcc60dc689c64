//! Recording practice, decided without a store or a clock: walkthrough events
//! (with the wall-clock time they happened) go in, store operations come out.
//! The app only carries the operations to the store ([`Ledger`]); when an
//! attempt opens, how a step's times are taken and how an attempt ends are
//! decided here, once, and tested without Bevy.

use super::model::{AttemptId, LearnerId, Millis, NewAttempt, Outcome, StepRow};
use super::store::{Store, StoreError};
use crate::walkthrough::Event;

/// Who practises which scenario, fixed for one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    /// `None` for the guest.
    pub learner: Option<LearnerId>,
    pub scenario: String,
    /// The [`content_hash`](super::content_hash) of the scenario file's bytes.
    pub scenario_hash: String,
    pub lang: String,
    /// The scenario's title in `lang` (the record store shows it).
    pub title: Option<String>,
}

/// What to write to the store, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Open a new attempt; the steps and the end that follow belong to it.
    Start(NewAttempt),
    /// One finished step of the open attempt.
    Step(StepRow),
    /// Close the open attempt.
    Finish { outcome: Outcome, at: Millis },
}

/// Turns one walkthrough's events into store operations.
#[derive(Debug, Clone)]
pub struct Recorder {
    practice: Practice,
    open: bool,
    step_started: Millis,
}

impl Recorder {
    pub fn new(practice: Practice) -> Recorder {
        Recorder { practice, open: false, step_started: 0 }
    }

    /// Whether an attempt is open (started and not yet ended).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// What `event`, which happened at `now`, means for the store. The first
    /// step entered opens an attempt; each completed step is written with the
    /// time since its step was entered; completion closes the attempt as
    /// completed, a restart as abandoned (the next step entered opens a new one).
    pub fn on_event(&mut self, event: &Event, now: Millis) -> Vec<Op> {
        let mut ops = Vec::new();
        match event {
            Event::StepEntered { .. } => {
                if !self.open {
                    self.open = true;
                    ops.push(Op::Start(NewAttempt {
                        learner: self.practice.learner,
                        scenario: self.practice.scenario.clone(),
                        scenario_hash: self.practice.scenario_hash.clone(),
                        lang: self.practice.lang.clone(),
                        started: now,
                        title: self.practice.title.clone(),
                    }));
                }
                self.step_started = now;
            }
            Event::StepCompleted(record) if self.open => {
                ops.push(Op::Step(StepRow::new(self.step_started, now.max(self.step_started), record.clone())));
            }
            Event::Completed(_) if self.open => {
                self.open = false;
                ops.push(Op::Finish { outcome: Outcome::Completed, at: now });
            }
            Event::Restarted { .. } => ops.extend(self.leave(now)),
            _ => {}
        }
        ops
    }

    /// The learner left (退出, another scenario, the window closed): an open
    /// attempt ends as abandoned. A crash never gets here; the store marks
    /// that attempt interrupted at the next start.
    pub fn leave(&mut self, now: Millis) -> Option<Op> {
        std::mem::take(&mut self.open).then_some(Op::Finish { outcome: Outcome::Abandoned, at: now })
    }
}

/// Carries operations to a store, remembering which attempt is open there.
/// When the store cannot be written for now (the disk is full, the folder is
/// read-only for a while), the operations wait here, in order, and are written
/// as soon as a later write or [`Ledger::flush`] succeeds: practice goes on, and
/// nothing done is lost unless the app is closed before space returns.
#[derive(Debug, Default)]
pub struct Ledger {
    attempt: Option<AttemptId>,
    held: std::collections::VecDeque<Op>,
}

impl Ledger {
    /// Applies `op` after any held back. A failure that may pass keeps `op`
    /// (and any after it) for later; any other failure drops it. Steps and
    /// ends with no attempt open in the store (its start failed for good) are
    /// dropped rather than misfiled.
    pub fn apply(&mut self, store: &Store, op: &Op) -> Result<(), StoreError> {
        self.held.push_back(op.clone());
        self.flush(store)
    }

    /// Writes what is held back, oldest first, until one fails.
    pub fn flush(&mut self, store: &Store) -> Result<(), StoreError> {
        while let Some(op) = self.held.front() {
            match write(&mut self.attempt, store, op) {
                Ok(()) => {
                    self.held.pop_front();
                }
                Err(e) if e.is_passing() => return Err(e),
                Err(e) => {
                    self.held.pop_front();
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// How many operations wait to be written.
    pub fn held(&self) -> usize {
        self.held.len()
    }
}

/// Writes one operation; `attempt` is the attempt open in the store.
fn write(attempt: &mut Option<AttemptId>, store: &Store, op: &Op) -> Result<(), StoreError> {
    match op {
        Op::Start(new) => {
            *attempt = None;
            *attempt = Some(store.start_attempt(new)?);
        }
        Op::Step(row) => {
            if let Some(id) = *attempt {
                store.record_step(id, row)?;
            }
        }
        Op::Finish { outcome, at } => {
            if let Some(id) = *attempt {
                store.finish_attempt(id, *outcome, *at)?;
                *attempt = None;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Period;
    use crate::walkthrough::{StepRecord, Summary, TrapOutcome};

    fn practice() -> Practice {
        Practice {
            learner: None,
            scenario: "pay".into(),
            scenario_hash: "0123456789abcdef".into(),
            lang: "zh-CN".into(),
            title: None,
        }
    }

    fn entered(step: &str) -> Event {
        Event::StepEntered { step: step.into(), prompt: format!("{step}-prompt") }
    }

    fn done(step: &str, trap: Option<TrapOutcome>) -> Event {
        Event::StepCompleted(StepRecord {
            step: step.into(),
            duration_secs: 2.0,
            wrong_actions: 1,
            highest_hint: 1,
            skipped: false,
            trap,
            branch: None,
        })
    }

    #[test]
    fn a_walkthrough_becomes_one_attempt_with_timed_steps() {
        let mut r = Recorder::new(practice());
        let ops = r.on_event(&entered("a"), 1_000);
        assert!(matches!(&ops[..], [Op::Start(new)] if new.started == 1_000 && new.scenario == "pay"));
        assert!(r.is_open());
        assert!(r.on_event(&Event::HintShown { level: 1, message: "h".into(), escalated: true }, 1_500).is_empty());
        let ops = r.on_event(&done("a", None), 3_000);
        assert!(matches!(&ops[..], [Op::Step(row)] if (row.started, row.ended) == (1_000, 3_000)));
        assert!(r.on_event(&entered("b"), 3_000).is_empty(), "one attempt, not a new one per step");
        let ops = r.on_event(&done("b", Some(TrapOutcome::Refused)), 5_000);
        assert!(matches!(&ops[..], [Op::Step(row)] if row.record.trap == Some(TrapOutcome::Refused)));
        let summary = Summary::of(&[], 4.0);
        assert_eq!(
            r.on_event(&Event::Completed(summary), 5_000),
            [Op::Finish { outcome: Outcome::Completed, at: 5_000 }]
        );
        assert!(!r.is_open());
        assert_eq!(r.leave(6_000), None, "leaving after completion changes nothing");
    }

    #[test]
    fn a_restart_or_leaving_abandons_and_the_next_step_opens_a_new_attempt() {
        let mut r = Recorder::new(practice());
        r.on_event(&entered("a"), 1_000);
        let ops = r.on_event(&Event::Restarted { abandoned: Vec::new() }, 2_000);
        assert_eq!(ops, [Op::Finish { outcome: Outcome::Abandoned, at: 2_000 }]);
        assert!(matches!(&r.on_event(&entered("a"), 2_000)[..], [Op::Start(_)]));
        assert_eq!(r.leave(9_000), Some(Op::Finish { outcome: Outcome::Abandoned, at: 9_000 }));
        assert_eq!(r.leave(9_500), None);
        // A clock that steps back never makes a step end before it began.
        r.on_event(&entered("a"), 10_000);
        let ops = r.on_event(&done("a", None), 9_000);
        assert!(matches!(&ops[..], [Op::Step(row)] if row.ended == row.started));
    }

    #[test]
    fn the_ledger_writes_what_the_recorder_decided() {
        let store = Store::in_memory().unwrap();
        let mut r = Recorder::new(practice());
        let mut ledger = Ledger::default();
        let events = [entered("a"), done("a", Some(TrapOutcome::FellFor)), entered("b"), done("b", None)];
        for (i, e) in events.iter().enumerate() {
            for op in r.on_event(e, 1_000 * i as Millis) {
                ledger.apply(&store, &op).unwrap();
            }
        }
        for op in r.on_event(&Event::Completed(Summary::of(&[], 3.0)), 4_000) {
            ledger.apply(&store, &op).unwrap();
        }
        // Steps after the end have no attempt to go to and are dropped.
        ledger.apply(&store, &Op::Step(StepRow::new(5_000, 6_000, StepRecord::default()))).unwrap();
        let attempts = store.attempts(Period::default()).unwrap();
        assert_eq!(attempts.len(), 1);
        assert_eq!(attempts[0].outcome, Outcome::Completed);
        let steps: Vec<_> = attempts[0].steps.iter().map(|s| (s.record.step.as_str(), s.record.trap)).collect();
        assert_eq!(steps, [("a", Some(TrapOutcome::FellFor)), ("b", None)]);
        assert_eq!(attempts[0].steps[0].record.duration_secs, 1.0);
    }
}

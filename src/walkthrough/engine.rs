//! The step state machine. Commands in ([`Action`]), events out ([`Event`]),
//! and a [`View`] of what to present at any moment.

use std::sync::Arc;

use super::hints::{self, TRAINER_LEVEL};
use super::types::*;
use crate::scenario::{Expect, MsgId, Scenario};
use crate::senior;

/// Tunables of the engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Seconds without any action before the next hint level is offered.
    pub idle_hint_secs: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config { idle_hint_secs: senior::IDLE_HINT_SECS }
    }
}

/// The state of the step being played.
#[derive(Debug, Clone, PartialEq)]
struct Current {
    index: usize,
    hint_level: u8,
    highest_hint: u8,
    idle_secs: f32,
    elapsed_secs: f32,
    wrong_actions: u32,
    fell_for_trap: bool,
    feedback: Option<Feedback>,
}

impl Current {
    fn at(index: usize) -> Current {
        Current {
            index,
            hint_level: 0,
            highest_hint: 0,
            idle_secs: 0.0,
            elapsed_secs: 0.0,
            wrong_actions: 0,
            fell_for_trap: false,
            feedback: None,
        }
    }
}

/// One learner's walk through one scenario.
#[derive(Debug, Clone)]
pub struct Walkthrough {
    scenario: Arc<Scenario>,
    config: Config,
    /// `None` once the walkthrough is complete.
    current: Option<Current>,
    records: Vec<StepRecord>,
    total_secs: f32,
    /// Praise after the last step, shown on the done screen's caption.
    last_feedback: Option<Feedback>,
}

impl Walkthrough {
    /// Starts at the first step; the events announce it.
    pub fn start(scenario: Arc<Scenario>, config: Config) -> (Walkthrough, Vec<Event>) {
        let w = Walkthrough {
            current: (!scenario.steps.is_empty()).then(|| Current::at(0)),
            scenario,
            config,
            records: Vec::new(),
            total_secs: 0.0,
            last_feedback: None,
        };
        let events = w.entered_events();
        (w, events)
    }

    /// Starts at the step `step_id`, as if the learner had done every step on
    /// the way there (the shortest way from the first step, following the usual
    /// order and branches), so the state is the one a learner would have. The
    /// events announce only the step arrived at.
    pub fn start_at(
        scenario: Arc<Scenario>,
        config: Config,
        step_id: &str,
    ) -> Result<(Walkthrough, Vec<Event>), StartAt> {
        let target = scenario.step_index(step_id).ok_or_else(|| StartAt::NoSuchStep {
            found: step_id.to_owned(),
            steps: scenario.steps.iter().map(|s| s.id.clone()).collect(),
        })?;
        let path = way_to(&scenario, target).ok_or_else(|| StartAt::Unreachable(step_id.to_owned()))?;
        let (mut w, mut events) = Walkthrough::start(scenario, config);
        for action in path {
            events = w.apply(action);
        }
        if w.current.as_ref().map(|c| c.index) != Some(target) {
            return Err(StartAt::Unreachable(step_id.to_owned()));
        }
        // Only the arrival is news; fast-forwarded feedback is not shown.
        if let Some(c) = w.current.as_mut() {
            c.feedback = None;
        }
        events.retain(|e| matches!(e, Event::StepEntered { .. }));
        Ok((w, events))
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// What `station`'s display shows now: the words of the latest step on the way taken
    /// (the current one included) that changed them, else the station's own `shows`.
    pub fn display_words(&self, station: &str) -> Option<&MsgId> {
        let s = &self.scenario;
        let current = self.current.as_ref().map(|c| &s.steps[c.index]);
        let taken = self.records.iter().rev().filter_map(|r| s.step_index(&r.step).map(|i| &s.steps[i]));
        current
            .into_iter()
            .chain(taken)
            .find_map(|step| step.shows.iter().find(|shown| shown.station == station).map(|shown| &shown.words))
            .or_else(|| s.station(station)?.shows.as_ref())
    }

    /// Records of the steps finished so far in this run.
    pub fn records(&self) -> &[StepRecord] {
        &self.records
    }

    pub fn is_finished(&self) -> bool {
        self.current.is_none()
    }

    pub fn total_secs(&self) -> f32 {
        self.total_secs
    }

    /// Seconds of waiting until the next hint is offered for it, if one will be, or until
    /// a `Wait` step goes on by itself (the presentation wakes then, so the ladder and the
    /// wait keep their timing without drawing frames in between).
    pub fn next_idle_hint_in(&self) -> Option<f32> {
        let c = self.current.as_ref()?;
        if let Some(wait) = self.waiting() {
            return Some((wait - c.elapsed_secs).max(0.0));
        }
        (c.hint_level < self.max_level()).then(|| (self.config.idle_hint_secs.max(1.0) - c.idle_secs).max(0.0))
    }

    /// The seconds the current step waits, when it is a `Wait` step.
    fn waiting(&self) -> Option<f32> {
        let c = self.current.as_ref()?;
        match self.scenario.steps[c.index].action {
            Expect::Wait(secs) => Some(secs as f32),
            _ => None,
        }
    }

    /// Applies one action and returns what happened, in order.
    pub fn apply(&mut self, action: Action) -> Vec<Event> {
        if let Action::Restart = action {
            return self.restart();
        }
        let Some(current) = self.current.as_mut() else {
            if let Action::Wait(secs) = action {
                self.total_secs += sanitize(secs);
            }
            return vec![Event::Ignored];
        };
        match action {
            Action::Wait(secs) => self.wait(sanitize(secs)),
            Action::AskHint => {
                current.idle_secs = 0.0;
                self.escalate(true)
            }
            Action::RepeatPrompt => {
                current.idle_secs = 0.0;
                let prompt = self.scenario.steps[current.index].prompt.clone();
                vec![Event::PromptRepeated { prompt }]
            }
            Action::Skip => self.finish_step(None, true),
            Action::Restart => unreachable!("handled above"),
            input => {
                current.idle_secs = 0.0;
                self.learner_input(&input)
            }
        }
    }

    fn wait(&mut self, secs: f32) -> Vec<Event> {
        self.total_secs += secs;
        if let Some(wait) = self.waiting() {
            // A `Wait` step: no hints come while waiting is what the step asks; it goes
            // on by itself when its time is up.
            let Some(c) = self.current.as_mut() else { return Vec::new() };
            c.elapsed_secs += secs;
            return if c.elapsed_secs + 1e-3 >= wait { self.finish_step(None, false) } else { Vec::new() };
        }
        let threshold = self.config.idle_hint_secs.max(1.0);
        let max = self.max_level();
        let Some(c) = self.current.as_mut() else { return Vec::new() };
        c.elapsed_secs += secs;
        c.idle_secs += secs;
        let mut steps_up = 0;
        while c.idle_secs >= threshold && c.hint_level + steps_up < max {
            c.idle_secs -= threshold;
            steps_up += 1;
        }
        if c.hint_level + steps_up >= max {
            // Nothing stronger to offer: stay calm, keep waiting.
            c.idle_secs = c.idle_secs.min(threshold);
        }
        let mut events = Vec::new();
        for _ in 0..steps_up {
            events.extend(self.escalate(false));
        }
        events
    }

    fn max_level(&self) -> u8 {
        self.current.as_ref().map_or(0, |c| hints::max_level(self.scenario.steps[c.index].hints.len()))
    }

    /// Raises the hint level by one (or repeats the top hint when `repeat_top`).
    fn escalate(&mut self, repeat_top: bool) -> Vec<Event> {
        let max = self.max_level();
        let Some(current) = self.current.as_mut() else { return Vec::new() };
        let escalated = current.hint_level < max;
        if escalated {
            current.hint_level += 1;
            current.highest_hint = current.highest_hint.max(current.hint_level);
        } else if !repeat_top || max == 0 {
            return Vec::new();
        }
        let level = current.hint_level;
        let message = self.scenario.steps[current.index].hints[usize::from(level) - 1].clone();
        vec![Event::HintShown { level, message, escalated }]
    }

    fn learner_input(&mut self, input: &Action) -> Vec<Event> {
        let Some(current) = self.current.as_ref() else { return vec![Event::Ignored] };
        let scenario = Arc::clone(&self.scenario);
        let step = &scenario.steps[current.index];
        if matches(&step.action, input) {
            return self.finish_step(None, false);
        }
        if let Some(branch) = step.branches.iter().find(|b| matches(&b.when, input))
            && let Some(to) = scenario.step_index(&branch.go_to)
        {
            let mut events = Vec::new();
            if let Some(say) = &branch.say {
                let fb = Feedback { message: say.clone(), tone: Tone::Gentle };
                events.push(Event::Feedback(fb));
            }
            events.push(Event::BranchTaken { from: step.id.clone(), to: branch.go_to.clone() });
            events.extend(self.finish_step(Some(to), false));
            return events;
        }
        let mut events = Vec::new();
        if let Some(trap) = step.trap.as_ref().filter(|t| matches(&Expect::Tap(t.bait.clone()), input)) {
            let fb = Feedback { message: trap.fell_for.clone(), tone: Tone::Caution };
            if let Some(c) = self.current.as_mut() {
                c.fell_for_trap = true;
                c.feedback = Some(fb.clone());
            }
            events.push(Event::TrapFallenFor { step: step.id.clone() });
            events.extend(self.escalate(false));
            events.push(Event::Feedback(fb));
            return events;
        }
        if matches!(step.action, Expect::Wait(_)) {
            // Nothing to do but wait: a tap meanwhile is not a mistake; what the step says to
            // it (else its first hint: wait a moment) is said kindly.
            let said = step.wrong.iter().find(|f| matches(&f.when, input)).map(|f| &f.say).or(step.hints.first());
            if let Some(message) = said {
                let fb = Feedback { message: message.clone(), tone: Tone::Gentle };
                if let Some(c) = self.current.as_mut() {
                    c.feedback = Some(fb.clone());
                }
                events.push(Event::Feedback(fb));
            }
            return events;
        }
        if let Some(c) = self.current.as_mut() {
            c.wrong_actions += 1;
        }
        events.extend(self.escalate(false));
        let specific = step.wrong.iter().find(|f| matches(&f.when, input)).map(|f| f.say.clone());
        // Without specific words, the mistake brings the (now clearer) hint.
        let message = specific.or_else(|| {
            let level = self.current.as_ref().map_or(0, |c| c.hint_level);
            (level > 0).then(|| step.hints[usize::from(level) - 1].clone())
        });
        if let Some(message) = message {
            let fb = Feedback { message, tone: Tone::Gentle };
            if let Some(c) = self.current.as_mut() {
                c.feedback = Some(fb.clone());
            }
            events.push(Event::Feedback(fb));
        }
        events
    }

    /// Ends the current step (done or skipped) and moves on.
    fn finish_step(&mut self, branch_to: Option<usize>, skipped: bool) -> Vec<Event> {
        let Some(current) = self.current.take() else { return vec![Event::Ignored] };
        let scenario = Arc::clone(&self.scenario);
        let step = &scenario.steps[current.index];
        let mut events = Vec::new();
        let trap =
            step.trap.as_ref().map(|_| if current.fell_for_trap { TrapOutcome::FellFor } else { TrapOutcome::Refused });
        let mut praise = None;
        if let (Some(t), false) = (&step.trap, skipped) {
            let fb = Feedback { message: t.refused.clone(), tone: Tone::Praise };
            events.push(Event::Feedback(fb.clone()));
            praise = Some(fb);
        }
        let record = StepRecord {
            step: step.id.clone(),
            duration_secs: current.elapsed_secs,
            wrong_actions: current.wrong_actions,
            highest_hint: current.highest_hint,
            skipped,
            trap,
            branch: branch_to.map(|i| scenario.steps[i].id.clone()),
        };
        self.records.push(record.clone());
        events.push(Event::StepCompleted(record));
        let next = branch_to.or_else(|| scenario.next_after(current.index));
        match next {
            Some(index) => {
                let mut c = Current::at(index);
                // The praise for refusing a scam stays on screen into the next step.
                c.feedback = praise;
                self.current = Some(c);
                events.extend(self.entered_events());
            }
            None => {
                self.last_feedback = praise;
                events.push(Event::Completed(Summary::of(&self.records, self.total_secs)));
            }
        }
        events
    }

    fn restart(&mut self) -> Vec<Event> {
        let abandoned = std::mem::take(&mut self.records);
        self.current = (!self.scenario.steps.is_empty()).then(|| Current::at(0));
        self.total_secs = 0.0;
        self.last_feedback = None;
        let mut events = vec![Event::Restarted { abandoned }];
        events.extend(self.entered_events());
        events
    }

    fn entered_events(&self) -> Vec<Event> {
        match &self.current {
            Some(c) => {
                let step = &self.scenario.steps[c.index];
                vec![Event::StepEntered { step: step.id.clone(), prompt: step.prompt.clone() }]
            }
            None => vec![Event::Completed(Summary::of(&self.records, self.total_secs))],
        }
    }

    /// What to present now.
    pub fn view(&self) -> View {
        let Some(c) = &self.current else {
            let done = self.scenario.usual_path().len();
            return View {
                step: None,
                prompt: None,
                camera: None,
                screen: None,
                target: None,
                emphasis: hints::Emphasis::Glow,
                hint_level: 0,
                hint: None,
                feedback: self.last_feedback.clone(),
                offer_trainer: false,
                progress: Progress { done, total: done },
                finished: true,
            };
        };
        let step = &self.scenario.steps[c.index];
        View {
            step: Some(step.id.clone()),
            prompt: Some(step.prompt.clone()),
            camera: Some(step.camera.clone()),
            screen: step.screen.clone(),
            target: Some(Target::from(&step.action)).filter(|t| *t != Target::Nothing),
            emphasis: hints::emphasis(c.hint_level),
            hint_level: c.hint_level,
            hint: (c.hint_level > 0).then(|| step.hints[usize::from(c.hint_level) - 1].clone()),
            feedback: c.feedback.clone(),
            offer_trainer: c.hint_level >= TRAINER_LEVEL,
            progress: {
                let (number, total) = self.scenario.step_number(c.index);
                Progress { done: number - 1, total }
            },
            finished: false,
        }
    }

    /// Checks the engine's own promises; used by tests after every action.
    pub fn check_invariants(&self) -> Result<(), String> {
        if !self.total_secs.is_finite() || self.total_secs < 0.0 {
            return Err(format!("total time {}", self.total_secs));
        }
        if let Some(c) = &self.current {
            let step = self.scenario.steps.get(c.index).ok_or("current step out of range")?;
            if usize::from(c.hint_level) > step.hints.len() {
                return Err(format!("hint level {} above {} hints", c.hint_level, step.hints.len()));
            }
            if c.highest_hint < c.hint_level {
                return Err("highest hint below current level".into());
            }
            if !(c.idle_secs.is_finite() && c.idle_secs >= 0.0 && c.elapsed_secs >= 0.0) {
                return Err(format!("bad clocks idle={} elapsed={}", c.idle_secs, c.elapsed_secs));
            }
        }
        if self.records.iter().any(|r| !(r.duration_secs.is_finite() && r.duration_secs >= 0.0)) {
            return Err("a record has a bad duration".into());
        }
        let view = self.view();
        if view.progress.done > view.progress.total {
            return Err("progress past its total".into());
        }
        Ok(())
    }
}

/// Why a walkthrough cannot start at a step.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StartAt {
    #[error("there is no step `{found}`; the steps are: {}", steps.join(", "))]
    NoSuchStep { found: String, steps: Vec<String> },
    #[error("the step `{0}` cannot be reached from the first step")]
    Unreachable(String),
}

/// The actions that lead from the first step to step `target` by the fewest
/// steps, following each step's usual next step and its branches.
fn way_to(scenario: &Scenario, target: usize) -> Option<Vec<Action>> {
    let n = scenario.steps.len();
    let mut came_from: Vec<Option<(usize, Action)>> = vec![None; n];
    let mut seen = vec![false; n];
    let mut queue = std::collections::VecDeque::from([0]);
    seen[0] = target < n;
    while let Some(at) = queue.pop_front() {
        if at == target {
            let mut actions = Vec::new();
            let mut step = at;
            while let Some((before, action)) = came_from[step].clone() {
                actions.push(action);
                step = before;
            }
            actions.reverse();
            return Some(actions);
        }
        let step = &scenario.steps[at];
        let usual = scenario.next_after(at).map(|next| (next, Action::satisfying(&step.action)));
        let branches = step
            .branches
            .iter()
            .filter_map(|b| scenario.step_index(&b.go_to).map(|to| (to, Action::satisfying(&b.when))));
        for (next, action) in usual.into_iter().chain(branches) {
            if !seen[next] {
                seen[next] = true;
                came_from[next] = Some((at, action));
                queue.push_back(next);
            }
        }
    }
    None
}

/// Negative, NaN or infinite time is treated as none; very large waits are capped.
fn sanitize(secs: f32) -> f32 {
    if secs.is_finite() && secs > 0.0 { secs.min(24.0 * 3600.0) } else { 0.0 }
}

/// Typed text compared the way a person means it: spaces ignored, full-width digits as ASCII.
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Whether a learner's action is what `expect` describes.
pub fn matches(expect: &Expect, action: &Action) -> bool {
    match (expect, action) {
        (Expect::Tap(a), Action::Tap(b)) | (Expect::TapStation(a), Action::TapStation(b)) => a == b,
        (Expect::Enter { field, value }, Action::Enter { field: f, value: v }) => {
            field == f
                && match value {
                    Some(want) => normalize(want) == normalize(v),
                    None => !normalize(v).is_empty(),
                }
        }
        (Expect::Choose { widget, option }, Action::Choose { widget: w, option: o }) => widget == w && option == o,
        (Expect::Acknowledge, Action::Acknowledge) => true,
        // A hand lets go a moment early: a tenth of a second is held enough.
        (Expect::Hold { widget, seconds }, Action::Hold { widget: w, secs }) => {
            widget == w && *secs + 0.1 >= *seconds as f32
        }
        // Only asked in `wrong`, after the step's own `Hold` did not match: held too short.
        (Expect::ReleasedEarly(widget), Action::Hold { widget: w, .. }) => widget == w,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_match_as_a_person_means_them() {
        let expect = Expect::Enter { field: "code".into(), value: Some("123456".into()) };
        let typed = |v: &str| Action::Enter { field: "code".into(), value: v.into() };
        assert!(matches(&expect, &typed("123456")));
        assert!(matches(&expect, &typed(" 123 456 ")));
        assert!(matches(&expect, &typed("１２３４５６")));
        assert!(!matches(&expect, &typed("123455")));
        let anything = Expect::Enter { field: "code".into(), value: None };
        assert!(matches(&anything, &typed("x")));
        assert!(!matches(&anything, &typed("   ")));
    }

    #[test]
    fn the_next_idle_hint_is_due_after_the_quiet_time_and_none_after_the_last() {
        let scenario = std::sync::Arc::new(
            crate::scenario::load_file(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/scenarios/zheliban_basics.ron"
            )))
            .unwrap()
            .scenario,
        );
        let (mut w, _) = Walkthrough::start(scenario, Config { idle_hint_secs: 20.0 });
        assert_eq!(w.next_idle_hint_in(), Some(20.0));
        w.apply(Action::Wait(12.5));
        assert_eq!(w.next_idle_hint_in(), Some(7.5));
        w.apply(Action::Wait(7.5));
        assert_eq!(w.view().hint_level, 1);
        assert_eq!(w.next_idle_hint_in(), Some(20.0), "the quiet time starts again");
        w.apply(Action::Wait(60.0));
        assert_eq!(w.next_idle_hint_in(), None, "every hint given: nothing more to wait for");
    }

    /// A scenario from RON text (steps on a phone with a hold-to-talk button and a chat).
    fn scenario(steps: &str) -> Arc<Scenario> {
        let text = format!(
            r#"#![enable(implicit_some)]
            Scenario(id: "t", title: "t", summary: "t", minutes: 1, difficulty: Easy, environment: LivingRoom,
                verified_against: (app: "x", version: "unverified", date: "2026-11-30"),
                screens: [Screen(id: "chat", title: "t", widgets: [
                    Chat(id: "thread", messages: [(id: "link", from: "someone", text: "t", kind: Link)]),
                    HoldToTalk(id: "talk", text: "t"),
                ])],
                steps: [{steps}])"#
        );
        Arc::new(crate::scenario::load_str(&text, "t.ron").unwrap().scenario)
    }

    #[test]
    fn a_wait_step_goes_on_by_itself_without_hints_and_taps_meanwhile_are_not_mistakes() {
        let s = scenario(
            r#"Step(id: "wait", prompt: "p", camera: Phone, screen: "chat", action: Wait(5), hints: ["h1", "h2", "h3"]),
               Step(id: "after", prompt: "p", camera: Phone, screen: "chat", action: Acknowledge, hints: ["a1", "a2", "a3"])"#,
        );
        let (mut w, _) = Walkthrough::start(s, Config { idle_hint_secs: 1.0 });
        assert_eq!(w.view().target, None, "nothing to touch");
        assert_eq!(w.next_idle_hint_in(), Some(5.0), "the app wakes when the wait is over");
        assert!(w.apply(Action::Wait(3.0)).is_empty(), "no hint climbs while waiting");
        let events = w.apply(Action::Tap("link".into()));
        assert_eq!(events, vec![Event::Feedback(Feedback { message: "h1".into(), tone: Tone::Gentle })]);
        assert_eq!(w.next_idle_hint_in(), Some(2.0));
        let events = w.apply(Action::Wait(2.0));
        let Some(Event::StepCompleted(record)) = events.first() else { panic!("{events:?}") };
        assert_eq!((record.wrong_actions, record.highest_hint), (0, 0), "a tap while waiting is no mistake");
        assert_eq!(w.view().step.as_deref(), Some("after"));
    }

    #[test]
    fn a_hold_long_enough_goes_on_and_letting_go_early_is_the_mistake_named_for_it() {
        let s = scenario(
            r#"Step(id: "talk", prompt: "p", camera: Phone, screen: "chat", action: Hold(widget: "talk", seconds: 2),
                    hints: ["h1", "h2", "h3"], wrong: [(when: ReleasedEarly("talk"), say: "early")])"#,
        );
        let (mut w, _) = Walkthrough::start(s, Config::default());
        assert_eq!(w.view().target, Some(Target::Hold { widget: "talk".into(), seconds: 2 }));
        w.apply(Action::Hold { widget: "talk".into(), secs: 0.4 });
        let view = w.view();
        assert_eq!(view.feedback, Some(Feedback { message: "early".into(), tone: Tone::Gentle }));
        assert!(!view.finished);
        let events = w.apply(Action::Hold { widget: "talk".into(), secs: 1.95 });
        let Some(Event::StepCompleted(record)) = events.first() else { panic!("{events:?}") };
        assert_eq!(record.wrong_actions, 1, "one early release");
        assert!(w.is_finished());
    }

    #[test]
    fn bad_times_count_as_no_time() {
        assert_eq!(sanitize(f32::NAN), 0.0);
        assert_eq!(sanitize(-3.0), 0.0);
        assert_eq!(sanitize(f32::INFINITY), 0.0);
        assert_eq!(sanitize(2.5), 2.5);
    }
}

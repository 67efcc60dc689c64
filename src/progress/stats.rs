//! Figures a trainer reads: per scenario, per learner, and the steps where
//! people struggle. Pure functions over attempts read from the store.

use std::collections::BTreeMap;

use super::model::{Attempt, Learner, LearnerId, Millis, Outcome};

/// How one scenario is going, over all learners.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioStats {
    pub scenario: String,
    pub attempts: usize,
    pub completed: usize,
    /// Distinct learners (the guest counts as one).
    pub learners: usize,
    /// Median minutes of completed attempts.
    pub median_minutes: Option<f64>,
}

impl ScenarioStats {
    /// Completed attempts over all attempts, 0.0–1.0.
    pub fn completion_rate(&self) -> f64 {
        if self.attempts == 0 { 0.0 } else { self.completed as f64 / self.attempts as f64 }
    }
}

/// One learner's first and latest completed time at one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Progression {
    pub scenario: String,
    pub first_minutes: f64,
    pub latest_minutes: f64,
}

/// How one learner is going.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerStats {
    /// `None` for the guest.
    pub learner: Option<LearnerId>,
    pub attempts: usize,
    pub scenarios_completed: usize,
    /// When the latest attempt began.
    pub last_practice: Millis,
    pub progressions: Vec<Progression>,
}

/// How hard one step is for learners.
#[derive(Debug, Clone, PartialEq)]
pub struct StepStruggle {
    pub scenario: String,
    pub step: String,
    /// How many times learners finished (or skipped) it.
    pub reached: usize,
    pub wrong_actions: u32,
    /// Sum of the highest hint level shown at each visit.
    pub hints: u32,
    pub skips: usize,
}

impl StepStruggle {
    /// One number to sort by: per visit, a wrong tap counts 1, each hint level 1, a skip 3.
    pub fn score(&self) -> f64 {
        if self.reached == 0 {
            return 0.0;
        }
        (f64::from(self.wrong_actions) + f64::from(self.hints) + 3.0 * self.skips as f64) / self.reached as f64
    }
}

fn minutes(attempt: &Attempt) -> Option<f64> {
    attempt.total_secs.map(|s| s / 60.0)
}

/// The median of some numbers (`None` when there are none).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
}

/// Per scenario, sorted by scenario id.
pub fn by_scenario(attempts: &[Attempt]) -> Vec<ScenarioStats> {
    let mut groups: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
    for a in attempts {
        groups.entry(&a.scenario).or_default().push(a);
    }
    groups
        .into_iter()
        .map(|(scenario, list)| {
            let mut times: Vec<f64> =
                list.iter().filter(|a| a.outcome == Outcome::Completed).filter_map(|a| minutes(a)).collect();
            let mut learners: Vec<Option<LearnerId>> = list.iter().map(|a| a.learner).collect();
            learners.sort();
            learners.dedup();
            ScenarioStats {
                scenario: scenario.to_owned(),
                attempts: list.len(),
                completed: list.iter().filter(|a| a.outcome == Outcome::Completed).count(),
                learners: learners.len(),
                median_minutes: median(&mut times),
            }
        })
        .collect()
}

/// Per learner who has practised, in the order of `learners`, the guest last.
pub fn by_learner(attempts: &[Attempt], learners: &[Learner]) -> Vec<LearnerStats> {
    let order = learners.iter().map(|l| Some(l.id)).chain([None]);
    order
        .filter_map(|who| {
            let mine: Vec<&Attempt> = attempts.iter().filter(|a| a.learner == who).collect();
            let last_practice = mine.iter().map(|a| a.started).max()?;
            let mut done: BTreeMap<&str, Vec<&Attempt>> = BTreeMap::new();
            for a in mine.iter().filter(|a| a.outcome == Outcome::Completed) {
                done.entry(&a.scenario).or_default().push(a);
            }
            let progressions = done
                .iter()
                .filter_map(|(scenario, list)| {
                    let first = list.iter().min_by_key(|a| a.started)?;
                    let latest = list.iter().max_by_key(|a| a.started)?;
                    Some(Progression {
                        scenario: (*scenario).to_owned(),
                        first_minutes: minutes(first)?,
                        latest_minutes: minutes(latest)?,
                    })
                })
                .collect();
            Some(LearnerStats {
                learner: who,
                attempts: mine.len(),
                scenarios_completed: done.len(),
                last_practice,
                progressions,
            })
        })
        .collect()
}

/// Every step that was reached, hardest first (ties by scenario and step id).
pub fn struggles(attempts: &[Attempt]) -> Vec<StepStruggle> {
    let mut steps: BTreeMap<(&str, &str), StepStruggle> = BTreeMap::new();
    for a in attempts {
        for s in &a.steps {
            let s = &s.record;
            let entry = steps.entry((&a.scenario, &s.step)).or_insert_with(|| StepStruggle {
                scenario: a.scenario.clone(),
                step: s.step.clone(),
                reached: 0,
                wrong_actions: 0,
                hints: 0,
                skips: 0,
            });
            entry.reached += 1;
            entry.wrong_actions += s.wrong_actions;
            entry.hints += u32::from(s.highest_hint);
            entry.skips += usize::from(s.skipped);
        }
    }
    let mut list: Vec<StepStruggle> = steps.into_values().collect();
    list.sort_by(|a, b| b.score().total_cmp(&a.score()));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{AttemptId, StepRecord, StepRow};

    fn attempt(learner: Option<i64>, scenario: &str, started: Millis, outcome: Outcome, secs: f64) -> Attempt {
        Attempt {
            id: AttemptId(started),
            uid: format!("u{started}"),
            learner: learner.map(LearnerId),
            scenario: scenario.to_owned(),
            scenario_hash: "h".to_owned(),
            lang: "zh-CN".to_owned(),
            started,
            ended: Some(started + (secs * 1000.0) as Millis),
            outcome,
            total_secs: Some(secs),
            steps: Vec::new(),
        }
    }

    fn step(name: &str, wrong: u32, hint: u8, skipped: bool) -> StepRow {
        let record = StepRecord {
            step: name.to_owned(),
            duration_secs: 0.001,
            wrong_actions: wrong,
            highest_hint: hint,
            skipped,
            trap: None,
            branch: None,
        };
        StepRow::new(0, 1, record)
    }

    #[test]
    fn medians_of_odd_even_and_empty_lists() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn scenario_figures_count_attempts_completions_and_learners() {
        let attempts = [
            attempt(Some(1), "a", 0, Outcome::Completed, 600.0),
            attempt(Some(1), "a", 10, Outcome::Abandoned, 60.0),
            attempt(None, "a", 20, Outcome::Completed, 300.0),
            attempt(Some(2), "b", 30, Outcome::Interrupted, 30.0),
        ];
        let stats = by_scenario(&attempts);
        assert_eq!(stats.len(), 2);
        assert_eq!((stats[0].attempts, stats[0].completed, stats[0].learners), (3, 2, 2));
        assert!((stats[0].completion_rate() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(stats[0].median_minutes, Some(7.5));
        assert_eq!(stats[1].median_minutes, None);
        assert_eq!(stats[1].completion_rate(), 0.0);
    }

    #[test]
    fn learner_figures_compare_first_and_latest_completion() {
        let learners = [
            Learner { id: LearnerId(1), uid: "x".into(), name: "王".into(), group: None, colour: "#fff".into() },
            Learner { id: LearnerId(2), uid: "y".into(), name: "李".into(), group: None, colour: "#fff".into() },
        ];
        let attempts = [
            attempt(Some(1), "a", 100, Outcome::Completed, 600.0),
            attempt(Some(1), "a", 5000, Outcome::Completed, 240.0),
            attempt(Some(1), "b", 9000, Outcome::Abandoned, 60.0),
            attempt(None, "a", 20, Outcome::Completed, 300.0),
        ];
        let stats = by_learner(&attempts, &learners);
        assert_eq!(stats.len(), 2, "李 has not practised; the guest has");
        assert_eq!(stats[0].learner, Some(LearnerId(1)));
        assert_eq!((stats[0].attempts, stats[0].scenarios_completed), (3, 1));
        assert_eq!(stats[0].last_practice, 9000, "when the latest attempt began");
        assert_eq!(
            stats[0].progressions,
            [Progression { scenario: "a".into(), first_minutes: 10.0, latest_minutes: 4.0 }]
        );
        assert_eq!(stats[1].learner, None);
    }

    #[test]
    fn the_hardest_steps_come_first() {
        let mut one = attempt(Some(1), "a", 0, Outcome::Completed, 60.0);
        one.steps = vec![step("easy", 0, 0, false), step("hard", 3, 2, false), step("skipped", 0, 1, true)];
        let mut two = attempt(Some(2), "a", 1, Outcome::Completed, 60.0);
        two.steps = vec![step("easy", 0, 0, false), step("hard", 1, 1, false)];
        let list = struggles(&[one, two]);
        let order: Vec<&str> = list.iter().map(|s| s.step.as_str()).collect();
        assert_eq!(order, ["skipped", "hard", "easy"]);
        assert_eq!((list[1].reached, list[1].wrong_actions, list[1].hints), (2, 4, 3));
        assert_eq!(list[1].score(), 3.5);
        assert_eq!(list[2].score(), 0.0);
    }
}

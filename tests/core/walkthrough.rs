//! Walkthroughs of the seed scenarios: correct playthroughs, hints by mistakes
//! and by idleness, skip and restart, every branch, scam traps, and random play.

use std::sync::Arc;

use kuayue::scenario::{Expect, Scenario};
use kuayue::walkthrough::*;
use proptest::prelude::*;

use crate::common::*;

fn start(s: &Arc<Scenario>) -> Walkthrough {
    Walkthrough::start(Arc::clone(s), Config::default()).0
}

/// Does what the current step asks; returns the events.
fn do_current(w: &mut Walkthrough) -> Vec<Event> {
    let id = w.view().step.expect("a current step");
    let step = w.scenario().steps.iter().find(|s| s.id == id).unwrap().clone();
    w.apply(Action::satisfying(&step.action))
}

fn play_to(w: &mut Walkthrough, step_id: &str) {
    for _ in 0..100 {
        if w.view().step.as_deref() == Some(step_id) {
            return;
        }
        do_current(w);
    }
    panic!("never reached {step_id}");
}

#[test]
fn each_shipped_scenario_plays_through_correctly() {
    for id in &crate::common::shipped() {
        let s = seed(id);
        let (mut w, first) = Walkthrough::start(Arc::clone(&s), Config::default());
        assert_eq!(first, vec![Event::StepEntered { step: s.steps[0].id.clone(), prompt: s.steps[0].prompt.clone() }]);
        let mut completed = None;
        for _ in 0..s.steps.len() {
            let view = w.view();
            // Something to touch, but on a step that goes on by itself.
            let waits =
                s.steps.iter().any(|st| Some(&st.id) == view.step.as_ref() && matches!(st.action, Expect::Wait(_)));
            assert!((view.target.is_some() || waits) && view.prompt.is_some(), "{id}: {view:?}");
            assert!(view.progress.done < view.progress.total);
            for e in do_current(&mut w) {
                if let Event::Completed(summary) = e {
                    completed = Some(summary);
                }
            }
            w.apply(Action::Wait(0.5));
            if w.is_finished() {
                break;
            }
        }
        let summary = completed.unwrap_or_else(|| panic!("{id} did not complete"));
        assert!(w.view().finished);
        // The usual path skips the branch-only steps.
        assert_eq!(summary.steps, s.usual_path().len(), "{id}");
        assert_eq!((summary.wrong_actions, summary.hints_used, summary.skipped), (0, 0, 0), "{id}");
        assert!(w.records().iter().all(|r| !r.skipped && r.wrong_actions == 0 && r.highest_hint == 0));
        assert_eq!(w.apply(Action::Acknowledge), vec![Event::Ignored]);
    }
}

#[test]
fn mistakes_bring_gentler_clearer_hints_never_a_failure() {
    let s = seed("hospital_appointment");
    let mut w = start(&s);
    let expected = [Emphasis::Glow, Emphasis::Spotlight, Emphasis::Pointer, Emphasis::Pointer];
    for (n, emphasis) in expected.iter().enumerate() {
        let events = w.apply(Action::Tap("app_phone".into()));
        let view = w.view();
        let level = (n + 1).min(3) as u8;
        assert_eq!(view.hint_level, level);
        assert_eq!(view.emphasis, *emphasis);
        assert_eq!(view.offer_trainer, level >= 3);
        let hint = s.steps[0].hints[usize::from(level) - 1].clone();
        assert_eq!(view.hint.as_deref(), Some(hint.as_str()));
        // Without specific words, the feedback is the hint itself.
        assert_eq!(view.feedback, Some(Feedback { message: hint, tone: Tone::Gentle }));
        assert_eq!(events.iter().any(|e| matches!(e, Event::HintShown { escalated: true, .. })), n < 3);
        assert!(!w.is_finished());
    }
    // A specific mistake gets its own explanation.
    w.apply(Action::Tap("app_camera".into()));
    assert_eq!(w.view().feedback.unwrap().message, "hosp-open-app-wrong-camera");
    do_current(&mut w);
    assert_eq!(w.records()[0].wrong_actions, 5);
    assert_eq!(w.records()[0].highest_hint, 3);
    // The next step starts calm again.
    let view = w.view();
    assert_eq!((view.hint_level, view.emphasis, view.feedback), (0, Emphasis::Glow, None));
}

#[test]
fn paying_before_choosing_a_department_is_explained() {
    let s = seed("hospital_appointment");
    let mut w = start(&s);
    play_to(&mut w, "choose_department");
    let events = w.apply(Action::Tap("btn_pay".into()));
    let fb = Feedback { message: "hosp-choose-department-wrong-pay".into(), tone: Tone::Gentle };
    assert!(events.contains(&Event::Feedback(fb)));
    assert_eq!(w.view().step.as_deref(), Some("choose_department"));
}

#[test]
fn idleness_escalates_hints_slowly_and_stops_at_the_top() {
    let s = seed("zheliban_basics");
    let mut w = start(&s);
    assert!(w.apply(Action::Wait(19.9)).is_empty());
    let events = w.apply(Action::Wait(0.1));
    assert!(matches!(events.as_slice(), [Event::HintShown { level: 1, escalated: true, .. }]), "{events:?}");
    // Any action resets the idle clock.
    w.apply(Action::RepeatPrompt);
    assert!(w.apply(Action::Wait(19.0)).is_empty());
    let events = w.apply(Action::Wait(1000.0));
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(w.view().hint_level, 3);
    assert!(w.view().offer_trainer);
    assert!(w.apply(Action::Wait(10_000.0)).is_empty(), "nothing more than the top level");
    // Asking for a hint at the top repeats it (spoken again), without escalating.
    let events = w.apply(Action::AskHint);
    assert!(matches!(events.as_slice(), [Event::HintShown { level: 3, escalated: false, .. }]), "{events:?}");
    do_current(&mut w);
    let r = &w.records()[0];
    assert!((r.duration_secs - 11_039.1).abs() < 0.5, "{r:?}");
    assert_eq!(r.highest_hint, 3);
}

#[test]
fn asking_for_a_hint_raises_the_level_by_one() {
    let s = seed("medical_insurance_payment");
    let mut w = start(&s);
    let events = w.apply(Action::AskHint);
    assert_eq!(events, vec![Event::HintShown { level: 1, message: s.steps[0].hints[0].clone(), escalated: true }]);
    assert_eq!(w.apply(Action::RepeatPrompt), vec![Event::PromptRepeated { prompt: s.steps[0].prompt.clone() }]);
}

#[test]
fn skipping_records_the_step_and_moves_on() {
    let s = seed("zheliban_basics");
    let mut w = start(&s);
    let events = w.apply(Action::Skip);
    assert!(matches!(&events[0], Event::StepCompleted(r) if r.skipped && r.step == "open_app"));
    assert_eq!(w.view().step.as_deref(), Some("switch_elder"));
    while !w.is_finished() {
        w.apply(Action::Skip);
    }
    // Skipping goes the usual way: a side step reached only by a branch is not played.
    assert_eq!(w.records().len(), s.usual_path().len());
    assert!(w.records().iter().all(|r| r.skipped));
}

#[test]
fn restart_sets_the_run_aside_and_begins_again() {
    let s = seed("medical_insurance_payment");
    let mut w = start(&s);
    play_to(&mut w, "choose_person");
    w.apply(Action::Wait(30.0));
    let events = w.apply(Action::Restart);
    let Event::Restarted { abandoned } = &events[0] else { panic!("{events:?}") };
    assert_eq!(abandoned.len(), s.step_index("choose_person").unwrap());
    assert_eq!(events[1], Event::StepEntered { step: "open_app".into(), prompt: s.steps[0].prompt.clone() });
    assert!(w.records().is_empty());
    assert_eq!(w.total_secs(), 0.0);
    assert_eq!(w.view().progress.done, 0);
    // Restart also works after completion.
    while !w.is_finished() {
        do_current(&mut w);
    }
    w.apply(Action::Restart);
    assert_eq!(w.view().step.as_deref(), Some("open_app"));
}

#[test]
fn no_slots_today_leads_to_tomorrow() {
    let s = seed("hospital_appointment");
    let mut w = start(&s);
    play_to(&mut w, "choose_date");
    let events = w.apply(Action::Choose { widget: "date".into(), option: "today".into() });
    assert!(events.contains(&Event::BranchTaken { from: "choose_date".into(), to: "today_full".into() }));
    assert_eq!(w.records().last().unwrap().branch.as_deref(), Some("today_full"));
    assert_eq!(w.view().screen.as_deref(), Some("dates_full"));
    do_current(&mut w);
    assert_eq!(w.view().step.as_deref(), Some("choose_doctor"));
    // And straight to tomorrow skips the detour.
    let mut w = start(&s);
    play_to(&mut w, "choose_date");
    do_current(&mut w);
    assert_eq!(w.view().step.as_deref(), Some("choose_doctor"));
}

#[test]
fn every_branch_of_every_shipped_scenario_goes_where_it_says() {
    let mut branches = 0;
    for id in &crate::common::shipped() {
        let s = seed(id);
        for step in &s.steps {
            for branch in &step.branches {
                let mut w = start(&s);
                play_to(&mut w, &step.id);
                w.apply(Action::satisfying(&branch.when));
                assert_eq!(w.view().step.as_deref(), Some(branch.go_to.as_str()), "{id}/{}", step.id);
                while !w.is_finished() {
                    do_current(&mut w);
                }
                branches += 1;
            }
        }
    }
    assert!(branches >= 1);
}

#[test]
fn a_refused_scam_is_praised() {
    let s = seed("medical_insurance_payment");
    let mut w = start(&s);
    play_to(&mut w, "refuse_scam");
    let events = w.apply(Action::Tap("scam_close".into()));
    let praise = Feedback { message: "ins-refuse-scam-refused".into(), tone: Tone::Praise };
    assert!(events.contains(&Event::Feedback(praise.clone())));
    assert_eq!(w.records().last().unwrap().trap, Some(TrapOutcome::Refused));
    // The praise stays on screen as the next step begins.
    assert_eq!(w.view().feedback, Some(praise));
}

#[test]
fn falling_for_a_scam_is_explained_calmly_and_recorded() {
    let s = seed("medical_insurance_payment");
    let mut w = start(&s);
    play_to(&mut w, "refuse_scam");
    let events = w.apply(Action::Tap("scam_transfer".into()));
    assert!(events.contains(&Event::TrapFallenFor { step: "refuse_scam".into() }));
    let caution = Feedback { message: "ins-refuse-scam-fell-for".into(), tone: Tone::Caution };
    assert_eq!(w.view().feedback, Some(caution));
    assert_eq!(w.view().step.as_deref(), Some("refuse_scam"), "still asked to refuse");
    assert_eq!(w.view().hint_level, 1);
    w.apply(Action::Tap("scam_close".into()));
    let record = w.records().last().unwrap();
    assert_eq!(record.trap, Some(TrapOutcome::FellFor));
    assert_eq!(record.wrong_actions, 0, "falling for a trap is counted as the trap, not as a wrong tap");
    while !w.is_finished() {
        do_current(&mut w);
    }
    assert_eq!(w.records().iter().filter(|r| r.trap.is_some()).count(), 1);
}

#[test]
fn a_wrong_password_gets_its_own_words_and_typing_is_forgiving() {
    let s = seed("medical_insurance_payment");
    let mut w = start(&s);
    play_to(&mut w, "enter_password");
    w.apply(Action::Enter { field: "pay_password".into(), value: "111111".into() });
    assert_eq!(w.view().feedback.unwrap().message, "ins-enter-password-wrong");
    w.apply(Action::Enter { field: "pay_password".into(), value: "１３５ ７９０".into() });
    assert_eq!(w.view().step.as_deref(), Some("read_receipt"));
}

/// Any action a learner (or a buggy front end) could send to this scenario.
fn any_action(s: &Scenario) -> impl Strategy<Value = Action> {
    let mut names: Vec<String> = s.stations.iter().map(|st| st.id.clone()).collect();
    for screen in &s.screens {
        for w in &screen.widgets {
            names.push(w.id().to_owned());
            names.extend(w.tap_targets().into_iter().map(str::to_owned));
            if let Some(options) = w.options() {
                names.extend(options.iter().map(|o| o.id.to_owned()));
            }
        }
    }
    names.push("no_such_thing".into());
    let name = prop::sample::select(names);
    let value =
        prop_oneof![Just("135790".to_owned()), Just("482916".to_owned()), Just("13900001234".to_owned()), ".{0,8}"];
    prop_oneof![
        name.clone().prop_map(Action::Tap),
        name.clone().prop_map(Action::TapStation),
        (name.clone(), value).prop_map(|(field, value)| Action::Enter { field, value }),
        (name.clone(), name).prop_map(|(widget, option)| Action::Choose { widget, option }),
        Just(Action::Acknowledge),
        prop_oneof![any::<f32>(), 0.0f32..60.0].prop_map(Action::Wait),
        Just(Action::AskHint),
        Just(Action::RepeatPrompt),
        Just(Action::Skip),
        Just(Action::Restart),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_play_never_panics_and_always_leaves_a_valid_state(
        which in 0usize..3,
        actions in prop::collection::vec(any_action(&seed("hospital_appointment")), 0..150),
        others in prop::collection::vec(any_action(&seed("medical_insurance_payment")), 0..150),
        more in prop::collection::vec(any_action(&seed("zheliban_basics")), 0..150),
    ) {
        let id = SEEDS[which];
        let s = seed(id);
        let mut w = start(&s);
        let sequence = match which { 0 => actions, 1 => others, _ => more };
        let mut done = 0;
        for action in sequence {
            let restarting = action == Action::Restart;
            let events = w.apply(action);
            prop_assert!(!events.is_empty() || !restarting);
            if let Err(e) = w.check_invariants() {
                return Err(TestCaseError::fail(format!("{id}: {e}")));
            }
            let view = w.view();
            prop_assert_eq!(view.finished, w.is_finished());
            if !view.finished {
                prop_assert!(view.prompt.is_some() && view.target.is_some());
            }
            if restarting { done = 0; }
            prop_assert!(w.records().len() >= done, "records never shrink except on restart");
            done = w.records().len();
        }
    }
}

#[test]
fn every_step_of_every_shipped_scenario_can_be_started_at_directly() {
    for id in &crate::common::shipped() {
        let scenario = seed(id);
        for step in &scenario.steps {
            let (mut w, events) = Walkthrough::start_at(scenario.clone(), Config::default(), &step.id)
                .unwrap_or_else(|e| panic!("{id}/{}: {e}", step.id));
            assert_eq!(w.view().step.as_deref(), Some(step.id.as_str()), "{id}");
            assert_eq!(events, [Event::StepEntered { step: step.id.clone(), prompt: step.prompt.clone() }]);
            assert_eq!(w.view().hint_level, 0);
            assert!(w.view().feedback.is_none(), "{id}/{}: no left-over feedback", step.id);
            w.check_invariants().unwrap();
            // From there the walkthrough plays on to the end as usual.
            let mut guard = 0;
            while !w.is_finished() && guard < 100 {
                let here = w.view().step.unwrap();
                let expect = scenario.steps.iter().find(|s| s.id == here).unwrap().action.clone();
                w.apply(Action::satisfying(&expect));
                guard += 1;
            }
            assert!(w.is_finished(), "{id}: from {} the walkthrough does not finish", step.id);
        }
    }
}

#[test]
fn starting_at_a_step_that_is_not_there_names_the_steps_that_are() {
    let scenario = seed("hospital_appointment");
    let err = Walkthrough::start_at(scenario.clone(), Config::default(), "no_such_step").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("no_such_step") && text.contains(&scenario.steps[0].id), "{text}");
    // A step reached only through a branch is reached through it.
    let branch_target = scenario.steps.iter().flat_map(|s| &s.branches).map(|b| b.go_to.clone()).next().unwrap();
    let (w, _) = Walkthrough::start_at(scenario, Config::default(), &branch_target).unwrap();
    assert_eq!(w.view().step, Some(branch_target));
}

/// "Step N of M" as the caption shows it.
fn counter(w: &Walkthrough) -> (usize, usize) {
    let p = w.view().progress;
    (p.done + 1, p.total)
}

#[test]
fn the_step_counter_follows_the_usual_path_however_a_step_is_reached() {
    for id in SEEDS {
        let s = seed(id);
        let usual = s.usual_path();
        // Played from the start, every step of the usual path counts 1, 2, … M.
        let mut w = start(&s);
        let mut seen = Vec::new();
        while !w.is_finished() {
            seen.push(counter(&w));
            do_current(&mut w);
        }
        let expected: Vec<(usize, usize)> = (1..=usual.len()).map(|n| (n, usual.len())).collect();
        assert_eq!(seen, expected, "{id}");
        // Opened with --step, each step says what a full run would have said there.
        for (i, step) in s.steps.iter().enumerate() {
            let (w, _) = Walkthrough::start_at(s.clone(), Config::default(), &step.id).unwrap();
            assert_eq!(counter(&w), s.step_number(i), "{id}/{}", step.id);
        }
        // A side step taken through a branch does not move the count: it counts as
        // the usual step it leads back to, and the count never goes backwards.
        for step in &s.steps {
            for branch in &step.branches {
                let mut w = start(&s);
                play_to(&mut w, &step.id);
                let before = counter(&w);
                w.apply(Action::satisfying(&branch.when));
                let mut last = before;
                while !w.is_finished() {
                    let now = counter(&w);
                    assert!(now.0 >= last.0 && now.1 == usual.len(), "{id}/{}: {last:?} then {now:?}", step.id);
                    last = now;
                    do_current(&mut w);
                }
                assert_eq!(last, (usual.len(), usual.len()), "{id}: the last step is step M of M");
            }
        }
    }
    // The pharmacy's side step (ask the cashier) comes back to checking the bill.
    let s = seed("pharmacy_medical_code");
    let at = |id: &str| s.step_number(s.step_index(id).unwrap());
    assert_eq!(at("ask_cashier"), at("check_bill"));
}

/// The bank's queue screen calls someone else's number, then the one before the learner's
/// while they wait, then theirs: what it shows follows the steps on the way taken, also when
/// a trainer opens a later step, and starts over with the practice.
#[test]
fn the_queue_screen_calls_the_next_number_while_the_learner_waits() {
    let s = seed("social_card_bank");
    let board = |w: &Walkthrough| w.display_words("queue_screen").cloned();
    let mut w = start(&s);
    assert_eq!(board(&w).as_deref(), Some("card-queue-earlier"));
    play_to(&mut w, "wait_call");
    assert_eq!(board(&w).as_deref(), Some("card-queue-next"));
    play_to(&mut w, "go_counter");
    assert_eq!(board(&w).as_deref(), Some("card-queue-yours"));
    do_current(&mut w);
    assert_eq!(board(&w).as_deref(), Some("card-queue-yours"), "later steps keep the call");
    let (opened, _) = Walkthrough::start_at(Arc::clone(&s), Config::default(), "hand_id").unwrap();
    assert_eq!(board(&opened).as_deref(), Some("card-queue-yours"));
    w.apply(Action::Restart);
    assert_eq!(board(&w).as_deref(), Some("card-queue-earlier"));
    assert_eq!(w.display_words("seats"), None, "a station without a display shows nothing");
}

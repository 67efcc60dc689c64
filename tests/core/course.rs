//! The shipped course as a centre meets it: enough tasks, every area of daily life, scams
//! that arrive the way real ones do and end with what to do, flows that say where they were
//! checked.

use std::collections::{BTreeMap, BTreeSet};

use kuayue::i18n::Catalog;
use kuayue::scenario::course::{arrange, suggested_next};
use kuayue::scenario::project::Project;
use kuayue::scenario::{Module, Scenario, Widget};

use crate::common::{repo, seed, shipped};

fn course() -> Vec<std::sync::Arc<Scenario>> {
    shipped().iter().map(|id| seed(id)).collect()
}

#[test]
fn the_course_has_fourteen_tasks_over_every_area_a_third_of_them_with_a_scam() {
    let course = course();
    assert!(course.len() >= 14, "only {} tasks", course.len());
    let with_trap = course.iter().filter(|s| s.steps.iter().any(|st| st.trap.is_some())).count();
    assert!(with_trap * 3 >= course.len(), "{with_trap} of {} tasks have a scam", course.len());
    let areas: BTreeSet<Module> = course.iter().filter_map(|s| s.module).collect();
    for area in [
        Module::Health,
        Module::Insurance,
        Module::Government,
        Module::Payment,
        Module::Transport,
        Module::Family,
        Module::AntiFraud,
    ] {
        assert!(areas.contains(&area), "no task for {area:?}");
    }
    // Every task has its place in the course and the course suggests the first one first.
    assert!(course.iter().all(|s| s.module.is_some() && s.order.is_some()), "a task without its place");
    let parts = arrange(course.iter());
    let first = suggested_next(&parts, &Default::default()).expect("something to suggest");
    assert_eq!(first.module, Some(Module::PhoneBasics));
}

/// Where a bait sits: the kind of widget that shows it on the step's screen.
fn bait_widget<'a>(scenario: &'a Scenario, step: &kuayue::scenario::Step, bait: &str) -> Option<&'a Widget> {
    let screen = scenario.screen(step.screen.as_deref()?)?;
    screen.widgets.iter().find(|w| w.tap_targets().contains(&bait))
}

#[test]
fn scams_reach_the_learner_by_text_message_call_or_chat_and_end_with_what_to_do() {
    let project = Project::at(repo());
    let (catalog, _) = Catalog::load(&project.locales_dir());
    let zh = catalog.locale("zh-CN").expect("Chinese words");
    let say = |id: &str| zh.get(id, &BTreeMap::new()).unwrap_or_default();
    let mut traps = 0;
    for s in course() {
        for step in &s.steps {
            let Some(trap) = &step.trap else { continue };
            traps += 1;
            let widget = bait_widget(&s, step, &trap.bait).unwrap_or_else(|| panic!("{}/{}: no bait", s.id, step.id));
            assert!(
                matches!(
                    widget,
                    Widget::Sms { .. }
                        | Widget::Chat { .. }
                        | Widget::Notification { .. }
                        | Widget::IncomingCall { .. }
                ),
                "{}/{}: the bait `{}` is on a {widget:?}, not in a message, a chat or a call",
                s.id,
                step.id,
                trap.bait
            );
            // What to do instead: a hotline, or asking family.
            let advice = say(&trap.fell_for) + &say(&trap.refused);
            assert!(
                ["110", "96110", "12393", "12333", "12345", "家人", "子女", "挂断"].iter().any(|w| advice.contains(w)),
                "{}/{}: the words after the scam do not say what to do: {advice}",
                s.id,
                step.id
            );
        }
    }
    assert!(traps >= 5, "only {traps} scams in the course");
}

#[test]
fn every_task_says_which_public_pages_its_flow_was_checked_against() {
    for s in course() {
        let v = &s.verified_against;
        assert!(!v.sources.is_empty(), "{}: no sources", s.id);
        assert!(v.sources.iter().all(|u| u.starts_with("http")), "{}: {:?}", s.id, v.sources);
        assert!(v.notes.as_ref().is_some_and(|n| !n.trim().is_empty()), "{}: no notes", s.id);
        assert_eq!(v.version, "unverified", "{}: not compared with a real phone yet", s.id);
    }
}

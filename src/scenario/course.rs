//! The course: the tasks grouped by module in the suggested order, and which one to
//! suggest next to a learner. Pure; the choose screen draws what this arranges.

use std::collections::HashSet;

use super::model::{Module, Scenario};

/// One part of the course and its tasks, in the suggested order. `module` is `None` for the
/// tasks that belong to no module (a centre's own, listed after the course).
#[derive(Debug, Clone, PartialEq)]
pub struct Part<'a, S> {
    pub module: Option<Module>,
    pub tasks: Vec<&'a S>,
}

/// What the course needs to know of a task.
pub trait Task {
    fn id(&self) -> &str;
    fn module(&self) -> Option<Module>;
    fn order(&self) -> Option<u32>;
}

impl Task for Scenario {
    fn id(&self) -> &str {
        &self.id
    }
    fn module(&self) -> Option<Module> {
        self.module
    }
    fn order(&self) -> Option<u32> {
        self.order
    }
}

impl<T: Task> Task for std::sync::Arc<T> {
    fn id(&self) -> &str {
        T::id(self)
    }
    fn module(&self) -> Option<Module> {
        T::module(self)
    }
    fn order(&self) -> Option<u32> {
        T::order(self)
    }
}

/// Where a task stands in the course: its module's place ([`Module::ALL`], no module last),
/// its `order` (none last), then its id.
pub fn place<S: Task + ?Sized>(task: &S) -> (usize, u32, String) {
    let module = task.module().and_then(|m| Module::ALL.iter().position(|x| *x == m)).unwrap_or(Module::ALL.len());
    (module, task.order().unwrap_or(u32::MAX), task.id().to_owned())
}

/// The tasks by module, modules in the course's order ([`Module::ALL`]), then those without
/// one; within a part by `order` (tasks without one after, by id), so the same files always
/// give the same course. Parts with no task are left out.
pub fn arrange<'a, S: Task>(tasks: impl IntoIterator<Item = &'a S>) -> Vec<Part<'a, S>> {
    let tasks: Vec<&S> = tasks.into_iter().collect();
    let modules = Module::ALL.into_iter().map(Some).chain([None]);
    modules
        .filter_map(|module| {
            let mut in_part: Vec<&S> = tasks.iter().copied().filter(|t| t.module() == module).collect();
            in_part.sort_by_cached_key(|t| place(*t));
            (!in_part.is_empty()).then_some(Part { module, tasks: in_part })
        })
        .collect()
}

/// The first task of the course (in order) that the learner has not done yet; `None` when
/// every course task is done (the tasks of no module are never suggested).
pub fn suggested_next<'a, S: Task>(parts: &[Part<'a, S>], done: &HashSet<String>) -> Option<&'a S> {
    parts.iter().filter(|p| p.module.is_some()).flat_map(|p| p.tasks.iter().copied()).find(|t| !done.contains(t.id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct T(&'static str, Option<Module>, Option<u32>);

    impl Task for T {
        fn id(&self) -> &str {
            self.0
        }
        fn module(&self) -> Option<Module> {
            self.1
        }
        fn order(&self) -> Option<u32> {
            self.2
        }
    }

    fn ids<'a>(parts: &[Part<'a, T>]) -> Vec<(Option<Module>, Vec<&'a str>)> {
        parts.iter().map(|p| (p.module, p.tasks.iter().map(|t| t.0).collect())).collect()
    }

    #[test]
    fn tasks_go_by_module_in_the_course_order_then_by_their_order() {
        let tasks = [
            T("scam_call", Some(Module::AntiFraud), Some(1)),
            T("own_task", None, None),
            T("booking", Some(Module::Health), Some(1)),
            T("pharmacy", Some(Module::Health), Some(3)),
            T("report", Some(Module::Health), Some(2)),
            T("zlb", Some(Module::PhoneBasics), Some(1)),
            T("another", Some(Module::Health), None),
        ];
        assert_eq!(
            ids(&arrange(&tasks)),
            vec![
                (Some(Module::PhoneBasics), vec!["zlb"]),
                (Some(Module::Health), vec!["booking", "report", "pharmacy", "another"]),
                (Some(Module::AntiFraud), vec!["scam_call"]),
                (None, vec!["own_task"]),
            ]
        );
    }

    #[test]
    fn the_next_suggested_is_the_first_course_task_not_done() {
        let tasks = [
            T("zlb", Some(Module::PhoneBasics), Some(1)),
            T("booking", Some(Module::Health), Some(1)),
            T("report", Some(Module::Health), Some(2)),
            T("own_task", None, None),
        ];
        let parts = arrange(&tasks);
        let done = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<HashSet<_>>();
        assert_eq!(suggested_next(&parts, &done(&[])).map(|t| t.0), Some("zlb"));
        assert_eq!(suggested_next(&parts, &done(&["zlb", "report"])).map(|t| t.0), Some("booking"));
        // A centre's own tasks are listed, never suggested.
        assert_eq!(suggested_next(&parts, &done(&["zlb", "booking", "report"])).map(|t| t.0), None);
    }
}

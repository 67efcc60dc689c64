//! xAPI 1.0.3 statements, one JSON array: for each attempt `launched`, one
//! `completed` (or `waived`, when skipped) per step as a sub-activity, and how
//! it ended — `completed`, or `abandoned` (left early or interrupted, told
//! apart by an extension). Verbs come from the ADL / cmi5 vocabulary.
//!
//! Statement ids are name-based UUIDs of the attempt and the event, so
//! exporting the same attempt twice gives the same statements and a learning
//! record store does not count them twice.

use serde_json::{Value, json};

use super::Export;
use crate::progress::model::{Attempt, Millis, Outcome, StepRow};

/// Where kuayue's activities and extensions are named. The `.example` domain is
/// reserved, so these IRIs never collide with a real site.
pub const ACTIVITY_BASE: &str = "https://kuayue.example/xapi";

const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6b75_6179_7565_4b59_8000_7861_7069_3130);

struct Verb {
    id: &'static str,
    en: &'static str,
    zh: &'static str,
}

const LAUNCHED: Verb = Verb { id: "http://adlnet.gov/expapi/verbs/launched", en: "launched", zh: "开始" };
const COMPLETED: Verb = Verb { id: "http://adlnet.gov/expapi/verbs/completed", en: "completed", zh: "完成" };
const ABANDONED: Verb = Verb { id: "https://w3id.org/xapi/adl/verbs/abandoned", en: "abandoned", zh: "中途退出" };
const WAIVED: Verb = Verb { id: "https://w3id.org/xapi/adl/verbs/waived", en: "waived", zh: "跳过" };

fn verb(v: &Verb) -> Value {
    json!({ "id": v.id, "display": { "en-US": v.en, "zh-CN": v.zh } })
}

/// ISO 8601 duration: `PT1M30S`, `PT0.5S`.
pub fn duration(secs: f64) -> String {
    let secs = secs.max(0.0);
    let hours = (secs / 3600.0).floor();
    let minutes = ((secs - hours * 3600.0) / 60.0).floor();
    let rest = ((secs - hours * 3600.0 - minutes * 60.0) * 100.0).round() / 100.0;
    let mut text = String::from("PT");
    if hours > 0.0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0.0 {
        text.push_str(&format!("{minutes}M"));
    }
    if rest > 0.0 || text == "PT" {
        text.push_str(&format!("{rest}S"));
    }
    text
}

fn timestamp(at: Millis) -> String {
    jiff::Timestamp::from_millisecond(at).map(|t| t.to_string()).unwrap_or_default()
}

fn ext(name: &str) -> String {
    format!("{ACTIVITY_BASE}/extensions/{name}")
}

fn scenario_activity(export: &Export, attempt: &Attempt) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!("{ACTIVITY_BASE}/scenarios/{}", attempt.scenario),
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/lesson",
            "name": { attempt.lang.clone(): export.title(&attempt.scenario) },
        },
    })
}

fn step_activity(attempt: &Attempt, step: &StepRow) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!("{ACTIVITY_BASE}/scenarios/{}/steps/{}", attempt.scenario, step.step),
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/interaction",
            "name": { "und": step.step },
        },
    })
}

/// All statements for the export's attempts.
pub fn statements(export: &Export) -> Vec<Value> {
    let mut all = Vec::new();
    for attempt in export.attempts {
        let who = export.who(attempt.learner);
        let mut actor = json!({
            "objectType": "Agent",
            "account": { "homePage": export.home_page, "name": who.account },
        });
        if !export.anonymize && attempt.learner.is_some() {
            actor["name"] = json!(who.name);
        }
        let scenario = scenario_activity(export, attempt);
        let statement = |event: &str, verb_: &Verb, object: Value, at: Millis, result: Option<Value>, parent: bool| {
            let mut context = json!({
                "registration": attempt.uid,
                "language": attempt.lang,
                "platform": "kuayue",
                "extensions": { ext("scenario-version"): attempt.scenario_hash },
            });
            if parent {
                context["contextActivities"] = json!({ "parent": [scenario.clone()] });
            }
            let mut s = json!({
                "id": uuid::Uuid::new_v5(&NAMESPACE, format!("{}/{event}", attempt.uid).as_bytes()).to_string(),
                "actor": actor.clone(),
                "verb": verb(verb_),
                "object": object,
                "context": context,
                "timestamp": timestamp(at),
                "version": "1.0.3",
            });
            if let Some(result) = result {
                s["result"] = result;
            }
            s
        };

        all.push(statement("launched", &LAUNCHED, scenario.clone(), attempt.started, None, false));
        for (seq, step) in attempt.steps.iter().enumerate() {
            let mut extensions = json!({
                ext("wrong-actions"): step.wrong_actions,
                ext("highest-hint"): step.highest_hint,
            });
            if let Some(trap) = step.trap {
                extensions[ext("scam-trap")] = json!(trap.as_str());
            }
            let result = json!({
                "completion": !step.skipped,
                "duration": duration((step.ended - step.started) as f64 / 1000.0),
                "extensions": extensions,
            });
            let verb_ = if step.skipped { &WAIVED } else { &COMPLETED };
            let object = step_activity(attempt, step);
            all.push(statement(&format!("step/{seq}"), verb_, object, step.ended, Some(result), true));
        }
        let ending = match attempt.outcome {
            Outcome::Open => None,
            Outcome::Completed => Some(&COMPLETED),
            Outcome::Abandoned | Outcome::Interrupted => Some(&ABANDONED),
        };
        if let Some(verb_) = ending {
            let completed = attempt.outcome == Outcome::Completed;
            let fell_for = attempt.steps.iter().any(|s| s.trap == Some(crate::progress::Trap::FellFor));
            let result = json!({
                "completion": completed,
                "success": completed && !fell_for,
                "duration": duration(attempt.total_secs.unwrap_or(0.0)),
                "extensions": {
                    ext("outcome"): attempt.outcome.as_str(),
                    ext("wrong-actions"): attempt.wrong_actions(),
                    ext("hints"): attempt.hints(),
                    ext("steps-skipped"): attempt.skipped(),
                },
            });
            let at = attempt.ended.unwrap_or(attempt.started);
            all.push(statement("ended", verb_, scenario.clone(), at, Some(result), false));
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::i18n::{Lang, Messages};
    use crate::progress::export::tests::{export, sample};

    fn is_iri(text: &str) -> bool {
        let Some((scheme, rest)) = text.split_once(':') else { return false };
        scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !text.chars().any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c))
    }

    fn is_duration(text: &str) -> bool {
        let Some(rest) = text.strip_prefix("PT") else { return false };
        !rest.is_empty()
            && rest.ends_with(['H', 'M', 'S'])
            && rest.chars().all(|c| c.is_ascii_digit() || "HMS.".contains(c))
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(90.0), "PT1M30S");
        assert_eq!(duration(0.0), "PT0S");
        assert_eq!(duration(3600.0 + 0.25), "PT1H0.25S");
        assert_eq!(duration(-4.0), "PT0S");
        for d in [0.0, 1.5, 59.999, 61.0, 7322.5] {
            assert!(is_duration(&duration(d)), "{}", duration(d));
        }
    }

    #[test]
    fn every_statement_has_the_required_fields_with_valid_ids() {
        let (attempts, learners) = sample();
        let titles = HashMap::new();
        let msg = Messages::embedded(Lang::ZhCn);
        let all = statements(&export(&attempts, &learners, &titles, &msg, false));
        // launched + 2 steps + completed; launched + 1 step + abandoned; launched + abandoned.
        assert_eq!(all.len(), 4 + 3 + 2);
        let mut ids = std::collections::HashSet::new();
        for s in &all {
            let id = s["id"].as_str().unwrap();
            assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
            assert!(ids.insert(id.to_owned()), "ids are unique");
            assert!(s["actor"]["account"]["homePage"].as_str().is_some_and(is_iri));
            assert!(s["actor"]["account"]["name"].as_str().is_some_and(|n| !n.is_empty()));
            assert!(s["verb"]["id"].as_str().is_some_and(is_iri));
            assert!(s["verb"]["display"]["en-US"].is_string());
            assert!(s["object"]["id"].as_str().is_some_and(is_iri), "{}", s["object"]["id"]);
            assert!(s["timestamp"].as_str().unwrap().parse::<jiff::Timestamp>().is_ok());
            assert!(uuid::Uuid::parse_str(s["context"]["registration"].as_str().unwrap()).is_ok());
            if let Some(d) = s["result"]["duration"].as_str() {
                assert!(is_duration(d), "{d}");
            }
            for key in s["result"]["extensions"].as_object().into_iter().flat_map(|m| m.keys()) {
                assert!(is_iri(key), "{key}");
            }
        }
        assert_eq!(all[0]["verb"]["id"], "http://adlnet.gov/expapi/verbs/launched");
        assert_eq!(all[0]["actor"]["name"], "王阿姨");
        assert_eq!(all[2]["result"]["extensions"][ext("scam-trap")], "refused");
        assert_eq!(all[2]["context"]["contextActivities"]["parent"][0]["id"], all[0]["object"]["id"]);
        assert_eq!(all[3]["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(all[3]["result"]["success"], true);
        assert_eq!(all[3]["result"]["duration"], "PT1M30S");
        assert_eq!(all[6]["verb"]["id"], "https://w3id.org/xapi/adl/verbs/abandoned");
        assert_eq!(all[8]["result"]["extensions"][ext("outcome")], "interrupted");
        assert!(all[7]["actor"].get("name").is_none(), "the guest has no name");
    }

    #[test]
    fn exporting_twice_gives_the_same_statements_and_anonymised_ones_carry_no_names() {
        let (attempts, learners) = sample();
        let titles = HashMap::new();
        let msg = Messages::embedded(Lang::EnUs);
        let once = statements(&export(&attempts, &learners, &titles, &msg, false));
        let twice = statements(&export(&attempts, &learners, &titles, &msg, false));
        assert_eq!(once, twice);
        let hidden = serde_json::to_string(&statements(&export(&attempts, &learners, &titles, &msg, true))).unwrap();
        assert!(!hidden.contains("王阿姨") && !hidden.contains("Bob"));
    }
}

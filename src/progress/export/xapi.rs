//! xAPI 1.0.3 statements, one JSON array: for each attempt `launched`, one
//! `completed` (or `waived`, when skipped) per step as a sub-activity, and how
//! it ended — `completed`, or `abandoned` (left early or interrupted, told
//! apart by an extension). Verbs come from the ADL / cmi5 vocabulary.
//!
//! Statement ids are name-based UUIDs of the attempt and the event, so
//! exporting the same attempt twice gives the same statements and a learning
//! record store does not count them twice.

use std::io::Write;

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::{Value, json};

use super::{Export, ExportError};
use crate::progress::model::{Attempt, Millis, Outcome, StepRow, TrapOutcome};

/// Where kuayue's activities and extensions are named. The `.example` domain is
/// reserved, so these IRIs never collide with a real site.
pub const ACTIVITY_BASE: &str = "https://kuayue.example/xapi";

const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6b75_6179_7565_4b59_8000_7861_7069_3130);

const EXT_VERSION: &str = "https://kuayue.example/xapi/extensions/scenario-version";
const EXT_WRONG: &str = "https://kuayue.example/xapi/extensions/wrong-actions";
const EXT_HINT_LEVEL: &str = "https://kuayue.example/xapi/extensions/highest-hint";
const EXT_HINTS: &str = "https://kuayue.example/xapi/extensions/hints";
const EXT_SKIPPED: &str = "https://kuayue.example/xapi/extensions/steps-skipped";
const EXT_TRAP: &str = "https://kuayue.example/xapi/extensions/scam-trap";
const EXT_OUTCOME: &str = "https://kuayue.example/xapi/extensions/outcome";

#[derive(Serialize)]
struct Verb {
    id: &'static str,
    display: Display,
}

#[derive(Serialize)]
struct Display {
    #[serde(rename = "en-US")]
    en: &'static str,
    #[serde(rename = "zh-CN")]
    zh: &'static str,
}

const LAUNCHED: Verb =
    Verb { id: "http://adlnet.gov/expapi/verbs/launched", display: Display { en: "launched", zh: "开始" } };
const COMPLETED: Verb =
    Verb { id: "http://adlnet.gov/expapi/verbs/completed", display: Display { en: "completed", zh: "完成" } };
const ABANDONED: Verb =
    Verb { id: "https://w3id.org/xapi/adl/verbs/abandoned", display: Display { en: "abandoned", zh: "中途退出" } };
const WAIVED: Verb =
    Verb { id: "https://w3id.org/xapi/adl/verbs/waived", display: Display { en: "waived", zh: "跳过" } };
const VOIDED: Verb =
    Verb { id: "http://adlnet.gov/expapi/verbs/voided", display: Display { en: "voided", zh: "作废" } };

#[derive(Serialize)]
struct Account<'a> {
    #[serde(rename = "homePage")]
    home_page: &'a str,
    name: String,
}

#[derive(Serialize)]
struct Actor<'a> {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    account: Account<'a>,
}

/// A one-entry language map, `{ "zh-CN": "预约挂号" }`.
struct LangMap<'a>(&'a str, &'a str);

impl Serialize for LangMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}

#[derive(Serialize)]
struct Definition<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: LangMap<'a>,
}

#[derive(Serialize)]
struct Activity<'a> {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<Definition<'a>>,
}

#[derive(Serialize)]
struct ContextActivities<'a> {
    parent: [Activity<'a>; 1],
}

#[derive(Serialize)]
struct Context<'a> {
    registration: &'a str,
    language: &'a str,
    platform: &'static str,
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    context_activities: Option<ContextActivities<'a>>,
    extensions: LangMap<'a>,
}

#[derive(Serialize)]
struct Outcomes {
    #[serde(skip_serializing_if = "Option::is_none")]
    success: Option<bool>,
    completion: bool,
    duration: String,
    extensions: serde_json::Map<String, Value>,
}

#[derive(Serialize)]
struct Statement<'a> {
    id: String,
    actor: &'a Actor<'a>,
    verb: &'static Verb,
    object: Activity<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<Outcomes>,
    context: Context<'a>,
    timestamp: String,
    version: &'static str,
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

fn extensions(pairs: &[(&str, Value)]) -> serde_json::Map<String, Value> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

/// Calls `emit` with each statement of one attempt, in time order.
fn attempt_statements(
    export: &Export,
    attempt: &Attempt,
    emit: &mut dyn FnMut(&Statement) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let who = export.who(attempt.learner);
    let actor = Actor {
        object_type: "Agent",
        name: (!export.anonymize && attempt.learner.is_some()).then_some(who.name),
        account: Account { home_page: export.home_page, name: who.account },
    };
    let scenario_id = format!("{ACTIVITY_BASE}/scenarios/{}", attempt.scenario);
    let title = export.title(&attempt.scenario);
    let scenario = || Activity {
        object_type: "Activity",
        id: &scenario_id,
        definition: Some(Definition {
            kind: "http://adlnet.gov/expapi/activities/lesson",
            name: LangMap(&attempt.lang, &title),
        }),
    };
    let context = |parent: bool| Context {
        registration: &attempt.uid,
        language: &attempt.lang,
        platform: "kuayue",
        context_activities: parent.then(|| ContextActivities {
            parent: [Activity { object_type: "Activity", id: &scenario_id, definition: None }],
        }),
        extensions: LangMap(EXT_VERSION, &attempt.scenario_hash),
    };
    let id = |event: &str| statement_id(&attempt.uid, event);

    emit(&Statement {
        id: id("launched"),
        actor: &actor,
        verb: &LAUNCHED,
        object: scenario(),
        result: None,
        context: context(false),
        timestamp: timestamp(attempt.started),
        version: "1.0.3",
    })?;
    for (seq, row) in attempt.steps.iter().enumerate() {
        let step = &row.record;
        let step_id = format!("{scenario_id}/steps/{}", step.step);
        let mut ext = extensions(&[(EXT_WRONG, json!(step.wrong_actions)), (EXT_HINT_LEVEL, json!(step.highest_hint))]);
        if let Some(trap) = step.trap {
            ext.insert(EXT_TRAP.to_owned(), json!(trap.as_str()));
        }
        emit(&Statement {
            id: id(&format!("step/{seq}")),
            actor: &actor,
            verb: if step.skipped { &WAIVED } else { &COMPLETED },
            object: Activity {
                object_type: "Activity",
                id: &step_id,
                definition: Some(Definition {
                    kind: "http://adlnet.gov/expapi/activities/interaction",
                    name: LangMap("und", &step.step),
                }),
            },
            result: Some(Outcomes {
                success: None,
                completion: !step.skipped,
                duration: duration(step_secs(row)),
                extensions: ext,
            }),
            context: context(true),
            timestamp: timestamp(row.ended),
            version: "1.0.3",
        })?;
    }
    let verb = match attempt.outcome {
        Outcome::Open => return Ok(()),
        Outcome::Completed => &COMPLETED,
        Outcome::Abandoned | Outcome::Interrupted => &ABANDONED,
    };
    let completed = attempt.outcome == Outcome::Completed;
    let fell_for = attempt.steps.iter().any(|s| s.record.trap == Some(TrapOutcome::FellFor));
    emit(&Statement {
        id: id("ended"),
        actor: &actor,
        verb,
        object: scenario(),
        result: Some(Outcomes {
            success: Some(completed && !fell_for),
            completion: completed,
            duration: duration(attempt.total_secs.unwrap_or(0.0)),
            extensions: extensions(&[
                (EXT_OUTCOME, json!(attempt.outcome.as_str())),
                (EXT_WRONG, json!(attempt.wrong_actions())),
                (EXT_HINTS, json!(attempt.hints())),
                (EXT_SKIPPED, json!(attempt.skipped())),
            ]),
        }),
        context: context(false),
        timestamp: timestamp(attempt.ended.unwrap_or(attempt.started)),
        version: "1.0.3",
    })
}

fn step_secs(step: &StepRow) -> f64 {
    (step.ended - step.started) as f64 / 1000.0
}

/// Streams all statements as one JSON array, one statement per line.
pub fn write(export: &Export, out: &mut impl Write) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: "xAPI".into(), source };
    let mut first = true;
    out.write_all(b"[").map_err(io)?;
    for attempt in export.attempts {
        attempt_statements(export, attempt, &mut |statement| {
            out.write_all(if first { b"\n" } else { b",\n" }).map_err(io)?;
            first = false;
            serde_json::to_writer(&mut *out, statement).map_err(|e| io(e.into()))
        })?;
    }
    out.write_all(b"\n]\n").map_err(io)
}

/// The stable id of an attempt's statement: `launched`, `step/<n>` (the n-th
/// step, from 0) or `ended`.
pub fn statement_id(attempt_uid: &str, event: &str) -> String {
    uuid::Uuid::new_v5(&NAMESPACE, format!("{attempt_uid}/{event}").as_bytes()).to_string()
}

/// One attempt's statements as they are queued for a learning record store:
/// `(statement id, JSON body)`, in time order.
pub fn attempt_bodies(export: &Export, attempt: &Attempt) -> Vec<(String, String)> {
    let mut all = Vec::new();
    let _ = attempt_statements(export, attempt, &mut |s| {
        all.push((s.id.clone(), serde_json::to_string(s).unwrap_or_default()));
        Ok(())
    });
    all
}

/// The stable id of the statement that voids statement `target`.
pub fn voiding_id(target: &str) -> String {
    uuid::Uuid::new_v5(&NAMESPACE, format!("voided/{target}").as_bytes()).to_string()
}

/// The statement that voids statement `target` (an attempt recorded by
/// mistake): its own stable id, sent by the centre.
pub fn voiding(home_page: &str, target: &str, at: Millis) -> (String, String) {
    let id = voiding_id(target);
    let body = json!({
        "id": id,
        "actor": { "objectType": "Agent", "account": { "homePage": home_page, "name": "centre" } },
        "verb": VOIDED,
        "object": { "objectType": "StatementRef", "id": target },
        "timestamp": timestamp(at),
        "version": "1.0.3",
    });
    (id, body.to_string())
}

/// All statements, as JSON values.
pub fn statements(export: &Export) -> Vec<Value> {
    let mut all = Vec::new();
    for attempt in export.attempts {
        let _ = attempt_statements(export, attempt, &mut |s| {
            all.push(serde_json::to_value(s).unwrap_or(Value::Null));
            Ok(())
        });
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
        assert_eq!(all[2]["result"]["extensions"][EXT_TRAP], "refused");
        assert_eq!(all[2]["context"]["contextActivities"]["parent"][0]["id"], all[0]["object"]["id"]);
        assert_eq!(all[3]["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(all[3]["result"]["success"], true);
        assert_eq!(all[3]["result"]["duration"], "PT1M30S");
        assert_eq!(all[6]["verb"]["id"], "https://w3id.org/xapi/adl/verbs/abandoned");
        assert_eq!(all[8]["result"]["extensions"][EXT_OUTCOME], "interrupted");
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
        let mut hidden = Vec::new();
        write(&export(&attempts, &learners, &titles, &msg, true), &mut hidden).unwrap();
        let parsed: Vec<Value> = serde_json::from_slice(&hidden).unwrap();
        assert_eq!(parsed.len(), once.len(), "the streamed file is one JSON array");
        let hidden = String::from_utf8(hidden).unwrap();
        assert!(!hidden.contains("王阿姨") && !hidden.contains("Bob"));
    }
}

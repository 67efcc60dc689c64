//! `kuayue sync`: set up the learning record store, send what is queued now,
//! and say where sending stands, in the trainer's words.

use super::say;
use crate::i18n::Messages;
use crate::progress::store::SEND_NAMES_KEY;
use crate::progress::sync::{self, Http, Problem, Settings, Status, Transport};
use crate::progress::{Millis, Store};

/// What the trainer asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub endpoint: Option<String>,
    pub key: Option<String>,
    pub secret: Option<String>,
    /// Only say where sending stands.
    pub status: bool,
    /// Send names from now on (`Some(true)`), or codes only (`Some(false)`).
    pub names: Option<bool>,
    pub retry_flagged: bool,
    pub resend_all: bool,
    /// An attempt to take back, by its id.
    pub void: Option<String>,
    /// The centre's address as the city office names it (the `homePage` of its learners).
    pub centre: Option<String>,
}

fn now() -> Millis {
    jiff::Timestamp::now().as_millisecond()
}

/// Runs the request with the real HTTP client.
pub fn run(store: &Store, request: &Request, msg: &Messages) -> Result<String, String> {
    run_with(store, request, msg, &mut Http::default())
}

/// Runs the request: `Ok` with what to print, `Err` (exit code 1) when records
/// could not all be sent — nothing is lost either way.
pub fn run_with(
    store: &Store,
    request: &Request,
    msg: &Messages,
    transport: &mut dyn Transport,
) -> Result<String, String> {
    let failed = |e: crate::progress::StoreError| e.to_string();
    let mut lines = Vec::new();
    if let Some(names) = request.names {
        store.set_setting(SEND_NAMES_KEY, if names { "yes" } else { "no" }).map_err(failed)?;
        lines.push(msg.text(if names { "sync-names-on" } else { "sync-names-off" }));
    }
    if let Some(centre) = &request.centre {
        match sync::set_centre(store, centre).map_err(failed)? {
            Ok(()) => lines.push(say(msg, "sync-centre-set", &[("centre", centre.trim())])),
            Err(problem) => return Err(problem.text(msg)),
        }
    }
    if let Some(uid) = &request.void {
        let count = store.void_attempt(uid.trim(), now()).map_err(|e| match e {
            crate::progress::StoreError::NoSuchAttempt(uid) => say(msg, "sync-no-such-practice", &[("id", &uid)]),
            e => e.to_string(),
        })?;
        lines.push(say(msg, "sync-voided", &[("count", &count.to_string())]));
    }
    if request.retry_flagged || request.resend_all {
        let count = store.outbox_requeue(request.resend_all).map_err(failed)?;
        lines.push(say(msg, "sync-requeued", &[("count", &count.to_string())]));
    }
    let mut about_problem = None;
    let asked_setup = request.endpoint.is_some() || request.key.is_some() || request.secret.is_some();
    if asked_setup {
        let old = Settings::load(store).map_err(failed)?;
        let pick = |new: &Option<String>, old: Option<&String>| new.clone().or(old.cloned()).unwrap_or_default();
        let endpoint = pick(&request.endpoint, old.as_ref().map(|o| &o.endpoint));
        let settings = match Settings::new(
            &endpoint,
            &pick(&request.key, old.as_ref().map(|o| &o.key)),
            &pick(&request.secret, old.as_ref().map(|o| &o.secret)),
        ) {
            Ok(settings) => settings,
            Err(problem) => return Err(problem.text(msg)),
        };
        settings.save(store).map_err(failed)?;
        lines.push(say(msg, "sync-saved", &[("endpoint", &settings.endpoint)]));
        // The optional check: does it speak xAPI 1.0? A failure here is said, and sending still tries.
        match sync::check_about(&settings, transport) {
            Ok(versions) => lines.push(say(msg, "sync-about-ok", &[("version", &versions.join(", "))])),
            Err(problem) => about_problem = Some(problem),
        }
    }
    let settings = Settings::load(store).map_err(failed)?;
    let (sent, problem) = match (&settings, request.status) {
        (None, _) => (0, Some(Problem::NotSetUp)),
        (Some(_), true) => (0, None),
        (Some(settings), false) => {
            let round = sync::send_queued(store, settings, transport, &now).map_err(failed)?;
            (round.sent, round.problem)
        }
    };
    let status = Status::read(store, problem.clone()).map_err(failed)?;
    let sent_now = say(msg, "sync-sent-now", &[("sent", &sent.to_string())]);
    lines.push(format!("{sent_now} {}", status.summary(msg)));
    // What /about found is said once, unless sending itself met the same problem.
    let shown = [about_problem.filter(|p| Some(p) != status.problem.as_ref()), status.problem.clone()];
    lines.extend(shown.iter().flatten().map(|problem| problem.text(msg)));
    lines.extend(sync::flagged_lines(store, msg, 20).map_err(failed)?);
    let text = lines.join("\n");
    // `--status` only reports; sending that stopped short is a failure a script can see.
    if problem.is_some() && !request.status { Err(text) } else { Ok(text) }
}

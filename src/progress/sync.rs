//! Sending the outbox to a learning record store (xAPI 1.0.3).
//!
//! Every statement is queued in the same commit as the record it tells of
//! (see [`Store`]); this module only carries queued statements out, in queue
//! order, in batches, and writes down what the record store answered:
//!
//! - 200/204: sent;
//! - network error, timeout, 5xx, 429: kept queued, tried again later with
//!   exponential backoff and jitter ([`Backoff`]);
//! - 409 (the record store holds a different statement with that id): flagged
//!   for a trainer, never retried by itself;
//! - 400 (malformed): kept aside with the reason, so it never blocks the queue;
//! - 401/403: sending pauses with a set-up message;
//! - anything else (a web page, 404, garbage): the address is not a record
//!   store's; nothing is marked.
//!
//! A batch the record store refuses as a whole (400/409) is halved until the
//! statement at fault is found, so the good ones still go. Statement ids are
//! fixed, and record stores keep one copy per id, so sending a batch twice
//! (after a lost answer, a crash, a kill) never counts anything twice.

use std::collections::BTreeMap;
use std::time::Duration;

use super::Millis;
use super::store::{OutboxState, Queued, Store, StoreError};
use crate::i18n::Messages;

/// Store settings: where to send, and as whom.
pub const ENDPOINT_KEY: &str = "lrs-endpoint";
pub const KEY_KEY: &str = "lrs-key";
pub const SECRET_KEY: &str = "lrs-secret";

/// Statements per request: small enough for any record store's limits, large
/// enough that a queue of weeks drains in minutes.
pub const BATCH: usize = 100;

/// How long the app's sender rests between batches (milliseconds).
pub const APP_PAUSE_MS: u64 = 50;

/// The record store to send to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The xAPI endpoint, ending in `/` (e.g. `https://lrs.example.gov.cn/xAPI/`).
    pub endpoint: String,
    pub key: String,
    pub secret: String,
}

impl Settings {
    /// Checks and tidies what a trainer typed: an http(s) address, made to end in `/`.
    pub fn new(endpoint: &str, key: &str, secret: &str) -> Result<Settings, Problem> {
        let endpoint = endpoint.trim();
        let (scheme, rest) = endpoint.split_once("://").unwrap_or(("", ""));
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
            || host.is_empty()
            || endpoint.chars().any(char::is_whitespace)
        {
            return Err(Problem::BadEndpoint(endpoint.to_owned()));
        }
        let mut endpoint = endpoint.to_owned();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Ok(Settings { endpoint, key: key.trim().to_owned(), secret: secret.trim().to_owned() })
    }

    /// The settings kept in `store`, if a record store was set up.
    pub fn load(store: &Store) -> Result<Option<Settings>, StoreError> {
        let Some(endpoint) = store.setting(ENDPOINT_KEY)?.filter(|e| !e.is_empty()) else { return Ok(None) };
        Ok(Some(Settings {
            endpoint,
            key: store.setting(KEY_KEY)?.unwrap_or_default(),
            secret: store.setting(SECRET_KEY)?.unwrap_or_default(),
        }))
    }

    pub fn save(&self, store: &Store) -> Result<(), StoreError> {
        store.set_setting(ENDPOINT_KEY, &self.endpoint)?;
        store.set_setting(KEY_KEY, &self.key)?;
        store.set_setting(SECRET_KEY, &self.secret)?;
        // A new address or key is a fresh start: a pause for a refused key ends.
        store.set_setting(PAUSED_KEY, "")
    }

    fn authorization(&self) -> String {
        basic_auth(&self.key, &self.secret)
    }

    fn statements_url(&self) -> String {
        format!("{}statements", self.endpoint)
    }

    fn about_url(&self) -> String {
        format!("{}about", self.endpoint)
    }
}

/// Where a pause for a refused key is kept, so a restart does not hammer the record store.
const PAUSED_KEY: &str = "lrs-paused";

/// The HTTP status that paused sending (a refused key), if it is paused.
fn paused(store: &Store) -> Result<Option<u16>, StoreError> {
    Ok(store.setting(PAUSED_KEY)?.filter(|p| !p.is_empty()).map(|p| p.parse().unwrap_or(401)))
}

/// `Basic base64(key:secret)`.
fn basic_auth(key: &str, secret: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{key}:{secret}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// What came back for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An HTTP answer: status, body, and `Retry-After` seconds if given.
    Http { status: u16, body: String, retry_after: Option<u64> },
    /// No answer: refused, reset, timed out, name not found.
    Network(String),
    /// The secure connection failed (certificate, protocol).
    Tls(String),
}

/// How requests reach the record store (a real HTTP client, or a test double).
pub trait Transport {
    fn post(&mut self, url: &str, authorization: &str, body: &str) -> Reply;
    fn get(&mut self, url: &str, authorization: &str) -> Reply;
}

/// The real client: blocking HTTP(S), 30-second timeouts, the platform's certificates.
pub struct Http {
    agent: ureq::Agent,
}

impl Default for Http {
    fn default() -> Http {
        let tls = ureq::tls::TlsConfig::builder().root_certs(ureq::tls::RootCerts::PlatformVerifier).build();
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            .tls_config(tls)
            .user_agent(concat!("kuayue/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Http { agent }
    }
}

impl Http {
    fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        match result {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse().ok());
                // A record store's answer is small; a web page sent by mistake is cut short.
                let body = response.body_mut().with_config().limit(1 << 20).read_to_string().unwrap_or_default();
                Reply::Http { status, body, retry_after }
            }
            Err(e @ (ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired)) => {
                Reply::Tls(e.to_string())
            }
            // rustls reports a failed handshake through the connection's I/O error.
            Err(ureq::Error::Io(e)) if e.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) => {
                Reply::Tls(e.to_string())
            }
            Err(e) => Reply::Network(e.to_string()),
        }
    }
}

impl Transport for Http {
    fn post(&mut self, url: &str, authorization: &str, body: &str) -> Reply {
        Http::reply(
            self.agent
                .post(url)
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "1.0.3")
                .content_type("application/json")
                .send(body),
        )
    }

    fn get(&mut self, url: &str, authorization: &str) -> Reply {
        Http::reply(
            self.agent
                .get(url)
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "1.0.3")
                .call(),
        )
    }
}

/// Why sending stopped (nothing queued is lost in any of these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No connection, a timeout, or the record store is busy or down: tried again later.
    Offline(String),
    /// The key or secret was refused: sending waits until they are set again.
    Refused(u16),
    /// Something answered that is not a record store (wrong address, a web page).
    NotAnLrs(String),
    /// The secure connection failed.
    Tls(String),
    /// The address is not a web address.
    BadEndpoint(String),
    /// No record store is set up.
    NotSetUp,
    /// The centre's address cannot change: records were already sent under this one.
    CentreFixed(String),
}

impl Problem {
    /// Whether sending should wait for new settings rather than try again by itself.
    pub fn needs_trainer(&self) -> bool {
        matches!(self, Problem::Refused(_) | Problem::BadEndpoint(_) | Problem::NotSetUp | Problem::CentreFixed(_))
    }

    /// The problem in plain words, in `msg`'s language.
    pub fn text(&self, msg: &Messages) -> String {
        let say = |id: &str, pairs: &[(&str, String)]| {
            msg.get(id, &pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect::<BTreeMap<_, _>>())
        };
        match self {
            Problem::Offline(reason) => say("sync-offline", &[("reason", reason.clone())]),
            Problem::Refused(status) => say("sync-refused", &[("status", status.to_string())]),
            Problem::NotAnLrs(reason) => say("sync-not-lrs", &[("reason", reason.clone())]),
            Problem::Tls(reason) => say("sync-tls", &[("reason", reason.clone())]),
            Problem::BadEndpoint(endpoint) => say("sync-bad-endpoint", &[("endpoint", endpoint.clone())]),
            Problem::NotSetUp => msg.text("sync-not-set-up"),
            Problem::CentreFixed(centre) => say("sync-centre-fixed", &[("centre", centre.clone())]),
        }
    }

    /// A short, stable word for logs and the test report.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::Offline(_) => "offline",
            Problem::Refused(_) => "refused",
            Problem::NotAnLrs(_) => "not-lrs",
            Problem::Tls(_) => "tls",
            Problem::BadEndpoint(_) => "bad-endpoint",
            Problem::NotSetUp => "not-set-up",
            Problem::CentreFixed(_) => "centre-fixed",
        }
    }
}

/// What one round of sending did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    /// Newly flagged: a different statement with the same id is in the record store.
    pub conflicts: usize,
    /// Newly kept aside as malformed.
    pub rejected: usize,
    /// Why the round stopped before the queue was empty.
    pub problem: Option<Problem>,
    /// `Retry-After` from the record store, in seconds.
    pub retry_after: Option<u64>,
}

/// One text cut to at most `max` characters, for reasons kept in the store.
fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// How one batch went.
enum Batch {
    Done,
    Stop(Problem, Option<u64>),
}

/// Sends queued statements, oldest first, until the queue is empty or the
/// record store cannot take more now. `now` gives the wall clock.
pub fn send_queued(
    store: &Store,
    settings: &Settings,
    transport: &mut dyn Transport,
    now: &dyn Fn() -> Millis,
) -> Result<Round, StoreError> {
    send_queued_paced(store, settings, transport, now, Duration::ZERO)
}

/// [`send_queued`], resting `pause` between batches: in the app, a backlog of
/// weeks then drains without taking the processor from the learner's window.
pub fn send_queued_paced(
    store: &Store,
    settings: &Settings,
    transport: &mut dyn Transport,
    now: &dyn Fn() -> Millis,
    pause: Duration,
) -> Result<Round, StoreError> {
    let mut round = Round::default();
    if let Some(status) = paused(store)? {
        round.problem = Some(Problem::Refused(status));
        return Ok(round);
    }
    for n in 0.. {
        if n > 0 && !pause.is_zero() {
            std::thread::sleep(pause);
        }
        let batch = store.outbox_next(BATCH)?;
        if batch.is_empty() {
            return Ok(round);
        }
        let delivered = deliver(store, settings, transport, &batch, &mut round, now)?;
        store.tidy_log()?;
        if let Batch::Stop(problem, retry_after) = delivered {
            if let Problem::Refused(status) = problem {
                store.set_setting(PAUSED_KEY, &status.to_string())?;
            }
            round.problem = Some(problem);
            round.retry_after = retry_after;
            return Ok(round);
        }
    }
    Ok(round)
}

/// Sends `items` as one request, halving a batch the record store refuses as a whole.
fn deliver(
    store: &Store,
    settings: &Settings,
    transport: &mut dyn Transport,
    items: &[Queued],
    round: &mut Round,
    now: &dyn Fn() -> Millis,
) -> Result<Batch, StoreError> {
    let seqs: Vec<i64> = items.iter().map(|q| q.seq).collect();
    let mut body = String::with_capacity(items.iter().map(|q| q.body.len() + 1).sum::<usize>() + 2);
    body.push('[');
    for (i, q) in items.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&q.body);
    }
    body.push(']');
    let reply = transport.post(&settings.statements_url(), &settings.authorization(), &body);
    let (status, text, retry_after) = match reply {
        Reply::Network(reason) => {
            store.outbox_tried(&seqs, &short(&reason, 200))?;
            return Ok(Batch::Stop(Problem::Offline(reason), None));
        }
        Reply::Tls(reason) => {
            store.outbox_tried(&seqs, &short(&reason, 200))?;
            return Ok(Batch::Stop(Problem::Tls(reason), None));
        }
        Reply::Http { status, body, retry_after } => (status, body, retry_after),
    };
    match status {
        200 | 204 => {
            // A record store answers a POST with the ids it holds; a web page or a
            // proxy's "OK" is not that, and nothing is marked sent on its word.
            if status == 200 && !answers_ids(&text, items) {
                let reason = short(&text, 120);
                store.outbox_tried(&seqs, &format!("not an xAPI answer: {reason}"))?;
                return Ok(Batch::Stop(Problem::NotAnLrs(format!("HTTP 200: {reason}")), None));
            }
            store.outbox_mark(&seqs, OutboxState::Sent, None, now())?;
            round.sent += items.len();
            Ok(Batch::Done)
        }
        400 | 409 if items.len() > 1 => {
            let (left, right) = items.split_at(items.len() / 2);
            if let stop @ Batch::Stop(..) = deliver(store, settings, transport, left, round, now)? {
                return Ok(stop);
            }
            deliver(store, settings, transport, right, round, now)
        }
        409 => {
            store.outbox_mark(&seqs, OutboxState::Conflict, Some(&short(&text, 300)), now())?;
            round.conflicts += 1;
            Ok(Batch::Done)
        }
        400 => {
            store.outbox_mark(&seqs, OutboxState::Rejected, Some(&short(&text, 300)), now())?;
            round.rejected += 1;
            Ok(Batch::Done)
        }
        401 | 403 => {
            store.outbox_tried(&seqs, &format!("HTTP {status}"))?;
            Ok(Batch::Stop(Problem::Refused(status), None))
        }
        408 | 429 | 500..=599 => {
            store.outbox_tried(&seqs, &format!("HTTP {status}: {}", short(&text, 160)))?;
            Ok(Batch::Stop(Problem::Offline(format!("HTTP {status}")), retry_after))
        }
        _ => {
            store.outbox_tried(&seqs, &format!("HTTP {status}: {}", short(&text, 160)))?;
            Ok(Batch::Stop(Problem::NotAnLrs(format!("HTTP {status}: {}", short(&text, 120))), None))
        }
    }
}

/// Whether `text` is the JSON array of statement ids a record store answers a POST with.
fn answers_ids(text: &str, items: &[Queued]) -> bool {
    let Ok(serde_json::Value::Array(ids)) = serde_json::from_str::<serde_json::Value>(text) else { return false };
    ids.len() == items.len() && ids.iter().all(serde_json::Value::is_string)
}

/// Sets the centre's address (the `homePage` of its learners' accounts) while
/// nothing has been sent under the one in use: records already sent keep
/// theirs, and changing it then would make one centre look like two.
pub fn set_centre(store: &Store, centre: &str) -> Result<Result<(), Problem>, StoreError> {
    let centre = centre.trim();
    if Settings::new(centre, "", "").is_err() {
        return Ok(Err(Problem::BadEndpoint(centre.to_owned())));
    }
    let current = store.home_page()?;
    if store.outbox_counts()?.sent > 0 && current != centre {
        return Ok(Err(Problem::CentreFixed(current)));
    }
    store.set_setting(super::report::HOME_PAGE_KEY, centre)?;
    Ok(Ok(()))
}

/// What `/about` said: the xAPI versions the record store speaks.
pub fn check_about(settings: &Settings, transport: &mut dyn Transport) -> Result<Vec<String>, Problem> {
    match transport.get(&settings.about_url(), &settings.authorization()) {
        Reply::Network(reason) => Err(Problem::Offline(reason)),
        Reply::Tls(reason) => Err(Problem::Tls(reason)),
        Reply::Http { status: 401 | 403, .. } => Err(Problem::Refused(401)),
        Reply::Http { status: 200, body, .. } => {
            let versions: Option<Vec<String>> = serde_json::from_str::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("version").cloned())
                .and_then(|v| serde_json::from_value(v).ok());
            match versions {
                Some(v) if v.iter().any(|v| v.starts_with("1.0")) => Ok(v),
                Some(v) => Err(Problem::NotAnLrs(format!("xAPI {}", v.join(", ")))),
                None => Err(Problem::NotAnLrs(format!("/about: {}", short(&body, 120)))),
            }
        }
        Reply::Http { status, body, .. } => Err(Problem::NotAnLrs(format!("HTTP {status}: {}", short(&body, 120)))),
    }
}

/// Waits between tries after a failure: 5 s, 10 s, 20 s … up to 15 minutes,
/// each with ±25 % jitter so a whole city's PCs coming back online at once
/// don't knock on the record store in step.
#[derive(Debug, Clone, Default)]
pub struct Backoff {
    failures: u32,
}

impl Backoff {
    pub const FIRST: Duration = Duration::from_secs(5);
    pub const LONGEST: Duration = Duration::from_secs(15 * 60);

    /// After a failure: how long to wait (at least `retry_after`, if the record store said so).
    pub fn failed(&mut self, retry_after: Option<u64>, jitter: f64) -> Duration {
        let base = Self::FIRST.as_secs_f64() * 2f64.powi(self.failures.min(16) as i32);
        self.failures += 1;
        let wait = base.min(Self::LONGEST.as_secs_f64()) * (0.75 + 0.5 * jitter.clamp(0.0, 1.0));
        let floor = retry_after.map_or(0.0, |s| s.min(3600) as f64);
        Duration::from_secs_f64(wait.max(floor))
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// A number in `0..1` that differs between PCs and moments, for jitter.
pub fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher
        .write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Where sending stands, for the trainer's corner and `kuayue sync --status`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub endpoint: Option<String>,
    pub counts: super::store::OutboxCounts,
    pub problem: Option<Problem>,
}

impl Status {
    pub fn read(store: &Store, problem: Option<Problem>) -> Result<Status, StoreError> {
        let endpoint = Settings::load(store)?.map(|s| s.endpoint);
        let problem = problem.or(paused(store)?.map(Problem::Refused));
        Ok(Status { endpoint, counts: store.outbox_counts()?, problem })
    }

    /// The summary line: waiting, flagged, sent, last sent (in this computer's time zone).
    pub fn summary(&self, msg: &Messages) -> String {
        let last = self.counts.last_sent.map_or_else(
            || msg.text("sync-never"),
            |at| {
                jiff::Timestamp::from_millisecond(at)
                    .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default()
            },
        );
        let pairs = [
            ("queued", self.counts.queued.to_string()),
            ("flagged", (self.counts.conflict + self.counts.rejected).to_string()),
            ("total", self.counts.sent.to_string()),
            ("last", last),
        ];
        msg.get("sync-summary", &pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }
}

/// The flagged statements in plain words, at most `limit` lines.
pub fn flagged_lines(store: &Store, msg: &Messages, limit: usize) -> Result<Vec<String>, StoreError> {
    Ok(store
        .outbox_flagged(limit)?
        .iter()
        .map(|f| {
            let (id, reason) = (f.id.clone(), f.reason.clone());
            match f.state {
                OutboxState::Conflict => msg.get("sync-flagged-conflict", &BTreeMap::from([("id".to_owned(), id)])),
                _ => msg.get(
                    "sync-flagged-rejected",
                    &BTreeMap::from([("id".to_owned(), id), ("reason".to_owned(), reason)]),
                ),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{NewAttempt, Outcome, StepRecord, StepRow};

    /// A record store in memory that answers as told, keeping what it stores.
    #[derive(Default)]
    struct Fake {
        held: BTreeMap<String, String>,
        script: Vec<Reply>,
        posts: usize,
        /// Statements it finds malformed.
        malformed: std::collections::HashSet<String>,
    }

    impl Transport for Fake {
        fn post(&mut self, _url: &str, auth: &str, body: &str) -> Reply {
            self.posts += 1;
            if !self.script.is_empty() {
                return self.script.remove(0);
            }
            assert_eq!(auth, "Basic a2V5OnNlY3JldA==");
            let statements: Vec<serde_json::Value> = serde_json::from_str(body).unwrap();
            let mut ids = Vec::new();
            for s in &statements {
                if s.get("verb").is_none() || self.malformed.contains(s["id"].as_str().unwrap()) {
                    return Reply::Http { status: 400, body: "Missing verb".into(), retry_after: None };
                }
                let id = s["id"].as_str().unwrap().to_owned();
                if self.held.get(&id).is_some_and(|held| held.as_str() != s.to_string().as_str()) {
                    return Reply::Http { status: 409, body: format!("{id} is conflicting"), retry_after: None };
                }
                ids.push(id);
            }
            for s in statements {
                self.held.insert(s["id"].as_str().unwrap().to_owned(), s.to_string());
            }
            Reply::Http { status: 200, body: serde_json::to_string(&ids).unwrap(), retry_after: None }
        }

        fn get(&mut self, _url: &str, _auth: &str) -> Reply {
            Reply::Http { status: 200, body: r#"{"version":["1.0.3"]}"#.into(), retry_after: None }
        }
    }

    fn settings() -> Settings {
        Settings::new("http://127.0.0.1:8200/xAPI", "key", "secret").unwrap()
    }

    fn practise(store: &Store, steps: usize, started: Millis) -> crate::progress::AttemptId {
        let new = NewAttempt {
            learner: None,
            scenario: "pay".into(),
            scenario_hash: "h".into(),
            lang: "zh-CN".into(),
            started,
            title: Some("缴费".into()),
        };
        let id = store.start_attempt(&new).unwrap();
        for n in 0..steps {
            let record = StepRecord { step: format!("s{n}"), ..StepRecord::default() };
            let at = started + 1_000 * (n as Millis + 1);
            store.record_step(id, &StepRow::new(at - 1_000, at, record)).unwrap();
        }
        store.finish_attempt(id, Outcome::Completed, started + 60_000).unwrap();
        id
    }

    #[test]
    fn basic_auth_is_base64_of_key_and_secret() {
        assert_eq!(basic_auth("key", "secret"), "Basic a2V5OnNlY3JldA==");
        assert_eq!(basic_auth("a", ""), "Basic YTo=");
        assert_eq!(basic_auth("ab", "c"), "Basic YWI6Yw==");
    }

    #[test]
    fn endpoints_are_checked_and_tidied() {
        assert_eq!(settings().endpoint, "http://127.0.0.1:8200/xAPI/");
        assert_eq!(settings().statements_url(), "http://127.0.0.1:8200/xAPI/statements");
        for bad in ["lrs.example", "ftp://x/", "https://", "http://a b/"] {
            assert_eq!(Settings::new(bad, "k", "s"), Err(Problem::BadEndpoint(bad.to_owned())), "{bad}");
        }
    }

    #[test]
    fn every_record_is_queued_with_its_statements_and_sent_once() {
        let store = Store::in_memory().unwrap();
        practise(&store, 3, 1_000_000);
        // launched + 3 steps + completed, queued as the practice went.
        assert_eq!(store.outbox_counts().unwrap().queued, 5);
        let mut lrs = Fake::default();
        let round = send_queued(&store, &settings(), &mut lrs, &|| 7).unwrap();
        assert_eq!((round.sent, round.problem), (5, None));
        assert_eq!(lrs.held.len(), 5);
        let counts = store.outbox_counts().unwrap();
        assert_eq!((counts.queued, counts.sent, counts.last_sent), (0, 5, Some(7)));
        // Nothing new: nothing sent.
        assert_eq!(send_queued(&store, &settings(), &mut lrs, &|| 8).unwrap().sent, 0);
        // Sending everything again (a restored record store) keeps one copy each.
        assert_eq!(store.outbox_requeue(true).unwrap(), 5);
        send_queued(&store, &settings(), &mut lrs, &|| 9).unwrap();
        assert_eq!(lrs.held.len(), 5);
        let body: serde_json::Value = serde_json::from_str(lrs.held.values().next().unwrap()).unwrap();
        assert!(body["actor"].get("name").is_none(), "pseudonymous by default");
    }

    #[test]
    fn failures_keep_statements_queued_and_flags_never_block_the_queue() {
        let store = Store::in_memory().unwrap();
        practise(&store, 1, 1_000_000);
        let mut lrs = Fake {
            script: vec![
                Reply::Network("connection refused".into()),
                Reply::Http { status: 503, body: "busy".into(), retry_after: Some(30) },
                Reply::Http { status: 200, body: "<html>welcome</html>".into(), retry_after: None },
                Reply::Http { status: 401, body: String::new(), retry_after: None },
            ],
            ..Fake::default()
        };
        let round = send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap();
        assert!(matches!(round.problem, Some(Problem::Offline(_))));
        let round = send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap();
        assert_eq!((round.problem.as_ref().map(Problem::kind), round.retry_after), (Some("offline"), Some(30)));
        let round = send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap();
        assert_eq!(round.problem.as_ref().map(Problem::kind), Some("not-lrs"));
        let round = send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap();
        assert_eq!(round.problem, Some(Problem::Refused(401)));
        assert_eq!(store.outbox_counts().unwrap().queued, 3, "nothing was lost or marked");
        // Paused: no request goes out until the settings are saved again.
        let posts = lrs.posts;
        assert_eq!(send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap().problem, Some(Problem::Refused(401)));
        assert_eq!(lrs.posts, posts);
        settings().save(&store).unwrap();
        assert_eq!(send_queued(&store, &settings(), &mut lrs, &|| 2).unwrap().sent, 3);

        // A conflicting and a malformed statement among good ones: each found, flagged, the rest sent.
        practise(&store, 6, 2_000_000);
        let queued = store.outbox_next(100).unwrap();
        assert_eq!(queued.len(), 8);
        lrs.held.insert(queued[2].id.clone(), "{\"different\":true}".into());
        lrs.malformed.insert(queued[5].id.clone());
        let round = send_queued(&store, &settings(), &mut lrs, &|| 3).unwrap();
        assert_eq!((round.sent, round.conflicts, round.rejected, round.problem), (6, 1, 1, None));
        let flagged = store.outbox_flagged(10).unwrap();
        assert_eq!(flagged.len(), 2);
        assert!(flagged.iter().any(|f| f.state == OutboxState::Conflict && f.reason.contains("conflicting")));
        assert!(flagged.iter().any(|f| f.state == OutboxState::Rejected && f.reason.contains("Missing verb")));
    }

    #[test]
    fn the_centre_is_named_before_the_first_record_is_sent_and_then_stays() {
        let store = Store::in_memory().unwrap();
        let made = store.home_page().unwrap();
        assert!(made.starts_with("https://kuayue.example/centre/") && made.len() > 31, "{made}");
        assert!(matches!(set_centre(&store, "centre 7").unwrap(), Err(Problem::BadEndpoint(_))));
        set_centre(&store, "https://edu.example.gov.cn/centres/0571-03").unwrap().unwrap();
        practise(&store, 1, 1_000_000);
        send_queued(&store, &settings(), &mut Fake::default(), &|| 1).unwrap();
        let sent = store.outbox_ids(OutboxState::Sent).unwrap();
        assert_eq!(sent.len(), 3);
        let changed = set_centre(&store, "https://edu.example.gov.cn/centres/0571-04").unwrap();
        assert_eq!(changed, Err(Problem::CentreFixed("https://edu.example.gov.cn/centres/0571-03".into())));
        set_centre(&store, "https://edu.example.gov.cn/centres/0571-03").unwrap().unwrap();
    }

    #[test]
    fn backoff_doubles_with_jitter_up_to_a_ceiling_and_honours_retry_after() {
        let mut b = Backoff::default();
        let waits: Vec<u64> = (0..12).map(|_| b.failed(None, 0.5).as_secs()).collect();
        assert_eq!(&waits[..4], [5, 10, 20, 40]);
        assert_eq!(*waits.last().unwrap(), 900);
        assert!(Backoff::default().failed(None, 0.0) < Backoff::default().failed(None, 1.0));
        assert_eq!(Backoff::default().failed(Some(120), 0.5).as_secs(), 120);
        b.succeeded();
        assert_eq!(b.failed(None, 0.5).as_secs(), 5);
        let j = jitter();
        assert!((0.0..1.0).contains(&j));
    }

    #[test]
    fn voiding_an_attempt_queues_a_voided_statement_for_each_of_its_statements() {
        let store = Store::in_memory().unwrap();
        let id = practise(&store, 2, 1_000_000);
        let uid = store.attempts(Default::default()).unwrap()[0].uid.clone();
        let mut lrs = Fake::default();
        send_queued(&store, &settings(), &mut lrs, &|| 1).unwrap();
        assert_eq!(store.void_attempt(&uid, 5).unwrap(), 4);
        assert_eq!(store.void_attempt(&uid, 6).unwrap(), 0, "voiding twice queues nothing new");
        assert!(store.attempts(Default::default()).unwrap().is_empty(), "it leaves the reports");
        assert!(matches!(store.void_attempt("nobody", 5), Err(StoreError::NoSuchAttempt(_))));
        send_queued(&store, &settings(), &mut lrs, &|| 2).unwrap();
        let voided: Vec<_> = lrs.held.values().filter(|b| b.contains("StatementRef")).collect();
        assert_eq!(voided.len(), 4);
        // Sent bodies are not kept; sending everything again makes them byte for byte as before.
        assert_eq!(store.outbox_requeue(true).unwrap(), 8);
        let round = send_queued(&store, &settings(), &mut lrs, &|| 3).unwrap();
        assert_eq!((round.sent, round.conflicts, round.rejected), (8, 0, 0));
        let _ = id;
    }
}

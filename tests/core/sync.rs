//! Records reach a real learning record store (Learning Locker's xAPI service,
//! installed from npm by tools/setup.sh into tools/lrs/, started on 127.0.0.1
//! by each test) through faults: the record store killed mid-batch, an answer
//! lost after the record store stored a batch, `kuayue sync` killed mid-send,
//! wrong addresses and passwords, TLS errors and garbage answers. After each,
//! the record store holds exactly what the outbox says was sent: no
//! duplicates, nothing lost.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use kuayue::progress::sync::{self, Http, Settings};
use kuayue::progress::{NewAttempt, OutboxState, Outcome, StepRecord, StepRow, Store};

use crate::common::repo;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kuayue-sync-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The test record store: Learning Locker's xAPI service in memory mode.
pub(crate) struct Lrs {
    child: Child,
    port: u16,
}

impl Lrs {
    pub(crate) fn start() -> Lrs {
        Lrs::start_on(free_port())
    }

    pub(crate) fn start_on(port: u16) -> Lrs {
        let script = repo().join("tools/lrs/node_modules/xapi-statements/dist/index.js");
        assert!(
            script.exists(),
            "the test record store is missing: run tools/setup.sh (it runs `npm ci` in tools/lrs/)"
        );
        let child = Command::new("node")
            .arg(&script)
            .current_dir(repo().join("tools/lrs"))
            .env("EXPRESS_PORT", port.to_string())
            .env("AUTH_REPO", "test")
            .env("EVENTS_REPO", "test")
            .env("MODELS_REPO", "memory")
            .env("STORAGE_REPO", "local")
            .env("LOG_LEVEL", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("node is installed (tools/setup.sh)");
        let lrs = Lrs { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(mut r) = ureq::get(&format!("{}about", lrs.endpoint())).call()
                && r.status() == 200
                && r.body_mut().read_to_string().unwrap_or_default().contains("1.0.3")
            {
                return lrs;
            }
            assert!(Instant::now() < deadline, "the test record store did not start on port {port}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    pub(crate) fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Every statement id the record store holds (paging through `more`), checking none is there twice.
    pub(crate) fn ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let mut url = format!("{}statements?limit=500", self.endpoint());
        loop {
            let mut response = ureq::get(&url)
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", "Basic a2V5OnNlY3JldA==")
                .call()
                .expect("the record store answers GET");
            let page: serde_json::Value =
                serde_json::from_str(&response.body_mut().read_to_string().unwrap()).expect("JSON");
            for s in page["statements"].as_array().expect("a statement result") {
                let id = s["id"].as_str().unwrap().to_owned();
                assert!(ids.insert(id.clone()), "the record store holds {id} twice");
            }
            match page["more"].as_str().filter(|m| !m.is_empty()) {
                Some(more) => url = format!("http://127.0.0.1:{}{more}", self.port),
                None => return ids,
            }
        }
    }

    fn kill(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

impl Drop for Lrs {
    fn drop(&mut self) {
        self.kill();
    }
}

/// What the proxy between kuayue and the record store does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Passes everything on.
    Pass,
    /// Passes the request on, then, before the answer comes, tells the test and
    /// waits for it (which kills the record store), then cuts the connection.
    HoldThenCut,
    /// Passes the request on and lets the record store answer, then cuts the
    /// connection instead of passing the answer back (the record store stored it).
    LoseAnswer,
    /// Answers 401 unless the password is right.
    Password,
    /// Answers 200 with a web page.
    Garbage,
    /// Waits this long before passing each answer back (to kill kuayue mid-send).
    Slow,
}

/// A small HTTP proxy on 127.0.0.1 that can misbehave on chosen requests.
struct Proxy {
    port: u16,
    mode: Arc<Mutex<(Mode, usize)>>,
    /// Statements that passed through to the record store, counted (a resent batch counts twice).
    forwarded: Arc<AtomicUsize>,
    held: Arc<Mutex<Option<(mpsc::Sender<()>, mpsc::Receiver<()>)>>>,
}

impl Proxy {
    /// Misbehaves as `mode` from the `after`-th statements request on (0: the first).
    fn start(upstream: u16, mode: Mode, after: usize) -> (Proxy, mpsc::Receiver<()>, mpsc::Sender<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (to_test, from_proxy) = mpsc::channel();
        let (to_proxy, from_test) = mpsc::channel();
        let proxy = Proxy {
            port,
            mode: Arc::new(Mutex::new((mode, after))),
            forwarded: Arc::default(),
            held: Arc::new(Mutex::new(Some((to_test, from_test)))),
        };
        let (mode, forwarded, held) = (proxy.mode.clone(), proxy.forwarded.clone(), proxy.held.clone());
        std::thread::spawn(move || {
            let seen = AtomicUsize::new(0);
            for client in listener.incoming().flatten() {
                handle(client, upstream, &mode, &forwarded, &held, &seen);
            }
        });
        (proxy, from_proxy, to_proxy)
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap() = (mode, 0);
    }
}

/// Reads one HTTP request (head and Content-Length body).
fn read_request(client: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut data = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        let n = client.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            let length: usize = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = data[end + 4..].to_vec();
            while body.len() < length {
                let n = client.read(&mut buf).ok()?;
                if n == 0 {
                    return None;
                }
                body.extend_from_slice(&buf[..n]);
            }
            return Some((head, body));
        }
    }
}

fn handle(
    mut client: TcpStream,
    upstream: u16,
    mode: &Mutex<(Mode, usize)>,
    forwarded: &AtomicUsize,
    held: &Mutex<Option<(mpsc::Sender<()>, mpsc::Receiver<()>)>>,
    seen: &AtomicUsize,
) {
    // One request per connection: the answer says `Connection: close`.
    let Some((head, body)) = read_request(&mut client) else { return };
    let is_post = head.starts_with("POST");
    let (mode, after) = *mode.lock().unwrap();
    let nth = if is_post { seen.fetch_add(1, Ordering::SeqCst) } else { usize::MAX };
    let acting = is_post && nth >= after;
    let reply = |client: &mut TcpStream, status: &str, text: &str| {
        let answer = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        );
        client.write_all(answer.as_bytes()).ok();
    };
    if acting && mode == Mode::Garbage {
        return reply(&mut client, "200 OK", "<html><body>Welcome to nginx!</body></html>");
    }
    if mode == Mode::Password && !head.contains("Basic a2V5OnJpZ2h0") {
        return reply(&mut client, "401 Unauthorized", "{\"message\":\"Unauthorised\"}");
    }
    let Ok(mut server) = TcpStream::connect(("127.0.0.1", upstream)) else {
        client.shutdown(Shutdown::Both).ok();
        return;
    };
    let mut lines: Vec<&str> = head.lines().filter(|l| !l.to_ascii_lowercase().starts_with("connection:")).collect();
    lines.push("Connection: close");
    let mut request = lines.join("\r\n").into_bytes();
    request.extend_from_slice(b"\r\n\r\n");
    request.extend_from_slice(&body);
    if server.write_all(&request).is_err() {
        return;
    }
    if is_post {
        let statements: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap_or_default();
        forwarded.fetch_add(statements.len(), Ordering::SeqCst);
    }
    let take_hold = || held.lock().unwrap().take();
    if acting
        && mode == Mode::HoldThenCut
        && let Some((tell, wait)) = take_hold()
    {
        tell.send(()).ok();
        wait.recv().ok();
        client.shutdown(Shutdown::Both).ok();
        return;
    }
    let mut answer = Vec::new();
    server.read_to_end(&mut answer).ok();
    // Once: the next try goes through.
    if acting
        && mode == Mode::LoseAnswer
        && let Some((tell, _)) = take_hold()
    {
        tell.send(()).ok();
        client.shutdown(Shutdown::Both).ok();
        return;
    }
    if mode == Mode::Slow {
        std::thread::sleep(Duration::from_millis(300));
    }
    client.write_all(&answer).ok();
}

/// Fills a store with `n` finished attempts (a launch, three steps and an end each).
fn fill(dir: &Path, n: usize) -> usize {
    let mut store = Store::open(dir).unwrap().store;
    let base = 1_764_400_000_000;
    let batch: Vec<_> = (0..n)
        .map(|i| {
            let started = base + i as i64 * 120_000;
            let steps = (0..3)
                .map(|s| {
                    let record = StepRecord { step: format!("step-{s}"), wrong_actions: s, ..StepRecord::default() };
                    StepRow::new(started + s as i64 * 10_000, started + (s as i64 + 1) * 10_000, record)
                })
                .collect();
            let new = NewAttempt {
                learner: None,
                scenario: "hospital_appointment".into(),
                scenario_hash: "0123456789abcdef".into(),
                lang: "zh-CN".into(),
                started,
                title: Some("预约挂号".into()),
            };
            (new, steps, Outcome::Completed, started + 60_000)
        })
        .collect();
    store.insert_finished(&batch).unwrap();
    let queued = store.outbox_counts().unwrap().queued as usize;
    assert_eq!(queued, n * 5, "every attempt's statements are queued with it");
    queued
}

fn outbox(dir: &Path, state: OutboxState) -> BTreeSet<String> {
    let store = Store::open_for_sync(dir).unwrap();
    store.outbox_ids(state).unwrap().into_iter().collect()
}

/// Every one of the `queued` statements is marked sent, and the record store holds exactly those.
fn all_sent_and_held_once(lrs: &Lrs, dir: &Path, queued: usize) {
    let sent = outbox(dir, OutboxState::Sent);
    assert_eq!(sent.len(), queued, "all sent");
    assert_eq!(lrs.ids(), sent, "the record store holds exactly the outbox's statements");
}

fn kuayue_sync(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(["--lang", "en-US", "--data-dir"])
        .arg(dir)
        .arg("sync")
        .args(args)
        .current_dir(repo())
        .output()
        .expect("runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn now() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

#[test]
fn a_thousand_attempts_reach_the_record_store_exactly_once() {
    let lrs = Lrs::start();
    let dir = temp_dir("thousand");
    let queued = fill(&dir, 1_000);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &lrs.endpoint(), "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("it speaks xAPI 1.0.3"), "{text}");
    assert!(text.contains(&format!("Sent now: {queued}. Waiting to be sent: 0.")), "{text}");
    let sent = outbox(&dir, OutboxState::Sent);
    assert_eq!(sent.len(), queued);
    assert_eq!(lrs.ids(), sent, "the record store holds exactly the outbox's statements");
    // Again: nothing new is sent, and the status says so without sending.
    let (code, text) = kuayue_sync(&dir, &["--status"]);
    assert_eq!(code, 0);
    assert!(text.contains("Waiting to be sent: 0. Need a trainer's look: 0. Sent in all: 5000."), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_record_store_killed_mid_batch_loses_nothing_kuayue_had_not_been_told_was_stored() {
    let mut lrs = Lrs::start();
    let port = lrs.port;
    let dir = temp_dir("killed-lrs");
    let queued = fill(&dir, 60);
    // The third request is held in flight while the record store is killed.
    let (proxy, in_flight, go_on) = Proxy::start(port, Mode::HoldThenCut, 2);
    let settings = Settings::new(&proxy.endpoint(), "key", "secret").unwrap();
    let store = Store::open_for_sync(&dir).unwrap();
    let sender = std::thread::spawn(move || sync::send_queued(&store, &settings, &mut Http::default(), &now).unwrap());
    in_flight.recv_timeout(Duration::from_secs(60)).expect("a batch in flight");
    lrs.kill();
    go_on.send(()).unwrap();
    let round = sender.join().unwrap();
    assert_eq!(round.sent, 2 * sync::BATCH, "the batch in flight is not counted as sent");
    assert_eq!(round.problem.as_ref().map(|p| p.kind()), Some("offline"));
    let sent_before = outbox(&dir, OutboxState::Sent);
    assert_eq!(outbox(&dir, OutboxState::Queued).len(), queued - sent_before.len());

    // The record store comes back (empty: it keeps statements in memory); sending goes on.
    let lrs = Lrs::start_on(port);
    proxy.set(Mode::Pass);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &proxy.endpoint(), "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 0, "{text}");
    let sent_after: BTreeSet<String> = outbox(&dir, OutboxState::Sent).difference(&sent_before).cloned().collect();
    assert_eq!(lrs.ids(), sent_after, "exactly what was in flight or waiting, once");
    // A record store restored empty gets everything again, once.
    let (code, text) = kuayue_sync(&dir, &["--resend-all"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(lrs.ids().len(), queued);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_answer_lost_after_the_record_store_stored_a_batch_is_sent_again_and_kept_once() {
    let lrs = Lrs::start();
    let dir = temp_dir("lost-answer");
    let queued = fill(&dir, 50);
    let (proxy, lost, _go_on) = Proxy::start(lrs.port, Mode::LoseAnswer, 1);
    let settings = Settings::new(&proxy.endpoint(), "key", "secret").unwrap();
    let store = Store::open_for_sync(&dir).unwrap();
    let round = sync::send_queued(&store, &settings, &mut Http::default(), &now).unwrap();
    lost.try_recv().expect("an answer was lost");
    assert_eq!(round.problem.as_ref().map(|p| p.kind()), Some("offline"));
    let round = sync::send_queued(&store, &settings, &mut Http::default(), &now).unwrap();
    assert_eq!(round.problem, None);
    assert_eq!(store.outbox_counts().unwrap().sent as usize, queued);
    assert_eq!(proxy.forwarded.load(Ordering::SeqCst), queued + sync::BATCH, "the lost batch went twice");
    assert_eq!(lrs.ids(), outbox(&dir, OutboxState::Sent), "and is held once");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn kuayue_killed_mid_sync_sends_the_rest_next_time_without_duplicates() {
    let lrs = Lrs::start();
    let dir = temp_dir("killed-kuayue");
    let queued = fill(&dir, 400);
    let (proxy, _, _) = Proxy::start(lrs.port, Mode::Slow, 0);
    let (code, text) =
        kuayue_sync(&dir, &["--status", "--endpoint", &proxy.endpoint(), "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 0, "{text}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(["--lang", "en-US", "--data-dir"])
        .arg(&dir)
        .arg("sync")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once some batches are stored, before all of them are.
    let deadline = Instant::now() + Duration::from_secs(60);
    while proxy.forwarded.load(Ordering::SeqCst) < 3 * sync::BATCH && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let sent_before = outbox(&dir, OutboxState::Sent).len();
    assert!(sent_before < queued, "killed before the end ({sent_before} of {queued})");
    let (code, text) = kuayue_sync(&dir, &[]);
    assert_eq!(code, 0, "{text}");
    all_sent_and_held_once(&lrs, &dir, queued);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_statement_the_record_store_holds_differently_is_flagged_and_the_rest_still_go() {
    let lrs = Lrs::start();
    let dir = temp_dir("conflict");
    let queued = fill(&dir, 10);
    let store = Store::open_for_sync(&dir).unwrap();
    let victim = store.outbox_next(100).unwrap()[17].clone();
    // Someone else already put a different statement under that id.
    let mut other: serde_json::Value = serde_json::from_str(&victim.body).unwrap();
    other["timestamp"] = "2020-01-01T00:00:00Z".into();
    let status = ureq::put(&format!("{}statements?statementId={}", lrs.endpoint(), victim.id))
        .header("X-Experience-API-Version", "1.0.3")
        .header("Authorization", "Basic a2V5OnNlY3JldA==")
        .content_type("application/json")
        .send(other.to_string())
        .unwrap()
        .status();
    assert_eq!(status, 204);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &lrs.endpoint(), "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Need a trainer's look: 1."), "{text}");
    assert!(text.contains(&format!("{}: the record store already holds a different record", victim.id)), "{text}");
    assert_eq!(outbox(&dir, OutboxState::Conflict), BTreeSet::from([victim.id.clone()]));
    let mut expected = outbox(&dir, OutboxState::Sent);
    assert_eq!(expected.len(), queued - 1);
    expected.insert(victim.id);
    assert_eq!(lrs.ids(), expected);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_addresses_passwords_tls_and_garbage_are_said_plainly_and_lose_nothing() {
    let lrs = Lrs::start();
    let dir = temp_dir("bad");
    let queued = fill(&dir, 3);
    let unchanged = |dir: &Path| {
        let store = Store::open_for_sync(dir).unwrap();
        assert_eq!(store.outbox_counts().unwrap().queued as usize, queued, "nothing lost or marked");
    };

    let (code, text) = kuayue_sync(&dir, &["--endpoint", "lrs.example.gov.cn", "--key", "k", "--secret", "s"]);
    assert_eq!(code, 1);
    assert!(text.contains("“lrs.example.gov.cn” is not a web address"), "{text}");

    let closed = format!("http://127.0.0.1:{}/xAPI/", free_port());
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &closed, "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 1);
    assert!(text.contains("The record store could not be reached"), "{text}");
    assert!(text.contains("Nothing is lost"), "{text}");
    unchanged(&dir);

    // A plain-HTTP record store addressed as https: the secure connection fails.
    let tls = format!("https://127.0.0.1:{}/xAPI/", lrs.port);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &tls]);
    assert_eq!(code, 1);
    assert!(text.contains("A secure connection to the record store could not be made"), "{text}");
    unchanged(&dir);

    let (garbage, _, _) = Proxy::start(lrs.port, Mode::Garbage, 0);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &garbage.endpoint()]);
    assert_eq!(code, 1);
    assert!(text.contains("not like a learning record store"), "{text}");
    unchanged(&dir);

    let (guarded, _, _) = Proxy::start(lrs.port, Mode::Password, 0);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &guarded.endpoint(), "--key", "key", "--secret", "wrong"]);
    assert_eq!(code, 1);
    assert!(text.contains("refused the key or secret (HTTP 401)"), "{text}");
    // Paused: trying again without new settings sends nothing and says why.
    let (code, text) = kuayue_sync(&dir, &[]);
    assert_eq!(code, 1);
    assert!(text.contains("Sending is paused"), "{text}");
    unchanged(&dir);
    assert!(lrs.ids().is_empty());

    // The right password: everything goes, once.
    let (code, text) = kuayue_sync(&dir, &["--secret", "right"]);
    assert_eq!(code, 0, "{text}");
    all_sent_and_held_once(&lrs, &dir, queued);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_practice_taken_back_is_voided_in_the_record_store_and_leaves_the_reports() {
    let lrs = Lrs::start();
    let dir = temp_dir("void");
    fill(&dir, 3);
    let (code, text) = kuayue_sync(&dir, &["--endpoint", &lrs.endpoint(), "--key", "key", "--secret", "secret"]);
    assert_eq!(code, 0, "{text}");
    let before = lrs.ids();
    assert_eq!(before.len(), 15);
    let uid = Store::open_for_sync(&dir).unwrap().attempts(Default::default()).unwrap()[1].uid.clone();
    let (code, text) = kuayue_sync(&dir, &["--void", "no-such-practice"]);
    assert_eq!(code, 1);
    assert!(text.contains("No practice has the id no-such-practice"), "{text}");
    let (code, text) = kuayue_sync(&dir, &["--void", &uid]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("The practice is taken back: 5 record(s)"), "{text}");
    let store = Store::open_for_sync(&dir).unwrap();
    assert_eq!(store.attempts(Default::default()).unwrap().len(), 2, "it leaves the reports");
    // The record store no longer lists the voided statements; it lists the five that void them.
    let voided: BTreeSet<String> = ["launched", "step/0", "step/1", "step/2", "ended"]
        .iter()
        .map(|e| kuayue::progress::export::statement_id(&uid, e))
        .collect();
    let after = lrs.ids();
    assert!(after.is_disjoint(&voided), "voided statements are set aside");
    assert_eq!(after.len(), 15 - 5 + 5);
    std::fs::remove_dir_all(&dir).ok();
}

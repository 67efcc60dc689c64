//! The progress store: one SQLite file in the data directory, in WAL mode with
//! `synchronous=FULL`, so a committed step record survives a power cut.
//!
//! Opening it also repairs what a crash left behind: a damaged file is kept
//! aside (never deleted) and a fresh store starts; attempts left open by a
//! session that no longer runs become `interrupted`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::model::{
    Attempt, AttemptId, Learner, LearnerId, Millis, NewAttempt, Outcome, StepRecord, StepRow, TrapOutcome,
};
use super::schema;

/// The database file's name inside the data directory.
pub const FILE_NAME: &str = "kuayue.db";

/// Card colours for new learners, in turn: calm, distinct, and dark text stays readable on each.
const COLOURS: &[&str] = &["#f6c177", "#9ccfd8", "#c4a7e7", "#a3d9a5", "#f4a6a6", "#e8d28a", "#b4c6f0"];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the progress database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "the progress database was written by a newer kuayue (schema {found}, this one knows {known}); \
         it was left untouched — please update kuayue"
    )]
    TooNew { found: u32, known: u32 },
    #[error("no learner with id {0}")]
    NoSuchLearner(i64),
    #[error("a learner needs a name")]
    EmptyName,
    #[error("no practice with id {0}")]
    NoSuchAttempt(String),
}

impl StoreError {
    /// The disk (or the folder's quota) is full: writing may work again once space returns.
    pub fn is_full(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => e.code == ErrorCode::DiskFull,
            StoreError::Io { source, .. } => {
                matches!(source.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge)
            }
            _ => false,
        }
    }

    /// The folder or the file cannot be written (read-only, no permission).
    pub fn is_read_only(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                matches!(e.code, ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
            }
            StoreError::Io { source, .. } => {
                matches!(source.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem)
            }
            _ => false,
        }
    }

    /// The disk is full, or the folder cannot be written now, or the file is
    /// busy: the same write may well succeed later, so what it carried is kept.
    pub fn is_passing(&self) -> bool {
        self.is_full()
            || self.is_read_only()
            || match self {
                StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                    e.code,
                    ErrorCode::SystemIoFailure
                        | ErrorCode::DatabaseBusy
                        | ErrorCode::DatabaseLocked
                        | ErrorCode::CannotOpen
                ),
                StoreError::Io { .. } => true,
                _ => false,
            }
    }
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io { path: path.to_owned(), source }
    }
}

/// Something the trainer should be told after opening the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The database could not be read; it was moved to `kept` and a fresh one started.
    KeptAside { kept: PathBuf, reason: String },
    /// Attempts a crashed or switched-off session left open are now `interrupted`.
    Interrupted { attempts: usize },
}

/// An open store and what opening it found.
pub struct Opened {
    pub store: Store,
    pub notices: Vec<Notice>,
}

/// This process's claim on its open attempts: an exclusively locked file that
/// the operating system releases when the process dies, however it dies.
struct Session {
    id: String,
    /// The locked file and its path (none for an in-memory store).
    lock: Option<(File, PathBuf)>,
}

impl Drop for Session {
    /// A clean close removes the lock file; a crash leaves it for the next start to find.
    fn drop(&mut self) {
        if let Some((file, path)) = self.lock.take() {
            drop(file);
            std::fs::remove_file(path).ok();
        }
    }
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    session: Session,
    /// The words an xAPI statement's actor may need (made once, on the first statement).
    words: std::sync::OnceLock<crate::i18n::Messages>,
}

/// Where the centre's choices about sending records upward are kept (store settings).
pub const SEND_NAMES_KEY: &str = "lrs-send-names";
/// When a statement was last sent (Unix ms).
const LAST_SENT_KEY: &str = "lrs-last-sent";

/// Where a queued statement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxState {
    /// Waiting to be sent (or to be sent again).
    Queued,
    /// The record store has it.
    Sent,
    /// The record store holds a different statement with this id: a trainer must look.
    Conflict,
    /// The record store refused it as malformed: kept aside so it never blocks the queue.
    Rejected,
}

impl OutboxState {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Sent => "sent",
            OutboxState::Conflict => "conflict",
            OutboxState::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<OutboxState> {
        [OutboxState::Queued, OutboxState::Sent, OutboxState::Conflict, OutboxState::Rejected]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// A statement waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub seq: i64,
    pub id: String,
    pub body: String,
}

/// How many statements stand where, and when the last one was sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: u64,
    pub sent: u64,
    pub conflict: u64,
    pub rejected: u64,
    pub last_sent: Option<Millis>,
}

/// A statement the record store would not take, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    pub id: String,
    pub state: OutboxState,
    pub reason: String,
}

/// Which attempts to read: by start time, inclusive `since`, exclusive `until`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub since: Option<Millis>,
    pub until: Option<Millis>,
}

impl Store {
    /// The platform's data directory for kuayue, unless `KUAYUE_DATA_DIR` names one.
    pub fn default_dir() -> PathBuf {
        if let Some(dir) = std::env::var_os("KUAYUE_DATA_DIR").filter(|d| !d.is_empty()) {
            return PathBuf::from(dir);
        }
        directories::ProjectDirs::from("org", "kuayue", "kuayue")
            .map_or_else(|| PathBuf::from(".kuayue"), |dirs| dirs.data_dir().to_owned())
    }

    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Opened, StoreError> {
        std::fs::create_dir_all(dir.join("sessions")).map_err(|e| StoreError::io(dir, e))?;
        let path = dir.join(FILE_NAME);
        let mut notices = Vec::new();
        let conn = match prepare(&path) {
            Ok(conn) => conn,
            Err(damage) if is_damage(&damage) => {
                let kept = keep_aside(&path)?;
                notices.push(Notice::KeptAside { kept, reason: damage.to_string() });
                prepare(&path)?
            }
            Err(other) => return Err(other),
        };
        // The salt is made now, so sending (which only reads) never has to write it.
        salt_in(&conn)?;
        let session = Session::claim(dir)?;
        let store = Store { conn, path: Some(path), session, words: Default::default() };
        let interrupted = store.close_dead_sessions(dir)?;
        if interrupted > 0 {
            notices.push(Notice::Interrupted { attempts: interrupted });
        }
        Ok(Opened { store, notices })
    }

    /// A store that forgets everything when the app closes: for tests, and for
    /// when the data directory cannot be written at all.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn, path: None, session: Session::unclaimed(), words: Default::default() })
    }

    /// Opens the store in `dir` for sending its outbox from another thread or
    /// process: no session is claimed and nothing is repaired (the app or the
    /// command that records practice does that). Never record practice through it.
    pub fn open_for_sync(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(FILE_NAME);
        if !path.exists() {
            return Err(StoreError::io(&path, std::io::ErrorKind::NotFound.into()));
        }
        let conn = prepare(&path)?;
        // What this connection writes is only where sending stands: lost in a power
        // cut, it means a statement is sent again (and kept once). No fsync per
        // commit, so sending never queues behind a learner's step writes for the disk.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(Store { conn, path: Some(path), session: Session::unclaimed(), words: Default::default() })
    }

    /// A transaction that takes the write lock at once (waiting its turn, up to
    /// the busy timeout): one that read first and then wanted to write could be
    /// refused outright when another connection (the sync worker, a second
    /// window) wrote in between.
    fn writing(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        Ok(rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?)
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    // ---- learners ----

    pub fn add_learner(&self, name: &str, group: Option<&str>, now: Millis) -> Result<Learner, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::EmptyName);
        }
        let group = group.map(str::trim).filter(|g| !g.is_empty());
        let count: i64 = self.conn.query_row("SELECT count(*) FROM learners", [], |r| r.get(0))?;
        let colour = COLOURS[usize::try_from(count).unwrap_or(0) % COLOURS.len()];
        let uid = uuid::Uuid::new_v4().to_string();
        self.conn.execute(
            "INSERT INTO learners (uid, name, group_name, colour, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![uid, name, group, colour, now],
        )?;
        Ok(Learner {
            id: LearnerId(self.conn.last_insert_rowid()),
            uid,
            name: name.to_owned(),
            group: group.map(str::to_owned),
            colour: colour.to_owned(),
        })
    }

    /// Every learner, in the order they were added.
    pub fn learners(&self) -> Result<Vec<Learner>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, uid, name, group_name, colour FROM learners ORDER BY id")?;
        let rows = stmt.query_map([], learner_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The scenarios this learner (or the guest, `None`) has completed at least once.
    pub fn completed_scenarios(&self, learner: Option<LearnerId>) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT scenario FROM attempts WHERE learner_id IS ?1 AND outcome = 'completed' ORDER BY scenario",
        )?;
        let rows = stmt.query_map([learner.map(|l| l.0)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // ---- attempts ----

    pub fn start_attempt(&self, new: &NewAttempt) -> Result<AttemptId, StoreError> {
        if let Some(learner) = new.learner {
            let exists: Option<i64> =
                self.conn.query_row("SELECT id FROM learners WHERE id = ?1", [learner.0], |r| r.get(0)).optional()?;
            if exists.is_none() {
                return Err(StoreError::NoSuchLearner(learner.0));
            }
        }
        // The record and the statements that tell of it are one commit: never one without the other.
        let tx = self.writing()?;
        tx.execute(
            "INSERT INTO attempts (uid, learner_id, scenario, scenario_hash, lang, started_ms, outcome, session, title)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8)",
            params![
                uuid::Uuid::new_v4().to_string(),
                new.learner.map(|l| l.0),
                new.scenario,
                new.scenario_hash,
                new.lang,
                new.started,
                self.session.id,
                new.title
            ],
        )?;
        let id = tx.last_insert_rowid();
        queue_statements(&tx, id, new.started)?;
        tx.commit()?;
        Ok(AttemptId(id))
    }

    /// Writes one finished step at once (one durable commit, with its
    /// statement), so a power cut loses at most the step in progress.
    pub fn record_step(&self, attempt: AttemptId, step: &StepRow) -> Result<(), StoreError> {
        let tx = self.writing()?;
        let seq: i64 =
            tx.query_row("SELECT COALESCE(MAX(seq), -1) + 1 FROM steps WHERE attempt_id = ?1", [attempt.0], |r| {
                r.get(0)
            })?;
        insert_step(&tx, attempt.0, seq, step)?;
        queue_statements(&tx, attempt.0, step.ended)?;
        tx.commit()?;
        Ok(())
    }

    /// Closes an attempt as completed or abandoned. An attempt already closed stays as it was.
    pub fn finish_attempt(&self, attempt: AttemptId, outcome: Outcome, ended: Millis) -> Result<(), StoreError> {
        let tx = self.writing()?;
        let changed = tx.execute(
            "UPDATE attempts SET outcome = ?2, ended_ms = ?3, total_secs = (?3 - started_ms) / 1000.0
             WHERE id = ?1 AND outcome = 'open'",
            params![attempt.0, outcome.as_str(), ended],
        )?;
        if changed > 0 {
            queue_statements(&tx, attempt.0, ended)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Takes back an attempt recorded by mistake (a demonstration played as a
    /// learner, say): it leaves the store's reports, and each of its statements
    /// already queued is answered by a `voided` statement, so a record store
    /// that has it sets it aside too. Statements themselves never change.
    /// Returns how many statements were voided; an unknown id is an error.
    pub fn void_attempt(&self, uid: &str, now: Millis) -> Result<usize, StoreError> {
        let tx = self.writing()?;
        let id: Option<i64> = tx.query_row("SELECT id FROM attempts WHERE uid = ?1", [uid], |r| r.get(0)).optional()?;
        let Some(id) = id else { return Err(StoreError::NoSuchAttempt(uid.to_owned())) };
        tx.execute(
            "UPDATE attempts SET voided_ms = ?2, outcome = CASE outcome WHEN 'open' THEN 'abandoned' ELSE outcome END,
                                 ended_ms = COALESCE(ended_ms, ?2)
             WHERE id = ?1 AND voided_ms IS NULL",
            params![id, now],
        )?;
        let targets: Vec<String> = {
            let mut stmt =
                tx.prepare("SELECT statement_id FROM outbox WHERE attempt_id = ?1 AND voids IS NULL ORDER BY seq")?;
            stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        let mut voided = 0;
        for target in &targets {
            voided += enqueue(&tx, &super::export::voiding_id(target), Some(id), Some(target), now)?;
        }
        tx.commit()?;
        Ok(voided)
    }

    /// Writes many finished attempts in one transaction: for importing records
    /// from another PC, and for filling a store in benchmarks.
    pub fn insert_finished(
        &mut self,
        attempts: &[(NewAttempt, Vec<StepRow>, Outcome, Millis)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut attempt_stmt = tx.prepare_cached(
                "INSERT INTO attempts (uid, learner_id, scenario, scenario_hash, lang, started_ms, ended_ms, outcome,
                                       total_secs, session, title)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (?7 - ?6) / 1000.0, ?9, ?10)",
            )?;
            for (new, steps, outcome, ended) in attempts {
                attempt_stmt.execute(params![
                    uuid::Uuid::new_v4().to_string(),
                    new.learner.map(|l| l.0),
                    new.scenario,
                    new.scenario_hash,
                    new.lang,
                    new.started,
                    ended,
                    outcome.as_str(),
                    self.session.id,
                    new.title
                ])?;
                let id = tx.last_insert_rowid();
                for (seq, step) in steps.iter().enumerate() {
                    insert_step(&tx, id, seq as i64, step)?;
                }
                queue_statements(&tx, id, *ended)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Attempts started in `period`, oldest first, each with its steps in order.
    pub fn attempts(&self, period: Period) -> Result<Vec<Attempt>, StoreError> {
        let since = period.since.unwrap_or(Millis::MIN);
        let until = period.until.unwrap_or(Millis::MAX);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ATTEMPT_COLUMNS} FROM attempts
             WHERE started_ms >= ?1 AND started_ms < ?2 AND voided_ms IS NULL ORDER BY started_ms, id"
        ))?;
        let mut attempts: Vec<Attempt> = stmt.query_map([since, until], attempt_row)?.collect::<Result<_, _>>()?;
        // One pass over the steps of the period's attempts, joined in memory.
        let index: std::collections::HashMap<i64, usize> =
            attempts.iter().enumerate().map(|(i, a)| (a.id.0, i)).collect();
        let mut steps = self.conn.prepare_cached(&format!(
            "SELECT attempt_id, {STEP_COLUMNS} FROM steps
             WHERE attempt_id IN (SELECT id FROM attempts WHERE started_ms >= ?1 AND started_ms < ?2)
             ORDER BY attempt_id, seq"
        ))?;
        let mut rows = steps.query([since, until])?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            attempts[i].steps.push(step_row(r, 1)?);
        }
        Ok(attempts)
    }

    // ---- settings and other small values ----

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        setting_in(&self.conn, key)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        set_setting_in(&self.conn, key, value)
    }

    /// A random value made once per store, so pseudonyms are stable within a
    /// centre but cannot be recomputed from a name elsewhere.
    pub fn salt(&self) -> Result<String, StoreError> {
        salt_in(&self.conn)
    }

    // ---- the outbox: statements for a learning record store ----

    /// The centre's address in statements (its `homePage`), as exports and the outbox write it.
    pub fn home_page(&self) -> Result<String, StoreError> {
        home_page_in(&self.conn)
    }

    /// The oldest queued statements, at most `limit`, with their bodies made from their records.
    /// Only reads (a statement whose record is gone is kept aside with the reason):
    /// sending never holds the write lock a step write waits for.
    pub fn outbox_next(&self, limit: usize) -> Result<Vec<Queued>, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let waiting: Vec<Waiting> = {
            let mut stmt = tx.prepare_cached(
                "SELECT seq, statement_id, attempt_id, voids, queued_ms FROM outbox WHERE state = 'queued'
                 ORDER BY seq LIMIT ?1",
            )?;
            let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                Ok(Waiting { seq: r.get(0)?, id: r.get(1)?, attempt: r.get(2)?, voids: r.get(3)?, queued: r.get(4)? })
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let (batch, missing) = make_bodies(&tx, &self.words, waiting)?;
        tx.commit()?;
        if !missing.is_empty() {
            self.outbox_mark(&missing, OutboxState::Rejected, Some("its record is no longer in the store"), 0)?;
        }
        Ok(batch)
    }

    /// Marks these statements as `state` (one commit), with the record store's reason for a flag.
    pub fn outbox_mark(
        &self,
        seqs: &[i64],
        state: OutboxState,
        reason: Option<&str>,
        now: Millis,
    ) -> Result<(), StoreError> {
        let tx = self.writing()?;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE outbox SET state = ?2, tries = tries + 1, last_error = ?3,
                                   sent_ms = CASE WHEN ?2 = 'sent' THEN ?4 ELSE sent_ms END
                 WHERE seq = ?1",
            )?;
            for seq in seqs {
                stmt.execute(params![seq, state.as_str(), reason, now])?;
            }
        }
        if state == OutboxState::Sent && !seqs.is_empty() {
            set_setting_in(&tx, LAST_SENT_KEY, &now.to_string())?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Notes a failed try of these statements (they stay queued).
    pub fn outbox_tried(&self, seqs: &[i64], reason: &str) -> Result<(), StoreError> {
        let tx = self.writing()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE outbox SET tries = tries + 1, last_error = ?2 WHERE seq = ?1")?;
            for seq in seqs {
                stmt.execute(params![seq, reason])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Copies what the write-ahead log holds into the database without
    /// blocking anyone (a passive checkpoint). The sender calls it after each
    /// batch, so the learner's step writes rarely meet a full log and have to
    /// do that copying themselves.
    pub fn tidy_log(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// How many statements stand where.
    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let mut counts = OutboxCounts::default();
        let mut stmt = self.conn.prepare_cached("SELECT state, count(*) FROM outbox GROUP BY state")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (state, n): (String, i64) = (r.get(0)?, r.get(1)?);
            let n = u64::try_from(n).unwrap_or(0);
            match OutboxState::parse(&state) {
                Some(OutboxState::Queued) => counts.queued = n,
                Some(OutboxState::Sent) => counts.sent = n,
                Some(OutboxState::Conflict) => counts.conflict = n,
                Some(OutboxState::Rejected) | None => counts.rejected = n,
            }
        }
        counts.last_sent = self.setting(LAST_SENT_KEY)?.and_then(|t| t.parse().ok());
        Ok(counts)
    }

    /// Statements the record store would not take, newest first, at most `limit`.
    pub fn outbox_flagged(&self, limit: usize) -> Result<Vec<Flagged>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT statement_id, state, COALESCE(last_error, '') FROM outbox
             WHERE state IN ('conflict', 'rejected') ORDER BY seq DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            let state: String = r.get(1)?;
            Ok(Flagged {
                id: r.get(0)?,
                state: OutboxState::parse(&state).unwrap_or(OutboxState::Rejected),
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The ids of the statements in `state`, in queue order (for checks and tests).
    pub fn outbox_ids(&self, state: OutboxState) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT statement_id FROM outbox WHERE state = ?1 ORDER BY seq")?;
        let rows = stmt.query_map([state.as_str()], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Queues statements again: the flagged ones (the trainer or the city's
    /// office fixed what was wrong), or, with `all`, every statement (the
    /// record store lost data and was restored; it keeps one copy of each).
    /// Bodies are made from the records when sent, byte for byte the same each time.
    pub fn outbox_requeue(&self, all: bool) -> Result<usize, StoreError> {
        let sql = if all {
            "UPDATE outbox SET state = 'queued' WHERE state != 'queued'"
        } else {
            "UPDATE outbox SET state = 'queued' WHERE state IN ('conflict', 'rejected')"
        };
        Ok(self.conn.execute(sql, [])?)
    }

    // ---- crash recovery ----

    /// Marks the open attempts of sessions that no longer run as interrupted,
    /// ending them at their last finished step. Returns how many.
    fn close_dead_sessions(&self, dir: &Path) -> Result<usize, StoreError> {
        let sessions: Vec<String> = {
            let mut stmt =
                self.conn.prepare("SELECT DISTINCT session FROM attempts WHERE outcome = 'open' AND session != ?1")?;
            stmt.query_map([&self.session.id], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        let mut closed = 0;
        for session in sessions {
            let lock_path = Session::lock_path(dir, &session);
            if Session::is_alive(&lock_path) {
                continue;
            }
            let tx = self.writing()?;
            let ids: Vec<i64> = {
                let mut stmt = tx.prepare("SELECT id FROM attempts WHERE session = ?1 AND outcome = 'open'")?;
                stmt.query_map([&session], |r| r.get(0))?.collect::<Result<_, _>>()?
            };
            closed += tx.execute(
                "UPDATE attempts SET outcome = 'interrupted',
                    ended_ms = COALESCE((SELECT MAX(ended_ms) FROM steps WHERE attempt_id = attempts.id), started_ms),
                    total_secs = (COALESCE((SELECT MAX(ended_ms) FROM steps WHERE attempt_id = attempts.id), started_ms)
                                  - started_ms) / 1000.0
                 WHERE session = ?1 AND outcome = 'open'",
                [&session],
            )?;
            let now = jiff::Timestamp::now().as_millisecond();
            for id in ids {
                queue_statements(&tx, id, now)?;
            }
            tx.commit()?;
            std::fs::remove_file(&lock_path).ok();
        }
        // Lock files of dead sessions that left nothing open (killed on a menu screen).
        for entry in std::fs::read_dir(dir.join("sessions")).into_iter().flatten().flatten() {
            let path = entry.path();
            let own = path.file_stem().is_some_and(|stem| stem == self.session.id.as_str());
            if !own && path.extension().is_some_and(|e| e == "lock") && !Session::is_alive(&path) {
                std::fs::remove_file(&path).ok();
            }
        }
        Ok(closed)
    }
}

impl Session {
    fn lock_path(dir: &Path, id: &str) -> PathBuf {
        dir.join("sessions").join(format!("{id}.lock"))
    }

    fn claim(dir: &Path) -> Result<Session, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let path = Session::lock_path(dir, &id);
        let file = File::create(&path).map_err(|e| StoreError::io(&path, e))?;
        file.lock().map_err(|e| StoreError::io(&path, e))?;
        Ok(Session { id, lock: Some((file, path)) })
    }

    /// A session without a lock: for stores that record nothing lasting.
    fn unclaimed() -> Session {
        Session { id: uuid::Uuid::new_v4().to_string(), lock: None }
    }

    /// Whether some running process still holds this session's lock.
    fn is_alive(lock_path: &Path) -> bool {
        let Ok(file) = File::options().read(true).write(true).open(lock_path) else { return false };
        match file.try_lock() {
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            // Locks unsupported here: assume alive rather than wrongly close another window's attempt.
            Err(std::fs::TryLockError::Error(_)) => true,
        }
    }
}

/// Opens the file, sets durability, reads it once (which is when SQLite notices
/// a file that is not a database) and migrates it.
fn prepare(path: &Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    // Another window or an export may hold the write lock for a moment: wait, don't fail.
    conn.busy_timeout(Duration::from_secs(10))?;
    let _: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    // Before anything writes (even the switch to WAL): a newer kuayue's file stays byte for byte.
    schema::refuse_newer(&conn)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!("journal_mode stayed {mode}")).into());
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

/// Errors that mean the file itself is bad, as opposed to busy or too new.
fn is_damage(error: &StoreError) -> bool {
    match error {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => matches!(
            e.code,
            ErrorCode::NotADatabase
                | ErrorCode::DatabaseCorrupt
                | ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::SystemIoFailure
        ),
        _ => false,
    }
}

/// Moves the damaged file (and its WAL and shared-memory companions) to
/// `kuayue.db.damaged-<time>`, never deleting anything.
fn keep_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut kept = path.with_file_name(format!("{FILE_NAME}.damaged-{stamp}"));
    let mut n = 1;
    while kept.exists() {
        n += 1;
        kept = path.with_file_name(format!("{FILE_NAME}.damaged-{stamp}-{n}"));
    }
    std::fs::rename(path, &kept).map_err(|e| StoreError::io(path, e))?;
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        if companion.exists() {
            let target = PathBuf::from(format!("{}{suffix}", kept.display()));
            std::fs::rename(&companion, &target).map_err(|e| StoreError::io(&companion, e))?;
        }
    }
    Ok(kept)
}

/// The centre's home page (the `homePage` of xAPI accounts).
fn home_page_in(conn: &Connection) -> Result<String, StoreError> {
    Ok(super::report::home_page(setting_in(conn, super::report::HOME_PAGE_KEY)?, &salt_in(conn)?))
}

/// Queues the ids of every statement attempt `id` has produced so far that
/// is not queued yet: its launch, each step written, its end once it ended.
/// Runs inside the caller's transaction, so a record and its statements are
/// one commit. The body is made from the record when it is sent ([`Store::outbox_next`]).
fn queue_statements(conn: &Connection, id: i64, now: Millis) -> Result<usize, StoreError> {
    let found: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT uid, outcome, (SELECT count(*) FROM steps WHERE attempt_id = ?1) FROM attempts WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((uid, outcome, steps)) = found else { return Ok(0) };
    let mut events = vec!["launched".to_owned()];
    events.extend((0..steps).map(|n| format!("step/{n}")));
    if outcome != "open" {
        events.push("ended".to_owned());
    }
    let mut added = 0;
    for event in events {
        added += enqueue(conn, &super::export::statement_id(&uid, &event), Some(id), None, now)?;
    }
    Ok(added)
}

/// What the outbox holds of a queued statement: where it stands in the queue,
/// its id, the attempt it tells of, what it voids (if a voided statement), when queued.
struct Waiting {
    seq: i64,
    id: String,
    attempt: Option<i64>,
    voids: Option<String>,
    queued: Millis,
}

/// Makes the bodies of `waiting` from their records; also gives the queue
/// places of statements whose record is gone.
fn make_bodies(
    conn: &Connection,
    words: &std::sync::OnceLock<crate::i18n::Messages>,
    waiting: Vec<Waiting>,
) -> Result<(Vec<Queued>, Vec<i64>), StoreError> {
    let sender = Sender::read(conn)?;
    let home_page = &sender.home_page;
    let mut made: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let attempts: std::collections::BTreeSet<i64> =
        waiting.iter().filter(|w| w.voids.is_none()).filter_map(|w| w.attempt).collect();
    for attempt in attempts {
        made.extend(statement_bodies(conn, words, &sender, attempt)?);
    }
    let mut batch = Vec::with_capacity(waiting.len());
    let mut missing = Vec::new();
    for w in waiting {
        let body = match &w.voids {
            Some(target) => Some(super::export::voiding(home_page, target, w.queued).1),
            None => made.remove(&w.id),
        };
        match body {
            Some(body) => batch.push(Queued { seq: w.seq, id: w.id, body }),
            None => missing.push(w.seq),
        }
    }
    Ok((batch, missing))
}

/// The statements attempt `id` has produced so far, `(id, JSON body)`, as the
/// outbox holds them: pseudonymous unless the centre chose to send names.
/// What every statement of a store says of its sender, read once per batch.
struct Sender {
    salt: String,
    home_page: String,
    /// Names are left out unless the centre deliberately chose to send them.
    anonymize: bool,
}

impl Sender {
    fn read(conn: &Connection) -> Result<Sender, StoreError> {
        Ok(Sender {
            salt: salt_in(conn)?,
            home_page: home_page_in(conn)?,
            anonymize: setting_in(conn, SEND_NAMES_KEY)?.as_deref() != Some("yes"),
        })
    }
}

fn statement_bodies(
    conn: &Connection,
    words: &std::sync::OnceLock<crate::i18n::Messages>,
    sender: &Sender,
    id: i64,
) -> Result<Vec<(String, String)>, StoreError> {
    // A voided attempt's statements are still sent (each followed by its voided statement).
    let Some((attempt, title)) = read_attempt(conn, id, true)? else { return Ok(Vec::new()) };
    let learners: Vec<Learner> = match attempt.learner {
        None => Vec::new(),
        Some(l) => conn
            .query_row("SELECT id, uid, name, group_name, colour FROM learners WHERE id = ?1", [l.0], learner_row)
            .optional()?
            .into_iter()
            .collect(),
    };
    let titles = title.map(|t| [(attempt.scenario.clone(), t)].into_iter().collect()).unwrap_or_default();
    let attempts = [attempt];
    let export = super::export::Export {
        attempts: &attempts,
        learners: &learners,
        titles: &titles,
        msg: words.get_or_init(|| crate::i18n::Messages::embedded(crate::i18n::Lang::EnUs)),
        tz: jiff::tz::TimeZone::UTC,
        anonymize: sender.anonymize,
        salt: &sender.salt,
        home_page: &sender.home_page,
    };
    Ok(super::export::attempt_bodies(&export, &attempts[0]))
}

/// A stored setting, read on `conn` (the store's connection or a transaction on it).
fn setting_in(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set_setting_in(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// The store's salt, made on first use (read without writing once it exists).
fn salt_in(conn: &Connection) -> Result<String, StoreError> {
    if let Some(salt) = setting_in(conn, "salt")? {
        return Ok(salt);
    }
    // INSERT OR IGNORE: if another window made one first, use theirs.
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)",
        [uuid::Uuid::new_v4().simple().to_string()],
    )?;
    Ok(setting_in(conn, "salt")?.unwrap_or_default())
}

/// Queues one statement unless one with its id is queued already. Returns 1 if it was added.
fn enqueue(
    conn: &Connection,
    id: &str,
    attempt: Option<i64>,
    voids: Option<&str>,
    now: Millis,
) -> Result<usize, StoreError> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO outbox (statement_id, attempt_id, voids, queued_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (statement_id) DO NOTHING",
        )?
        .execute(params![id, attempt, voids, now])?)
}

/// A learner from a row of `id, uid, name, group_name, colour`.
fn learner_row(r: &rusqlite::Row) -> rusqlite::Result<Learner> {
    Ok(Learner { id: LearnerId(r.get(0)?), uid: r.get(1)?, name: r.get(2)?, group: r.get(3)?, colour: r.get(4)? })
}

/// The columns [`attempt_row`] reads, in its order.
const ATTEMPT_COLUMNS: &str =
    "id, uid, learner_id, scenario, scenario_hash, lang, started_ms, ended_ms, outcome, total_secs";

/// An attempt (without its steps) from a row of [`ATTEMPT_COLUMNS`].
fn attempt_row(r: &rusqlite::Row) -> rusqlite::Result<Attempt> {
    let outcome: String = r.get(8)?;
    Ok(Attempt {
        id: AttemptId(r.get(0)?),
        uid: r.get(1)?,
        learner: r.get::<_, Option<i64>>(2)?.map(LearnerId),
        scenario: r.get(3)?,
        scenario_hash: r.get(4)?,
        lang: r.get(5)?,
        started: r.get(6)?,
        ended: r.get(7)?,
        outcome: Outcome::parse(&outcome).unwrap_or(Outcome::Interrupted),
        total_secs: r.get(9)?,
        steps: Vec::new(),
    })
}

/// The columns [`step_row`] reads, in its order.
const STEP_COLUMNS: &str = "step, started_ms, ended_ms, wrong_actions, highest_hint, skipped, trap, branch";

/// A step from a row with [`STEP_COLUMNS`] from column `at` on.
fn step_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<StepRow> {
    let trap: Option<String> = r.get(at + 6)?;
    let (started, ended): (Millis, Millis) = (r.get(at + 1)?, r.get(at + 2)?);
    let record = StepRecord {
        step: r.get(at)?,
        duration_secs: (ended - started).max(0) as f32 / 1000.0,
        wrong_actions: r.get(at + 3)?,
        highest_hint: r.get(at + 4)?,
        skipped: r.get(at + 5)?,
        trap: trap.as_deref().and_then(TrapOutcome::parse),
        branch: r.get(at + 7)?,
    };
    Ok(StepRow::new(started, ended, record))
}

/// One attempt with its steps and title, as its statements need it.
fn read_attempt(conn: &Connection, id: i64, voided_too: bool) -> Result<Option<(Attempt, Option<String>)>, StoreError> {
    let found = conn
        .query_row(
            &format!("SELECT {ATTEMPT_COLUMNS}, title FROM attempts WHERE id = ?1 AND (voided_ms IS NULL OR ?2)"),
            params![id, voided_too],
            |r| Ok((attempt_row(r)?, r.get::<_, Option<String>>(10)?)),
        )
        .optional()?;
    let Some((mut attempt, title)) = found else { return Ok(None) };
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {STEP_COLUMNS} FROM steps WHERE attempt_id = ?1 ORDER BY seq"))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        attempt.steps.push(step_row(r, 0)?);
    }
    Ok(Some((attempt, title)))
}

/// One step row: the same columns whether written live or in a batch.
fn insert_step(conn: &Connection, attempt: i64, seq: i64, step: &StepRow) -> Result<(), StoreError> {
    let r = &step.record;
    conn.prepare_cached(
        "INSERT INTO steps (attempt_id, seq, step, started_ms, ended_ms, wrong_actions, highest_hint, skipped, trap,
                            branch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        attempt,
        seq,
        r.step,
        step.started,
        step.ended,
        r.wrong_actions,
        r.highest_hint,
        r.skipped,
        r.trap.map(TrapOutcome::as_str),
        r.branch
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kuayue-store-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        dir
    }

    fn step(name: &str, ended: Millis) -> StepRow {
        let record = StepRecord {
            step: name.to_owned(),
            duration_secs: 1.0,
            wrong_actions: 1,
            highest_hint: 2,
            skipped: false,
            trap: Some(TrapOutcome::Refused),
            branch: None,
        };
        StepRow::new(ended - 1000, ended, record)
    }

    fn attempt(learner: Option<LearnerId>, scenario: &str, started: Millis) -> NewAttempt {
        NewAttempt {
            learner,
            scenario: scenario.to_owned(),
            scenario_hash: "abc".to_owned(),
            lang: "zh-CN".to_owned(),
            started,
            title: Some("预约挂号".to_owned()),
        }
    }

    #[test]
    fn a_fresh_store_is_durable_and_at_the_current_schema() {
        let dir = temp_dir("fresh");
        let opened = Store::open(&dir).unwrap();
        assert!(opened.notices.is_empty());
        let conn = &opened.store.conn;
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "synchronous=FULL");
        assert_eq!(version, schema::VERSION);
        drop(opened);
        // Opening again runs no migration twice.
        assert!(Store::open(&dir).unwrap().notices.is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn attempts_and_steps_read_back_in_order() {
        let store = Store::in_memory().unwrap();
        let ana = store.add_learner("  王阿姨 ", Some("智能手机一班"), 1).unwrap();
        assert_eq!(ana.name, "王阿姨");
        let bob = store.add_learner("李叔叔", Some("  "), 2).unwrap();
        assert_eq!(bob.group, None);
        assert_ne!(ana.colour, bob.colour);
        assert!(matches!(store.add_learner("   ", None, 3), Err(StoreError::EmptyName)));

        let first = store.start_attempt(&attempt(Some(ana.id), "hospital", 10_000)).unwrap();
        store.record_step(first, &step("a", 11_000)).unwrap();
        store.record_step(first, &step("b", 12_000)).unwrap();
        store.finish_attempt(first, Outcome::Completed, 13_500).unwrap();
        // Finishing twice keeps the first ending.
        store.finish_attempt(first, Outcome::Abandoned, 20_000).unwrap();
        let guest = store.start_attempt(&attempt(None, "insurance", 30_000)).unwrap();
        store.finish_attempt(guest, Outcome::Abandoned, 31_000).unwrap();

        let all = store.attempts(Period::default()).unwrap();
        assert_eq!(all.len(), 2);
        let mut store = store;
        let bulk =
            (attempt(None, "bulk", 40_000), vec![step("x", 41_000), step("y", 42_000)], Outcome::Completed, 45_000);
        store.insert_finished(&[bulk]).unwrap();
        let imported = store.attempts(Period { since: Some(40_000), until: None }).unwrap();
        assert_eq!(imported[0].steps, [step("x", 41_000), step("y", 42_000)]);
        assert_eq!((imported[0].outcome, imported[0].total_secs), (Outcome::Completed, Some(5.0)));
        assert_eq!(all[0].outcome, Outcome::Completed);
        assert_eq!(all[0].total_secs, Some(3.5));
        assert_eq!(all[0].steps.iter().map(|s| s.record.step.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(all[0].steps[0], step("a", 11_000));
        assert_eq!(all[1].learner, None);
        assert!(all[1].steps.is_empty());

        let later = store.attempts(Period { since: Some(20_000), until: Some(40_000) }).unwrap();
        assert_eq!(later.len(), 1);
        let earlier = store.attempts(Period { since: None, until: Some(30_000) }).unwrap();
        assert_eq!(earlier.len(), 1);

        assert_eq!(store.completed_scenarios(Some(ana.id)).unwrap(), ["hospital"]);
        assert_eq!(store.completed_scenarios(None).unwrap(), ["bulk"], "the guest completed the imported one");
        assert!(matches!(
            store.start_attempt(&attempt(Some(LearnerId(99)), "x", 1)),
            Err(StoreError::NoSuchLearner(99))
        ));
    }

    #[test]
    fn settings_and_salt_persist() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.setting("text-scale").unwrap(), None);
        store.set_setting("text-scale", "150").unwrap();
        store.set_setting("text-scale", "200").unwrap();
        assert_eq!(store.setting("text-scale").unwrap().as_deref(), Some("200"));
        let salt = store.salt().unwrap();
        assert_eq!(salt.len(), 32);
        assert_eq!(store.salt().unwrap(), salt);
    }

    #[test]
    fn garbage_is_kept_aside_and_a_fresh_store_starts() {
        let dir = temp_dir("garbage");
        std::fs::create_dir_all(&dir).unwrap();
        let garbage: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        std::fs::write(dir.join(FILE_NAME), &garbage).unwrap();
        let opened = Store::open(&dir).unwrap();
        let [Notice::KeptAside { kept, reason }] = opened.notices.as_slice() else { panic!("{:?}", opened.notices) };
        assert!(std::fs::read(kept).unwrap() == garbage, "the damaged file is kept byte for byte");
        assert!(reason.contains("not a database"), "{reason}");
        opened.store.add_learner("王阿姨", None, 1).unwrap();
        assert_eq!(opened.store.learners().unwrap().len(), 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_database_from_a_newer_kuayue_is_left_untouched() {
        let dir = temp_dir("newer");
        std::fs::create_dir_all(&dir).unwrap();
        let conn = Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let before = std::fs::read(dir.join(FILE_NAME)).unwrap();
        assert!(matches!(Store::open(&dir), Err(StoreError::TooNew { found: 99, .. })));
        assert!(std::fs::read(dir.join(FILE_NAME)).unwrap() == before, "the file changed");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn open_attempts_of_a_live_session_stay_open_and_of_a_dead_one_are_interrupted() {
        let dir = temp_dir("sessions");
        let first = Store::open(&dir).unwrap().store;
        let live = first.start_attempt(&attempt(None, "hospital", 1_000)).unwrap();
        first.record_step(live, &step("a", 4_000)).unwrap();
        // A second window while the first still runs: nothing is closed.
        let second = Store::open(&dir).unwrap();
        assert!(second.notices.is_empty(), "{:?}", second.notices);
        drop(second);
        // The first window goes away without finishing (its lock is released, as on a crash).
        drop(first);
        let third = Store::open(&dir).unwrap();
        assert_eq!(third.notices, [Notice::Interrupted { attempts: 1 }]);
        let locks = std::fs::read_dir(dir.join("sessions")).unwrap().count();
        assert_eq!(locks, 1, "only the running session's lock file is left");
        let attempts = third.store.attempts(Period::default()).unwrap();
        assert_eq!(attempts[0].outcome, Outcome::Interrupted);
        assert_eq!(attempts[0].ended, Some(4_000), "ends at its last finished step");
        assert_eq!(attempts[0].total_secs, Some(3.0));
        std::fs::remove_dir_all(&dir).ok();
    }
}

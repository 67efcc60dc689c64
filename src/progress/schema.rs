//! The store's schema as numbered migrations. `PRAGMA user_version` says how
//! many have run; each runs once, in its own transaction. Never edit a shipped
//! migration: add the next one.

use rusqlite::{Connection, TransactionBehavior};

use super::store::StoreError;

/// Migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: learners, attempts, step records, settings.
    "
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE learners (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        group_name TEXT,
        colour     TEXT NOT NULL,
        created_ms INTEGER NOT NULL
    );
    CREATE TABLE attempts (
        id            INTEGER PRIMARY KEY,
        uid           TEXT NOT NULL UNIQUE,
        learner_id    INTEGER REFERENCES learners(id),
        scenario      TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        lang          TEXT NOT NULL,
        started_ms    INTEGER NOT NULL,
        ended_ms      INTEGER,
        outcome       TEXT NOT NULL
                      CHECK (outcome IN ('open', 'completed', 'abandoned', 'interrupted')),
        total_secs    REAL,
        -- The app session that writes it: tells a crashed session's open attempts
        -- from those another window is still playing.
        session       TEXT NOT NULL
    );
    CREATE INDEX attempts_by_learner ON attempts (learner_id, scenario);
    CREATE INDEX attempts_by_start ON attempts (started_ms);
    CREATE INDEX attempts_open ON attempts (session) WHERE outcome = 'open';
    CREATE TABLE steps (
        id            INTEGER PRIMARY KEY,
        attempt_id    INTEGER NOT NULL REFERENCES attempts(id),
        seq           INTEGER NOT NULL,
        step          TEXT NOT NULL,
        started_ms    INTEGER NOT NULL,
        ended_ms      INTEGER NOT NULL,
        wrong_actions INTEGER NOT NULL,
        highest_hint  INTEGER NOT NULL,
        skipped       INTEGER NOT NULL,
        trap          TEXT CHECK (trap IN ('refused', 'fell_for')),
        UNIQUE (attempt_id, seq)
    );
    ",
    // 2: the step a branch led to (kept with the step's record, so nothing of it is lost).
    "ALTER TABLE steps ADD COLUMN branch TEXT;",
    // 3: the xAPI outbox, written in the same transaction as the record it tells of, and
    // what an attempt's statements need to be written then: its title, and whether it was voided.
    "
    ALTER TABLE attempts ADD COLUMN title TEXT;
    ALTER TABLE attempts ADD COLUMN voided_ms INTEGER;
    CREATE TABLE outbox (
        seq          INTEGER PRIMARY KEY,
        statement_id TEXT NOT NULL UNIQUE,
        attempt_id   INTEGER REFERENCES attempts(id),
        -- For a voided statement: the statement it voids. The body of every statement
        -- is made from the record when it is sent (the same bytes each time), not kept.
        voids        TEXT,
        state        TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'sent', 'conflict', 'rejected')),
        tries        INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        queued_ms    INTEGER NOT NULL,
        sent_ms      INTEGER
    );
    CREATE INDEX outbox_queued ON outbox (seq) WHERE state = 'queued';
    ",
];

/// The schema version this build writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Fails, without writing, when the database comes from a newer kuayue.
pub fn refuse_newer(conn: &Connection) -> Result<(), StoreError> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > VERSION {
        return Err(StoreError::TooNew { found, known: VERSION });
    }
    Ok(())
}

/// Brings the database up to [`VERSION`]. A database from a newer kuayue is left untouched.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    loop {
        // IMMEDIATE: two windows starting at once take turns, and the second sees the first's work.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: u32 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version > VERSION {
            return Err(StoreError::TooNew { found: version, known: VERSION });
        }
        let Some(sql) = MIGRATIONS.get(version as usize) else { return Ok(()) };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

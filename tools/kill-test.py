#!/usr/bin/env python3
"""Kills kuayue with SIGKILL at random moments across recorded walkthroughs and
checks the progress store afterwards: every step the app said it had committed
is there, in order; every killed attempt is `interrupted`; every finished one
`completed`; nothing is left open; each attempt's xAPI statements (a launch, one
per step, its end) are queued with it; the database passes SQLite's integrity check.

    tools/kill-test.py [RUNS=100] [--seed N]

Each run is `kuayue play <seed scenario> --autoplay --record-as <name>
--exit-when-done` on a virtual screen (Xvfb), with the test report
(docs/test-report.md) telling which records were committed ("recorded" lines,
written only after the commit). It is killed after a random 1.5-40 s (some
runs finish first). Uses the debug build in $CARGO_TARGET_DIR (tools/env.sh);
build it first with `cargo build`. Prints one line per run and a summary;
exits 1 if any check fails.
"""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["hospital_appointment", "medical_insurance_payment", "zheliban_basics", "pharmacy_medical_code"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 100
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261129
    rng = random.Random(seed)
    target = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/kuayue-target"))
    exe = target / "debug" / "kuayue"
    if not exe.exists():
        sys.exit(f"{exe} is missing: run `cargo build` first")
    work = Path(tempfile.mkdtemp(prefix="kuayue-kill-"))
    # A copy of its own: a rebuild during the run does not change the program under test.
    exe = Path(shutil.copy2(exe, work / "kuayue"))
    data = work / "data"
    display = ":87"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1)
    env = dict(os.environ, DISPLAY=display, KUAYUE_DATA_DIR=str(data), RUST_LOG="warn")
    results = []
    started_all = time.time()
    try:
        for i in range(runs):
            scenario = rng.choice(SEEDS)
            report = work / f"report-{i}.jsonl"
            kill_after = rng.uniform(1.5, 40.0)
            cmd = [str(exe), "--lang", "zh-CN", "play", scenario, "--autoplay", "--exit-when-done",
                   "--record-as", f"测试学员{i % 5}"]
            proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(env, KUAYUE_TEST_REPORT=str(report)),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                proc.wait(timeout=kill_after)
                killed = False
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                killed = True
            if not killed and proc.returncode == 2 and not report.exists():
                sys.exit(f"{exe} opened no window (built without the app feature?): run `cargo build` first")
            lines = []
            if report.exists():
                for line in report.read_text(encoding="utf-8").splitlines():
                    try:
                        event = json.loads(line)
                    except json.JSONDecodeError:
                        continue  # a line cut by the kill
                    if event.get("event") == "recorded":
                        lines.append(event)
            start = next((e["started"] for e in lines if e["kind"] == "start"), None)
            steps = [e["step"] for e in lines if e["kind"] == "step"]
            finish = next((e["outcome"] for e in lines if e["kind"] == "finish"), None)
            results.append({"run": i, "scenario": scenario, "killed": killed, "after": kill_after,
                            "start": start, "steps": steps, "finish": finish, "code": proc.returncode})
            print(f"run {i:3}: {scenario:27} {'killed' if killed else 'ended '} after {kill_after:4.1f} s; "
                  f"committed: start={'yes' if start else 'no '} steps={len(steps):2} finish={finish}", flush=True)
        # One more start of the store marks the last killed session's attempts interrupted.
        subprocess.run([str(exe), "stats"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    finally:
        xvfb.terminate()

    problems = check(data / "kuayue.db", results)
    killed = sum(r["killed"] for r in results)
    steps = sum(len(r["steps"]) for r in results)
    print(f"\n{runs} runs in {time.time() - started_all:.0f} s: {killed} killed with SIGKILL, "
          f"{runs - killed} ended by themselves; {steps} committed steps checked.")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("OK: every committed step is in the store in order, every killed attempt is interrupted, "
          "every finished one completed, none left open, each attempt's statements queued with it, "
          "integrity_check ok.")


def check(db, results):
    problems = []
    conn = sqlite3.connect(db)
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    attempts = {row[1]: row for row in conn.execute(
        "SELECT id, started_ms, outcome FROM attempts ORDER BY id")}
    for outcome, count in conn.execute("SELECT outcome, count(*) FROM attempts GROUP BY outcome"):
        print(f"  attempts {outcome}: {count}")
        if outcome in ("open", "abandoned"):
            problems.append(f"{count} attempt(s) {outcome}")
    matched = set()
    for r in results:
        if r["start"] is None:
            continue
        row = attempts.get(r["start"])
        if row is None:
            problems.append(f"run {r['run']}: its committed attempt ({r['start']}) is missing")
            continue
        matched.add(row[0])
        kept = [s for (s,) in conn.execute("SELECT step FROM steps WHERE attempt_id = ? ORDER BY seq", (row[0],))]
        # The store may hold one step more than was reported (killed between commit and report).
        if kept[:len(r["steps"])] != r["steps"] or len(kept) > len(r["steps"]) + 1:
            problems.append(f"run {r['run']}: committed {r['steps']}, kept {kept}")
        expected = "completed" if r["finish"] == "completed" else None
        if expected and row[2] != expected:
            problems.append(f"run {r['run']}: finished but {row[2]}")
        if r["killed"] and r["finish"] is None and row[2] not in ("interrupted", "completed"):
            problems.append(f"run {r['run']}: killed but {row[2]}")
    # Each attempt's statements were queued in the same commits as its records: a launch,
    # one per step kept, and its end.
    for attempt_id, steps, outcome, queued in conn.execute(
            "SELECT a.id, (SELECT count(*) FROM steps WHERE attempt_id = a.id), a.outcome,"
            " (SELECT count(*) FROM outbox WHERE attempt_id = a.id) FROM attempts a"):
        expected = 1 + steps + (0 if outcome == "open" else 1)
        if queued != expected:
            problems.append(f"attempt {attempt_id}: {queued} statements queued, {expected} expected")
    # Attempts no report line tells of (killed between commit and report) must be closed too.
    for started, row in attempts.items():
        if row[0] not in matched and row[2] not in ("interrupted", "completed"):
            problems.append(f"attempt {row[0]} (unreported) is {row[2]}")
    return problems


if __name__ == "__main__":
    main()

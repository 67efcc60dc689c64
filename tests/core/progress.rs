//! The progress store as a centre lives with it: a PC switched off mid-lesson,
//! two windows at once, a damaged file, and exports opened elsewhere.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use kuayue::progress::{NewAttempt, Notice, Outcome, Period, StepRecord, StepRow, Store};

use crate::common::repo;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kuayue-progress-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn kuayue(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kuayue"))
        .args(args)
        .current_dir(repo())
        .env("TZ", "Asia/Shanghai")
        .output()
        .expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn step(name: String, ended: i64) -> StepRow {
    let record = StepRecord {
        step: name,
        duration_secs: 0.5,
        wrong_actions: 1,
        highest_hint: 1,
        skipped: false,
        trap: None,
        branch: None,
    };
    StepRow::new(ended - 500, ended, record)
}

fn new_attempt(scenario: &str, started: i64) -> NewAttempt {
    NewAttempt {
        learner: None,
        scenario: scenario.to_owned(),
        scenario_hash: "0000".to_owned(),
        lang: "zh-CN".to_owned(),
        started,
        title: None,
    }
}

/// Runs one of the helper "tests" below in a child process of this test binary.
fn helper(name: &str, dir: &Path, extra: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--ignored", "--exact", "--nocapture", "--test-threads=1", name])
        .env("KUAYUE_HELPER_DIR", dir)
        .env("KUAYUE_HELPER_ARG", extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    cmd
}

fn helper_env() -> (PathBuf, String) {
    let dir = std::env::var_os("KUAYUE_HELPER_DIR").expect("run only as a helper process").into();
    (dir, std::env::var("KUAYUE_HELPER_ARG").unwrap_or_default())
}

/// Helper process: plays one endless attempt, printing each step once it is committed.
#[test]
#[ignore = "a helper process for the crash test"]
fn helper_endless_attempt() {
    let (dir, _) = helper_env();
    let store = Store::open(&dir).unwrap().store;
    let attempt = store.start_attempt(&new_attempt("hospital_appointment", 1_000)).unwrap();
    for n in 0.. {
        store.record_step(attempt, &step(format!("step-{n}"), 2_000 + n * 1_000)).unwrap();
        println!("committed {n}");
    }
}

/// Helper process: writes `KUAYUE_HELPER_ARG` complete attempts of five steps.
#[test]
#[ignore = "a helper process for the concurrency test"]
fn helper_writer() {
    let (dir, count) = helper_env();
    let count: i64 = count.parse().unwrap();
    let store = Store::open(&dir).unwrap().store;
    for i in 0..count {
        let attempt = store.start_attempt(&new_attempt("zheliban_basics", i * 10_000)).unwrap();
        for n in 0..5 {
            store.record_step(attempt, &step(format!("s{n}"), i * 10_000 + n * 100)).unwrap();
        }
        store.finish_attempt(attempt, Outcome::Completed, i * 10_000 + 600).unwrap();
    }
    println!("wrote {count}");
}

#[test]
fn a_killed_process_keeps_every_finished_step_and_its_attempt_becomes_interrupted() {
    let dir = temp_dir("crash");
    let mut child = helper("progress::helper_endless_attempt", &dir, "").spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut last = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("committed ") {
            last = Some(n.parse::<usize>().unwrap());
            if last >= Some(20) {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no flush, like pulling the plug on the process.
    child.wait().unwrap();
    let confirmed = last.expect("the helper committed steps") + 1;

    let opened = Store::open(&dir).unwrap();
    assert_eq!(opened.notices, [Notice::Interrupted { attempts: 1 }]);
    let attempts = opened.store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].outcome, Outcome::Interrupted);
    assert!(attempts[0].steps.len() >= confirmed, "{} < {confirmed}", attempts[0].steps.len());
    for (n, s) in attempts[0].steps.iter().enumerate() {
        assert_eq!(s.record.step, format!("step-{n}"), "steps in order, none missing");
    }
    assert_eq!(attempts[0].ended, attempts[0].steps.last().map(|s| s.ended));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = temp_dir("concurrent");
    Store::open(&dir).unwrap();
    let per_process = 200;
    let children: Vec<_> =
        (0..2).map(|_| helper("progress::helper_writer", &dir, &per_process.to_string()).spawn().unwrap()).collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains(&format!("wrote {per_process}")), "{text}");
    }
    let opened = Store::open(&dir).unwrap();
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    let attempts = opened.store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 2 * per_process);
    assert!(attempts.iter().all(|a| a.outcome == Outcome::Completed && a.steps.len() == 5));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_damaged_store_is_kept_aside_and_the_trainer_is_told_in_plain_words() {
    let dir = temp_dir("damaged");
    std::fs::write(dir.join("kuayue.db"), b"this is not a database, just garbage left by a broken disk".repeat(100))
        .unwrap();
    let (code, out, err) = kuayue(&["stats", "--lang", "zh-CN", "--data-dir", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("练习记录文件损坏") && err.contains("没有删除"), "{err}");
    assert!(out.contains("还没有练习记录"), "{out}");
    let kept: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(std::fs::read(&kept[0]).unwrap().starts_with(b"this is not a database"));
    assert!(err.contains(&kept[0].display().to_string()), "the message names the kept file");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_forgotten_trainer_pin_can_be_reset_from_the_command_line() {
    let dir = temp_dir("pin");
    {
        let store = Store::open(&dir).unwrap().store;
        assert!(kuayue::settings::set_trainer_pin(&store, "2580").unwrap());
    }
    let (code, out, err) = kuayue(&["reset-pin", "--lang", "en-US", "--data-dir", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("PIN"), "{out}");
    let store = Store::open(&dir).unwrap().store;
    assert!(!kuayue::settings::has_trainer_pin(&store).unwrap());
    std::fs::remove_dir_all(&dir).ok();
}

/// A store with two learners' attempts at two seed scenarios.
fn filled_store(dir: &Path) {
    let store = Store::open(dir).unwrap().store;
    let wang = store.add_learner("王阿姨", Some("智能手机一班"), 0).unwrap();
    let day = |d: i64| 1_764_547_200_000 + d * 86_400_000; // 2025-12-01 00:00 UTC
    for (d, scenario, outcome) in [
        (0, "hospital_appointment", Outcome::Abandoned),
        (1, "hospital_appointment", Outcome::Completed),
        (2, "medical_insurance_payment", Outcome::Completed),
    ] {
        let attempt = store
            .start_attempt(&NewAttempt { learner: Some(wang.id), ..new_attempt(scenario, day(d) + 3_600_000) })
            .unwrap();
        store.record_step(attempt, &step("open_app".to_owned(), day(d) + 3_700_000)).unwrap();
        store.finish_attempt(attempt, outcome, day(d) + 3_900_000).unwrap();
    }
}

fn unzip(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn exports_from_the_command_line_open_as_csv_xlsx_and_xapi() {
    let dir = temp_dir("export");
    filled_store(&dir);
    let data = dir.to_str().unwrap();
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();

    let (code, text, err) =
        kuayue(&["export", "--lang", "zh-CN", "--data-dir", data, "--format", "csv", "--out", &out("a.csv")]);
    assert_eq!(code, 0, "{text}{err}");
    assert!(text.contains("3 attempts"), "{text}");
    let csv = std::fs::read(out("a.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "BOM first");
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    assert_eq!(&reader.headers().unwrap()[4], "场景");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][1], "王阿姨");
    assert_eq!(&rows[1][4], "预约挂号", "the scenario's title from locales/");

    let (code, _, err) = kuayue(&[
        "export",
        "--lang",
        "en-US",
        "--data-dir",
        data,
        "--format",
        "csv",
        "--since",
        "2025-12-02",
        "--until",
        "2025-12-02",
        "--anonymize",
        "--out",
        &out("b.csv"),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(std::fs::read(out("b.csv")).unwrap()).unwrap();
    assert_eq!(text.lines().count(), 2, "one day, one attempt: {text}");
    assert!(!text.contains("王阿姨") && text.contains("Learner-"), "{text}");

    let (code, _, err) =
        kuayue(&["export", "--lang", "zh-CN", "--data-dir", data, "--format", "xlsx", "--out", &out("a.xlsx")]);
    assert_eq!(code, 0, "{err}");
    let workbook = unzip(&dir.join("a.xlsx"), "xl/workbook.xml");
    for sheet in ["汇总", "练习记录", "每一步"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{workbook}");
    }
    let strings = unzip(&dir.join("a.xlsx"), "xl/sharedStrings.xml");
    for cell in ["按场景", "预约挂号", "王阿姨", "智能手机一班", "open_app", "中途退出", "序号"] {
        assert!(strings.contains(&format!("<t>{cell}</t>")), "{cell} missing: {strings}");
    }
    let attempts = unzip(&dir.join("a.xlsx"), "xl/worksheets/sheet2.xml");
    assert_eq!(attempts.matches("<row ").count(), 4, "a header and three attempts");
    // 2025-12-01 01:00 UTC is 09:00 in Shanghai: an Excel date-time, not text.
    assert!(attempts.contains("<v>45992.375</v>"), "{attempts}");
    let steps = unzip(&dir.join("a.xlsx"), "xl/worksheets/sheet3.xml");
    assert_eq!(steps.matches("<row ").count(), 4, "a header and one step per attempt");
    let summary = unzip(&dir.join("a.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(summary.contains("<v>0.5</v>"), "hospital: 1 of 2 completed, as a number: {summary}");

    let (code, _, err) = kuayue(&["export", "--data-dir", data, "--format", "xapi", "--out", &out("a.json")]);
    assert_eq!(code, 0, "{err}");
    let statements: Vec<serde_json::Value> = serde_json::from_slice(&std::fs::read(out("a.json")).unwrap()).unwrap();
    assert_eq!(statements.len(), 3 * 3, "launched, one step, an ending, for each attempt");
    assert!(statements.iter().all(|s| s["version"] == "1.0.3" && s["actor"]["account"]["homePage"].is_string()));

    let (code, text, err) = kuayue(&["stats", "--lang", "zh-CN", "--data-dir", data]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("按场景") && text.contains("预约挂号") && text.contains("50%"), "{text}");
    assert!(text.contains("王阿姨") && text.contains("智能手机一班"), "{text}");

    let (code, _, err) =
        kuayue(&["export", "--data-dir", data, "--format", "csv", "--since", "Dec 1", "--out", &out("c.csv")]);
    assert_eq!(code, 1);
    assert!(err.contains("2026-11-01"), "{err}");
    assert!(!dir.join("c.csv").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_full_disk_holds_practice_back_and_writes_all_of_it_when_space_returns() {
    use kuayue::progress::recorder::{Ledger, Op};
    let Some(disk) = crate::common::SmallDisk::mount("full", "4m", false) else { return };
    let dir = disk.path.join("data");
    let store = Store::open(&dir).unwrap().store;
    disk.fill();
    let mut ledger = Ledger::default();
    let ops: Vec<Op> = std::iter::once(Op::Start(new_attempt("hospital_appointment", 1_000)))
        .chain((0..5).map(|n| Op::Step(step(format!("step-{n}"), 2_000 + n * 1_000))))
        .chain([Op::Finish { outcome: Outcome::Completed, at: 9_000 }])
        .collect();
    let mut full = 0;
    for op in &ops {
        if let Err(e) = ledger.apply(&store, op) {
            assert!(e.is_full() && e.is_passing(), "{e}");
            full += 1;
        }
    }
    assert!(full > 0, "the full disk was noticed");
    assert_eq!(ledger.held(), ops.len(), "everything is held back, in order");
    // Trying again while still full keeps everything.
    assert!(ledger.flush(&store).unwrap_err().is_full());
    disk.free();
    ledger.flush(&store).unwrap();
    assert_eq!(ledger.held(), 0);
    drop(store);
    let attempts = Store::open(&dir).unwrap().store.attempts(Period::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].outcome, Outcome::Completed);
    assert_eq!(attempts[0].steps.len(), 5, "every finished step is kept");
}

#[test]
fn a_read_only_data_folder_is_said_plainly() {
    let Some(disk) = crate::common::SmallDisk::mount("ro", "4m", false) else { return };
    // An empty read-only folder, and one whose store was written before it became read-only.
    let fresh = disk.path.join("fresh");
    let used = disk.path.join("used");
    std::fs::create_dir_all(&fresh).unwrap();
    drop(Store::open(&used).unwrap());
    disk.read_only(true);
    for dir in [&fresh, &used] {
        let Err(e) = Store::open(dir) else { panic!("{} opened for writing", dir.display()) };
        assert!(e.is_read_only(), "{}: {e}", dir.display());
    }
    disk.read_only(false);
}

//! The `report` command: files written whole, bad requests refused with a clear message,
//! and saved intakes found by their code.

mod report_support;

use assert_cmd::Command;
use pd_intake::autosave::Autosave;
use report_support::*;
use serde_json::Value;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("pd-intake").unwrap();
    c.args(["--questions", SMALL, "--today", "2026-11-27"]);
    c
}

#[test]
fn the_command_writes_a_file_and_refuses_bad_requests_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("intake.html");
    cmd()
        .args([
            "report",
            "tests/fixtures/answers/report_es.yaml",
            "--format",
            "html",
            "--lang",
            "en",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("In what year did you come to the US?"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left behind"
    );

    let a = cmd()
        .args([
            "report",
            "tests/fixtures/answers/report_es.yaml",
            "--take-home",
            "--format",
            "md",
        ])
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("txt or html"));
    cmd()
        .args([
            "report",
            "tests/fixtures/answers/report_es.yaml",
            "--format",
            "pdf",
        ])
        .assert()
        .code(2);

    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "language: es\nanswers:\n  entry_year: tomorrow\n").unwrap();
    let a = cmd().arg("report").arg(&broken).assert().failure();
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("broken.yaml:3:") && err.contains("entry_year"),
        "{err}"
    );

    let nowhere = dir.path().join("missing-folder").join("r.txt");
    let a = cmd()
        .args(["report", "tests/fixtures/answers/report_es.yaml", "-o"])
        .arg(&nowhere)
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("cannot write"));

    let a = cmd()
        .args(["report", "ZZZ-ZZZ", "--data-dir"])
        .arg(dir.path())
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("no saved intake matches"));
}

#[test]
fn a_saved_intake_reports_by_its_code_with_its_dates() {
    let dir = tempfile::tempdir().unwrap();
    let qn = small();
    let st = pd_intake::store::open_store(Some(dir.path()), None)
        .unwrap()
        .with_clock(pd_intake::store::clock::fixed("2026-11-27T15:04:05Z"));
    let mut session = st.new_session().unwrap();
    let inp = input(&qn, "report_es.yaml");
    let mut iv = pd_intake::interview::Interview::new(&qn, today());
    let entry = qn.question_index("entry_year").unwrap();
    iv.record(entry, inp.answers[entry].clone().unwrap())
        .unwrap();
    session.save_record(&iv, "es").unwrap();
    let code = session.code().unwrap().to_owned();

    let a = cmd()
        .args(["report", &code, "--format", "json", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["intake"]["code"], code.as_str());
    assert_eq!(v["intake"]["status"], "in_progress");
    assert_eq!(v["intake"]["created"], "2026-11-27T15:04:05Z");
    assert_eq!(v["language"], "es", "the intake's language by default");
    assert_eq!(validate(&v, &schema()), Vec::<String>::new());

    let a = cmd()
        .args(["report", &code, "--lang", "en", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success();
    let txt = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(
        txt.contains(&format!("Intake code:           {code}"))
            && txt.contains("Not answered yet:"),
        "{txt}"
    );
}

//! One fixture per authoring mistake (tests/fixtures/invalid/*.yaml), each with a snapshot of
//! the exact messages `pd-intake check` prints: line, column, message and hint.

use std::path::Path;

use pd_intake::check::{Options, check_source};

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_mistake_is_an_error_with_its_place() {
    let files = fixtures();
    assert!(files.len() >= 25, "only {} fixtures", files.len());
    for f in files {
        let stem = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&f).expect("readable fixture");
        let d = check_source(&text, &Options::default());
        assert!(d.has_errors(), "{stem}: no error found");
        let shown = d.render(&format!("tests/fixtures/invalid/{stem}.yaml"));
        assert!(
            d.0.iter().all(|d| d.pos.line > 0),
            "{stem}: a message without a line:\n{shown}"
        );
        insta::assert_snapshot!(stem, shown);
    }
}

#[test]
fn the_cli_exits_1_on_errors_and_0_with_only_warnings() {
    let bad =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/duplicate_id.yaml");
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("duplicate_id.yaml:"), "{stdout}");
    assert!(
        stdout.contains(": error: the id `status` is used twice"),
        "{stdout}"
    );
    let dir = tempfile::tempdir().unwrap();
    let warn = dir.path().join("w.yaml");
    std::fs::write(
        &warn,
        "format: 1\nid: t\nversion: \"1\"\ntitle: T\nlanguages: [{code: en, name: English}]\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, kind: yes_no, text: A}\n      - {id: b, kind: yes_no, text: B, when: {all: [{question: a, is: \"yes\"}, {question: a, is: \"no\"}]}}\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .arg("check")
        .arg(&warn)
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("w.yaml:11:46: warning: this condition can never be true"),
        "{stdout}"
    );
    assert!(stdout.contains("1 warning"), "{stdout}");
}

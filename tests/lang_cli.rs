//! `--lang` with a code the questionnaire lacks fails alike in every command that takes it,
//! and `--help` of a command shows only the global options it takes.

use assert_cmd::Command;

const SCENARIO: &str = "tests/scenarios/daca_recipient.yaml";

#[test]
fn an_unknown_language_fails_the_same_way_everywhere() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let runs: [&[&str]; 6] = [
        &["score", "--answers", SCENARIO],
        &["score", "--answers", SCENARIO, "--format", "txt"],
        &["report", SCENARIO],
        &["check"],
        &["check", "--explain"],
        &["--plain", "--data-dir", data_dir],
    ];
    for args in runs {
        let out = Command::cargo_bin("pd-intake")
            .unwrap()
            .args(args)
            .args(["--lang", "fr"])
            .write_stdin("")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err.trim_end(),
            "pd-intake: the questionnaire `discretion` has no language `fr` (it has: en, es)",
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed a result");
    }
    // Nothing was saved by the interview that did not start.
    assert!(std::fs::read_dir(data.path()).unwrap().next().is_none());
}

#[test]
fn keygen_and_schema_help_show_no_interview_options() {
    for sub in ["keygen", "schema"] {
        let out = Command::cargo_bin("pd-intake")
            .unwrap()
            .args([sub, "--help"])
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        for flag in ["--theme", "--mouse", "--recipient", "--lang"] {
            assert!(!help.contains(flag), "{sub} --help shows {flag}:\n{help}");
        }
    }
}

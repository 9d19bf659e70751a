//! Reports never carry an applicant's control codes to a staff terminal, and a report file is
//! private to its owner and written without following planted links.

use assert_cmd::Command;

const SMALL: &str = "tests/fixtures/report_questionnaire.yaml";

fn hostile_answers(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("hostile.yaml");
    // ESC ] 52 sets the clipboard, ESC [ 2 J clears the screen, BEL, backspaces, a bare CR.
    std::fs::write(
        &path,
        "questionnaire: report_fixture\nlanguage: en\nanswers:\n  entry_year: 2012\n  \
         notes: \"hello\\e]52;c;cm0gLXJmIH4=\\a\\e[2J\\b\\b\\rowned\"\n",
    )
    .unwrap();
    path
}

fn report(args: &[&str], answers: &std::path::Path) -> Vec<u8> {
    let out = Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["--questions", SMALL, "--today", "2026-11-27", "report"])
        .arg(answers)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn text_reports_show_control_codes_and_json_keeps_them_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let answers = hostile_answers(dir.path());
    for format in ["txt", "md", "html"] {
        for extra in [&[][..], &["--take-home"][..]] {
            if format == "md" && !extra.is_empty() {
                continue;
            }
            let mut args = vec!["--format", format];
            args.extend_from_slice(extra);
            let out = report(&args, &answers);
            let text = String::from_utf8(out).unwrap();
            let raw: Vec<char> = text
                .chars()
                .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
                .collect();
            assert!(raw.is_empty(), "{format} {extra:?} prints {raw:?}");
            if extra.is_empty() {
                assert!(text.contains("hello\\u{1b}"), "{format}: {text}");
            }
        }
    }
    let json: serde_json::Value =
        serde_json::from_slice(&report(&["--format", "json"], &answers)).unwrap();
    assert!(json.to_string().contains("hello\\u001b]52;c;"), "{json}");
}

#[cfg(unix)]
#[test]
fn a_report_file_is_private_and_a_planted_link_is_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let answers = hostile_answers(dir.path());
    let out = dir.path().join("intake.html");
    // Where an attacker expects the temp file (the old writer's `.NAME.tmp`), and the report
    // name itself, both point at a file of theirs.
    let victim = dir.path().join("attacker-owned.txt");
    std::fs::write(&victim, "untouched").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".intake.html.tmp")).unwrap();
    Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["--questions", SMALL, "--today", "2026-11-27", "report"])
        .arg(&answers)
        .args(["--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(meta.file_type().is_file(), "a real file, not a link");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
}

//! `pd-intake check` on recorded audio (read aloud): a missing or unreadable file named in
//! `audio:` is an error at FILE:LINE:COL; files that are there pass.

use assert_cmd::Command;

const ALL_KINDS: &str = include_str!("fixtures/all_kinds.yaml");

fn with_audio(dir: &std::path::Path) -> (std::path::PathBuf, usize, usize) {
    let at = "        help: {en: \"Why we ask: family here can help your case.\"";
    let text = ALL_KINDS.replacen(
        at,
        &format!("        audio: {{es: audio/q1.es.ogg}}\n{at}"),
        1,
    );
    let line = text.lines().position(|l| l.contains("audio:")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find("audio/").unwrap() + 1;
    let file = dir.join("questions.yaml");
    std::fs::write(&file, text).unwrap();
    (file, line, col)
}

#[test]
fn a_missing_audio_file_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (file, line, col) = with_audio(dir.path());
    let out = Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["check"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    let want = format!(
        "{}:{line}:{col}: error: the `es` audio file audio/q1.es.ogg does not exist",
        file.display()
    );
    assert!(stdout.contains(&want), "want {want:?} in:\n{stdout}");
}

#[test]
fn an_audio_file_that_is_there_passes() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _) = with_audio(dir.path());
    std::fs::create_dir(dir.path().join("audio")).unwrap();
    std::fs::write(dir.path().join("audio/q1.es.ogg"), b"OggS").unwrap();
    let out = Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["check"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(!stdout.contains("audio"), "{stdout}");
}

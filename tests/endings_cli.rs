//! Endings without a terminal: the wrong-code count is this process's own (issue 14 item 11)
//! and plain mode with a folder that cannot be written (issue 15 item 7).

mod store_common;

use std::path::Path;

use pd_intake::load::load_str;
use pd_intake::store::StoreError;
use store_common::*;

/// A stranger's wrong codes in one process (or an earlier run) never make the applicant of
/// another process wait: nothing is counted on disk.
#[test]
fn wrong_codes_count_per_process_not_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let qn = load_str(V1).unwrap();
    let first = plain_store(dir.path());
    for n in 1..=3 {
        let Err(StoreError::NoSuchCode { failures, .. }) = first.resume("K7P-2QX", &qn, today())
        else {
            panic!("refused")
        };
        assert_eq!(failures, n, "each wrong code in this process counts");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        names.is_empty(),
        "nothing written by wrong codes: {names:?}"
    );
    let second = plain_store(dir.path());
    let Err(StoreError::NoSuchCode { failures, .. }) = second.resume("K7P-2QX", &qn, today())
    else {
        panic!("refused")
    };
    assert_eq!(failures, 1, "a new process starts without a debt");
}

fn blocked_dir(base: &Path) -> std::path::PathBuf {
    // A file where the folder should be: saving fails even for root (chmod would not).
    let blocker = base.join("intakes");
    std::fs::write(&blocker, "not a folder").unwrap();
    blocker.join("data")
}

/// Plain mode used to exit 0 after a failed save (and, on resume, print a code that opened
/// nothing new). Now: the reason for staff, no code, exit status 1.
#[test]
fn plain_mode_with_a_folder_that_cannot_be_written_fails_and_shows_no_code() {
    let base = tempfile::tempdir().unwrap();
    let data = blocked_dir(base.path());
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .args([
            "--plain",
            "--lang",
            "en",
            "--today",
            "2026-11-27",
            "--data-dir",
        ])
        .arg(&data)
        .write_stdin("\nno\n\n\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("Could not save"), "{stdout}");
    assert!(stdout.contains("For staff: could not write"), "{stdout}");
    assert!(stdout.contains("Not a directory"), "{stdout}");
    assert!(!stdout.contains("Your code to continue later"), "{stdout}");
    assert!(
        stdout.contains("Your last answers could not be saved"),
        "{stdout}"
    );
}

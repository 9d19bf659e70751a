//! `list`, `keygen`, `resume` from the command line, and the promise of no networking code.

mod store_common;

use assert_cmd::Command;
use pd_intake::autosave::Autosave;
use pd_intake::load::load_str;
use store_common::*;

fn pd() -> Command {
    Command::cargo_bin("pd-intake").unwrap()
}

#[test]
fn list_json_follows_the_contract_and_reports_damaged_files() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "es").unwrap();
    std::fs::write(dir.path().join("ZZZ-ZZZ.json"), "{\"format\": 1, \"co").unwrap();

    let out = pd()
        .args(["list", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows,
        serde_json::json!([{
            "code": s.code().unwrap(),
            "status": "in_progress",
            "answered": 1,
            "created": "2026-03-04T10:00:00Z",
            "updated": "2026-03-04T10:00:00Z",
            "language": "es",
            "questionnaire": {"id": "family", "version": "1"}
        }])
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ZZZ-ZZZ.json") && err.contains("damaged"),
        "{err}"
    );

    let table = pd()
        .args(["list", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains(s.code().unwrap()) && text.contains("in_progress"),
        "{text}"
    );
}

#[test]
fn list_shows_control_codes_in_a_hostile_record_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let path = s.path().to_owned();
    drop(s);
    // A planted or tampered record: its fields carry a screen clear and a clipboard write.
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "\"language\": \"en\"",
        "\"language\": \"\\u001b[2J\\u001b]52;c;eA==\\u0007\"",
    );
    assert!(text.contains("u001b[2J"), "{text}");
    std::fs::write(&path, text).unwrap();
    let out = pd()
        .args(["list", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("\\u{1b}[2J"), "{shown}");
}

#[test]
fn list_of_an_empty_or_missing_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = pd()
        .args(["list", "--data-dir"])
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No saved intakes"));
    let json = pd()
        .args(["list", "--json", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
}

#[test]
fn resume_refuses_something_that_is_not_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let out = pd()
        .args(["resume", "0000", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("codes look like KP7M-2QXT-9RW4"));
}

#[cfg(feature = "encryption")]
#[test]
fn keygen_prints_the_public_key_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("clinic.key");
    let out = pd().args(["keygen", "-o"]).arg(&key).output().unwrap();
    assert!(out.status.success());
    let public = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        public.starts_with("age1") && !public.contains('\n'),
        "{public}"
    );
    assert!(std::fs::read_to_string(&key).unwrap().contains(&public));
    let again = pd().args(["keygen", "-o"]).arg(&key).output().unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

/// The binary must never talk to a network: no HTTP, socket or async-runtime crate may enter
/// the dependency tree (Cargo.lock lists every package any build of this crate can use).
#[test]
fn no_networking_crates_in_the_dependency_tree() {
    const BANNED: &[&str] = &[
        "reqwest",
        "hyper",
        "hyper-util",
        "ureq",
        "curl",
        "curl-sys",
        "isahc",
        "surf",
        "attohttpc",
        "h2",
        "h3",
        "tokio",
        "async-std",
        "smol",
        "rustls",
        "native-tls",
        "openssl",
        "tungstenite",
        "quinn",
        "hickory-resolver",
        "trust-dns-resolver",
        "socket2",
        "age-plugin",
        "which",
        "wsl",
    ];
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"ratatui"), "parsed the lock file");
    let found: Vec<&&str> = names.iter().filter(|n| BANNED.contains(n)).collect();
    assert!(
        found.is_empty(),
        "networking crates in Cargo.lock: {found:?}"
    );

    // age's `plugin` feature runs external programs; it must stay off.
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let age = manifest
        .lines()
        .find(|l| l.starts_with("age "))
        .expect("age is a dependency");
    assert!(
        age.contains("default-features = false") && !age.contains("plugin"),
        "{age}"
    );
}

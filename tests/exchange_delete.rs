//! `delete` removes every file of an intake (the data folder is searched afterwards for its
//! code and a unique answer), asks first unless `--yes`, and `--finished --exported` takes
//! only intakes whose latest save was exported; `list` filters and counts what waits.

mod exchange_support;

use std::path::Path;

use exchange_support::*;
use pd_intake::answer::Answer;
use pd_intake::load::load_str;
use pd_intake::model::Questionnaire;
use pd_intake::store::Store;

const UNIQUE: &str = "Zorzal-7731 unique answer";

fn mention(dir: &Path, needle: &str) -> Vec<String> {
    tree(dir)
        .into_iter()
        .filter(|(p, bytes)| {
            p.to_string_lossy().contains(needle)
                || bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|(p, _)| p.display().to_string())
        .collect()
}

fn intake(st: &Store, qn: &Questionnaire, name: &str, finish: bool) -> String {
    let mut a = slots(
        qn,
        &[
            ("full_name", Answer::Text(name.into())),
            ("detained_now", Answer::Choice("no".into())),
            ("next_hearing_date", Answer::Date(day("2027-02-01"))),
        ],
    );
    if !finish {
        a[2] = None; // one question still open: the intake stays unfinished
    }
    save(st, qn, a, "en", day("2026-11-27"), finish)
}

fn csv_export(data: &Path, out: &Path, qfile: &Path, extra: &[&str]) {
    let mut args = vec![
        "export",
        "--format",
        "csv",
        "--questions",
        qfile.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    ok(data, &args);
}

#[test]
fn deleting_an_intake_leaves_no_file_that_names_it_or_holds_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qn = load_str(SMALL).unwrap();
    let st = plain_store(&data, "2026-11-27T10:00:00Z");
    let code = intake(&st, &qn, UNIQUE, true);
    let keep = intake(&st, &qn, "Someone else", true);
    // What else an intake leaves: saved reports, a lock, a temp file of a cut save.
    st.write_report(&format!("{code}-staff.html"), UNIQUE, true)
        .unwrap();
    st.write_report(&format!("{code}-take-home.html"), UNIQUE, false)
        .unwrap();
    st.write_report(&format!("{keep}-staff.html"), "other", true)
        .unwrap();
    // The store's lock beside the record (`.NAME.lock`), as a crash would leave it.
    std::fs::write(data.join(format!(".{code}.lock")), "").unwrap();
    std::fs::write(data.join(format!(".tmp-{code}.json-0a1b2c")), UNIQUE).unwrap();
    let qfile = dir.path().join("q.yaml");
    std::fs::write(&qfile, SMALL).unwrap();
    csv_export(&data, &dir.path().join("x.csv"), &qfile, &[&code]);
    assert!(!mention(&data, UNIQUE).is_empty());

    let out = ok(&data, &["delete", &code, "--yes"]);
    assert!(
        out.contains(&format!("{code}-staff.html")),
        "lists what was removed: {out}"
    );
    assert!(out.contains("does not wipe the disk"), "{out}");
    assert!(out.contains("Not encrypted: 1 of 1"), "{out}");
    assert_eq!(mention(&data, &code), Vec::<String>::new());
    assert_eq!(mention(&data, UNIQUE), Vec::<String>::new());
    // The other intake and its report are untouched.
    assert!(data.join(format!("{keep}.json")).is_file());
    assert!(data.join(format!("reports/{keep}-staff.html")).is_file());
    let listed = ok(&data, &["list"]);
    assert!(
        !listed.contains(&code) && listed.contains(&keep),
        "{listed}"
    );
}

#[test]
fn deleting_an_encrypted_intake_by_code_needs_the_identity_and_removes_its_envelope() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (key, public) = clinic(dir.path());
    let qn = load_str(SMALL).unwrap();
    let st = sealed_store(&data, &public, "2026-11-27T10:00:00Z");
    let code = intake(&st, &qn, UNIQUE, false);
    let err = fails(&data, &["delete", &code, "--yes"]);
    assert!(err.contains("--identity"), "{err}");
    let before = tree(&data);
    assert_eq!(before.len(), 1);
    let name = before[0].0.display().to_string();
    let out = ok(
        &data,
        &[
            "delete",
            &code,
            "--yes",
            "--identity",
            key.to_str().unwrap(),
        ],
    );
    assert!(out.contains(&name) && out.contains("unreadable"), "{out}");
    assert!(tree(&data).is_empty(), "{:?}", tree(&data));
}

#[test]
fn delete_asks_first_and_a_no_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qn = load_str(SMALL).unwrap();
    let st = plain_store(&data, "2026-11-27T10:00:00Z");
    let code = intake(&st, &qn, UNIQUE, true);
    let before = tree(&data);
    for answer in ["no\n", "", "yes please\n"] {
        let out = pd()
            .args(["delete", &code, "--data-dir"])
            .arg(&data)
            .write_stdin(answer)
            .output()
            .unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing was deleted"));
        assert_eq!(tree(&data), before);
    }
    let out = pd()
        .args(["delete", &code, "--data-dir"])
        .arg(&data)
        .write_stdin("yes\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(tree(&data).is_empty());
    // Naming nothing deletes nothing.
    let err = fails(&data, &["delete", "--yes"]);
    assert!(err.contains("say which intakes"), "{err}");
}

#[test]
fn only_finished_intakes_whose_latest_save_was_exported_go_with_finished_exported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qfile = dir.path().join("q.yaml");
    std::fs::write(&qfile, SMALL).unwrap();
    let qn = load_str(SMALL).unwrap();
    let st = plain_store(&data, "2026-11-27T10:00:00Z");
    let exported_done = intake(&st, &qn, "A", true);
    let exported_open = intake(&st, &qn, "B", false);
    let changed = intake(&st, &qn, "C", true);
    let csv = dir.path().join("x.csv");
    csv_export(
        &data,
        &csv,
        &qfile,
        &[&exported_done, &exported_open, &changed],
    );
    let waiting_done = intake(&st, &qn, "D", true);

    // C is saved again after its export (here: rewritten with a later time).
    let path = data.join(format!("{changed}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "\"updated\": \"2026-11-27T10:00:00Z\"",
            "\"updated\": \"2026-11-28T09:00:00Z\"",
        ),
    )
    .unwrap();

    let listed = ok(&data, &["list"]);
    assert!(
        listed.contains("2 intakes waiting to be exported"),
        "{listed}"
    );
    let rows = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list", "--json"];
        a.extend(args);
        let v: serde_json::Value = serde_json::from_str(&ok(&data, &a)).unwrap();
        let mut codes: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect();
        codes.sort();
        codes
    };
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<_>>()
    };
    assert_eq!(
        rows(&["--not-exported"]),
        sorted(vec![&changed, &waiting_done])
    );
    assert_eq!(
        rows(&["--exported"]),
        sorted(vec![&exported_done, &exported_open])
    );
    assert_eq!(rows(&["--unfinished"]), vec![exported_open.clone()]);
    assert_eq!(rows(&["--since", "2026-11-28"]), vec![changed.clone()]);
    assert_eq!(
        rows(&["--until", "2026-11-27", "--finished"]),
        sorted(vec![&exported_done, &waiting_done])
    );

    let out = ok(&data, &["delete", "--finished", "--exported", "--yes"]);
    assert!(out.contains(&exported_done), "{out}");
    assert_eq!(
        rows(&[]),
        sorted(vec![&exported_open, &changed, &waiting_done])
    );
    let listed = ok(&data, &["list"]);
    assert!(
        listed.contains("2 intakes waiting to be exported"),
        "{listed}"
    );
}

#[test]
fn delete_shows_control_codes_of_a_hostile_record_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qn = load_str(SMALL).unwrap();
    let st = plain_store(&data, "2026-11-27T10:00:00Z");
    let code = intake(&st, &qn, "A", true);
    let path = data.join(format!("{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    let hostile = text.replacen(
        &format!("\"code\": \"{code}\""),
        "\"code\": \"\\u001b[2J\\u001b]52;c;eA==\\u0007\"",
        1,
    );
    assert_ne!(hostile, text);
    std::fs::write(&path, hostile).unwrap();
    let out = ok(&data, &["delete", "--finished", "--yes"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    assert!(tree(&data).is_empty());
}

#[test]
fn a_planted_record_with_a_short_code_takes_no_other_intake_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (_, public) = clinic(dir.path());
    let qn = load_str(SMALL).unwrap();
    // The intake that must survive: unfinished, so `--finished` does not choose it.
    let sealed = sealed_store(&data, &public, "2026-11-27T10:00:00Z");
    intake(&sealed, &qn, "Other", false);
    let (other, _) = tree(&data).remove(0);
    let other = other.display().to_string();
    let stem = other.trim_end_matches(".json").to_owned();
    std::fs::write(data.join(format!(".{stem}.lock")), "").unwrap();
    ok(
        &data,
        &[
            "export",
            "--format",
            "bundle",
            "-o",
            dir.path().join("b").to_str().unwrap(),
        ],
    );
    // Two finished records planted beside it: one whose code is only the other's locator
    // (a prefix of its file name), one with no code at all.
    let plain = plain_store(&data, "2026-11-27T10:00:00Z");
    let code = intake(&plain, &qn, "A", true);
    let text = std::fs::read_to_string(data.join(format!("{code}.json"))).unwrap();
    std::fs::remove_file(data.join(format!("{code}.json"))).unwrap();
    for (name, planted) in [("planted.json", &other[..2]), ("empty.json", "")] {
        let t = text.replacen(
            &format!("\"code\": \"{code}\""),
            &format!("\"code\": \"{planted}\""),
            1,
        );
        std::fs::write(data.join(name), t).unwrap();
    }
    let out = ok(&data, &["delete", "--finished", "--yes"]);
    assert!(
        out.contains("planted.json") && out.contains("empty.json"),
        "{out}"
    );
    let left: Vec<String> = tree(&data)
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    let mut want = vec![
        other.clone(),
        format!(".{stem}.lock"),
        ".exported.json".to_owned(),
    ];
    want.sort();
    assert_eq!(left, want);
}

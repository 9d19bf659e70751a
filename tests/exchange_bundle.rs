//! `export --format bundle` and `import`: a round trip across two data folders gives the same
//! reports; importing twice is importing once; a newer copy of an unfinished intake replaces
//! an older one and never the reverse; a damaged or cut bundle is refused whole.

mod exchange_support;

use std::path::Path;

use exchange_support::*;
use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::interview::Interview;
use pd_intake::load::{builtin, load_str};

const TODAY: &str = "2026-11-27";

fn export_bundle(data: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "bundle", "-o", out.to_str().unwrap()];
    args.extend(extra);
    ok(data, &args)
}

fn import(data: &Path, bundle: &Path) -> String {
    ok(data, &["import", bundle.to_str().unwrap()])
}

fn json_report(data: &Path, code: &str, key: Option<&Path>) -> String {
    let mut args = vec!["report", code, "--format", "json", "--today", TODAY];
    if let Some(k) = key {
        args.extend(["--identity", k.to_str().unwrap()]);
    }
    ok(data, &args)
}

#[test]
fn a_bundle_carries_encrypted_intakes_to_another_folder_with_identical_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (laptop, staff) = (dir.path().join("laptop"), dir.path().join("staff"));
    let (key, public) = clinic(dir.path());
    let qn = builtin();
    let st = sealed_store(&laptop, &public, "2026-11-27T10:00:00Z");
    let mut codes = Vec::new();
    for (i, (_, text, today)) in scenarios().iter().enumerate() {
        let (answers, lang) = answers_of(&qn, text, *today);
        // Every fourth one is left unfinished, as a laptop would have them.
        codes.push(save(&st, &qn, answers, &lang, *today, i % 4 != 0));
    }
    let bundle = dir.path().join("move.bundle");
    // No identity on the laptop: the records go as they are.
    export_bundle(&laptop, &bundle, &[]);
    let text = std::fs::read_to_string(&bundle).unwrap();
    for c in &codes {
        assert!(
            !text.contains(c.as_str()),
            "the code {c} is in the bundle in the clear"
        );
    }
    assert!(
        !text.contains("Mexico"),
        "an answer is in the bundle in the clear"
    );
    let out = import(&staff, &bundle);
    assert!(out.contains(&format!("{} added", codes.len())), "{out}");
    for c in &codes {
        assert_eq!(
            json_report(&laptop, c, Some(&key)),
            json_report(&staff, c, Some(&key)),
            "report of {c}"
        );
    }
    let listed = ok(&staff, &["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), codes.len());
}

#[test]
fn plaintext_intakes_are_encrypted_into_the_bundle_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (laptop, staff) = (dir.path().join("laptop"), dir.path().join("staff"));
    let (key, public) = clinic(dir.path());
    let qn = builtin();
    let st = plain_store(&laptop, "2026-11-27T10:00:00Z");
    let mut codes = Vec::new();
    for (_, text, today) in scenarios().iter().take(3) {
        let (answers, lang) = answers_of(&qn, text, *today);
        codes.push(save(&st, &qn, answers, &lang, *today, true));
    }
    let bundle = dir.path().join("move.bundle");
    let err = fails(
        &laptop,
        &[
            "export",
            "--format",
            "bundle",
            "-o",
            bundle.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("--recipient") && err.contains("not encrypted"),
        "{err}"
    );
    assert!(!bundle.exists());

    export_bundle(&laptop, &bundle, &["--recipient", &public]);
    let text = std::fs::read_to_string(&bundle).unwrap();
    for c in &codes {
        assert!(
            !text.contains(c.as_str()),
            "the code {c} is in the bundle in the clear"
        );
    }
    import(&staff, &bundle);
    for c in &codes {
        assert_eq!(
            json_report(&laptop, c, None),
            json_report(&staff, c, Some(&key))
        );
    }
    // Exporting again names the intakes the same way: importing it adds nothing.
    let again = dir.path().join("again.bundle");
    export_bundle(&laptop, &again, &["--recipient", &public]);
    let out = import(&staff, &again);
    assert!(
        out.contains("0 added") && out.contains("3 already here"),
        "{out}"
    );
}

/// Laptop with one unfinished encrypted intake saved at 10:00 (bundle `b1`), continued at
/// 11:00 (`b2`) and finished at 12:00 (`b3`).
struct ThreeCopies {
    dir: tempfile::TempDir,
    b: [std::path::PathBuf; 3],
}

fn three_copies() -> ThreeCopies {
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop");
    let (_, public) = clinic(dir.path());
    let qn = load_str(SMALL).unwrap();
    let today = day(TODAY);
    let st = sealed_store(&laptop, &public, "2026-11-27T10:00:00Z");
    let code = save(
        &st,
        &qn,
        slots(&qn, &[("full_name", Answer::Text("Ana".into()))]),
        "en",
        today,
        false,
    );
    let b: [std::path::PathBuf; 3] = ["b1", "b2", "b3"].map(|n| dir.path().join(n));
    export_bundle(&laptop, &b[0], &[]);
    for (i, at) in ["2026-11-27T11:00:00Z", "2026-11-27T12:00:00Z"]
        .iter()
        .enumerate()
    {
        let st = sealed_store(&laptop, &public, at);
        let r = st.resume(&code, &qn, today).unwrap();
        let mut iv = Interview::with_answers(&qn, today, r.answers);
        let q = qn
            .question_index(["detained_now", "next_hearing_date"][i])
            .unwrap();
        let a = [Answer::Choice("no".into()), Answer::Date(day("2027-01-10"))][i].clone();
        iv.record(q, a).unwrap();
        if i == 1 {
            iv.go_to_end();
        }
        let mut s = r.session;
        s.save(&iv, "en").unwrap();
        export_bundle(&laptop, &b[i + 1], &[]);
    }
    ThreeCopies { dir, b }
}

#[test]
fn importing_twice_is_importing_once_and_newer_copies_win() {
    let t = three_copies();
    let (one, two) = (t.dir.path().join("one"), t.dir.path().join("two"));

    // Older first, then newer: the newer copy replaces it.
    import(&one, &t.b[0]);
    let out = import(&one, &t.b[1]);
    assert!(out.contains("1 replaced"), "{out}");
    let after_newer = tree(&one);

    // Importing the same bundle again changes nothing.
    let out = import(&one, &t.b[1]);
    assert!(
        out.contains("1 already here") && out.contains("0 added"),
        "{out}"
    );
    assert_eq!(tree(&one), after_newer);

    // Newer first, then older: the older copy never replaces it.
    import(&two, &t.b[1]);
    let out = import(&two, &t.b[0]);
    assert!(out.contains("1 kept"), "{out}");
    assert_eq!(tree(&two), after_newer, "same files whatever the order");

    // A finished intake is never replaced by an unfinished copy, and the finished copy
    // does replace the unfinished one.
    let out = import(&two, &t.b[2]);
    assert!(out.contains("1 replaced"), "{out}");
    let finished = tree(&two);
    import(&two, &t.b[1]);
    assert_eq!(tree(&two), finished);
    let listed = ok(&two, &["list", "--json"]);
    assert!(listed.contains("\"complete\""), "{listed}");
}

#[test]
fn a_cut_or_damaged_bundle_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (laptop, staff) = (dir.path().join("laptop"), dir.path().join("staff"));
    let (_, public) = clinic(dir.path());
    let qn = load_str(SMALL).unwrap();
    let st = sealed_store(&laptop, &public, "2026-11-27T10:00:00Z");
    for name in ["Ana", "Luis", "Marta"] {
        let a = slots(&qn, &[("full_name", Answer::Text(name.into()))]);
        save(&st, &qn, a, "en", day(TODAY), false);
    }
    let bundle = dir.path().join("all.bundle");
    export_bundle(&laptop, &bundle, &[]);
    let whole = std::fs::read(&bundle).unwrap();

    // Something already in the staff folder must stay exactly as it was.
    import(&staff, &bundle);
    let before = tree(&staff);
    let other = dir.path().join("other");

    let cut = dir.path().join("cut.bundle");
    for len in [whole.len() / 2, whole.len() - 3, 10] {
        std::fs::write(&cut, &whole[..len]).unwrap();
        let err = fails(&other, &["import", cut.to_str().unwrap()]);
        assert!(err.contains("nothing was imported"), "{err}");
        assert!(
            tree(&other).is_empty(),
            "half-imported after a cut at {len}"
        );
    }

    // One changed character in the last record: its checksum fails, none are imported.
    let text = String::from_utf8(whole.clone()).unwrap();
    let at = text.rfind("-----END AGE ENCRYPTED FILE-----").unwrap() - 8;
    let mut bytes = whole.clone();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(&cut, &bytes).unwrap();
    let err = fails(&other, &["import", cut.to_str().unwrap()]);
    assert!(
        err.contains("checksum") && err.contains("nothing was imported"),
        "{err}"
    );
    assert!(tree(&other).is_empty());

    // A file name that leaves the data folder is refused.
    let evil = text.replacen("\"file\": \"", "\"file\": \"../", 1);
    std::fs::write(&cut, evil).unwrap();
    let err = fails(&staff, &["import", cut.to_str().unwrap()]);
    assert!(err.contains("not a record file name"), "{err}");
    assert_eq!(tree(&staff), before);
    assert!(
        !dir.path()
            .read_dir()
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".json"))
    );
}

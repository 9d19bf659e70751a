//! `export --format csv`: escaping (formula cells, quotes, newlines, non-ASCII names), the
//! clinic identity for encrypted intakes, and the 16 built-in scenarios read back whole.

mod exchange_support;

use exchange_support::*;
use pd_intake::answer::Answer;
use pd_intake::load::{builtin, load_str};

const PEOPLE: &str = r#"
format: 1
id: people
version: "3"
title: People
languages: [{code: en, name: English}]
sections:
  - id: who
    title: Who
    questions:
      - {id: full_name, kind: text, text: "Your name?"}
      - {id: citizenship_country, kind: text, multiline: true, text: "Country?"}
      - {id: detained_now, kind: yes_no, text: "Detained?"}
      - {id: next_hearing_date, kind: date, text: "Next court date?"}
"#;

const FORMULA: &str = r#"=HYPERLINK("http://x","click")"#;

fn people_file(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("people.yaml");
    std::fs::write(&p, PEOPLE).unwrap();
    p
}

/// scripts/csv-in-spreadsheet.sh sets PD_INTAKE_CSV_DIR to open these CSVs in LibreOffice.
fn keep_copy(csv: &std::path::Path, name: &str) {
    if let Some(dir) = std::env::var_os("PD_INTAKE_CSV_DIR") {
        std::fs::copy(csv, std::path::Path::new(&dir).join(name)).unwrap();
    }
}

/// Reads a CSV written by pd-intake: checks the BOM and CRLF ends, returns the rows.
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("UTF-8 BOM first");
    assert!(body.ends_with(b"\r\n"), "rows end with CRLF");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn cell<'a>(rows: &'a [Vec<String>], row: usize, col: &str) -> &'a str {
    let i = rows[0]
        .iter()
        .position(|c| c == col)
        .unwrap_or_else(|| panic!("no {col}"));
    &rows[row][i]
}

#[test]
fn cells_are_quoted_and_formulas_made_inert() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qn = load_str(PEOPLE).unwrap();
    let st = plain_store(&data, "2026-03-04T10:00:00Z");
    let today = day("2026-03-04");
    let a = slots(
        &qn,
        &[
            ("full_name", Answer::Text(FORMULA.into())),
            (
                "citizenship_country",
                Answer::Text("México, \"el DF\"\nsegunda línea".into()),
            ),
            ("detained_now", Answer::Choice("yes".into())),
            ("next_hearing_date", Answer::Date(day("2026-05-01"))),
        ],
    );
    let c1 = save(&st, &qn, a, "en", today, true);
    let b = slots(
        &qn,
        &[
            ("full_name", Answer::Text("José Núñez Ñandú 山田".into())),
            ("citizenship_country", Answer::Text("-5+3".into())),
            ("detained_now", Answer::Declined),
        ],
    );
    let c2 = save(&st, &qn, b, "en", today, false);
    let c = slots(
        &qn,
        &[
            ("full_name", Answer::Text("@cmd\ttab".into())),
            ("citizenship_country", Answer::Text("\tTabbed".into())),
        ],
    );
    save(&st, &qn, c, "en", today, false);

    let out = dir.path().join("out.csv");
    let qfile = people_file(dir.path());
    ok(
        &data,
        &[
            "export",
            "--format",
            "csv",
            "--questions",
            qfile.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&out).unwrap();
    keep_copy(&out, "escaping.csv");
    let raw = String::from_utf8(bytes.clone()).unwrap();
    // RFC 4180: a quote inside a quoted cell is doubled; the line break stays inside quotes.
    assert!(
        raw.contains(r#""'=HYPERLINK(""http://x"",""click"")""#),
        "{raw}"
    );
    assert!(
        raw.contains("\"México, \"\"el DF\"\"\nsegunda línea\""),
        "{raw}"
    );
    let rows = read_back(&bytes);
    assert_eq!(rows.len(), 4);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width));
    let r1 = (1..4).find(|&r| cell(&rows, r, "code") == c1).unwrap();
    let r2 = (1..4).find(|&r| cell(&rows, r, "code") == c2).unwrap();
    assert_eq!(cell(&rows, r1, "answer.full_name"), format!("'{FORMULA}"));
    assert_eq!(
        cell(&rows, r1, "answer.citizenship_country"),
        "México, \"el DF\"\nsegunda línea"
    );
    assert_eq!(cell(&rows, r1, "detained"), "yes");
    assert_eq!(cell(&rows, r1, "next_hearing_date"), "2026-05-01");
    assert_eq!(cell(&rows, r1, "status"), "complete");
    assert_eq!(cell(&rows, r1, "language"), "en");
    assert_eq!(cell(&rows, r2, "answer.full_name"), "José Núñez Ñandú 山田");
    assert_eq!(cell(&rows, r2, "answer.citizenship_country"), "'-5+3");
    assert_eq!(cell(&rows, r2, "detained"), "declined");
    assert_eq!(cell(&rows, r2, "next_hearing_date"), "");
    for r in &rows[1..] {
        for c in r {
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "live cell {c:?}"
            );
        }
    }
    // The header is the documented contract.
    assert_eq!(
        rows[0],
        [
            "code",
            "status",
            "created",
            "updated",
            "language",
            "answered",
            "questionnaire_id",
            "questionnaire_version",
            "next_hearing_date",
            "detained",
            "answer.full_name",
            "answer.citizenship_country",
            "flags",
            "notices"
        ]
    );
}

#[test]
fn encrypted_intakes_need_the_identity_for_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (key, public) = clinic(dir.path());
    let qn = load_str(PEOPLE).unwrap();
    let st = sealed_store(&data, &public, "2026-03-04T10:00:00Z");
    let a = slots(&qn, &[("full_name", Answer::Text("Ana Pérez".into()))]);
    let code = save(&st, &qn, a, "en", day("2026-03-04"), false);
    let qfile = people_file(dir.path());
    let out = dir.path().join("out.csv");
    let args = [
        "export",
        "--format",
        "csv",
        "--questions",
        qfile.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let err = fails(&data, &args);
    assert!(
        err.contains("--identity") && err.contains("encrypted"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written without the identity");

    let mut with_id = args.to_vec();
    with_id.extend(["--identity", key.to_str().unwrap()]);
    ok(&data, &with_id);
    let rows = read_back(&std::fs::read(&out).unwrap());
    assert_eq!(cell(&rows, 1, "code"), code);
    assert_eq!(cell(&rows, 1, "answer.full_name"), "Ana Pérez");
}

#[test]
fn the_sixteen_scenarios_make_one_full_row_each_with_no_formula() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let qn = builtin();
    let st = plain_store(&data, "2026-11-27T10:00:00Z");
    let scenarios = scenarios();
    assert!(
        scenarios.len() >= 16,
        "every built-in scenario, {}",
        scenarios.len()
    );
    let mut codes = Vec::new();
    for (_, text, today) in &scenarios {
        let (answers, lang) = answers_of(&qn, text, *today);
        codes.push(save(&st, &qn, answers, &lang, *today, true));
    }
    let out = dir.path().join("scenarios.csv");
    ok(
        &data,
        &[
            "export",
            "--format",
            "csv",
            "--today",
            "2026-11-27",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    keep_copy(&out, "scenarios.csv");
    let rows = read_back(&std::fs::read(&out).unwrap());
    assert_eq!(rows.len(), scenarios.len() + 1, "a header and a row each");
    assert_eq!(
        rows[0].len(),
        10 + 2 + qn.factors.len() + 2,
        "{:?}",
        rows[0]
    );
    let mut seen: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    seen.sort();
    codes.sort();
    assert_eq!(seen, codes);
    for r in &rows[1..] {
        assert_eq!(r.len(), rows[0].len());
        // Every factor column holds a status: the scoring ran for every row.
        for (h, c) in rows[0].iter().zip(r) {
            if h.starts_with("factor.") {
                assert!(
                    pd_intake::scoring::Status::from_name(c).is_some(),
                    "{h}={c:?}"
                );
            }
            assert!(
                !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{h}={c:?}"
            );
        }
    }
    // Python's csv module, a reader spreadsheets agree with, sees the same table.
    let script = r#"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
assert len({len(r) for r in rows}) == 1, "ragged rows"
bad = [c for r in rows[1:] for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
assert not bad, bad
print(len(rows) - 1, len(rows[0]))
"#;
    let py = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&out)
        .output()
        .expect("python3 runs");
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&py.stdout).trim(),
        format!("{} {}", scenarios.len(), rows[0].len())
    );
}

//! Reports: every format in English and Spanish (snapshots), a Spanish intake read in English,
//! escaping of free text, the take-home sheet's privacy, and the JSON contract and
//! its schema (the `report` command itself: tests/report_cli.rs).

mod report_support;

use pd_intake::answer::Answer;
use pd_intake::report::{self, Format, ReportError, render, staff};
use report_support::*;
use serde_json::Value;

#[test]
fn staff_report_snapshots_in_every_format_and_language() {
    let qn = small();
    let cases = [
        ("report_es.yaml", "es", "es_intake"),
        ("report_es.yaml", "en", "es_intake_read_in_en"),
        ("report_en.yaml", "en", "en_intake"),
        ("report_en.yaml", "es", "en_intake_read_in_es"),
    ];
    for (answers, lang, name) in cases {
        let input = input(&qn, answers);
        for f in Format::ALL {
            let out = render(&input, f, lang, false).unwrap();
            insta::assert_snapshot!(format!("{name}.{}", f.name()), out);
        }
    }
}

#[test]
fn take_home_snapshots_in_both_languages() {
    let qn = small();
    for (answers, lang, name) in [
        ("report_es.yaml", "es", "es"),
        ("report_es.yaml", "en", "es_read_in_en"),
        ("report_en.yaml", "en", "en"),
    ] {
        let input = input(&qn, answers);
        for f in [Format::Txt, Format::Html] {
            let out = render(&input, f, lang, true).unwrap();
            insta::assert_snapshot!(format!("take_home_{name}.{}", f.name()), out);
        }
    }
}

#[test]
fn builtin_questionnaire_spanish_intake_read_in_english() {
    let qn = pd_intake::load::builtin();
    let input = input(&qn, "builtin_es.yaml");
    insta::assert_snapshot!(
        "builtin_es_intake_read_in_en.txt",
        render(&input, Format::Txt, "en", false).unwrap()
    );
    insta::assert_snapshot!(
        "builtin_take_home_es.txt",
        render(&input, Format::Txt, "es", true).unwrap()
    );
}

#[test]
fn a_spanish_intake_reads_in_english_with_free_text_as_typed_and_marked() {
    let qn = small();
    let input = input(&qn, "report_es.yaml");
    let txt = render(&input, Format::Txt, "en", false).unwrap();
    assert!(
        txt.contains("In what year did you come to the US?"),
        "questions in English"
    );
    assert!(!txt.contains("¿En qué año"), "no Spanish question text");
    assert!(txt.contains("Without papers"), "choice labels in English");
    assert!(
        txt.contains("(as typed, in Español)\n    | Mi hijo <b>menor</b> tiene asma"),
        "free text untouched and marked"
    );
    assert!(txt.contains("Answered in:           Español"));

    let json: Value =
        serde_json::from_str(&render(&input, Format::Json, "en", false).unwrap()).unwrap();
    assert_eq!(json["language"], "en");
    assert_eq!(json["intake"]["language"], "es");
    let notes = json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"] == "notes")
        .unwrap();
    assert_eq!(notes["typed_language"], "es");
    assert_eq!(notes["words"], notes["answer"]);
    let entry = json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"] == "entry_manner")
        .unwrap();
    assert_eq!(
        (entry["words"].as_str(), entry["sensitive"].as_bool()),
        (Some("Without papers"), Some(true))
    );
}

#[test]
fn unknown_and_declined_answers_are_listed_and_hidden_answers_are_not_reported() {
    let qn = small();
    let es = staff::build(&input(&qn, "report_es.yaml"), "en").unwrap();
    assert_eq!(es.dont_know, ["Do you have a court case now?"]);
    assert!(es.declined.is_empty());
    let en = staff::build(&input(&qn, "report_en.yaml"), "en").unwrap();
    assert_eq!(en.declined, ["How did you enter?"]);
    // family_documents was answered but no longer shows (no children): staff must not read it as current.
    let ids: Vec<&str> = en
        .sections
        .iter()
        .flat_map(|s| s.answers.iter().map(|a| a.id.as_str()))
        .collect();
    assert!(!ids.contains(&"family_documents"), "{ids:?}");
    assert!(
        ids.contains(&"entry_manner"),
        "a declined sensitive question is still listed for staff"
    );
    let txt = render(&input(&qn, "report_en.yaml"), Format::Txt, "en", false).unwrap();
    assert!(!txt.contains("Birth certificates"));
}

#[test]
fn html_is_one_self_contained_page_that_escapes_free_text() {
    let qn = small();
    let mut input = input(&qn, "report_es.yaml");
    let notes = qn.question_index("notes").unwrap();
    input.answers[notes] = Some(Answer::Text(
        "</div><script>alert(1)</script><img src=http://x.example/a.png>".into(),
    ));
    for take_home in [false, true] {
        for lang in ["en", "es"] {
            let html = render(&input, Format::Html, lang, take_home).unwrap();
            assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
            assert!(html.contains(&format!("<html lang=\"{lang}\">")));
            for banned in [
                "<script", "<img", "<link", "<iframe", "<object", "@import", "url(", "http://",
                "https://",
            ] {
                assert!(
                    !html.contains(banned),
                    "found {banned} (take_home={take_home}, {lang})"
                );
            }
            assert!(html.contains("@media print") && html.contains("break-inside: avoid"));
        }
    }
    let html = render(&input, Format::Html, "en", false).unwrap();
    assert!(
        html.contains("&lt;&#x2f;div&gt;&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "the typed text shows as typed"
    );
    assert!(
        html.contains("class=\"part\""),
        "answers start on a new printed page"
    );
}

#[test]
fn markdown_shows_typed_markup_as_text() {
    let qn = small();
    let md = render(&input(&qn, "report_es.yaml"), Format::Md, "es", false).unwrap();
    assert!(
        md.contains(r"Mi hijo \<b\>menor\</b\> tiene asma \& "),
        "{md}"
    );
    assert!(md.contains(r"\*no\* tengo carro"));
    assert_eq!(
        report::markdown::escape("a|b\nc"),
        r"a\|b c",
        "a newline cannot end a table row or list item"
    );
}

#[test]
fn the_take_home_sheet_keeps_sensitive_things_with_staff() {
    let qn = small();
    let input = input(&qn, "report_es.yaml");
    let forbidden = [
        // sensitive answers, their documents and notices, adverse factors, statuses, free text
        "Police report",
        "Reporte de policía",
        "crime",
        "delito",
        "Arrest",
        "Arresto",
        "Sin papeles",
        "Without papers",
        "asma",
        "serious",
        "grave",
        "fuerte",
        "strong",
        "Victim",
        "Víctima",
        "U visa",
        "Visa U",
        "2012",
        "Mi hijo",
    ];
    for lang in ["es", "en"] {
        for f in [Format::Txt, Format::Html] {
            let sheet = visible_text(&render(&input, f, lang, true).unwrap());
            for word in forbidden {
                assert!(
                    !sheet.contains(word),
                    "`{word}` on the take-home sheet ({lang}, {f:?}):\n{sheet}"
                );
            }
        }
    }
    let es = render(&input, Format::Txt, "es", true).unwrap();
    assert!(
        es.contains("[ ] Contratos de renta"),
        "papers to bring, in Spanish:\n{es}"
    );
    assert!(
        es.contains("[ ] Actas de nacimiento de sus hijos"),
        "papers to get"
    );
    assert!(es.contains("Papeles para traer") && es.contains("Esto no es asesoría legal"));
    let en = render(
        &report_support::input(&qn, "report_en.yaml"),
        Format::Txt,
        "en",
        true,
    )
    .unwrap();
    assert!(
        en.contains("Do not contact ICE on your own."),
        "next-step notices are on the sheet:\n{en}"
    );
}

/// What a reader sees: the page without its style sheet and tags.
fn visible_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_take_home_sheet_is_txt_or_html_and_languages_must_exist() {
    let qn = small();
    let input = input(&qn, "report_es.yaml");
    for f in [Format::Md, Format::Json] {
        assert!(matches!(
            render(&input, f, "es", true),
            Err(ReportError::TakeHomeFormat(_))
        ));
    }
    let err = render(&input, Format::Txt, "fr", false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the questionnaire `report_fixture` has no language `fr` (it has: en, es)"
    );
    let mut short = input.clone();
    short.answers.pop();
    assert!(matches!(
        render(&short, Format::Json, "en", false),
        Err(ReportError::AnswerCount { .. })
    ));
}

#[test]
fn every_json_report_and_summary_validates_against_the_committed_schema() {
    let schema = schema();
    let qn = small();
    let mut checked = 0;
    for answers in ["report_es.yaml", "report_en.yaml"] {
        for lang in ["en", "es"] {
            let v: Value = serde_json::from_str(
                &render(&input(&qn, answers), Format::Json, lang, false).unwrap(),
            )
            .unwrap();
            assert_eq!(
                validate(&v, &schema),
                Vec::<String>::new(),
                "{answers} in {lang}"
            );
            checked += 1;
        }
    }
    // The built-in questionnaire: every scenario's report, and the bare summary `score` prints.
    let builtin = pd_intake::load::builtin();
    for entry in std::fs::read_dir("tests/scenarios").unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let Ok(file) = pd_intake::answers_file::parse(&text, &["name", "today", "expect"]) else {
            continue;
        };
        let Ok(matched) = pd_intake::answers_file::apply(&builtin, &file, today()) else {
            continue;
        };
        let input = report::ReportInput {
            questionnaire: &builtin,
            answers: matched.answers,
            language: file.language.clone().unwrap_or_else(|| "en".into()),
            today: today(),
            meta: report::IntakeMeta::default(),
        };
        for lang in ["en", "es"] {
            let v: Value =
                serde_json::from_str(&render(&input, Format::Json, lang, false).unwrap()).unwrap();
            assert_eq!(validate(&v, &schema), Vec::<String>::new());
            let iv = pd_intake::interview::Interview::with_answers(
                &builtin,
                today(),
                input.answers.clone(),
            );
            let summary = serde_json::to_value(pd_intake::scoring::summarize(&iv, lang)).unwrap();
            assert_eq!(
                validate(&summary, &schema),
                Vec::<String>::new(),
                "the bare summary contract"
            );
            // The report carries the summary unchanged at its top level.
            let mut top = v.as_object().unwrap().clone();
            for k in ["report_format", "intake", "policy_as_of", "answers"] {
                top.remove(k);
            }
            assert_eq!(Value::Object(top), summary);
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} reports checked");
}

#[test]
fn the_schema_check_notices_a_report_that_drifts_from_the_contract() {
    let schema = schema();
    let qn = small();
    let good: Value = serde_json::from_str(
        &render(&input(&qn, "report_es.yaml"), Format::Json, "en", false).unwrap(),
    )
    .unwrap();
    let mut bad = good.clone();
    bad["factors"][0]["status"] = "great".into();
    bad["today"] = "27/11/2026".into();
    bad.as_object_mut().unwrap().remove("unanswered");
    bad["intake"]["colour"] = "red".into();
    let errors = validate(&bad, &schema);
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(errors.iter().any(|e| e.starts_with("$.factors[0].status")));
    assert!(errors.iter().any(|e| e.contains("missing `unanswered`")));
}

#[test]
fn the_live_interview_renders_like_its_answers_file() {
    let qn = small();
    let from_file = input(&qn, "report_es.yaml");
    let iv = pd_intake::interview::Interview::with_answers(&qn, today(), from_file.answers.clone());
    let meta = report::IntakeMeta {
        code: Some("K7P-2QX".into()),
        ..Default::default()
    };
    let live = report::ReportInput::from_interview(&iv, "es", meta);
    let sheet = render(&live, Format::Txt, "es", true).unwrap();
    assert!(
        sheet.contains("Su código para seguir después: K7P-2QX"),
        "{sheet}"
    );
    let mut same = from_file.clone();
    same.meta.code = Some("K7P-2QX".into());
    assert_eq!(
        render(&live, Format::Json, "en", false).unwrap(),
        render(&same, Format::Json, "en", false).unwrap()
    );
}

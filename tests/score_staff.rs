//! The staff report rebuilt for staff: staff voice, the first page (posture, dates, notices,
//! adverse facts, relief, compact favorable table), a numbered exhibit list, compact answers
//! last, and print rules that keep cards whole on Letter and A4.

mod score_support;

use pd_intake::report::{Format, render, staff};
use score_support::*;

const PAIRS: [(&str, &str); 11] = [
    ("marital_status", "married"),
    ("has_children", "\"yes\""),
    ("fled_abuser", "\"no\""),
    (
        "family_documents",
        "[birth_certificates, marriage_certificate]",
    ),
    ("status", "visa_overstay"),
    ("entry_date", "2012-01-01"),
    ("works", "\"yes\""),
    ("presence_documents", "[tax_returns, lease]"),
    ("work_documents", "[tax_returns]"),
    ("status_documents", "[none]"),
    ("in_court", "\"no\""),
];

#[test]
fn the_exhibit_list_numbers_each_held_document_once_by_factor() {
    let qn = additions();
    let r = staff::build(&input(&qn, &PAIRS), "en").unwrap();
    let tabs: Vec<(String, Vec<(String, String)>)> = r
        .exhibits
        .iter()
        .map(|g| {
            (
                g.factor.clone(),
                g.exhibits
                    .iter()
                    .map(|x| (x.tab.clone(), x.document.clone()))
                    .collect(),
            )
        })
        .collect();
    let pair = |t: &str, d: &str| (t.to_owned(), d.to_owned());
    assert_eq!(
        tabs,
        [
            (
                "Family here".to_owned(),
                vec![
                    pair("A", "Children's birth certificates"),
                    pair("B", "Marriage certificate")
                ]
            ),
            (
                "Long time here".to_owned(),
                vec![pair("C", "Tax returns"), pair("D", "Lease")]
            ),
        ],
        "tax returns are held once (Tab C), not again under work"
    );
    assert_eq!(r.get, ["Passport", "Visa or I-94"]);
    let txt = render(&input(&qn, &PAIRS), Format::Txt, "en", false).unwrap();
    assert!(
        txt.contains("    Tab A   Children's birth certificates"),
        "{txt}"
    );
    assert!(txt.contains("    [ ] Visa or I-94"), "{txt}");
}

#[test]
fn the_report_speaks_to_staff_not_to_the_applicant() {
    let qn = additions();
    for (lang, staff_words, applicant_words) in [
        (
            "en",
            [
                "Case posture",
                "Favorable factors",
                "Adverse facts",
                "Documents held",
            ],
            ["Your strongest points", "Papers to bring", "Your summary"],
        ),
        (
            "es",
            [
                "Situación del caso",
                "Factores a favor",
                "Hechos en contra",
                "Documentos que tiene",
            ],
            ["Sus puntos más fuertes", "Papeles para traer", "Su resumen"],
        ),
    ] {
        for format in [Format::Txt, Format::Md, Format::Html] {
            let out = render(&input(&qn, &PAIRS), format, lang, false).unwrap();
            for w in staff_words {
                assert!(out.contains(w), "{lang} {format:?} lacks {w:?}");
            }
            for w in applicant_words {
                assert!(!out.contains(w), "{lang} {format:?} says {w:?} to staff");
            }
        }
    }
}

#[test]
fn answers_are_compact_one_line_each_and_come_after_the_first_page() {
    let qn = additions();
    let txt = render(&input(&qn, &PAIRS), Format::Txt, "en", false).unwrap();
    assert!(txt.contains("  Are you married? → Married\n"), "{txt}");
    let (first, rest) = txt.split_at(txt.find("Answers by section").unwrap());
    assert!(first.contains("Favorable factors") && first.contains("Exhibit list"));
    assert!(rest.contains("SHA-256"), "the record comes last");
    assert!(
        !first.contains("SHA-256"),
        "the questionnaire's hash is not on the first page"
    );
}

#[test]
fn print_rules_keep_cards_whole_and_fit_letter_and_a4() {
    let qn = additions();
    let html = render(&input(&qn, &PAIRS), Format::Html, "en", false).unwrap();
    // No fixed paper size: the printer's Letter or A4 decides; margins only.
    assert!(html.contains("@page { margin:"), "{html}");
    assert!(!html.contains("size: letter") && !html.contains("size: A4"));
    assert!(html.contains(".item, .answer, .fav, li, .exhibit-group, tr { break-inside: avoid;"));
    assert!(
        html.contains("<section id=\"answers\" class=\"part\">"),
        "answers start a new page"
    );
    let first = html.find("id=\"first-page\"").unwrap();
    let answers = html.find("id=\"answers\"").unwrap();
    assert!(first < answers);
    assert!(html.contains("<table class=\"favorable\">"));
}

#[test]
fn texts_chosen_by_a_date_are_listed_with_the_deadlines() {
    let qn = additions();
    let mut pairs = PAIRS.to_vec();
    pairs.extend([("fear_return", "\"yes\""), ("crime_victim", "\"no\"")]);
    let txt = render(&input(&qn, &pairs), Format::Txt, "en", false).unwrap();
    let dates = &txt[txt.find("Deadlines and dates").unwrap()..txt.find("Notices shown").unwrap()];
    assert!(
        dates
            .contains("Asylum: You came more than 1 year ago: the asylum deadline may have passed"),
        "{dates}"
    );
    // Arrived this year: the usual text, which is not a dated matter.
    pairs.retain(|(q, _)| *q != "entry_date");
    pairs.push(("entry_date", "2026-09-01"));
    let txt = render(&input(&qn, &pairs), Format::Txt, "en", false).unwrap();
    let dates = &txt[txt.find("Deadlines and dates").unwrap()..txt.find("Notices shown").unwrap()];
    assert!(dates.contains("No dated matter found"), "{dates}");
}

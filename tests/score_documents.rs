//! Fitting documents only (design.md §5 "Documents"): a choice's `when` keeps papers that do
//! not fit the person off the "to get" list, a paper held is never also one to get, and the
//! take-home sheet lists exactly the summary's documents.

mod score_support;

use pd_intake::report::{Format, render, view};
use score_support::*;

fn to_get(pairs: &[(&str, &str)], factor: &str) -> Vec<String> {
    let qn = additions();
    summary(&qn, pairs)
        .factor(factor)
        .unwrap()
        .documents_to_get
        .clone()
}

#[test]
fn an_unmarried_person_is_not_asked_for_a_marriage_certificate() {
    let get = to_get(
        &[
            ("marital_status", "not_married"),
            ("has_children", "\"yes\""),
            ("family_documents", "[none]"),
        ],
        "family_ties",
    );
    assert_eq!(get, ["birth_certificates"]);
    // Married: the certificate and proof of living together fit.
    let get = to_get(
        &[
            ("marital_status", "married"),
            ("has_children", "\"no\""),
            ("fled_abuser", "\"no\""),
            ("family_documents", "[none]"),
        ],
        "family_ties",
    );
    assert_eq!(get, ["marriage_certificate", "proof_living_together"]);
}

#[test]
fn a_survivor_who_fled_is_not_asked_for_proof_of_living_together() {
    let get = to_get(
        &[
            ("marital_status", "married"),
            ("has_children", "\"yes\""),
            ("fled_abuser", "\"yes\""),
            ("family_documents", "[none]"),
        ],
        "family_ties",
    );
    assert_eq!(get, ["birth_certificates", "marriage_certificate"]);
}

#[test]
fn a_visa_overstay_is_not_asked_for_a_green_card_copy_or_work_permit() {
    let get = to_get(
        &[("status", "visa_overstay"), ("status_documents", "[none]")],
        "status_history",
    );
    assert_eq!(get, ["passport", "visa_i94"]);
    let get = to_get(
        &[
            ("status", "former_resident"),
            ("status_documents", "[none]"),
        ],
        "status_history",
    );
    assert_eq!(get, ["passport", "green_card_copy", "work_permit"]);
}

#[test]
fn the_police_certification_is_only_for_a_crime_victim() {
    let get = to_get(
        &[
            ("crime_victim", "\"no\""),
            ("fear_return", "\"yes\""),
            ("relief_documents", "[none]"),
        ],
        "relief_papers",
    );
    assert_eq!(get, ["country_reports"]);
    let get = to_get(
        &[
            ("crime_victim", "\"yes\""),
            ("fear_return", "\"no\""),
            ("relief_documents", "[none]"),
        ],
        "relief_papers",
    );
    assert_eq!(
        get,
        ["police_report", "i918_supplement_b", "country_reports"]
    );
}

#[test]
fn an_unknown_fit_is_not_listed() {
    // Marriage unknown: no certificate asked for (the `when` must be true).
    let get = to_get(
        &[
            ("marital_status", "unknown"),
            ("has_children", "\"yes\""),
            ("family_documents", "[none]"),
        ],
        "family_ties",
    );
    assert_eq!(get, ["birth_certificates"]);
}

const HOLDS_TAX_RETURNS: [(&str, &str); 6] = [
    ("entry_date", "2010-01-01"),
    ("presence_documents", "[tax_returns]"),
    ("works", "\"yes\""),
    ("status", "visa_overstay"),
    ("work_documents", "[none]"),
    ("status_documents", "[none]"),
];

#[test]
fn a_document_held_is_never_also_to_get() {
    let qn = additions();
    let s = summary(&qn, &HOLDS_TAX_RETURNS);
    assert_eq!(
        s.factor("long_presence").unwrap().documents_have,
        ["tax_returns"]
    );
    assert_eq!(
        s.factor("steady_work").unwrap().documents_to_get,
        ["pay_stubs"]
    );
    let v = view::build(&qn, &s, "en");
    assert!(v.bring.contains(&"Tax returns".to_owned()));
    assert!(v.get.iter().all(|d| !v.bring.contains(d)), "{v:?}");
}

#[test]
fn the_take_home_sheet_lists_the_summary_documents() {
    let qn = additions();
    let s = summary(&qn, &HOLDS_TAX_RETURNS);
    let v = view::build(&qn, &s, "en");
    let sheet = render(&input(&qn, &HOLDS_TAX_RETURNS), Format::Txt, "en", true).unwrap();
    let listed: Vec<&str> = sheet
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[ ] "))
        .collect();
    let mut summary_docs: Vec<&str> = v.bring.iter().chain(&v.get).map(String::as_str).collect();
    let mut sheet_docs = listed.clone();
    summary_docs.sort_unstable();
    sheet_docs.sort_unstable();
    assert_eq!(sheet_docs, summary_docs, "{sheet}");
    assert!(listed.contains(&"Pay stubs") && listed.contains(&"Visa or I-94"));
}

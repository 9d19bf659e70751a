//! Lawyer first (design.md §5): notices, then what to talk to a lawyer about (serious
//! concerns, concerns, flags), then strong, needs papers, weaker, to finish with staff — in the
//! summary model every front end draws, the plain-text summary, every staff report format
//! and the take-home sheet. Also the lines that come before all of it: unfinished intake,
//! next court date, content age.

mod score_support;

use pd_intake::report::{ClinicInfo, Format, render, text, view};
use score_support::*;

/// A person deported and back again, with strong family ties and papers to get.
const DEPORTED_AND_BACK: [(&str, &str); 12] = [
    ("marital_status", "not_married"),
    ("has_children", "\"yes\""),
    ("fled_abuser", "\"no\""),
    ("family_documents", "[birth_certificates]"),
    ("status", "no_papers"),
    ("entry_date", "2010-03-01"),
    ("works", "\"no\""),
    ("presence_documents", "[none]"),
    ("status_documents", "[passport]"),
    ("in_court", "\"yes\""),
    ("court_date", "2026-12-03"),
    ("removed_before", "\"yes\""),
];

fn full() -> Vec<(&'static str, &'static str)> {
    let mut v = DEPORTED_AND_BACK.to_vec();
    v.extend([
        ("came_back", "\"yes\""),
        ("crime_victim", "\"yes\""),
        ("fear_return", "\"no\""),
        ("relief_documents", "[police_report]"),
    ]);
    v
}

/// Positions of `needles` in `hay`, asserting each is present and they come in order.
fn in_order(hay: &str, needles: &[&str]) {
    let mut at = 0;
    for n in needles {
        match hay[at..].find(n) {
            Some(i) => at += i + n.len(),
            None => panic!("{n:?} missing or out of order after byte {at} in:\n{hay}"),
        }
    }
}

#[test]
fn the_summary_model_puts_the_lawyer_group_first_serious_before_flags() {
    let qn = additions();
    let s = summary(&qn, &full());
    let v = view::build(&qn, &s, "en");
    let keys: Vec<&str> = v.groups.iter().map(|g| g.key).collect();
    assert_eq!(keys, view::GROUP_ORDER);
    assert_eq!(keys[0], "lawyer");
    let lawyer: Vec<&str> = v.groups[0].items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        lawyer,
        ["prior_removal", "u_visa"],
        "concerns (serious first), then flags"
    );
    assert_eq!(v.groups[0].items[0].remark, Some("serious"));
}

#[test]
fn the_plain_text_summary_reads_lawyer_first() {
    let qn = additions();
    let s = summary(&qn, &full());
    let out = text::summary(&qn, &s, "en");
    in_order(
        &out,
        &[
            "Your next court date: 2026-12-03 (in 2 days).",
            "Important:",
            "Talk to a lawyer about (2):",
            "Deported before",
            "U visa",
            "Your strongest points (2):",
            "Needs papers (",
            "Weaker points (",
            "Questions to finish with staff (",
        ],
    );
}

#[test]
fn every_staff_report_format_reads_lawyer_first() {
    let qn = additions();
    let input = input(&qn, &full());
    for format in [Format::Txt, Format::Md, Format::Html] {
        let out = render(&input, format, "en", false).unwrap();
        in_order(
            &out,
            &[
                "Case posture",
                "Next hearing",
                "2026-12-03 (in 2 days)",
                "Deadlines and dates",
                "Notices shown to the applicant",
                "Adverse facts",
                "Deported before",
                "Relief to check",
                "U visa",
                "Favorable factors",
                "Family here",
                "Exhibit list",
                "Answers by section",
                "Record",
            ],
        );
    }
    // JSON keeps the contract's order of fields, and the same groups by status.
    let json: serde_json::Value =
        serde_json::from_str(&render(&input, Format::Json, "en", false).unwrap()).unwrap();
    assert_eq!(json["hearing"]["days_until"], 2);
}

#[test]
fn the_take_home_sheet_opens_with_the_court_date_then_the_clinic() {
    let qn = additions();
    let mut input = input(&qn, &full());
    input.meta.clinic = Some(ClinicInfo {
        name: "Centro Legal Esperanza".into(),
        phone: "(555) 010-2233".into(),
        address: None,
    });
    for format in [Format::Txt, Format::Html] {
        let sheet = render(&input, format, "en", true).unwrap();
        in_order(
            &sheet,
            &[
                "Your next court date: 2026-12-03 (in 2 days).",
                "Centro Legal Esperanza",
                "(555) 010-2233",
                "Papers to bring",
                "Papers to get",
            ],
        );
        assert!(!sheet.contains("Deported before"), "no factor on the sheet");
    }
    let es = render(&input, Format::Txt, "es", true).unwrap();
    assert!(
        es.starts_with("Su próxima fecha de corte: 2026-12-03 (en 2 días)."),
        "{es}"
    );
}

#[test]
fn a_court_date_in_the_past_is_said_first_as_passed() {
    let qn = additions();
    let mut pairs = full();
    pairs.retain(|(q, _)| *q != "court_date");
    pairs.push(("court_date", "2026-11-20"));
    let s = summary(&qn, &pairs);
    assert!(s.notices.iter().any(|n| n.id == "hearing_date_passed"));
    let out = text::summary(&qn, &s, "en");
    in_order(
        &out,
        &[
            "The court date you gave, 2026-11-20, has passed (11 days ago).",
            "Important:",
        ],
    );
}

#[test]
fn an_unfinished_intake_says_so_first_and_names_the_sections_not_asked() {
    let qn = additions();
    let s = summary(
        &qn,
        &[
            ("marital_status", "not_married"),
            ("has_children", "\"no\""),
            ("fled_abuser", "\"no\""),
            ("family_documents", "[none]"),
        ],
    );
    assert!(!s.complete);
    assert_eq!(s.sections_not_asked, ["stay", "court", "safety"]);
    let out = text::summary(&qn, &s, "en");
    in_order(
        &out,
        &[
            "This intake is not finished. Not asked yet: Your stay, Court, Your safety.",
            "Talk to a lawyer about (0):",
        ],
    );
    let staff = render(
        &input(&qn, &[("marital_status", "not_married")]),
        Format::Txt,
        "en",
        false,
    )
    .unwrap();
    in_order(
        &staff,
        &[
            "UNFINISHED INTAKE. Not yet asked: Your family, Your stay, Court, Your safety.",
            "Case posture",
        ],
    );
    // A finished one does not.
    let done = summary(&qn, &full_answers());
    assert!(done.complete, "{:?}", done.unanswered);
    assert!(!text::summary(&qn, &done, "en").contains("not finished"));
}

fn full_answers() -> Vec<(&'static str, &'static str)> {
    let mut v = full();
    v.extend([("work_documents", "[none]")]);
    v.retain(|(q, _)| *q != "works");
    v.push(("works", "\"no\""));
    v
}

#[test]
fn old_content_is_said_to_staff_and_to_the_applicant() {
    let qn = additions(); // policy_as_of 2026-06-01
    let day = |s: &str| pd_intake::date::Date::parse(s).unwrap();
    let fresh = summary_on(&qn, &full(), day("2026-11-28")); // 180 days
    assert!(!fresh.content_age.as_ref().unwrap().out_of_date);
    assert!(!text::summary(&qn, &fresh, "en").contains("may be out of date"));
    let old = summary_on(&qn, &full(), day("2026-11-29")); // 181 days
    assert_eq!(old.content_age.as_ref().unwrap().days, 181);
    assert!(
        text::summary(&qn, &old, "en")
            .contains("This information may be out of date; ask the staff.")
    );
    let mut input = input(&qn, &full());
    input.today = day("2026-11-29");
    let staff = render(&input, Format::Html, "en", false).unwrap();
    assert!(
        staff.contains("The legal content is 181 days old (checked 2026-06-01)"),
        "{staff}"
    );
    let sheet = render(&input, Format::Txt, "es", true).unwrap();
    assert!(
        sheet.contains("Es posible que esta información no esté al día; pregunte al personal.")
    );
    let text = std::fs::read_to_string(ADDITIONS).unwrap();
    let opts = |d: &str| pd_intake::check::Options {
        today: Some(day(d)),
        ..Default::default()
    };
    let warned = pd_intake::check::check_source(&text, &opts("2026-11-29")).render("f.yaml");
    assert!(
        warned.contains("f.yaml:11:15: warning: the legal content was last checked on 2026-06-01 (181 days before 2026-11-29)"),
        "{warned}"
    );
    assert!(
        pd_intake::check::check_source(&text, &opts("2026-11-28"))
            .0
            .is_empty()
    );
    assert_eq!(
        pd_intake::report::words::content_age_note(&qn, day("2026-11-29"), "en").as_deref(),
        Some(
            "Staff: the legal content was last checked on 2026-06-01, 181 days ago. It may be out of date."
        )
    );
}

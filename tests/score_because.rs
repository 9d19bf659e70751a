//! Because-lists hold only the answers that decided a result (design.md §5): a true `any` its
//! true branch, a false `all` its false part, `not` the reasons of what it flips, an unknown
//! result its unknown answers. Checked in the summary, the JSON and the staff report.

mod score_support;

use pd_intake::report::{Format, render};
use pd_intake::scoring::Status;
use score_support::*;

#[test]
fn a_true_any_lists_only_its_true_branch() {
    let qn = additions();
    let s = summary(
        &qn,
        &[
            ("marital_status", "not_married"),
            ("has_children", "\"yes\""),
            ("family_documents", "[birth_certificates]"),
        ],
    );
    let f = s.factor("family_ties").unwrap();
    assert_eq!(f.status, Status::Strong);
    assert_eq!(
        because_ids(&f.because),
        ["has_children", "family_documents"],
        "\"I am not married\" did not decide a family tie"
    );
}

#[test]
fn a_false_all_lists_only_its_false_part_and_not_keeps_the_reason_it_flips() {
    let qn = additions();
    // all[works = yes, not(status = no_papers)]: false because of the `not` part only.
    let s = summary(&qn, &[("works", "\"yes\""), ("status", "no_papers")]);
    let f = s.factor("steady_work").unwrap();
    assert_eq!(f.status, Status::NotApplicable);
    assert_eq!(because_ids(&f.because), ["status"]);
    // Both parts true: both decided.
    let s = summary(
        &qn,
        &[
            ("works", "\"yes\""),
            ("status", "visa_overstay"),
            ("work_documents", "[pay_stubs]"),
        ],
    );
    let f = s.factor("steady_work").unwrap();
    assert_eq!(
        because_ids(&f.because),
        ["works", "status", "work_documents"]
    );
    // The first part false: only it.
    let s = summary(&qn, &[("works", "\"no\""), ("status", "visa_overstay")]);
    assert_eq!(
        because_ids(&s.factor("steady_work").unwrap().because),
        ["works"]
    );
}

#[test]
fn an_unknown_result_lists_only_the_unknown_answers() {
    let qn = additions();
    let s = summary(
        &qn,
        &[("marital_status", "unknown"), ("has_children", "\"no\"")],
    );
    let f = s.factor("family_ties").unwrap();
    assert_eq!(f.status, Status::Unknown);
    assert_eq!(because_ids(&f.because), ["marital_status"]);
    assert_eq!(f.because[0].answer, "unknown");
}

#[test]
fn a_false_any_lists_every_branch() {
    let qn = additions();
    let s = summary(
        &qn,
        &[
            ("marital_status", "not_married"),
            ("has_children", "\"no\""),
        ],
    );
    let f = s.factor("family_ties").unwrap();
    assert_eq!(f.status, Status::NotApplicable);
    assert_eq!(because_ids(&f.because), ["marital_status", "has_children"]);
}

#[test]
fn the_json_and_the_staff_report_carry_the_same_short_reasons() {
    let qn = additions();
    let pairs = [
        ("marital_status", "not_married"),
        ("has_children", "\"yes\""),
        ("family_documents", "[birth_certificates]"),
    ];
    let input = input(&qn, &pairs);
    let json: serde_json::Value =
        serde_json::from_str(&render(&input, Format::Json, "en", false).unwrap()).unwrap();
    let f = json["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "family_ties")
        .unwrap();
    let ids: Vec<&str> = f["because"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["question"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["has_children", "family_documents"]);
    for format in [Format::Txt, Format::Md, Format::Html] {
        let text = render(&input, format, "en", false).unwrap();
        let family = text
            .find("Family here")
            .expect("the factor is in the report");
        let rest = &text[family..];
        let card = &rest[..rest.find("Long time here").unwrap_or(rest.len()).min(1500)];
        assert!(
            card.contains("Do you have children here?"),
            "{format:?}: {card}"
        );
        assert!(
            !card.contains("Are you married?"),
            "{format:?}: a reason that did not decide: {card}"
        );
    }
}

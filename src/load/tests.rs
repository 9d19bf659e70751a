use super::*;

#[test]
fn builtin_header_matches_the_whole_file() {
    let full = builtin();
    let head = builtin_header();
    assert_eq!(head.id, full.id);
    assert_eq!(head.version, full.version);
    assert_eq!(head.title, full.title);
    assert_eq!(head.languages, full.languages);
    assert_eq!(head.policy_as_of, full.policy_as_of);
    assert_eq!(head.notice, full.notice);
    assert!(!head.notice.get("es").is_empty());
    // Nothing past the header was read.
    assert!(head.sections.is_empty() && head.questions.is_empty() && head.sources.is_empty());
    assert!(BUILTIN_TEXT.len() > 20 * header_end_for_test(BUILTIN_TEXT));
}

fn header_end_for_test(text: &str) -> usize {
    text.find("\nsources:")
        .expect("the built-in file lists sources")
        + 1
}

#[test]
fn header_stops_at_the_first_later_key_whatever_it_is() {
    let text = "format: 1\nid: t\nversion: \"1\"\ntitle: {en: T}\nlanguages: [{code: en, name: English}]\nnotice: {en: N}\nsections: [not: [valid\n";
    let q = header_str(text).expect("the header alone is valid");
    assert_eq!(q.notice.get("en"), "N");
    // A key that merely starts with a later key's name is not a boundary.
    let text = "format: 1\nid: t\nversion: \"1\"\ntitle: {en: T}\nlanguages: [{code: en, name: English}]\nnotice: {en: N}\nsectionsx: 1\n";
    let d = header_str(text).expect_err("unknown key");
    assert!(
        d.render("f").contains("unknown key `sectionsx`"),
        "{}",
        d.render("f")
    );
}

#[test]
fn header_errors_are_reported_with_their_place() {
    let text = "format: 2\nid: t\nversion: \"1\"\ntitle: {en: T}\nlanguages: [{code: en, name: English}]\n";
    let d = header_str(text).expect_err("format 2");
    assert!(
        d.render("f")
            .contains("f:1:9: error: format 2 is not supported"),
        "{}",
        d.render("f")
    );
    let d = header_str("title: {en: T}\n").expect_err("no languages");
    assert!(
        d.render("f").contains("declares no languages"),
        "{}",
        d.render("f")
    );
}

//! The committed JSON Schema is what `pd-intake schema` prints, is valid JSON Schema, accepts
//! the built-in questionnaire and rejects the mistakes editors should underline.

use assert_cmd::Command;
use pd_intake::{load, yaml};

fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/questionnaire.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).expect("the schema is valid JSON")
}

#[test]
fn the_command_prints_the_committed_file() {
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/questionnaire.schema.json"
    ))
    .unwrap();
    let out = Command::cargo_bin("pd-intake")
        .unwrap()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), committed);
    assert_eq!(
        schema()["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&schema()).expect("a valid draft-07 schema")
}

fn errors(yaml_text: &str) -> Vec<String> {
    let doc = yaml::parse(yaml_text).expect("parses").to_json();
    validator()
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_builtin_questionnaire_validates() {
    let e = errors(load::BUILTIN_TEXT);
    assert!(e.is_empty(), "{}", e.join("\n"));
    assert!(
        load::BUILTIN_TEXT
            .starts_with("# yaml-language-server: $schema=./questionnaire.schema.json")
    );
}

#[test]
fn the_schema_rejects_common_mistakes() {
    let ok = "format: 1\nid: t\nversion: \"1\"\ntitle: T\nlanguages: [{code: en, name: English}]\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, kind: yes_no, text: A}\n      - {id: b, kind: yes_no, text: B, when: {question: a, is: \"yes\"}}\n";
    assert!(errors(ok).is_empty(), "{:?}", errors(ok));
    for bad in [
        ok.replace("format: 1", "format: 2"),
        ok.replace("kind: yes_no, text: A", "kind: yesno, text: A"),
        ok.replace("text: A}", "text: A, colour: red}"),
        ok.replace("is: \"yes\"", "is: \"yes\", is_not: \"no\""),
        ok.replace("id: a,", "id: Unknown,"),
        ok.replace("id: a,", "id: unknown,"),
        ok.replace("is: \"yes\"", "is: true"),
    ] {
        assert!(!errors(&bad).is_empty(), "accepted:\n{bad}");
    }
}

#[test]
fn the_schema_takes_recorded_audio_on_questions_and_choices() {
    let ok = "format: 1\nid: t\nversion: \"1\"\ntitle: T\nlanguages: [{code: en, name: English}]\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, kind: yes_no, text: A, audio: {en: audio/a.en.wav}}\n      - {id: b, kind: single_choice, text: B, choices: [{id: x, label: X, audio: {en: x.ogg}}, {id: y, label: Y}]}\n";
    assert!(errors(ok).is_empty(), "{:?}", errors(ok));
    for bad in [
        ok.replace("audio: {en: audio/a.en.wav}", "audio: audio/a.en.wav"),
        ok.replace("audio: {en: x.ogg}", "audio: {en: \"\"}"),
        ok.replace("audio: {en: x.ogg}", "audio: {}"),
    ] {
        assert!(!errors(&bad).is_empty(), "accepted:\n{bad}");
    }
    // The loader agrees with the schema.
    assert!(load::load_str(ok).is_ok());
}

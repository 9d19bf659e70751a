//! Helpers for tests/report.rs: building report inputs from fixture files, and a small
//! validator for the subset of JSON Schema draft-07 that docs/report.schema.json uses
//! (type, const, enum, required, properties, additionalProperties, items, minLength,
//! maxLength, format: date, $ref to #/definitions) — no network, no extra crates.

#![allow(dead_code)]

use std::path::Path;

use pd_intake::answers_file;
use pd_intake::date::Date;
use pd_intake::load;
use pd_intake::model::Questionnaire;
use pd_intake::report::{IntakeMeta, ReportInput};
use serde_json::Value;

pub const SMALL: &str = "tests/fixtures/report_questionnaire.yaml";

pub fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

pub fn small() -> Questionnaire {
    load::load_file(Path::new(SMALL)).expect("the report fixture questionnaire loads")
}

/// An answers file under tests/fixtures/answers/ as a report input.
pub fn input<'q>(qn: &'q Questionnaire, answers: &str) -> ReportInput<'q> {
    let text = std::fs::read_to_string(format!("tests/fixtures/answers/{answers}")).unwrap();
    let file = answers_file::parse(&text, &[]).expect("fixture answers parse");
    let matched = answers_file::apply(qn, &file, today()).expect("fixture answers fit");
    ReportInput {
        questionnaire: qn,
        answers: matched.answers,
        language: file.language.unwrap(),
        today: today(),
        meta: IntakeMeta::default(),
    }
}

pub fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap()
}

/// Every place `value` breaks `schema`, as `path: problem`.
pub fn validate(value: &Value, schema: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(value, schema, schema, "$", &mut errors);
    errors
}

fn type_ok(v: &Value, t: &str) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("schema uses a type this validator does not know: {other}"),
    }
}

fn check(v: &Value, s: &Value, root: &Value, path: &str, errors: &mut Vec<String>) {
    let s = s.as_object().expect("a schema is an object");
    for key in s.keys() {
        let known = [
            "$schema",
            "$id",
            "title",
            "description",
            "type",
            "const",
            "enum",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "minLength",
            "maxLength",
            "format",
            "$ref",
            "definitions",
        ];
        assert!(
            known.contains(&key.as_str()),
            "schema keyword `{key}` is not supported by this validator"
        );
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r
            .strip_prefix("#/definitions/")
            .expect("only local definitions");
        check(v, &root["definitions"][name], root, path, errors);
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(v, t) => errors.push(format!("{path}: not a {t}: {v}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(v, t.as_str().unwrap())) => {
            errors.push(format!("{path}: not one of {ts:?}: {v}"))
        }
        _ => {}
    }
    if let Some(c) = s.get("const") {
        if v != c {
            errors.push(format!("{path}: must be {c}, is {v}"));
        }
    }
    if let Some(Value::Array(options)) = s.get("enum") {
        if !options.contains(v) {
            errors.push(format!("{path}: {v} is not one of {options:?}"));
        }
    }
    if let Value::String(text) = v {
        let n = text.chars().count() as u64;
        if s.get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| n < m)
        {
            errors.push(format!("{path}: shorter than {}", s["minLength"]));
        }
        if s.get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|m| n > m)
        {
            errors.push(format!("{path}: longer than {}", s["maxLength"]));
        }
        if s.get("format").and_then(Value::as_str) == Some("date") && Date::parse(text).is_none() {
            errors.push(format!("{path}: `{text}` is not a YYYY-MM-DD date"));
        }
    }
    if let Value::Object(map) = v {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !map.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{path}: missing `{}`", r.as_str().unwrap()));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, item) in map {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(item, ps, root, &format!("{path}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected field `{k}`"))
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(is)) = (v, s.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(item, is, root, &format!("{path}[{i}]"), errors);
        }
    }
}

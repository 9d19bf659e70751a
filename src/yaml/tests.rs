use super::*;

#[test]
fn keeps_positions_and_plain_yes_no_as_text() {
    let n = parse("a: no\nb:\n  - 1\n  - \"yes\"\n").unwrap();
    let Value::Map(entries) = &n.value else {
        panic!("not a map")
    };
    assert_eq!(entries[0].1.value, Value::Str("no".into()));
    assert_eq!(entries[0].1.pos, Pos { line: 1, col: 4 });
    let Value::Seq(items) = &entries[1].1.value else {
        panic!("not a seq")
    };
    assert_eq!(items[0].value, Value::Int(1));
    assert_eq!(items[1].pos.line, 4);
}

#[test]
fn plain_scalars_follow_the_core_schema_with_strict_booleans() {
    let n = parse("[no, yes, on, true, False, ~, null, '', 12, -3, 0x1F, 0o17, 1.5, 2e3, \"7\", '8', 2025-11-30, 1.2.3, +]").unwrap();
    let Value::Seq(items) = n.value else {
        panic!("not a list")
    };
    let got: Vec<Value> = items.into_iter().map(|n| n.value).collect();
    let s = |x: &str| Value::Str(x.to_owned());
    assert_eq!(
        got,
        vec![
            s("no"),
            s("yes"),
            s("on"),
            Value::Bool(true),
            Value::Bool(false),
            Value::Null,
            Value::Null,
            s(""),
            Value::Int(12),
            Value::Int(-3),
            Value::Int(31),
            Value::Int(15),
            Value::Float(1.5),
            Value::Float(2000.0),
            s("7"),
            s("8"),
            s("2025-11-30"),
            s("1.2.3"),
            s("+"),
        ]
    );
}

#[test]
fn anchors_aliases_depth_and_documents() {
    let n = parse("a: &x {b: 1}\nc: *x\n").unwrap();
    let Value::Map(entries) = &n.value else {
        panic!("not a map")
    };
    assert_eq!(entries[0].1.value, entries[1].1.value);
    assert_eq!(
        entries[1].1.pos.line, 2,
        "an alias is located where it is used"
    );
    let deep = format!(
        "{}1{}",
        "[".repeat(MAX_DEPTH + 1),
        "]".repeat(MAX_DEPTH + 1)
    );
    let d = parse(&deep).unwrap_err();
    assert!(d.0[0].message.contains("levels deep"), "{d}");
    let ok = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let d = parse("a: 1\n---\nb: 2\n").unwrap_err();
    assert!(d.0[0].message.contains("more than one document"), "{d}");
    assert_eq!(parse("").unwrap().value, Value::Null);
}

#[test]
fn an_alias_bomb_is_refused_where_it_explodes_and_costs_nothing() {
    // Each level doubles... tenfold: 10^9 values from a few hundred bytes.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    assert!(text.len() < 600, "{}", text.len());
    let d = parse(&text).unwrap_err();
    assert!(d.0[0].message.contains("repeat more than"), "{d}");
    assert!(
        d.0[0].pos.line >= 3,
        "located at the alias that goes over: {d}"
    );
    // Modest use still works.
    assert!(parse("a: &x [1, 2]\nb: *x\nc: *x\n").is_ok());
}

#[test]
fn reports_every_duplicate_key() {
    let d = parse("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n").unwrap_err();
    assert_eq!(d.0.len(), 2, "{d}");
    assert_eq!(d.0[0].pos.line, 2);
    assert_eq!(d.0[1].pos.line, 5);
}

#[test]
fn reports_tabs_and_syntax_errors_with_place() {
    let d = parse("a:\n\tb: 1\n").unwrap_err();
    assert!(d.0[0].message.contains("tab"), "{d}");
    assert_eq!(d.0[0].pos, Pos { line: 2, col: 1 });
    let d = parse("a: [1, 2\nb: 3\n").unwrap_err();
    assert!(d.0[0].message.starts_with("YAML syntax"), "{d}");
    assert!(d.0[0].pos.line >= 1);
}

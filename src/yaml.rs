//! A located YAML tree. Question files are read into this tree first so that every
//! semantic problem (unknown keys, wrong types, bad references) can be reported at
//! once with its line and column, instead of stopping at serde's first error.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Spanned};

use crate::diag::{Diagnostic, Diagnostics, Pos};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub name: String,
}

impl Node {
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a decimal number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Converts a node to JSON (answers files; positions dropped).
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Int(i) => (*i).into(),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Value::Str(s) => s.clone().into(),
            Value::Seq(items) => items.iter().map(Node::to_json).collect(),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| (k.name.clone(), v.to_json()))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }
}

fn pos_of<T>(s: &Spanned<T>) -> Pos {
    let loc = s.referenced;
    Pos {
        line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
        col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
    }
}

/// What the visitor builds before positions are attached by `Spanned`.
struct RawValue(Value);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor).map(RawValue)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<RawValue>::deserialize(d)?;
        let pos = pos_of(&s);
        Ok(Node {
            pos,
            value: s.value.0,
        })
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = seq.next_element::<Node>()? {
            items.push(n);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(k) = map.next_key::<Node>()? {
            let name = match k.value {
                Value::Str(s) => s,
                Value::Int(i) => i.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Null => "null".to_owned(),
                Value::Seq(_) | Value::Map(_) => {
                    return Err(de::Error::custom("a key must be a plain word"));
                }
            };
            let v = map.next_value::<Node>()?;
            entries.push((Key { pos: k.pos, name }, v));
        }
        Ok(Value::Map(entries))
    }
}

/// Parses YAML text into a located tree. Tabs used for indentation and duplicate keys are
/// reported here (all of them); a syntax error stops the parse and is reported with its place.
pub fn parse(text: &str) -> Result<Node, Diagnostics> {
    let mut diags = Diagnostics::default();
    for (i, line) in text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if let Some(col) = indent.find('\t') {
            diags.push(
                Diagnostic::error(pos(i + 1, col + 1), "a tab is used for indentation")
                    .with_hint("YAML needs spaces for indentation; replace the tab with spaces"),
            );
        }
    }
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
        // The default budget (250,000 nodes) stops near 10,000 questions; this one still
        // refuses alias bombs but reads a clinic's largest file (about 100,000 questions).
        budget: serde_saphyr::budget! {
            max_nodes: 4_000_000,
            max_events: 8_000_000,
        },
    };
    match serde_saphyr::from_str_with_options::<Node>(text, options) {
        Ok(node) => {
            find_duplicate_keys(&node, &mut diags);
            if diags.0.is_empty() {
                Ok(node)
            } else {
                Err(diags)
            }
        }
        Err(e) => {
            if diags.0.is_empty() {
                diags.push(syntax_error(&e));
            }
            diags.sort();
            Err(diags)
        }
    }
}

fn pos(line: usize, col: usize) -> Pos {
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

fn syntax_error(e: &serde_saphyr::Error) -> Diagnostic {
    let e = e.without_snippet();
    let at = e.location().map_or(Pos::default(), |l| {
        pos(l.line() as usize, l.column() as usize)
    });
    let text = e.to_string();
    // The library appends its own "at line X column Y"; we print the place up front instead.
    let message = text
        .split(" at line ")
        .next()
        .unwrap_or(&text)
        .trim()
        .to_owned();
    let message = if message.is_empty() {
        "the file is not valid YAML".to_owned()
    } else {
        message
    };
    Diagnostic::error(at, format!("YAML syntax: {message}"))
        .with_hint("check the indentation and the quotes around this place")
}

fn find_duplicate_keys(node: &Node, diags: &mut Diagnostics) {
    match &node.value {
        Value::Map(entries) => {
            for (i, (k, v)) in entries.iter().enumerate() {
                if let Some((first, _)) =
                    entries[..i].iter().find(|(other, _)| other.name == k.name)
                {
                    diags.push(
                        Diagnostic::error(
                            k.pos,
                            format!("the key `{}` appears twice in this mapping", k.name),
                        )
                        .with_hint(format!(
                            "the first one is on line {}; keep one",
                            first.pos.line
                        )),
                    );
                }
                find_duplicate_keys(v, diags);
            }
        }
        Value::Seq(items) => items.iter().for_each(|n| find_duplicate_keys(n, diags)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
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
}

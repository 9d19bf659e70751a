//! A located YAML tree. Question files are read into this tree first so that every
//! semantic problem (unknown keys, wrong types, bad references) can be reported at
//! once with its line and column, instead of stopping at serde's first error.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{
    Event, Options as ParserOptions, Parser, ScalarStyle, ScanError,
};

use crate::diag::{Diagnostic, Diagnostics, Pos};

mod pieces;
#[doc(hidden)]
pub use pieces::pieces_agree;
pub use pieces::top_level_key;

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

/// Parses YAML text into a located tree. Tabs used for indentation and duplicate keys are
/// reported here (all of them); a syntax error stops the parse and is reported with its place.
/// A long file is parsed in pieces on every core (see `pieces`).
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
    match pieces::build_in_pieces(text).map_or_else(|| build(text, 0), Ok) {
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
                diags.push(e);
            }
            diags.sort();
            Err(diags)
        }
    }
}

/// Deeper nesting is refused: later passes recurse over the tree, and no real question file
/// comes near this (a condition inside `all`/`any`/`not` adds two levels).
pub const MAX_DEPTH: usize = 64;

/// Values that aliases may add to a file, in all: far above any hand-written use, far below
/// an "alias bomb" (a 549-byte file of nested aliases once expanded to gigabytes).
pub const MAX_ALIAS_VALUES: usize = 10_000;

/// A collection being built: its position, and its items so far.
enum Open {
    Seq(Pos, usize, Vec<Node>),
    Map(Pos, usize, Vec<(Key, Node)>, Option<Key>),
}

/// Builds the tree straight from the parser's events (serde-saphyr's own parser): several
/// times faster than going through serde with a position wrapper on every node, which
/// matters for start-up and for large question files. `lines_before` is added to every
/// line number (the text is a piece of a longer file).
pub(super) fn build(text: &str, lines_before: usize) -> Result<Node, Diagnostic> {
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut alias_values = 0usize;
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut options = ParserOptions::default();
    options.emit_comments = false; // comments are for the authors, never for the program
    for item in Parser::new_from_str_with_options(text, options) {
        let (event, span) = item.map_err(|e| syntax_error(&e, lines_before))?;
        let at = pos(span.start.line() + lines_before, span.start.col() + 1);
        let done = match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(Diagnostic::error(
                        at,
                        "YAML syntax: the file holds more than one document",
                    )
                    .with_hint("remove the `---` line: a question file is one document"));
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let quoted = style != ScalarStyle::Plain
                    || tag.as_ref().is_some_and(|t| t.suffix() == "str");
                let node = Node {
                    pos: at,
                    value: if quoted {
                        Value::Str(value.into_owned())
                    } else {
                        plain_scalar(&value)
                    },
                };
                if anchor != 0 {
                    anchors.insert(anchor, (node.clone(), 1));
                }
                node
            }
            Event::Alias(id) => match anchors.get(&id) {
                Some((_, size)) if alias_values + size > MAX_ALIAS_VALUES => {
                    return Err(Diagnostic::error(
                        at,
                        format!("aliases (*name) here repeat more than {MAX_ALIAS_VALUES} values"),
                    )
                    .with_hint("write the values out; a question or answers file never needs this many repeats"));
                }
                Some((n, size)) => {
                    alias_values += size;
                    Node {
                        pos: at,
                        value: n.value.clone(),
                    }
                }
                None => {
                    return Err(Diagnostic::error(
                        at,
                        "YAML syntax: an alias (*name) with no anchor (&name) before it",
                    ));
                }
            },
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _)
                if stack.len() >= MAX_DEPTH =>
            {
                let _ = anchor;
                return Err(Diagnostic::error(
                    at,
                    format!("the file nests lists and mappings more than {MAX_DEPTH} levels deep"),
                )
                .with_hint("a question file never needs this; check for runaway brackets"));
            }
            Event::SequenceStart(_, anchor, _) => {
                stack.push(Open::Seq(at, anchor, Vec::new()));
                continue;
            }
            Event::MappingStart(_, anchor, _) => {
                stack.push(Open::Map(at, anchor, Vec::new(), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match stack.pop() {
                    Some(Open::Seq(p, a, items)) => (
                        Node {
                            pos: p,
                            value: Value::Seq(items),
                        },
                        a,
                    ),
                    Some(Open::Map(p, a, entries, _)) => (
                        Node {
                            pos: p,
                            value: Value::Map(entries),
                        },
                        a,
                    ),
                    None => continue,
                };
                if anchor != 0 {
                    anchors.insert(anchor, (node.clone(), count_values(&node)));
                }
                node
            }
            _ => continue,
        };
        match stack.last_mut() {
            Some(Open::Seq(_, _, items)) => items.push(done),
            Some(Open::Map(_, _, entries, key)) => match key.take() {
                Some(k) => entries.push((k, done)),
                None => {
                    *key = Some(Key {
                        pos: done.pos,
                        name: key_name(done)?,
                    })
                }
            },
            None => root = Some(done),
        }
    }
    Ok(root.unwrap_or(Node {
        pos: Pos { line: 1, col: 1 },
        value: Value::Null,
    }))
}

/// The node and everything under it.
fn count_values(n: &Node) -> usize {
    1 + match &n.value {
        Value::Seq(items) => items.iter().map(count_values).sum(),
        Value::Map(entries) => entries.iter().map(|(_, v)| 1 + count_values(v)).sum(),
        _ => 0,
    }
}

fn key_name(n: Node) -> Result<String, Diagnostic> {
    Ok(match n.value {
        Value::Str(s) => s,
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Null => "null".to_owned(),
        Value::Seq(_) | Value::Map(_) => {
            return Err(Diagnostic::error(
                n.pos,
                "YAML syntax: a key must be a plain word",
            ));
        }
    })
}

/// YAML 1.2 core schema for unquoted scalars, with strict booleans: only true/false are
/// booleans, so `no`, `yes`, `on` and `off` stay text.
fn plain_scalar(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().map_or_else(
            |_| {
                s.parse::<f64>()
                    .map_or(Value::Str(s.to_owned()), Value::Float)
            },
            Value::Int,
        );
    }
    if let Some(hex) = s
        .strip_prefix("0x")
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return i64::from_str_radix(hex, 16).map_or(Value::Str(s.to_owned()), Value::Int);
    }
    if let Some(oct) = s
        .strip_prefix("0o")
        .filter(|o| !o.is_empty() && o.bytes().all(|b| (b'0'..=b'7').contains(&b)))
    {
        return i64::from_str_radix(oct, 8).map_or(Value::Str(s.to_owned()), Value::Int);
    }
    let looks_float = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.');
    if looks_float {
        if let Ok(f) = s.parse::<f64>() {
            return Value::Float(f);
        }
    }
    Value::Str(s.to_owned())
}

fn pos(line: usize, col: usize) -> Pos {
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    }
}

fn syntax_error(e: &ScanError, lines_before: usize) -> Diagnostic {
    let m = e.marker();
    let at = pos(m.line() + lines_before, m.col() + 1);
    let info = e.info();
    let message = if info.trim().is_empty() {
        "the file is not valid YAML".to_owned()
    } else {
        info
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
mod tests;

//! Scenarios: an answers file plus `name`, `today` and the expected outcome. Running one scores
//! the answers and reports every difference, so a clinic that edits the tree sees at once which
//! outcomes moved. Differences are located errors (at the expectation that no longer holds).

use std::collections::BTreeSet;

use crate::answers_file::{self, AnswersFile};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::interview::Interview;
use crate::model::Questionnaire;
use crate::scoring::{self, Because, Status, Summary};
use crate::yaml::{Node, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub today: Date,
    pub answers: AnswersFile,
    pub expect: Expect,
}

/// What the scenario expects; lists that are absent are not checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expect {
    pub pos: Pos,
    pub factors: Vec<(String, Pos, Status)>,
    pub serious: Option<(Pos, Vec<String>)>,
    pub flags: Option<(Pos, Vec<String>)>,
    pub notices: Option<(Pos, Vec<String>)>,
}

/// Parses a scenario file; every shape problem is reported with its place.
pub fn parse(text: &str) -> Result<Scenario, Diagnostics> {
    let answers = answers_file::parse(text, &["name", "today", "expect"])?;
    let mut diags = Diagnostics::default();
    let mut name = String::new();
    let mut today = None;
    let mut expect = None;
    for (key, node) in &answers.extra {
        match (key.as_str(), &node.value) {
            ("name", Value::Str(s)) => name = s.clone(),
            ("today", Value::Str(s)) => match Date::parse(s) {
                Some(d) => today = Some(d),
                None => diags.push(
                    Diagnostic::error(node.pos, format!("`today` `{s}` is not a date"))
                        .with_hint("write YYYY-MM-DD"),
                ),
            },
            ("expect", _) => expect = Some(parse_expect(node, &mut diags)),
            (k, _) => diags.push(Diagnostic::error(
                node.pos,
                format!("`{k}` has the wrong type ({})", node.kind_name()),
            )),
        }
    }
    if today.is_none() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(Pos { line: 1, col: 1 }, "the scenario has no `today:`")
                .with_hint("scores depend on the date; write today: YYYY-MM-DD"),
        );
    }
    if expect.is_none() {
        diags.push(Diagnostic::error(
            Pos { line: 1, col: 1 },
            "the scenario has no `expect:`",
        ));
    }
    match (today, expect) {
        (Some(today), Some(expect)) if !diags.has_errors() => Ok(Scenario {
            name,
            today,
            answers,
            expect,
        }),
        _ => {
            diags.sort();
            Err(diags)
        }
    }
}

fn ids(node: &Node, diags: &mut Diagnostics) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|n| match &n.value {
                Value::Str(s) => Some(s.clone()),
                _ => {
                    diags.push(Diagnostic::error(
                        n.pos,
                        format!("an id must be text, not {}", n.kind_name()),
                    ));
                    None
                }
            })
            .collect(),
        Value::Null => Vec::new(),
        _ => {
            diags.push(Diagnostic::error(
                node.pos,
                format!("expected a list of ids, not {}", node.kind_name()),
            ));
            Vec::new()
        }
    }
}

fn parse_expect(node: &Node, diags: &mut Diagnostics) -> Expect {
    let mut e = Expect {
        pos: node.pos,
        ..Expect::default()
    };
    let Value::Map(entries) = &node.value else {
        diags.push(Diagnostic::error(
            node.pos,
            "`expect` must be a mapping with factors, serious, flags, notices",
        ));
        return e;
    };
    for (k, v) in entries {
        match k.name.as_str() {
            "factors" => match &v.value {
                Value::Map(fs) => {
                    for (fk, fv) in fs {
                        match &fv.value {
                            Value::Str(s) if Status::from_name(s).is_some() => {
                                e.factors.push((fk.name.clone(), fk.pos, Status::from_name(s).unwrap_or(Status::Unknown)));
                            }
                            _ => diags.push(
                                Diagnostic::error(fv.pos, format!("`{}` is not a factor status", fv.to_json()))
                                    .with_hint("write strong, weak, undocumented, concern, not_applicable or unknown"),
                            ),
                        }
                    }
                }
                _ => diags.push(Diagnostic::error(
                    v.pos,
                    "`factors` must be a mapping of factor id: status",
                )),
            },
            "serious" => e.serious = Some((v.pos, ids(v, diags))),
            "flags" => e.flags = Some((v.pos, ids(v, diags))),
            "notices" => e.notices = Some((v.pos, ids(v, diags))),
            other => diags.push(
                Diagnostic::error(k.pos, format!("unknown key `{other}` in `expect`"))
                    .with_hint("allowed: factors, serious, flags, notices"),
            ),
        }
    }
    e
}

/// Scores a scenario and returns every difference from its expectation (empty: all as expected).
/// Answers that do not fit the questionnaire are errors too: the scenario no longer says anything.
pub fn run(qn: &Questionnaire, sc: &Scenario) -> Diagnostics {
    let mut out = Diagnostics::default();
    let matched = match answers_file::apply(qn, &sc.answers, sc.today) {
        Ok(m) => m,
        Err(d) => return d,
    };
    for w in matched.warnings.0 {
        out.push(Diagnostic {
            severity: crate::diag::Severity::Error,
            ..w
        });
    }
    let lang = sc
        .answers
        .language
        .clone()
        .unwrap_or_else(|| qn.default_language().to_owned());
    let iv = Interview::with_answers(qn, sc.today, matched.answers);
    let summary = scoring::summarize(&iv, &lang);
    compare(qn, &sc.expect, &summary, &mut out);
    out.sort();
    out
}

/// Parses and runs a scenario's text.
pub fn run_str(qn: &Questionnaire, text: &str) -> Diagnostics {
    match parse(text) {
        Ok(sc) => run(qn, &sc),
        Err(d) => d,
    }
}

fn because(b: &[Because]) -> String {
    if b.is_empty() {
        return "no answers read".to_owned();
    }
    let parts: Vec<String> = b
        .iter()
        .map(|b| format!("{} = {}", b.question, b.answer))
        .collect();
    format!("because {}", parts.join(", "))
}

fn compare(qn: &Questionnaire, e: &Expect, s: &Summary, out: &mut Diagnostics) {
    for (id, pos, want) in &e.factors {
        match s.factor(id) {
            None => out.push(Diagnostic::error(
                *pos,
                format!("no factor `{id}` in the questionnaire `{}`", qn.id),
            )),
            Some(f) if f.status != *want => out.push(
                Diagnostic::error(
                    *pos,
                    format!(
                        "factor `{id}`: expected {}, got {}",
                        want.name(),
                        f.status.name()
                    ),
                )
                .with_hint(because(&f.because)),
            ),
            Some(_) => {}
        }
    }
    let mut set = |what: &str,
                   expected: &Option<(Pos, Vec<String>)>,
                   got: Vec<String>,
                   known: &dyn Fn(&str) -> bool| {
        let Some((pos, want)) = expected else { return };
        for id in want.iter().filter(|id| !known(id)) {
            out.push(Diagnostic::error(
                *pos,
                format!("no {what} `{id}` in the questionnaire `{}`", qn.id),
            ));
        }
        let want: BTreeSet<&String> = want.iter().collect();
        let got: BTreeSet<&String> = got.iter().collect();
        let missing: Vec<&str> = want.difference(&got).map(|s| s.as_str()).collect();
        let extra: Vec<&str> = got.difference(&want).map(|s| s.as_str()).collect();
        if !missing.is_empty() {
            out.push(Diagnostic::error(
                *pos,
                format!("{what}: expected but not given: {}", missing.join(", ")),
            ));
        }
        if !extra.is_empty() {
            out.push(Diagnostic::error(
                *pos,
                format!("{what}: given but not expected: {}", extra.join(", ")),
            ));
        }
    };
    let serious = s
        .factors
        .iter()
        .filter(|f| f.serious == Some(true))
        .map(|f| f.id.clone())
        .collect();
    let adverse = |id: &str| {
        qn.factors
            .iter()
            .any(|f| f.id == id && f.direction == crate::model::Direction::Adverse)
    };
    set("serious factor", &e.serious, serious, &adverse);
    set(
        "flag",
        &e.flags,
        s.flags.iter().map(|f| f.id.clone()).collect(),
        &|id| qn.flags.iter().any(|f| f.id == id),
    );
    set(
        "notice",
        &e.notices,
        s.notices.iter().map(|n| n.id.clone()).collect(),
        &|id| qn.notices.iter().any(|n| n.id == id),
    );
}

#[cfg(test)]
mod tests;

//! Generated valid questionnaires of any size, for benchmarks, property tests and the pty
//! script. Plain string building (no YAML library), so the loader is what gets measured.
//!
//! Each section holds ten questions of every kind; `when` conditions read a few questions
//! back, every third section is hidden unless an earlier answer allows it, and each section
//! has a favorable and an adverse factor, a flag and a notice reading its answers.

use std::fmt::Write;

/// Questions per generated section.
pub const PER_SECTION: usize = 10;

/// A valid question file with about `n` questions (rounded up to whole sections).
pub fn questionnaire(n: usize) -> String {
    let sections = n.div_ceil(PER_SECTION).max(1);
    let mut y = String::with_capacity(sections * 4000);
    y.push_str(
        "format: 1\nid: generated\nversion: \"1\"\ntitle: \"Generated intake\"\n\
         languages:\n  - {code: en, name: English}\npolicy_as_of: 2025-11-30\n\
         notice: \"This is a test. It is not legal advice.\"\n\
         documents:\n  - {id: doc_a, name: \"Paper A\"}\n  - {id: doc_b, name: \"Paper B\"}\n\
         sections:\n",
    );
    for s in 0..sections {
        section(&mut y, s);
    }
    y.push_str("factors:\n");
    for s in 0..sections {
        let p = format!("s{s}_");
        let _ = write!(
            y,
            "  - id: {p}good\n    direction: favorable\n    title: \"Good point {s}\"\n    \
             explain: \"This counts for you.\"\n    applies: {{question: {p}yn, is: \"yes\"}}\n    \
             strong: {{question: {p}year, years_ago_at_least: 10}}\n    \
             evidence: {{question: {p}multi, min: 1}}\n    next_step: \"Bring the papers.\"\n\
             \x20 - id: {p}bad\n    direction: adverse\n    title: \"Hard point {s}\"\n    \
             explain: \"A lawyer must look at this.\"\n    \
             applies: {{question: {p}yn2, is: \"yes\"}}\n    \
             serious: {{question: {p}num, at_least: 5}}\n"
        );
    }
    y.push_str("flags:\n");
    for s in 0..sections {
        let p = format!("s{s}_");
        let _ = writeln!(
            y,
            "  - {{id: {p}flag, title: \"Other help {s}\", explain: \"A lawyer should check this.\", \
             when: {{question: {p}single, is: c}}}}"
        );
    }
    y.push_str("notices:\n");
    for s in 0..sections {
        let p = format!("s{s}_");
        let _ = writeln!(
            y,
            "  - {{id: {p}note, text: \"Talk to a lawyer first.\", \
             when: {{any: [{{question: {p}yn, is: \"no\"}}, {{unknown: {p}text}}]}}}}"
        );
    }
    y
}

fn section(y: &mut String, s: usize) {
    let p = format!("s{s}_");
    let _ = writeln!(y, "  - id: s{s}\n    title: \"Part {s}\"");
    if s % 3 == 2 {
        let _ = writeln!(y, "    when: {{question: s{}_yn, is_not: \"no\"}}", s - 1);
    }
    y.push_str("    questions:\n");
    let q = |y: &mut String, id: &str, kind: &str, text: &str, extra: &str| {
        let _ = writeln!(
            y,
            "      - id: {p}{id}\n        kind: {kind}\n        text: \"{text}\"\n        \
             help: \"Why we ask: it helps staff.\"{extra}"
        );
    };
    q(y, "info", "info", "Now some questions about this part.", "");
    q(y, "yn", "yes_no", "Do you have a job?", "");
    q(
        y,
        "single",
        "single_choice",
        "Which one fits you best?",
        &format!(
            "\n        when: {{question: {p}yn, is_not: \"no\"}}\n        choices:\n          \
             - {{id: a, label: \"First\"}}\n          - {{id: b, label: \"Second\"}}\n          \
             - {{id: c, label: \"Third\"}}"
        ),
    );
    q(
        y,
        "multi",
        "multi_choice",
        "Which papers do you have?",
        &format!(
            "\n        when: {{any: [{{question: {p}yn, is: \"yes\"}}, {{unknown: {p}yn}}]}}\n        \
             choices:\n          - {{id: doc_a, label: \"Paper A\"}}\n          \
             - {{id: doc_b, label: \"Paper B\"}}\n          \
             - {{id: none, label: \"None yet\", exclusive: true}}"
        ),
    );
    q(
        y,
        "num",
        "number",
        "How many people live with you?",
        &format!(
            "\n        min: 0\n        max: 30\n        when: {{question: {p}single, in: [a, b]}}"
        ),
    );
    q(y, "year", "year", "What year did you come?", "");
    q(
        y,
        "date",
        "date",
        "When is your next court date?",
        &format!(
            "\n        when: {{all: [{{question: {p}num, at_least: 1}}, {{answered: {p}year}}]}}"
        ),
    );
    q(
        y,
        "text",
        "text",
        "Anything else staff should know?",
        "\n        max_chars: 200",
    );
    q(
        y,
        "yn2",
        "yes_no",
        "Have you ever been arrested?",
        &format!(
            "\n        sensitive: true\n        when: {{not: {{question: {p}multi, includes: none}}}}"
        ),
    );
    q(
        y,
        "old",
        "yes_no",
        "Did you come as a child?",
        &format!("\n        when: {{question: {p}year, years_ago_at_least: 2}}"),
    );
}

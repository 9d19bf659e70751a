//! Conditions: references to earlier questions, operators that fit the question kind.

use super::*;

impl Loader {
    /// Resolves a question reference: it must exist and come earlier than what refers to it.
    pub(super) fn question_ref(&mut self, node: &Node) -> Option<QIdx> {
        let id = self.string(node, "a question reference")?;
        // The first pass knows each id's index: one lookup instead of a scan per reference.
        if let Some((i, _)) = self.all_questions.get(&id) {
            if self.questions.get(*i).is_some_and(|q| q.id == id) {
                return Some(*i);
            }
        }
        if let Some(i) = self.questions.iter().position(|q| q.id == id) {
            return Some(i);
        }
        if let Some((i, pos)) = self.all_questions.get(&id) {
            let line = pos.line;
            if *i == self.questions.len() {
                self.err_hint(node.pos, format!("the condition refers to `{id}`, the question it belongs to"), "a condition may only use questions asked before the one it is on (a choice's `when` reads earlier questions)");
                return None;
            }
            self.err_hint(node.pos, format!("the condition refers to `{id}`, which comes later (line {line})"), "a condition may only use questions asked before it; move the question up or the condition down");
        } else {
            let known: Vec<&str> = self.all_questions.keys().map(String::as_str).collect();
            let hint = closest(&id, &known).map_or_else(
                || "check the spelling of the question id".to_owned(),
                |c| format!("did you mean `{c}`?"),
            );
            self.err_hint(
                node.pos,
                format!("the condition refers to an unknown question `{id}`"),
                hint,
            );
        }
        None
    }

    pub(super) fn condition(&mut self, node: &Node) -> Option<Condition> {
        // `question`, then the comparisons (which need `question:`), then the other operators.
        const ALL_KEYS: [&str; 18] = [
            "question",
            "is",
            "is_not",
            "in",
            "includes",
            "includes_any",
            "at_least",
            "at_most",
            "years_ago_at_least",
            "years_ago_at_most",
            "days_until_at_least",
            "days_until_at_most",
            "count_at_least",
            "answered",
            "unknown",
            "all",
            "any",
            "not",
        ];
        let ops_needing_question = &ALL_KEYS[1..13];
        let f = self.fields(node, "a condition", &ALL_KEYS, &[])?;
        let present: Vec<&Key> = f
            .entries
            .iter()
            .map(|(k, _)| k)
            .filter(|k| ALL_KEYS.contains(&k.name.as_str()))
            .collect();
        let ops: Vec<&&Key> = present.iter().filter(|k| k.name != "question").collect();
        if ops.len() != 1 {
            if f.entries.len() == present.len() {
                self.err_hint(
                    node.pos,
                    if ops.is_empty() {
                        "a condition needs an operator".to_owned()
                    } else {
                        format!("a condition has one operator, this one has {}", ops.len())
                    },
                    "use `all: [...]` or `any: [...]` to combine conditions",
                );
            }
            return None;
        }
        let op = ops[0].name.as_str();
        let val = f.get(op)?;
        let has_question = f.get("question");
        if ops_needing_question.contains(&op) {
            let Some(qn) = has_question else {
                self.err_hint(
                    node.pos,
                    format!("`{op}` needs `question:`"),
                    format!("write {{question: some_id, {op}: ...}}"),
                );
                return None;
            };
            let q = self.question_ref(qn)?;
            return self.comparison(q, op, val);
        }
        if let Some(qn) = has_question {
            self.err(qn.pos, format!("`question:` does not go with `{op}`"));
            return None;
        }
        match op {
            "answered" | "unknown" => {
                let q = self.question_ref(val)?;
                if self.questions[q].kind == Kind::Info {
                    self.err(
                        val.pos,
                        format!(
                            "`{}` is an info screen and has no answer",
                            self.questions[q].id
                        ),
                    );
                    return None;
                }
                Some(if op == "answered" {
                    Condition::Answered(q)
                } else {
                    Condition::Unknown(q)
                })
            }
            "all" | "any" => {
                let items = self.seq(val, &format!("`{op}`"));
                if items.is_empty() {
                    self.err(val.pos, format!("`{op}` needs at least one condition"));
                }
                let cs: Vec<Option<Condition>> = items.iter().map(|n| self.condition(n)).collect();
                let cs: Option<Vec<Condition>> = cs.into_iter().collect();
                let cs = cs?;
                Some(if op == "all" {
                    Condition::All(cs)
                } else {
                    Condition::Any(cs)
                })
            }
            _ => self.condition(val).map(|c| Condition::Not(Box::new(c))),
        }
    }

    pub(super) fn comparison(&mut self, q: QIdx, op: &str, val: &Node) -> Option<Condition> {
        let kind = self.questions[q].kind;
        let qid = self.questions[q].id.clone();
        let fits = match op {
            "is" | "is_not" | "in" => matches!(
                kind,
                Kind::YesNo | Kind::SingleChoice | Kind::Number | Kind::Year
            ),
            "includes" | "includes_any" | "count_at_least" => kind == Kind::MultiChoice,
            "at_least" | "at_most" => matches!(kind, Kind::Number | Kind::Year),
            "days_until_at_least" | "days_until_at_most" => kind == Kind::Date,
            _ => matches!(kind, Kind::Year | Kind::Date),
        };
        if !fits {
            let hint = match kind {
                Kind::MultiChoice => {
                    "for a multi_choice question use includes, includes_any or count_at_least"
                }
                Kind::Date => {
                    "for a date question use years_ago_at_least, years_ago_at_most, days_until_at_least or days_until_at_most"
                }
                Kind::Text => "a text question can only be tested with answered or unknown",
                Kind::Info => "an info screen has no answer",
                Kind::YesNo | Kind::SingleChoice => {
                    "for a yes_no or single_choice question use is, is_not or in"
                }
                Kind::Number => "for a number question use is, is_not, in, at_least or at_most",
                Kind::Year => {
                    "for a year question use is, is_not, in, at_least, at_most, years_ago_at_least or years_ago_at_most"
                }
            };
            self.err_hint(
                val.pos,
                format!("`{op}` does not fit `{qid}`, a {} question", kind.name()),
                hint,
            );
            return None;
        }
        match op {
            "is" | "is_not" => {
                let lit = self.literal(q, val)?;
                Some(if op == "is" {
                    Condition::Is(q, lit)
                } else {
                    Condition::IsNot(q, lit)
                })
            }
            "in" => {
                let items = self.seq(val, "`in`");
                let lits: Vec<Option<Literal>> = items.iter().map(|n| self.literal(q, n)).collect();
                lits.into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(|l| Condition::In(q, l))
            }
            "includes" => self.choice_ref(q, val).map(|c| Condition::Includes(q, c)),
            "includes_any" => {
                let items = self.seq(val, "`includes_any`");
                let cs: Vec<Option<String>> = items.iter().map(|n| self.choice_ref(q, n)).collect();
                cs.into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(|c| Condition::IncludesAny(q, c))
            }
            _ => {
                let n = self.int(val, &format!("`{op}`"))?;
                Some(match op {
                    "at_least" => Condition::AtLeast(q, n),
                    "at_most" => Condition::AtMost(q, n),
                    "years_ago_at_least" => Condition::YearsAgoAtLeast(q, n),
                    "years_ago_at_most" => Condition::YearsAgoAtMost(q, n),
                    "days_until_at_least" => Condition::DaysUntilAtLeast(q, n),
                    "days_until_at_most" => Condition::DaysUntilAtMost(q, n),
                    _ => Condition::CountAtLeast(q, n),
                })
            }
        }
    }

    pub(super) fn literal(&mut self, q: QIdx, val: &Node) -> Option<Literal> {
        match self.questions[q].kind {
            Kind::Number | Kind::Year => self.int(val, "the value").map(Literal::Int),
            _ => {
                if let Value::Bool(b) = val.value {
                    let word = if b { "yes" } else { "no" };
                    self.err_hint(
                        val.pos,
                        format!("`{b}` is not a choice of `{}`", self.questions[q].id),
                        format!("write \"{word}\" in quotes"),
                    );
                    return None;
                }
                self.choice_ref(q, val).map(Literal::Choice)
            }
        }
    }

    pub(super) fn choice_ref(&mut self, q: QIdx, val: &Node) -> Option<String> {
        let c = self.string(val, "a choice id")?;
        let question = &self.questions[q];
        if question.choice(&c).is_some() {
            return Some(c);
        }
        let ids: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
        let msg = format!("`{c}` is not a choice of `{}`", question.id);
        let hint = format!("its choices are: {}", ids.join(", "));
        self.err_hint(val.pos, msg, hint);
        None
    }
}

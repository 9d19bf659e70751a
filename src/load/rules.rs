//! Factors (with their evidence), flags and notices: the scoring rules.

use super::*;

impl Loader {
    pub(super) fn factors(&mut self, node: &Node) -> Vec<Factor> {
        const KEYS: [&str; 10] = [
            "id",
            "direction",
            "title",
            "explain",
            "explain_when",
            "applies",
            "strong",
            "serious",
            "evidence",
            "next_step",
        ];
        let mut out = Vec::new();
        for item in self.seq(node, "`factors`") {
            let Some(f) = self.fields(
                item,
                "a factor",
                &KEYS,
                &["id", "direction", "title", "explain", "applies"],
            ) else {
                continue;
            };
            let id = f.get("id").and_then(|n| self.id(n, "a factor", true));
            let direction = f.get("direction").and_then(|n| {
                let s = self.string(n, "`direction`")?;
                match s.as_str() {
                    "favorable" => Some(Direction::Favorable),
                    "adverse" => Some(Direction::Adverse),
                    _ => {
                        self.err_hint(
                            n.pos,
                            format!("unknown direction `{s}`"),
                            "write favorable or adverse",
                        );
                        None
                    }
                }
            });
            let title = f
                .get("title")
                .map(|n| self.text(n, "the factor title"))
                .unwrap_or_default();
            let explain = f
                .get("explain")
                .map(|n| self.text(n, "the factor explanation"))
                .unwrap_or_default();
            let explain_when = f
                .get("explain_when")
                .map(|n| self.when_texts(n, "`explain_when`"))
                .unwrap_or_default();
            let applies = f.get("applies").and_then(|n| self.condition(n));
            let strong = f.get("strong").and_then(|n| self.condition(n));
            let serious = f.get("serious").and_then(|n| self.condition(n));
            let next_step = f.get("next_step").map(|n| self.text(n, "the next step"));
            let evidence = f.get("evidence").and_then(|n| self.evidence(n));
            match direction {
                Some(Direction::Adverse) => {
                    for key in ["strong", "evidence"] {
                        if let Some(n) = f.get(key) {
                            self.err_hint(
                                n.pos,
                                format!("an adverse factor has no `{key}`"),
                                "adverse factors use `serious`",
                            );
                        }
                    }
                }
                Some(Direction::Favorable) => {
                    if let Some(n) = f.get("serious") {
                        self.err_hint(
                            n.pos,
                            "a favorable factor has no `serious`",
                            "favorable factors use `strong`",
                        );
                    }
                }
                None => {}
            }
            if let (Some(id), Some(direction), Some(applies)) = (id, direction, applies) {
                out.push(Factor {
                    id,
                    direction,
                    title,
                    explain,
                    explain_when,
                    applies,
                    strong,
                    serious,
                    evidence,
                    next_step,
                    pos: item.pos,
                });
            }
        }
        out
    }

    pub(super) fn evidence(&mut self, node: &Node) -> Option<Evidence> {
        let f = self.fields(node, "`evidence`", &["question", "min"], &["question"])?;
        let q = self.question_ref(f.get("question")?)?;
        let min = f.get("min").and_then(|n| self.int(n, "`min`")).unwrap_or(1);
        let question = &self.questions[q];
        if question.kind != Kind::MultiChoice {
            let msg = format!(
                "the evidence question `{}` is a {} question",
                question.id,
                question.kind.name()
            );
            self.err_hint(
                node.pos,
                msg,
                "evidence must be a multi_choice whose choice ids are document ids",
            );
            return None;
        }
        let mut bad = Vec::new();
        let mut exclusive = 0;
        for c in &question.choices {
            if c.exclusive {
                exclusive += 1;
            } else if !self.documents.iter().any(|d| d.id == c.id) {
                bad.push(c.id.clone());
            }
        }
        let qid = question.id.clone();
        if !bad.is_empty() {
            self.err_hint(node.pos, format!("the evidence question `{qid}` has choices that are not documents: {}", bad.join(", ")), "each choice id must be the id of an entry in `documents` (plus at most one exclusive choice such as `none`)");
        }
        if exclusive > 1 {
            self.err(node.pos, format!("the evidence question `{qid}` has {exclusive} exclusive choices; at most one is allowed"));
        }
        if min < 1 {
            self.err(node.pos, "`min` of evidence must be at least 1");
        }
        Some(Evidence { question: q, min })
    }

    pub(super) fn flags(&mut self, node: &Node) -> Vec<Flag> {
        let mut out = Vec::new();
        for item in self.seq(node, "`flags`") {
            let Some(f) = self.fields(
                item,
                "a flag",
                &["id", "title", "explain", "explain_when", "when"],
                &["id", "title", "explain", "when"],
            ) else {
                continue;
            };
            let id = f.get("id").and_then(|n| self.id(n, "a flag", true));
            let title = f
                .get("title")
                .map(|n| self.text(n, "the flag title"))
                .unwrap_or_default();
            let explain = f
                .get("explain")
                .map(|n| self.text(n, "the flag explanation"))
                .unwrap_or_default();
            let explain_when = f
                .get("explain_when")
                .map(|n| self.when_texts(n, "`explain_when`"))
                .unwrap_or_default();
            let when = f.get("when").and_then(|n| self.condition(n));
            if let (Some(id), Some(when)) = (id, when) {
                out.push(Flag {
                    id,
                    title,
                    explain,
                    explain_when,
                    when,
                    pos: item.pos,
                });
            }
        }
        out
    }

    pub(super) fn notices(&mut self, node: &Node) -> Vec<Notice> {
        let mut out = Vec::new();
        for item in self.seq(node, "`notices`") {
            let Some(f) = self.fields(
                item,
                "a notice",
                &["id", "text", "text_when", "when"],
                &["id", "text", "when"],
            ) else {
                continue;
            };
            let id = f.get("id").and_then(|n| self.id(n, "a notice", true));
            let text = f
                .get("text")
                .map(|n| self.text(n, "the notice text"))
                .unwrap_or_default();
            let text_when = f
                .get("text_when")
                .map(|n| self.when_texts(n, "`text_when`"))
                .unwrap_or_default();
            let when = f.get("when").and_then(|n| self.condition(n));
            if let (Some(id), Some(when)) = (id, when) {
                out.push(Notice {
                    id,
                    text,
                    text_when,
                    when,
                    pos: item.pos,
                });
            }
        }
        out
    }

    /// `explain_when` / `text_when`: a list of `{when: <condition>, text: {...}}`.
    pub(super) fn when_texts(&mut self, node: &Node, what: &str) -> Vec<WhenText> {
        let mut out = Vec::new();
        let items = self.seq(node, what);
        if items.is_empty() {
            self.err_hint(
                node.pos,
                format!("{what} is empty"),
                "give at least one `{when: ..., text: ...}` or remove the key",
            );
        }
        for item in items {
            let Some(f) = self.fields(
                item,
                &format!("an entry of {what}"),
                &["when", "text"],
                &["when", "text"],
            ) else {
                continue;
            };
            let when = f.get("when").and_then(|n| self.condition(n));
            let text = f
                .get("text")
                .map(|n| self.text(n, &format!("the text of {what}")))
                .unwrap_or_default();
            if let Some(when) = when {
                out.push(WhenText { when, text });
            }
        }
        out
    }

    /// `hearing_date: QUESTION_ID`: the date question holding the next court date.
    pub(super) fn hearing_date(&mut self, node: &Node) -> Option<QIdx> {
        let id = self.string(node, "`hearing_date`")?;
        let Some(q) = self.questions.iter().position(|q| q.id == id) else {
            let known: Vec<&str> = self.questions.iter().map(|q| q.id.as_str()).collect();
            let hint = closest(&id, &known).map_or_else(
                || "give the id of a date question".to_owned(),
                |c| format!("did you mean `{c}`?"),
            );
            self.err_hint(
                node.pos,
                format!("`hearing_date` names an unknown question `{id}`"),
                hint,
            );
            return None;
        };
        let kind = self.questions[q].kind;
        if kind != Kind::Date {
            self.err_hint(
                node.pos,
                format!("`hearing_date` names `{id}`, a {} question", kind.name()),
                "it must name a date question (the next court date)",
            );
            return None;
        }
        Some(q)
    }
}

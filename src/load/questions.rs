//! Sections, questions and their choices.

use super::*;

impl Loader {
    /// Records every question id and its place before conditions are resolved.
    pub(super) fn first_pass(&mut self, sections: &Node) {
        let Value::Seq(secs) = &sections.value else {
            return;
        };
        let mut idx = 0;
        for s in secs {
            let Value::Map(entries) = &s.value else {
                continue;
            };
            let Some((_, qs)) = entries.iter().find(|(k, _)| k.name == "questions") else {
                continue;
            };
            let Value::Seq(qs) = &qs.value else { continue };
            for q in qs {
                let Value::Map(entries) = &q.value else {
                    continue;
                };
                if let Some((
                    _,
                    Node {
                        value: Value::Str(id),
                        pos,
                    },
                )) = entries.iter().find(|(k, _)| k.name == "id")
                {
                    self.all_questions.entry(id.clone()).or_insert((idx, *pos));
                }
                idx += 1;
            }
        }
    }

    pub(super) fn sections(&mut self, node: &Node) -> Vec<Section> {
        let mut out = Vec::new();
        let items = self.seq(node, "`sections`");
        if items.is_empty() {
            self.err(node.pos, "the questionnaire has no sections");
        }
        for item in items {
            let Some(f) = self.fields(
                item,
                "a section",
                &["id", "title", "when", "questions"],
                &["id", "title", "questions"],
            ) else {
                continue;
            };
            let id = f
                .get("id")
                .and_then(|n| self.id(n, "a section", true))
                .unwrap_or_default();
            let title = f
                .get("title")
                .map(|n| self.text(n, "a section title"))
                .unwrap_or_default();
            let when = f.get("when").and_then(|n| self.condition(n));
            let start = self.questions.len();
            if let Some(qs) = f.get("questions") {
                let qs = self.seq(qs, "`questions`");
                if qs.is_empty() {
                    self.err(item.pos, format!("the section `{id}` has no questions"));
                }
                for q in qs {
                    self.question(q, out.len());
                }
            }
            out.push(Section {
                id,
                title,
                when,
                questions: start..self.questions.len(),
                pos: item.pos,
            });
        }
        out
    }

    pub(super) fn question(&mut self, node: &Node, section: usize) {
        const KEYS: [&str; 13] = [
            "id",
            "kind",
            "text",
            "help",
            "when",
            "choices",
            "sensitive",
            "min",
            "max",
            "max_chars",
            "multiline",
            "unknown",
            "audio",
        ];
        let Some(f) = self.fields(node, "a question", &KEYS, &["id", "kind", "text"]) else {
            return;
        };
        let id = f.get("id").and_then(|n| self.id(n, "a question", true));
        let kind = f.get("kind").and_then(|n| {
            let s = self.string(n, "`kind`")?;
            let k = Kind::from_name(&s);
            if k.is_none() {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                let hint = match closest(&s, &names) {
                    Some(c) => format!("did you mean `{c}`? kinds: {}", names.join(", ")),
                    None => format!("kinds: {}", names.join(", ")),
                };
                self.err_hint(n.pos, format!("unknown question kind `{s}`"), hint);
            }
            k
        });
        let text = f
            .get("text")
            .map(|n| self.text(n, "the question text"))
            .unwrap_or_default();
        let help = f.get("help").map(|n| self.text(n, "the help text"));
        let when = f.get("when").and_then(|n| self.condition(n));
        let sensitive = f
            .get("sensitive")
            .and_then(|n| self.boolean(n, "`sensitive`"))
            .unwrap_or(false);
        let multiline = f
            .get("multiline")
            .and_then(|n| self.boolean(n, "`multiline`"))
            .unwrap_or(false);
        let allow_unknown = f.get("unknown").and_then(|n| self.boolean(n, "`unknown`"));
        let Some(kind) = kind else { return };
        let mut choices = Vec::new();
        match (kind.has_choices(), f.get("choices")) {
            (true, Some(n)) => choices = self.choices(n, kind),
            (true, None) => self.err(f.pos, format!("a {} question needs `choices`", kind.name())),
            (false, Some(n)) => self.err(
                n.pos,
                format!("a {} question cannot have `choices`", kind.name()),
            ),
            (false, None) => {}
        }
        if kind == Kind::YesNo {
            choices = ["yes", "no"]
                .into_iter()
                .map(|c| Choice {
                    id: c.to_owned(),
                    label: Text::default(),
                    exclusive: false,
                    audio: Audio::new(),
                    when: None,
                })
                .collect();
        }
        let (mut min, mut max, mut min_date, mut max_date) = (None, None, None, None);
        let (mut min_today, mut max_today) = (false, false);
        for key in ["min", "max"] {
            let Some(n) = f.get(key) else { continue };
            let today = matches!(&n.value, crate::yaml::Value::Str(s) if s == "today");
            match kind {
                Kind::Date | Kind::Year if today => {
                    if key == "min" {
                        min_today = true
                    } else {
                        max_today = true
                    }
                }
                Kind::Number | Kind::Year => {
                    let v = self.int(n, &format!("`{key}`"));
                    if key == "min" { min = v } else { max = v }
                }
                Kind::Date => {
                    let v = self.date(n, &format!("`{key}`"));
                    if key == "min" {
                        min_date = v
                    } else {
                        max_date = v
                    }
                }
                _ => self.err(
                    n.pos,
                    format!("`{key}` only fits number, year and date questions"),
                ),
            }
        }
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                self.err(f.pos, format!("`min` ({a}) is larger than `max` ({b})"));
            }
        }
        let mut max_chars = None;
        if let Some(n) = f.get("max_chars") {
            if kind != Kind::Text {
                self.err(n.pos, "`max_chars` only fits text questions");
            } else if let Some(v) = self.int(n, "`max_chars`") {
                if v < 1 {
                    self.err(n.pos, "`max_chars` must be at least 1");
                } else {
                    max_chars = usize::try_from(v).ok();
                }
            }
        }
        if multiline && kind != Kind::Text {
            if let Some(n) = f.get("multiline") {
                self.err(n.pos, "`multiline` only fits text questions");
            }
        }
        if kind == Kind::Info && allow_unknown == Some(true) {
            if let Some(n) = f.get("unknown") {
                self.err(
                    n.pos,
                    "an info screen has no answer, so it cannot offer \"I don't know\"",
                );
            }
        }
        let audio = self.audio(f.get("audio"));
        let Some(id) = id else { return };
        self.questions.push(Question {
            id,
            section,
            kind,
            text,
            help,
            when,
            choices,
            sensitive,
            min,
            max,
            min_date,
            max_date,
            min_today,
            max_today,
            max_chars,
            multiline,
            allow_unknown: kind != Kind::Info && allow_unknown.unwrap_or(true),
            audio,
            pos: f.pos,
        });
    }

    pub(super) fn choices(&mut self, node: &Node, kind: Kind) -> Vec<Choice> {
        let mut out: Vec<Choice> = Vec::new();
        for item in self.seq(node, "`choices`") {
            let Some(f) = self.fields(
                item,
                "a choice",
                &["id", "label", "exclusive", "when", "audio"],
                &["id", "label"],
            ) else {
                continue;
            };
            let Some(idn) = f.get("id") else { continue };
            let Some(id) = self.string(idn, "a choice id") else {
                continue;
            };
            self.check_id_shape(idn.pos, &id);
            if out.iter().any(|c| c.id == id) {
                self.err(
                    idn.pos,
                    format!("the choice `{id}` is listed twice in this question"),
                );
            }
            let label = f
                .get("label")
                .map(|n| self.text(n, "a choice label"))
                .unwrap_or_default();
            let exclusive = f
                .get("exclusive")
                .map(|n| self.boolean(n, "`exclusive`"))
                // A mistyped value (`yes`) was reported; read it as meant, so no errors follow from it.
                .is_some_and(|b| b.unwrap_or(true));
            if exclusive && kind != Kind::MultiChoice {
                if let Some(n) = f.get("exclusive") {
                    self.err(n.pos, "`exclusive` only fits multi_choice questions");
                }
            }
            let audio = self.audio(f.get("audio"));
            // The question holding the choice is not loaded yet, so the condition can only
            // read earlier questions (the earlier-question rule for choices).
            let when = f.get("when").and_then(|n| self.condition(n));
            out.push(Choice {
                id,
                label,
                exclusive,
                audio,
                when,
            });
        }
        if out.len() < 2 && !out.is_empty() {
            self.err(node.pos, "a choice question needs at least two choices");
        }
        out
    }
}

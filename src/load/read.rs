//! Reading typed values from the located tree: every mismatch becomes a located error.

use super::*;

impl Loader {
    pub(super) fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(pos, msg));
    }
    pub(super) fn err_hint(&mut self, pos: Pos, msg: impl Into<String>, hint: impl Into<String>) {
        self.diags.push(Diagnostic::error(pos, msg).with_hint(hint));
    }

    pub(super) fn fields<'a>(
        &mut self,
        node: &'a Node,
        what: &str,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<Fields<'a>> {
        let Value::Map(entries) = &node.value else {
            self.err(
                node.pos,
                format!(
                    "{what} must be a mapping (key: value lines), not {}",
                    node.kind_name()
                ),
            );
            return None;
        };
        for (k, _) in entries {
            if !allowed.contains(&k.name.as_str()) {
                let hint = match closest(&k.name, allowed) {
                    Some(s) => format!("did you mean `{s}`? allowed here: {}", allowed.join(", ")),
                    None => format!("allowed here: {}", allowed.join(", ")),
                };
                self.err_hint(k.pos, format!("unknown key `{}` in {what}", k.name), hint);
            }
        }
        for r in required {
            if !entries.iter().any(|(k, _)| k.name == *r) {
                self.err(node.pos, format!("{what} is missing the key `{r}`"));
            }
        }
        Some(Fields {
            pos: node.pos,
            entries,
        })
    }

    pub(super) fn string(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            _ => {
                self.err(
                    node.pos,
                    format!("{what} must be text, not {}", node.kind_name()),
                );
                None
            }
        }
    }

    pub(super) fn int(&mut self, node: &Node, what: &str) -> Option<i64> {
        match &node.value {
            Value::Int(i) => Some(*i),
            _ => {
                self.err(
                    node.pos,
                    format!("{what} must be a whole number, not {}", node.kind_name()),
                );
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.err_hint(
                    node.pos,
                    format!("{what} must be true or false, not {}", node.kind_name()),
                    "write true or false without quotes",
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, node: &Node, what: &str) -> Option<Date> {
        let s = self.string(node, what)?;
        let d = Date::parse(&s);
        if d.is_none() {
            self.err_hint(
                node.pos,
                format!("{what} `{s}` is not a date"),
                "write dates as YYYY-MM-DD, e.g. 2025-11-30",
            );
        }
        d
    }

    pub(super) fn seq<'a>(&mut self, node: &'a Node, what: &str) -> &'a [Node] {
        match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.err(
                    node.pos,
                    format!(
                        "{what} must be a list (lines starting with `- `), not {}",
                        node.kind_name()
                    ),
                );
                &[]
            }
        }
    }

    /// Checks the shape of an id and registers it in the shared namespace.
    pub(super) fn id(&mut self, node: &Node, what: &str, shared: bool) -> Option<String> {
        let id = self.string(node, &format!("the id of {what}"))?;
        self.check_id_shape(node.pos, &id);
        if shared {
            if let Some(first) = self.ids.get(&id) {
                let line = first.line;
                self.err_hint(
                    node.pos,
                    format!("the id `{id}` is used twice"),
                    format!(
                        "it is first defined on line {line}; ids are unique across the whole file"
                    ),
                );
            } else {
                self.ids.insert(id.clone(), node.pos);
            }
        }
        Some(id)
    }

    pub(super) fn check_id_shape(&mut self, pos: Pos, id: &str) {
        if RESERVED_IDS.contains(&id) {
            self.err_hint(pos, format!("`{id}` is a reserved id"), "`unknown` and `declined` are the special answers \"I don't know\" and \"I'd rather not say\"; choose another id");
        } else if !is_snake_case(id) {
            self.err_hint(
                pos,
                format!("the id `{id}` is not snake_case"),
                "use lowercase letters, digits and underscores, starting with a letter",
            );
        }
    }

    /// A text with `{policy_as_of}` replaced by the file's date (an error without one).
    pub(super) fn text(&mut self, node: &Node, what: &str) -> Text {
        let mut t = self.raw_text(node, what);
        if t.0.values().any(|s| s.contains(POLICY_AS_OF_PLACEHOLDER)) {
            match self.policy_as_of {
                Some(d) => {
                    let date = d.to_string();
                    for s in t.0.values_mut() {
                        *s = s.replace(POLICY_AS_OF_PLACEHOLDER, &date);
                    }
                }
                None if !self.policy_as_of_given => self.err_hint(
                    node.pos,
                    format!("{what} uses {POLICY_AS_OF_PLACEHOLDER} but the file has no `policy_as_of`"),
                    "add `policy_as_of: YYYY-MM-DD` (the date the legal content was last checked) near the top",
                ),
                None => {}
            }
        }
        t
    }

    fn raw_text(&mut self, node: &Node, what: &str) -> Text {
        match &node.value {
            Value::Str(s) if self.languages.len() == 1 => {
                let mut m = BTreeMap::new();
                m.insert(self.languages[0].clone(), s.clone());
                Text(m)
            }
            Value::Str(_) => {
                self.err_hint(
                    node.pos,
                    format!("{what} needs a text per language"),
                    format!(
                        "write {{{}}}",
                        self.languages
                            .iter()
                            .map(|l| format!("{l}: \"...\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                Text::default()
            }
            Value::Map(entries) => {
                let mut m = BTreeMap::new();
                for (k, v) in entries {
                    if !self.languages.contains(&k.name) {
                        self.err_hint(
                            k.pos,
                            format!("`{}` in {what} is not a declared language", k.name),
                            format!("declared languages: {}", self.languages.join(", ")),
                        );
                        continue;
                    }
                    if let Some(s) = self.string(v, what) {
                        if s.trim().is_empty() {
                            self.err(v.pos, format!("{what} is empty in `{}`", k.name));
                        }
                        m.insert(k.name.clone(), s);
                    }
                }
                for l in self.languages.clone() {
                    if !m.contains_key(&l) {
                        self.err_hint(
                            node.pos,
                            format!("{what} has no `{l}` translation"),
                            "every text needs every declared language",
                        );
                    }
                }
                Text(m)
            }
            _ => {
                self.err(
                    node.pos,
                    format!("{what} must be text, not {}", node.kind_name()),
                );
                Text::default()
            }
        }
    }
}

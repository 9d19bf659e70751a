//! Question file (format 1) -> `Questionnaire`. Every problem is collected with its line and
//! column; nothing stops at the first one except a YAML syntax error.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::*;
use crate::yaml::{self, Key, Node, Value};

/// The built-in questionnaire, compiled into the binary.
pub const BUILTIN_NAME: &str = "questions/discretion.yaml";
pub const BUILTIN_TEXT: &str = include_str!("../questions/discretion.yaml");

/// Ids no choice (or anything else) may use: they are the special answers.
pub const RESERVED_IDS: [&str; 2] = ["unknown", "declined"];

/// The built-in questionnaire, loaded once per process (tests and benchmarks share it).
pub fn builtin_shared() -> &'static Questionnaire {
    static BUILTIN: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(builtin)
}

/// Loads the built-in questionnaire. It is checked by the test suite, so failure is a build defect.
pub fn builtin() -> Questionnaire {
    match load_str(BUILTIN_TEXT) {
        Ok(q) => q,
        Err(d) => panic!(
            "the built-in questionnaire does not load:\n{}",
            d.render(BUILTIN_NAME)
        ),
    }
}

/// Reads and loads a question file. I/O errors become a single located diagnostic.
pub fn load_file(path: &Path) -> Result<Questionnaire, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(
            Pos::default(),
            format!("cannot read the file: {e}"),
        )])
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostics(vec![
            Diagnostic::error(Pos { line: 1, col: 1 }, "the file is not UTF-8 text")
                .with_hint("save it as UTF-8 in your editor"),
        ])
    })?;
    load_str(&text)
}

/// Loads a question file from text; on failure returns every error found.
pub fn load_str(text: &str) -> Result<Questionnaire, Diagnostics> {
    let root = yaml::parse(text)?;
    let mut l = Loader::default();
    let q = l.questionnaire(&root, text);
    l.diags.sort();
    match q {
        Some(q) if !l.diags.has_errors() => Ok(q),
        _ => Err(l.diags),
    }
}

pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Default)]
struct Loader {
    diags: Diagnostics,
    languages: Vec<String>,
    /// Every id in the shared namespace, with where it was first defined.
    ids: HashMap<String, Pos>,
    /// All question ids in file order (first pass), for "comes later" messages.
    all_questions: HashMap<String, (QIdx, Pos)>,
    /// Questions loaded so far (the ones a condition may refer to).
    questions: Vec<Question>,
    documents: Vec<Document>,
}

/// A mapping with its keys checked: unknown keys reported, missing required ones too.
struct Fields<'a> {
    pos: Pos,
    entries: &'a [(Key, Node)],
}

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }
}

impl Loader {
    fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(pos, msg));
    }
    fn err_hint(&mut self, pos: Pos, msg: impl Into<String>, hint: impl Into<String>) {
        self.diags.push(Diagnostic::error(pos, msg).with_hint(hint));
    }

    fn fields<'a>(
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

    fn string(&mut self, node: &Node, what: &str) -> Option<String> {
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

    fn int(&mut self, node: &Node, what: &str) -> Option<i64> {
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

    fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
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

    fn date(&mut self, node: &Node, what: &str) -> Option<Date> {
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

    fn seq<'a>(&mut self, node: &'a Node, what: &str) -> &'a [Node] {
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
    fn id(&mut self, node: &Node, what: &str, shared: bool) -> Option<String> {
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

    fn check_id_shape(&mut self, pos: Pos, id: &str) {
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

    fn text(&mut self, node: &Node, what: &str) -> Text {
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

    fn questionnaire(&mut self, root: &Node, source: &str) -> Option<Questionnaire> {
        const TOP: [&str; 13] = [
            "format",
            "id",
            "version",
            "title",
            "languages",
            "policy_as_of",
            "notice",
            "sources",
            "documents",
            "sections",
            "factors",
            "flags",
            "notices",
        ];
        let f = self.fields(
            root,
            "the questionnaire",
            &TOP,
            &["format", "id", "version", "title", "languages", "sections"],
        )?;
        if let Some(n) = f.get("format") {
            if let Some(v) = self.int(n, "`format`") {
                if v != 1 {
                    self.err_hint(
                        n.pos,
                        format!("format {v} is not supported"),
                        "this version of pd-intake reads format 1",
                    );
                    return None;
                }
            }
        }
        let id = f
            .get("id")
            .and_then(|n| self.id(n, "the questionnaire", false))
            .unwrap_or_default();
        let version = f
            .get("version")
            .and_then(|n| self.string(n, "`version`"))
            .unwrap_or_default();
        let languages = f
            .get("languages")
            .map(|n| self.languages(n))
            .unwrap_or_default();
        if languages.is_empty() {
            self.err(f.pos, "the questionnaire declares no languages");
        }
        self.languages = languages.iter().map(|l| l.code.clone()).collect();
        let title = f
            .get("title")
            .map(|n| self.text(n, "the title"))
            .unwrap_or_default();
        let policy_as_of = f
            .get("policy_as_of")
            .and_then(|n| self.date(n, "`policy_as_of`"));
        let notice = f
            .get("notice")
            .map(|n| self.text(n, "the notice"))
            .unwrap_or_default();
        let sources = f
            .get("sources")
            .map(|n| self.sources(n))
            .unwrap_or_default();
        if let Some(n) = f.get("documents") {
            self.documents(n);
        }
        let empty = Node {
            pos: f.pos,
            value: Value::Seq(vec![]),
        };
        let sections_node = f.get("sections").unwrap_or(&empty);
        self.first_pass(sections_node);
        let sections = self.sections(sections_node);
        let factors = f
            .get("factors")
            .map(|n| self.factors(n))
            .unwrap_or_default();
        let flags = f.get("flags").map(|n| self.flags(n)).unwrap_or_default();
        let notices = f
            .get("notices")
            .map(|n| self.notices(n))
            .unwrap_or_default();
        let questions = std::mem::take(&mut self.questions);
        let index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Some(Questionnaire {
            id,
            version,
            sha256: sha256_hex(source),
            title,
            languages,
            policy_as_of,
            notice,
            sources,
            documents: std::mem::take(&mut self.documents),
            sections,
            questions,
            factors,
            flags,
            notices,
            index,
        })
    }

    fn languages(&mut self, node: &Node) -> Vec<Language> {
        let mut out: Vec<Language> = Vec::new();
        for item in self.seq(node, "`languages`") {
            let Some(f) = self.fields(item, "a language", &["code", "name"], &["code", "name"])
            else {
                continue;
            };
            let code = f
                .get("code")
                .and_then(|n| self.string(n, "a language code"));
            let name = f
                .get("name")
                .and_then(|n| self.string(n, "a language name"));
            if let (Some(code), Some(name)) = (code, name) {
                if out.iter().any(|l| l.code == code) {
                    self.err(item.pos, format!("the language `{code}` is declared twice"));
                } else {
                    out.push(Language { code, name });
                }
            }
        }
        out
    }

    fn sources(&mut self, node: &Node) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        for item in self.seq(node, "`sources`") {
            let Some(f) = self.fields(
                item,
                "a source",
                &["id", "title", "date", "status", "url"],
                &["id", "title"],
            ) else {
                continue;
            };
            let Some(id) = f.get("id").and_then(|n| self.id(n, "a source", false)) else {
                continue;
            };
            if out.iter().any(|s| s.id == id) {
                self.err(item.pos, format!("the source `{id}` is listed twice"));
            }
            let title = f
                .get("title")
                .and_then(|n| self.string(n, "a source title"))
                .unwrap_or_default();
            let date = f.get("date").and_then(|n| self.date(n, "a source date"));
            let status = f
                .get("status")
                .and_then(|n| self.string(n, "a source status"));
            let url = f.get("url").and_then(|n| self.string(n, "a source url"));
            out.push(Source {
                id,
                title,
                date,
                status,
                url,
            });
        }
        out
    }

    fn documents(&mut self, node: &Node) {
        for item in self.seq(node, "`documents`") {
            let Some(f) = self.fields(item, "a document", &["id", "name"], &["id", "name"]) else {
                continue;
            };
            let id = f.get("id").and_then(|n| self.id(n, "a document", true));
            let name = f
                .get("name")
                .map(|n| self.text(n, "a document name"))
                .unwrap_or_default();
            if let Some(id) = id {
                self.documents.push(Document { id, name });
            }
        }
    }

    /// Records every question id and its place before conditions are resolved.
    fn first_pass(&mut self, sections: &Node) {
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

    fn sections(&mut self, node: &Node) -> Vec<Section> {
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

    fn question(&mut self, node: &Node, section: usize) {
        const KEYS: [&str; 12] = [
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
                })
                .collect();
        }
        let (mut min, mut max, mut min_date, mut max_date) = (None, None, None, None);
        for key in ["min", "max"] {
            let Some(n) = f.get(key) else { continue };
            match kind {
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
            max_chars,
            multiline,
            allow_unknown: kind != Kind::Info && allow_unknown.unwrap_or(true),
            pos: f.pos,
        });
    }

    fn choices(&mut self, node: &Node, kind: Kind) -> Vec<Choice> {
        let mut out: Vec<Choice> = Vec::new();
        for item in self.seq(node, "`choices`") {
            let Some(f) = self.fields(
                item,
                "a choice",
                &["id", "label", "exclusive"],
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
            out.push(Choice {
                id,
                label,
                exclusive,
            });
        }
        if out.len() < 2 && !out.is_empty() {
            self.err(node.pos, "a choice question needs at least two choices");
        }
        out
    }

    /// Resolves a question reference: it must exist and come earlier than what refers to it.
    fn question_ref(&mut self, node: &Node) -> Option<QIdx> {
        let id = self.string(node, "a question reference")?;
        if let Some(i) = self.questions.iter().position(|q| q.id == id) {
            return Some(i);
        }
        if let Some((_, pos)) = self.all_questions.get(&id) {
            let line = pos.line;
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

    fn condition(&mut self, node: &Node) -> Option<Condition> {
        const OPS: [&str; 10] = [
            "is",
            "is_not",
            "in",
            "includes",
            "includes_any",
            "at_least",
            "at_most",
            "years_ago_at_least",
            "years_ago_at_most",
            "count_at_least",
        ];
        const ALL_KEYS: [&str; 16] = [
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
            "count_at_least",
            "answered",
            "unknown",
            "all",
            "any",
            "not",
        ];
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
        if OPS.contains(&op) {
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

    fn comparison(&mut self, q: QIdx, op: &str, val: &Node) -> Option<Condition> {
        let kind = self.questions[q].kind;
        let qid = self.questions[q].id.clone();
        let fits = match op {
            "is" | "is_not" | "in" => matches!(
                kind,
                Kind::YesNo | Kind::SingleChoice | Kind::Number | Kind::Year
            ),
            "includes" | "includes_any" | "count_at_least" => kind == Kind::MultiChoice,
            "at_least" | "at_most" => matches!(kind, Kind::Number | Kind::Year),
            _ => matches!(kind, Kind::Year | Kind::Date),
        };
        if !fits {
            let hint = match kind {
                Kind::MultiChoice => {
                    "for a multi_choice question use includes, includes_any or count_at_least"
                }
                Kind::Date => "for a date question use years_ago_at_least or years_ago_at_most",
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
                    _ => Condition::CountAtLeast(q, n),
                })
            }
        }
    }

    fn literal(&mut self, q: QIdx, val: &Node) -> Option<Literal> {
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

    fn choice_ref(&mut self, q: QIdx, val: &Node) -> Option<String> {
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

    fn factors(&mut self, node: &Node) -> Vec<Factor> {
        const KEYS: [&str; 9] = [
            "id",
            "direction",
            "title",
            "explain",
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

    fn evidence(&mut self, node: &Node) -> Option<Evidence> {
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

    fn flags(&mut self, node: &Node) -> Vec<Flag> {
        let mut out = Vec::new();
        for item in self.seq(node, "`flags`") {
            let Some(f) = self.fields(
                item,
                "a flag",
                &["id", "title", "explain", "when"],
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
            let when = f.get("when").and_then(|n| self.condition(n));
            if let (Some(id), Some(when)) = (id, when) {
                out.push(Flag {
                    id,
                    title,
                    explain,
                    when,
                    pos: item.pos,
                });
            }
        }
        out
    }

    fn notices(&mut self, node: &Node) -> Vec<Notice> {
        let mut out = Vec::new();
        for item in self.seq(node, "`notices`") {
            let Some(f) = self.fields(
                item,
                "a notice",
                &["id", "text", "when"],
                &["id", "text", "when"],
            ) else {
                continue;
            };
            let id = f.get("id").and_then(|n| self.id(n, "a notice", true));
            let text = f
                .get("text")
                .map(|n| self.text(n, "the notice text"))
                .unwrap_or_default();
            let when = f.get("when").and_then(|n| self.condition(n));
            if let (Some(id), Some(when)) = (id, when) {
                out.push(Notice {
                    id,
                    text,
                    when,
                    pos: item.pos,
                });
            }
        }
        out
    }
}

fn is_snake_case(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The allowed word closest to a misspelled one, if it is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

//! Question file (format 1) -> `Questionnaire`. Every problem is collected with its line and
//! column; nothing stops at the first one except a YAML syntax error.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::*;
use crate::yaml::{self, Key, Node, Value};

pub mod audio;
mod conditions;
mod questions;
mod read;
mod rules;

/// The built-in questionnaire, compiled into the binary.
pub const BUILTIN_NAME: &str = "questions/discretion.yaml";
pub const BUILTIN_TEXT: &str = include_str!("../../questions/discretion.yaml");

/// Ids no choice (or anything else) may use: they are the special answers.
pub const RESERVED_IDS: [&str; 2] = ["unknown", "declined"];

/// The built-in questionnaire, loaded once per process (tests and benchmarks share it).
pub fn builtin_shared() -> &'static Questionnaire {
    static BUILTIN: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(builtin)
}

/// The built-in questionnaire's opening keys only (title, languages, notice, …): what the
/// welcome screen shows, read in a small fraction of the time of the whole file, so the
/// first screen can be drawn before the rest is loaded (see `cli::start`).
pub fn builtin_header() -> &'static Questionnaire {
    static HEADER: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    HEADER.get_or_init(|| match header_str(BUILTIN_TEXT) {
        Ok(q) => q,
        Err(d) => panic!(
            "the built-in questionnaire's header does not load:\n{}",
            d.render(BUILTIN_NAME)
        ),
    })
}

/// Loads only the header of a question file written in the usual key order: the text up to
/// the first top-level key after `notice` (a line starting with `sources:`, `sections:`, …).
/// The result has no sections, questions, rules or sha256. For files known to be valid: the
/// rest of the file is not looked at.
pub fn header_str(text: &str) -> Result<Questionnaire, Diagnostics> {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        if yaml::top_level_key(line).is_some_and(|k| TOP[HEADER_KEYS..].contains(&k)) {
            break;
        }
        end += line.len();
    }
    let root = yaml::parse(&text[..end])?;
    let mut l = Loader::default();
    let q = l
        .fields(&root, "the questionnaire", &TOP[..HEADER_KEYS], &[])
        .and_then(|f| l.header(&f));
    match q {
        Some(q) if !l.diags.has_errors() => Ok(q),
        _ => {
            l.diags.sort();
            Err(l.diags)
        }
    }
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
    let mut qn = load_str(&text)?;
    audio::resolve(&mut qn, path.parent().unwrap_or(Path::new("")));
    Ok(qn)
}

/// Loads a question file from text; on failure returns every error found.
pub fn load_str(text: &str) -> Result<Questionnaire, Diagnostics> {
    let root = yaml::parse(text)?;
    load_tree(&root, text)
}

/// Loads from an already parsed tree (`text` is its source, for the sha256): the checker
/// parses once and keeps the tree for locating warnings.
pub fn load_tree(root: &yaml::Node, text: &str) -> Result<Questionnaire, Diagnostics> {
    let mut l = Loader::default();
    let q = l.questionnaire(root, text);
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
    /// The file's `policy_as_of`, put in place of `{policy_as_of}` in every text.
    policy_as_of: Option<Date>,
    /// Whether the key is present (a bad date is reported once, not again per placeholder).
    policy_as_of_given: bool,
}

/// The placeholder texts use for the date the legal content was last checked.
pub const POLICY_AS_OF_PLACEHOLDER: &str = "{policy_as_of}";

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

/// Every top-level key of a question file, in the usual order.
const TOP: [&str; 14] = [
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
    "hearing_date",
];
/// The keys `header_str` reads; the rest of `TOP` follows them.
const HEADER_KEYS: usize = 7;

impl Loader {
    fn questionnaire(&mut self, root: &Node, source: &str) -> Option<Questionnaire> {
        let f = self.fields(
            root,
            "the questionnaire",
            &TOP,
            &["format", "id", "version", "title", "languages", "sections"],
        )?;
        let mut q = self.header(&f)?;
        q.sha256 = sha256_hex(source);
        q.sources = f
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
        q.sections = self.sections(sections_node);
        q.factors = f
            .get("factors")
            .map(|n| self.factors(n))
            .unwrap_or_default();
        q.flags = f.get("flags").map(|n| self.flags(n)).unwrap_or_default();
        q.notices = f
            .get("notices")
            .map(|n| self.notices(n))
            .unwrap_or_default();
        q.hearing_date = f.get("hearing_date").and_then(|n| self.hearing_date(n));
        q.questions = std::mem::take(&mut self.questions);
        q.index = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        q.documents = std::mem::take(&mut self.documents);
        Some(q)
    }

    /// The opening keys (format, id, version, title, languages, policy date, notice) as a
    /// questionnaire with nothing else in it.
    fn header(&mut self, f: &Fields<'_>) -> Option<Questionnaire> {
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
        // Read before any text: texts say `{policy_as_of}` and get this date.
        let policy_as_of = f
            .get("policy_as_of")
            .and_then(|n| self.date(n, "`policy_as_of`"));
        self.policy_as_of = policy_as_of;
        self.policy_as_of_given = f.get("policy_as_of").is_some();
        let title = f
            .get("title")
            .map(|n| self.text(n, "the title"))
            .unwrap_or_default();
        let notice = f
            .get("notice")
            .map(|n| self.text(n, "the notice"))
            .unwrap_or_default();
        Some(Questionnaire {
            id,
            version,
            title,
            languages,
            policy_as_of,
            notice,
            ..Questionnaire::default()
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

#[cfg(test)]
mod tests;

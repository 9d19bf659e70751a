//! Where things are in the source: the model keeps positions of questions, sections, factors,
//! flags and notices, and the located YAML tree gives the rest (conditions and their parts).
//! A file that loaded has every item in the model, so model indices match list indices here.

use crate::diag::Pos;
use crate::model::Questionnaire;
use crate::yaml::{Node, Value};

/// A condition's place in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    SectionWhen(usize),
    QuestionWhen(usize),
    Applies(usize),
    Strong(usize),
    Serious(usize),
    Evidence(usize),
    FlagWhen(usize),
    NoticeWhen(usize),
}

/// Finds positions in the located tree; without a tree, falls back to the owners' positions.
pub struct Locator<'t> {
    tree: Option<&'t Node>,
}

fn get<'a>(n: &'a Node, key: &str) -> Option<&'a Node> {
    match &n.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

fn item(n: &Node, i: usize) -> Option<&Node> {
    match &n.value {
        Value::Seq(items) => items.get(i),
        _ => None,
    }
}

impl<'t> Locator<'t> {
    pub fn new(tree: Option<&'t Node>) -> Self {
        Locator { tree }
    }

    fn list_item(&self, list: &str, i: usize) -> Option<&'t Node> {
        item(get(self.tree?, list)?, i)
    }

    fn question_node(&self, qn: &Questionnaire, q: usize) -> Option<&'t Node> {
        let s = qn.questions[q].section;
        let start = qn.sections[s].questions.start;
        item(get(self.list_item("sections", s)?, "questions")?, q - start)
    }

    /// The node of a condition (or of `evidence`), if the tree is known.
    pub fn site_node(&self, qn: &Questionnaire, site: Site) -> Option<&'t Node> {
        match site {
            Site::SectionWhen(s) => get(self.list_item("sections", s)?, "when"),
            Site::QuestionWhen(q) => get(self.question_node(qn, q)?, "when"),
            Site::Applies(f) => get(self.list_item("factors", f)?, "applies"),
            Site::Strong(f) => get(self.list_item("factors", f)?, "strong"),
            Site::Serious(f) => get(self.list_item("factors", f)?, "serious"),
            Site::Evidence(f) => get(self.list_item("factors", f)?, "evidence"),
            Site::FlagWhen(i) => get(self.list_item("flags", i)?, "when"),
            Site::NoticeWhen(i) => get(self.list_item("notices", i)?, "when"),
        }
    }

    /// The position of the thing that owns a site (its question, section, factor...).
    pub fn owner_pos(qn: &Questionnaire, site: Site) -> Pos {
        match site {
            Site::SectionWhen(s) => qn.sections[s].pos,
            Site::QuestionWhen(q) => qn.questions[q].pos,
            Site::Applies(f) | Site::Strong(f) | Site::Serious(f) | Site::Evidence(f) => {
                qn.factors[f].pos
            }
            Site::FlagWhen(i) => qn.flags[i].pos,
            Site::NoticeWhen(i) => qn.notices[i].pos,
        }
    }

    /// The position of a part of a condition: `path` lists child indices inside `all`/`any`
    /// (a `not` has the single child 0).
    pub fn pos(&self, qn: &Questionnaire, site: Site, path: &[usize]) -> Pos {
        let Some(mut n) = self.site_node(qn, site) else {
            return Self::owner_pos(qn, site);
        };
        for &i in path {
            let next = get(n, "all")
                .or_else(|| get(n, "any"))
                .and_then(|l| item(l, i))
                .or_else(|| get(n, "not"));
            match next {
                Some(c) => n = c,
                None => break,
            }
        }
        n.pos
    }

    /// The position of a question's `text` key value (for text warnings), else the question.
    pub fn question_key(&self, qn: &Questionnaire, q: usize, key: &str) -> Pos {
        self.question_node(qn, q)
            .and_then(|n| get(n, key))
            .map_or(qn.questions[q].pos, |n| n.pos)
    }

    /// The position of a key of a factor, flag or notice (`list` is "factors", "flags"...).
    pub fn list_key(&self, list: &str, i: usize, key: &str, fallback: Pos) -> Pos {
        self.list_item(list, i)
            .and_then(|n| get(n, key))
            .map_or(fallback, |n| n.pos)
    }

    /// The position of a top-level key (`languages`, `title`...).
    pub fn top_key(&self, key: &str) -> Pos {
        self.tree
            .and_then(|t| get(t, key))
            .map_or(Pos { line: 1, col: 1 }, |n| n.pos)
    }

    /// The position of the i-th declared language.
    pub fn language(&self, i: usize) -> Pos {
        self.list_item("languages", i)
            .map_or(self.top_key("languages"), |n| n.pos)
    }
}

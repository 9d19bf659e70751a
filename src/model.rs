//! The questionnaire as the engine sees it: ids resolved to indices, texts per language.
//! Built only by `load`; read by the interview, scoring, reports and front ends.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::date::Date;
use crate::diag::Pos;

/// Index of a question in `Questionnaire::questions` (file order).
pub type QIdx = usize;

/// A text in several languages (`code -> text`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, else in English, else in any language, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
    pub fn single(s: &str) -> Text {
        let mut m = BTreeMap::new();
        m.insert(String::new(), s.to_owned());
        Text(m)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    YesNo,
    SingleChoice,
    MultiChoice,
    Number,
    Year,
    Date,
    Text,
    Info,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::YesNo,
        Kind::SingleChoice,
        Kind::MultiChoice,
        Kind::Number,
        Kind::Year,
        Kind::Date,
        Kind::Text,
        Kind::Info,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::SingleChoice => "single_choice",
            Kind::MultiChoice => "multi_choice",
            Kind::Number => "number",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Text => "text",
            Kind::Info => "info",
        }
    }
    pub fn from_name(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::SingleChoice | Kind::MultiChoice)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    pub exclusive: bool,
    /// Recorded audio per language, played instead of the synthetic voice.
    pub audio: Audio,
    /// Shown (and, for an evidence question, listed as a document to get) unless false.
    pub when: Option<Condition>,
}

/// Recorded audio files per language code (`audio: {es: audio/q1.es.ogg}`): the path as
/// resolved against the question file's folder, and where it was written.
pub type Audio = BTreeMap<String, (std::path::PathBuf, Pos)>;

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub section: usize,
    pub kind: Kind,
    pub text: Text,
    pub help: Option<Text>,
    pub when: Option<Condition>,
    /// For yes_no the two choices `yes` and `no` are generated, labelled by the UI strings.
    pub choices: Vec<Choice>,
    pub sensitive: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub min_date: Option<Date>,
    pub max_date: Option<Date>,
    /// `min: today` / `max: today` (date and year questions): bounded by the interview's
    /// local date, read when the answer is checked.
    pub min_today: bool,
    pub max_today: bool,
    pub max_chars: Option<usize>,
    pub multiline: bool,
    /// Whether "I don't know" / "I'd rather not say" are offered.
    pub allow_unknown: bool,
    /// Recorded audio per language, played instead of the synthetic voice.
    pub audio: Audio,
    pub pos: Pos,
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub when: Option<Condition>,
    pub questions: Range<QIdx>,
    pub pos: Pos,
}

/// A literal a question's answer is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Choice(String),
    Int(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Is(QIdx, Literal),
    IsNot(QIdx, Literal),
    In(QIdx, Vec<Literal>),
    Includes(QIdx, String),
    IncludesAny(QIdx, Vec<String>),
    AtLeast(QIdx, i64),
    AtMost(QIdx, i64),
    YearsAgoAtLeast(QIdx, i64),
    YearsAgoAtMost(QIdx, i64),
    /// Days from `today` to a date answer (negative = in the past).
    DaysUntilAtLeast(QIdx, i64),
    DaysUntilAtMost(QIdx, i64),
    /// A date answer compared with a fixed date (a birth date against a program's cut-off).
    DateBefore(QIdx, crate::date::Date),
    DateOnOrAfter(QIdx, crate::date::Date),
    CountAtLeast(QIdx, i64),
    Answered(QIdx),
    Unknown(QIdx),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Every question this condition reads, in order of first mention.
    pub fn questions(&self, out: &mut Vec<QIdx>) {
        match self {
            Condition::Is(q, _)
            | Condition::IsNot(q, _)
            | Condition::In(q, _)
            | Condition::Includes(q, _)
            | Condition::IncludesAny(q, _)
            | Condition::AtLeast(q, _)
            | Condition::AtMost(q, _)
            | Condition::YearsAgoAtLeast(q, _)
            | Condition::YearsAgoAtMost(q, _)
            | Condition::DaysUntilAtLeast(q, _)
            | Condition::DaysUntilAtMost(q, _)
            | Condition::DateBefore(q, _)
            | Condition::DateOnOrAfter(q, _)
            | Condition::CountAtLeast(q, _)
            | Condition::Answered(q)
            | Condition::Unknown(q) => {
                if !out.contains(q) {
                    out.push(*q);
                }
            }
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
            Condition::Not(c) => c.questions(out),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Favorable,
    Adverse,
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::Favorable => "favorable",
            Direction::Adverse => "adverse",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub question: QIdx,
    pub min: i64,
}

/// A text used instead of the usual one when its condition is true (`explain_when`,
/// `text_when`): the first entry whose `when` is true wins.
#[derive(Debug, Clone, PartialEq)]
pub struct WhenText {
    pub when: Condition,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    pub id: String,
    pub direction: Direction,
    pub title: Text,
    pub explain: Text,
    pub explain_when: Vec<WhenText>,
    pub applies: Condition,
    /// Favorable: when it is strong (absent = strong whenever it applies).
    pub strong: Option<Condition>,
    /// Adverse: when it is serious (absent = never serious).
    pub serious: Option<Condition>,
    pub evidence: Option<Evidence>,
    pub next_step: Option<Text>,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub id: String,
    pub title: Text,
    pub explain: Text,
    pub explain_when: Vec<WhenText>,
    pub when: Condition,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: String,
    pub text: Text,
    pub text_when: Vec<WhenText>,
    pub when: Condition,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub date: Option<Date>,
    pub status: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// sha256 of the file's bytes, lowercase hex.
    pub sha256: String,
    pub title: Text,
    pub languages: Vec<Language>,
    pub policy_as_of: Option<Date>,
    pub notice: Text,
    pub sources: Vec<Source>,
    pub documents: Vec<Document>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub factors: Vec<Factor>,
    pub flags: Vec<Flag>,
    pub notices: Vec<Notice>,
    /// The `date` question holding the next court date (top-level `hearing_date:`), shown at
    /// the top of the summary, the staff report and the take-home sheet.
    pub hearing_date: Option<QIdx>,
    pub(crate) index: HashMap<String, QIdx>,
}

impl Questionnaire {
    pub fn question_index(&self, id: &str) -> Option<QIdx> {
        self.index.get(id).copied()
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.code == code)
    }
    /// The first declared language: the fallback for texts and the default for new intakes.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", |l| l.code.as_str())
    }
}

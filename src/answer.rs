//! Answers: the values an applicant gives, their notation in answers files and plain mode,
//! and validation against a question. No terminal, no language-specific wording here:
//! validation problems are codes that front ends turn into words.

use serde_json::Value as Json;

use crate::date::Date;
use crate::model::{Kind, Question};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// yes_no (`yes`/`no`) and single_choice.
    Choice(String),
    /// multi_choice, in the order of the question's choices.
    Choices(Vec<String>),
    /// number and year.
    Number(i64),
    Date(Date),
    Text(String),
    /// "I don't know".
    Unknown,
    /// "I'd rather not say".
    Declined,
}

impl Answer {
    /// A real answer, as opposed to "I don't know" / "I'd rather not say".
    pub fn is_real(&self) -> bool {
        !matches!(self, Answer::Unknown | Answer::Declined)
    }

    /// The answers-file / JSON notation.
    pub fn to_json(&self) -> Json {
        match self {
            Answer::Choice(c) => Json::String(c.clone()),
            Answer::Choices(cs) => cs.iter().cloned().map(Json::String).collect(),
            Answer::Number(n) => (*n).into(),
            Answer::Date(d) => Json::String(d.to_string()),
            Answer::Text(t) => Json::String(t.clone()),
            Answer::Unknown => Json::String("unknown".into()),
            Answer::Declined => Json::String("declined".into()),
        }
    }

    /// Short notation for one line (`child, spouse`), used in because-lists and transcripts.
    pub fn notation(&self) -> String {
        match self {
            Answer::Choices(cs) => cs.join(", "),
            Answer::Number(n) => n.to_string(),
            Answer::Date(d) => d.to_string(),
            Answer::Choice(s) | Answer::Text(s) => s.clone(),
            Answer::Unknown => "unknown".into(),
            Answer::Declined => "declined".into(),
        }
    }
}

/// Why a value is not a valid answer to a question (front ends word it per language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    NotAChoice(String),
    ExclusiveWithOthers(String),
    NotANumber,
    TooSmall(i64),
    TooLarge(i64),
    NotAYear,
    YearInFuture,
    NotADate,
    DateTooEarly(Date),
    DateTooLate(Date),
    DateInFuture,
    /// Before today on a question with `min: today`.
    DateInPast,
    YearInPast,
    TooLong(usize),
    NoAnswerOnInfo,
    UnknownNotOffered,
}

impl std::fmt::Display for Invalid {
    /// English, for authors and logs; applicants see `i18n` wording instead.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::Empty => write!(f, "the answer is empty"),
            Invalid::NotAChoice(c) => write!(f, "`{c}` is not one of the choices"),
            Invalid::ExclusiveWithOthers(c) => {
                write!(f, "`{c}` cannot be chosen together with other choices")
            }
            Invalid::NotANumber => write!(f, "not a whole number"),
            Invalid::TooSmall(n) => write!(f, "must be at least {n}"),
            Invalid::TooLarge(n) => write!(f, "must be at most {n}"),
            Invalid::NotAYear => write!(f, "not a year (write 4 digits, like 2015)"),
            Invalid::YearInFuture => write!(f, "the year is in the future"),
            Invalid::NotADate => write!(f, "not a date (write YYYY-MM-DD)"),
            Invalid::DateTooEarly(d) => write!(f, "must be on or after {d}"),
            Invalid::DateTooLate(d) => write!(f, "must be on or before {d}"),
            Invalid::DateInFuture => write!(f, "the date is in the future"),
            Invalid::DateInPast => write!(f, "the date has passed"),
            Invalid::YearInPast => write!(f, "the year has passed"),
            Invalid::TooLong(n) => write!(f, "longer than {n} characters"),
            Invalid::NoAnswerOnInfo => write!(f, "an info screen takes no answer"),
            Invalid::UnknownNotOffered => {
                write!(f, "this question does not offer \"I don't know\"")
            }
        }
    }
}

/// Default cap on free text, so a pasted novel cannot bloat a record.
pub const DEFAULT_MAX_CHARS: usize = 2000;

/// Checks an answer against its question (`today` bounds years and dates).
pub fn validate(q: &Question, a: &Answer, today: Date) -> Result<(), Invalid> {
    match (q.kind, a) {
        (Kind::Info, _) => Err(Invalid::NoAnswerOnInfo),
        (_, Answer::Unknown | Answer::Declined) if !q.allow_unknown => {
            Err(Invalid::UnknownNotOffered)
        }
        (_, Answer::Unknown | Answer::Declined) => Ok(()),
        (Kind::YesNo | Kind::SingleChoice, Answer::Choice(c)) => q
            .choice(c)
            .map(|_| ())
            .ok_or_else(|| Invalid::NotAChoice(c.clone())),
        (Kind::MultiChoice, Answer::Choices(cs)) => {
            for c in cs {
                let choice = q.choice(c).ok_or_else(|| Invalid::NotAChoice(c.clone()))?;
                if choice.exclusive && cs.len() > 1 {
                    return Err(Invalid::ExclusiveWithOthers(c.clone()));
                }
            }
            if cs.is_empty() {
                Err(Invalid::Empty)
            } else {
                Ok(())
            }
        }
        (Kind::Number, Answer::Number(n)) => check_range(q, *n),
        (Kind::Year, Answer::Number(y)) => {
            if *y < 1000 || *y > 9999 {
                return Err(Invalid::NotAYear);
            }
            if *y > i64::from(today.year) {
                return Err(Invalid::YearInFuture);
            }
            if q.min_today && *y < i64::from(today.year) {
                return Err(Invalid::YearInPast);
            }
            check_range(q, *y)
        }
        (Kind::Date, Answer::Date(d)) => {
            if q.max_today && *d > today {
                return Err(Invalid::DateInFuture);
            }
            if q.min_today && *d < today {
                return Err(Invalid::DateInPast);
            }
            if q.min_date.is_some_and(|m| *d < m) {
                return Err(Invalid::DateTooEarly(q.min_date.unwrap_or(*d)));
            }
            if q.max_date.is_some_and(|m| *d > m) {
                return Err(Invalid::DateTooLate(q.max_date.unwrap_or(*d)));
            }
            Ok(())
        }
        (Kind::Text, Answer::Text(t)) => {
            let max = q.max_chars.unwrap_or(DEFAULT_MAX_CHARS);
            if t.trim().is_empty() {
                Err(Invalid::Empty)
            } else if t.chars().count() > max {
                Err(Invalid::TooLong(max))
            } else {
                Ok(())
            }
        }
        (Kind::Number | Kind::Year, _) => Err(Invalid::NotANumber),
        (Kind::Date, _) => Err(Invalid::NotADate),
        (_, other) => Err(Invalid::NotAChoice(other.notation())),
    }
}

fn check_range(q: &Question, n: i64) -> Result<(), Invalid> {
    if let Some(min) = q.min.filter(|m| n < *m) {
        return Err(Invalid::TooSmall(min));
    }
    if let Some(max) = q.max.filter(|m| n > *m) {
        return Err(Invalid::TooLarge(max));
    }
    Ok(())
}

/// Reads an answer from its answers-file / JSON notation (not yet validated against limits).
pub fn from_json(q: &Question, v: &Json) -> Result<Answer, Invalid> {
    if let Json::String(s) = v {
        match s.as_str() {
            "unknown" => return Ok(Answer::Unknown),
            "declined" => return Ok(Answer::Declined),
            _ => {}
        }
    }
    match q.kind {
        Kind::Info => Err(Invalid::NoAnswerOnInfo),
        Kind::YesNo | Kind::SingleChoice => match v {
            Json::String(s) => Ok(Answer::Choice(s.clone())),
            Json::Bool(b) if q.kind == Kind::YesNo => {
                Ok(Answer::Choice(if *b { "yes" } else { "no" }.into()))
            }
            other => Err(Invalid::NotAChoice(other.to_string())),
        },
        Kind::MultiChoice => match v {
            Json::Array(items) => {
                let mut ids = Vec::new();
                for i in items {
                    match i {
                        Json::String(s) => ids.push(s.clone()),
                        other => return Err(Invalid::NotAChoice(other.to_string())),
                    }
                }
                Ok(Answer::Choices(order_choices(q, ids)))
            }
            Json::String(s) => parse_input(q, s),
            other => Err(Invalid::NotAChoice(other.to_string())),
        },
        Kind::Number | Kind::Year => match v {
            Json::Number(n) => n.as_i64().map(Answer::Number).ok_or(Invalid::NotANumber),
            Json::String(s) => parse_input(q, s),
            _ => Err(Invalid::NotANumber),
        },
        Kind::Date => match v {
            Json::String(s) => Date::parse(s).map(Answer::Date).ok_or(Invalid::NotADate),
            _ => Err(Invalid::NotADate),
        },
        Kind::Text => match v {
            Json::String(s) => Ok(Answer::Text(s.clone())),
            Json::Number(n) => Ok(Answer::Text(n.to_string())),
            _ => Err(Invalid::Empty),
        },
    }
}

/// Puts multi-choice ids in the question's order and drops repeats.
fn order_choices(q: &Question, ids: Vec<String>) -> Vec<String> {
    let mut known: Vec<String> = q
        .choices
        .iter()
        .filter(|c| ids.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    for id in ids {
        if !known.contains(&id) {
            known.push(id); // left in so validation names it
        }
    }
    known
}

/// Reads one typed line in the plain-mode / answers notation: choice ids, choice numbers
/// (1-based) or labels in `lang`, several separated by commas; numbers; years; dates; text;
/// `unknown` / `declined`.
pub fn parse_input_lang(q: &Question, input: &str, lang: &str) -> Result<Answer, Invalid> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Invalid::Empty);
    }
    match s {
        "unknown" => return Ok(Answer::Unknown),
        "declined" => return Ok(Answer::Declined),
        _ => {}
    }
    let pick = |token: &str| -> Result<String, Invalid> {
        let t = token.trim();
        if let Some(c) = q.choice(t) {
            return Ok(c.id.clone());
        }
        if let Ok(n) = t.parse::<usize>() {
            if let Some(c) = n.checked_sub(1).and_then(|i| q.choices.get(i)) {
                return Ok(c.id.clone());
            }
        }
        let lower = t.to_lowercase();
        q.choices
            .iter()
            .find(|c| c.label.get(lang).to_lowercase() == lower)
            .map(|c| c.id.clone())
            .ok_or_else(|| Invalid::NotAChoice(t.to_owned()))
    };
    match q.kind {
        Kind::Info => Err(Invalid::NoAnswerOnInfo),
        Kind::YesNo => match s.to_lowercase().as_str() {
            "yes" | "y" | "si" | "sí" | "s" | "1" => Ok(Answer::Choice("yes".into())),
            "no" | "n" | "2" => Ok(Answer::Choice("no".into())),
            other => Err(Invalid::NotAChoice(other.to_owned())),
        },
        Kind::SingleChoice => pick(s).map(Answer::Choice),
        Kind::MultiChoice => {
            let ids = s
                .split(',')
                .filter(|t| !t.trim().is_empty())
                .map(pick)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Answer::Choices(order_choices(q, ids)))
        }
        Kind::Number => s
            .parse::<i64>()
            .map(Answer::Number)
            .map_err(|_| Invalid::NotANumber),
        Kind::Year => {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse::<i64>()
                    .map(Answer::Number)
                    .map_err(|_| Invalid::NotAYear)
            } else {
                Err(Invalid::NotAYear)
            }
        }
        Kind::Date => Date::parse_typed(s, lang)
            .map(Answer::Date)
            .ok_or(Invalid::NotADate),
        Kind::Text => Ok(Answer::Text(
            input.trim_end_matches(['\r', '\n']).to_owned(),
        )),
    }
}

/// `parse_input_lang` with labels matched in English.
pub fn parse_input(q: &Question, input: &str) -> Result<Answer, Invalid> {
    parse_input_lang(q, input, "en")
}

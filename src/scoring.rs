//! Scoring: from a questionnaire, the answers and `today` to a `Summary` of factor statuses,
//! flags, notices and documents. Deterministic; never reads the clock.

use serde::Serialize;

use crate::answer::Answer;
use crate::date::Date;
use crate::eval::{Tri, eval};
use crate::interview::Interview;
use crate::model::{Condition, Direction, Factor, Kind, QIdx, Questionnaire};

/// Version of the JSON summary contract (design.md §6; changes from 1 in docs/json.md).
pub const SUMMARY_FORMAT: u32 = 2;

/// Days after `policy_as_of` from which the content counts as possibly out of date.
pub const CONTENT_AGE_LIMIT_DAYS: i64 = 180;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Strong,
    Weak,
    Undocumented,
    Concern,
    NotApplicable,
    Unknown,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Strong,
        Status::Weak,
        Status::Undocumented,
        Status::Concern,
        Status::NotApplicable,
        Status::Unknown,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Status::Strong => "strong",
            Status::Weak => "weak",
            Status::Undocumented => "undocumented",
            Status::Concern => "concern",
            Status::NotApplicable => "not_applicable",
            Status::Unknown => "unknown",
        }
    }
    pub fn from_name(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.name() == s)
    }
}

/// Whether a favorable factor's `strong` condition holds (kept for undocumented factors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Strong,
    Weak,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Because {
    pub question: String,
    pub answer: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorResult {
    pub id: String,
    pub direction: &'static str,
    pub status: Status,
    /// Favorable factors that apply: whether the strong condition holds.
    pub strength: Option<Strength>,
    /// Adverse factors that apply: whether the serious condition holds (null if unknown).
    pub serious: Option<bool>,
    /// The explanation in the summary's language (`explain_when` already applied).
    pub explain: String,
    pub because: Vec<Because>,
    pub documents_have: Vec<String>,
    pub documents_to_get: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagResult {
    pub id: String,
    /// The explanation in the summary's language (`explain_when` already applied).
    pub explain: String,
    pub because: Vec<Because>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeResult {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// The next court date, read from the question named by the file's `hearing_date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hearing {
    pub question: String,
    pub date: String,
    /// Days from `today` (negative: the date has passed).
    pub days_until: i64,
    pub passed: bool,
}

/// How old the legal content is on `today` (design.md §5 "Content age").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentAge {
    pub policy_as_of: String,
    pub days: i64,
    /// More than `CONTENT_AGE_LIMIT_DAYS` old: every staff view says so.
    pub out_of_date: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub format: u32,
    pub questionnaire: QuestionnaireRef,
    pub today: String,
    pub language: String,
    /// No visible question is left unanswered.
    pub complete: bool,
    /// Unfinished intakes: the sections with questions still to be asked, by id.
    pub sections_not_asked: Vec<String>,
    pub hearing: Option<Hearing>,
    pub content_age: Option<ContentAge>,
    pub factors: Vec<FactorResult>,
    pub flags: Vec<FlagResult>,
    pub notices: Vec<NoticeResult>,
    /// Visible questions without a real answer (none yet, "I don't know", "I'd rather not say").
    pub unanswered: Vec<String>,
}

impl Summary {
    pub fn factor(&self, id: &str) -> Option<&FactorResult> {
        self.factors.iter().find(|f| f.id == id)
    }
    pub fn with_status(&self, s: Status) -> impl Iterator<Item = &FactorResult> {
        self.factors.iter().filter(move |f| f.status == s)
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// The first `explain_when` / `text_when` text whose condition is true, else `base`.
fn chosen<'t>(
    base: &'t crate::model::Text,
    entries: &'t [crate::model::WhenText],
    t: &dyn Fn(&Condition) -> Tri,
) -> &'t crate::model::Text {
    entries
        .iter()
        .find(|e| t(&e.when).is_true())
        .map_or(base, |e| &e.text)
}

/// How old the content is on `today`, if the file says when it was checked.
pub fn content_age(qn: &Questionnaire, today: Date) -> Option<ContentAge> {
    let as_of = qn.policy_as_of?;
    let days = crate::days::days_until(today, as_of);
    Some(ContentAge {
        policy_as_of: as_of.to_string(),
        days,
        out_of_date: days > CONTENT_AGE_LIMIT_DAYS,
    })
}

/// Scores the interview's effective answers (hidden questions ignored). Texts are in `lang`.
pub fn summarize(iv: &Interview<'_>, lang: &str) -> Summary {
    let qn = iv.questionnaire();
    let today = iv.today();
    let answer = |q: QIdx| iv.effective(q);
    let t = |c: &Condition| eval(qn, c, &answer, today);
    let decide = |c: &Condition| why::decide(qn, c, &answer, today);
    let because = |qs: &[QIdx]| -> Vec<Because> {
        qs.iter()
            .filter_map(|q| {
                iv.effective(*q).map(|a| Because {
                    question: qn.questions[*q].id.clone(),
                    answer: a.to_json(),
                })
            })
            .collect()
    };

    let held = held_documents(qn, &answer);
    let factors = qn
        .factors
        .iter()
        .map(|f| {
            let mut r = score_factor(qn, f, &decide, &t, &answer, &because, &held);
            r.explain = chosen(&f.explain, &f.explain_when, &t).get(lang).to_owned();
            r
        })
        .collect();
    let flags = qn
        .flags
        .iter()
        .filter_map(|f| {
            let (value, qs) = decide(&f.when);
            value.is_true().then(|| FlagResult {
                id: f.id.clone(),
                explain: chosen(&f.explain, &f.explain_when, &t).get(lang).to_owned(),
                because: because(&qs),
            })
        })
        .collect();
    let notices = qn
        .notices
        .iter()
        .filter(|n| t(&n.when).is_true())
        .map(|n| NoticeResult {
            id: n.id.clone(),
            text: chosen(&n.text, &n.text_when, &t).get(lang).to_owned(),
        })
        .collect();
    let unanswered = iv
        .visible_questions()
        .filter(|q| {
            qn.questions[*q].kind != Kind::Info && !iv.stored(*q).is_some_and(Answer::is_real)
        })
        .map(|q| qn.questions[q].id.clone())
        .collect();
    let complete = iv.is_complete();
    Summary {
        format: SUMMARY_FORMAT,
        questionnaire: QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            sha256: qn.sha256.clone(),
        },
        today: today.to_string(),
        language: lang.to_owned(),
        complete,
        sections_not_asked: if complete {
            Vec::new()
        } else {
            sections_not_asked(iv, &t)
        },
        hearing: hearing(iv),
        content_age: content_age(qn, today),
        factors,
        flags,
        notices,
        unanswered,
    }
}

/// Sections that may still ask something: not hidden for certain, with a question that is
/// not hidden for certain and has no answer yet.
fn sections_not_asked(iv: &Interview<'_>, t: &dyn Fn(&Condition) -> Tri) -> Vec<String> {
    let qn = iv.questionnaire();
    qn.sections
        .iter()
        .filter(|s| s.when.as_ref().is_none_or(|c| t(c) != Tri::False))
        .filter(|s| {
            s.questions.clone().any(|q| {
                let question = &qn.questions[q];
                question.kind != Kind::Info
                    && iv.stored(q).is_none()
                    && question.when.as_ref().is_none_or(|c| t(c) != Tri::False)
            })
        })
        .map(|s| s.id.clone())
        .collect()
}

fn hearing(iv: &Interview<'_>) -> Option<Hearing> {
    let qn = iv.questionnaire();
    let q = qn.hearing_date?;
    let Some(Answer::Date(d)) = iv.effective(q) else {
        return None;
    };
    let days_until = crate::days::days_until(*d, iv.today());
    Some(Hearing {
        question: qn.questions[q].id.clone(),
        date: d.to_string(),
        days_until,
        passed: days_until < 0,
    })
}

fn score_factor<'a>(
    qn: &Questionnaire,
    f: &Factor,
    decide: &dyn Fn(&Condition) -> (Tri, Vec<QIdx>),
    t: &dyn Fn(&Condition) -> Tri,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
    because: &dyn Fn(&[QIdx]) -> Vec<Because>,
    held: &[String],
) -> FactorResult {
    let mut r = FactorResult {
        id: f.id.clone(),
        direction: f.direction.name(),
        status: Status::NotApplicable,
        strength: None,
        serious: None,
        explain: String::new(),
        because: Vec::new(),
        documents_have: Vec::new(),
        documents_to_get: Vec::new(),
    };
    let (applies, mut why) = decide(&f.applies);
    let add = |qs: Vec<QIdx>, why: &mut Vec<QIdx>| {
        for q in qs {
            if !why.contains(&q) {
                why.push(q);
            }
        }
    };
    match applies {
        Tri::False => {}
        Tri::Unknown => r.status = Status::Unknown,
        Tri::True => match f.direction {
            Direction::Adverse => {
                r.status = Status::Concern;
                let serious = f.serious.as_ref().map(decide);
                r.serious = match serious.as_ref().map(|(v, _)| *v) {
                    None | Some(Tri::False) => Some(false),
                    Some(Tri::True) => Some(true),
                    Some(Tri::Unknown) => None,
                };
                if let Some((_, qs)) = serious {
                    add(qs, &mut why);
                }
            }
            Direction::Favorable => {
                let strong = f.strong.as_ref().map(decide);
                let strength = match strong.as_ref().map(|(v, _)| *v) {
                    None | Some(Tri::True) => Strength::Strong,
                    Some(Tri::False) => Strength::Weak,
                    Some(Tri::Unknown) => Strength::Unknown,
                };
                if let Some((_, qs)) = strong {
                    add(qs, &mut why);
                }
                r.strength = Some(strength);
                let documented = match &f.evidence {
                    None => true,
                    Some(ev) => {
                        let (documented, have, to_get) = documents(qn, ev, t, answer, held);
                        if answer(ev.question).is_some() {
                            add(vec![ev.question], &mut why);
                        }
                        r.documents_have = have;
                        r.documents_to_get = to_get;
                        documented
                    }
                };
                // An unknown strength is not claimed as strong: it reads as weak until staff settle it.
                r.status = match (documented, strength) {
                    (false, _) => Status::Undocumented,
                    (true, Strength::Strong) => Status::Strong,
                    (true, _) => Status::Weak,
                };
            }
        },
    }
    r.because = because(&why);
    r
}

/// Today's date for commands that were not given `--today` (only front ends call this): the
/// local calendar date, so an evening intake in US time is not read as of tomorrow.
pub fn today_from_clock() -> Date {
    crate::date::local_today()
}

mod documents;
#[cfg(test)]
mod tests;
pub mod why;
use documents::{documents, held_documents};

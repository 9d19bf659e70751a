//! Scoring: from a questionnaire, the answers and `today` to a `Summary` of factor statuses,
//! flags, notices and documents. Deterministic; never reads the clock.

use serde::Serialize;

use crate::answer::Answer;
use crate::date::Date;
use crate::eval::{Tri, count, eval};
use crate::interview::Interview;
use crate::model::{Condition, Direction, Factor, Kind, QIdx, Questionnaire};

/// Version of the JSON summary contract (design.md §6).
pub const SUMMARY_FORMAT: u32 = 1;

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
    pub because: Vec<Because>,
    pub documents_have: Vec<String>,
    pub documents_to_get: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagResult {
    pub id: String,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub format: u32,
    pub questionnaire: QuestionnaireRef,
    pub today: String,
    pub language: String,
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

/// Scores the interview's effective answers (hidden questions ignored). Notice texts are in `lang`.
pub fn summarize(iv: &Interview<'_>, lang: &str) -> Summary {
    let qn = iv.questionnaire();
    let today = iv.today();
    let answer = |q: QIdx| iv.effective(q);
    let t = |c: &Condition| eval(qn, c, &answer, today);
    let because = |conds: &[&Condition]| -> Vec<Because> {
        let mut qs = Vec::new();
        for c in conds {
            c.questions(&mut qs);
        }
        qs.iter()
            .filter_map(|q| {
                iv.effective(*q).map(|a| Because {
                    question: qn.questions[*q].id.clone(),
                    answer: a.to_json(),
                })
            })
            .collect()
    };

    let factors = qn
        .factors
        .iter()
        .map(|f| score_factor(qn, f, &t, &answer, &because))
        .collect();
    let flags = qn
        .flags
        .iter()
        .filter(|f| t(&f.when).is_true())
        .map(|f| FlagResult {
            id: f.id.clone(),
            because: because(&[&f.when]),
        })
        .collect();
    let notices = qn
        .notices
        .iter()
        .filter(|n| t(&n.when).is_true())
        .map(|n| NoticeResult {
            id: n.id.clone(),
            text: n.text.get(lang).to_owned(),
        })
        .collect();
    let unanswered = iv
        .visible_questions()
        .filter(|q| {
            qn.questions[*q].kind != Kind::Info && !iv.stored(*q).is_some_and(Answer::is_real)
        })
        .map(|q| qn.questions[q].id.clone())
        .collect();
    Summary {
        format: SUMMARY_FORMAT,
        questionnaire: QuestionnaireRef {
            id: qn.id.clone(),
            version: qn.version.clone(),
            sha256: qn.sha256.clone(),
        },
        today: today.to_string(),
        language: lang.to_owned(),
        factors,
        flags,
        notices,
        unanswered,
    }
}

fn score_factor<'a>(
    qn: &Questionnaire,
    f: &Factor,
    t: &dyn Fn(&Condition) -> Tri,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
    because: &dyn Fn(&[&Condition]) -> Vec<Because>,
) -> FactorResult {
    let mut r = FactorResult {
        id: f.id.clone(),
        direction: f.direction.name(),
        status: Status::NotApplicable,
        strength: None,
        serious: None,
        because: Vec::new(),
        documents_have: Vec::new(),
        documents_to_get: Vec::new(),
    };
    let applies = t(&f.applies);
    let mut conds = vec![&f.applies];
    match applies {
        Tri::False => {}
        Tri::Unknown => r.status = Status::Unknown,
        Tri::True => match f.direction {
            Direction::Adverse => {
                r.status = Status::Concern;
                r.serious = match f.serious.as_ref().map(t) {
                    None | Some(Tri::False) => Some(false),
                    Some(Tri::True) => Some(true),
                    Some(Tri::Unknown) => None,
                };
                conds.extend(f.serious.as_ref());
            }
            Direction::Favorable => {
                let strength = match f.strong.as_ref().map(t) {
                    None | Some(Tri::True) => Strength::Strong,
                    Some(Tri::False) => Strength::Weak,
                    Some(Tri::Unknown) => Strength::Unknown,
                };
                conds.extend(f.strong.as_ref());
                r.strength = Some(strength);
                let documented = match &f.evidence {
                    None => true,
                    Some(ev) => {
                        let q = &qn.questions[ev.question];
                        let given = answer(ev.question);
                        let have: Vec<String> = match given {
                            Some(Answer::Choices(cs)) => cs
                                .iter()
                                .filter(|c| q.choice(c).is_some_and(|c| !c.exclusive))
                                .cloned()
                                .collect(),
                            _ => Vec::new(),
                        };
                        let n = given.map_or(0, |a| count(qn, ev.question, a));
                        let documented = n >= ev.min;
                        if !documented {
                            r.documents_to_get = q
                                .choices
                                .iter()
                                .filter(|c| !c.exclusive && !have.contains(&c.id))
                                .map(|c| c.id.clone())
                                .collect();
                        }
                        r.documents_have = have;
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
    r.because = because(&conds);
    if let (Some(ev), Tri::True) = (&f.evidence, applies) {
        if let Some(a) = answer(ev.question) {
            let id = qn.questions[ev.question].id.clone();
            if !r.because.iter().any(|b| b.question == id) {
                r.because.push(Because {
                    question: id,
                    answer: a.to_json(),
                });
            }
        }
    }
    r
}

/// Today's date for commands that were not given `--today` (only front ends call this): the
/// local calendar date, so an evening intake in US time is not read as of tomorrow.
pub fn today_from_clock() -> Date {
    crate::date::local_today()
}

/// Days since 1970-01-01 to a calendar date (proleptic Gregorian).
#[cfg(test)]
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(2000),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests;

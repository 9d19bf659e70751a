//! The staff report's first page, worked out from the scored intake: alerts, case posture,
//! dated matters, adverse facts, relief to check, the compact table of favorable factors,
//! and the numbered exhibit list. Staff voice, in the report's language.

use super::labels::labels;
use super::staff::{Exhibit, ExhibitGroup, FavorableRow, Row};
use super::view::{self, Item, SummaryView};
use super::words::days_from_now;
use crate::eval::eval;
use crate::interview::Interview;
use crate::model::{Condition, Questionnaire, WhenText};
use crate::scoring::Summary;

pub struct Parts {
    pub alerts: Vec<String>,
    pub posture: Vec<Row>,
    pub deadlines: Vec<String>,
    pub adverse: Vec<Item>,
    pub relief: Vec<Item>,
    pub favorable: Vec<FavorableRow>,
    pub settle: Vec<Item>,
    pub exhibits: Vec<ExhibitGroup>,
    pub get: Vec<String>,
}

/// Tab names A … Z, then AA, AB, …
pub fn tab_name(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + u8::try_from(n % 26).unwrap_or(0));
    if i < 26 {
        letter(i).to_string()
    } else {
        format!("{}{}", letter(i / 26 - 1), letter(i))
    }
}

/// Whether a condition tests a date or a year against today.
fn dated(c: &Condition) -> bool {
    match c {
        Condition::DaysUntilAtLeast(..)
        | Condition::DaysUntilAtMost(..)
        | Condition::YearsAgoAtLeast(..)
        | Condition::YearsAgoAtMost(..) => true,
        Condition::All(cs) | Condition::Any(cs) => cs.iter().any(dated),
        Condition::Not(c) => dated(c),
        _ => false,
    }
}

fn group<'v>(v: &'v SummaryView, key: &str) -> &'v [Item] {
    v.groups
        .iter()
        .find(|g| g.key == key)
        .map_or(&[], |g| g.items.as_slice())
}

pub fn parts(
    qn: &Questionnaire,
    iv: &Interview<'_>,
    summary: &Summary,
    v: &SummaryView,
    lang: &str,
) -> Parts {
    let l = labels(lang);
    let answer = |q| iv.effective(q);
    let holds = |c: &Condition| eval(qn, c, &answer, iv.today()).is_true();
    // The text chosen by a date is a dated matter (e.g. "the one-year asylum mark has passed").
    let chosen_by_date = |entries: &[WhenText]| {
        entries
            .iter()
            .find(|e| holds(&e.when))
            .is_some_and(|e| dated(&e.when))
    };

    let mut alerts = Vec::new();
    if !summary.complete {
        let list = view::sections_not_asked(qn, summary, lang);
        alerts.push(l.unfinished.replace("{sections}", &list));
    }
    let age = summary.content_age.as_ref();
    if let Some(a) = age.filter(|a| a.out_of_date) {
        alerts.push(
            l.out_of_date
                .replace("{days}", &a.days.to_string())
                .replace("{date}", &a.policy_as_of),
        );
    }

    let hearing = summary.hearing.as_ref().map(|h| {
        let t = if h.passed {
            l.hearing_passed
        } else {
            l.hearing_on
        };
        t.replace("{date}", &h.date)
            .replace("{when}", &days_from_now(lang, h.days_until))
    });
    let lawyer = group(v, "lawyer");
    let is_flag = |i: &Item| summary.flags.iter().any(|f| f.id == i.id);
    let adverse: Vec<Item> = lawyer.iter().filter(|i| !is_flag(i)).cloned().collect();
    let relief: Vec<Item> = lawyer
        .iter()
        .filter(|i| is_flag(i))
        .map(|i| {
            let mut i = i.clone();
            if let Some(fl) = summary.flags.iter().find(|f| f.id == i.id) {
                i.because = view::because_lines(qn, &fl.because, lang);
            }
            i
        })
        .collect();
    let serious = adverse.iter().filter(|i| i.remark.is_some()).count();
    let intake = if summary.complete {
        l.complete
    } else {
        l.in_progress
    };
    let mut posture = vec![
        Row {
            label: l.next_hearing,
            value: hearing.clone().unwrap_or_else(|| l.no_hearing.to_owned()),
        },
        Row {
            label: l.intake,
            value: format!(
                "{intake}; {}",
                l.open_questions
                    .replace("{n}", &summary.unanswered.len().to_string())
            ),
        },
        Row {
            label: l.adverse_count,
            // The titles too: prior removals, orders and detention show at a glance.
            value: {
                let n = l
                    .adverse_n
                    .replace("{n}", &adverse.len().to_string())
                    .replace("{serious}", &serious.to_string());
                let titles: Vec<&str> = adverse.iter().map(|i| i.title.as_str()).collect();
                if titles.is_empty() {
                    n
                } else {
                    format!("{n}: {}", titles.join("; "))
                }
            },
        },
    ];
    if !relief.is_empty() {
        posture.push(Row {
            label: l.relief_count,
            value: relief
                .iter()
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    if let Some(a) = age {
        posture.push(Row {
            label: l.policy_as_of,
            value: l
                .content_age
                .replace("{date}", &a.policy_as_of)
                .replace("{days}", &a.days.to_string()),
        });
    }

    let mut deadlines: Vec<String> = hearing
        .map(|h| format!("{}: {h}", l.next_hearing))
        .into_iter()
        .collect();
    for n in &qn.notices {
        if let Some(r) = summary.notices.iter().find(|x| x.id == n.id) {
            if chosen_by_date(&n.text_when) {
                deadlines.push(r.text.trim().to_owned());
            }
        }
    }
    for f in &qn.flags {
        if let Some(r) = summary.flags.iter().find(|x| x.id == f.id) {
            if chosen_by_date(&f.explain_when) {
                deadlines.push(format!(
                    "{}: {}",
                    f.title.get(lang).trim(),
                    r.explain.trim()
                ));
            }
        }
    }
    for f in &qn.factors {
        if let Some(r) = summary.factor(&f.id) {
            if r.status != crate::scoring::Status::NotApplicable && chosen_by_date(&f.explain_when)
            {
                deadlines.push(format!(
                    "{}: {}",
                    f.title.get(lang).trim(),
                    r.explain.trim()
                ));
            }
        }
    }

    let mut favorable = Vec::new();
    for (key, word) in [
        ("strong", l.strong_word),
        ("undocumented", l.needs_documents_word),
        ("weak", l.weaker_word),
    ] {
        for i in group(v, key) {
            let status = match i.remark {
                Some(_) if key == "undocumented" => {
                    format!("{word} ({})", l.strong_once_documented)
                }
                _ => word.to_owned(),
            };
            favorable.push(FavorableRow {
                id: i.id.clone(),
                symbol: i.symbol,
                title: i.title.clone(),
                status,
                because: i.because.clone(),
                have: i.documents_have.clone(),
                to_get: i.documents_to_get.clone(),
            });
        }
    }
    let adverse = adverse
        .into_iter()
        .map(|mut i| {
            if i.remark.is_some() {
                i.remark = Some(l.serious_word);
            }
            i.status_word = l.adverse_word;
            i.next_step = None;
            i
        })
        .collect();
    let relief = relief
        .into_iter()
        .map(|mut i| {
            i.status_word = l.relief_word;
            i
        })
        .collect();
    let settle = group(v, "unknown")
        .iter()
        .cloned()
        .map(|mut i| {
            i.status_word = l.undecided_word;
            i.next_step = None;
            i
        })
        .collect();

    // The packet: each held document once, under the first factor that counts it.
    let (mut exhibits, mut seen, mut get) = (Vec::new(), Vec::<String>::new(), Vec::new());
    for row in &favorable {
        let mut tabs = Vec::new();
        for d in &row.have {
            if !seen.contains(d) {
                seen.push(d.clone());
                tabs.push(Exhibit {
                    tab: tab_name(seen.len() - 1),
                    document: d.clone(),
                });
            }
        }
        if !tabs.is_empty() {
            exhibits.push(ExhibitGroup {
                factor: row.title.clone(),
                exhibits: tabs,
            });
        }
    }
    for row in &favorable {
        for d in &row.to_get {
            if !get.contains(d) && !seen.contains(d) {
                get.push(d.clone());
            }
        }
    }
    Parts {
        alerts,
        posture,
        deadlines,
        adverse,
        relief,
        favorable,
        settle,
        exhibits,
        get,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tabs_run_a_to_z_then_aa() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52].map(super::tab_name).to_vec();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    }
}

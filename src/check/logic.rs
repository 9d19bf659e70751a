//! Logic warnings: conditions that can never be true or never be false, questions no path
//! reaches, favorable factors that can never be `strong`. Questions are judged in file order,
//! so a question nobody can reach makes the conditions that read it lose that answer too.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Condition, Direction, QIdx, Questionnaire};

use super::domain::{Domains, Outcomes};
use super::locate::{Locator, Site};

/// Which questions some interview can show, and which every interview shows.
pub struct Reach {
    pub reachable: Vec<bool>,
    pub always: Vec<bool>,
}

impl Reach {
    pub fn dom(
        &self,
        qn: &Questionnaire,
        doms: &Domains,
        q: QIdx,
    ) -> Vec<Option<crate::answer::Answer>> {
        doms.effective(qn, q, self.reachable[q], self.always[q])
    }
}

fn effect(site: Site) -> &'static str {
    match site {
        Site::SectionWhen(_) => "the section is never shown",
        Site::QuestionWhen(_) => "the question is never asked",
        Site::Applies(_) => "the factor never applies",
        Site::Strong(_) => "the factor is never strong",
        Site::Serious(_) => "the factor is never serious",
        Site::Evidence(_) => "the factor is never documented",
        Site::FlagWhen(_) => "the flag is never raised",
        Site::NoticeWhen(_) => "the notice is never shown",
    }
}

struct Ctx<'a> {
    qn: &'a Questionnaire,
    loc: &'a Locator<'a>,
    doms: &'a Domains,
    reach: Reach,
}

impl Ctx<'_> {
    fn outcomes(&self, c: &Condition) -> Outcomes {
        self.doms
            .outcomes(self.qn, c, &|q| self.reach.dom(self.qn, self.doms, q))
    }

    fn never_asked(&self, c: &Condition) -> Vec<String> {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.iter()
            .filter(|q| !self.reach.reachable[**q])
            .map(|q| format!("`{}`", self.qn.questions[*q].id))
            .collect()
    }

    /// Reports the outermost part of `c` that is never true or never false. Returns whether the
    /// whole condition can never be true.
    fn condition(
        &self,
        site: Site,
        c: &Condition,
        path: &mut Vec<usize>,
        out: &mut Diagnostics,
    ) -> bool {
        let o = self.outcomes(c);
        if !o.exact {
            return false;
        }
        let part = if path.is_empty() {
            "this condition"
        } else {
            "this part of the condition"
        };
        let pos = self.loc.pos(self.qn, site, path);
        if !o.can_true {
            let missing = self.never_asked(c);
            let hint = if missing.is_empty() {
                format!(
                    "its tests contradict each other or the answers allowed; as written, {}",
                    if path.is_empty() {
                        effect(site)
                    } else {
                        "this part never counts"
                    }
                )
            } else {
                format!("it reads {}, which no path asks", missing.join(", "))
            };
            out.push(Diagnostic::warning(pos, format!("{part} can never be true")).with_hint(hint));
            return path.is_empty();
        }
        if !o.can_false {
            out.push(
                Diagnostic::warning(pos, format!("{part} is true for every answer"))
                    .with_hint("it tests nothing (only \"I don't know\" changes it); remove it or fix the values it compares with"),
            );
            return false;
        }
        if let Condition::All(cs) | Condition::Any(cs) = c {
            for (i, child) in cs.iter().enumerate() {
                path.push(i);
                self.condition(site, child, path, out);
                path.pop();
            }
        }
        false
    }

    fn site(&self, site: Site, c: &Condition, out: &mut Diagnostics) -> bool {
        self.condition(site, c, &mut Vec::new(), out)
    }
}

pub fn check(
    qn: &Questionnaire,
    loc: &Locator<'_>,
    doms: &Domains,
    out: &mut Diagnostics,
) -> Reach {
    let n = qn.questions.len();
    let reach = Reach {
        reachable: vec![true; n],
        always: vec![false; n],
    };
    let mut cx = Ctx {
        qn,
        loc,
        doms,
        reach,
    };
    for (si, sec) in qn.sections.iter().enumerate() {
        let sec_dead = sec
            .when
            .as_ref()
            .is_some_and(|c| cx.site(Site::SectionWhen(si), c, out));
        for q in sec.questions.clone() {
            let question = &qn.questions[q];
            let own_dead = question
                .when
                .as_ref()
                .is_some_and(|c| cx.site(Site::QuestionWhen(q), c, out));
            let joint = match (&sec.when, &question.when) {
                (None, None) => None,
                (Some(c), None) | (None, Some(c)) => Some(c.clone()),
                (Some(a), Some(b)) => Some(Condition::All(vec![a.clone(), b.clone()])),
            };
            let reachable = match &joint {
                None => true,
                Some(c) => {
                    let o = cx.outcomes(c);
                    !o.exact || o.can_true
                }
            };
            if !reachable && !sec_dead && !own_dead {
                let missing = joint
                    .as_ref()
                    .map(|c| cx.never_asked(c))
                    .unwrap_or_default();
                let hint = if missing.is_empty() {
                    "the section's `when` and the question's `when` cannot both be true".to_owned()
                } else {
                    format!("it depends on {}, which no path asks", missing.join(", "))
                };
                out.push(
                    Diagnostic::warning(
                        question.pos,
                        format!("no path reaches the question `{}`", question.id),
                    )
                    .with_hint(hint),
                );
            }
            cx.reach.reachable[q] = reachable;
            cx.reach.always[q] = joint.is_none();
        }
    }
    for (fi, f) in qn.factors.iter().enumerate() {
        let dead = cx.site(Site::Applies(fi), &f.applies, out);
        if let Some(c) = &f.strong {
            cx.site(Site::Strong(fi), c, out);
        }
        if let Some(c) = &f.serious {
            cx.site(Site::Serious(fi), c, out);
        }
        if f.direction == Direction::Favorable && !dead {
            never_strong(&cx, fi, out);
        }
    }
    for (i, flag) in qn.flags.iter().enumerate() {
        cx.site(Site::FlagWhen(i), &flag.when, out);
    }
    for (i, notice) in qn.notices.iter().enumerate() {
        cx.site(Site::NoticeWhen(i), &notice.when, out);
    }
    cx.reach
}

fn never_strong(cx: &Ctx<'_>, fi: usize, out: &mut Diagnostics) {
    let qn = cx.qn;
    let f = &qn.factors[fi];
    let mut parts = vec![f.applies.clone()];
    parts.extend(f.strong.clone());
    if let Some(ev) = &f.evidence {
        parts.push(Condition::CountAtLeast(ev.question, ev.min));
    }
    let o = cx.outcomes(&Condition::All(parts));
    if !o.exact || o.can_true {
        return;
    }
    let hint = match &f.evidence {
        Some(ev) => {
            let q = &qn.questions[ev.question];
            let docs = q.choices.iter().filter(|c| !c.exclusive).count();
            if i64::try_from(docs).unwrap_or(i64::MAX) < ev.min {
                format!(
                    "its evidence needs {} documents but `{}` offers only {docs}",
                    ev.min, q.id
                )
            } else if !cx.reach.reachable[ev.question] {
                format!("its evidence question `{}` is never asked", q.id)
            } else {
                "its `strong` condition, `applies` and the evidence question cannot all hold at once".to_owned()
            }
        }
        None => "its `strong` condition cannot be true while `applies` is true".to_owned(),
    };
    let pos = cx.loc.list_key("factors", fi, "strong", f.pos);
    out.push(
        Diagnostic::warning(pos, format!("the factor `{}` can never be `strong`", f.id))
            .with_hint(hint),
    );
}

//! Static analysis of a question file for its authors: the loader's errors plus warnings about
//! logic (contradictions, unreachable questions, factors that cannot be strong or decided) and
//! texts (readability, translations, placeholders, length). Pure: returns `Diagnostics`.

mod domain;
pub mod explain;
mod locate;
mod logic;
mod paths;
mod phrases;
mod texts;

use crate::date::Date;
use crate::diag::Diagnostics;
use crate::load;
use crate::model::Questionnaire;
use crate::yaml;

pub use locate::Locator;

/// Thresholds the author may change (`--max-grade`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Highest Flesch-Kincaid grade accepted for an English question text.
    pub max_grade: f64,
    /// Longest question text (characters) before a warning; help and explanations get twice this.
    pub max_chars: usize,
    /// The day to judge the content's age against (`check` passes `--today` or the clock);
    /// `None` leaves the age unchecked, so library callers stay reproducible.
    pub today: Option<Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_grade: 8.0,
            max_chars: 400,
            today: None,
        }
    }
}

/// The date the logic checks reason about: conditions on "years ago" are judged as of a year
/// after the legal content was checked, which keeps warnings reproducible (no clock).
pub(crate) fn reference_day(qn: &Questionnaire) -> Date {
    let base = qn.policy_as_of.unwrap_or(Date {
        year: 2026,
        month: 6,
        day: 15,
    });
    Date {
        year: base.year + 1,
        month: 6,
        day: 15,
    }
}

/// Checks a question file's text: every loader error, or, when it loads, every warning.
pub fn check_source(text: &str, opts: &Options) -> Diagnostics {
    check_and_load(text, opts).1
}

/// Like `check_source`, also giving the questionnaire when it loads (parsed once).
pub fn check_and_load(text: &str, opts: &Options) -> (Option<Questionnaire>, Diagnostics) {
    let tree = match yaml::parse(text) {
        Ok(tree) => tree,
        Err(d) => return (None, d),
    };
    match load::load_tree(&tree, text) {
        Err(d) => (None, d),
        Ok(qn) => {
            let w = warnings(&qn, &Locator::new(Some(&tree)), opts);
            (Some(qn), w)
        }
    }
}

/// Every warning about a loaded questionnaire, sorted by position.
pub fn warnings(qn: &Questionnaire, loc: &Locator<'_>, opts: &Options) -> Diagnostics {
    let mut out = Diagnostics::default();
    let doms = domain::Domains::new(qn, reference_day(qn));
    let reach = logic::check(qn, loc, &doms, &mut out);
    paths::check(qn, loc, &doms, &reach, &mut out);
    texts::check(qn, loc, opts, &mut out);
    if let Some(today) = opts.today {
        out.0.extend(content_age(qn, loc, today));
    }
    out.sort();
    out
}

/// A warning when the legal content was last checked more than 180 days before `today`.
fn content_age(
    qn: &Questionnaire,
    loc: &Locator<'_>,
    today: Date,
) -> Option<crate::diag::Diagnostic> {
    let age = crate::scoring::content_age(qn, today).filter(|a| a.out_of_date)?;
    Some(
        crate::diag::Diagnostic::warning(
            loc.top_key("policy_as_of"),
            format!(
                "the legal content was last checked on {} ({} days before {today}); staff reports and the welcome screen will say it may be out of date",
                age.policy_as_of, age.days
            ),
        )
        .with_hint(format!(
            "check the law and policy again, then set `policy_as_of` to the day you checked; content older than {} days is flagged",
            crate::scoring::CONTENT_AGE_LIMIT_DAYS
        )),
    )
}

#[cfg(test)]
mod tests;

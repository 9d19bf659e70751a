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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_grade: 8.0,
            max_chars: 400,
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
    out.sort();
    out
}

#[cfg(test)]
mod tests;

//! The one entry point for reports: the staff report in any format and language, or the
//! applicant's take-home sheet. Used by `pd-intake report` and the UI's summary screen.

use super::input::{Format, ReportError, ReportInput};
use super::{html, json, markdown, staff, staff_txt, take_home};

/// Renders `input` as `format` in `lang` (any language of the questionnaire; free text stays
/// as typed). `take_home` gives the applicant's sheet instead (txt or html only).
pub fn render(
    input: &ReportInput<'_>,
    format: Format,
    lang: &str,
    take_home: bool,
) -> Result<String, ReportError> {
    if take_home {
        let sheet = take_home::build(input, lang)?;
        return match format {
            Format::Txt => Ok(take_home::render_txt(&sheet)),
            Format::Html => html::render("take_home.html", &sheet),
            Format::Md | Format::Json => Err(ReportError::TakeHomeFormat(format.name())),
        };
    }
    match format {
        Format::Json => json::render(input, lang),
        Format::Txt => Ok(staff_txt::render(&staff::build(input, lang)?)),
        Format::Md => Ok(markdown::render(&staff::build(input, lang)?)),
        Format::Html => html::render("staff.html", &staff::build(input, lang)?),
    }
}

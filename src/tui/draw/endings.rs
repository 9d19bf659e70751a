//! The screens of stopping and ending: the lock, "take a break", leaving, and a failed save.
//! The code appears only on the break and leaving screens (and the summary), never on the
//! lock screen: whoever finds the laptop locked must not find the code with it.

use super::*;
use crate::i18n::endings::words;

fn para<'a>(out: &mut Vec<Line<'a>>, text: &str, width: usize, style: Style) {
    out.extend(
        wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style)),
    );
}

/// The code on a line of its own, never cut (a code is short; a narrow window still fits it).
/// Screens stay within 8 lines at 40 columns, so that all of them fits a 40×12 window.
fn code_line<'a>(out: &mut Vec<Line<'a>>, code: &str, theme: &Theme) {
    out.push(Line::from(""));
    out.push(Line::styled(format!("    {code}"), theme.heading));
}

pub(super) fn locked<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let w = words(&app.lang);
    let mut out = Vec::new();
    if app.code.is_some() {
        para(&mut out, w.locked_text, width, theme.heading);
        out.push(Line::from(""));
        out.push(Line::from(format!("> {}", "*".repeat(app.unlock.len()))));
        // No blank line before the help: at 40×12 a wrong-code message must leave it whole.
        para(&mut out, w.locked_help, width, theme.dim);
    } else {
        para(&mut out, w.locked_no_code, width, theme.heading);
    }
    out
}

pub(super) fn take_break<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let w = words(&app.lang);
    let mut out = Vec::new();
    para(&mut out, w.code_needed, width, theme.heading);
    code_line(&mut out, app.code.as_deref().unwrap_or(""), theme);
    para(&mut out, w.write_it_down, width, theme.base);
    para(&mut out, w.break_enter, width, theme.dim);
    out
}

pub(super) fn leaving<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let w = words(&app.lang);
    let mut out = Vec::new();
    para(&mut out, w.saved_title, width, theme.heading);
    match &app.code {
        Some(code) => {
            let finished = app.iv.is_complete() && app.returns_to == Screen::Summary;
            let how = if finished {
                w.finished_how
            } else {
                w.continue_how
            };
            para(&mut out, how, width, theme.base);
            code_line(&mut out, code, theme);
            if !finished {
                para(&mut out, w.write_it_down, width, theme.base);
            }
        }
        None => para(&mut out, w.nothing_saved, width, theme.base),
    }
    out
}

pub(super) fn save_failed<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let w = words(&app.lang);
    let mut out = Vec::new();
    para(&mut out, w.save_failed_title, width, theme.error);
    para(&mut out, w.save_failed_applicant, width, theme.base);
    out.push(Line::from(""));
    let why = app.save_error.clone().unwrap_or_default();
    para(
        &mut out,
        &i18n::fill(w.save_failed_staff, &[("why", why)]),
        width,
        theme.title,
    );
    if let Some(dir) = &app.data_dir {
        para(
            &mut out,
            &i18n::fill(w.save_failed_folder, &[("dir", dir.clone())]),
            width,
            theme.title,
        );
    }
    out.push(Line::from(""));
    para(&mut out, w.save_failed_retry, width, theme.dim);
    out
}

/// The hints of these screens, most important first.
pub(super) fn hints(app: &App<'_>) -> Vec<(String, &'static str)> {
    let w = words(&app.lang);
    let s = strings(&app.lang);
    match app.screen {
        Screen::Break => vec![
            ("Enter".into(), w.lock_key),
            ("Esc".into(), w.stay_key),
            ("F2".into(), s.language_key),
        ],
        Screen::Leaving => vec![
            ("Enter".into(), w.leave_key),
            ("Esc".into(), w.stay_key),
            ("F2".into(), s.language_key),
        ],
        Screen::SaveFailed => vec![("Enter".into(), w.retry_key), ("Ctrl-C".into(), s.quit)],
        _ => Vec::new(),
    }
}

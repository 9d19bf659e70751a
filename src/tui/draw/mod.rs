//! Pure drawing from `&App`: no I/O, no state changes. One function per screen.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Message, Row, Screen};
use super::theme::Theme;
use super::wrap::wrap;
use crate::answer::Answer;
use crate::i18n::{self, Strings, strings};
use crate::model::Kind;
use crate::report::view::answer_words;
use crate::scoring::Because;

mod question;
mod screens;

pub(crate) use question::input_hint;
use question::{push_wrapped, question};
use screens::{locked, review, summary, welcome};

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(f: &mut Frame<'_>, app: &App<'_>, theme: &Theme) {
    let area = f.area();
    f.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Before a language is chosen, ask in every language.
        let text = if app.screen == Screen::Welcome {
            format!("{} {}", i18n::EN.enlarge_window, i18n::ES.enlarge_window)
        } else {
            strings(&app.lang).enlarge_window.to_owned()
        };
        let lines: Vec<Line<'_>> = wrap(&text, usize::from(area.width))
            .into_iter()
            .map(Line::from)
            .collect();
        f.render_widget(Paragraph::new(lines).style(theme.base), area);
        return;
    }
    let width = usize::from(area.width - 2);
    let (header, body_lines, focus_line, cursor) = match app.screen {
        Screen::Welcome => (
            header_title(app, theme, width),
            welcome(app, theme, width),
            app.focus + 2,
            None,
        ),
        Screen::Question => {
            let (lines, focus, cursor) = question(app, theme, width);
            (header_progress(app, theme, width), lines, focus, cursor)
        }
        Screen::Review => {
            let (lines, focus) = review(app, theme, width);
            (header_title(app, theme, width), lines, focus, None)
        }
        Screen::Summary => (
            header_title(app, theme, width),
            summary(app, theme, width),
            usize::from(app.scroll),
            None,
        ),
        Screen::Locked => (vec![Line::from("")], locked(app, width), 0, None),
    };
    let hints = hint_line(app, width);
    let message = message_lines(app, theme, width);
    let header_h = u16::try_from(header.len()).unwrap_or(2);
    let footer_h = u16::try_from(hints.len() + message.len()).unwrap_or(2);
    let body_h = area.height.saturating_sub(header_h + footer_h + 1);
    let header_area = Rect {
        x: area.x + 1,
        y: area.y,
        width: area.width - 2,
        height: header_h,
    };
    let body_area = Rect {
        x: area.x + 1,
        y: area.y + header_h + 1,
        width: area.width - 2,
        height: body_h,
    };
    let footer_area = Rect {
        x: area.x + 1,
        y: area.y + area.height - footer_h,
        width: area.width - 2,
        height: footer_h,
    };
    f.render_widget(Paragraph::new(header), header_area);
    // Scroll so the focused line (or the summary offset) is visible.
    let total = body_lines.len();
    let h = usize::from(body_h).max(1);
    let offset = if app.screen == Screen::Summary {
        focus_line.min(total.saturating_sub(h))
    } else if focus_line >= h {
        (focus_line + 2).min(total).saturating_sub(h)
    } else {
        0
    };
    let offset = if app.screen == Screen::Question {
        offset.saturating_sub(usize::from(app.peek))
    } else {
        offset
    };
    let mut visible: Vec<Line<'_>> = body_lines.into_iter().skip(offset).take(h).collect();
    if offset > 0 && app.screen == Screen::Question && h > 2 {
        // Say that the start of the text is out of view, and how to see it.
        visible[0] = Line::styled(
            wrap(strings(&app.lang).more_above, usize::from(body_area.width))
                .into_iter()
                .next()
                .unwrap_or_default(),
            theme.dim,
        );
    }
    f.render_widget(Paragraph::new(visible), body_area);
    let mut footer = message;
    footer.extend(hints);
    f.render_widget(Paragraph::new(footer), footer_area);
    if let Some((line, col)) = cursor {
        if line >= offset && line < offset + h {
            let y = body_area.y + u16::try_from(line - offset).unwrap_or(0);
            let x = body_area.x
                + u16::try_from(col)
                    .unwrap_or(0)
                    .min(body_area.width.saturating_sub(1));
            f.set_cursor_position(Position { x, y });
        }
    }
    if app.help_open {
        help(f, app, theme, area);
    }
}

fn header_title<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let title = app.iv.questionnaire().title.get(&app.lang);
    // One line: a long title is cut with an ellipsis rather than wrapped.
    let mut lines = wrap(title, width.saturating_sub(1));
    let mut first = lines.swap_remove(0);
    if !lines.is_empty() {
        first.push('…');
    }
    vec![Line::styled(first, theme.title)]
}

fn header_progress<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = strings(&app.lang);
    let qn = app.iv.questionnaire();
    let section = app
        .question()
        .map(|q| qn.sections[q.section].title.get(&app.lang).to_owned())
        .unwrap_or_default();
    let p = app.iv.progress();
    let number = app
        .iv
        .current()
        .map_or(p.answered + 1, |q| app.iv.number(q));
    let n = i18n::fill(s.question_n, &[("n", number.to_string())]);
    let left = if p.possible == 0 {
        s.none_left.to_owned()
    } else if p.certain == p.possible {
        i18n::fill(s.exactly_left, &[("n", p.certain.to_string())])
    } else {
        i18n::fill(
            s.about_left,
            &[
                ("min", p.certain.to_string()),
                ("max", p.possible.to_string()),
            ],
        )
    };
    let mut lines: Vec<Line<'a>> = wrap(&section, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    let code = app
        .code
        .as_ref()
        .map(|c| format!(" · {c}"))
        .unwrap_or_default();
    // An information screen has no number ("Question 1" twice would confuse). The resume
    // code is never cut: on a narrow screen the estimate gives way first.
    let info = app.question().is_some_and(|q| q.kind == Kind::Info);
    let full = if info {
        let mut chars = left.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        format!("{}{}{code}", first.unwrap_or_default(), chars.as_str())
    } else {
        format!("{n} · {left}{code}")
    };
    let line = if info || UnicodeWidthStr::width(full.as_str()) <= width {
        full
    } else {
        format!("{n}{code}")
    };
    lines.push(Line::styled(line, theme.dim));
    lines
}

fn message_lines<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    match &app.message {
        Some(Message::Error(m)) => wrap(&format!("! {m}"), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.error))
            .collect(),
        Some(Message::Info(m)) => wrap(&format!("i {m}"), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.info))
            .collect(),
        None => Vec::new(),
    }
}

/// The key-hint line, generated from what the keys do on this screen.
fn hint_line<'a>(app: &App<'_>, width: usize) -> Vec<Line<'a>> {
    let s = strings(&app.lang);
    let typing = app.screen == Screen::Question && app.focused_row() == Some(Row::Input);
    let multi = app.question().is_some_and(|q| q.kind == Kind::MultiChoice);
    let mut keys: Vec<(String, &str)> = Vec::new();
    match app.screen {
        Screen::Question => {
            if multi {
                keys.push((s.space_key.into(), s.toggle));
            }
            if typing && app.input.multiline {
                keys.extend([
                    ("Enter".into(), s.newline),
                    ("Ctrl-S".into(), s.submit_text),
                ]);
            } else {
                keys.push(("Enter".into(), s.continue_));
            }
            keys.push(("Esc".into(), s.back));
            keys.push((if typing { "F1".into() } else { "?".into() }, s.help));
            keys.push(("F2".into(), s.language_key));
            keys.push(("F3".into(), s.review));
            keys.push(("F4".into(), s.read_aloud_key));
        }
        Screen::Review => keys.extend([
            ("Enter".into(), s.select),
            ("Esc".into(), s.back),
            ("F2".into(), s.language_key),
        ]),
        Screen::Summary => keys.extend([
            ("↑↓".into(), s.scroll),
            ("q".into(), s.quit),
            ("s".into(), s.staff_report_key),
            ("t".into(), s.take_home_key),
            ("F2".into(), s.language_key),
            ("r".into(), s.review),
            ("Esc".into(), s.back),
            ("F4".into(), s.read_aloud_key),
        ]),
        Screen::Welcome => keys.extend([
            ("↑↓".into(), s.select),
            ("Enter".into(), s.start),
            ("F2".into(), s.language_key),
            ("F4".into(), s.read_aloud_key),
        ]),
        Screen::Locked => {}
    }
    // Keys are listed most important first; on a narrow window the last ones give way so
    // the hints never take more than two lines.
    loop {
        let text = keys
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(" · ");
        let lines = wrap(&text, width);
        if lines.len() <= 2 || keys.len() <= 2 {
            return lines.into_iter().map(Line::from).collect();
        }
        keys.pop();
    }
}

fn help(f: &mut Frame<'_>, app: &App<'_>, theme: &Theme, area: Rect) {
    let s = strings(&app.lang);
    let w = area.width.saturating_sub(4).max(1);
    let h = area.height.saturating_sub(2).max(1);
    let rect = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    let inner = usize::from(w.saturating_sub(2));
    // Help texts begin with "Why we ask: …" themselves; the heading is the plain word "Help".
    let mut lines: Vec<Line<'_>> = vec![Line::styled(s.help.to_owned(), theme.heading)];
    if let Some(q) = app.question() {
        let help = q
            .help
            .as_ref()
            .map(|t| t.get(&app.lang).to_owned())
            .unwrap_or_default();
        lines.extend(wrap(&help, inner).into_iter().map(Line::from));
        if q.sensitive {
            lines.push(Line::from(""));
            lines.extend(wrap(s.sensitive_note, inner).into_iter().map(Line::from));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(format!("Esc {}", s.back), theme.dim));
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::bordered())
            .style(theme.base),
        rect,
    );
}

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

mod endings;
mod question;
mod screens;

pub(crate) use question::input_hint;
use question::{push_wrapped, question};
use screens::{review, summary, welcome};

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
    let mut head: Vec<Line<'_>> = Vec::new();
    let (header, body_lines, focus_line, cursor) = match app.screen {
        Screen::Welcome => (
            header_title(app, theme, width),
            welcome(app, theme, width),
            app.focus + 2,
            None,
        ),
        Screen::Question => {
            let q = question(app, theme, width);
            head = q.head;
            (
                header_progress(app, theme, width),
                q.rows,
                q.focus,
                q.cursor,
            )
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
        Screen::Locked => (
            vec![Line::from("")],
            endings::locked(app, theme, width),
            0,
            None,
        ),
        Screen::Break => (
            vec![Line::styled(
                i18n::endings::words(&app.lang).break_title,
                theme.title,
            )],
            endings::take_break(app, theme, width),
            0,
            None,
        ),
        Screen::Leaving => (
            header_title(app, theme, width),
            endings::leaving(app, theme, width),
            0,
            None,
        ),
        Screen::SaveFailed => (
            header_title(app, theme, width),
            endings::save_failed(app, theme, width),
            0,
            None,
        ),
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
    let mut body_area = Rect {
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
    let s = strings(&app.lang);
    let bw = usize::from(body_area.width);
    if app.screen == Screen::Question {
        // The question stays on screen while its rows can be chosen: the rows scroll, not
        // the question. A question too long for its share is cut from the top (its last
        // line is usually the question itself), and Up on the first row reads back.
        let total_h = usize::from(body_h);
        // Up to three lines of rows, fewer when the question needs them: the question
        // comes first, with at least one row to answer on.
        let rows_min = body_lines.len().clamp(1, 3);
        let room = total_h
            .saturating_sub(rows_min)
            .max(head.len().min(total_h.saturating_sub(1)))
            .max(1);
        let shown = head.len().min(room);
        let gap = usize::from(shown > 0 && shown + 1 + rows_min <= total_h);
        let len = head.len();
        let end = len - usize::from(app.peek).min(len - shown);
        let start = end - shown;
        let mut lines: Vec<Line<'_>> = head[start..end].to_vec();
        if shown >= 2 && start > 0 {
            lines[0] = marker(s.more_above, bw, theme);
        }
        if end < len && (shown >= 3 || (shown == 2 && start == 0)) {
            lines[shown - 1] = marker(s.more_below, bw, theme);
        }
        let head_h = u16::try_from(shown + gap).unwrap_or(0).min(body_h);
        f.render_widget(
            Paragraph::new(lines),
            Rect {
                height: head_h,
                ..body_area
            },
        );
        body_area.y += head_h;
        body_area.height = body_h - head_h;
    }
    let total = body_lines.len();
    let h = usize::from(body_area.height).max(1);
    let offset = match app.screen {
        Screen::Summary => focus_line.min(total.saturating_sub(h)),
        Screen::Welcome => window(total, h, focus_line)
            .max(usize::from(app.scroll))
            .min(total.saturating_sub(h)),
        _ => window(total, h, focus_line),
    };
    let mut visible: Vec<Line<'_>> = body_lines.into_iter().skip(offset).take(h).collect();
    // Every cut list or text says there is more, at the end where it was cut: a line of its
    // own where there is room, an arrow at the end of the line where there is not.
    if app.screen != Screen::Locked && !visible.is_empty() {
        let last = visible.len() - 1;
        let roomy = h >= 5;
        if offset > 0 && (roomy || visible[0].width() == 0) {
            visible[0] = marker(s.more_above, bw, theme);
        }
        if offset + h < total && (roomy || visible[last].width() == 0) {
            visible[last] = marker(s.more_below, bw, theme);
        }
        if !roomy {
            if offset > 0 && visible[0].width() > 0 && !is_marker(&visible[0]) {
                visible[0].push_span(Span::styled(" ↑", theme.dim));
            }
            if offset + h < total && !is_marker(&visible[last]) {
                visible[last].push_span(Span::styled(" ↓", theme.dim));
            }
        }
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

/// The first row that shows `focus` in a window of `h` lines over `total`, leaving a line
/// for the "more" note at each end that is cut.
fn window(total: usize, h: usize, focus: usize) -> usize {
    if total <= h {
        return 0;
    }
    (focus + 2).saturating_sub(h).min(total - h)
}

/// Whether a line is already a "more" note (they start with their arrow).
fn is_marker(line: &Line<'_>) -> bool {
    line.spans
        .first()
        .is_some_and(|sp| sp.content.starts_with(['↑', '↓']))
}

/// A "more above" / "more below" note, one line.
fn marker<'a>(text: &str, width: usize, theme: &Theme) -> Line<'a> {
    Line::styled(
        wrap(text, width).into_iter().next().unwrap_or_default(),
        theme.dim,
    )
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
        i18n::count(&app.lang, &s.exactly_left, p.certain)
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
    // An information screen has no number ("Question 1" twice would confuse). The resume
    // code is not here: it is shown when the person stops or takes a break (F4).
    let info = app.question().is_some_and(|q| q.kind == Kind::Info);
    let full = if info {
        let mut chars = left.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        format!("{}{}", first.unwrap_or_default(), chars.as_str())
    } else {
        format!("{n} · {left}")
    };
    let line = if info || UnicodeWidthStr::width(full.as_str()) <= width {
        full
    } else {
        n
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
                    ("Tab/Ctrl-S".into(), s.submit_text),
                ]);
            } else {
                keys.push(("Enter".into(), s.continue_));
            }
            keys.push(("Esc".into(), s.back));
            keys.push((if typing { "F1".into() } else { "?".into() }, s.help));
            if app.code.is_some() {
                keys.push(("F4".into(), i18n::endings::words(&app.lang).take_break_key));
            }
            keys.push(("F2".into(), s.language_key));
            keys.push(("F3".into(), s.review));
            keys.push(("F5".into(), s.read_aloud_key));
        }
        Screen::Review => keys.extend([
            ("Enter".into(), s.select),
            ("Esc".into(), s.back),
            ("F2".into(), s.language_key),
        ]),
        Screen::Summary => keys.extend([
            ("↑↓".into(), s.scroll),
            ("q".into(), s.quit),
            // With a clinic key the staff report is never written in the clear.
            (
                "s".into(),
                if app.encrypted {
                    ""
                } else {
                    s.staff_report_key
                },
            ),
            ("t".into(), s.take_home_key),
            ("F2".into(), s.language_key),
            ("r".into(), s.review),
            ("Esc".into(), s.back),
            ("F5".into(), s.read_aloud_key),
        ]),
        Screen::Welcome => keys.extend([
            ("↑↓".into(), s.select),
            ("Enter".into(), s.start),
            ("F2".into(), s.language_key),
            ("F5".into(), s.read_aloud_key),
        ]),
        Screen::Locked => {}
        Screen::Break | Screen::Leaving | Screen::SaveFailed => keys = endings::hints(app),
    }
    keys.retain(|(_, v)| !v.is_empty());
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
            let note = i18n::endings::privacy(&app.lang, app.encrypted);
            lines.extend(wrap(note, inner).into_iter().map(Line::from));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(format!("Esc {}", s.back), theme.dim));
    // A long help text scrolls (Up, Down) and says where it is cut.
    let inner_h = usize::from(h.saturating_sub(2)).max(1);
    let total = lines.len();
    let offset = usize::from(app.help_scroll).min(total.saturating_sub(inner_h));
    let mut visible: Vec<Line<'_>> = lines.into_iter().skip(offset).take(inner_h).collect();
    if inner_h > 2 {
        if offset > 0 {
            visible[0] = marker(s.more_above, inner, theme);
        }
        if offset + inner_h < total {
            visible[inner_h - 1] = marker(s.more_below, inner, theme);
        }
    }
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(visible)
            .block(Block::bordered())
            .style(theme.base),
        rect,
    );
}

//! Styles. Colour is never the only signal: focus also has a marker and reverse video.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub dim: Style,
    pub focus: Style,
    pub error: Style,
    pub info: Style,
    pub heading: Style,
}

impl Theme {
    pub fn new(high_contrast: bool, no_color: bool) -> Theme {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        if no_color {
            return Theme {
                base: Style::default(),
                title: bold,
                dim: Style::default(),
                focus: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                error: bold,
                info: bold,
                heading: bold.add_modifier(Modifier::UNDERLINED),
            };
        }
        if high_contrast {
            let base = Style::default().fg(Color::White).bg(Color::Black);
            return Theme {
                base,
                title: base.add_modifier(Modifier::BOLD),
                dim: base,
                focus: Style::default()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                error: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                info: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                heading: base
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            };
        }
        Theme {
            base: Style::default(),
            title: bold.fg(Color::Cyan),
            dim: Style::default().fg(Color::Gray),
            focus: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: bold.fg(Color::Red),
            info: bold.fg(Color::Green),
            heading: bold.fg(Color::Cyan),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(false, false)
    }
}

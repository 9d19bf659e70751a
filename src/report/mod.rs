//! Renderers of a scored intake for people: plain text now; markdown, HTML and JSON reports build on it.

pub mod text;
pub mod view;

//! Renderers of a scored intake for people: the summary screen text, and the staff report
//! (txt, md, html, json) and the applicant's take-home sheet (txt, html) behind `render`.

pub mod html;
pub mod input;
pub mod json;
pub mod labels;
pub mod markdown;
mod render;
pub mod staff;
pub mod staff_txt;
pub mod take_home;
pub mod text;
pub mod view;

pub use input::{Format, IntakeMeta, ReportError, ReportInput};
pub use render::render;

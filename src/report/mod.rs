//! Renderers of a scored intake for people: the summary screen text, and the staff report
//! (txt, md, html, json) and the applicant's take-home sheet (txt, html) behind `render`.

pub mod clinic;
pub mod html;
pub mod input;
pub mod json;
pub mod labels;
pub mod markdown;
mod render;
pub mod staff;
mod staff_parts;
pub mod staff_txt;
pub mod take_home;
pub mod text;
pub mod view;
pub mod words;

pub use clinic::ClinicInfo;
pub use input::{Format, IntakeMeta, ReportError, ReportInput};
pub use render::render;

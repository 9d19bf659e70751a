//! pd-intake: an offline intake questionnaire for prosecutorial-discretion screening.
//! Data flows one way: load -> interview -> scoring -> report; only `tui` and `plain` touch a terminal.

pub mod answer;
pub mod answers_file;
pub mod autosave;
pub mod check;
pub mod cli;
pub mod config;
pub mod date;
pub mod days;
pub mod diag;
pub mod eval;
pub mod exchange;
pub mod harden;
pub mod i18n;
pub mod interview;
pub mod load;
pub mod model;
pub mod plain;
pub mod platform;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod setup;
pub mod speech;
pub mod store;
pub mod tui;
pub mod visible;
pub mod yaml;

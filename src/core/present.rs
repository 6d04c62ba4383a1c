//! How the numbers and lists are presented: the same in the app, the
//! reports and the command line, and tested natively.
//!
//! - `display`: numbers, ranges and money as people read them, and the
//!   parsing of typed numbers.
//! - `chart`: chart geometry laid out from the summary as plain shapes,
//!   with each chart's data table (one file per chart under `chart/`).
//! - `query`: filtering, sorting and per-gap figures for the gaps table;
//!   the gaps grouped by category for the report.

pub mod chart;
pub mod display;
pub mod query;

//! How the numbers and lists are presented: the same in the app, the
//! reports and the command line, and tested natively.
//!
//! - `display`: numbers, ranges and money as people read them, and the
//!   parsing of typed numbers.
//! - `date`: `YYYY-MM-DD` dates as day numbers and back, for placing dates
//!   on a chart's axis.
//! - `chart`: chart geometry laid out from the summary as plain shapes,
//!   with each chart's data table (one file per chart under `chart/`).
//! - `compare`: a comparison in words (a score's and a level's change,
//!   each changed field of a gap), shared by `gapmap diff` and the app.
//! - `link`: which addresses may be shown as links (`http:`, `https:`
//!   and relative ones); `evidence`: a gap's evidence entries as one text
//!   (a spreadsheet cell) and back.
//! - `query`: filtering, sorting and per-gap figures for the gaps table;
//!   the gaps grouped by category for the report.

pub mod chart;
pub mod compare;
pub mod date;
pub mod display;
pub mod evidence;
pub mod link;
pub mod query;

//! Writing an assessment out for people and other tools.
//!
//! - [`markdown`]: a Markdown report that reads well on its own and that the
//!   Markdown importer reads back into the same assessment.
//! - [`csv`]: the gaps as CSV: a spreadsheet table (which the CSV importer
//!   reads back) and backlogs for Jira, GitHub Issues and Azure DevOps.
//! - [`ics`]: the roadmap and due dates as an iCalendar file (RFC 5545).
//! - [`portfolio`]: many assessments at once, as CSV and as a Markdown report.

pub mod csv;
pub mod ics;
pub mod markdown;
pub mod portfolio;

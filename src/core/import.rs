//! Bringing existing assessments in from documents people already have.
//!
//! An import never fails and never panics: it returns the best assessment it
//! can read together with an [`ImportReport`] that says, line by line, what
//! was recognised, what was guessed and what was skipped, so that the user
//! can check a preview before anything is saved and fix what the importer
//! could not know. The assessment it returns always passes
//! [`crate::core::format::validate::validate`].
//!
//! - [`csv`]: a gaps table edited in a spreadsheet, read back into an
//!   assessment it came from: a preview of the changes, then applying them.
//! - [`encoding`]: repairs text that was saved after a wrong decode, before
//!   anything else reads it.
//! - [`markdown`]: readiness documents written in Markdown.
//! - [`report`]: the import report, shared by every importer.

pub mod code_page;
pub mod csv;
pub mod encoding;
pub mod markdown;
pub mod report;

pub use report::{Counts, ImportReport, Note};

use crate::core::model::Assessment;

/// The result of an import: the assessment read, and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The assessment read; it always passes validation.
    pub assessment: Assessment,
    /// What was recognised, guessed and skipped, line by line.
    pub report: ImportReport,
}

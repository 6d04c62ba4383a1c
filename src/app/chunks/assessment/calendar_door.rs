//! The way the assessment's views reach the calendar export's chunk: the
//! door of `app/chunks.rs`, handed in as a plain function when the screen
//! is made, since a view naming the doors' file would make the files name
//! each other in a circle (`tests/tidy.rs`).

use std::future::Future;
use std::pin::Pin;

use crate::core::Assessment;

/// The calendar (`.ics`) being written: its text, or why it could not be.
pub(in crate::app::chunks) type CalendarText = Pin<Box<dyn Future<Output = Result<String, String>>>>;

/// Writes the calendar of an assessment as of a day (`YYYY-MM-DD`), in its
/// own chunk; in context for the views of the open assessment.
#[derive(Clone, Copy)]
pub(in crate::app::chunks) struct CalendarExport(pub(in crate::app::chunks) fn(Assessment, String) -> CalendarText);

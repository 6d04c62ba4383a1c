//! The calendar export (`.ics`) of the open assessment: the core's writer
//! (`export::ics`), in its own chunk, fetched the first time a user asks
//! for a calendar, so that neither the first load nor the assessment's
//! views carry it.

use crate::core::export::ics;
use crate::core::Assessment;

/// The calendar of `assessment` as of the day `as_of` (`YYYY-MM-DD`).
pub(super) fn file(assessment: &Assessment, as_of: &str) -> String {
    ics::calendar(assessment, as_of)
}

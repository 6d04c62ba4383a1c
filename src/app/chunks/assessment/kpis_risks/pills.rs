//! The pill classes (colours) of a gap's status and of a risk's severity;
//! the word always comes with the colour.

use crate::core::model::Status;

/// The pill class of a gap status: the word always comes with it.
pub(super) fn status_pill(status: Status) -> &'static str {
    match status {
        Status::Done => "pill pill-ok",
        Status::Partial => "pill pill-warn",
        Status::Missing => "pill pill-danger",
        Status::Accepted | Status::NotApplicable => "pill pill-neutral",
    }
}

/// The pill class of a severity (1–12): high from 8, medium from 4.
pub(super) fn severity_pill(severity: u8) -> &'static str {
    match severity {
        8.. => "pill pill-danger",
        4..=7 => "pill pill-warn",
        _ => "pill pill-neutral",
    }
}

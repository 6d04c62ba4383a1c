//! Which two states the History tab compares: each side's choice, and the
//! pair of them that the milestones' list and the comparison share.

use leptos::prelude::*;

/// One side of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Choice {
    /// The open assessment as it is.
    Now,
    /// The milestone with this id.
    Milestone(String),
    /// The file the user picked.
    File,
}

impl Choice {
    /// The value of its option in a chooser.
    pub(super) fn value(&self) -> String {
        match self {
            Choice::Now => "now".to_string(),
            Choice::File => "file".to_string(),
            Choice::Milestone(id) => format!("milestone:{id}"),
        }
    }

    pub(super) fn from_value(value: &str) -> Choice {
        match value.strip_prefix("milestone:") {
            Some(id) => Choice::Milestone(id.to_string()),
            None if value == "file" => Choice::File,
            None => Choice::Now,
        }
    }
}

/// Which two states the comparison shows, shared by the milestones' list
/// ("Compare with now") and the comparison's own choosers.
#[derive(Clone, Copy)]
pub(super) struct Sides {
    /// `None`: the newest milestone, or now when there is none.
    pub before: RwSignal<Option<Choice>>,
    pub after: RwSignal<Choice>,
}

//! What reading a gaps table says: the preview (the changes per gap, old
//! → new, the rows whose id no gap has, every problem with its row) and
//! what applying it did (how many fields changed, which previewed changes
//! were left out because the assessment changed since).

use std::fmt;

use crate::core::model::{Effort, Evidence, Gap, Priority, Severity, Status};

/// What importing a file would change, and what in it could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// The gaps that would change, in the order of their rows.
    pub gaps: Vec<GapChanges>,
    /// Rows whose id no gap of the assessment has.
    pub unknown: Vec<UnknownRow>,
    /// Everything that could not be read, with its row.
    pub problems: Vec<RowProblem>,
    /// How many data rows were read.
    pub rows: usize,
    /// The legacy encoding the file was read in, when it was not UTF-8.
    pub code_page: Option<String>,
}

impl Preview {
    /// How many fields would change over all gaps.
    pub fn change_count(&self) -> usize {
        self.gaps.iter().map(|g| g.changes.len()).sum()
    }
}

/// The changes of one gap.
#[derive(Clone, Debug, PartialEq)]
pub struct GapChanges {
    /// The row (header = 1) the changes come from.
    pub row: usize,
    /// The gap's id.
    pub id: String,
    /// The gap's title as it is now.
    pub title: String,
    /// Each field that would change.
    pub changes: Vec<Change>,
}

/// One field of one gap: what it is, what it would be.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The field's name as users read it: "Status", "Effort" ….
    pub field: &'static str,
    /// The field as it is now, as the table writes it ("" when empty).
    pub old: String,
    /// The field as it would be.
    pub new: String,
    /// The value [`apply`](super::apply) sets.
    pub value: NewValue,
    /// The field's value when the preview was made: [`apply`](super::apply) leaves the
    /// field alone if it is no longer this.
    pub was: NewValue,
}

/// A field's new value.
#[derive(Clone, Debug, PartialEq)]
pub enum NewValue {
    /// The id of the category.
    Category(String),
    Title(String),
    Status(Status),
    Priority(Priority),
    Severity(Option<Severity>),
    Effort(Option<Effort>),
    Owner(String),
    /// The id of the phase, or none.
    Phase(Option<String>),
    Tags(Vec<String>),
    /// The entries, read from one text (`present::evidence`).
    Evidence(Vec<Evidence>),
    Description(String),
}

impl NewValue {
    /// The field's name as users read it.
    pub(super) fn field(&self) -> &'static str {
        match self {
            NewValue::Category(_) => "Category",
            NewValue::Title(_) => "Title",
            NewValue::Status(_) => "Status",
            NewValue::Priority(_) => "Priority",
            NewValue::Severity(_) => "Severity",
            NewValue::Effort(_) => "Effort",
            NewValue::Owner(_) => "Owner",
            NewValue::Phase(_) => "Phase",
            NewValue::Tags(_) => "Tags",
            NewValue::Evidence(_) => "Evidence",
            NewValue::Description(_) => "Description",
        }
    }

    /// The same field as `gap` has it now.
    pub(super) fn current(&self, gap: &Gap) -> NewValue {
        match self {
            NewValue::Category(_) => NewValue::Category(gap.category.clone()),
            NewValue::Title(_) => NewValue::Title(gap.title.clone()),
            NewValue::Status(_) => NewValue::Status(gap.status),
            NewValue::Priority(_) => NewValue::Priority(gap.priority),
            NewValue::Severity(_) => NewValue::Severity(gap.severity),
            NewValue::Effort(_) => NewValue::Effort(gap.effort.clone()),
            NewValue::Owner(_) => NewValue::Owner(gap.owner.clone()),
            NewValue::Phase(_) => NewValue::Phase(gap.phase.clone()),
            NewValue::Tags(_) => NewValue::Tags(gap.tags.clone()),
            NewValue::Evidence(_) => NewValue::Evidence(gap.evidence.clone()),
            NewValue::Description(_) => NewValue::Description(gap.description.clone()),
        }
    }

    /// Sets the value on `gap`.
    pub(super) fn set(&self, gap: &mut Gap) {
        match self.clone() {
            NewValue::Category(id) => gap.category = id,
            NewValue::Title(text) => gap.title = text,
            NewValue::Status(status) => gap.status = status,
            NewValue::Priority(priority) => gap.priority = priority,
            NewValue::Severity(severity) => gap.severity = severity,
            NewValue::Effort(effort) => gap.effort = effort,
            NewValue::Owner(text) => gap.owner = text,
            NewValue::Phase(id) => gap.phase = id,
            NewValue::Tags(tags) => gap.tags = tags,
            NewValue::Evidence(text) => gap.evidence = text,
            NewValue::Description(text) => gap.description = text,
        }
    }
}

/// A row whose id no gap has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRow {
    /// The row (header = 1).
    pub row: usize,
    /// The id it gives.
    pub id: String,
}

/// Something in the file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The row (header = 1); `None` for the file as a whole.
    pub row: Option<usize>,
    /// What is wrong, and what happens instead, in a sentence or two.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(row) => write!(f, "Row {row}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// What [`apply`](super::apply) did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// How many fields changed.
    pub changed: usize,
    /// The previewed changes left out, because their gap changed or went
    /// after the preview was made.
    pub skipped: Vec<Skipped>,
}

/// A previewed change that [`apply`](super::apply) left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The gap's id.
    pub id: String,
    /// The field ("Status" …), or `None` when the gap itself is gone.
    pub field: Option<&'static str>,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(
                f,
                "Gap \u{201c}{}\u{201d}: its {} changed after the preview, so the file's value was not applied.",
                self.id, field
            ),
            None => {
                write!(f, "Gap \u{201c}{}\u{201d} is gone since the preview; its changes were not applied.", self.id)
            }
        }
    }
}

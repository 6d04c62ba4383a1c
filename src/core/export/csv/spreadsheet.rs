//! The spreadsheet table ([`Layout::Spreadsheet`]): one row per gap and the
//! columns of [`Column`]: what the file holds about a gap, with the category
//! and the phase by name, the checklist as items done and items in all, and
//! the effort in person-days as the core computes it. The CSV importer
//! (`core::import::csv`) reads this table back, finding columns by their
//! header, so a table edited in a spreadsheet can come home.
//!
//! [`Layout::Spreadsheet`]: super::Layout::Spreadsheet

use super::{category_name, phase_name, table};
use crate::core::model::{Assessment, Gap};
use crate::core::present::evidence;
use crate::core::present::query::gap_figures;

/// A column of the spreadsheet table, in the order the table has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Category,
    Title,
    Status,
    Priority,
    Severity,
    EffortMin,
    EffortMax,
    EffortUnit,
    /// Computed: the low end of the effort in person-days.
    EffortDaysLow,
    /// Computed: the high end of the effort in person-days.
    EffortDaysHigh,
    Owner,
    Phase,
    Tags,
    Evidence,
    Description,
    /// How many checklist items are done.
    ChecklistDone,
    /// How many checklist items there are.
    ChecklistItems,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 18] = [
        Column::Id,
        Column::Category,
        Column::Title,
        Column::Status,
        Column::Priority,
        Column::Severity,
        Column::EffortMin,
        Column::EffortMax,
        Column::EffortUnit,
        Column::EffortDaysLow,
        Column::EffortDaysHigh,
        Column::Owner,
        Column::Phase,
        Column::Tags,
        Column::Evidence,
        Column::Description,
        Column::ChecklistDone,
        Column::ChecklistItems,
    ];

    /// The column's header in the table.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Category => "Category",
            Column::Title => "Title",
            Column::Status => "Status",
            Column::Priority => "Priority",
            Column::Severity => "Severity",
            Column::EffortMin => "Effort min",
            Column::EffortMax => "Effort max",
            Column::EffortUnit => "Effort unit",
            Column::EffortDaysLow => "Effort days low",
            Column::EffortDaysHigh => "Effort days high",
            Column::Owner => "Owner",
            Column::Phase => "Phase",
            Column::Tags => "Tags",
            Column::Evidence => "Evidence",
            Column::Description => "Description",
            Column::ChecklistDone => "Checklist done",
            Column::ChecklistItems => "Checklist items",
        }
    }

    /// The column a header names: case, spaces and punctuation do not
    /// matter (`effort_min`, `Effort Min` and `EFFORT-MIN` are one column).
    pub fn from_header(header: &str) -> Option<Column> {
        let wanted = header_key(header);
        Column::ALL.into_iter().find(|c| header_key(c.header()) == wanted)
    }

    /// The cell of `gap` in this column, before formula escaping.
    pub fn cell(self, assessment: &Assessment, gap: &Gap) -> String {
        let effort = gap.effort.as_ref();
        let days = || gap_figures(gap, &assessment.settings).effort_days;
        match self {
            Column::Id => gap.id.clone(),
            Column::Category => category_name(assessment, gap).to_string(),
            Column::Title => gap.title.clone(),
            Column::Status => gap.status.as_str().to_string(),
            Column::Priority => gap.priority.as_str().to_string(),
            Column::Severity => gap.severity.map(|s| s.as_str().to_string()).unwrap_or_default(),
            Column::EffortMin => effort.map(|e| e.min.to_string()).unwrap_or_default(),
            Column::EffortMax => effort.map(|e| e.max.to_string()).unwrap_or_default(),
            Column::EffortUnit => effort.map(|e| e.unit.as_str().to_string()).unwrap_or_default(),
            Column::EffortDaysLow => days().map(|(low, _)| low.to_string()).unwrap_or_default(),
            Column::EffortDaysHigh => days().map(|(_, high)| high.to_string()).unwrap_or_default(),
            Column::Owner => gap.owner.clone(),
            Column::Phase => phase_name(assessment, gap).unwrap_or_default().to_string(),
            Column::Tags => gap.tags.join(", "),
            Column::Evidence => evidence::to_text(&gap.evidence),
            Column::Description => gap.description.clone(),
            Column::ChecklistDone => gap.items.iter().filter(|i| i.done).count().to_string(),
            Column::ChecklistItems => gap.items.len().to_string(),
        }
    }
}

/// A header reduced to what identifies it: lower-case letters and digits.
fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The spreadsheet table: every gap, every column of [`Column`].
pub fn spreadsheet(assessment: &Assessment) -> String {
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    let rows: Vec<Vec<String>> =
        assessment.gaps.iter().map(|gap| Column::ALL.iter().map(|c| c.cell(assessment, gap)).collect()).collect();
    table(&header, &rows, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_loosely() {
        assert_eq!(Column::from_header("effort_min"), Some(Column::EffortMin));
        assert_eq!(Column::from_header(" EFFORT-MIN "), Some(Column::EffortMin));
        assert_eq!(Column::from_header("id"), Some(Column::Id));
        assert_eq!(Column::from_header("Notes"), None);
        for column in Column::ALL {
            assert_eq!(Column::from_header(column.header()), Some(column));
        }
    }
}

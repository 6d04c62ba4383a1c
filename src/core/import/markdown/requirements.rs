//! Requirement tables: rows with a requirement and a status column (`| CI
//! pipeline | ❌ Missing | P0 |`), each read as a gap with the row's status
//! and priority, its other cells kept as notes in its description.

use super::drafts::GapDraft;
use super::findings::clean_title;
use super::importer::Importer;
use super::outline::Table;
use super::phrases;
use super::tables::{cell, is_total, Columns};
use crate::core::model::{Priority, Status};

/// A row of a requirements table.
#[derive(Debug)]
pub(super) struct RequirementRow {
    pub(super) title: String,
    pub(super) status: Status,
    pub(super) priority: Option<Priority>,
    pub(super) notes: Vec<String>,
    pub(super) line: usize,
}

/// The rows of a requirements table as gap rows.
pub(super) fn requirement_rows(table: &Table, default_priority: Option<Priority>) -> Vec<RequirementRow> {
    let columns = Columns::of(table);
    let Some(title_col) = columns.find(&[
        "requirement",
        "control",
        "capability",
        "feature",
        "check",
        "criterion",
        "criteria",
        "item",
        "gap",
    ]) else {
        return Vec::new();
    };
    let status_col = columns.find(&["status", "state", "present", "implemented"]);
    let priority_col = columns.find(&["priority"]);
    let mut rows = Vec::new();
    for row in &table.rows {
        let title = phrases::undecorated(cell(row, title_col));
        if title.is_empty() || is_total(&title) {
            continue;
        }
        let status_text = status_col.map(|c| cell(row, c)).unwrap_or_default();
        let Some(status) = status_cell(status_text) else { continue };
        let priority = priority_col.and_then(|c| phrases::priority_word(cell(row, c))).or(default_priority);
        let mut notes = Vec::new();
        let status_rest = phrases::status_mark(status_text).map_or(status_text, |(_, r)| r).trim();
        if !status_rest.is_empty() {
            notes.push(format!("Status: {status_rest}"));
        }
        for (c, header) in table.head.iter().enumerate() {
            let head = phrases::undecorated(header);
            if [Some(title_col), status_col, priority_col].contains(&Some(c)) || head == "#" || head.is_empty() {
                continue;
            }
            let value = cell(row, c).trim();
            if !value.is_empty() {
                notes.push(format!("{head}: {value}"));
            }
        }
        rows.push(RequirementRow { title, status, priority, notes, line: row.line });
    }
    rows
}

/// The status stated in a table cell: a word where there is one (`❌ Partial`
/// is partial), else the mark.
fn status_cell(text: &str) -> Option<Status> {
    let mark = phrases::status_mark(text);
    let rest = mark.map_or(text, |(_, rest)| rest);
    let word =
        phrases::status_word(rest).filter(|s| *s == Status::Partial || mark.is_none() || *s == Status::NotApplicable);
    word.or(mark.map(|(s, _)| s))
}

impl<'t> Importer<'t> {
    /// A row of a requirements table as a gap, in the category its title or headings name.
    pub(super) fn add_requirement_row(&mut self, row: RequirementRow, path: &[String]) {
        // Markers in the title (`CI pipeline (P0)`) stand in for columns the table lacks.
        let (title, priority, _) = phrases::title_markers(&row.title);
        let category = self.category_for(path, Some(&title), false, row.line);
        let mut gap = GapDraft::new(category, clean_title(&title), row.status, row.line);
        gap.priority = row.priority.or(priority);
        gap.description = row.notes;
        self.gaps.push(gap);
    }
}

//! Gaps as CSV (RFC 4180, through the `csv` crate): a table for spreadsheets,
//! and backlogs in the column layouts that Jira, GitHub Issues and Azure
//! DevOps import. What `gapmap report --format csv|jira|github|azure-devops`
//! prints and the app's "More exports" menu saves.
//!
//! This file holds what every layout shares: the [`Layout`]s and [`write()`],
//! the escaping of formulas, the names of a gap's category and phase, and
//! the writing of rows as CSV. Each kind of table is laid out in a file of
//! its own under `csv/`, re-exported here:
//!
//! - [`spreadsheet()`] (`spreadsheet.rs`): one row per gap, every column of
//!   [`Column`]; the CSV importer (`core::import::csv`) reads it back.
//! - [`jira`], [`github`], [`azure_devops`] (`backlog.rs`): one row per open
//!   gap, in the columns each tool's importer takes.
//!
//! **Formula injection.** A spreadsheet runs a cell that begins with `=`,
//! `+`, `-` or `@` (and some also one that begins with a tab or a carriage
//! return) as a formula, so a title like `=HYPERLINK(..)` could act when the
//! file is opened. Every cell written here that begins with one of those
//! characters gets a leading `'`, which spreadsheets read as "this is text"
//! (the OWASP advice): `=1+1` is written `'=1+1`. The importer removes that
//! quote again; so that it removes only that one, a text that itself begins
//! with `'` and then one of those characters or another `'` gets one more
//! (`'=x` is written `''=x`).
//!
//! Lines end in CRLF, as RFC 4180 says; cells are quoted only when needed.
//! The spreadsheet table starts with a UTF-8 byte order mark, without which
//! Excel reads accented letters wrongly; the backlogs do not, as importers
//! may take it for part of the first header.

mod backlog;
mod spreadsheet;

pub use backlog::{azure_devops, azure_priority, github, jira, jira_priority};
pub use spreadsheet::{spreadsheet, Column};

use std::borrow::Cow;

use crate::core::model::{Assessment, Gap};

/// The column layouts this module writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Every gap with every field, for spreadsheets; the importer reads it back.
    Spreadsheet,
    /// Open gaps for Jira's CSV importer.
    Jira,
    /// Open gaps for GitHub Issues' CSV importers.
    GitHub,
    /// Open gaps for Azure DevOps' work item import.
    AzureDevOps,
}

impl Layout {
    /// Every layout, in the order menus list them.
    pub const ALL: [Layout; 4] = [Layout::Spreadsheet, Layout::Jira, Layout::GitHub, Layout::AzureDevOps];

    /// The name `gapmap report --format` takes.
    pub fn format_name(self) -> &'static str {
        match self {
            Layout::Spreadsheet => "csv",
            Layout::Jira => "jira",
            Layout::GitHub => "github",
            Layout::AzureDevOps => "azure-devops",
        }
    }

    /// Reads a `--format` name.
    pub fn from_format_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.format_name() == name)
    }

    /// What a file name adds to the assessment's title, so that the four
    /// files of one assessment do not overwrite each other: `-jira` ….
    pub fn file_suffix(self) -> &'static str {
        match self {
            Layout::Spreadsheet => "",
            Layout::Jira => "-jira",
            Layout::GitHub => "-github",
            Layout::AzureDevOps => "-azure-devops",
        }
    }
}

/// The CSV of an assessment's gaps in `layout`.
pub fn write(assessment: &Assessment, layout: Layout) -> String {
    match layout {
        Layout::Spreadsheet => spreadsheet(assessment),
        Layout::Jira => jira(assessment),
        Layout::GitHub => github(assessment),
        Layout::AzureDevOps => azure_devops(assessment),
    }
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell made safe to open in a spreadsheet: a leading `'` before a cell
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return. A cell
/// that really begins with a `'` the importer would take off (`'=x`, `''`)
/// gets one more, so that [`unescape_formula`] gives back exactly the text.
pub fn escape_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || unescape_formula(cell).len() != cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`escape_formula`]: one leading `'` goes when a formula character
/// or another `'` follows it. A `'` before plain text (`'quoted'`) stays:
/// the export never adds one there.
pub fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// The name of a gap's category (its id when no category has that id).
fn category_name<'a>(assessment: &'a Assessment, gap: &'a Gap) -> &'a str {
    assessment.category(&gap.category).map_or(gap.category.as_str(), |c| c.name.as_str())
}

/// The name of a gap's phase (its id when no phase has that id).
fn phase_name<'a>(assessment: &'a Assessment, gap: &'a Gap) -> Option<&'a str> {
    let id = gap.phase.as_deref()?;
    Some(assessment.phase(id).map_or(id, |p| p.name.as_str()))
}

/// Rows written as CSV, every cell escaped against formulas.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>], byte_order_mark: bool) -> String {
    let mut out = Vec::with_capacity(128 * (rows.len() + 1));
    if byte_order_mark {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    // Writing to memory cannot fail; if it ever did, the rows before the
    // failure would be kept rather than the export panicking.
    let _ = writer.write_record(header.iter().map(|h| escape_formula(h).into_owned()));
    for row in rows {
        if writer.write_record(row.iter().map(|cell| escape_formula(cell).into_owned())).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().map(|v| v.to_vec()).unwrap_or_default();
    // Every cell is a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_escape_round_trips() {
        for (cell, escaped) in [
            ("=1+1", "'=1+1"),
            ("+44 20", "'+44 20"),
            ("-3", "'-3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("plain", "plain"),
            ("'quoted", "'quoted"),
            ("", ""),
        ] {
            assert_eq!(escape_formula(cell), escaped, "{cell:?}");
            assert_eq!(unescape_formula(&escape_formula(cell)), cell, "{cell:?}");
        }
    }
}

//! A gaps table edited in a spreadsheet, read back: the CSV that
//! `export::csv` writes for spreadsheets, matched to the assessment's gaps
//! by gap id.
//!
//! Reading is in two steps, so that nothing changes before the user has seen
//! what will. [`preview`] reads the file and lists, per gap, each field whose
//! cell differs from the gap (old → new), the rows whose id no gap has, and
//! every problem with its row number (as a spreadsheet numbers rows: the
//! header is row 1). [`apply`] then makes the previewed changes and no
//! other.
//!
//! Columns are found by their header ([`Column::from_header`]: case, spaces
//! and punctuation do not matter), in any order; a column that is missing
//! leaves its field alone, and so does a row too short to reach it. The ID
//! column is the one that must be there. The computed columns (effort in
//! days, checklist counts) are read only to say that changing them does
//! nothing. A cell equal to what the export writes for the gap is no change,
//! whatever it would parse to: a table exported and imported untouched
//! previews no change. The `'` that the export puts before a cell beginning
//! with `=`, `+`, `-`, `@`, a tab, a carriage return or another `'` is taken
//! off. A row with more cells than the header is skipped, with a problem: a
//! separator typed inside a cell would otherwise shift every later field.
//!
//! The file may be UTF-8 (with or without a byte order mark), UTF-16 or
//! Windows-1252 (what spreadsheets save), separated by commas, semicolons or
//! tabs (whichever the header line has most of). In a file separated by
//! semicolons, which spreadsheets write where the comma is the decimal
//! point, numbers are read that way: `0,125` is an eighth, `1.000,5` a
//! thousand and a half, and `1.500` (a thousand and a half, or one and a
//! half?) is a problem rather than a guess. It is read up to [`MAX_BYTES`]
//! and [`MAX_ROWS`]; nothing in it can make this panic.
//!
//! The assessment may change between the preview and [`apply`] (an edit in
//! another tab, an Undo): `apply` makes a change only if the field is still
//! what the preview saw, and reports the others.
//!
//! `changes` holds what the preview and [`apply`] report; `row` reads one
//! row against its gap.

mod changes;
mod row;

use std::collections::HashSet;

use crate::core::export::csv::{unescape_formula, Column};
use crate::core::format::MAX_FILE_BYTES;
use crate::core::import::encoding;
use crate::core::model::Assessment;

pub use changes::{Applied, Change, GapChanges, NewValue, Preview, RowProblem, Skipped, UnknownRow};
use row::RowReading;

/// The largest file read.
pub const MAX_BYTES: usize = MAX_FILE_BYTES;

/// The most data rows read; the rest of a longer file is left out, and said so.
pub const MAX_ROWS: usize = 50_000;

/// Reads a gaps table and says what importing it into `assessment` would
/// change. Changes nothing.
pub fn preview(assessment: &Assessment, bytes: &[u8]) -> Preview {
    let mut preview = Preview::default();
    let file_problem = |preview: &mut Preview, message: String| {
        preview.problems.push(RowProblem { row: None, message });
    };
    if bytes.len() > MAX_BYTES {
        file_problem(
            &mut preview,
            format!("The file is larger than {} MB, which is the most Gapmap imports.", MAX_BYTES / 1_048_576),
        );
        return preview;
    }
    let decoded = encoding::decode(bytes);
    preview.code_page = decoded.code_page.map(encoding::display_name);
    let text = decoded.text.as_ref();
    let separator = delimiter(text);
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            file_problem(&mut preview, format!("The header row cannot be read: {e}."));
            return preview;
        }
        None => {
            file_problem(&mut preview, "The file is empty: there is no header row.".to_string());
            return preview;
        }
    };
    let columns: Vec<Option<Column>> = header.iter().map(Column::from_header).collect();
    let Some(id_column) = columns.iter().position(|c| *c == Some(Column::Id)) else {
        file_problem(
            &mut preview,
            "No column is headed \u{201c}ID\u{201d}, so no row can be matched to a gap; nothing is imported."
                .to_string(),
        );
        return preview;
    };
    // A column named twice: the first one counts.
    let mut seen = HashSet::new();
    let columns: Vec<Option<Column>> = columns.into_iter().map(|c| c.filter(|c| seen.insert(*c))).collect();

    let mut ids_seen: HashSet<String> = HashSet::new();
    for (index, record) in records.enumerate() {
        let row = index + 2;
        if index >= MAX_ROWS {
            file_problem(
                &mut preview,
                format!("The file has more than {MAX_ROWS} rows; rows after row {} are not read.", MAX_ROWS + 1),
            );
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                preview.problems.push(RowProblem { row: Some(row), message: format!("cannot be read: {e}.") });
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        preview.rows += 1;
        if record.len() > header.len() {
            preview.problems.push(RowProblem {
                row: Some(row),
                message: format!(
                    "has {} cells but the header has {}, so its cells cannot be matched to columns (a separator \
                     inside a cell that is not in quotes?); it is skipped.",
                    record.len(),
                    header.len()
                ),
            });
            continue;
        }
        let id = unescape_formula(record.get(id_column).unwrap_or_default().trim()).to_string();
        if id.is_empty() {
            preview.problems.push(RowProblem { row: Some(row), message: "has no ID; it is skipped.".to_string() });
            continue;
        }
        if !ids_seen.insert(id.clone()) {
            preview.problems.push(RowProblem {
                row: Some(row),
                message: format!("gap \u{201c}{id}\u{201d} has a row above already; this row is skipped."),
            });
            continue;
        }
        let Some(gap) = assessment.gap(&id) else {
            preview.unknown.push(UnknownRow { row, id });
            continue;
        };
        let cells = columns.iter().zip(record.iter()).filter_map(|(c, cell)| c.map(|c| (c, cell)));
        let decimal_comma = separator == b';';
        let mut reading = RowReading { assessment, gap, row, decimal_comma, changes: Vec::new(), problems: Vec::new() };
        reading.read(cells);
        preview.problems.append(&mut reading.problems);
        if !reading.changes.is_empty() {
            preview.gaps.push(GapChanges { row, id, title: gap.title.clone(), changes: reading.changes });
        }
    }
    preview
}

/// Makes the changes of a preview, each only if its field still holds what
/// the preview saw ([`Change::was`]): a field changed since (in another tab,
/// by an Undo) keeps its new value, and a gap gone since is left out; both
/// are listed in [`Applied::skipped`].
pub fn apply(assessment: &mut Assessment, preview: &Preview) -> Applied {
    let mut applied = Applied::default();
    for gap_changes in &preview.gaps {
        let Some(gap) = assessment.gaps.iter_mut().find(|g| g.id == gap_changes.id) else {
            applied.skipped.push(Skipped { id: gap_changes.id.clone(), field: None });
            continue;
        };
        for change in &gap_changes.changes {
            if change.value.current(gap) == change.was {
                change.value.set(gap);
                applied.changed += 1;
            } else {
                applied.skipped.push(Skipped { id: gap_changes.id.clone(), field: Some(change.field) });
            }
        }
    }
    applied
}

/// The separator the header line uses most: comma, semicolon or tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .fold((b',', 0), |best, (d, n)| if n > best.1 { (d, n) } else { best })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_separator() {
        assert_eq!(delimiter("ID,Title\n"), b',');
        assert_eq!(delimiter("ID;Title;Status\nx,y"), b';');
        assert_eq!(delimiter("ID\tTitle"), b'\t');
        assert_eq!(delimiter(""), b',');
    }
}

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

use std::collections::HashSet;
use std::fmt;

use crate::core::display;
use crate::core::export::csv::{unescape_formula, Column};
use crate::core::format::MAX_FILE_BYTES;
use crate::core::import::encoding;
use crate::core::model::{Assessment, Effort, EffortUnit, Gap, Priority, Severity, Status};

/// The largest file read.
pub const MAX_BYTES: usize = MAX_FILE_BYTES;

/// The most data rows read; the rest of a longer file is left out, and said so.
pub const MAX_ROWS: usize = 50_000;

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
    /// The value [`apply`] sets.
    pub value: NewValue,
    /// The field's value when the preview was made: [`apply`] leaves the
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
    Evidence(String),
    Description(String),
}

impl NewValue {
    fn field(&self) -> &'static str {
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
    fn current(&self, gap: &Gap) -> NewValue {
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
    fn set(&self, gap: &mut Gap) {
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

/// What [`apply`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// How many fields changed.
    pub changed: usize,
    /// The previewed changes left out, because their gap changed or went
    /// after the preview was made.
    pub skipped: Vec<Skipped>,
}

/// A previewed change that [`apply`] left out.
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

/// The reading of one row against its gap.
struct RowReading<'a> {
    assessment: &'a Assessment,
    gap: &'a Gap,
    row: usize,
    /// The file is separated by semicolons: a comma in a number is the
    /// decimal point.
    decimal_comma: bool,
    changes: Vec<Change>,
    problems: Vec<RowProblem>,
}

impl RowReading<'_> {
    fn problem(&mut self, message: String) {
        self.problems.push(RowProblem { row: Some(self.row), message });
    }

    fn change(&mut self, old: String, new: String, value: NewValue) {
        let was = value.current(self.gap);
        self.changes.push(Change { field: value.field(), old, new, value, was });
    }

    fn read<'c>(&mut self, cells: impl Iterator<Item = (Column, &'c str)>) {
        let (a, gap) = (self.assessment, self.gap);
        let mut effort: [Option<&str>; 3] = [None; 3];
        for (column, raw) in cells {
            let cell = unescape_formula(raw);
            let current = column.cell(a, gap);
            // Untouched cells change nothing, whatever they would parse to.
            if cell == current || cell.trim() == current.trim() {
                continue;
            }
            let trimmed = cell.trim();
            match column {
                Column::Id => {}
                Column::EffortMin => effort[0] = Some(trimmed),
                Column::EffortMax => effort[1] = Some(trimmed),
                Column::EffortUnit => effort[2] = Some(trimmed),
                Column::EffortDaysLow | Column::EffortDaysHigh | Column::ChecklistDone | Column::ChecklistItems => {
                    self.problem(format!(
                        "\u{201c}{}\u{201d} is computed by Gapmap, so its change is ignored.",
                        column.header()
                    ));
                }
                Column::Title => self.change(current, cell.to_string(), NewValue::Title(cell.to_string())),
                Column::Owner => self.change(current, cell.to_string(), NewValue::Owner(cell.to_string())),
                Column::Evidence => self.change(current, cell.to_string(), NewValue::Evidence(cell.to_string())),
                Column::Description => self.change(current, cell.to_string(), NewValue::Description(cell.to_string())),
                Column::Status => match parse_status(trimmed) {
                    Some(status) if status != gap.status => {
                        self.change(current, status.as_str().to_string(), NewValue::Status(status))
                    }
                    Some(_) => {}
                    None => self.problem(format!(
                        "\u{201c}{trimmed}\u{201d} is not a status (one of {}); the status stays {}.",
                        words(Status::ALL.iter().map(|s| s.as_str())),
                        gap.status
                    )),
                },
                Column::Priority => match Priority::parse(&trimmed.to_uppercase()) {
                    Some(priority) if priority != gap.priority => {
                        self.change(current, priority.as_str().to_string(), NewValue::Priority(priority))
                    }
                    Some(_) => {}
                    None => self.problem(format!(
                        "\u{201c}{trimmed}\u{201d} is not a priority (P0, P1, P2 or P3); the priority stays {}.",
                        gap.priority
                    )),
                },
                Column::Severity => {
                    let parsed = if trimmed.is_empty() { Some(None) } else { parse_keyword(trimmed).map(Some) };
                    match parsed {
                        Some(severity) if severity != gap.severity => self.change(
                            current,
                            severity.map(|s| s.as_str().to_string()).unwrap_or_default(),
                            NewValue::Severity(severity),
                        ),
                        Some(_) => {}
                        None => self.problem(format!(
                            "\u{201c}{trimmed}\u{201d} is not a severity ({}, or empty); the severity is left as it is.",
                            words(Severity::ALL.iter().map(|s| s.as_str()))
                        )),
                    }
                }
                Column::Category => self.category(current, trimmed),
                Column::Phase => self.phase(current, trimmed),
                Column::Tags => {
                    let tags: Vec<String> =
                        trimmed.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect();
                    if tags != gap.tags {
                        self.change(current, tags.join(", "), NewValue::Tags(tags));
                    }
                }
            }
        }
        if effort.iter().any(Option::is_some) {
            self.effort(effort);
        }
    }

    fn category(&mut self, current: String, name: &str) {
        let a = self.assessment;
        let found = a
            .categories
            .iter()
            .find(|c| c.name == name)
            .or_else(|| a.categories.iter().find(|c| c.name.to_lowercase() == name.to_lowercase()))
            .or_else(|| a.category(name));
        match found {
            Some(category) if category.id != self.gap.category => {
                self.change(current, category.name.clone(), NewValue::Category(category.id.clone()))
            }
            Some(_) => {}
            None => self.problem(format!(
                "there is no category \u{201c}{name}\u{201d}; the gap stays in {}.",
                if current.is_empty() { "its category" } else { &current }
            )),
        }
    }

    fn phase(&mut self, current: String, name: &str) {
        let a = self.assessment;
        if name.is_empty() {
            if self.gap.phase.is_some() {
                self.change(current, String::new(), NewValue::Phase(None));
            }
            return;
        }
        let found = a
            .phases
            .iter()
            .find(|p| p.name == name)
            .or_else(|| a.phases.iter().find(|p| p.name.to_lowercase() == name.to_lowercase()))
            .or_else(|| a.phase(name));
        match found {
            Some(phase) if Some(&phase.id) != self.gap.phase.as_ref() => {
                self.change(current, phase.name.clone(), NewValue::Phase(Some(phase.id.clone())))
            }
            Some(_) => {}
            None => self.problem(format!(
                "there is no phase \u{201c}{name}\u{201d} in the roadmap; the gap's phase is left as it is."
            )),
        }
    }

    /// The effort from its three cells; `None` in a cell: its column is
    /// missing or unchanged, so the gap's own value counts.
    fn effort(&mut self, cells: [Option<&str>; 3]) {
        let old = self.gap.effort.as_ref();
        let [min, max, unit] = cells;
        let min = min.map(str::to_string).or_else(|| old.map(|e| e.min.to_string())).unwrap_or_default();
        let max = max.map(str::to_string).or_else(|| old.map(|e| e.max.to_string())).unwrap_or_default();
        let unit = unit.map(str::to_string).or_else(|| old.map(|e| e.unit.as_str().to_string())).unwrap_or_default();
        let keep = "the effort is left as it is";
        let new = if min.is_empty() && max.is_empty() && unit.is_empty() {
            None
        } else {
            let parse: fn(&str) -> Result<Option<f64>, String> =
                if self.decimal_comma { display::parse_decimal_comma } else { display::parse_number };
            let number = |text: &str, end: &str| match parse(text) {
                Ok(Some(value)) if value >= 0.0 => Ok(value),
                Ok(Some(value)) => Err(format!("the effort's {end} cannot be negative ({value}); {keep}.")),
                Ok(None) => Err(format!(
                    "the effort has no {end}; give a minimum, a maximum and a unit, or none of them ({keep})."
                )),
                Err(e) => Err(format!("the effort's {end}: {e} {}", capitalised(keep))),
            };
            let parsed = number(&min, "minimum").and_then(|lo| number(&max, "maximum").map(|hi| (lo, hi)));
            let (lo, hi) = match parsed {
                Ok(bounds) => bounds,
                Err(message) => return self.problem(message),
            };
            if lo > hi {
                return self.problem(format!("the effort's minimum {lo} is above its maximum {hi}; {keep}."));
            }
            let Some(unit) = parse_unit(&unit) else {
                return self
                    .problem(format!("\u{201c}{unit}\u{201d} is not an effort unit (hours, days or weeks); {keep}."));
            };
            Some(Effort { min: lo, max: hi, unit, extra: old.map(|e| e.extra.clone()).unwrap_or_default() })
        };
        if new.as_ref().map(|e| (e.min, e.max, e.unit)) != old.map(|e| (e.min, e.max, e.unit)) {
            self.change(effort_text(old), effort_text(new.as_ref()), NewValue::Effort(new));
        }
    }
}

/// An effort as the preview shows it: `3–5 days`, or "" for none.
fn effort_text(effort: Option<&Effort>) -> String {
    effort.map(|e| format!("{} {}", display::range(e.min, e.max), e.unit.as_str())).unwrap_or_default()
}

/// A keyword as a person may type it: any case, spaces or dashes for `_`.
fn parse_keyword<K: crate::core::model::Keyword>(text: &str) -> Option<K> {
    let normal: String =
        text.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    K::parse(&normal)
}

fn parse_status(text: &str) -> Option<Status> {
    parse_keyword(text).or_else(|| match text.trim().to_lowercase().as_str() {
        "n/a" | "na" => Some(Status::NotApplicable),
        _ => None,
    })
}

/// An effort unit, singular or plural: `day` and `Days` are days.
fn parse_unit(text: &str) -> Option<EffortUnit> {
    let text = text.trim().to_lowercase();
    EffortUnit::parse(&text).or_else(|| EffortUnit::parse(&format!("{text}s")))
}

/// `a, b or c`.
fn words<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let words: Vec<&str> = words.collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
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

    #[test]
    fn reads_keywords_as_typed() {
        assert_eq!(parse_status("Not applicable"), Some(Status::NotApplicable));
        assert_eq!(parse_status(" DONE "), Some(Status::Done));
        assert_eq!(parse_status("n/a"), Some(Status::NotApplicable));
        assert_eq!(parse_status("finished"), None);
        assert_eq!(parse_unit("Day"), Some(EffortUnit::Days));
        assert_eq!(parse_unit("weeks"), Some(EffortUnit::Weeks));
        assert_eq!(parse_unit("months"), None);
    }
}

//! The reading of one row against its gap: each cell that differs from what
//! the export writes for the gap is parsed as its field (status, priority
//! and severity as a person may type them, the effort from its three cells,
//! a category or phase by name) into a change, or into a problem that says
//! what stays as it is.

use crate::core::export::csv::{unescape_formula, Column};
use crate::core::model::{Assessment, Effort, EffortUnit, Gap, Priority, Severity, Status};
use crate::core::present::{display, evidence};

use super::changes::{Change, NewValue, RowProblem};

/// The reading of one row against its gap.
pub(super) struct RowReading<'a> {
    pub(super) assessment: &'a Assessment,
    pub(super) gap: &'a Gap,
    pub(super) row: usize,
    /// The file is separated by semicolons: a comma in a number is the
    /// decimal point.
    pub(super) decimal_comma: bool,
    pub(super) changes: Vec<Change>,
    pub(super) problems: Vec<RowProblem>,
}

impl RowReading<'_> {
    fn problem(&mut self, message: String) {
        self.problems.push(RowProblem { row: Some(self.row), message });
    }

    fn change(&mut self, old: String, new: String, value: NewValue) {
        let was = value.current(self.gap);
        self.changes.push(Change { field: value.field(), old, new, value, was });
    }

    /// Reads the row's cells, column by column, into changes and problems.
    pub(super) fn read<'c>(&mut self, cells: impl Iterator<Item = (Column, &'c str)>) {
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
                Column::Evidence => {
                    self.change(current, cell.to_string(), NewValue::Evidence(evidence::from_text(cell)))
                }
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

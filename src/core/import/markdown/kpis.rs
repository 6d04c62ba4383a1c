//! KPI tables: a metric per row with its current value and a target per
//! phase (`Phase 2 Target`), read with their unit and the direction that is
//! better. Values written as words (`Manual`, `Daily`), or as a number in
//! another unit than the KPI's, are kept as the words written, and so are
//! words in quotes (`"< 5 min"`, as Gapmap's report writes words that begin
//! as a number); `(met)` after a value (as the report writes it) ticks the
//! target as met.

use super::drafts::KpiDraft;
use super::importer::Importer;
use super::outline::Table;
use super::phrases;
use super::tables::{cell, Columns};
use crate::core::model::{Better, KpiValue};

impl<'t> Importer<'t> {
    /// A KPI table: one KPI per row.
    pub(super) fn read_kpis(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["metric", "kpi", "measure", "indicator"]).unwrap_or(0);
        let current_col = columns.find(&["current", "baseline", "today", "now", "actual"]);
        let unit_col = columns.find(&["unit"]);
        let better_col = columns.find(&["better", "direction"]);
        let mut target_cols: Vec<(usize, usize)> = table
            .head
            .iter()
            .enumerate()
            .filter(|(c, _)| {
                *c != name_col && Some(*c) != current_col && Some(*c) != unit_col && Some(*c) != better_col
            })
            .filter_map(|(c, h)| self.phase_named(h).map(|p| (c, p)))
            .collect();
        if target_cols.is_empty() {
            if let (Some(c), Some(last)) = (columns.find(&["target", "goal"]), self.phases.len().checked_sub(1)) {
                self.guessed(table.span.line, "The KPI targets name no phase: set for the last phase.");
                target_cols.push((c, last));
            }
        }
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() {
                continue;
            }
            let mut kpi = KpiDraft {
                name: name.clone(),
                unit: unit_col.map(|c| cell(row, c).trim().to_string()).unwrap_or_default(),
                current: None,
                better: better_col.and_then(|c| match cell(row, c).trim().to_lowercase().as_str() {
                    "higher" | "up" | "increase" | "more" => Some(Better::Higher),
                    "lower" | "down" | "decrease" | "less" => Some(Better::Lower),
                    _ => None,
                }),
                targets: Vec::new(),
            };
            let mut comparators = Vec::new();
            // A cell's value and whether it is ticked as met.
            let mut read = |kpi: &mut KpiDraft, text: &str| -> Option<(KpiValue, bool)> {
                let (text, met) = without_met(text.trim());
                if text.is_empty() || text == "—" || text == "-" {
                    return None;
                }
                // Words in quotes are words, even those that begin as a number.
                let quoted = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
                if let Some(words) = quoted.filter(|t| !t.trim().is_empty()) {
                    return Some((KpiValue::Text(words.to_string()), met));
                }
                let words = || Some((KpiValue::Text(text.to_string()), met));
                let Some((value, unit, comparator)) = kpi_value(text) else { return words() };
                if kpi.unit.is_empty() {
                    kpi.unit = unit.clone();
                }
                if !unit.is_empty() && unit != kpi.unit {
                    return words();
                }
                if let Some(c) = comparator {
                    comparators.push(c);
                }
                Some((KpiValue::Number(value), met))
            };
            if let Some(c) = current_col {
                kpi.current = read(&mut kpi, cell(row, c)).map(|(value, _)| value);
            }
            for &(c, phase) in &target_cols {
                if let Some((value, met)) = read(&mut kpi, cell(row, c)) {
                    kpi.targets.push((phase, value, met));
                }
            }
            if kpi.better.is_none() {
                kpi.better = if comparators.contains(&'<') {
                    Some(Better::Lower)
                } else if comparators.contains(&'>') {
                    Some(Better::Higher)
                } else {
                    let numbers = || kpi.targets.iter().filter_map(|t| t.1.number());
                    let first = kpi.current.as_ref().and_then(KpiValue::number).or_else(|| numbers().next());
                    let last = numbers().next_back();
                    match (first, last) {
                        (Some(a), Some(b)) if b < a => Some(Better::Lower),
                        _ => None,
                    }
                };
            }
            self.kpis.push(kpi);
        }
        self.recognised(table.span.line, format!("A KPI table of {} KPI(s).", table.rows.len()));
    }
}

/// A cell without a trailing `(met)`, and whether it had one.
fn without_met(text: &str) -> (&str, bool) {
    const MET: &str = "(met)";
    match text.len().checked_sub(MET.len()).and_then(|at| Some((text.get(..at)?, text.get(at..)?))) {
        Some((rest, tail)) if tail.eq_ignore_ascii_case(MET) => (rest.trim_end(), true),
        _ => (text, false),
    }
}

/// A KPI value: `37%`, `<30 min`, `99.9%`, `30ms (claimed)`, `2 (SOC2, ISO)`.
/// Returns the number, its unit and a comparator (`<` or `>`).
fn kpi_value(text: &str) -> Option<(f64, String, Option<char>)> {
    let text = text.trim();
    let (comparator, rest) = match text.chars().next()? {
        '<' | '≤' => (Some('<'), &text[text.chars().next()?.len_utf8()..]),
        '>' | '≥' => (Some('>'), &text[text.chars().next()?.len_utf8()..]),
        _ => (None, text),
    };
    let rest = rest.trim_start_matches('=').trim_start();
    let (value, after) = phrases::number(rest)?;
    let after = phrases::remove_bracketed(after, '(', ')');
    let after = after.trim();
    let (unit, tail) = match after.strip_prefix('%') {
        Some(tail) => ("%".to_string(), tail.trim().to_string()),
        None => {
            let unit: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '/').collect();
            let tail = after[unit.len()..].trim().to_string();
            (normalise_unit(&unit), tail)
        }
    };
    // `+` in `80%+` means "at least".
    let comparator = comparator.or_else(|| tail.starts_with('+').then_some('>'));
    let tail = tail.trim_start_matches('+').trim();
    (tail.is_empty() || tail.split_whitespace().count() <= 1).then_some((value, unit, comparator))
}

fn normalise_unit(unit: &str) -> String {
    match unit.to_lowercase().as_str() {
        "hour" | "hours" | "hr" | "hrs" | "h" => "hours".to_string(),
        "minute" | "minutes" | "min" | "mins" => "min".to_string(),
        "day" | "days" => "days".to_string(),
        "week" | "weeks" => "weeks".to_string(),
        "second" | "seconds" | "sec" | "s" => "s".to_string(),
        _ => unit.to_string(),
    }
}

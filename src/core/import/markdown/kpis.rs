//! KPI tables: a metric per row with its current value and a target per
//! phase (`Phase 2 Target`), read with their unit and the direction that is
//! better; values written as words (`Manual`) are kept as stated text.

use serde_json::Value;

use super::drafts::KpiDraft;
use super::importer::Importer;
use super::outline::Table;
use super::phrases;
use super::tables::{cell, cell_or, Columns};
use crate::core::model::Better;

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
                stated: serde_json::Map::new(),
            };
            let mut comparators = Vec::new();
            let mut read = |kpi: &mut KpiDraft, header: &str, text: &str| -> Option<f64> {
                let text = text.trim();
                if text.is_empty() || text == "—" || text == "-" {
                    return None;
                }
                match kpi_value(text) {
                    Some((value, unit, comparator)) => {
                        if kpi.unit.is_empty() {
                            kpi.unit = unit.clone();
                        }
                        if !unit.is_empty() && unit != kpi.unit {
                            kpi.stated.insert(header.to_string(), Value::from(text));
                            return None;
                        }
                        if let Some(c) = comparator {
                            comparators.push(c);
                        }
                        Some(value)
                    }
                    None => {
                        kpi.stated.insert(header.to_string(), Value::from(text));
                        None
                    }
                }
            };
            if let Some(c) = current_col {
                kpi.current = read(&mut kpi, cell_or(&table.head, c), cell(row, c));
            }
            for &(c, phase) in &target_cols {
                if let Some(value) = read(&mut kpi, cell_or(&table.head, c), cell(row, c)) {
                    kpi.targets.push((phase, value));
                }
            }
            if kpi.better.is_none() {
                kpi.better = if comparators.contains(&'<') {
                    Some(Better::Lower)
                } else if comparators.contains(&'>') {
                    Some(Better::Higher)
                } else {
                    let first = kpi.current.or_else(|| kpi.targets.first().map(|t| t.1));
                    let last = kpi.targets.last().map(|t| t.1);
                    match (first, last) {
                        (Some(a), Some(b)) if b < a => Some(Better::Lower),
                        _ => None,
                    }
                };
            }
            if !kpi.stated.is_empty() {
                let words: Vec<String> =
                    kpi.stated.iter().map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or_default())).collect();
                self.skipped(
                    row.line,
                    format!("KPI \"{name}\": values that are not numbers kept as text ({}).", words.join(", ")),
                );
            }
            self.kpis.push(kpi);
        }
        self.recognised(table.span.line, format!("A KPI table of {} KPI(s).", table.rows.len()));
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

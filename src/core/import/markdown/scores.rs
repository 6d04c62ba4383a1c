//! Stated scores: the overall score, and category scores from lists, text
//! bars, plain code blocks drawn as charts, and score tables. A category
//! with a stated score keeps it as its manual score; a score stated twice
//! differently is a warning, and the first one is kept.

use super::importer::Importer;
use super::outline::{Code, Line, List, Table};
use super::phrases;
use super::tables::{cell, is_total, plain_score, Columns};

impl<'t> Importer<'t> {
    /// A list whose every item is a category score: read and consumed.
    pub(super) fn scan_score_list(&mut self, list: &List) -> bool {
        let scores: Option<Vec<(String, f64, usize)>> = list
            .items
            .iter()
            .map(|item| {
                if item.lines.len() != 1 || !item.children.is_empty() {
                    return None;
                }
                let line = &item.lines[0];
                let (name, value) = phrases::score_line(&line.text)?;
                (!phrases::stems(&name).is_empty()).then_some((name, value, line.number))
            })
            .collect();
        let Some(scores) = scores.filter(|s| !s.is_empty()) else { return false };
        let has_bar = list.items.iter().any(|i| i.lines.iter().any(|l| l.text.contains(['█', '░'])));
        if scores.len() < 2 && !has_bar {
            return false;
        }
        for (name, value, line) in scores {
            if phrases::is_overall_label(&name) {
                self.overall.push((value, line));
            } else {
                self.add_category_score(&name, value, line);
            }
        }
        true
    }

    /// A plain code block of score lines (a text chart): read and consumed.
    pub(super) fn scan_score_code(&mut self, code: &Code) -> bool {
        if !code.is_plain() {
            return false;
        }
        let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
        let mut scores = Vec::new();
        let mut overall = Vec::new();
        for line in &lines {
            if let Some(value) = phrases::overall_statement(&line.text) {
                overall.push((value, line.number));
            } else if let Some((name, value)) = phrases::score_line(&line.text) {
                if phrases::stems(&name).is_empty() {
                    return false;
                }
                scores.push((name, value, line.number));
            } else {
                return false;
            }
        }
        let has_bar = lines.iter().any(|l| l.text.contains(['█', '░', '▓', '▒', '■', '□']));
        if scores.is_empty() || (scores.len() < 2 && !has_bar) {
            return false;
        }
        self.guessed(code.span.line, "Read the code block as a chart of scores.");
        self.overall.extend(overall);
        for (name, value, line) in scores {
            self.add_category_score(&name, value, line);
        }
        true
    }

    /// Adds or updates a category with a stated score; `None` for a score
    /// outside 0–100. A NaN score adds the category without one.
    pub(super) fn add_category_score(&mut self, name: &str, score: f64, line: usize) -> Option<usize> {
        let stems = phrases::stems(name);
        let index = match self.category_stems.get(&stems).copied() {
            Some(index) => {
                let known = self.categories[index].manual;
                if let (Some(known), false) = (known, score.is_nan()) {
                    if known != score {
                        self.warning(
                            line,
                            format!("\"{name}\" is stated as {score} here and as {known} before; kept {known}."),
                        );
                    }
                    return Some(index);
                }
                index
            }
            None => self.push_category(name),
        };
        if !score.is_nan() {
            if !(0.0..=100.0).contains(&score) {
                self.skipped(line, format!("The score {score} of \"{name}\" is not between 0 and 100."));
                return Some(index);
            }
            if self.categories[index].manual.is_none() {
                self.category_scores += 1;
                self.recognised(line, format!("Category \"{name}\" with the stated score {}.", phrases_number(score)));
            }
            self.categories[index].manual = Some(score);
        } else {
            self.recognised(line, format!("Category \"{name}\"."));
        }
        Some(index)
    }

    /// A score table: a category per row with its score and, where the
    /// table has them, its target, weight, priority and status.
    pub(super) fn read_score_table(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["category", "area", "dimension", "domain", "pillar", "capability"]).unwrap_or(0);
        let manual_col = columns.find(&["manual", "stated", "assessor"]);
        let score_col =
            manual_col.or_else(|| columns.find(&["score", "rating", "grade", "readiness", "maturity", "%"]));
        let target_col = columns.find(&["target"]);
        let weight_col = columns.find(&["weight"]);
        let priority_col = columns.find(&["priority"]);
        let status_col = columns.find(&["status"]);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() {
                continue;
            }
            let score = score_col
                .map(|c| phrases::score(cell(row, c)).map(|(v, _)| v).or_else(|| plain_score(cell(row, c))))
                .unwrap_or_else(|| {
                    row.cells
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != name_col)
                        .find_map(|(_, c)| phrases::score(c).map(|(v, _)| v))
                });
            if is_total(&name) || phrases::is_overall_label(&name) {
                if let Some(value) = score {
                    self.overall.push((value, row.line));
                }
                continue;
            }
            let index = self.add_category_score(&name, score.unwrap_or(f64::NAN), row.line);
            let Some(index) = index else { continue };
            let category = &mut self.categories[index];
            if score.is_none() {
                category.manual = None;
            }
            if let Some(target) = target_col.and_then(|c| plain_score(cell(row, c))) {
                category.target = Some(target);
            }
            if let Some(weight) = weight_col.and_then(|c| phrases::number(cell(row, c).trim())).map(|(w, _)| w) {
                category.weight = weight;
            }
            if let Some(priority) = priority_col.and_then(|c| phrases::priority_word(cell(row, c))) {
                category.default_priority = Some(priority);
            }
            if let Some(status) = status_col.map(|c| phrases::undecorated(cell(row, c))).filter(|s| !s.is_empty()) {
                category.notes.push(format!("Status: {status}"));
            }
        }
    }

    /// The overall score the document states; a warning when it states two.
    pub(super) fn stated_overall(&mut self) -> Option<f64> {
        let statements = std::mem::take(&mut self.overall);
        let (first, line) = *statements.first()?;
        self.recognised(line, format!("The stated overall score {}/100.", phrases_number(first)));
        let different: Vec<String> = statements
            .iter()
            .filter(|(value, _)| *value != first)
            .map(|(value, line)| format!("{} (line {line})", phrases_number(*value)))
            .collect();
        if !different.is_empty() {
            self.warning(
                line,
                format!(
                    "The document states different overall scores: {} (line {line}) and {}; kept the first.",
                    phrases_number(first),
                    different.join(", ")
                ),
            );
        }
        Some(first)
    }
}

/// A number as people write it: no `.0`.
fn phrases_number(value: f64) -> String {
    crate::core::present::display::number(value)
}

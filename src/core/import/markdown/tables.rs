//! Tables: what kind a table is (scores, requirements, KPIs, risks,
//! resources by phase, costs by phase, roles, a phase's team or costs),
//! decided from the words of its header, and pass C, which reads the tables
//! that need the phases once every phase heading is known. The kinds are
//! read in `scores`, `requirements`, `resources`, `kpis` and `risks`; this
//! file also holds the helpers they share for finding columns and cells.

use super::importer::Importer;
use super::outline::{self, Table};
use super::phrases;

/// A table read after all sections, once phases and categories are known.
pub(super) struct Deferred<'b> {
    pub(super) kind: TableKind,
    pub(super) table: &'b Table,
    /// The phase whose section holds it.
    pub(super) phase: Option<usize>,
    /// The headings above it, for words such as "annual".
    pub(super) context: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TableKind {
    Scores,
    Kpis,
    Risks,
    Resources,
    PhaseCosts,
    Roles,
    Team,
    Costs,
    Requirements,
    Other,
}

/// Classifies a table by its header.
pub(super) fn classify(table: &Table, in_phase: bool) -> TableKind {
    let columns = Columns::of(table);
    let has = |words: &[&str]| columns.find(words).is_some();
    if table.head.is_empty() || table.rows.is_empty() {
        return TableKind::Other;
    }
    if has(&["risk", "threat"]) && has(&["probability", "likelihood"]) && has(&["impact", "severity"]) {
        return TableKind::Risks;
    }
    let phase_headers = table.head.iter().filter(|h| references_phase(h)).count();
    if has(&["metric", "kpi", "measure", "indicator"]) && (has(&["current", "baseline", "target"]) || phase_headers > 0)
    {
        return TableKind::Kpis;
    }
    let first_column_phases =
        table.rows.iter().filter(|r| r.cells.first().is_some_and(|c| references_phase(c))).count();
    if first_column_phases > 0
        && first_column_phases * 2 >= table.rows.len()
        && has(&["duration", "engineers", "fte", "cost", "team", "weeks", "budget"])
    {
        return TableKind::Resources;
    }
    let money_cells =
        table.rows.iter().flat_map(|r| r.cells.iter().skip(1)).filter(|c| phrases::money(c).is_some()).count();
    if phase_headers > 0 && money_cells > 0 {
        return TableKind::PhaseCosts;
    }
    if has(&["requirement", "control", "capability", "feature", "check", "criterion", "criteria", "item", "gap"])
        && has(&["status", "state", "present", "implemented"])
    {
        return TableKind::Requirements;
    }
    if has(&["score", "rating", "grade", "readiness", "maturity"]) && !has(&["metric", "kpi"]) {
        return TableKind::Scores;
    }
    if has(&["role"]) && has(&["fte", "people", "headcount", "count"]) && in_phase {
        return TableKind::Team;
    }
    if has(&["role"]) && has(&["rate", "weekly", "per week", "hourly", "daily", "monthly", "salary"]) {
        return TableKind::Roles;
    }
    if in_phase && has(&["amount"]) {
        return TableKind::Costs;
    }
    // Two columns, names and scores: a score table without a header word.
    if table.head.len() == 2 && table.rows.iter().all(|r| phrases::score(cell(r, 1)).is_some()) {
        return TableKind::Scores;
    }
    TableKind::Other
}

/// Whether a header or cell names a phase (`Phase 1`, `Phase 2 Target`).
fn references_phase(text: &str) -> bool {
    let words = phrases::words(text);
    words.windows(2).any(|w| matches!(w[0].as_str(), "phase" | "stage" | "milestone") && w[1].parse::<u32>().is_ok())
}

impl<'t> Importer<'t> {
    /// Pass C: the tables put off until every phase is known.
    pub(super) fn apply_tables(&mut self) {
        let mut deferred = std::mem::take(&mut self.deferred);
        // Roles and resources first: they make roles and may make phases.
        deferred.sort_by_key(|d| match d.kind {
            TableKind::Roles => 0,
            TableKind::Resources => 1,
            TableKind::Team | TableKind::Costs => 2,
            TableKind::PhaseCosts => 3,
            _ => 4,
        });
        for table in deferred {
            match table.kind {
                TableKind::Roles => self.read_roles(table.table),
                TableKind::Resources => self.read_resources(table.table),
                TableKind::Team => match table.phase {
                    Some(phase) => self.read_team(table.table, phase),
                    None => self.read_roles(table.table),
                },
                TableKind::Costs => match table.phase {
                    Some(phase) => self.read_phase_cost_list(table.table, phase),
                    None => self.leave_table(table.table),
                },
                TableKind::PhaseCosts => self.read_phase_costs(table.table, &table.context),
                TableKind::Kpis => self.read_kpis(table.table),
                TableKind::Risks => self.read_risks(table.table),
                _ => self.leave_table(table.table),
            }
        }
    }

    /// A table that turned out unreadable: its text goes to the summary.
    fn leave_table(&mut self, table: &Table) {
        self.skipped(table.span.line, "A table that could not be read; kept in the summary.");
        let text = self.source(&table.span.bytes);
        self.summary.push(text);
    }
}

/// The columns of a table by header, for finding one by the words it holds.
pub(super) struct Columns {
    heads: Vec<String>,
}

impl Columns {
    /// The columns of a table, by its header.
    pub(super) fn of(table: &Table) -> Self {
        Columns { heads: table.head.iter().map(|h| phrases::undecorated(h).to_lowercase()).collect() }
    }

    /// The first column whose header holds one of the words.
    pub(super) fn find(&self, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|word| {
            self.heads.iter().position(|h| {
                if word.len() <= 2 || word.contains(' ') || !word.chars().all(char::is_alphanumeric) {
                    h.contains(word)
                } else {
                    phrases::has_phrase(h, word) || phrases::words(h).iter().any(|w| w.starts_with(word))
                }
            })
        })
    }
}

/// The text of a row's cell; empty when the row is short.
pub(super) fn cell(row: &outline::Row, column: usize) -> &str {
    row.cells.get(column).map_or("", String::as_str)
}

/// Whether a table cell or row name is a total rather than an item.
pub(super) fn is_total(text: &str) -> bool {
    let words = phrases::words(text);
    matches!(words.first().map(String::as_str), Some("total" | "sum" | "overall" | "grand" | "subtotal"))
}

/// A bare number read as a score: `85` in a column headed Score.
pub(super) fn plain_score(text: &str) -> Option<f64> {
    let text = text.trim();
    let (value, rest) = phrases::number(text)?;
    (rest.trim().is_empty() && (0.0..=100.0).contains(&value)).then_some(value)
}

/// A bare number read as an amount, in a column that is about money.
pub(super) fn plain_money(text: &str) -> Option<(f64, f64, Option<&'static str>)> {
    let (value, rest) = phrases::number(text.trim())?;
    rest.trim().is_empty().then_some((value, value, None))
}

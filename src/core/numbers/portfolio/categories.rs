//! Categories across the portfolio: the heat map of systems × categories,
//! with categories of different assessments matched into one column (by
//! id, then by name, after the user's mappings), the mismatches that
//! matching finds, and the weakest categories. The rules are written at
//! the top of `portfolio.rs`.

use crate::core::numbers::portfolio::PortfolioEntry;

/// The user's choice that category `from` (an id, in any assessment) is the
/// column of category `to` (an id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryMapping {
    pub from: String,
    pub to: String,
}

/// One column of the heat map: a category as the first assessment that has
/// it names it.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatColumn {
    pub id: String,
    pub name: String,
}

/// The heat map: one row per system (the portfolio's rows, in order), one
/// column per matched category; a cell is `None` where the system has no
/// such category, `Some(None)` where it has one without a score.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatMap {
    pub columns: Vec<HeatColumn>,
    pub cells: Vec<Vec<Option<Option<f64>>>>,
    pub mismatches: Vec<Mismatch>,
    /// For each row, each of its category ids with the column it went into.
    placed: Vec<Vec<(String, usize)>>,
}

/// How two categories disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MismatchKind {
    /// The same id under another name (matched by id).
    SameIdDifferentName,
    /// The same name under another id (matched by name).
    SameNameDifferentId,
}

/// A category of one system that matched a column imperfectly.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    pub kind: MismatchKind,
    /// The column it went into.
    pub column: HeatColumn,
    /// The assessment's id and its system's name.
    pub assessment: String,
    pub system: String,
    /// The category as that assessment has it.
    pub id: String,
    pub name: String,
}

impl Mismatch {
    /// The sentence that explains it.
    pub fn text(&self) -> String {
        match self.kind {
            MismatchKind::SameIdDifferentName => format!(
                "{}: category \u{201c}{}\u{201d} has the id {} of \u{201c}{}\u{201d}; counted as one.",
                self.system, self.name, self.id, self.column.name
            ),
            MismatchKind::SameNameDifferentId => format!(
                "{}: category \u{201c}{}\u{201d} (id {}) has the name of {} (id {}); counted as one by name.",
                self.system, self.name, self.id, self.column.name, self.column.id
            ),
        }
    }
}

/// A category across the portfolio, for the list of the weakest.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakCategory {
    pub column: HeatColumn,
    /// How many of the chosen systems have it.
    pub systems: usize,
    /// How many systems it holds back.
    pub held_back: usize,
    /// The mean of its scores, one decimal; `None` when none has a score.
    pub mean: Option<f64>,
    pub lowest: Option<f64>,
}

/// Names compared ignoring case and spaces.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    key(a) == key(b)
}

impl HeatMap {
    /// The heat map of `rows`, categories matched after `mappings`.
    pub fn of(rows: &[PortfolioEntry], mappings: &[CategoryMapping]) -> HeatMap {
        let mut map = HeatMap::default();
        for entry in rows {
            let mut placed: Vec<(String, usize)> = Vec::with_capacity(entry.categories.len());
            let mut cells: Vec<(usize, Option<f64>)> = Vec::with_capacity(entry.categories.len());
            for category in &entry.categories {
                let mapped = mappings.iter().find(|m| m.from == category.id).map(|m| m.to.as_str());
                let id = mapped.unwrap_or(&category.id);
                let by_id = map.columns.iter().position(|c| c.id == id);
                let column = match by_id {
                    Some(k) => {
                        if mapped.is_none() && !same_name(&map.columns[k].name, &category.name) {
                            map.mismatch(MismatchKind::SameIdDifferentName, k, entry, category);
                        }
                        k
                    }
                    None => {
                        match map.columns.iter().position(|c| mapped.is_none() && same_name(&c.name, &category.name)) {
                            Some(k) => {
                                map.mismatch(MismatchKind::SameNameDifferentId, k, entry, category);
                                k
                            }
                            None => {
                                map.columns.push(HeatColumn { id: id.to_string(), name: category.name.clone() });
                                map.columns.len() - 1
                            }
                        }
                    }
                };
                placed.push((category.id.clone(), column));
                cells.push((column, category.score));
            }
            map.placed.push(placed);
            map.cells.push(cells_row(cells));
        }
        let width = map.columns.len();
        for row in &mut map.cells {
            row.resize(width, None);
        }
        map
    }

    fn mismatch(&mut self, kind: MismatchKind, column: usize, entry: &PortfolioEntry, category: &super::CategoryScore) {
        self.mismatches.push(Mismatch {
            kind,
            column: self.columns[column].clone(),
            assessment: entry.id.clone(),
            system: entry.name().to_string(),
            id: category.id.clone(),
            name: category.name.clone(),
        });
    }
}

/// A row's cells from (column, score) pairs; where a system has two
/// categories in one column, the lower score counts (the weaker one).
fn cells_row(cells: Vec<(usize, Option<f64>)>) -> Vec<Option<Option<f64>>> {
    let width = cells.iter().map(|(k, _)| k + 1).max().unwrap_or(0);
    let mut row: Vec<Option<Option<f64>>> = vec![None; width];
    for (k, score) in cells {
        row[k] = Some(match (row[k].flatten(), score) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        });
    }
    row
}

/// The categories ordered weakest first (the rule is at the top of `portfolio.rs`).
pub(super) fn weakest(rows: &[PortfolioEntry], map: &HeatMap) -> Vec<WeakCategory> {
    let mut list: Vec<WeakCategory> = map
        .columns
        .iter()
        .enumerate()
        .map(|(k, column)| {
            let mut systems = 0;
            let mut held_back = 0;
            let mut scores = Vec::new();
            for (r, entry) in rows.iter().enumerate() {
                let Some(cell) = map.cells[r][k] else { continue };
                systems += 1;
                scores.extend(cell);
                let blocks =
                    entry.blockers.iter().any(|b| map.placed[r].iter().any(|(id, c)| *c == k && *id == b.category));
                let below = cell.is_none_or(|score| score < entry.ready_threshold);
                if !entry.production_ready && (below || blocks) {
                    held_back += 1;
                }
            }
            let mean =
                (!scores.is_empty()).then(|| (scores.iter().sum::<f64>() / scores.len() as f64 * 10.0).round() / 10.0);
            let lowest = scores.iter().copied().reduce(f64::min);
            WeakCategory { column: column.clone(), systems, held_back, mean, lowest }
        })
        .collect();
    list.sort_by(|a, b| {
        b.held_back
            .cmp(&a.held_back)
            .then_with(|| match (a.mean, b.mean) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.column.name.to_lowercase().cmp(&b.column.name.to_lowercase()))
    });
    list
}

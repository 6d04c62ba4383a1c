//! What the views ask of an assessment's gaps, kept pure so it is tested
//! natively. This file answers the Gaps table: which gaps match the filters,
//! in which order they are listed, and the figures each row shows. The gaps
//! grouped by category, as the report lists them, are in `by_category.rs`
//! beside it and re-exported here. Deleting gaps, with a way back, is
//! `core::edit`'s.
//!
//! Functions here work on positions in `Assessment::gaps` (file order), not
//! on ids: a file may hold two gaps with one id (validation reports it), and
//! the table must still show and edit both.

mod by_category;

pub use by_category::{gaps_by_category, CategoryGaps, UNCATEGORISED};

use std::cmp::Ordering;
use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::core::decimal::one_decimal;
use crate::core::model::{Assessment, Gap, Priority, Settings, Status};
use crate::core::numbers::cost::effort_days;
use crate::core::numbers::score::credit;

/// Which statuses a filter lets through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    /// Missing or partial: the work that remains.
    Open,
    Is(Status),
}

/// Which roadmap phase a filter lets through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PhaseFilter {
    #[default]
    Any,
    /// Gaps assigned to no phase.
    Unassigned,
    /// Gaps assigned to the phase with this id.
    Is(String),
}

/// What the Gaps table shows: every condition must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GapFilter {
    /// The id of a category; `None` for every category.
    pub category: Option<String>,
    pub status: StatusFilter,
    pub priority: Option<Priority>,
    pub phase: PhaseFilter,
    /// Words that must each appear, ignoring case, in the gap's id, title,
    /// description, owner, evidence, tags or checklist items.
    pub text: String,
}

impl GapFilter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        *self == GapFilter::default()
    }
}

/// The positions of the gaps that pass `filter`, in file order.
pub fn filter_gaps(assessment: &Assessment, filter: &GapFilter) -> Vec<usize> {
    // Lowercase the words once, not once per gap.
    let words: Vec<String> = filter.text.split_whitespace().map(str::to_lowercase).collect();
    assessment.gaps.iter().enumerate().filter(|(_, gap)| passes(gap, filter, &words)).map(|(i, _)| i).collect()
}

fn passes(gap: &Gap, filter: &GapFilter, words: &[String]) -> bool {
    if filter.category.as_ref().is_some_and(|c| *c != gap.category) {
        return false;
    }
    let status = match filter.status {
        StatusFilter::Any => true,
        StatusFilter::Open => gap.status.is_open(),
        StatusFilter::Is(status) => gap.status == status,
    };
    if !status || filter.priority.is_some_and(|p| p != gap.priority) {
        return false;
    }
    let phase = match &filter.phase {
        PhaseFilter::Any => true,
        PhaseFilter::Unassigned => gap.phase.is_none(),
        PhaseFilter::Is(id) => gap.phase.as_ref() == Some(id),
    };
    phase && words.iter().all(|word| mentions(gap, word))
}

/// Whether `word` (already lowercase) appears in any of the gap's text.
fn mentions(gap: &Gap, word: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(word);
    has(&gap.title)
        || has(&gap.id)
        || has(&gap.owner)
        || gap.tags.iter().any(|t| has(t))
        || has(&gap.description)
        || gap.evidence.iter().any(|e| has(&e.text) || e.url.as_deref().is_some_and(has))
        || gap.items.iter().any(|item| has(&item.text))
}

/// A column the Gaps table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GapColumn {
    Title,
    /// By category name.
    Category,
    /// In the order statuses are listed: missing, partial, done, accepted, not applicable.
    Status,
    /// P0 first.
    Priority,
    /// In roadmap order.
    Phase,
    /// By effort in person-days: the low estimate, then the high one.
    Effort,
    /// By how much of the gap is closed.
    Credit,
    Owner,
}

/// Which way a sort runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// A sort of the Gaps table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GapSort {
    pub column: GapColumn,
    pub direction: Direction,
}

/// What a gap is sorted by in one column; all keys of a column are of one kind.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Text(String),
    Rank(usize),
    Amount(Decimal, Decimal),
}

/// Orders the gaps at `positions` by `sort`. Gaps without a value in the
/// column (no effort, no phase, not scored, no owner) come last in either
/// direction; ties keep the order they came in, so a sort of a filtered list
/// in file order keeps file order among equals.
pub fn sort_gaps(assessment: &Assessment, positions: &mut [usize], sort: GapSort) {
    let categories: HashMap<&str, &str> =
        assessment.categories.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let phases: HashMap<&str, usize> = assessment.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let settings = &assessment.settings;
    let key = |gap: &Gap| -> Option<SortKey> {
        match sort.column {
            GapColumn::Title => Some(SortKey::Text(gap.title.to_lowercase())),
            GapColumn::Category => categories.get(gap.category.as_str()).map(|name| SortKey::Text(name.to_lowercase())),
            GapColumn::Status => Some(SortKey::Rank(rank(Status::ALL, gap.status))),
            GapColumn::Priority => Some(SortKey::Rank(rank(Priority::ALL, gap.priority))),
            GapColumn::Phase => gap.phase.as_deref().and_then(|p| phases.get(p)).map(|&i| SortKey::Rank(i)),
            GapColumn::Effort => gap.effort.as_ref().map(|e| {
                let days = effort_days(e, settings);
                SortKey::Amount(days.min, days.max)
            }),
            GapColumn::Credit => credit(gap, settings).map(|c| SortKey::Amount(c, c)),
            GapColumn::Owner => (!gap.owner.trim().is_empty()).then(|| SortKey::Text(gap.owner.trim().to_lowercase())),
        }
    };
    // Each key is computed once, not once per comparison.
    let mut keyed: Vec<(Option<SortKey>, usize)> =
        positions.iter().map(|&i| (assessment.gaps.get(i).and_then(key), i)).collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => match sort.direction {
            Direction::Ascending => a.cmp(b),
            Direction::Descending => b.cmp(a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    for (slot, (_, i)) in positions.iter_mut().zip(keyed) {
        *slot = i;
    }
}

fn rank<T: PartialEq>(all: &[T], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or(all.len())
}

/// The numbers a row of the Gaps table shows, rounded as shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GapFigures {
    /// Effort in person-days, low and high, one decimal; `None` without an estimate.
    pub effort_days: Option<(f64, f64)>,
    /// How much of the gap is closed, 0–100 with one decimal; `None` when it is not scored.
    pub credit_percent: Option<f64>,
}

/// The figures of one gap, from the core's own rules (`cost::effort_days`, `score::credit`).
pub fn gap_figures(gap: &Gap, settings: &Settings) -> GapFigures {
    GapFigures {
        effort_days: gap.effort.as_ref().map(|e| {
            let days = effort_days(e, settings);
            (one_decimal(days.min), one_decimal(days.max))
        }),
        credit_percent: credit(gap, settings).map(|c| one_decimal(c.saturating_mul(Decimal::ONE_HUNDRED))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Category, Effort, EffortUnit, Item, Phase, Range};

    /// Three categories, two phases and six gaps that differ in every column;
    /// `by_category`'s tests use it too.
    pub(super) fn sample() -> Assessment {
        let mut a = Assessment::new("a", "Sample");
        a.categories = vec![Category::new("sec", "Security"), Category::new("obs", "Observability")];
        a.phases =
            vec![Phase::new("p1", "First", Range::new(1.0, 2.0)), Phase::new("p2", "Second", Range::new(1.0, 2.0))];
        let gap = |id: &str, category: &str, title: &str, status: Status, priority: Priority| {
            let mut g = Gap::new(id, category, title);
            g.status = status;
            g.priority = priority;
            g
        };
        let mut g1 = gap("gap-1", "sec", "Rotate secrets", Status::Missing, Priority::P1);
        g1.effort = Some(Effort::new(2.0, 4.0, EffortUnit::Days));
        g1.phase = Some("p2".into());
        g1.owner = "Ana".into();
        let mut g2 = gap("gap-2", "obs", "alerting on errors", Status::Partial, Priority::P0);
        g2.effort = Some(Effort::new(1.0, 1.0, EffortUnit::Weeks));
        g2.items = vec![Item::new("Pager", true), Item::new("Runbook link", false), Item::new("SLO", false)];
        g2.phase = Some("p1".into());
        let mut g3 = gap("gap-3", "sec", "Audit log", Status::Done, Priority::P2);
        g3.effort = Some(Effort::new(4.0, 12.0, EffortUnit::Hours));
        g3.tags = vec!["Compliance".into()];
        g3.owner = "bo".into();
        let g4 = gap("gap-4", "obs", "Tracing", Status::Accepted, Priority::P3);
        let mut g5 = gap("gap-5", "gone", "Backups", Status::Partial, Priority::P0);
        g5.description = "Nightly SNAPSHOTS of the database".into();
        g5.phase = Some("p1".into());
        let g6 = gap("gap-6", "sec", "WAF", Status::NotApplicable, Priority::P2);
        a.gaps = vec![g1, g2, g3, g4, g5, g6];
        a
    }

    fn ids(a: &Assessment, positions: &[usize]) -> Vec<String> {
        positions.iter().map(|&i| a.gaps[i].id.trim_start_matches("gap-").to_string()).collect()
    }

    fn check_filter(filter: GapFilter, expected: &str) {
        let a = sample();
        let shown = ids(&a, &filter_gaps(&a, &filter)).join(" ");
        assert_eq!(shown, expected, "{filter:?}");
    }

    #[test]
    fn filters_by_every_condition() {
        check_filter(GapFilter::default(), "1 2 3 4 5 6");
        check_filter(GapFilter { category: Some("sec".into()), ..Default::default() }, "1 3 6");
        check_filter(GapFilter { status: StatusFilter::Open, ..Default::default() }, "1 2 5");
        check_filter(GapFilter { status: StatusFilter::Is(Status::Partial), ..Default::default() }, "2 5");
        check_filter(GapFilter { priority: Some(Priority::P0), ..Default::default() }, "2 5");
        check_filter(GapFilter { phase: PhaseFilter::Unassigned, ..Default::default() }, "3 4 6");
        check_filter(GapFilter { phase: PhaseFilter::Is("p1".into()), ..Default::default() }, "2 5");
        check_filter(
            GapFilter { category: Some("obs".into()), priority: Some(Priority::P0), ..Default::default() },
            "2",
        );
    }

    #[test]
    fn text_matches_every_word_anywhere_ignoring_case() {
        let text = |t: &str| GapFilter { text: t.into(), ..Default::default() };
        check_filter(text("ALERT"), "2");
        check_filter(text("snapshots"), "5");
        check_filter(text("compliance"), "3");
        check_filter(text("runbook"), "2");
        check_filter(text("ana"), "1");
        check_filter(text("gap-4"), "4");
        check_filter(text("  rotate   secrets "), "1");
        check_filter(text("rotate log"), "");
        check_filter(text(""), "1 2 3 4 5 6");
    }

    fn check_sort(column: GapColumn, direction: Direction, expected: &str) {
        let a = sample();
        let mut positions: Vec<usize> = (0..a.gaps.len()).collect();
        sort_gaps(&a, &mut positions, GapSort { column, direction });
        assert_eq!(ids(&a, &positions).join(" "), expected, "{column:?} {direction:?}");
    }

    #[test]
    fn sorts_by_every_column_with_blanks_last() {
        use Direction::*;
        use GapColumn::*;
        check_sort(Title, Ascending, "2 3 5 1 4 6");
        check_sort(Title, Descending, "6 4 1 5 3 2");
        // gap-5's category does not exist: last both ways.
        check_sort(Category, Ascending, "2 4 1 3 6 5");
        check_sort(Category, Descending, "1 3 6 2 4 5");
        check_sort(Status, Ascending, "1 2 5 3 4 6");
        check_sort(Priority, Ascending, "2 5 1 3 6 4");
        check_sort(Priority, Descending, "4 3 6 1 2 5");
        check_sort(Phase, Ascending, "2 5 1 3 4 6");
        check_sort(Phase, Descending, "1 2 5 3 4 6");
        // 12 hours = 1.5 days; 1 week = 5 days.
        check_sort(Effort, Ascending, "3 1 2 4 5 6");
        check_sort(Effort, Descending, "2 1 3 4 5 6");
        // Credits: 0, 1/3, 1, none, 0.5, none.
        check_sort(Credit, Ascending, "1 2 5 3 4 6");
        check_sort(Credit, Descending, "3 5 2 1 4 6");
        check_sort(Owner, Ascending, "1 3 2 4 5 6");
    }

    #[test]
    fn sorting_a_filtered_list_sorts_only_it() {
        let a = sample();
        let mut shown = filter_gaps(&a, &GapFilter { category: Some("sec".into()), ..Default::default() });
        sort_gaps(&a, &mut shown, GapSort { column: GapColumn::Title, direction: Direction::Descending });
        assert_eq!(ids(&a, &shown), ["6", "1", "3"]);
    }

    #[test]
    fn figures_follow_the_core_rules() {
        let a = sample();
        let figures: Vec<GapFigures> = a.gaps.iter().map(|g| gap_figures(g, &a.settings)).collect();
        assert_eq!(figures[0], GapFigures { effort_days: Some((2.0, 4.0)), credit_percent: Some(0.0) });
        assert_eq!(figures[1], GapFigures { effort_days: Some((5.0, 5.0)), credit_percent: Some(33.3) });
        assert_eq!(figures[2], GapFigures { effort_days: Some((0.5, 1.5)), credit_percent: Some(100.0) });
        assert_eq!(figures[3], GapFigures { effort_days: None, credit_percent: None });
        assert_eq!(figures[4].credit_percent, Some(50.0));
    }
}

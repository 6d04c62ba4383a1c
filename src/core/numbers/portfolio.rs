//! The portfolio: many assessments at once, as one table, a heat map of
//! systems × categories, the weakest categories, every open blocker and the
//! totals. What the app's Portfolio screen shows, `gapmap portfolio` prints,
//! and the CSV and Markdown exports (`export::portfolio`) write.
//!
//! **A category holds a system back** when that system is not
//! production-ready and, in it, the category either scores below the
//! system's ready threshold (or has no score at all) or holds one of its
//! open blockers. A production-ready system is held back by nothing. The
//! weakest categories are ordered by how many systems they hold back (more
//! first), then by their mean score (lower first), then by name.
//!
//! Categories of different assessments are one column of the heat map when
//! they have the same id; else when their names are the same, ignoring case
//! and spaces. Both ways can disagree ([`Mismatch`]): one id under two
//! names, or one name under two ids (matched by name, and reported so the
//! user can see it). A [`CategoryMapping`] puts one id into the column of
//! another, which is how a user fixes a mismatch.
//!
//! Totals add what can be added: effort, and money of one currency at a
//! time (amounts in different currencies are never summed). Labor and total
//! are unknown once any system in that currency lacks a rate; the known
//! part and the systems lacking rates are said beside it, never a 0.
//!
//! - `entry`: one assessment's [`PortfolioEntry`], small enough for the index.
//! - `categories`: the heat map's matching and the weakest categories.
//! - `totals`: the sums.

mod categories;
mod entry;
mod totals;

pub use categories::{CategoryMapping, HeatColumn, HeatMap, Mismatch, MismatchKind, WeakCategory};
pub use entry::{day_of_millis, Blocker, CategoryScore, MilestoneScore, PortfolioEntry, ReadyWhen, WEEKS_PER_QUARTER};
pub use totals::{MoneyTotals, Totals};

use std::cmp::Ordering;

use crate::core::present::{date, display};

/// Which assessments the portfolio shows: those with any of `tags` and any
/// of `systems` (an empty list chooses all).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub tags: Vec<String>,
    pub systems: Vec<String>,
}

impl Filter {
    /// Chooses `word` among the tags (`tags`) or the systems, or takes it
    /// back when it was chosen.
    pub fn toggle(&mut self, tags: bool, word: &str) {
        let list = if tags { &mut self.tags } else { &mut self.systems };
        match list.iter().position(|w| w == word) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(word.to_string()),
        }
    }

    /// Whether `word` is chosen among the tags (`tags`) or the systems.
    pub fn chose(&self, tags: bool, word: &str) -> bool {
        if tags { &self.tags } else { &self.systems }.iter().any(|w| w == word)
    }

    /// Whether `entry` is shown.
    pub fn admits(&self, entry: &PortfolioEntry) -> bool {
        (self.tags.is_empty() || entry.tags.iter().any(|t| self.tags.contains(t)))
            && (self.systems.is_empty() || self.systems.iter().any(|s| s == entry.name()))
    }
}

/// An open blocker with the system it blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct SystemBlocker {
    /// The assessment's id.
    pub assessment: String,
    /// The system's name ([`PortfolioEntry::name`]).
    pub system: String,
    pub blocker: Blocker,
}

/// Everything the portfolio shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Portfolio {
    /// The chosen assessments, in the order given: the table.
    pub rows: Vec<PortfolioEntry>,
    pub heat_map: HeatMap,
    pub weakest: Vec<WeakCategory>,
    pub totals: Totals,
    /// Every open blocker of the chosen assessments, system by system.
    pub blockers: Vec<SystemBlocker>,
    /// Every tag and every system of all the entries (chosen or not), sorted:
    /// what the filter offers.
    pub tags: Vec<String>,
    pub systems: Vec<String>,
}

impl Portfolio {
    /// The portfolio of `entries` that `filter` chooses, categories matched
    /// with `mappings` first.
    pub fn of(entries: &[PortfolioEntry], filter: &Filter, mappings: &[CategoryMapping]) -> Portfolio {
        let rows: Vec<PortfolioEntry> = entries.iter().filter(|e| filter.admits(e)).cloned().collect();
        let heat_map = HeatMap::of(&rows, mappings);
        let weakest = categories::weakest(&rows, &heat_map);
        let totals = Totals::of(&rows);
        let blockers = rows
            .iter()
            .flat_map(|e| {
                e.blockers.iter().map(|b| SystemBlocker {
                    assessment: e.id.clone(),
                    system: e.name().to_string(),
                    blocker: b.clone(),
                })
            })
            .collect();
        let sorted = |mut words: Vec<String>| {
            words.sort();
            words.dedup();
            words
        };
        Portfolio {
            tags: sorted(entries.iter().flat_map(|e| e.tags.iter().cloned()).collect()),
            systems: sorted(entries.iter().map(|e| e.name().to_string()).collect()),
            rows,
            heat_map,
            weakest,
            totals,
            blockers,
        }
    }
}

/// A column of the portfolio table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    System,
    Overall,
    Level,
    Ready,
    Blockers,
    Effort,
    Total,
    Duration,
    LastMilestone,
    Change,
    LastChange,
    ReadyWhen,
}

impl Column {
    /// Every column, in the order the table shows them.
    pub const ALL: [Column; 12] = [
        Column::System,
        Column::Overall,
        Column::Level,
        Column::Ready,
        Column::Blockers,
        Column::Effort,
        Column::Total,
        Column::Duration,
        Column::LastMilestone,
        Column::Change,
        Column::LastChange,
        Column::ReadyWhen,
    ];

    /// The column's header.
    pub fn label(self) -> &'static str {
        match self {
            Column::System => "System",
            Column::Overall => "Overall",
            Column::Level => "Level",
            Column::Ready => "Ready",
            Column::Blockers => "Blockers",
            Column::Effort => "Remaining effort (days)",
            Column::Total => "Total cost",
            Column::Duration => "Roadmap (weeks)",
            Column::LastMilestone => "Last milestone",
            Column::Change => "Change since",
            Column::LastChange => "Last change",
            Column::ReadyWhen => "Ready by",
        }
    }

    /// Whether the column holds numbers (its cells are right-aligned and a
    /// first sort puts the largest first).
    pub fn is_numeric(self) -> bool {
        matches!(self, Column::Overall | Column::Blockers | Column::Effort | Column::Total | Column::Duration)
    }

    /// The cell of `entry` in this column, as every table and report shows it.
    pub fn text(self, entry: &PortfolioEntry) -> String {
        match self {
            Column::System => entry.name().to_string(),
            Column::Overall => display::score(entry.overall),
            Column::Level => entry.level.clone().unwrap_or_else(|| "—".to_string()),
            Column::Ready => if entry.production_ready { "yes" } else { "no" }.to_string(),
            Column::Blockers => entry.blockers.len().to_string(),
            Column::Effort => display::range(entry.effort_days.min, entry.effort_days.max),
            Column::Total if entry.has_roadmap => {
                display::money_or_unknown(entry.total, &entry.unknown_rates, &entry.currency)
            }
            Column::Total => "no roadmap".to_string(),
            Column::Duration if entry.has_roadmap => display::range(entry.duration_weeks.min, entry.duration_weeks.max),
            Column::Duration => "no roadmap".to_string(),
            Column::LastMilestone => entry
                .last_milestone
                .as_ref()
                .map_or_else(|| "—".to_string(), |m| format!("{} ({})", date_part(&m.saved_on), m.name)),
            Column::Change => entry.change_since_milestone().map_or_else(|| "—".to_string(), |c| format!("{c:+.1}")),
            Column::LastChange => entry.changed_on.clone().unwrap_or_else(|| "—".to_string()),
            Column::ReadyWhen => entry.ready_when.text(),
        }
    }

    /// Orders two entries by this column, ascending; what has no value
    /// (no score, an unknown cost) comes after every value.
    fn compare(self, a: &PortfolioEntry, b: &PortfolioEntry) -> Ordering {
        let numbers = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let texts = |x: &str, y: &str| x.to_lowercase().cmp(&y.to_lowercase());
        match self {
            Column::System => texts(a.name(), b.name()),
            Column::Overall => numbers(a.overall, b.overall),
            // Levels order as their scores do.
            Column::Level => numbers(a.overall, b.overall),
            Column::Ready => a.production_ready.cmp(&b.production_ready),
            Column::Blockers => a.blockers.len().cmp(&b.blockers.len()),
            Column::Effort => numbers(Some(a.effort_days.max), Some(b.effort_days.max)),
            Column::Total => numbers(a.money_total().map(|t| t.max), b.money_total().map(|t| t.max)),
            Column::Duration => {
                numbers(a.has_roadmap.then_some(a.duration_weeks.max), b.has_roadmap.then_some(b.duration_weeks.max))
            }
            Column::LastMilestone => numbers(
                a.last_milestone.as_ref().and_then(|m| date::day_number(&m.saved_on)).map(|d| d as f64),
                b.last_milestone.as_ref().and_then(|m| date::day_number(&m.saved_on)).map(|d| d as f64),
            ),
            Column::Change => numbers(a.change_since_milestone(), b.change_since_milestone()),
            Column::LastChange => numbers(
                a.changed_on.as_deref().and_then(date::day_number).map(|d| d as f64),
                b.changed_on.as_deref().and_then(date::day_number).map(|d| d as f64),
            ),
            // Dated projections by their day, before those counted in weeks
            // of their own roadmap (which no date places against them).
            Column::ReadyWhen => {
                let day = |e: &PortfolioEntry| e.ready_when.date().and_then(date::day_number);
                match (day(a), day(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) if b.ready_when.quarter() != Some(0) => Ordering::Less,
                    (None, Some(_)) if a.ready_when.quarter() != Some(0) => Ordering::Greater,
                    _ => numbers(
                        a.ready_when.quarter().map(f64::from).map(|q| q * 1e6 + ready_week(a)),
                        b.ready_when.quarter().map(f64::from).map(|q| q * 1e6 + ready_week(b)),
                    ),
                }
            }
        }
    }
}

/// The week a projection reaches ready, to order entries within a quarter.
fn ready_week(entry: &PortfolioEntry) -> f64 {
    match &entry.ready_when {
        ReadyWhen::Projected { week, .. } => week.max,
        _ => 0.0,
    }
}

/// The date of a `saved_on` that may carry a time.
fn date_part(saved_on: &str) -> &str {
    saved_on.split_once('T').map_or(saved_on, |(day, _)| day)
}

/// Sorts the table's rows by `column`, ascending or descending; rows
/// without a value stay last either way, and equal rows keep their order.
pub fn sort(rows: &mut [PortfolioEntry], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let order = column.compare(a, b);
        match (has_no_value(column, a), has_no_value(column, b)) {
            (false, true) => Ordering::Less,
            (true, false) => Ordering::Greater,
            _ if descending => order.reverse(),
            _ => order,
        }
    });
}

/// Whether `entry` has no value in `column` (such rows sort last).
fn has_no_value(column: Column, entry: &PortfolioEntry) -> bool {
    match column {
        Column::Overall | Column::Level => entry.overall.is_none(),
        Column::Total => entry.money_total().is_none(),
        Column::Duration => !entry.has_roadmap,
        Column::LastMilestone => entry.last_milestone.is_none(),
        Column::Change => entry.change_since_milestone().is_none(),
        Column::LastChange => entry.changed_on.is_none(),
        Column::ReadyWhen => entry.ready_when.quarter().is_none(),
        Column::System | Column::Ready | Column::Blockers | Column::Effort => false,
    }
}

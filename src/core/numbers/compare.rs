//! Comparing two states of an assessment: what moved between "before" and
//! "after" (two files, a milestone and now, two milestones).
//!
//! [`compare_as_of`] gives one [`Comparison`]: the overall score and level before →
//! after, each category's score, the blockers opened and closed, the gaps
//! added, removed and changed (with which of their fields changed), the
//! roadmap's phases, total cost and duration, the KPIs' values, whether the
//! scoring settings differ (and if so what each side scores under the
//! "after" settings), and whether the two are different assessments at all.
//!
//! **Architecture Invariant**: there is one comparison. A compare view
//! renders it and `gapmap diff --json` prints it; its serialized form is the
//! command's JSON contract (exactly the keys listed in the README), and the
//! fields marked `serde(skip)` are what views and the text output add.
//! Every number is taken from each side's [`Summary`](crate::core::Summary), rounded as shown, so
//! a comparison never disagrees with the overview of either side.
//!
//! Each side is scored as of a day of its own (`numbers::acceptance`): the
//! day the caller's numbers are for (the app's today, the command's
//! `--as-of`), or a milestone's own day ([`Milestone::as_of`]). Its
//! blockers, and its score under the other side's settings, are those of
//! that day; the gaps' changes compare the two files as written.
//! [`compare`] gives neither side a day, as `summarize` does.
//!
//! [`Milestone::as_of`]: crate::core::model::Milestone::as_of
//!
//! Entries are matched by id: categories, gaps, phases and KPIs. An id that
//! names a different gap on each side (another title, another category) is
//! reported as that gap changed, its title and category among the changes:
//! ids are what files, links and backlogs hold on to. Lists follow the
//! "after" side's order, then what only "before" had, in its order. Of
//! entries that share an id (which validation reports) the first counts.

mod gaps;
mod roadmap;
mod scores;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

pub use gaps::{Blockers, GapChange, GapChanges, GapFacts, GapField, Progress};
pub use roadmap::PhaseChange;
pub use scores::{CategoryChange, KpiChange, KpiMovement, Rescored};

use crate::core::model::{Assessment, Settings};
use crate::core::numbers::acceptance;
use crate::core::numbers::summary::{summarize, Bounds};
use crate::core::present::date::day_number;

/// A value on each side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

impl<T: PartialEq> Change<T> {
    /// Whether the two sides differ.
    pub fn is_changed(&self) -> bool {
        self.before != self.after
    }
}

/// Which side an entry matched by id is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// On both sides.
    Both,
    /// Only before: removed.
    Removed,
    /// Only after: added.
    Added,
}

impl Presence {
    fn of<T>(before: Option<T>, after: Option<T>) -> Presence {
        match (before, after) {
            (Some(_), None) => Presence::Removed,
            (None, Some(_)) => Presence::Added,
            _ => Presence::Both,
        }
    }
}

/// Everything that differs between two states of an assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The overall score, one decimal; `None` on a side without any score.
    pub overall: Change<Option<f64>>,
    pub level: Change<Option<String>>,
    /// Every category of either side, with its score on each.
    pub categories: Vec<CategoryChange>,
    pub blockers: Blockers,
    pub gaps: GapChanges,
    /// The roadmap's total cost (labor and one-off); `None` on a side
    /// without any phase, or whose labor needs a weekly rate nobody has given.
    pub total: Change<Option<Bounds>>,
    /// From the roadmap's start to its last phase's end, in weeks; `None`
    /// on a side without any phase.
    pub duration_weeks: Change<Option<Bounds>>,
    /// Whether the two sides score with different settings, so that part of
    /// a score's change comes from the rules rather than the work.
    pub settings_changed: bool,
    /// The two assessments' ids: when they differ, two different systems
    /// are compared.
    #[serde(skip)]
    pub ids: Change<String>,
    #[serde(skip)]
    pub titles: Change<String>,
    #[serde(skip)]
    pub currency: Change<String>,
    #[serde(skip)]
    pub production_ready: Change<bool>,
    /// Each side's settings.
    #[serde(skip)]
    pub settings: Change<Settings>,
    /// When the settings differ: the overall scores under each side's own
    /// settings, and both under the "after" settings.
    #[serde(skip)]
    pub rescored: Option<Rescored>,
    /// Every phase of either side, with its figures on each.
    #[serde(skip)]
    pub phases: Vec<PhaseChange>,
    /// Every KPI of either side, with its current value on each.
    #[serde(skip)]
    pub kpis: Vec<KpiChange>,
}

impl Comparison {
    /// Whether "before" and "after" are different assessments (different
    /// ids): comparing them compares two systems, not two moments of one.
    pub fn different_assessments(&self) -> bool {
        self.ids.is_changed()
    }

    /// Whether nothing that a comparison shows differs (the two may still
    /// differ in what it does not read, such as texts).
    pub fn is_empty(&self) -> bool {
        !self.different_assessments()
            && !self.overall.is_changed()
            && !self.level.is_changed()
            && !self.categories.iter().any(CategoryChange::is_changed)
            && self.blockers.opened.is_empty()
            && self.blockers.closed.is_empty()
            && self.gaps.is_empty()
            && !self.total.is_changed()
            && !self.duration_weeks.is_changed()
            && !self.settings_changed
            && !self.phases.iter().any(PhaseChange::is_changed)
            && !self.kpis.iter().any(KpiChange::is_changed)
    }
}

/// Compares two states of an assessment with no day: no acceptance
/// expires on either side (as `summarize`).
pub fn compare(before: &Assessment, after: &Assessment) -> Comparison {
    compare_on(before, None, after, None, None)
}

/// Compares two states of an assessment, `before` scored as of the day
/// `before_as_of` and `after` as of `after_as_of` (`YYYY-MM-DD`; a text
/// that is not a date is no day, as in `summarize_as_of`). Comparing a
/// state with itself on one day finds no change, and each side's numbers
/// are `summarize_as_of`'s for its day.
pub fn compare_as_of(before: &Assessment, before_as_of: &str, after: &Assessment, after_as_of: &str) -> Comparison {
    compare_on(before, Some(before_as_of), after, Some(after_as_of), None)
}

/// As [`compare_as_of`], and when the two sides score with different
/// settings, both also under `current` (the settings of the assessment as
/// it is now) when those are neither side's "after" ones: comparing two
/// milestones, a reader asks what the change would be under today's rules
/// (`Rescored::under_current`).
pub fn compare_under_current(
    before: &Assessment,
    before_as_of: &str,
    after: &Assessment,
    after_as_of: &str,
    current: &Settings,
) -> Comparison {
    compare_on(before, Some(before_as_of), after, Some(after_as_of), Some(current))
}

fn compare_on(
    before: &Assessment,
    before_as_of: Option<&str>,
    after: &Assessment,
    after_as_of: Option<&str>,
    current: Option<&Settings>,
) -> Comparison {
    // Each side as its numbers see it on its day (the acceptances expired
    // by then count as missing): what its summary, its blockers and its
    // rescoring read. The gaps' changes read the files as they are.
    let before_counted = acceptance::as_of(before, before_as_of.and_then(day_number));
    let after_counted = acceptance::as_of(after, after_as_of.and_then(day_number));
    let (summary_before, summary_after) = (summarize(&before_counted), summarize(&after_counted));
    let roadmap = |a: &Assessment, figure: Bounds| (!a.phases.is_empty()).then_some(figure);
    let settings_changed = before.settings != after.settings;
    Comparison {
        overall: Change { before: summary_before.overall, after: summary_after.overall },
        level: Change { before: summary_before.level.clone(), after: summary_after.level.clone() },
        categories: scores::categories(&summary_before, &summary_after),
        blockers: gaps::blockers(&before_counted, &after_counted),
        gaps: gaps::gaps(before, after),
        total: Change {
            before: summary_before.total.and_then(|t| roadmap(before, t)),
            after: summary_after.total.and_then(|t| roadmap(after, t)),
        },
        duration_weeks: Change {
            before: roadmap(before, summary_before.duration_weeks),
            after: roadmap(after, summary_after.duration_weeks),
        },
        settings_changed,
        ids: Change { before: before.id.clone(), after: after.id.clone() },
        titles: Change { before: before.title.clone(), after: after.title.clone() },
        currency: Change { before: before.currency.clone(), after: after.currency.clone() },
        production_ready: Change { before: summary_before.production_ready, after: summary_after.production_ready },
        settings: Change { before: before.settings.clone(), after: after.settings.clone() },
        rescored: settings_changed
            .then(|| scores::rescored(&before_counted, &after_counted, &summary_before, &summary_after, current)),
        phases: roadmap::phases(&summary_before.phases, &summary_after.phases),
        kpis: scores::kpis(before, after),
    }
}

/// Entries of two lists matched by id: each entry of `after` in its order,
/// with the entry of `before` that has its id, then the entries only
/// `before` has, in its order. Of entries sharing an id, the first counts.
fn pairs<'a, T>(before: &'a [T], after: &'a [T], id: impl Fn(&T) -> &str) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut earlier: HashMap<&str, &T> = HashMap::with_capacity(before.len());
    for entry in before {
        earlier.entry(id(entry)).or_insert(entry);
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(after.len());
    let mut out: Vec<(Option<&T>, Option<&T>)> = Vec::with_capacity(after.len());
    for entry in after {
        if seen.insert(id(entry)) {
            out.push((earlier.get(id(entry)).copied(), Some(entry)));
        }
    }
    for entry in before {
        if seen.insert(id(entry)) {
            out.push((Some(entry), None));
        }
    }
    out
}

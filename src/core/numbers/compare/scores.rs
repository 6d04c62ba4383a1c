//! Scores and measures on two sides: each category's score, each KPI's
//! current value, and, when the scoring settings differ, the overall score
//! of "before" under the "after" settings, which separates what the work
//! changed from what the rules changed.

use serde::Serialize;

use super::{pairs, Change, Presence};
use crate::core::decimal::one_decimal;
use crate::core::model::{Assessment, Better, Kpi, KpiValue, Settings};
use crate::core::numbers::score;
use crate::core::numbers::summary::Summary;

/// One category of either side, with its score on each.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryChange {
    pub id: String,
    /// The score before; `None` when it had none, or was not there.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Its name after, or before when it was removed.
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub presence: Presence,
}

impl CategoryChange {
    /// Added, removed, or with another score.
    pub fn is_changed(&self) -> bool {
        self.presence != Presence::Both || self.before != self.after
    }
}

pub(super) fn categories(before: &Summary, after: &Summary) -> Vec<CategoryChange> {
    pairs(&before.categories, &after.categories, |c| &c.id)
        .into_iter()
        .filter_map(|(b, a)| {
            let either = a.or(b)?;
            Some(CategoryChange {
                id: either.id.clone(),
                before: b.and_then(|c| c.score),
                after: a.and_then(|c| c.score),
                name: either.name.clone(),
                presence: Presence::of(b, a),
            })
        })
        .collect()
}

/// The overall scores of both sides under each side's own settings, and
/// both under the "after" settings: the part of a change that the work
/// made, apart from the part the rules made.
#[derive(Clone, Debug, PartialEq)]
pub struct Rescored {
    /// Each side under its own settings (the comparison's `overall`).
    pub own: Change<Option<f64>>,
    /// Each side under the "after" settings.
    pub under_after: Change<Option<f64>>,
    /// Each side under the current settings (those of the assessment as
    /// it is now), when the caller gave them and they are not the "after"
    /// side's (two milestones, say); `None` otherwise.
    pub under_current: Option<Change<Option<f64>>>,
}

/// The overall score of `a` under `settings`, as shown.
fn overall_under(a: &Assessment, settings: &Settings) -> Option<f64> {
    let mut rescored = a.clone();
    rescored.settings = settings.clone();
    score::scores(&rescored).overall.map(one_decimal)
}

pub(super) fn rescored(
    before: &Assessment,
    after: &Assessment,
    sb: &Summary,
    sa: &Summary,
    current: Option<&Settings>,
) -> Rescored {
    Rescored {
        own: Change { before: sb.overall, after: sa.overall },
        under_after: Change { before: overall_under(before, &after.settings), after: sa.overall },
        under_current: current
            .filter(|current| **current != after.settings)
            .map(|current| Change { before: overall_under(before, current), after: overall_under(after, current) }),
    }
}

/// One KPI of either side, with its current value on each.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiChange {
    pub id: String,
    /// Its name, unit and better direction after, or before when it was removed.
    pub name: String,
    pub unit: String,
    pub better: Better,
    pub presence: Presence,
    /// Its current value on each side when a number (see [`KpiValue::number`]).
    pub current: Change<Option<f64>>,
}

/// Which way a KPI's value moved, read with its better direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiMovement {
    Improved,
    Worsened,
    Unchanged,
    /// A side has no value.
    Unknown,
}

impl KpiChange {
    /// Added, removed, or with another current value.
    pub fn is_changed(&self) -> bool {
        self.presence != Presence::Both || self.current.is_changed()
    }

    pub fn movement(&self) -> KpiMovement {
        let (Some(before), Some(after)) = (self.current.before, self.current.after) else {
            return KpiMovement::Unknown;
        };
        if before == after {
            KpiMovement::Unchanged
        } else if self.better.meets(after, before) {
            KpiMovement::Improved
        } else {
            KpiMovement::Worsened
        }
    }
}

/// A KPI's current value when it is a number. Values in words have no
/// direction to move in, so a comparison reads them as no value.
fn number(kpi: &Kpi) -> Option<f64> {
    kpi.current.as_ref().and_then(KpiValue::number)
}

pub(super) fn kpis(before: &Assessment, after: &Assessment) -> Vec<KpiChange> {
    pairs(&before.kpis, &after.kpis, |k| &k.id)
        .into_iter()
        .filter_map(|(b, a): (Option<&Kpi>, Option<&Kpi>)| {
            let either = a.or(b)?;
            Some(KpiChange {
                id: either.id.clone(),
                name: either.name.clone(),
                unit: either.unit.clone(),
                better: either.better,
                presence: Presence::of(b, a),
                current: Change { before: b.and_then(number), after: a.and_then(number) },
            })
        })
        .collect()
}

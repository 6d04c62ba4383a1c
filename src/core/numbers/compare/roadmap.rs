//! The roadmap's phases on two sides: each phase's figures (timing, team,
//! cost, load, projection) before and after, from which phases were added,
//! removed and re-timed.

use super::{pairs, Presence};
use crate::core::numbers::summary::PhaseSummary;

/// One phase of either side, with its summary on each side it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseChange {
    pub id: String,
    pub before: Option<PhaseSummary>,
    pub after: Option<PhaseSummary>,
}

impl PhaseChange {
    /// Its name after, or before when it was removed.
    pub fn name(&self) -> &str {
        self.after.as_ref().or(self.before.as_ref()).map_or("", |p| p.name.as_str())
    }

    pub fn presence(&self) -> Presence {
        Presence::of(self.before.as_ref(), self.after.as_ref())
    }

    /// On both sides, with another start or end week.
    pub fn is_retimed(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => b.start_week != a.start_week || b.end_week != a.end_week,
            _ => false,
        }
    }

    /// On both sides, with another cost: total (labor and one-off) or annual.
    pub fn is_recosted(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => b.total != a.total || b.annual != a.annual,
            _ => false,
        }
    }

    /// On both sides, with another team: other roles, rates or FTEs (not
    /// only another labor cost, which a new duration brings alone).
    pub fn is_restaffed(&self) -> bool {
        let staff = |p: &PhaseSummary| -> Vec<(String, Option<f64>, f64, f64)> {
            p.team.iter().map(|t| (t.role.clone(), t.weekly_rate, t.fte.min, t.fte.max)).collect()
        };
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => staff(b) != staff(a),
            _ => false,
        }
    }

    /// Added, removed, renamed, re-timed, re-costed or re-staffed.
    pub fn is_changed(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => b.name != a.name || self.is_retimed() || self.is_recosted() || self.is_restaffed(),
            _ => true,
        }
    }
}

pub(super) fn phases(before: &[PhaseSummary], after: &[PhaseSummary]) -> Vec<PhaseChange> {
    pairs(before, after, |p| &p.id)
        .into_iter()
        .map(|(b, a)| PhaseChange {
            id: a.or(b).map(|p| p.id.clone()).unwrap_or_default(),
            before: b.cloned(),
            after: a.cloned(),
        })
        .collect()
}

//! Alternative roadmaps side by side: for each roadmap of an assessment
//! (the active one first, then its scenarios), the figures of the
//! assessment scored with that roadmap made active (`edit::with_scenario`),
//! so that every number is the one its own Roadmap tab would show.
//!
//! The rules beyond the summary's own:
//!
//! - **After each phase**: the projected overall score once that phase and
//!   those before it are done (as the summary's phases project it), its
//!   level, and the open blockers (P0 gaps still missing or partial) that
//!   none of those phases closes.
//! - **Ready**: the roadmap makes the system production-ready after the
//!   first phase where the projected score reaches the ready threshold and
//!   no blocker is left; the week it is passed is the latest end week of
//!   that phase and the ones before it (phases may overlap; the rule is
//!   `numbers::ready`, which the portfolio reads too). An assessment
//!   already ready is ready at week 0; one that no phase makes ready has no
//!   ready week.
//! - **Money** is unknown (`None`) where a rate is, as everywhere.
//! - **The day**: every roadmap is scored as of the same day
//!   ([`compare_roadmaps_as_of`]), the acceptances expired by then counting
//!   as missing (`numbers::acceptance`); [`compare_roadmaps`] has no day.

use serde::Serialize;

use crate::core::edit::{roadmap_names, with_scenario};
use crate::core::model::Assessment;
use crate::core::numbers::summary::{summarize, Bounds};
use crate::core::numbers::{acceptance, ready, score};
use crate::core::present::date::day_number;

/// One roadmap's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoadmapFigures {
    pub name: String,
    /// Whether it is the active roadmap.
    pub active: bool,
    pub duration_weeks: Bounds,
    /// `None` when a rate it needs is unknown.
    pub labor: Option<Bounds>,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Bounds>,
    /// The names of the roles whose missing rate makes labor unknown.
    pub unknown_rates: Vec<String>,
    /// The score today, before any phase.
    pub overall: Option<f64>,
    pub after_phases: Vec<AfterPhase>,
    /// The week the ready threshold is passed with no blocker left; `None`
    /// when this roadmap never gets there.
    pub ready_week: Option<Bounds>,
    /// The day it is passed (`YYYY-MM-DD`, the last day of the phases done
    /// by then, at the latest), when the roadmap has a start date and a
    /// phase gets there.
    pub ready_date: Option<String>,
    /// Open blockers that no phase of this roadmap closes.
    pub blockers_left: usize,
}

/// Where a roadmap stands once one of its phases is done.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AfterPhase {
    pub phase: String,
    pub projected_overall: Option<f64>,
    pub level: Option<String>,
    /// Open blockers no phase up to this one closes.
    pub blockers_left: usize,
}

/// Every roadmap of `a`, the active one first: one roadmap (unnamed, shown
/// as "Roadmap") when it holds no scenarios. No day: no acceptance expires.
pub fn compare_roadmaps(a: &Assessment) -> Vec<RoadmapFigures> {
    let names = roadmap_names(a);
    if names.is_empty() {
        return vec![figures(a, "Roadmap", true)];
    }
    names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let scored = if i == 0 { a.clone() } else { with_scenario(a, name)? };
            Some(figures(&scored, name, i == 0))
        })
        .collect()
}

/// As [`compare_roadmaps`], every roadmap scored as of the day `as_of`
/// (`YYYY-MM-DD`; a text that is not a date is no day): its figures are
/// those `summarize_as_of` gives the assessment with that roadmap active.
pub fn compare_roadmaps_as_of(a: &Assessment, as_of: &str) -> Vec<RoadmapFigures> {
    // The rule is applied once, before any roadmap is made active: the
    // scenarios change phases, never a gap's status or acceptance.
    compare_roadmaps(&acceptance::as_of(a, day_number(as_of)))
}

/// The figures of `a`'s active roadmap, under the name `name`, with no day.
pub fn figures(a: &Assessment, name: &str, active: bool) -> RoadmapFigures {
    let summary = summarize(a);
    let blockers: Vec<_> = score::blockers(a).collect();
    let mut done_phases: Vec<&str> = Vec::new();
    let (ready_week, ready_date) = if summary.production_ready {
        (Some(Bounds { min: 0.0, max: 0.0 }), None)
    } else {
        ready::ready_point(a, &summary).map_or((None, None), |point| (Some(point.week), point.date))
    };
    let mut after_phases = Vec::with_capacity(summary.phases.len());
    for phase in &summary.phases {
        done_phases.push(&phase.id);
        let left = blockers.iter().filter(|g| !g.phase.as_deref().is_some_and(|p| done_phases.contains(&p))).count();
        let projected = phase.projected_overall;
        after_phases.push(AfterPhase {
            phase: phase.name.clone(),
            projected_overall: projected,
            level: score::level(projected, &a.settings.levels).map(str::to_string),
            blockers_left: left,
        });
    }
    let closed_by_some_phase = |p: &str| a.phases.iter().any(|phase| phase.id == p);
    RoadmapFigures {
        name: name.to_string(),
        active,
        duration_weeks: summary.duration_weeks,
        labor: summary.labor,
        total: summary.total,
        unknown_rates: summary.labor_unknown_rates.clone(),
        overall: summary.overall,
        after_phases,
        ready_week,
        ready_date,
        blockers_left: blockers.iter().filter(|g| !g.phase.as_deref().is_some_and(closed_by_some_phase)).count(),
    }
}

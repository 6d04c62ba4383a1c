//! When a roadmap makes an assessment ready, the one rule that the
//! portfolio's "Ready by" and the scenario comparison both read.
//!
//! The phases are done in their order; the first phase after which the
//! projected overall score reaches the ready threshold *and* every open
//! blocker belongs to that phase or an earlier one is when the assessment
//! becomes ready, once that phase and every one before it have ended: the
//! latest end week among them (phases may run side by side), and, when all
//! of them have calendar dates, the latest of their last days.

use crate::core::model::Assessment;
use crate::core::numbers::summary::{Bounds, Summary};
use crate::core::present::date::date_text;

/// Where a roadmap reaches ready.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadyPoint {
    /// The position, in `summary.phases`, of the phase that gets it there.
    pub phase: usize,
    /// The latest end week of that phase and every one before it.
    pub week: Bounds,
    /// The latest last day of those phases (`YYYY-MM-DD`), when each has dates.
    pub date: Option<String>,
}

/// Where `assessment`'s roadmap, whose numbers are `summary`, reaches
/// ready; `None` when no phase gets it there. Whether it is ready already
/// (`summary.production_ready`) is the caller's to ask first.
pub fn ready_point(assessment: &Assessment, summary: &Summary) -> Option<ReadyPoint> {
    let blocker_phases: Vec<Option<&str>> =
        summary.blockers.iter().map(|id| assessment.gap(id).and_then(|g| g.phase.as_deref())).collect();
    let mut done: Vec<&str> = Vec::new();
    let mut week = Bounds { min: 0.0, max: 0.0 };
    let mut last_day: Option<i64> = None;
    let mut dated = true;
    for (i, phase) in summary.phases.iter().enumerate() {
        done.push(&phase.id);
        week = Bounds { min: week.min.max(phase.end_week.min), max: week.max.max(phase.end_week.max) };
        match &phase.dates {
            Some(dates) => last_day = Some(last_day.map_or(dates.days.end.latest, |d| d.max(dates.days.end.latest))),
            None => dated = false,
        }
        let reaches = phase.projected_overall.is_some_and(|p| p >= summary.ready_threshold);
        let unblocked = blocker_phases.iter().all(|p| p.is_some_and(|p| done.contains(&p)));
        if reaches && unblocked {
            let date = last_day.filter(|_| dated).and_then(date_text);
            return Some(ReadyPoint { phase: i, week, date });
        }
    }
    None
}

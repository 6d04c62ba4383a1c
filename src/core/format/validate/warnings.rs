//! Warnings: what is allowed in a file but probably not meant, listed apart
//! from its problems. A file with warnings loads and saves as any other;
//! the app lists them under its problems, `gapmap validate` prints them and
//! still succeeds.
//!
//! - A gap planned in a phase that starts before the phase of an open gap
//!   it depends on has ended: it would be worked on before what it needs.
//! - An accepted gap whose acceptance expired before the day given: it
//!   counts as missing again (`core::numbers::acceptance`).

use std::collections::HashMap;

use super::{Path, Problem};
use crate::core::model::Assessment;
use crate::core::numbers::{acceptance, schedule};
use crate::core::present::date::day_number;

/// Every warning of `assessment` as of the day `as_of` (`YYYY-MM-DD`; none,
/// or not a date: no acceptance expires), in file order.
pub fn warnings(assessment: &Assessment, as_of: Option<&str>) -> Vec<Problem> {
    let slots = schedule::schedule(assessment);
    let phase_index: HashMap<&str, usize> =
        assessment.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let gap_index: HashMap<&str, usize> =
        assessment.gaps.iter().enumerate().rev().map(|(i, g)| (g.id.as_str(), i)).collect();
    let phase_of = |phase: &Option<String>| phase.as_deref().and_then(|p| phase_index.get(p).copied());
    let day = as_of.and_then(day_number);
    let mut warnings = Vec::new();
    let list = Path::root().key("gaps");
    for (i, gap) in assessment.gaps.iter().enumerate() {
        if let Some(planned) = phase_of(&gap.phase) {
            for (j, id) in gap.depends_on.iter().enumerate() {
                let Some(needed) = gap_index.get(id.as_str()).map(|&d| &assessment.gaps[d]) else {
                    continue;
                };
                let Some(before) = phase_of(&needed.phase).filter(|&b| b != planned) else {
                    continue;
                };
                if gap.status.is_open()
                    && needed.status.is_open()
                    && slots[planned].start_week.min < slots[before].end_week.min
                {
                    warnings.push(Problem::new(
                        list.index(i).key("depends_on").index(j),
                        format!(
                            "The gap is planned in phase \"{}\", which starts before phase \"{}\" ends, where \
                             gap \"{id}\" that it depends on is closed.",
                            assessment.phases[planned].name, assessment.phases[before].name
                        ),
                    ));
                }
            }
        }
        if acceptance::is_expired(gap, day) {
            let expires = gap.acceptance.as_ref().and_then(|a| a.expires.as_deref()).unwrap_or_default();
            warnings.push(Problem::new(
                list.index(i).key("acceptance").key("expires"),
                format!("Acceptance expired on {expires}: the gap counts as missing again."),
            ));
        }
    }
    warnings
}

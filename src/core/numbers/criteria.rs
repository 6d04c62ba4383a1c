//! A phase's exit criteria as a count: how many are met, of how many, as
//! the roadmap shows it ("2 of 3 criteria met").

use crate::core::model::Phase;

/// How many of `phase`'s exit criteria are met, and how many it has.
pub fn criteria_met(phase: &Phase) -> (usize, usize) {
    (phase.exit_criteria.iter().filter(|c| c.met).count(), phase.exit_criteria.len())
}

/// "n of m criteria met", or `None` for a phase without criteria.
pub fn criteria_met_text(phase: &Phase) -> Option<String> {
    let (met, all) = criteria_met(phase);
    (all > 0).then(|| format!("{met} of {all} criteria met"))
}

//! The risk register: add, delete and put back. Nothing else in a file
//! points at a risk, so a delete takes only the risk itself (its own links
//! to gaps go and come back with it). And a risk's links to the gaps that
//! mitigate it, edited through the risk, which the views already hold.

use super::removed::{put_back_entry, take_entry, Entry, RemovedEntry};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Extra, Impact, Probability, Risk, RiskStatus};

impl Entry for Risk {
    const PREFIX: &'static str = "risk";

    fn id(&self) -> &str {
        &self.id
    }

    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}

/// A deleted risk and where it was.
pub type RemovedRisk = RemovedEntry<Risk>;

/// Adds a risk titled "New risk" (`risk-<n>`, medium probability and
/// impact, no gaps) and returns its id.
pub fn add_risk(a: &mut Assessment) -> String {
    let id = next_id(Risk::PREFIX, a.risks.iter().map(|r| r.id.as_str()));
    a.risks.push(Risk {
        id: id.clone(),
        title: "New risk".to_string(),
        probability: Probability::Medium,
        impact: Impact::Medium,
        mitigation: String::new(),
        gaps: Vec::new(),
        owner: String::new(),
        status: RiskStatus::Open,
        review_on: None,
        extra: Extra::new(),
    });
    id
}

/// Deletes the risk at `position`.
pub fn remove_risk(a: &mut Assessment, position: usize) -> Option<RemovedRisk> {
    take_entry(&mut a.risks, position)
}

/// Puts back what [`remove_risk`] took where it was, unless it is back
/// already; under a fresh id if a risk added since has taken its own.
pub fn restore_risk(a: &mut Assessment, removed: RemovedRisk) {
    put_back_entry(&mut a.risks, removed);
}

/// Links the gap `gap` (an id) to `risk`, at the end of its links, unless
/// it is linked already; returns whether it linked it.
pub fn link_gap(risk: &mut Risk, gap: &str) -> bool {
    let new = !risk.gaps.iter().any(|g| g == gap);
    if new {
        risk.gaps.push(gap.to_string());
    }
    new
}

/// Unlinks the gap `gap` (an id) from `risk`: every link to it, should the
/// file repeat one; returns how many links it took.
pub fn unlink_gap(risk: &mut Risk, gap: &str) -> usize {
    let before = risk.gaps.len();
    risk.gaps.retain(|g| g != gap);
    before - risk.gaps.len()
}

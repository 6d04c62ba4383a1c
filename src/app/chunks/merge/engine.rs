//! The core's merge, as the merge view lists it: what came in from the
//! other side, in words, and each conflict with a readable path and both
//! values; and the result once the user has chosen a side for each
//! conflict.
//!
//! TEMPORARY: stands in for the core's merge until it lands.

use crate::core::Assessment;

/// A side of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    Ours,
    Theirs,
}

/// A conflict, as the view shows it.
#[derive(Clone, Debug)]
pub(super) struct Conflict {
    /// Where it is, as people read it ("Gap “Backups”: status").
    pub path: String,
    pub ours: String,
    pub theirs: String,
}

/// A merge, as the view shows it.
#[derive(Clone, Debug)]
pub(super) struct Outcome {
    /// What came in from the other side, one line each.
    pub came_in: Vec<String>,
    pub conflicts: Vec<Conflict>,
    ours: Assessment,
    theirs: Assessment,
}

/// Merges `theirs` into `ours` against `base` (none: every difference is a
/// conflict).
pub(super) fn merge(_base: Option<&Assessment>, ours: &Assessment, theirs: &Assessment) -> Outcome {
    let conflicts = if ours == theirs {
        Vec::new()
    } else {
        vec![Conflict { path: "The whole assessment".into(), ours: ours.title.clone(), theirs: theirs.title.clone() }]
    };
    Outcome { came_in: Vec::new(), conflicts, ours: ours.clone(), theirs: theirs.clone() }
}

/// The merged result with `choices` (one per conflict, in order).
pub(super) fn resolve(outcome: &Outcome, choices: &[Side]) -> Result<Assessment, String> {
    Ok(if choices.first() == Some(&Side::Theirs) { outcome.theirs.clone() } else { outcome.ours.clone() })
}

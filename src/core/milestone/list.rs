//! The list of milestones: saving one from the current state, renaming one,
//! and deleting one with what it takes to undo that. Each follows the
//! contract of the other list edits: entries are named by position, a
//! position out of range changes nothing, undo is exact, restoring twice
//! restores once, and nothing panics.
//!
//! Note: these belong with the other list edits in `core::edit`, which did
//! not exist on main when milestones were added; they move there (as
//! `edit/milestones.rs`, over its `RemovedEntry`) when both meet.

use crate::core::ids::next_id;
use crate::core::model::{Assessment, Milestone, Snapshot};

/// The prefix of milestone ids: `ms-3`.
const PREFIX: &str = "ms";

/// A milestone of `assessment` as it is now, named `name` and dated
/// `saved_on` (`YYYY-MM-DD`, optionally `THH:MM` or `THH:MM:SS`), with a
/// fresh id (`ms-<n>`) among its milestones. Adding it to the list is the
/// caller's step: `assessment.milestones.push(milestone)`.
pub fn save_milestone(assessment: &Assessment, name: &str, saved_on: &str) -> Milestone {
    Milestone {
        id: next_id(PREFIX, assessment.milestones.iter().map(|m| m.id.as_str())),
        name: name.to_string(),
        saved_on: saved_on.to_string(),
        state: Snapshot::of(assessment),
        extra: Default::default(),
    }
}

/// Names the milestone at `position` `name`; returns the name it had, which
/// renaming back restores. `None` (and no change) when there is none there.
pub fn rename_milestone(assessment: &mut Assessment, position: usize, name: &str) -> Option<String> {
    let milestone = assessment.milestones.get_mut(position)?;
    Some(std::mem::replace(&mut milestone.name, name.to_string()))
}

/// A deleted milestone and where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedMilestone {
    /// Where it was.
    pub position: usize,
    pub milestone: Milestone,
    /// How many milestones like it (equal but for the id) the list held
    /// before the removal, itself included: it is back when the list holds
    /// as many again.
    copies: usize,
}

/// Whether `a` is `b` under any id.
fn alike(a: &Milestone, b: &Milestone) -> bool {
    a.name == b.name && a.saved_on == b.saved_on && a.state == b.state && a.extra == b.extra
}

/// Deletes the milestone at `position`.
pub fn remove_milestone(assessment: &mut Assessment, position: usize) -> Option<RemovedMilestone> {
    let list = &mut assessment.milestones;
    let target = list.get(position)?;
    let copies = list.iter().filter(|m| alike(m, target)).count();
    let milestone = list.remove(position);
    Some(RemovedMilestone { position, milestone, copies })
}

/// Puts back what [`remove_milestone`] took, where it was (at the end of a
/// list that has since become shorter), unless it is back already; under a
/// fresh id when a milestone saved since has taken its own.
pub fn restore_milestone(assessment: &mut Assessment, removed: RemovedMilestone) {
    let list = &mut assessment.milestones;
    if list.iter().filter(|m| alike(m, &removed.milestone)).count() >= removed.copies {
        return;
    }
    let mut milestone = removed.milestone;
    if list.iter().any(|m| m.id == milestone.id) {
        milestone.id = next_id(PREFIX, list.iter().map(|m| m.id.as_str()));
    }
    list.insert(removed.position.min(list.len()), milestone);
}

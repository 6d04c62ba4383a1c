//! The milestones: save one from the state as it is, add it, rename one,
//! delete one and put it back. Nothing else in a file points at a milestone, so a
//! delete takes only the milestone itself.

use super::removed::{put_back_entry, take_entry, Entry, RemovedEntry};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Extra, Milestone, Snapshot};

impl Entry for Milestone {
    const PREFIX: &'static str = "ms";

    fn id(&self) -> &str {
        &self.id
    }

    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}

/// A deleted milestone and where it was.
pub type RemovedMilestone = RemovedEntry<Milestone>;

/// A milestone of `a` as it is now, named `name` and dated `saved_on`
/// (`YYYY-MM-DD`, optionally with `THH:MM` or `THH:MM:SS`), with a fresh id
/// (`ms-<n>`) among its milestones. Adding it to the list is the caller's
/// step (`a.milestones.push(..)`), so that saving can be offered, named and
/// dated before anything changes.
pub fn save_milestone(a: &Assessment, name: &str, saved_on: &str) -> Milestone {
    Milestone {
        id: next_id(Milestone::PREFIX, a.milestones.iter().map(|m| m.id.as_str())),
        name: name.to_string(),
        saved_on: saved_on.to_string(),
        state: Snapshot::of(a),
        extra: Extra::new(),
    }
}

/// Adds `milestone` (from [`save_milestone`]) after the others; under a
/// fresh id if one saved since has taken its own. Returns its position.
pub fn add_milestone(a: &mut Assessment, mut milestone: Milestone) -> usize {
    if a.milestones.iter().any(|m| m.id == milestone.id) {
        milestone.id = next_id(Milestone::PREFIX, a.milestones.iter().map(|m| m.id.as_str()));
    }
    a.milestones.push(milestone);
    a.milestones.len() - 1
}

/// Names the milestone at `position` `name`; returns the name it had, which
/// renaming back restores. `None`, and no change, when there is none there.
pub fn rename_milestone(a: &mut Assessment, position: usize, name: &str) -> Option<String> {
    let milestone = a.milestones.get_mut(position)?;
    Some(std::mem::replace(&mut milestone.name, name.to_string()))
}

/// Deletes the milestone at `position`.
pub fn remove_milestone(a: &mut Assessment, position: usize) -> Option<RemovedMilestone> {
    take_entry(&mut a.milestones, position)
}

/// Puts back what [`remove_milestone`] took where it was, unless it is back
/// already; under a fresh id if a milestone saved since has taken its own.
pub fn restore_milestone(a: &mut Assessment, removed: RemovedMilestone) {
    put_back_entry(&mut a.milestones, removed);
}

//! A gap's evidence entries: add a blank one, take one out, put it back.
//! Entries have no ids, so they are named by position, like checklist items.

use super::removed::Removed;
use crate::core::model::{Evidence, Gap};

/// Adds a blank entry (no text, no address) at the end of `gap`'s
/// evidence; returns its position.
pub fn add_evidence(gap: &mut Gap) -> usize {
    gap.evidence.push(Evidence::new("", None));
    gap.evidence.len() - 1
}

/// Takes evidence entry `line` out of `gap`.
pub fn remove_evidence(gap: &mut Gap, line: usize) -> Option<Removed<Evidence>> {
    Removed::take(&mut gap.evidence, line)
}

/// Puts back what [`remove_evidence`] took, unless it is back.
pub fn restore_evidence(gap: &mut Gap, removed: Removed<Evidence>) {
    removed.put_back(&mut gap.evidence);
}

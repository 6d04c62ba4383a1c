//! A gap's tags: add several at once, each only once, and remove one. Tags
//! are named by position, and edited through their gap, which the views
//! already hold.

use super::removed::Removed;
use crate::core::model::Gap;

/// Adds each of `tags` the gap does not have yet, in order, at the end;
/// returns how many it added. A tag given twice is added once.
pub fn add_tags(gap: &mut Gap, tags: impl IntoIterator<Item = String>) -> usize {
    let mut added = 0;
    for tag in tags {
        if !gap.tags.contains(&tag) {
            gap.tags.push(tag);
            added += 1;
        }
    }
    added
}

/// Takes tag `position` off the gap.
pub fn remove_tag(gap: &mut Gap, position: usize) -> Option<Removed<String>> {
    Removed::take(&mut gap.tags, position)
}

/// Puts back what [`remove_tag`] took, unless it is back.
pub fn restore_tag(gap: &mut Gap, removed: Removed<String>) {
    removed.put_back(&mut gap.tags);
}

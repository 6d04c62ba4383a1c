//! A gap's checklist: add, remove, put back and reorder its items. Items
//! have no ids; they are named by position, and edited through their gap,
//! which the views already hold.

use super::removed::Removed;
use crate::core::model::{Gap, Item};

/// Adds a blank, unticked item at the end of the checklist; returns its position.
pub fn add_item(gap: &mut Gap) -> usize {
    gap.items.push(Item::new("", false));
    gap.items.len() - 1
}

/// Takes item `position` out of the checklist.
pub fn remove_item(gap: &mut Gap, position: usize) -> Option<Removed<Item>> {
    Removed::take(&mut gap.items, position)
}

/// Puts back what [`remove_item`] took, unless it is back.
pub fn restore_item(gap: &mut Gap, removed: Removed<Item>) {
    removed.put_back(&mut gap.items);
}

/// Swaps item `position` with its neighbour above (`up`) or below; nothing
/// when there is none.
pub fn move_item(gap: &mut Gap, position: usize, up: bool) {
    let other = if up { position.checked_sub(1) } else { position.checked_add(1) };
    if let Some(other) = other.filter(|&o| o < gap.items.len() && position < gap.items.len()) {
        gap.items.swap(position, other);
    }
}

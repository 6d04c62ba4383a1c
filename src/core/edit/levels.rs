//! The readiness levels of the settings: add, remove and put back. Levels
//! have no ids; they are named by position in the file.

use super::removed::Removed;
use crate::core::model::{Assessment, Level};

/// Adds a level labelled "New level" with minimum 0; returns its position.
pub fn add_level(a: &mut Assessment) -> usize {
    a.settings.levels.push(Level { min: 0.0, label: "New level".to_string(), extra: Default::default() });
    a.settings.levels.len() - 1
}

/// Removes the level at `position`.
pub fn remove_level(a: &mut Assessment, position: usize) -> Option<Removed<Level>> {
    Removed::take(&mut a.settings.levels, position)
}

/// Puts back what [`remove_level`] took, unless it is back.
pub fn restore_level(a: &mut Assessment, removed: Removed<Level>) {
    removed.put_back(&mut a.settings.levels);
}

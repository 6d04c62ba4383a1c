//! The categories: add, and delete, which a category's gaps stand in the
//! way of. A category that still has gaps is refused, with the reason the
//! view shows, unless its gaps move to another category in the same step;
//! putting it back moves them back.

use std::fmt;

use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Category};
use crate::core::present::display::plural;

/// Adds a category named `name` (`cat-<n>`) and returns its id.
pub fn add_category(a: &mut Assessment, name: &str) -> String {
    let id = next_id("cat", a.categories.iter().map(|c| c.id.as_str()));
    a.categories.push(Category::new(id.clone(), name));
    id
}

/// Why a category cannot be deleted; its text is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CategoryRefusal {
    /// There is no category at that position.
    Missing,
    /// The category still has gaps, and none were to move.
    HasGaps {
        /// The category's name.
        name: String,
        /// How many gaps it has.
        gaps: usize,
        /// Whether another category exists to move them to.
        elsewhere: bool,
    },
    /// The gaps were to move to something that is not another category.
    NoSuchTarget {
        /// The id they were to move to.
        target: String,
    },
}

impl fmt::Display for CategoryRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CategoryRefusal::Missing => write!(f, "That category is gone already."),
            CategoryRefusal::HasGaps { name, gaps, elsewhere } => {
                let count = plural(*gaps, "gap", "gaps");
                if *elsewhere {
                    write!(
                        f,
                        "\u{201c}{name}\u{201d} still has {count}. A category with gaps cannot be deleted: move them to another category first."
                    )
                } else {
                    write!(
                        f,
                        "\u{201c}{name}\u{201d} still has {count}, and there is no other category to move them to. Add a category first, or delete its gaps on the Gaps tab."
                    )
                }
            }
            CategoryRefusal::NoSuchTarget { target } => {
                write!(f, "There is no other category \u{201c}{target}\u{201d} to move the gaps to.")
            }
        }
    }
}

/// Why the category at `position` cannot be deleted, moving its gaps to
/// the category `move_to` (an id) when one is given; `None` when it can.
/// Gaps can move only to another category that exists.
pub fn category_refusal(a: &Assessment, position: usize, move_to: Option<&str>) -> Option<CategoryRefusal> {
    let Some(category) = a.categories.get(position) else { return Some(CategoryRefusal::Missing) };
    let id = category.id.as_str();
    match move_to {
        Some(target) if target == id || a.category(target).is_none() => {
            Some(CategoryRefusal::NoSuchTarget { target: target.to_string() })
        }
        Some(_) => None,
        None => {
            let gaps = a.gaps.iter().filter(|g| g.category == id).count();
            (gaps > 0).then(|| CategoryRefusal::HasGaps {
                name: category.name.clone(),
                gaps,
                elsewhere: a.categories.iter().any(|c| c.id != id),
            })
        }
    }
}

/// A deleted category, and the gaps that moved out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedCategory {
    /// Where it was.
    pub position: usize,
    pub category: Category,
    /// The gaps that moved out of it: position and id.
    pub moved: Vec<(usize, String)>,
    /// The id of the category they moved to.
    pub moved_to: Option<String>,
    /// How many categories held its id once it was gone.
    namesakes: usize,
}

/// Deletes the category at `position`, first moving its gaps to the
/// category `move_to` when given, or refuses (see [`category_refusal`]).
pub fn remove_category(
    a: &mut Assessment,
    position: usize,
    move_to: Option<&str>,
) -> Result<RemovedCategory, CategoryRefusal> {
    if let Some(refusal) = category_refusal(a, position, move_to) {
        return Err(refusal);
    }
    let category = a.categories.remove(position);
    let mut moved = Vec::new();
    if let Some(target) = move_to {
        for (i, gap) in a.gaps.iter_mut().enumerate().filter(|(_, g)| g.category == category.id) {
            gap.category = target.to_string();
            moved.push((i, gap.id.clone()));
        }
    }
    let namesakes = a.categories.iter().filter(|c| c.id == category.id).count();
    Ok(RemovedCategory { position, category, moved, moved_to: move_to.map(str::to_string), namesakes })
}

/// Puts back what [`remove_category`] took, and moves back the gaps that
/// are still where they were moved. Does nothing once a category with its
/// id is back: itself (the editor's Undo was used first) or one added since.
pub fn restore_category(a: &mut Assessment, removed: RemovedCategory) {
    let RemovedCategory { position, category, moved, moved_to, namesakes } = removed;
    if a.categories.iter().filter(|c| c.id == category.id).count() > namesakes {
        return;
    }
    let id = category.id.clone();
    a.categories.insert(position.min(a.categories.len()), category);
    let Some(target) = moved_to else { return };
    for (i, gap_id) in moved {
        if let Some(gap) = a.gaps.get_mut(i).filter(|g| g.id == gap_id && g.category == target) {
            gap.category = id.clone();
        }
    }
}

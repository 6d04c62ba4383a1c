//! Making a merged value a valid assessment. Each side is valid, but their
//! changes together need not be; the merged value is read as a file is
//! (decoded and validated), and what is wrong is fixed, deterministically,
//! until nothing is:
//!
//! 1. a value that names an entry which one side removed and another still
//!    has (a gap's category, its phase, a team's role, a target's phase, a
//!    risk's gap) brings that entry back, from ours, else theirs, else the
//!    base, placed after the entry it follows there;
//! 2. anything else (an effort whose minimum one side raised above the
//!    maximum the other lowered) replaces the object holding the fault with
//!    ours' version of it (theirs' when ours has none), or the object
//!    holding that, up to the file's top-level entries.
//!
//! Each fix is reported as a conflict that is not a choice, and the
//! changes taken from theirs that it undid leave the list of what came in.
//! When nothing fixes it, the caller falls back to ours as it was.

use std::collections::BTreeSet;

use serde_json::Value;

use super::path::{id_of, text_of, MergePath, PathStep};
use super::{Change, Conflict, ConflictKind, Inputs};
use crate::core::format::validate::{Path, Step};
use crate::core::format::{self};
use crate::core::model::Assessment;

/// The most rounds of fixes tried before falling back to ours. A round
/// restores every lost entry its problems name at once, so real merges
/// need one or two.
const MAX_ROUNDS: usize = 32;

/// The merged value as a valid assessment, fixing it as it needs; `None`
/// when it cannot be fixed.
pub(super) fn valid(mut merged: Value, inputs: &Inputs, found: &mut Found) -> Option<Assessment> {
    for _ in 0..MAX_ROUNDS {
        let bytes = serde_json::to_vec(&merged).ok()?;
        let (assessment, problems) = format::read(&bytes).ok()?;
        let Some(first) = problems.first() else {
            return Some(assessment);
        };
        // Paths index the merged lists, so every lost entry is found
        // before any is put back.
        let lost: BTreeSet<(String, String)> =
            problems.iter().filter_map(|p| lost_reference(&merged, inputs, &p.path)).collect();
        if lost.is_empty() {
            if !keep_ours(&mut merged, inputs, &first.path, found) {
                return None;
            }
        } else {
            for (list, id) in lost {
                restore(&mut merged, inputs, &list, &id, found);
            }
        }
    }
    None
}

/// What the merge found: its conflicts and the changes it took.
pub(super) struct Found {
    pub(super) conflicts: Vec<Conflict>,
    pub(super) taken: Vec<Change>,
}

impl Found {
    /// Records a fix; what came in from theirs at or under its path is no
    /// longer in the result.
    fn fixed(&mut self, conflict: Conflict) {
        self.taken.retain(|change| !change.path.starts_with(&conflict.path));
        self.conflicts.push(conflict);
    }
}

/// The sides, most preferred first.
fn sides(inputs: &Inputs) -> [Option<&Value>; 3] {
    [Some(&inputs.ours), Some(&inputs.theirs), inputs.base.as_ref()]
}

/// The entry with `id` in the top-level list `list` of `side`, and where.
fn entry<'v>(side: Option<&'v Value>, list: &str, id: &str) -> Option<(&'v [Value], usize)> {
    let entries = side?.get(list)?.as_array()?;
    entries.iter().position(|e| id_of(e) == Some(id)).map(|i| (entries.as_slice(), i))
}

/// When the value at `path` is a string naming an entry of a top-level
/// list that the result lacks and a side has: that list and id.
fn lost_reference(merged: &Value, inputs: &Inputs, path: &Path) -> Option<(String, String)> {
    let target = path.0.iter().try_fold(merged, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(i) => value.get(i),
    })?;
    let id = target.as_str()?;
    let lists = merged.as_object()?;
    let known = |list: &str| sides(inputs).into_iter().any(|side| entry(side, list, id).is_some());
    lists
        .iter()
        .filter(|(_, entries)| entries.as_array().is_some_and(|l| l.iter().all(|e| id_of(e) != Some(id))))
        .find(|(list, _)| known(list))
        .map(|(list, _)| (list.clone(), id.to_string()))
}

/// Puts the entry `id` back into the list `list`, from the first side that
/// has it, after the entry it follows there.
fn restore(merged: &mut Value, inputs: &Inputs, list: &str, id: &str, found: &mut Found) {
    let Some((source, at)) = sides(inputs).into_iter().find_map(|side| entry(side, list, id)) else {
        return;
    };
    let Some(Value::Array(target)) = merged.get_mut(list) else {
        return;
    };
    let position = source[..at]
        .iter()
        .rev()
        .find_map(|before| {
            let before = id_of(before)?;
            target.iter().position(|e| id_of(e) == Some(before))
        })
        .map_or(0, |p| p + 1);
    target.insert(position, source[at].clone());
    let [ours, theirs, base] = sides(inputs).map(|side| entry(side, list, id).map(|(l, i)| l[i].clone()));
    let path = MergePath(vec![PathStep::Key(list.to_string()), PathStep::Id(id.to_string())]);
    found.fixed(Conflict { path, kind: ConflictKind::KeptForReference, base, ours, theirs });
}

/// Replaces the innermost object around `problem` that ours (else theirs,
/// else the base) has in another form with that form. False when there is
/// none below the file itself.
fn keep_ours(merged: &mut Value, inputs: &Inputs, problem: &Path, found: &mut Found) -> bool {
    let mut at = identity(merged, problem).parent();
    while let Some(path) = at.filter(|p| !p.0.is_empty()) {
        let [ours, theirs, base] = sides(inputs).map(|side| side.and_then(|s| path.find(s)));
        let replacement = ours.or(theirs).or(base).cloned();
        if let (Some(current), Some(replacement)) = (path.find_mut(merged), replacement) {
            if *current != replacement {
                *current = replacement;
                found.fixed(Conflict {
                    path,
                    kind: ConflictKind::Incompatible,
                    base: base.cloned(),
                    ours: ours.cloned(),
                    theirs: theirs.cloned(),
                });
                return true;
            }
        }
        at = path.parent();
    }
    false
}

/// A validation path (by position) in `merged` as a merge path (by id or
/// text where entries have them), as far as `merged` has it.
fn identity(merged: &Value, path: &Path) -> MergePath {
    let mut steps = Vec::new();
    let mut value = merged;
    for step in &path.0 {
        let (next, named) = match step {
            Step::Key(key) => match value.get(key) {
                Some(next) => (next, PathStep::Key(key.clone())),
                None => break,
            },
            Step::Index(i) => {
                let Some((list, next)) = value.as_array().and_then(|l| Some((l, l.get(*i)?))) else {
                    break;
                };
                let named = if let Some(id) = id_of(next) {
                    PathStep::Id(id.to_string())
                } else if let Some(text) = text_of(next) {
                    let nth = list[..*i].iter().filter(|v| text_of(v) == Some(text)).count();
                    PathStep::Text { text: text.to_string(), nth }
                } else {
                    PathStep::Index(*i)
                };
                (next, named)
            }
        };
        steps.push(named);
        value = next;
    }
    MergePath(steps)
}

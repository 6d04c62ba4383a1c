//! Three-way merge of two edited versions of one assessment against the
//! version both started from: what the app's import offers as "Merge" and
//! what `gapmap merge` does as git's merge driver.
//!
//! **Why the merge works on JSON values, not on the model.** Each side is
//! turned into the `serde_json::Value` of its canonical form and merged as
//! plain JSON, then the result is decoded and validated through the file
//! format like any file. The merge therefore knows no field by name: every
//! field, the ones added after it was written and the unknown keys kept in
//! `extra` alike, is merged by the same few rules, and a new field of the
//! model needs no change here. What the model does decide, the identity of
//! entries, is read from the shape of the JSON:
//!
//! - objects merge key by key;
//! - a list whose entries are objects that each carry a unique string `id`
//!   (categories, gaps, phases, roles, KPIs, risks, milestones, and any such
//!   list to come) merges entry by entry, matched by id; its order is ours,
//!   with theirs' additions placed after the entry they follow in theirs
//!   (theirs' order when only theirs reordered);
//! - a list of objects with a `text` and no `id` (a gap's checklist) merges
//!   item by item by position while no side inserted or removed an item,
//!   and matched by text once one did;
//! - a list of strings (tags, a risk's gap links, assessors) merges as a
//!   set: what either side added or removed;
//! - any other list (a phase's team and costs, the levels) is one value.
//!
//! A value changed on one side only takes that change; the same change on
//! both sides is taken once; different changes on both sides are a
//! [`Conflict`], resolved to ours until [`MergeOutcome::resolve`] is told
//! otherwise. An entry removed on one side and changed on the other is a
//! conflict too; ours' choice stands (removed when ours removed it, kept
//! when ours changed it).
//!
//! Each side is valid, but their changes together need not be: a gap put in
//! a category that the other side removed, an effort whose minimum one side
//! raised above the maximum the other lowered. The result is checked as a
//! loaded file is, and fixed deterministically (`repair`): an entry that the
//! result refers to is kept, and a combination that does not validate is
//! replaced by ours' version of the object that holds it; each fix is
//! reported as a conflict. The outcome is therefore always a valid
//! assessment, and saving it gives canonical bytes.
//!
//! Without a base (an assessment whose earlier version nobody kept),
//! [`merge_without_base`] cannot tell an addition from a removal, so every
//! difference is a conflict for the user to choose.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::core::model::Assessment;

mod list;
mod path;
mod repair;
mod taken;
mod walk;

pub use path::{MergePath, PathStep};

/// One side of a merge, as a choice for a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The version being merged into: the library's copy, git's current branch.
    Ours,
    /// The version coming in: the imported file, the branch being merged.
    Theirs,
}

/// What kind of disagreement a [`Conflict`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides changed the value, differently (or added it, differently).
    Changed,
    /// Ours removed it and theirs changed it: the result has it removed.
    RemovedInOurs,
    /// Theirs removed it and ours changed it: the result keeps ours'.
    RemovedInTheirs,
    /// Without a base: only ours has it, and the result keeps it.
    OnlyInOurs,
    /// Without a base: only theirs has it, and the result leaves it out.
    OnlyInTheirs,
    /// Both sides reordered the list, differently: the values are the
    /// entries' ids (or texts) in each order, and the result has ours'.
    Order,
    /// One side removed the entry, but the merged file refers to it, so it
    /// is kept (the values are the entry on each side). Not a choice.
    KeptForReference,
    /// Each side's changes are valid alone but not together: the object
    /// holding them is ours' (theirs' when ours has none). Not a choice.
    Incompatible,
}

/// A value the two sides changed differently, and what the result kept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    pub path: MergePath,
    pub kind: ConflictKind,
    /// The value in the base; absent when the base has none (or there is
    /// no base).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<Value>,
    /// Ours' value; absent when ours has none (removed it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ours: Option<Value>,
    /// Theirs' value; absent when theirs has none (removed it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theirs: Option<Value>,
}

impl Conflict {
    /// Whether the user can choose theirs instead: not for the fixes that
    /// keep the result valid.
    pub fn is_choice(&self) -> bool {
        !matches!(self.kind, ConflictKind::KeptForReference | ConflictKind::Incompatible)
    }
}

/// What a [`Change`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A field, an entry, or (in a list of strings) one string added.
    Added,
    /// A field, an entry, or (in a list of strings) one string removed.
    Removed,
    /// A value changed; for a list's order, the values are the entries'
    /// ids (or texts) in each order.
    Changed,
}

/// A change that came in from theirs alone: the "what came in" list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub path: MergePath,
    pub kind: ChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theirs: Option<Value>,
}

/// The result of a merge: a valid assessment, the conflicts it resolved to
/// ours, and what it took from theirs.
#[derive(Clone, Debug)]
pub struct MergeOutcome {
    /// The merged assessment: always valid; `format::save` gives its
    /// canonical text.
    pub merged: Assessment,
    /// Every conflict, in the order of the file's keys and lists.
    pub conflicts: Vec<Conflict>,
    /// Every change taken from theirs alone, in the same order.
    pub taken: Vec<Change>,
    /// What was merged, kept so that [`MergeOutcome::resolve`] can merge
    /// again with the user's choices.
    inputs: Inputs,
}

/// The three versions as JSON values, and ours as it was given: the
/// result when nothing else validates.
#[derive(Clone, Debug)]
struct Inputs {
    base: Option<Value>,
    ours: Value,
    theirs: Value,
    ours_assessment: Assessment,
}

impl MergeOutcome {
    /// Whether nothing conflicted: the merge needs no one's choice.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merge again with the user's choices: `choices[i]` for
    /// `conflicts[i]` (ours where none is given; ignored for conflicts that
    /// are not choices). Its conflicts are then only the fixes that kept the
    /// result valid.
    pub fn resolve(&self, choices: &[Side]) -> MergeOutcome {
        let chosen: HashMap<String, Side> = self
            .conflicts
            .iter()
            .zip(choices)
            .filter(|(conflict, _)| conflict.is_choice())
            .map(|(conflict, side)| (conflict.path.to_string(), *side))
            .collect();
        let mut outcome = run(self.inputs.clone(), &chosen);
        outcome.conflicts.retain(|c| !c.is_choice());
        outcome
    }
}

/// Merges `ours` and `theirs`, two edited versions of `base`.
pub fn merge(base: &Assessment, ours: &Assessment, theirs: &Assessment) -> MergeOutcome {
    run(Inputs::new(Some(base), ours, theirs), &HashMap::new())
}

/// Merges two versions whose common base is unknown: every difference is a
/// conflict, resolved to ours until chosen otherwise.
pub fn merge_without_base(ours: &Assessment, theirs: &Assessment) -> MergeOutcome {
    run(Inputs::new(None, ours, theirs), &HashMap::new())
}

impl Inputs {
    fn new(base: Option<&Assessment>, ours: &Assessment, theirs: &Assessment) -> Self {
        Inputs {
            base: base.map(to_value),
            ours: to_value(ours),
            theirs: to_value(theirs),
            ours_assessment: ours.clone(),
        }
    }
}

/// The canonical form of an assessment as a JSON value. Serializing the
/// model cannot fail (every key is a string); `Null` would only make the
/// merge fall back to ours.
fn to_value(assessment: &Assessment) -> Value {
    serde_json::to_value(assessment).unwrap_or(Value::Null)
}

/// The merge proper: walk the values, then make the result valid.
fn run(inputs: Inputs, choices: &HashMap<String, Side>) -> MergeOutcome {
    let mut walk = walk::Merger::new(inputs.base.is_none(), choices);
    let merged = walk.value(inputs.base.as_ref(), Some(&inputs.ours), Some(&inputs.theirs)).unwrap_or(Value::Null);
    let (conflicts, taken) = walk.finish();
    let mut found = repair::Found { conflicts, taken };
    let merged = match repair::valid(merged, &inputs, &mut found) {
        Some(assessment) => assessment,
        None => {
            // Nothing valid could be made of the two: the result is ours,
            // and nothing of theirs came in.
            found.taken.clear();
            found.conflicts.push(Conflict {
                path: MergePath::root(),
                kind: ConflictKind::Incompatible,
                base: None,
                ours: None,
                theirs: None,
            });
            inputs.ours_assessment.clone()
        }
    };
    let repair::Found { conflicts, taken } = found;
    MergeOutcome { merged, conflicts, taken, inputs }
}

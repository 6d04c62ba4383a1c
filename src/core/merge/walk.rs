//! The walk of a three-way merge over JSON values: one value at a time,
//! taking a one-sided change, recursing into objects and lists that both
//! sides changed, and recording a conflict where the two disagree.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::path::{MergePath, PathStep};
use super::{Change, Conflict, ConflictKind, Side};

/// The state of one merge: where it is, and what it found so far.
pub(super) struct Merger<'c> {
    /// No base is known: every difference is a conflict.
    pub(super) two_way: bool,
    /// The user's choices, by the conflict's path as written.
    choices: &'c HashMap<String, Side>,
    /// The path of the value being merged.
    pub(super) path: Vec<PathStep>,
    conflicts: Vec<Conflict>,
    pub(super) taken: Vec<Change>,
}

impl<'c> Merger<'c> {
    pub(super) fn new(two_way: bool, choices: &'c HashMap<String, Side>) -> Self {
        Merger { two_way, choices, path: Vec::new(), conflicts: Vec::new(), taken: Vec::new() }
    }

    /// The conflicts and the changes taken from theirs.
    pub(super) fn finish(self) -> (Vec<Conflict>, Vec<Change>) {
        (self.conflicts, self.taken)
    }

    /// The merge of one value; `None` is a value absent (a key or an entry
    /// that a side does not have).
    pub(super) fn value(
        &mut self,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if ours == theirs {
            return ours.cloned();
        }
        if !self.two_way {
            if base == ours {
                self.take(base, theirs);
                return theirs.cloned();
            }
            if base == theirs {
                return ours.cloned();
            }
        }
        match (ours, theirs) {
            (Some(Value::Object(o)), Some(Value::Object(t))) => {
                return Some(Value::Object(self.object(base.and_then(Value::as_object), o, t)));
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let base = base.and_then(Value::as_array).map(Vec::as_slice);
                if let Some(merged) = self.list(base, o, t) {
                    return Some(Value::Array(merged));
                }
            }
            _ => {}
        }
        let kind = match (ours.is_some(), theirs.is_some()) {
            (false, _) if self.two_way => ConflictKind::OnlyInTheirs,
            (_, false) if self.two_way => ConflictKind::OnlyInOurs,
            (false, _) => ConflictKind::RemovedInOurs,
            (_, false) => ConflictKind::RemovedInTheirs,
            _ => ConflictKind::Changed,
        };
        let base = if self.two_way { None } else { base };
        self.conflict(kind, base, ours, theirs)
    }

    /// Two objects that both sides changed: key by key. A base that is not
    /// an object (absent, or `null` before both sides gave a value) counts
    /// as an object without keys.
    fn object(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let keys: BTreeSet<&String> =
            ours.keys().chain(theirs.keys()).chain(base.into_iter().flat_map(Map::keys)).collect();
        let mut merged = Map::new();
        for key in keys {
            self.path.push(PathStep::Key(key.clone()));
            let value = self.value(base.and_then(|b| b.get(key)), ours.get(key), theirs.get(key));
            self.path.pop();
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        merged
    }

    /// Records a conflict at the current path; the value the user chose,
    /// ours unless told otherwise.
    pub(super) fn conflict(
        &mut self,
        kind: ConflictKind,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let side = self.choice(kind, base.cloned(), ours.cloned(), theirs.cloned());
        match side {
            Side::Ours => ours.cloned(),
            Side::Theirs => theirs.cloned(),
        }
    }

    /// Records a conflict at the current path with these values; the side
    /// the user chose for it, ours unless told otherwise.
    pub(super) fn choice(
        &mut self,
        kind: ConflictKind,
        base: Option<Value>,
        ours: Option<Value>,
        theirs: Option<Value>,
    ) -> Side {
        let path = MergePath(self.path.clone());
        let side = if self.choices.is_empty() { None } else { self.choices.get(&path.to_string()).copied() };
        self.conflicts.push(Conflict { path, kind, base, ours, theirs });
        side.unwrap_or(Side::Ours)
    }

    /// Records a change taken from theirs at the current path.
    pub(super) fn record(&mut self, kind: super::ChangeKind, base: Option<Value>, theirs: Option<Value>) {
        self.taken.push(Change { path: MergePath(self.path.clone()), kind, base, theirs });
    }
}

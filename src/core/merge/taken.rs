//! What came in from theirs: when ours left a value as the base had it and
//! theirs changed it, the merge takes theirs' value whole, and records the
//! change as finely as the lists allow (one field of one gap, one tag, an
//! entry added), for the list that tells the user what the merge brought.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::list::{common, kind, labels, same_order, strings, Keyed, ListKind};
use super::path::PathStep;
use super::walk::Merger;
use super::ChangeKind;

impl Merger<'_> {
    /// Records the changes from `base` to `theirs` at the current path.
    pub(super) fn take(&mut self, base: Option<&Value>, theirs: Option<&Value>) {
        match (base, theirs) {
            (Some(Value::Object(b)), Some(Value::Object(t))) => {
                let keys: BTreeSet<&String> = b.keys().chain(t.keys()).collect();
                for key in keys {
                    let (before, after) = (b.get(key), t.get(key));
                    if before != after {
                        self.path.push(PathStep::Key(key.clone()));
                        self.take(before, after);
                        self.path.pop();
                    }
                }
            }
            (Some(Value::Array(b)), Some(Value::Array(t))) => match kind(&[b, t]) {
                Some(ListKind::Ids) => self.take_keyed(Keyed::by_id(b), Keyed::by_id(t)),
                Some(ListKind::Checklist) if b.len() == t.len() => {
                    for (i, (before, after)) in b.iter().zip(t).enumerate() {
                        if before != after {
                            self.path.push(PathStep::Index(i));
                            self.take(Some(before), Some(after));
                            self.path.pop();
                        }
                    }
                }
                Some(ListKind::Checklist) => self.take_keyed(Keyed::by_text(b), Keyed::by_text(t)),
                Some(ListKind::Strings) => {
                    let (before, after) = (strings(b), strings(t));
                    for removed in b.iter().filter(|v| v.as_str().is_some_and(|s| !after.contains(s))) {
                        self.record(ChangeKind::Removed, Some(removed.clone()), None);
                    }
                    for added in t.iter().filter(|v| v.as_str().is_some_and(|s| !before.contains(s))) {
                        self.record(ChangeKind::Added, None, Some(added.clone()));
                    }
                }
                None => self.record(ChangeKind::Changed, base.cloned(), theirs.cloned()),
            },
            _ => {
                let kind = match (base, theirs) {
                    (None, _) => ChangeKind::Added,
                    (_, None) => ChangeKind::Removed,
                    _ => ChangeKind::Changed,
                };
                self.record(kind, base.cloned(), theirs.cloned());
            }
        }
    }

    /// The changes between two keyed lists: each entry added, removed or
    /// changed, and the order of the entries both have.
    fn take_keyed(&mut self, base: Keyed, theirs: Keyed) {
        let (b, t) = (common(&base, &[&theirs]), common(&theirs, &[&base]));
        if !same_order(&b, &t) {
            self.record(ChangeKind::Changed, Some(labels(b.iter().map(|x| x.1))), Some(labels(t.iter().map(|x| x.1))));
        }
        let mut seen = HashSet::new();
        for (key, step) in theirs.keys.iter().chain(&base.keys) {
            let (before, after) = (base.get(key), theirs.get(key));
            if seen.insert(key.as_str()) && before != after {
                self.path.push(step.clone());
                self.take(before, after);
                self.path.pop();
            }
        }
    }
}

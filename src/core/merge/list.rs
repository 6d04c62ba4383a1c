//! Lists in a merge: how a list's entries are told apart (by id, by a
//! checklist item's position or text, as strings of a set), how two
//! changed lists merge entry by entry, and in which order the result lists
//! them.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::path::{id_of, text_of, PathStep};
use super::walk::Merger;
use super::{ChangeKind, ConflictKind, Side};

/// How the entries of a list are matched across the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ListKind {
    /// Strings, merged as a set.
    Strings,
    /// Objects that each carry a string `id`, unique in its list.
    Ids,
    /// Objects with a string `text` and no `id`: checklist items.
    Checklist,
}

/// The kind of all these lists together, or `None` when they are to be
/// merged as one value. An empty list fits every kind.
pub(super) fn kind(lists: &[&[Value]]) -> Option<ListKind> {
    let all = |test: &dyn Fn(&Value) -> bool| lists.iter().all(|list| list.iter().all(test));
    if all(&Value::is_string) {
        return Some(ListKind::Strings);
    }
    let unique_ids = || {
        lists.iter().all(|list| {
            let mut seen = HashSet::new();
            list.iter().filter_map(id_of).all(|id| seen.insert(id))
        })
    };
    if all(&|v| id_of(v).is_some()) && unique_ids() {
        return Some(ListKind::Ids);
    }
    if all(&|v| text_of(v).is_some() && v.get("id").is_none()) {
        return Some(ListKind::Checklist);
    }
    None
}

/// The strings of a list of strings, as a set.
pub(super) fn strings(list: &[Value]) -> HashSet<&str> {
    list.iter().filter_map(Value::as_str).collect()
}

/// A list's entries under the keys that match them across the sides.
pub(super) struct Keyed<'v> {
    /// Each entry's key and the path step that names it, in list order.
    pub(super) keys: Vec<(String, PathStep)>,
    at: HashMap<String, usize>,
    values: &'v [Value],
}

impl<'v> Keyed<'v> {
    /// Entries keyed by their `id` (the list is of kind [`ListKind::Ids`]).
    pub(super) fn by_id(values: &'v [Value]) -> Self {
        let keys = values
            .iter()
            .map(|v| {
                let id = id_of(v).unwrap_or_default().to_string();
                (id.clone(), PathStep::Id(id))
            })
            .collect();
        Keyed::new(keys, values)
    }

    /// Checklist items keyed by their text; the second item of the same
    /// text is another key than the first.
    pub(super) fn by_text(values: &'v [Value]) -> Self {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let keys = values
            .iter()
            .map(|v| {
                let text = text_of(v).unwrap_or_default();
                let nth = seen.entry(text).or_default();
                let key = format!("{nth}\u{0}{text}");
                let step = PathStep::Text { text: text.to_string(), nth: *nth };
                *nth += 1;
                (key, step)
            })
            .collect();
        Keyed::new(keys, values)
    }

    fn new(keys: Vec<(String, PathStep)>, values: &'v [Value]) -> Self {
        let at = keys.iter().enumerate().map(|(i, (key, _))| (key.clone(), i)).collect();
        Keyed { keys, at, values }
    }

    /// The entry under `key`.
    pub(super) fn get(&self, key: &str) -> Option<&'v Value> {
        self.at.get(key).map(|&i| &self.values[i])
    }

    pub(super) fn has(&self, key: &str) -> bool {
        self.at.contains_key(key)
    }
}

/// The entries' ids or texts, in order: what a list's order is shown as.
pub(super) fn labels<'s>(steps: impl Iterator<Item = &'s PathStep>) -> Value {
    Value::Array(
        steps
            .map(|step| match step {
                PathStep::Id(id) => Value::from(id.as_str()),
                PathStep::Text { text, .. } => Value::from(text.as_str()),
                PathStep::Key(key) => Value::from(key.as_str()),
                PathStep::Index(i) => Value::from(*i),
            })
            .collect(),
    )
}

/// The keys of `list` that are also in every one of `others`, in `list`'s
/// order, with their steps.
pub(super) fn common<'k>(list: &'k Keyed, others: &[&Keyed]) -> Vec<(&'k str, &'k PathStep)> {
    list.keys.iter().filter(|(key, _)| others.iter().all(|o| o.has(key))).map(|(k, s)| (k.as_str(), s)).collect()
}

/// Whether two orders of keys are the same.
pub(super) fn same_order(a: &[(&str, &PathStep)], b: &[(&str, &PathStep)]) -> bool {
    a.iter().map(|(k, _)| k).eq(b.iter().map(|(k, _)| k))
}

/// `first`, with the entries of `second` it lacks and that `insert` wants
/// placed each after the entry it follows in `second` (at the start when it
/// follows none of `first`'s). Linear: the entries to place are grouped by
/// the entry they follow.
pub(super) fn interleave<'a>(
    first: Vec<&'a str>,
    second: impl Iterator<Item = &'a str>,
    insert: impl Fn(&str) -> bool,
) -> Vec<&'a str> {
    let placed: HashSet<&str> = first.iter().copied().collect();
    let mut after: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let mut anchor = None;
    for key in second {
        if placed.contains(key) {
            anchor = Some(key);
        } else if insert(key) {
            after.entry(anchor).or_default().push(key);
        }
    }
    if after.is_empty() {
        return first;
    }
    let mut out = Vec::with_capacity(first.len() + after.values().map(Vec::len).sum::<usize>());
    out.extend(after.remove(&None).unwrap_or_default());
    for key in first {
        out.push(key);
        if let Some(following) = after.remove(&Some(key)) {
            out.extend(following);
        }
    }
    out
}

impl Merger<'_> {
    /// Two lists that both sides changed; `None` when they merge as one
    /// value (the caller then records a conflict).
    pub(super) fn list(&mut self, base: Option<&[Value]>, ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
        let mut lists = vec![ours, theirs];
        lists.extend(base);
        match kind(&lists)? {
            // Without a base, a string only one side has is an addition or
            // a removal: the list is one value for the user to choose.
            ListKind::Strings if self.two_way => None,
            ListKind::Strings => Some(self.strings(base.unwrap_or_default(), ours, theirs)),
            ListKind::Ids => Some(self.keyed(base.map(Keyed::by_id), Keyed::by_id(ours), Keyed::by_id(theirs))),
            ListKind::Checklist => {
                let same_length = ours.len() == theirs.len() && base.is_none_or(|b| b.len() == ours.len());
                Some(if same_length {
                    self.positional(base, ours, theirs)
                } else {
                    self.keyed(base.map(Keyed::by_text), Keyed::by_text(ours), Keyed::by_text(theirs))
                })
            }
        }
    }

    /// Checklists of the same length on every side: item by item.
    fn positional(&mut self, base: Option<&[Value]>, ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let mut merged = Vec::with_capacity(ours.len());
        for (i, (o, t)) in ours.iter().zip(theirs).enumerate() {
            self.path.push(PathStep::Index(i));
            merged.extend(self.value(base.and_then(|b| b.get(i)), Some(o), Some(t)));
            self.path.pop();
        }
        merged
    }

    /// Lists whose entries are matched by key: entry by entry, then put in
    /// order.
    fn keyed(&mut self, base: Option<Keyed>, ours: Keyed, theirs: Keyed) -> Vec<Value> {
        let mut merged: HashMap<&str, Value> = HashMap::new();
        let mut seen = HashSet::new();
        for (key, step) in ours.keys.iter().chain(&theirs.keys).chain(base.iter().flat_map(|b| &b.keys)) {
            if !seen.insert(key.as_str()) {
                continue;
            }
            self.path.push(step.clone());
            let value = self.value(base.as_ref().and_then(|b| b.get(key)), ours.get(key), theirs.get(key));
            self.path.pop();
            if let Some(value) = value {
                merged.insert(key, value);
            }
        }
        let order = self.order(base.as_ref(), &ours, &theirs, &|key| merged.contains_key(key));
        order.into_iter().filter_map(|key| merged.remove(key)).collect()
    }

    /// The order of a merged list's keys: ours', or theirs' when only
    /// theirs reordered the entries both sides kept (or the user chose
    /// theirs' order); the entries the other side has alone placed after
    /// the entry they follow there.
    fn order<'k>(
        &mut self,
        base: Option<&'k Keyed>,
        ours: &'k Keyed,
        theirs: &'k Keyed,
        present: &dyn Fn(&str) -> bool,
    ) -> Vec<&'k str> {
        let theirs_first = match base {
            None if !self.two_way => false,
            None => {
                let (o, t) = (common(ours, &[theirs]), common(theirs, &[ours]));
                !same_order(&o, &t) && {
                    let (o, t) = (labels(o.iter().map(|x| x.1)), labels(t.iter().map(|x| x.1)));
                    self.choice(ConflictKind::Order, None, Some(o), Some(t)) == Side::Theirs
                }
            }
            Some(base) => {
                let b = common(base, &[ours, theirs]);
                let o = common(ours, &[base, theirs]);
                let t = common(theirs, &[base, ours]);
                let label = |list: &[(&str, &PathStep)]| labels(list.iter().map(|x| x.1));
                match (!same_order(&o, &b), !same_order(&t, &b)) {
                    (false, true) => {
                        self.record(ChangeKind::Changed, Some(label(&b)), Some(label(&t)));
                        true
                    }
                    (true, true) if !same_order(&o, &t) => {
                        let side = self.choice(ConflictKind::Order, Some(label(&b)), Some(label(&o)), Some(label(&t)));
                        side == Side::Theirs
                    }
                    _ => false,
                }
            }
        };
        let (first, second) = if theirs_first { (theirs, ours) } else { (ours, theirs) };
        let keys = |list: &'k Keyed| list.keys.iter().map(|(k, _)| k.as_str());
        interleave(keys(first).filter(|k| present(k)).collect(), keys(second), present)
    }

    /// Lists of strings: ours, without what theirs removed, with what
    /// theirs added placed after the string it follows there.
    fn strings(&mut self, base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let (b, o, t) = (strings(base), strings(ours), strings(theirs));
        for removed in base.iter().filter(|v| v.as_str().is_some_and(|s| o.contains(s) && !t.contains(s))) {
            self.record(ChangeKind::Removed, Some(removed.clone()), None);
        }
        let added = |s: &str| !b.contains(s) && !o.contains(s);
        for new in theirs.iter().filter(|v| v.as_str().is_some_and(added)) {
            self.record(ChangeKind::Added, None, Some(new.clone()));
        }
        // A string stays unless theirs removed it (the base had it, theirs has not).
        let kept = ours.iter().filter_map(Value::as_str).filter(|s| !b.contains(s) || t.contains(s)).collect();
        interleave(kept, theirs.iter().filter_map(Value::as_str), added).into_iter().map(Value::from).collect()
    }
}

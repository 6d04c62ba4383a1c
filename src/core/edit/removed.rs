//! What a remove returns, and how a restore uses it to put things back
//! exactly once: an entry taken out of a list keeps its position and how
//! many entries equal to it the list held; it goes back only while the list
//! holds fewer. Counting equal entries, rather than asking whether one is
//! there, keeps undo exact in a list that repeats a line (two blank exit
//! criteria) and idempotent all the same.
//!
//! The links a remove takes with an entry (risk links to a gap, KPI targets
//! of a phase, team lines of a role) are counted the same way, by what they
//! point at.

use crate::core::edit::ids::next_id;

/// A line taken out of a list that has no ids (a level, a team line, a
/// cost, an exit criterion, a checklist item), with what it takes to put
/// it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed<T> {
    /// Where it was.
    pub position: usize,
    /// The line itself.
    pub value: T,
    /// How many lines equal to it the list held before the removal, itself
    /// included.
    copies: usize,
}

/// How many entries of `list` equal `value`.
fn count<T: PartialEq>(list: &[T], value: &T) -> usize {
    list.iter().filter(|v| *v == value).count()
}

impl<T: Clone + PartialEq> Removed<T> {
    /// Takes the line at `position` out of `list`.
    pub(super) fn take(list: &mut Vec<T>, position: usize) -> Option<Self> {
        let copies = count(list, list.get(position)?);
        let value = list.remove(position);
        Some(Removed { position, value, copies })
    }

    /// Whether the line is back: the list holds as many lines equal to it
    /// as before the removal.
    pub(super) fn is_back(&self, list: &[T]) -> bool {
        count(list, &self.value) >= self.copies
    }

    /// Puts the line back where it was (at the end of a list that has since
    /// become shorter), unless it is back already.
    pub(super) fn put_back(self, list: &mut Vec<T>) {
        if !self.is_back(list) {
            list.insert(self.position.min(list.len()), self.value);
        }
    }
}

/// An entry with an id, as KPIs and risks have: the id a restore falls back
/// on when another entry has taken it.
pub(super) trait Entry: Clone + PartialEq {
    /// The prefix of its fresh ids (`kpi` for `kpi-3`).
    const PREFIX: &'static str;
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
}

/// An entry with an id (a KPI, a risk) taken out of its list, with what it
/// takes to put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedEntry<T> {
    /// Where it was.
    pub position: usize,
    /// The entry itself.
    pub entry: T,
    /// How many entries equal to it the list held before the removal.
    copies: usize,
    /// How many entries held its id once it was gone: more at restore time
    /// means that one added since has taken the id.
    namesakes: usize,
}

/// Takes the entry at `position` out of `list`.
pub(super) fn take_entry<T: Entry>(list: &mut Vec<T>, position: usize) -> Option<RemovedEntry<T>> {
    let Removed { position, value, copies } = Removed::take(list, position)?;
    let namesakes = list.iter().filter(|e| e.id() == value.id()).count();
    Some(RemovedEntry { position, entry: value, copies, namesakes })
}

/// Puts the entry back where it was, unless it is back already. When an
/// entry added since the removal has taken its id, it comes back under a
/// fresh one, so that no two entries share an id.
pub(super) fn put_back_entry<T: Entry>(list: &mut Vec<T>, removed: RemovedEntry<T>) {
    if count(list, &removed.entry) >= removed.copies {
        return;
    }
    let mut entry = removed.entry;
    if list.iter().filter(|e| e.id() == entry.id()).count() > removed.namesakes {
        // An earlier restore put it back under a fresh id, at the place it
        // goes (the last place, if the list has since become shorter).
        let earlier = list.get(removed.position.min(list.len().saturating_sub(1)));
        if earlier.is_some_and(|e| same_but_id(e, &entry)) {
            return;
        }
        entry.set_id(next_id(T::PREFIX, list.iter().map(|e| e.id())));
    }
    list.insert(removed.position.min(list.len()), entry);
}

/// Whether `a` is `b` under another id.
fn same_but_id<T: Entry>(a: &T, b: &T) -> bool {
    let mut a = a.clone();
    a.set_id(b.id().to_string());
    a == *b
}

/// A link taken from one of several lists: which list, where in it, and the link.
pub(super) type Link<T> = (usize, usize, T);

/// Takes out of every list of `lists` (its `field`) the links that are
/// `gone`, in order of list, then position.
pub(super) fn take_links<L, T: Clone>(
    lists: &mut [L],
    field: impl Fn(&mut L) -> &mut Vec<T>,
    gone: impl Fn(&T) -> bool,
) -> Vec<Link<T>> {
    let mut taken = Vec::new();
    for (l, list) in lists.iter_mut().enumerate() {
        let mut at = 0;
        field(list).retain(|link| {
            let is_gone = gone(link);
            if is_gone {
                taken.push((l, at, link.clone()));
            }
            at += 1;
            !is_gone
        });
    }
    taken
}

/// Puts back links that [`take_links`] took. Two links alike (`same`: they
/// point at the same thing) count: the k-th taken from a list goes back
/// only while that list holds fewer than k, so that putting back twice puts
/// back once. A list that is gone takes nothing back.
pub(super) fn put_back_links<L, T: Clone>(
    lists: &mut [L],
    field: impl Fn(&mut L) -> &mut Vec<T>,
    same: impl Fn(&T, &T) -> bool,
    taken: &[Link<T>],
) {
    for (n, (l, at, link)) in taken.iter().enumerate() {
        let Some(list) = lists.get_mut(*l) else { continue };
        let list = field(list);
        let rank = taken[..n].iter().filter(|(earlier, _, other)| earlier == l && same(other, link)).count() + 1;
        if list.iter().filter(|other| same(other, link)).count() < rank {
            list.insert((*at).min(list.len()), link.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_line_goes_back_once() {
        let check = |list: &[&str], position: usize, expected_after_removal: &[&str]| {
            let original: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            let mut list = original.clone();
            let removed = Removed::take(&mut list, position).expect("a line there");
            assert_eq!(list, expected_after_removal);
            removed.clone().put_back(&mut list);
            assert_eq!(list, original, "restored");
            removed.put_back(&mut list);
            assert_eq!(list, original, "restored twice");
        };
        check(&["a", "b"], 0, &["b"]);
        check(&["", ""], 1, &[""]);
        check(&["x", "y", "x"], 2, &["x", "y"]);
        assert_eq!(Removed::take(&mut vec!["a"], 1), None);
    }

    #[test]
    fn links_alike_go_back_as_many_times_as_they_were_taken() {
        let mut lists = vec![vec!["g1", "g2", "g1"], vec!["g3"], vec!["g1"]];
        let original = lists.clone();
        let taken = take_links(&mut lists, |l| l, |link| *link == "g1");
        assert_eq!(taken, [(0, 0, "g1"), (0, 2, "g1"), (2, 0, "g1")]);
        assert_eq!(lists, [vec!["g2"], vec!["g3"], vec![]]);
        for _ in 0..2 {
            put_back_links(&mut lists, |l| l, |a, b| a == b, &taken);
            assert_eq!(lists, original);
        }
    }
}

//! Which gap a row or an editor shows: [`GapKey`], its id and which of the
//! gaps with that id it is, found again in the assessment after each edit.

use std::collections::{HashMap, HashSet};

use crate::core::model::Assessment;

/// Which gap a row or an editor shows: its id, and which of the gaps with
/// that id it is (0 unless a file repeats an id, which validation reports).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct GapKey {
    pub(super) id: String,
    pub(super) nth: usize,
}

impl GapKey {
    /// Where the gap is in `assessment.gaps` now. `hint` is where it was last
    /// time: gaps rarely move, so this is usually one comparison, not a scan.
    pub(super) fn locate(&self, assessment: &Assessment, hint: usize) -> Option<usize> {
        if self.nth == 0 && assessment.gaps.get(hint).is_some_and(|g| g.id == self.id) {
            return Some(hint);
        }
        assessment.gaps.iter().enumerate().filter(|(_, g)| g.id == self.id).nth(self.nth).map(|(i, _)| i)
    }
}

/// The key of every gap, in file order.
pub(super) fn keys(assessment: &Assessment) -> Vec<GapKey> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    assessment
        .gaps
        .iter()
        .map(|gap| {
            let count = seen.entry(gap.id.as_str()).or_insert(0);
            let key = GapKey { id: gap.id.clone(), nth: *count };
            *count += 1;
            key
        })
        .collect()
}

/// The positions of the gaps with these keys, in file order.
pub(super) fn positions(assessment: &Assessment, wanted: &HashSet<GapKey>) -> Vec<usize> {
    keys(assessment).into_iter().enumerate().filter(|(_, key)| wanted.contains(key)).map(|(i, _)| i).collect()
}

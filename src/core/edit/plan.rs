//! The dependencies of the plan, each set as a whole from the one control
//! that holds them all: the gaps a gap depends on, and the phases a phase
//! starts after (`None`: right after the previous phase; empty: at the
//! roadmap's start). Each returns what it replaces, which setting again
//! gives back.

use crate::core::model::{Gap, Phase};

/// Sets the ids of the gaps `gap` depends on, leaving out its own id and
/// repeats (validation would only report them).
pub fn set_depends_on(gap: &mut Gap, ids: Vec<String>) -> Vec<String> {
    let kept = distinct_others(ids, &gap.id);
    std::mem::replace(&mut gap.depends_on, kept)
}

/// Sets the ids of the phases `phase` starts after, as
/// [`set_depends_on`] does; `None` starts it after the previous phase.
pub fn set_after(phase: &mut Phase, after: Option<Vec<String>>) -> Option<Vec<String>> {
    let kept = after.map(|ids| distinct_others(ids, &phase.id));
    std::mem::replace(&mut phase.after, kept)
}

fn distinct_others(ids: Vec<String>, own: &str) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        if id != own && !kept.contains(&id) {
            kept.push(id);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Range;

    fn check(own: &str, ids: &[&str], expected: &[&str]) {
        let mut gap = Gap::new(own, "c", "Gap");
        let before = set_depends_on(&mut gap, ids.iter().map(|s| s.to_string()).collect());
        assert!(before.is_empty());
        assert_eq!(gap.depends_on, expected, "gap {own} depending on {ids:?}");
        let mut phase = Phase::new(own, "Phase", Range::new(1.0, 1.0));
        set_after(&mut phase, Some(ids.iter().map(|s| s.to_string()).collect()));
        assert_eq!(phase.after.as_deref(), Some(expected.iter().map(|s| s.to_string()).collect::<Vec<_>>().as_slice()));
        assert_eq!(set_after(&mut phase, None).map(|ids| ids.len()), Some(expected.len()));
        assert_eq!(phase.after, None);
    }

    #[test]
    fn dependencies_leave_out_the_entry_itself_and_repeats() {
        check("a", &["b", "c"], &["b", "c"]);
        check("a", &["a", "b", "b"], &["b"]);
        check("a", &[], &[]);
    }
}

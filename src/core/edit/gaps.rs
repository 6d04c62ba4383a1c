//! The gaps: adding one where the Gaps table's filters look, deleting several
//! at once with the risk links to them (and putting them back), changing
//! several at once, and assigning gaps to a roadmap phase or taking them
//! off it.

use super::categories::add_category;
use super::removed::{put_back_links, take_links, Link, Removed};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Gap};
use crate::core::present::query::{GapFilter, PhaseFilter, StatusFilter};

/// Adds a gap titled "New gap" that `filter` lists (its category, status,
/// priority and phase, where they name something that exists) and returns
/// its id. Without any category, adds one named "General" first, since every
/// gap belongs to one.
pub fn add_gap(a: &mut Assessment, filter: &GapFilter) -> String {
    let category = match &filter.category {
        Some(id) if a.category(id).is_some() => id.clone(),
        _ => match a.categories.first() {
            Some(first) => first.id.clone(),
            None => add_category(a, "General"),
        },
    };
    let id = next_id("gap", a.gaps.iter().map(|g| g.id.as_str()));
    let mut gap = Gap::new(id.clone(), category, "New gap");
    if let StatusFilter::Is(status) = filter.status {
        gap.status = status;
    }
    if let Some(priority) = filter.priority {
        gap.priority = priority;
    }
    if let PhaseFilter::Is(phase) = &filter.phase {
        if a.phase(phase).is_some() {
            gap.phase = Some(phase.clone());
        }
    }
    a.gaps.push(gap);
    id
}

/// Gaps taken out of an assessment, with what is needed to put them back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedGaps {
    /// Each gap with the position it had, in ascending order of position.
    pub gaps: Vec<Removed<Gap>>,
    /// Each link from a risk to a removed gap: risk position, link position, gap id;
    /// in ascending order of risk, then link.
    pub risk_links: Vec<Link<String>>,
    /// Each dependency another gap had on a removed gap: gap position,
    /// position in its `depends_on`, gap id.
    pub dependencies: Vec<Link<String>>,
}

/// Takes the gaps at `positions` out of the assessment, with the links risks
/// have to them and the other gaps' dependencies on them (a link to a gap
/// that is gone would be a problem of its own). A link is kept while
/// another gap with the same id remains. Positions
/// out of range, and repeated ones, are passed over.
pub fn remove_gaps(a: &mut Assessment, positions: &[usize]) -> RemovedGaps {
    let mut sorted: Vec<usize> = positions.iter().copied().filter(|&i| i < a.gaps.len()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    // The ids no gap keeps: those of the gaps taken that no other gap has.
    let kept = |id: &str| a.gaps.iter().enumerate().any(|(i, g)| g.id == id && sorted.binary_search(&i).is_err());
    let gone_ids: Vec<String> = sorted.iter().map(|&i| a.gaps[i].id.clone()).filter(|id| !kept(id)).collect();
    let gone = |id: &String| gone_ids.contains(id);
    // Before the gaps go, so that each dependency is recorded at the
    // position its gap has again once Undo has put every gap back.
    // The gaps taken keep their own lists, so that Undo knows them again.
    let mut dependencies = Vec::new();
    for (l, gap) in a.gaps.iter_mut().enumerate().filter(|(i, _)| sorted.binary_search(i).is_err()) {
        let mut at = 0;
        gap.depends_on.retain(|id| {
            let is_gone = gone(id);
            if is_gone {
                dependencies.push((l, at, id.clone()));
            }
            at += 1;
            !is_gone
        });
    }
    // From the last, so that the positions still to take stay where they were.
    let mut gaps: Vec<Removed<Gap>> = sorted.iter().rev().filter_map(|&i| Removed::take(&mut a.gaps, i)).collect();
    gaps.reverse();
    let risk_links = take_links(&mut a.risks, |r| &mut r.gaps, gone);
    RemovedGaps { gaps, risk_links, dependencies }
}

/// Puts back what [`remove_gaps`] took, where it was (or at the end of a
/// list that has since become shorter), leaving out what is back already.
pub fn restore_gaps(a: &mut Assessment, removed: RemovedGaps) {
    for gap in removed.gaps {
        gap.put_back(&mut a.gaps);
    }
    put_back_links(&mut a.risks, |r| &mut r.gaps, |x, y| x == y, &removed.risk_links);
    put_back_links(&mut a.gaps, |g| &mut g.depends_on, |x, y| x == y, &removed.dependencies);
}

/// Makes `change` to each gap at `positions` (the Gaps table's bulk
/// changes: a status or a phase for every selected gap); returns how many
/// it changed. Positions out of range are passed over; a position given
/// twice is changed twice.
pub fn change_gaps(
    a: &mut Assessment,
    positions: impl IntoIterator<Item = usize>,
    mut change: impl FnMut(&mut Gap),
) -> usize {
    let mut changed = 0;
    for position in positions {
        if let Some(gap) = a.gaps.get_mut(position) {
            change(gap);
            changed += 1;
        }
    }
    changed
}

/// Assigns the gaps at `positions` that have no phase to the phase `phase`
/// (an id); returns how many it assigned. A gap that has a phase keeps it.
pub fn assign_gaps(a: &mut Assessment, positions: impl IntoIterator<Item = usize>, phase: &str) -> usize {
    let mut assigned = 0;
    for p in positions {
        if let Some(gap) = a.gaps.get_mut(p).filter(|g| g.phase.is_none()) {
            gap.phase = Some(phase.to_string());
            assigned += 1;
        }
    }
    assigned
}

/// Takes the gap at `position` off its phase, if it is still the gap `id`;
/// returns the phase it had, which [`assign_gaps`] gives back.
pub fn unassign_gap(a: &mut Assessment, position: usize, id: &str) -> Option<String> {
    a.gaps.get_mut(position).filter(|g| g.id == id)?.phase.take()
}

#[cfg(test)]
mod tests {
    //! Moved here with `remove_gaps` from `core::present::query`.

    use super::*;
    use crate::core::model::{Category, Impact, Probability, Risk};

    /// Six gaps, `gap-1` … `gap-6`, in one category.
    fn sample() -> Assessment {
        let mut a = Assessment::new("a", "Sample");
        a.categories = vec![Category::new("sec", "Security")];
        a.gaps = (1..=6).map(|n| Gap::new(format!("gap-{n}"), "sec", format!("Gap {n}"))).collect();
        a
    }

    fn risk(id: &str, gaps: &[&str]) -> Risk {
        Risk {
            id: id.into(),
            title: "Outage".into(),
            probability: Probability::Low,
            impact: Impact::High,
            mitigation: String::new(),
            gaps: gaps.iter().map(|g| g.to_string()).collect(),
            owner: String::new(),
            status: Default::default(),
            review_on: None,
            extra: Default::default(),
        }
    }

    fn ids(a: &Assessment) -> Vec<&str> {
        a.gaps.iter().map(|g| g.id.trim_start_matches("gap-")).collect()
    }

    #[test]
    fn removing_gaps_unlinks_risks_and_restoring_puts_everything_back() {
        let mut a = sample();
        a.risks = vec![risk("r1", &["gap-2", "gap-3", "gap-5"]), risk("r2", &["gap-5"])];
        let before = a.clone();

        let removed = remove_gaps(&mut a, &[4, 1, 4, 99]);
        assert_eq!(ids(&a), ["1", "3", "4", "6"]);
        assert_eq!(a.risks[0].gaps, ["gap-3"]);
        assert!(a.risks[1].gaps.is_empty());

        restore_gaps(&mut a, removed);
        assert_eq!(a, before);
    }

    #[test]
    fn a_risk_keeps_its_link_while_a_gap_with_that_id_remains() {
        let mut a = sample();
        a.gaps[3].id = "gap-1".into();
        a.risks.push(risk("r1", &["gap-1"]));
        remove_gaps(&mut a, &[0]);
        assert_eq!(a.risks[0].gaps, ["gap-1"]);
    }
}

//! The roadmap's phases (add, plan one first from a set of gaps, move,
//! delete with what it takes to put back) and the lines of one phase: its
//! team, its costs and its exit criteria.
//!
//! A deleted phase takes its links with it: its gaps become unassigned and
//! the KPI targets set for it go, unless another phase with the same id
//! remains (the KPI targets also stay while a scenario has a phase with
//! that id: they are that phase's targets too). Lines have no ids: they are named by position in their phase,
//! and edited through the phase, which the views already hold.

use super::key::{position, Key};
use super::removed::{put_back_links, take_links, Link, Removed};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Cost, CostKind, Criterion, KpiTarget, Phase, Range, Role, TeamMember};

/// Where the phase of `key` is in the roadmap.
pub fn phase_position(a: &Assessment, key: &Key) -> Option<usize> {
    position(a.phases.iter().map(|p| p.id.as_str()), key)
}

/// The phase of `key`, to change.
pub fn phase_mut<'a>(a: &'a mut Assessment, key: &Key) -> Option<&'a mut Phase> {
    let i = phase_position(a, key)?;
    a.phases.get_mut(i)
}

/// Adds a phase at the end of the roadmap, after the previous one, and
/// returns its id (`phase-<n>`).
pub fn add_phase(a: &mut Assessment) -> String {
    let id = next_id("phase", a.phases.iter().map(|p| p.id.as_str()));
    let name = format!("Phase {}", a.phases.len() + 1);
    a.phases.push(Phase::new(id.clone(), name, Range::new(2.0, 4.0)));
    id
}

/// Plans a phase named `name` first in the roadmap, holding exactly the gaps
/// at `positions` (taken off any phase they had; positions out of range are
/// ignored), and returns its id. First, because the roadmap is done in order:
/// the score projected after it is the score once those gaps alone are done
/// (what "Plan these as a phase" of the cheapest path to ready is for). Its
/// removal unassigns its gaps: an undo of the whole plan is the editor's.
pub fn plan_phase(a: &mut Assessment, name: &str, positions: &[usize]) -> String {
    let id = next_id("phase", a.phases.iter().map(|p| p.id.as_str()));
    a.phases.insert(0, Phase::new(id.clone(), name, Range::new(2.0, 4.0)));
    for &p in positions {
        if let Some(gap) = a.gaps.get_mut(p) {
            gap.phase = Some(id.clone());
        }
    }
    id
}

/// Swaps the phase at `position` with its neighbour above (`up`) or below;
/// nothing when there is none.
pub fn move_phase(a: &mut Assessment, position: usize, up: bool) {
    let other = if up { position.checked_sub(1) } else { position.checked_add(1) };
    if let Some(other) = other.filter(|&o| o < a.phases.len() && position < a.phases.len()) {
        a.phases.swap(position, other);
    }
}

/// A deleted phase, and the links to it that were taken with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedPhase {
    /// The phase and where it was.
    pub removed: Removed<Phase>,
    /// The gaps that were assigned to it: position and id.
    pub gaps: Vec<(usize, String)>,
    /// The KPI targets set for it: KPI position, target position, target.
    pub kpi_targets: Vec<Link<KpiTarget>>,
    /// Where other phases started after it: phase position, position in
    /// its `after`, the id.
    pub after: Vec<Link<String>>,
}

impl RemovedPhase {
    /// The phase that was deleted.
    pub fn phase(&self) -> &Phase {
        &self.removed.value
    }
}

/// Deletes the phase at `position`. Its gaps become unassigned, the KPI
/// targets set for it go, and so does its id in other phases' `after`
/// (a phase that started after it alone then starts at the roadmap's
/// start: `after` stays a list, so that Undo can put the id back), unless
/// another phase with the same id remains (then the links still point at
/// something).
pub fn remove_phase(a: &mut Assessment, position: usize) -> Option<RemovedPhase> {
    let id = a.phases.get(position)?.id.clone();
    let mut after = Vec::new();
    if !a.phases.iter().enumerate().any(|(i, p)| i != position && p.id == id) {
        // Before the phase goes, so that each link is recorded at the
        // position its phase has again once Undo has put the phase back.
        for (l, phase) in a.phases.iter_mut().enumerate().filter(|(l, _)| *l != position) {
            let Some(list) = phase.after.as_mut() else { continue };
            let mut at = 0;
            list.retain(|other| {
                let is_gone = *other == id;
                if is_gone {
                    after.push((l, at, other.clone()));
                }
                at += 1;
                !is_gone
            });
        }
    }
    let removed = Removed::take(&mut a.phases, position)?;
    let mut taken = RemovedPhase { removed, gaps: Vec::new(), kpi_targets: Vec::new(), after };
    let id = taken.removed.value.id.as_str();
    if a.phases.iter().any(|p| p.id == id) {
        return Some(taken);
    }
    for (i, gap) in a.gaps.iter_mut().enumerate() {
        if gap.phase.as_deref() == Some(id) {
            gap.phase = None;
            taken.gaps.push((i, gap.id.clone()));
        }
    }
    if !a.scenarios.iter().any(|s| s.phases.iter().any(|p| p.id == id)) {
        taken.kpi_targets = take_links(&mut a.kpis, |k| &mut k.targets, |target| target.phase == id);
    }
    Some(taken)
}

/// Puts back what [`remove_phase`] took. Does nothing if the phase is back
/// already (the editor's Undo was used first), and links a gap again only if
/// it is still the same gap and still unassigned.
pub fn restore_phase(a: &mut Assessment, removed: RemovedPhase) {
    let RemovedPhase { removed, gaps, kpi_targets, after } = removed;
    if removed.is_back(&a.phases) {
        return;
    }
    let id = removed.value.id.clone();
    removed.put_back(&mut a.phases);
    for (i, gap_id) in gaps {
        if let Some(gap) = a.gaps.get_mut(i).filter(|g| g.id == gap_id && g.phase.is_none()) {
            gap.phase = Some(id.clone());
        }
    }
    put_back_links(&mut a.kpis, |k| &mut k.targets, |x, y| x.phase == y.phase, &kpi_targets);
    // A list emptied by the removal is still there (`Some`), so each id
    // goes back where it was, once.
    for (l, at, other) in after {
        if let Some(list) = a.phases.get_mut(l).and_then(|p| p.after.as_mut()) {
            if !list.contains(&other) {
                list.insert(at.min(list.len()), other);
            }
        }
    }
}

/// Adds a team line to `phase` with the first role its team does not have
/// yet (the first role when it has them all), at 1 FTE; returns its
/// position, or `None` when there are no roles.
pub fn add_team_line(phase: &mut Phase, roles: &[Role]) -> Option<usize> {
    let staffed = |role: &Role| phase.team.iter().any(|m| m.role == role.id);
    let role = roles.iter().find(|r| !staffed(r)).or(roles.first())?.id.clone();
    phase.team.push(TeamMember::new(role, Range::new(1.0, 1.0)));
    Some(phase.team.len() - 1)
}

/// Takes team line `line` out of `phase`.
pub fn remove_team_line(phase: &mut Phase, line: usize) -> Option<Removed<TeamMember>> {
    Removed::take(&mut phase.team, line)
}

/// Puts back what [`remove_team_line`] took, unless it is back.
pub fn restore_team_line(phase: &mut Phase, removed: Removed<TeamMember>) {
    removed.put_back(&mut phase.team);
}

/// Adds a one-off cost of 0 named "New cost" to `phase`; returns its position.
pub fn add_cost(phase: &mut Phase) -> usize {
    phase.costs.push(Cost::new("New cost", 0.0, CostKind::OneOff));
    phase.costs.len() - 1
}

/// Takes cost line `line` out of `phase`.
pub fn remove_cost(phase: &mut Phase, line: usize) -> Option<Removed<Cost>> {
    Removed::take(&mut phase.costs, line)
}

/// Puts back what [`remove_cost`] took, unless it is back.
pub fn restore_cost(phase: &mut Phase, removed: Removed<Cost>) {
    removed.put_back(&mut phase.costs);
}

/// Adds a blank exit criterion to `phase`; returns its position.
pub fn add_exit_criterion(phase: &mut Phase) -> usize {
    phase.exit_criteria.push(Criterion::new(""));
    phase.exit_criteria.len() - 1
}

/// Takes exit criterion `line` out of `phase`.
pub fn remove_exit_criterion(phase: &mut Phase, line: usize) -> Option<Removed<Criterion>> {
    Removed::take(&mut phase.exit_criteria, line)
}

/// Puts back what [`remove_exit_criterion`] took, unless it is back.
pub fn restore_exit_criterion(phase: &mut Phase, removed: Removed<Criterion>) {
    removed.put_back(&mut phase.exit_criteria);
}

/// Sets what shows that `criterion` is met: an address or a few words;
/// blank text leaves it without any.
pub fn set_criterion_evidence(criterion: &mut Criterion, text: String) {
    criterion.evidence = if text.trim().is_empty() { None } else { Some(text) };
}

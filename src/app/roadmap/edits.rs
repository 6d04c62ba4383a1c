//! The changes the Roadmap and Costs tabs make to an assessment, as plain
//! functions over it: add, delete (with what it takes to put back), reorder
//! phases; add and delete roles. They know nothing of the browser; the views
//! call them inside `Editor::edit`, so each is one undo step.
//!
//! Phases and roles are found by [`Key`]: an id and which of the entries with
//! that id is meant. A file may hold two phases with one id (validation
//! reports it); both stay editable, and a delete removes only the one asked.

use crate::core::ids::next_id;
use crate::core::model::{Assessment, KpiTarget, Phase, Range, Role, TeamMember};

/// Which phase or role a view shows: its id, and which of the entries with
/// that id (0 for the first).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub id: String,
    pub nth: usize,
}

/// The keys of a list of entries with ids, in order.
pub fn keys<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<Key> {
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .map(|id| {
            let nth = seen.iter().filter(|s| **s == id).count();
            seen.push(id);
            Key { id: id.to_string(), nth }
        })
        .collect()
}

/// Where the entry of `key` is in a list of ids.
pub fn position<'a>(ids: impl IntoIterator<Item = &'a str>, key: &Key) -> Option<usize> {
    ids.into_iter().enumerate().filter(|(_, id)| *id == key.id).nth(key.nth).map(|(i, _)| i)
}

/// Where the phase of `key` is in the roadmap.
pub fn phase_position(a: &Assessment, key: &Key) -> Option<usize> {
    position(a.phases.iter().map(|p| p.id.as_str()), key)
}

/// Where the role of `key` is among the roles.
pub fn role_position(a: &Assessment, key: &Key) -> Option<usize> {
    position(a.roles.iter().map(|r| r.id.as_str()), key)
}

/// The phase of `key`, to change.
pub fn phase_mut<'a>(a: &'a mut Assessment, key: &Key) -> Option<&'a mut Phase> {
    let i = phase_position(a, key)?;
    a.phases.get_mut(i)
}

/// The role of `key`, to change.
pub fn role_mut<'a>(a: &'a mut Assessment, key: &Key) -> Option<&'a mut Role> {
    let i = role_position(a, key)?;
    a.roles.get_mut(i)
}

/// Adds a phase at the end of the roadmap, after the previous one, and
/// returns its id (`phase-<n>`).
pub fn add_phase(a: &mut Assessment) -> String {
    let id = next_id("phase", a.phases.iter().map(|p| p.id.as_str()));
    let name = format!("Phase {}", a.phases.len() + 1);
    a.phases.push(Phase::new(id.clone(), name, Range::new(2.0, 4.0)));
    id
}

/// Swaps the phase at `position` with its neighbour above (`up`) or below.
pub fn move_phase(a: &mut Assessment, position: usize, up: bool) {
    let other = if up { position.checked_sub(1) } else { position.checked_add(1) };
    if let Some(other) = other.filter(|&o| o < a.phases.len() && position < a.phases.len()) {
        a.phases.swap(position, other);
    }
}

/// A deleted phase, and the links to it that were taken with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedPhase {
    pub position: usize,
    pub phase: Phase,
    /// The gaps that were assigned to it: position and id.
    pub gaps: Vec<(usize, String)>,
    /// The KPI targets set for it: KPI position, target position, target.
    pub kpi_targets: Vec<(usize, usize, KpiTarget)>,
}

/// Deletes the phase at `position`. Its gaps become unassigned and the KPI
/// targets set for it go, unless another phase with the same id remains
/// (then the links still point at something).
pub fn remove_phase(a: &mut Assessment, position: usize) -> Option<RemovedPhase> {
    if position >= a.phases.len() {
        return None;
    }
    let phase = a.phases.remove(position);
    let mut removed = RemovedPhase { position, phase, gaps: Vec::new(), kpi_targets: Vec::new() };
    if a.phases.iter().any(|p| p.id == removed.phase.id) {
        return Some(removed);
    }
    let id = removed.phase.id.as_str();
    for (i, gap) in a.gaps.iter_mut().enumerate() {
        if gap.phase.as_deref() == Some(id) {
            gap.phase = None;
            removed.gaps.push((i, gap.id.clone()));
        }
    }
    for (k, kpi) in a.kpis.iter_mut().enumerate() {
        let mut t = 0;
        kpi.targets.retain(|target| {
            let gone = target.phase == id;
            if gone {
                removed.kpi_targets.push((k, t, target.clone()));
            }
            t += 1;
            !gone
        });
    }
    Some(removed)
}

/// Puts back what [`remove_phase`] took. Does nothing if the phase is back
/// already (the editor's Undo was used first), and links a gap again only if
/// it is still the same gap and still unassigned.
pub fn restore_phase(a: &mut Assessment, removed: RemovedPhase) {
    if a.phases.contains(&removed.phase) {
        return;
    }
    let id = removed.phase.id.clone();
    let at = removed.position.min(a.phases.len());
    a.phases.insert(at, removed.phase);
    for (i, gap_id) in removed.gaps {
        if let Some(gap) = a.gaps.get_mut(i).filter(|g| g.id == gap_id && g.phase.is_none()) {
            gap.phase = Some(id.clone());
        }
    }
    for (k, t, target) in removed.kpi_targets {
        if let Some(kpi) = a.kpis.get_mut(k) {
            if !kpi.targets.iter().any(|existing| existing.phase == target.phase) {
                let at = t.min(kpi.targets.len());
                kpi.targets.insert(at, target);
            }
        }
    }
}

/// Adds a role (`role-<n>`, rate 0) and returns its id.
pub fn add_role(a: &mut Assessment) -> String {
    let id = next_id("role", a.roles.iter().map(|r| r.id.as_str()));
    let name = format!("Role {}", a.roles.len() + 1);
    // No rate until one is typed: unknown, not free.
    a.roles.push(Role::unpriced(id.clone(), name));
    id
}

/// The names of the phases whose team has the role `id`, in roadmap order.
pub fn phases_using_role(a: &Assessment, id: &str) -> Vec<String> {
    a.phases.iter().filter(|p| p.team.iter().any(|m| m.role == id)).map(|p| p.name.clone()).collect()
}

/// A deleted role, and the team lines that were taken with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedRole {
    pub position: usize,
    pub role: Role,
    /// Phase position, line position, line.
    pub team_lines: Vec<(usize, usize, TeamMember)>,
}

/// Deletes the role at `position` and, unless another role with the same id
/// remains, the team lines of that role (a line of a role that does not
/// exist would cost nothing and be a problem of its own).
pub fn remove_role(a: &mut Assessment, position: usize) -> Option<RemovedRole> {
    if position >= a.roles.len() {
        return None;
    }
    let role = a.roles.remove(position);
    let mut removed = RemovedRole { position, role, team_lines: Vec::new() };
    if a.roles.iter().any(|r| r.id == removed.role.id) {
        return Some(removed);
    }
    let id = removed.role.id.as_str();
    for (p, phase) in a.phases.iter_mut().enumerate() {
        let mut l = 0;
        phase.team.retain(|member| {
            let gone = member.role == id;
            if gone {
                removed.team_lines.push((p, l, member.clone()));
            }
            l += 1;
            !gone
        });
    }
    Some(removed)
}

/// Puts back what [`remove_role`] took, unless the role is back already.
pub fn restore_role(a: &mut Assessment, removed: RemovedRole) {
    if a.roles.contains(&removed.role) {
        return;
    }
    let at = removed.position.min(a.roles.len());
    a.roles.insert(at, removed.role);
    for (p, l, member) in removed.team_lines {
        if let Some(phase) = a.phases.get_mut(p) {
            let at = l.min(phase.team.len());
            phase.team.insert(at, member);
        }
    }
}

//! The roles (kinds of team member and their weekly rates): add, delete with
//! the team lines that staff them (in every roadmap: the active one and
//! each scenario), and put back.

use super::key::{position, Key};
use super::removed::{put_back_links, take_links, Link, Removed};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Role, TeamMember};

/// Where the role of `key` is among the roles.
pub fn role_position(a: &Assessment, key: &Key) -> Option<usize> {
    position(a.roles.iter().map(|r| r.id.as_str()), key)
}

/// The role of `key`, to change.
pub fn role_mut<'a>(a: &'a mut Assessment, key: &Key) -> Option<&'a mut Role> {
    let i = role_position(a, key)?;
    a.roles.get_mut(i)
}

/// Adds a role (`role-<n>`, no weekly rate yet) and returns its id.
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
    /// The role and where it was.
    pub removed: Removed<Role>,
    /// Phase position, line position, line.
    pub team_lines: Vec<Link<TeamMember>>,
    /// The same, in the phases of each scenario, by scenario position.
    pub scenario_team_lines: Vec<Vec<Link<TeamMember>>>,
}

impl RemovedRole {
    /// The role that was deleted.
    pub fn role(&self) -> &Role {
        &self.removed.value
    }
}

/// Deletes the role at `position` and, unless another role with the same id
/// remains, the team lines of that role (a line of a role that does not
/// exist would cost nothing and be a problem of its own).
pub fn remove_role(a: &mut Assessment, position: usize) -> Option<RemovedRole> {
    let removed = Removed::take(&mut a.roles, position)?;
    let id = removed.value.id.as_str();
    if a.roles.iter().any(|r| r.id == id) {
        return Some(RemovedRole { removed, team_lines: Vec::new(), scenario_team_lines: Vec::new() });
    }
    let team_lines = take_links(&mut a.phases, |p| &mut p.team, |member| member.role == id);
    let scenario_team_lines = a
        .scenarios
        .iter_mut()
        .map(|s| take_links(&mut s.phases, |p| &mut p.team, |member| member.role == id))
        .collect();
    Some(RemovedRole { removed, team_lines, scenario_team_lines })
}

/// Puts back what [`remove_role`] took, unless the role is back already.
pub fn restore_role(a: &mut Assessment, removed: RemovedRole) {
    let RemovedRole { removed, team_lines, scenario_team_lines } = removed;
    if removed.is_back(&a.roles) {
        return;
    }
    removed.put_back(&mut a.roles);
    put_back_links(&mut a.phases, |p| &mut p.team, |x, y| x == y, &team_lines);
    for (scenario, lines) in a.scenarios.iter_mut().zip(&scenario_team_lines) {
        put_back_links(&mut scenario.phases, |p| &mut p.team, |x, y| x == y, lines);
    }
}

//! Alternative roadmaps (`model::Scenario`, whose design the model states):
//! add one as a copy of the active roadmap, delete and put back, and switch
//! the active roadmap with one of them. Each is one call, so one undo step
//! inside `Editor::edit`. Renaming is setting a name: the active roadmap's
//! is `Assessment::scenario`, a scenario's its `name`.

use std::collections::BTreeMap;

use super::removed::{put_back_entry, take_entry, Entry, RemovedEntry};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Extra, Scenario};

/// The name the active roadmap takes when a first scenario is added to an
/// assessment whose roadmap has none.
pub const FIRST_ROADMAP_NAME: &str = "Current plan";

impl Entry for Scenario {
    const PREFIX: &'static str = "scenario";

    fn id(&self) -> &str {
        &self.id
    }

    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}

/// A deleted scenario and where it was, with the active roadmap's name,
/// which a delete of the last scenario clears (no alternatives, no name).
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedScenario {
    entry: RemovedEntry<Scenario>,
    active_name: Option<String>,
}

impl RemovedScenario {
    /// The scenario deleted.
    pub fn scenario(&self) -> &Scenario {
        &self.entry.entry
    }
}

/// Which gap each phase of the active roadmap closes: gap id → phase id.
fn active_assignments(a: &Assessment) -> BTreeMap<String, String> {
    a.gaps.iter().filter_map(|g| Some((g.id.clone(), g.phase.clone()?))).collect()
}

/// A name no roadmap of `a` has: `wanted`, else `wanted 2`, `wanted 3` …
pub fn unused_name(a: &Assessment, wanted: &str) -> String {
    let taken = |name: &str| {
        a.scenario.as_deref().is_some_and(|n| n.trim() == name) || a.scenarios.iter().any(|s| s.name.trim() == name)
    };
    let wanted = wanted.trim();
    if !taken(wanted) {
        return wanted.to_string();
    }
    (2..).map(|n| format!("{wanted} {n}")).find(|name| !taken(name)).unwrap_or_default()
}

/// Adds a scenario named `name` (made unique) as a copy of the active
/// roadmap: its phases with their ids, and the same gaps assigned to them.
/// The active roadmap is named [`FIRST_ROADMAP_NAME`] if it had no name.
/// Returns the new scenario's id.
pub fn add_scenario(a: &mut Assessment, name: &str) -> String {
    if a.scenario.is_none() {
        a.scenario = Some(unused_name(a, FIRST_ROADMAP_NAME));
    }
    let id = next_id(Scenario::PREFIX, a.scenarios.iter().map(|s| s.id.as_str()));
    let name = unused_name(a, if name.trim().is_empty() { "Scenario" } else { name });
    let scenario = Scenario {
        id: id.clone(),
        name,
        phases: a.phases.clone(),
        assignments: active_assignments(a),
        extra: Extra::new(),
    };
    a.scenarios.push(scenario);
    id
}

/// Deletes the scenario at `position`; deleting the last one also clears
/// the active roadmap's name.
pub fn remove_scenario(a: &mut Assessment, position: usize) -> Option<RemovedScenario> {
    let entry = take_entry(&mut a.scenarios, position)?;
    let active_name = if a.scenarios.is_empty() { a.scenario.take() } else { None };
    Some(RemovedScenario { entry, active_name })
}

/// Puts back what [`remove_scenario`] took, unless it is back already.
pub fn restore_scenario(a: &mut Assessment, removed: RemovedScenario) {
    if a.scenario.is_none() {
        a.scenario = removed.active_name;
    }
    put_back_entry(&mut a.scenarios, removed.entry);
}

/// Makes the scenario at `position` the active roadmap: its phases become
/// the assessment's, each gap is assigned as it says (unassigned where it
/// names no phase for the gap), and the roadmap that was active takes its
/// place in the list, with its own phases, assignments and name. Switching
/// to the same position again switches back. Returns whether it switched.
pub fn switch_scenario(a: &mut Assessment, position: usize) -> bool {
    if position >= a.scenarios.len() {
        return false;
    }
    let current = active_assignments(a);
    let active_name = a.scenario.take().unwrap_or_else(|| FIRST_ROADMAP_NAME.to_string());
    let scenario = &mut a.scenarios[position];
    let wanted = std::mem::replace(&mut scenario.assignments, current);
    std::mem::swap(&mut a.phases, &mut scenario.phases);
    a.scenario = Some(std::mem::replace(&mut scenario.name, active_name));
    for gap in &mut a.gaps {
        gap.phase = wanted.get(&gap.id).cloned();
    }
    true
}

/// The position of the scenario named `name` (spaces around it ignored).
pub fn scenario_position(a: &Assessment, name: &str) -> Option<usize> {
    a.scenarios.iter().position(|s| s.name.trim() == name.trim())
}

/// A copy of `a` with the roadmap named `name` active: `a` itself when it
/// is the active one, `None` when no roadmap has that name.
pub fn with_scenario(a: &Assessment, name: &str) -> Option<Assessment> {
    if a.scenario.as_deref().is_some_and(|n| n.trim() == name.trim()) {
        return Some(a.clone());
    }
    let position = scenario_position(a, name)?;
    let mut copy = a.clone();
    switch_scenario(&mut copy, position);
    Some(copy)
}

/// Every roadmap's name: the active one first, then the scenarios in order.
pub fn roadmap_names(a: &Assessment) -> Vec<String> {
    a.scenario.iter().cloned().chain(a.scenarios.iter().map(|s| s.name.clone())).collect()
}

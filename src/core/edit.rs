//! Every change to the lists of an assessment, as plain functions: adding
//! (with a fresh id where entries have one), removing (returning the value
//! that undoes it), restoring what a remove took, moving, linking, and
//! setting a list as a whole or an entry of a list kept in order (a KPI's
//! target after a phase), or one change over several gaps. The views call
//! them inside `Editor::edit`, so that each call is one undo step, and a
//! delete notice's "Undo" calls the matching restore. They know nothing of
//! the browser and are tested natively (`tests/edit.rs`).
//!
//! The contract each function keeps:
//!
//! - **Positions, not ids.** Entries are named by their position in their
//!   list (file order), which the views find (through a [`Key`] where ids
//!   may repeat): a file may hold two entries with one id (validation
//!   reports it), and a remove takes only the one asked. A position out of
//!   range changes nothing.
//! - **References follow.** A remove keeps the file's references as the app
//!   always has: a deleted phase's gaps become unassigned and its KPI
//!   targets go; a deleted role's team lines go; a deleted gap's risk links
//!   go; a category that still has gaps is refused with a reason
//!   ([`CategoryRefusal`]) unless its gaps move to another category. Links
//!   to a phase, role or gap stay while another with the same id remains,
//!   since they still point at something.
//! - **Undo is exact.** What a remove returns holds everything it took, and
//!   restoring it right after gives back an equal assessment, saved byte
//!   for byte alike.
//! - **Restoring is idempotent.** A restore does nothing once what it puts
//!   back is back, whether an earlier restore or the editor's own undo put
//!   it there; the notice's "Undo" and the editor's may both run.
//! - **Nothing panics**, whatever the positions and the file.
//!
//! Lists that belong to one phase (team, costs, exit criteria), one gap
//! (checklist, tags, evidence), one KPI (targets) or one risk (links to gaps) are
//! edited through their owner, `&mut Phase`, `&mut Gap`, `&mut Kpi` or
//! `&mut Risk`, which the views already hold; the others through the
//! `&mut Assessment`. Lists set as a whole (the assessors, the settings
//! with their levels on a reset) are set here too, so that no view changes
//! a list itself (`tests/tidy.rs` checks it).

mod assessors;
mod categories;
mod evidence;
mod gaps;
pub mod history;
pub mod ids;
mod items;
mod key;
mod kpis;
mod levels;
mod milestones;
mod phases;
mod plan;
mod removed;
mod risks;
mod roles;
mod scenarios;
mod settings;
mod tags;
mod typed;

pub use self::assessors::set_assessors;
pub use self::categories::{
    add_category, category_refusal, remove_category, restore_category, CategoryRefusal, RemovedCategory,
};
pub use self::evidence::{add_evidence, remove_evidence, restore_evidence};
pub use self::gaps::{add_gap, assign_gaps, change_gaps, remove_gaps, restore_gaps, unassign_gap, RemovedGaps};
pub use self::items::{add_item, move_item, remove_item, restore_item};
pub use self::key::{keys, position, Key};
pub use self::kpis::{add_kpi, remove_kpi, restore_kpi, set_kpi_met, set_kpi_target, RemovedKpi};
pub use self::levels::{add_level, remove_level, restore_level};
pub use self::milestones::{
    add_milestone, remove_milestone, rename_milestone, restore_milestone, save_milestone, RemovedMilestone,
};
pub use self::phases::{
    add_cost, add_exit_criterion, add_phase, add_team_line, move_phase, phase_mut, phase_position, plan_phase,
    remove_cost, remove_exit_criterion, remove_phase, remove_team_line, restore_cost, restore_exit_criterion,
    restore_phase, restore_team_line, set_criterion_evidence, RemovedPhase,
};
pub use self::plan::{set_after, set_depends_on};
pub use self::removed::{Removed, RemovedEntry};
pub use self::risks::{add_risk, link_gap, remove_risk, restore_risk, unlink_gap, RemovedRisk};
pub use self::roles::{add_role, phases_using_role, remove_role, restore_role, role_mut, role_position, RemovedRole};
pub use self::scenarios::{
    add_scenario, remove_scenario, restore_scenario, roadmap_names, scenario_position, switch_scenario, unused_name,
    with_scenario, RemovedScenario, FIRST_ROADMAP_NAME,
};
pub use self::settings::{reset_settings, restore_settings, settings_are_defaults};
pub use self::tags::{add_tags, remove_tag, restore_tag};
pub use self::typed::comma_separated;

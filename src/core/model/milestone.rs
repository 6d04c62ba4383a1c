//! Milestones: named, dated copies of an assessment's state kept in its own
//! file, so that readiness can be followed over time and any two states
//! compared (`core::compare`).
//!
//! A milestone does not copy the whole assessment. Its [`Snapshot`] keeps
//! exactly what the numbers of that state and the comparison of two states
//! need, and no free text they do not:
//!
//! - the header: the assessment's `id` (so that comparing two different
//!   systems can be flagged), `title`, `stated_overall`, `currency`, and the
//!   whole `settings`;
//! - categories without their `notes` ([`CategoryRecord`]);
//! - gaps without `description`, `evidence`, `severity` or `tags`, and with
//!   their checklist as a count of items done and in all instead of the
//!   items' texts ([`GapRecord`], [`Checklist`]): a gap's credit depends
//!   only on those two counts;
//! - roles and KPIs as they are;
//! - phases without `goal` and `exit_criteria` ([`PhaseRecord`]);
//! - no `system`, `assessors`, `summary`, `assessed_on`, risks or milestones.
//!
//! Each entry of a snapshot's lists leaves out the keys that hold their
//! default (a missing status, priority P2, no effort, no owner, no phase, no
//! checklist, weight 1 …), and saving writes it on one line
//! ([`crate::core::format::one_line_each`]): a milestone of an assessment
//! whose gaps have a paragraph of description each is about a quarter of
//! the file (docs/benchmarks.md), and a git diff shows one line per entry.
//!
//! [`Snapshot::to_assessment`] (in `core::milestone`) turns a snapshot back
//! into an [`Assessment`](super::Assessment) whose left-out texts are empty,
//! so that `summarize` gives every number of that state; [`Snapshot::of`]
//! makes one.

use serde::Serialize;

use super::{
    default_weight, Cost, Effort, Extra, Kpi, Priority, Range, Role, Settings, Status, TeamMember, DEFAULT_CURRENCY,
};

/// The most checklist items one snapshot may record, all gaps together.
/// Turning a snapshot back into an assessment makes one item per count, so
/// a file cannot ask for more memory than this much. A million is far
/// beyond any real assessment: the 10,000-gap benchmark holds about 25,000.
pub const MAX_SNAPSHOT_ITEMS: u64 = 1_000_000;

/// A named, dated copy of the assessment's state.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Milestone {
    /// `ms-<n>`; unique among the file's milestones.
    pub id: String,
    pub name: String,
    /// When it was saved: `YYYY-MM-DD`, or with a time, `YYYY-MM-DDTHH:MM`
    /// or `YYYY-MM-DDTHH:MM:SS`.
    pub saved_on: String,
    /// The state as it was then.
    pub state: Snapshot,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a milestone keeps of an assessment: every input of its numbers and
/// of a comparison, and none of its free text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// The id of the assessment it was taken from.
    pub id: String,
    pub title: String,
    pub stated_overall: Option<f64>,
    #[serde(default = "super::default_currency")]
    pub currency: String,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub categories: Vec<CategoryRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub gaps: Vec<GapRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub roles: Vec<Role>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub phases: Vec<PhaseRecord>,
    #[serde(default, serialize_with = "crate::core::format::one_line_each")]
    pub kpis: Vec<Kpi>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot {
            id: String::new(),
            title: String::new(),
            stated_overall: None,
            currency: DEFAULT_CURRENCY.to_string(),
            settings: Settings::default(),
            categories: Vec::new(),
            gaps: Vec::new(),
            roles: Vec::new(),
            phases: Vec::new(),
            kpis: Vec::new(),
            extra: Extra::new(),
        }
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn is_default_weight(weight: &f64) -> bool {
    *weight == default_weight()
}

/// What a snapshot keeps of a category: everything but its notes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CategoryRecord {
    pub id: String,
    pub name: String,
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = 1)))]
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_score: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a snapshot keeps of a gap: what scores, blockers, effort and a
/// comparison read, without its texts.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GapRecord {
    pub id: String,
    /// The id of its category.
    pub category: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "missing")))]
    pub status: Status,
    #[serde(default, skip_serializing_if = "is_default")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "P2")))]
    pub priority: Priority,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = "")))]
    pub owner: String,
    /// The id of the roadmap phase that closes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// How far its checklist is; absent when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Checklist>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A checklist's progress: how many of its items are done, of how many.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Checklist {
    pub done: u32,
    pub total: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a snapshot keeps of a phase: its timing, team and costs, without its
/// goal and exit criteria.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PhaseRecord {
    pub id: String,
    pub name: String,
    /// As in a phase: null when it starts right after the previous one ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_week: Option<f64>,
    pub duration_weeks: Range,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub team: Vec<TeamMember>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("default" = [])))]
    pub costs: Vec<Cost>,
    #[serde(flatten)]
    pub extra: Extra,
}

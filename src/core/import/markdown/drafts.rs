//! Drafts: what the importer has read of each part of the assessment, before
//! ids are assigned. Categories, gaps, phases and roles refer to each other
//! by their index among the drafts; `assemble` turns indexes into ids once
//! every draft is known.

use super::phrases::Weeks;
use crate::core::model::{
    Acceptance, Better, Cost, Criterion, Effort, Evidence, Impact, Item, KpiValue, Priority, Probability, RiskStatus,
    Severity, Status,
};

/// A category: its name, its stated scores and weight, and its notes.
#[derive(Debug)]
pub(super) struct CategoryDraft {
    pub(super) name: String,
    /// The stems of its name, for matching alike names.
    pub(super) stems: Vec<String>,
    pub(super) manual: Option<f64>,
    pub(super) target: Option<f64>,
    pub(super) weight: f64,
    pub(super) notes: Vec<String>,
    /// The priority a score table gives the category: its gaps' when they state none.
    pub(super) default_priority: Option<Priority>,
}

/// How a gap names its phase before phases are final.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PhaseRef {
    Index(usize),
    Named { text: String, line: usize },
}

/// The category of a roadmap task until the link pass decides it (see
/// [`GapDraft::task`]).
pub(super) const UNDECIDED: usize = usize::MAX;

/// Where a roadmap task was read: what its category is decided from, once
/// the link pass knows that it restates no finding.
#[derive(Clone, Debug)]
pub(super) struct TaskOrigin {
    /// The heading of the part of the phase it stands under (`Week 1-2: CI/CD`).
    pub(super) sub_heading: Option<String>,
    /// Its phase, by index.
    pub(super) phase: usize,
}

/// A gap: its fields as read, its category and phase by index.
#[derive(Debug)]
pub(super) struct GapDraft {
    /// Its category by index; [`UNDECIDED`] for a roadmap task until the link pass.
    pub(super) category: usize,
    pub(super) title: String,
    pub(super) description: Vec<String>,
    pub(super) evidence: Vec<Evidence>,
    pub(super) status: Status,
    pub(super) priority: Option<Priority>,
    pub(super) severity: Option<Severity>,
    pub(super) effort: Option<Effort>,
    pub(super) owner: String,
    pub(super) phase: Option<PhaseRef>,
    pub(super) items: Vec<Item>,
    pub(super) tags: Vec<String>,
    /// The day it is due, `YYYY-MM-DD`.
    pub(super) due: Option<String>,
    /// The titles of the gaps it depends on (`Depends on: A; B`), made ids
    /// once every gap has one.
    pub(super) depends_on: Vec<(String, usize)>,
    pub(super) acceptance: Option<Acceptance>,
    /// The line it was read from.
    pub(super) line: usize,
    /// For a roadmap task (a list item or numbered line under a phase).
    pub(super) task: Option<TaskOrigin>,
}

impl GapDraft {
    /// A gap with nothing stated but its category, title and status.
    pub(super) fn new(category: usize, title: String, status: Status, line: usize) -> Self {
        GapDraft {
            category,
            title,
            description: Vec::new(),
            evidence: Vec::new(),
            status,
            priority: None,
            severity: None,
            effort: None,
            owner: String::new(),
            phase: None,
            items: Vec::new(),
            tags: Vec::new(),
            due: None,
            depends_on: Vec::new(),
            acceptance: None,
            line,
            task: None,
        }
    }
}

/// A phase: everything the document says about its timing, team and
/// costs, settled into one phase at the end (see `schedule`).
#[derive(Debug, Default)]
pub(super) struct PhaseDraft {
    pub(super) number: Option<u32>,
    pub(super) name: String,
    pub(super) line: usize,
    pub(super) goal: Vec<String>,
    /// The weeks the heading states.
    pub(super) heading_weeks: Option<Weeks>,
    /// The weeks of its `Week 3-4: …` sub-headings.
    pub(super) sub_weeks: Vec<Weeks>,
    /// A duration stated as such (`Duration: 4 weeks`, a table's duration column).
    pub(super) duration: Option<(Weeks, usize)>,
    /// `Effort: 4-6 weeks`: a duration only when nothing else says one.
    pub(super) effort_weeks: Option<Weeks>,
    /// The week it starts in, counted from 0, when a line states it.
    pub(super) start: Option<f64>,
    /// Roles by index, with their headcount range.
    pub(super) team: Vec<(usize, f64, f64)>,
    pub(super) costs: Vec<Cost>,
    pub(super) exit_criteria: Vec<Criterion>,
    pub(super) stated_cost: Option<(f64, f64)>,
    /// The phases it starts after, by index (`Starts after: Phase 1`); an
    /// empty list: at the roadmap's start.
    pub(super) after: Option<Vec<usize>>,
}

/// A role, with its weekly rate when the document states one.
#[derive(Debug)]
pub(super) struct RoleDraft {
    pub(super) name: String,
    pub(super) weekly_rate: Option<f64>,
    pub(super) line: usize,
}

/// A KPI: its current value and its targets by phase index (each with
/// whether it is ticked as met), numbers or words.
#[derive(Debug)]
pub(super) struct KpiDraft {
    pub(super) name: String,
    pub(super) unit: String,
    pub(super) current: Option<KpiValue>,
    pub(super) better: Option<Better>,
    pub(super) targets: Vec<(usize, KpiValue, bool)>,
}

/// A risk, with the titles of the gaps it names.
#[derive(Debug)]
pub(super) struct RiskDraft {
    pub(super) title: String,
    pub(super) probability: Probability,
    pub(super) impact: Impact,
    pub(super) mitigation: String,
    pub(super) gaps: Vec<String>,
    pub(super) owner: String,
    pub(super) status: RiskStatus,
    pub(super) review_on: Option<String>,
}

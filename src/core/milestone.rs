//! Milestones of an assessment (`model::Milestone`): freezing the current
//! state into a [`Snapshot`], turning a snapshot back into an
//! [`Assessment`] that `summarize` and `compare` read like any other, the
//! day a milestone's own numbers are computed for ([`Milestone::as_of`]),
//! and finding a milestone by id, by name, or the latest one.
//!
//! A milestone's numbers are its state's as of the day it was saved: an
//! acceptance that had not expired then counts as accepted in them, however
//! long ago that was. This is a judgement call: a milestone records where
//! the assessment stood at that moment, and its score should not fall years
//! later because an acceptance it held has since run out; the fall belongs
//! to the states after the expiry, which are computed as of their own day.
//! Every milestone's numbers (the History tab, the trend, the portfolio's
//! "since the last milestone", a comparison with a milestone on one side)
//! take their day from here.
//!
//! What a snapshot keeps, and why, is written at `model::Snapshot`. The
//! round trip keeps every number: for any assessment `a`,
//! `summarize(&Snapshot::of(&a).to_assessment()) == summarize(&a)`, and
//! comparing the two finds no change (`tests/milestones.rs`).
//!
//! Saving, renaming, deleting and restoring one are list edits, in
//! `edit::milestones`.

use std::fmt;

use crate::core::model::{
    Acceptance, Assessment, Category, CategoryRecord, Checklist, Extra, Gap, GapRecord, Item, Milestone, Phase,
    PhaseRecord, Snapshot,
};
use crate::core::numbers::summary::{summarize_as_of, Summary};

impl Milestone {
    /// The day its own numbers are computed for: the day it was saved
    /// (`saved_on` without its time; why at the top of this file).
    pub fn as_of(&self) -> &str {
        self.saved_on.split_once('T').map_or(self.saved_on.as_str(), |(day, _)| day)
    }

    /// Every number of its state, as of the day it was saved.
    pub fn summary(&self) -> Summary {
        summarize_as_of(&self.state.to_assessment(), self.as_of())
    }
}

impl Snapshot {
    /// What a milestone keeps of `assessment` (its milestones excepted).
    pub fn of(assessment: &Assessment) -> Snapshot {
        Snapshot {
            id: assessment.id.clone(),
            title: assessment.title.clone(),
            stated_overall: assessment.stated_overall,
            stated_total: assessment.stated_total.clone(),
            currency: assessment.currency.clone(),
            settings: assessment.settings.clone(),
            categories: assessment
                .categories
                .iter()
                .map(|c| CategoryRecord {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    weight: c.weight,
                    manual_score: c.manual_score,
                    target_score: c.target_score,
                    extra: Extra::new(),
                })
                .collect(),
            gaps: assessment.gaps.iter().map(gap_record).collect(),
            roles: assessment.roles.clone(),
            start_date: assessment.start_date.clone(),
            phases: assessment
                .phases
                .iter()
                .map(|p| PhaseRecord {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    start_week: p.start_week,
                    duration_weeks: p.duration_weeks.clone(),
                    team: p.team.clone(),
                    costs: p.costs.clone(),
                    stated_cost: p.stated_cost.clone(),
                    after: p.after.clone(),
                    extra: Extra::new(),
                })
                .collect(),
            kpis: assessment.kpis.clone(),
            extra: Extra::new(),
        }
    }

    /// The state as an assessment: the texts a snapshot leaves out are
    /// empty, each checklist is as many untitled items, done ones first, as
    /// it counted, and there are no risks or milestones.
    pub fn to_assessment(&self) -> Assessment {
        let mut a = Assessment::new(self.id.clone(), self.title.clone());
        a.stated_overall = self.stated_overall;
        a.stated_total = self.stated_total.clone();
        a.currency = self.currency.clone();
        a.settings = self.settings.clone();
        a.categories = self
            .categories
            .iter()
            .map(|c| Category {
                weight: c.weight,
                manual_score: c.manual_score,
                target_score: c.target_score,
                ..Category::new(c.id.clone(), c.name.clone())
            })
            .collect();
        a.gaps = self
            .gaps
            .iter()
            .map(|g| Gap {
                status: g.status,
                priority: g.priority,
                effort: g.effort.clone(),
                owner: g.owner.clone(),
                phase: g.phase.clone(),
                items: g.checklist.as_ref().map(items).unwrap_or_default(),
                due: g.due.clone(),
                depends_on: g.depends_on.clone(),
                acceptance: g
                    .accepted_until
                    .as_ref()
                    .map(|expires| Acceptance { expires: Some(expires.clone()), ..Acceptance::default() }),
                ..Gap::new(g.id.clone(), g.category.clone(), g.title.clone())
            })
            .collect();
        a.roles = self.roles.clone();
        a.start_date = self.start_date.clone();
        a.phases = self
            .phases
            .iter()
            .map(|p| Phase {
                start_week: p.start_week,
                team: p.team.clone(),
                costs: p.costs.clone(),
                stated_cost: p.stated_cost.clone(),
                after: p.after.clone(),
                ..Phase::new(p.id.clone(), p.name.clone(), p.duration_weeks.clone())
            })
            .collect();
        a.kpis = self.kpis.clone();
        a
    }
}

fn gap_record(gap: &Gap) -> GapRecord {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    GapRecord {
        id: gap.id.clone(),
        category: gap.category.clone(),
        title: gap.title.clone(),
        status: gap.status,
        priority: gap.priority,
        effort: gap.effort.clone(),
        owner: gap.owner.clone(),
        phase: gap.phase.clone(),
        checklist: (!gap.items.is_empty()).then(|| Checklist {
            done: count(gap.items.iter().filter(|item| item.done).count()),
            total: count(gap.items.len()),
            extra: Extra::new(),
        }),
        due: gap.due.clone(),
        depends_on: gap.depends_on.clone(),
        accepted_until: gap.acceptance.as_ref().and_then(|a| a.expires.clone()),
        extra: Extra::new(),
    }
}

/// A checklist of `total` untitled items, the first `done` of them done.
/// Decoding caps what a file may count (`model::MAX_SNAPSHOT_ITEMS`).
fn items(checklist: &Checklist) -> Vec<Item> {
    let done = checklist.done.min(checklist.total);
    (0..checklist.total).map(|i| Item::new("", i < done)).collect()
}

/// Why no milestone answers a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MilestoneLookup {
    /// No milestone has that id or name (and it is not `latest`, or there
    /// are no milestones at all).
    NotFound,
    /// Several milestones have that name; their ids tell them apart.
    Ambiguous { ids: Vec<String> },
}

impl fmt::Display for MilestoneLookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MilestoneLookup::NotFound => write!(f, "There is no such milestone."),
            MilestoneLookup::Ambiguous { ids } => {
                write!(f, "Several milestones have that name; name one by its id: {}.", ids.join(", "))
            }
        }
    }
}

/// The word that names the newest milestone in [`find_milestone`].
pub const LATEST: &str = "latest";

/// The milestone that `wanted` names: the one with that id; else the only
/// one with that name; else, for `latest`, the newest ([`latest_milestone`]).
pub fn find_milestone<'a>(milestones: &'a [Milestone], wanted: &str) -> Result<&'a Milestone, MilestoneLookup> {
    if let Some(by_id) = milestones.iter().find(|m| m.id == wanted) {
        return Ok(by_id);
    }
    let named: Vec<&Milestone> = milestones.iter().filter(|m| m.name == wanted).collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] if wanted == LATEST => latest_milestone(milestones).ok_or(MilestoneLookup::NotFound),
        [] => Err(MilestoneLookup::NotFound),
        several => Err(MilestoneLookup::Ambiguous { ids: several.iter().map(|m| m.id.clone()).collect() }),
    }
}

/// The newest milestone: the latest `saved_on` (a date alone counting as
/// the start of its day), and of milestones saved at the same moment the
/// one listed last. `None` when there is none.
pub fn latest_milestone(milestones: &[Milestone]) -> Option<&Milestone> {
    // Well-formed dates and times order as text; the position breaks ties,
    // since `max_by_key` keeps the last of equal keys.
    milestones.iter().max_by_key(|m| m.saved_on.split_once('T').unwrap_or((m.saved_on.as_str(), "")))
}

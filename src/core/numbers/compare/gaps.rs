//! The gaps of two states: which were added and removed, which changed and
//! in which fields, and which blockers (open P0 gaps) were opened and closed.

use std::collections::HashSet;

use serde::{Serialize, Serializer};

use super::pairs;
use crate::core::model::{Assessment, Effort, Gap, Priority, Status};
use crate::core::numbers::score;

/// What a comparison reads of a gap: the fields whose change it reports.
#[derive(Clone, Debug, PartialEq)]
pub struct GapFacts {
    pub id: String,
    pub title: String,
    /// The id of its category.
    pub category: String,
    pub status: Status,
    pub priority: Priority,
    /// Its effort, without unknown keys.
    pub effort: Option<Effort>,
    /// The id of its phase.
    pub phase: Option<String>,
    pub owner: String,
    pub checklist: Progress,
}

/// How far a checklist is: items done, of how many (0 of 0 without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl GapFacts {
    pub fn of(gap: &Gap) -> GapFacts {
        GapFacts {
            id: gap.id.clone(),
            title: gap.title.clone(),
            category: gap.category.clone(),
            status: gap.status,
            priority: gap.priority,
            effort: gap.effort.as_ref().map(|e| Effort::new(e.min, e.max, e.unit)),
            phase: gap.phase.clone(),
            owner: gap.owner.clone(),
            checklist: Progress { done: gap.items.iter().filter(|i| i.done).count(), total: gap.items.len() },
        }
    }

    /// The fields in which `self` and `other` differ, in [`GapField::ALL`] order.
    pub fn differences(&self, other: &GapFacts) -> Vec<GapField> {
        GapField::ALL.iter().copied().filter(|field| !field.same(self, other)).collect()
    }
}

/// A field of a gap whose change a comparison reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapField {
    Status,
    Priority,
    Effort,
    Phase,
    Owner,
    /// Checklist progress: items done, or items in all.
    Checklist,
    Category,
    Title,
}

impl GapField {
    /// Every field, in the order changes are listed.
    pub const ALL: &'static [GapField] = &[
        GapField::Status,
        GapField::Priority,
        GapField::Effort,
        GapField::Phase,
        GapField::Owner,
        GapField::Checklist,
        GapField::Category,
        GapField::Title,
    ];

    /// The field's name, as the JSON output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            GapField::Status => "status",
            GapField::Priority => "priority",
            GapField::Effort => "effort",
            GapField::Phase => "phase",
            GapField::Owner => "owner",
            GapField::Checklist => "checklist",
            GapField::Category => "category",
            GapField::Title => "title",
        }
    }

    fn same(self, a: &GapFacts, b: &GapFacts) -> bool {
        match self {
            GapField::Status => a.status == b.status,
            GapField::Priority => a.priority == b.priority,
            GapField::Effort => a.effort == b.effort,
            GapField::Phase => a.phase == b.phase,
            GapField::Owner => a.owner == b.owner,
            GapField::Checklist => a.checklist == b.checklist,
            GapField::Category => a.category == b.category,
            GapField::Title => a.title == b.title,
        }
    }
}

/// One gap present on both sides that changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapChange {
    pub id: String,
    /// What changed, in [`GapField::ALL`] order; never empty.
    pub fields: Vec<GapField>,
    #[serde(skip)]
    pub before: GapFacts,
    #[serde(skip)]
    pub after: GapFacts,
}

/// The gaps added, removed and changed; the JSON gives the ids of those
/// added and removed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapChanges {
    #[serde(serialize_with = "ids")]
    pub added: Vec<GapFacts>,
    #[serde(serialize_with = "ids")]
    pub removed: Vec<GapFacts>,
    pub changed: Vec<GapChange>,
}

impl GapChanges {
    /// Whether no gap was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The blockers opened (open P0 gaps after that were not before) and closed
/// (the other way round), each as it is on the side where it is a blocker;
/// the JSON gives their ids.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Blockers {
    #[serde(serialize_with = "ids")]
    pub opened: Vec<GapFacts>,
    #[serde(serialize_with = "ids")]
    pub closed: Vec<GapFacts>,
}

fn ids<S: Serializer>(gaps: &[GapFacts], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(gaps.iter().map(|g| &g.id))
}

pub(super) fn gaps(before: &Assessment, after: &Assessment) -> GapChanges {
    let mut changes = GapChanges { added: Vec::new(), removed: Vec::new(), changed: Vec::new() };
    for pair in pairs(&before.gaps, &after.gaps, |g| &g.id) {
        match pair {
            (None, Some(gap)) => changes.added.push(GapFacts::of(gap)),
            (Some(gap), None) => changes.removed.push(GapFacts::of(gap)),
            (Some(old), Some(new)) => {
                let (old, new) = (GapFacts::of(old), GapFacts::of(new));
                let fields = old.differences(&new);
                if !fields.is_empty() {
                    changes.changed.push(GapChange { id: new.id.clone(), fields, before: old, after: new });
                }
            }
            (None, None) => {}
        }
    }
    changes
}

pub(super) fn blockers(before: &Assessment, after: &Assessment) -> Blockers {
    let open = |a: &Assessment| -> HashSet<String> { score::blockers(a).map(|g| g.id.clone()).collect() };
    Blockers { opened: blockers_only(after, &open(before)), closed: blockers_only(before, &open(after)) }
}

/// The blockers of `a` whose ids are not in `other`, each id once, in file order.
fn blockers_only(a: &Assessment, other: &HashSet<String>) -> Vec<GapFacts> {
    let mut seen = HashSet::new();
    score::blockers(a).filter(|g| !other.contains(&g.id) && seen.insert(g.id.as_str())).map(GapFacts::of).collect()
}

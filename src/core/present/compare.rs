//! A comparison (`numbers::compare`) in words: a score's change, a level's
//! change, an amount on each side, a phase's weeks, and each changed field
//! of a gap as its value before and after.
//! `gapmap diff` prints these and the app's compare view shows them, so
//! that the two say the same of the same pair.

use crate::core::model::Assessment;
use crate::core::numbers::compare::{Change, GapChange, GapFacts, GapField};
use crate::core::numbers::summary::{Bounds, PhaseSummary};
use crate::core::present::display;

/// `53.7 → 61.2 (+7.5)`, or one score with "(no change)" when both sides agree.
pub fn score_change(change: &Change<Option<f64>>) -> String {
    match (change.before, change.after) {
        (Some(b), Some(a)) if b == a => format!("{} (no change)", display::score(Some(a))),
        (Some(b), Some(a)) => format!("{} → {} ({:+.1})", display::score(Some(b)), display::score(Some(a)), a - b),
        (b, a) => format!("{} → {}", display::score(b), display::score(a)),
    }
}

/// An amount on each side, each in its side's `currency`; `none` says what
/// a side without one has (no roadmap, or labor that needs a weekly rate
/// nobody has given).
pub fn money_change(change: &Change<Option<Bounds>>, currency: &Change<String>, none: [&str; 2]) -> String {
    let amount = |b: Option<Bounds>, currency: &str, none: &str| {
        b.map_or(none.to_string(), |b| display::money_range(b.min, b.max, currency))
    };
    format!("{} → {}", amount(change.before, &currency.before, none[0]), amount(change.after, &currency.after, none[1]))
}

/// `week 0 to 2–3`: where a phase sits in its roadmap.
pub fn phase_weeks(p: &PhaseSummary) -> String {
    let (start, end) = (p.start_week, p.end_week);
    format!("week {} to {}", display::range(start.min, start.max), display::range(end.min, end.max))
}

/// `Defined → Managed`, or the one level when both sides agree ("none"
/// for a side without one).
pub fn level_change(change: &Change<Option<String>>) -> String {
    let level = |l: &Option<String>| l.clone().unwrap_or_else(|| "none".to_string());
    if change.is_changed() {
        format!("{} → {}", level(&change.before), level(&change.after))
    } else {
        level(&change.after)
    }
}

/// One changed field of a gap: its name and its value before and after,
/// categories and phases named as each side names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: GapField,
    pub before: String,
    pub after: String,
}

impl std::fmt::Display for FieldChange {
    /// `status: missing → done`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.field.as_str(), self.before, self.after)
    }
}

/// Each changed field of `change`, in its order, between the states
/// `before` and `after` that the comparison read.
pub fn field_changes(change: &GapChange, before: &Assessment, after: &Assessment) -> Vec<FieldChange> {
    let (b, a) = (&change.before, &change.after);
    let category = |side: &Assessment, id: &str| side.category(id).map_or(id.to_string(), |c| c.name.clone());
    let phase = |side: &Assessment, id: &Option<String>| match id {
        None => "none".to_string(),
        Some(id) => side.phase(id).map_or(id.clone(), |p| p.name.clone()),
    };
    let effort = |g: &GapFacts| match &g.effort {
        None => "none".to_string(),
        // "1 week", "1–2 weeks".
        Some(e) if e.min == 1.0 && e.max == 1.0 => format!("1 {}", e.unit.as_str().trim_end_matches('s')),
        Some(e) => format!("{} {}", display::range(e.min, e.max), e.unit),
    };
    let owner = |g: &GapFacts| if g.owner.is_empty() { "none".to_string() } else { g.owner.clone() };
    let checklist = |g: &GapFacts| format!("{}/{} done", g.checklist.done, g.checklist.total);
    change
        .fields
        .iter()
        .map(|&field| {
            let (before_text, after_text) = match field {
                GapField::Status => (b.status.to_string(), a.status.to_string()),
                GapField::Priority => (b.priority.to_string(), a.priority.to_string()),
                GapField::Effort => (effort(b), effort(a)),
                GapField::Phase => (phase(before, &b.phase), phase(after, &a.phase)),
                GapField::Owner => (owner(b), owner(a)),
                GapField::Checklist => (checklist(b), checklist(a)),
                GapField::Category => (category(before, &b.category), category(after, &a.category)),
                GapField::Title => (format!("\"{}\"", b.title), format!("\"{}\"", a.title)),
            };
            FieldChange { field, before: before_text, after: after_text }
        })
        .collect()
}

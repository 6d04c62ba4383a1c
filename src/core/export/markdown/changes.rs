//! The report's "Changes since <milestone>" section: what moved between a
//! milestone of the assessment (the newest, unless the caller names
//! another, [`Since`]) and the assessment as it is, read from the core's
//! comparison (`numbers::compare`): the overall score and level before →
//! after, the categories whose score changed, the blockers opened and
//! closed, the gaps added, removed and changed (with their fields), and the
//! roadmap's total cost and duration; a note first when the scoring
//! settings differ. The assessment is scored as of the report's day (the
//! day of its header's numbers), the milestone as of its own
//! (`Milestone::as_of`).
//!
//! It sits in a file of its own because, unlike the other sections, it
//! reads a second state of the assessment, and none of it is read back:
//! the whole section, heading included, stands between the computed
//! markers, so the Markdown importer skips it.

use super::{effort_phrase, inline, status_words, Report};
use crate::core::milestone::latest_milestone;
use crate::core::model::{Assessment, Milestone};
use crate::core::numbers::compare::{compare_as_of, Change, Comparison, GapChange, GapFacts, GapField, Presence};
use crate::core::numbers::summary::Bounds;
use crate::core::present::display;

/// Which milestone the report's "Changes since" section compares the
/// assessment with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Since {
    /// The newest milestone (`milestone::latest_milestone`); no section
    /// when there is none.
    #[default]
    Latest,
    /// The milestone with this id; no section when there is none (a
    /// caller that takes a name resolves it first, with
    /// `milestone::find_milestone`).
    Milestone(String),
    /// No section.
    Omitted,
}

impl Since {
    /// The milestone of `milestones` that this names, if any.
    pub fn milestone<'m>(&self, milestones: &'m [Milestone]) -> Option<&'m Milestone> {
        match self {
            Since::Latest => latest_milestone(milestones),
            Since::Milestone(id) => milestones.iter().find(|m| m.id == *id),
            Since::Omitted => None,
        }
    }
}

impl Report<'_> {
    /// The "Changes since" section, when `since` names a milestone.
    pub(super) fn changes(&mut self, since: &Since) {
        let Some(milestone) = since.milestone(&self.a.milestones) else {
            return;
        };
        let before = milestone.state.to_assessment();
        // The report's own day, that of its header; a report with none has
        // an empty one, which is no day (`compare_as_of`).
        let now = self.s.as_of.as_deref().unwrap_or_default();
        let c = compare_as_of(&before, milestone.as_of(), self.a, now);
        let saved_on = milestone.as_of();
        let mut lines = vec![format!("## Changes since {} ({})", inline(&milestone.name), inline(saved_on))];
        if let Some(rescored) = &c.rescored {
            lines.push(String::new());
            lines.push(format!(
                "Note: the scoring settings have changed since this milestone, so part of the change comes from the rules. Under the current settings the overall score goes {}.",
                scores(&rescored.under_after)
            ));
        }
        lines.push(String::new());
        lines.push(format!("**Overall score:** {} · **Level:** {}", scores(&c.overall), levels(&c.level)));

        let categories = category_lines(&c);
        let blockers: Vec<String> = (c.blockers.opened.iter().map(|g| ("opened", g)))
            .chain(c.blockers.closed.iter().map(|g| ("closed", g)))
            .map(|(what, gap)| format!("- {what}: {}", title(&gap.title)))
            .collect();
        let gaps = gap_lines(&c, &before, self.a);
        let roadmap = roadmap_parts(&c);

        let unchanged = c.rescored.is_none()
            && !c.overall.is_changed()
            && !c.level.is_changed()
            && [&categories, &blockers, &gaps, &roadmap].iter().all(|listed| listed.is_empty());
        list(&mut lines, "Category scores", categories);
        list(&mut lines, "Blockers", blockers);
        list(&mut lines, "Gaps", gaps);
        if !roadmap.is_empty() {
            lines.push(String::new());
            lines.push(format!("**Roadmap:** {}", roadmap.join(" · ")));
        }
        if unchanged {
            lines.push(String::new());
            lines.push("No change in scores, blockers, gaps or the roadmap's cost and duration.".to_string());
        }
        self.computed(&lines);
    }
}

/// The categories whose score changed, added or removed.
fn category_lines(c: &Comparison) -> Vec<String> {
    c.categories
        .iter()
        .filter(|k| k.is_changed())
        .map(|k| {
            let what = match k.presence {
                Presence::Added => format!("added, {}", display::score(k.after)),
                Presence::Removed => format!("removed (was {})", display::score(k.before)),
                Presence::Both => scores(&Change { before: k.before, after: k.after }),
            };
            format!("- {}: {what}", inline(&k.name))
        })
        .collect()
}

/// The gaps added (with their category, priority and status as they are),
/// removed (as they were) and changed (with their fields).
fn gap_lines(c: &Comparison, before: &Assessment, after: &Assessment) -> Vec<String> {
    let category = |side: &Assessment, id: &str| side.category(id).map_or(id.to_string(), |k| k.name.clone());
    let facts = |what: &str, gap: &GapFacts, side: &Assessment| {
        let category = inline(&category(side, &gap.category));
        format!("- {what}: {} ({category}, {}, {})", title(&gap.title), gap.priority, status_words(gap.status))
    };
    (c.gaps.added.iter().map(|g| facts("added", g, after)))
        .chain(c.gaps.removed.iter().map(|g| facts("removed", g, before)))
        .chain(c.gaps.changed.iter().map(|change| {
            format!("- changed: {}: {}", title(&change.after.title), fields(change, before, after).join("; "))
        }))
        .collect()
}

/// The roadmap's total cost and duration, each when it changed.
fn roadmap_parts(c: &Comparison) -> Vec<String> {
    let mut parts = Vec::new();
    if c.total.is_changed() {
        // A side with phases but no total has labor nobody can price yet.
        let money = |b: Option<Bounds>, weeks: Option<Bounds>, currency: &str| match (b, weeks) {
            (Some(b), _) => display::money_range(b.min, b.max, currency),
            (None, Some(_)) => "unknown".to_string(),
            (None, None) => "no roadmap".to_string(),
        };
        parts.push(format!(
            "total cost {} → {}",
            money(c.total.before, c.duration_weeks.before, &c.currency.before),
            money(c.total.after, c.duration_weeks.after, &c.currency.after)
        ));
    }
    if c.duration_weeks.is_changed() {
        let weeks = |b: Option<Bounds>| b.map_or("no roadmap".to_string(), |b| display::range(b.min, b.max));
        parts.push(format!("duration {} → {} weeks", weeks(c.duration_weeks.before), weeks(c.duration_weeks.after)));
    }
    parts
}

/// A titled list, left out when empty.
fn list(lines: &mut Vec<String>, title: &str, items: Vec<String>) {
    if !items.is_empty() {
        lines.push(String::new());
        lines.push(format!("**{title}:**"));
        lines.push(String::new());
        lines.extend(items);
    }
}

fn title(text: &str) -> String {
    format!("“{}”", inline(text))
}

/// `53.7 → 61.2 (+7.5)`, or one score when both sides agree.
fn scores(change: &Change<Option<f64>>) -> String {
    match (change.before, change.after) {
        (Some(b), Some(a)) if b == a => format!("{} (no change)", display::score(Some(a))),
        (Some(b), Some(a)) => format!("{} → {} ({:+.1})", display::score(Some(b)), display::score(Some(a)), a - b),
        (b, a) => format!("{} → {}", display::score(b), display::score(a)),
    }
}

fn levels(change: &Change<Option<String>>) -> String {
    let level = |l: &Option<String>| l.as_deref().map_or("none".to_string(), inline);
    if change.is_changed() {
        format!("{} → {}", level(&change.before), level(&change.after))
    } else {
        format!("{} (no change)", level(&change.after))
    }
}

/// Each changed field of a gap, `status: missing → done`, with categories
/// and phases named as each side names them.
fn fields(change: &GapChange, before: &Assessment, after: &Assessment) -> Vec<String> {
    let (b, a) = (&change.before, &change.after);
    let category = |side: &Assessment, id: &str| inline(&side.category(id).map_or(id.to_string(), |k| k.name.clone()));
    let phase = |side: &Assessment, id: &Option<String>| match id {
        None => "none".to_string(),
        Some(id) => inline(&side.phase(id).map_or(id.clone(), |p| p.name.clone())),
    };
    let effort = |g: &GapFacts| g.effort.as_ref().map_or("none".to_string(), effort_phrase);
    let owner = |g: &GapFacts| if g.owner.is_empty() { "none".to_string() } else { inline(&g.owner) };
    let checklist = |g: &GapFacts| format!("{}/{} done", g.checklist.done, g.checklist.total);
    change
        .fields
        .iter()
        .map(|field| {
            let (from, to) = match field {
                GapField::Status => (status_words(b.status).to_string(), status_words(a.status).to_string()),
                GapField::Priority => (b.priority.to_string(), a.priority.to_string()),
                GapField::Effort => (effort(b), effort(a)),
                GapField::Phase => (phase(before, &b.phase), phase(after, &a.phase)),
                GapField::Owner => (owner(b), owner(a)),
                GapField::Checklist => (checklist(b), checklist(a)),
                GapField::Category => (category(before, &b.category), category(after, &a.category)),
                GapField::Title => (title(&b.title), title(&a.title)),
            };
            format!("{} {from} → {to}", field.as_str())
        })
        .collect()
}

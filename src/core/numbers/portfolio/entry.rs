//! One assessment's line in the portfolio: a [`PortfolioEntry`], taken
//! from its [`Summary`] and small enough to keep in the library's index, so
//! that the portfolio of a whole library is built without decoding one
//! assessment (the app stores it at each save; `gapmap portfolio` makes it
//! from each file it reads).
//!
//! Its numbers are its summary's as of a day ([`PortfolioEntry::as_of`]:
//! the command's `--as-of`, the app's day of the save), the acceptances
//! expired by then counting as missing; the last milestone's score is the
//! milestone's own, as of the day it was saved (`Milestone::as_of`).
//!
//! Money keeps the summary's rule: a figure that needs a weekly rate nobody
//! has given is `None`, with the roles that lack one, never 0.
//!
//! When readiness is projected ([`ReadyWhen`]): where `numbers::ready`
//! says the roadmap reaches ready. That week, counted from the roadmap's
//! start, gives the roadmap quarter, weeks 0–13 being the first; when the
//! assessment has a start date, the day it gives names the calendar quarter
//! too, so that systems planned from different days compare.

use serde::{Deserialize, Serialize};

use crate::core::model::Assessment;
use crate::core::numbers::ready;
use crate::core::numbers::summary::{summarize, summarize_as_of, Bounds, Summary};
use crate::core::present::date;

/// The weeks of one roadmap quarter.
pub const WEEKS_PER_QUARTER: f64 = 13.0;

/// One assessment's figures for the portfolio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioEntry {
    pub id: String,
    pub title: String,
    /// The system under review; may be empty (see [`PortfolioEntry::name`]).
    pub system: String,
    pub tags: Vec<String>,
    /// ISO 4217 code of its money.
    pub currency: String,
    pub overall: Option<f64>,
    pub level: Option<String>,
    pub production_ready: bool,
    pub ready_threshold: f64,
    /// Its open blockers (open P0 gaps), in the order of its gaps.
    pub blockers: Vec<Blocker>,
    /// Remaining effort in person-days.
    pub effort_days: Bounds,
    /// `None` when a weekly rate it needs is unknown.
    pub labor: Option<Bounds>,
    pub one_off: f64,
    pub annual: f64,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Bounds>,
    /// The names of the roles whose missing rate makes labor and total unknown.
    pub unknown_rates: Vec<String>,
    /// The roadmap's duration in weeks; 0–0 without a roadmap.
    pub duration_weeks: Bounds,
    /// Whether it has a roadmap (any phase).
    pub has_roadmap: bool,
    pub categories: Vec<CategoryScore>,
    /// Its newest milestone, with the overall score then.
    pub last_milestone: Option<MilestoneScore>,
    /// The day it last changed, `YYYY-MM-DD`, as the caller knows it (the
    /// app's save time, a file's modification time).
    pub changed_on: Option<String>,
    pub ready_when: ReadyWhen,
}

/// An open blocker of one assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Blocker {
    /// The gap's id.
    pub id: String,
    pub title: String,
    /// The id of its category.
    pub category: String,
    /// As written in files (`P0`).
    pub priority: String,
    pub owner: String,
    /// The name of the phase that closes it (its id when no phase has it).
    pub phase: Option<String>,
}

/// One category's score in one assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
}

/// The newest milestone and the overall score it froze.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MilestoneScore {
    pub name: String,
    /// `YYYY-MM-DD`, with a time when one was saved.
    pub saved_on: String,
    pub overall: Option<f64>,
}

/// When the system is projected to be ready (the rule is at the top of this file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "when", rename_all = "snake_case")]
pub enum ReadyWhen {
    /// Ready already.
    Now,
    /// Once `phase` is done: at `week` of the roadmap, in its `quarter` (1 =
    /// weeks 0–13); on `date` (`YYYY-MM-DD`, the latest) when the roadmap
    /// has a start date.
    Projected {
        phase: String,
        week: Bounds,
        quarter: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// No phase of the roadmap gets it there.
    NotWithinRoadmap,
    /// It has no roadmap to project from.
    NoRoadmap,
}

impl ReadyWhen {
    /// The words the table shows: "ready", "Q2 (week 14–20, after Hardening)" ….
    pub fn text(&self) -> String {
        match self {
            ReadyWhen::Now => "ready now".to_string(),
            ReadyWhen::Projected { phase, date: Some(date), .. } => match calendar_quarter(date) {
                Some((year, q)) => format!("{year} Q{q} (by {date}, after {phase})"),
                None => format!("by {date}, after {phase}"),
            },
            ReadyWhen::Projected { phase, week, quarter, date: None } => {
                format!("Q{quarter} (week {}, after {phase})", crate::core::present::display::range(week.min, week.max))
            }
            ReadyWhen::NotWithinRoadmap => "not within the roadmap".to_string(),
            ReadyWhen::NoRoadmap => "no roadmap".to_string(),
        }
    }

    /// The day it is projected ready, when the roadmap has a start date.
    pub fn date(&self) -> Option<&str> {
        match self {
            ReadyWhen::Projected { date, .. } => date.as_deref(),
            _ => None,
        }
    }

    /// The quarter of the roadmap, for sorting: 0 when ready now, none when never.
    pub fn quarter(&self) -> Option<u32> {
        match self {
            ReadyWhen::Now => Some(0),
            ReadyWhen::Projected { quarter, .. } => Some(*quarter),
            ReadyWhen::NotWithinRoadmap | ReadyWhen::NoRoadmap => None,
        }
    }
}

impl PortfolioEntry {
    /// The portfolio line of `assessment`, which last changed on
    /// `changed_on`, with no day: no acceptance expires (as `summarize`).
    pub fn of(assessment: &Assessment, changed_on: Option<String>) -> Self {
        PortfolioEntry::from_summary(assessment, &summarize(assessment), changed_on)
    }

    /// The portfolio line of `assessment`, which last changed on
    /// `changed_on`, its numbers as of the day `as_of` (`YYYY-MM-DD`).
    pub fn as_of(assessment: &Assessment, as_of: &str, changed_on: Option<String>) -> Self {
        PortfolioEntry::from_summary(assessment, &summarize_as_of(assessment, as_of), changed_on)
    }

    /// As [`PortfolioEntry::of`], from the summary the caller has already made.
    pub fn from_summary(assessment: &Assessment, summary: &Summary, changed_on: Option<String>) -> Self {
        let blockers: Vec<Blocker> = summary
            .blockers
            .iter()
            .filter_map(|id| assessment.gap(id))
            .map(|gap| Blocker {
                id: gap.id.clone(),
                title: gap.title.clone(),
                category: gap.category.clone(),
                priority: gap.priority.as_str().to_string(),
                owner: gap.owner.clone(),
                phase: gap.phase.as_ref().map(|id| assessment.phase(id).map_or_else(|| id.clone(), |p| p.name.clone())),
            })
            .collect();
        let last_milestone = crate::core::milestone::latest_milestone(&assessment.milestones).map(|m| MilestoneScore {
            name: m.name.clone(),
            saved_on: m.saved_on.clone(),
            overall: m.summary().overall,
        });
        PortfolioEntry {
            id: assessment.id.clone(),
            title: assessment.title.clone(),
            system: assessment.system.clone(),
            tags: assessment.tags.clone(),
            currency: assessment.currency.clone(),
            overall: summary.overall,
            level: summary.level.clone(),
            production_ready: summary.production_ready,
            ready_threshold: summary.ready_threshold,
            blockers,
            effort_days: summary.effort_days,
            labor: summary.labor,
            one_off: summary.one_off,
            annual: summary.annual,
            total: summary.total,
            unknown_rates: summary.labor_unknown_rates.clone(),
            duration_weeks: summary.duration_weeks,
            has_roadmap: !assessment.phases.is_empty(),
            categories: summary
                .categories
                .iter()
                .map(|c| CategoryScore { id: c.id.clone(), name: c.name.clone(), score: c.score })
                .collect(),
            last_milestone,
            changed_on,
            ready_when: ready_when(assessment, summary),
        }
    }

    /// What the portfolio calls it: its system, or its title when it names none.
    pub fn name(&self) -> &str {
        if self.system.trim().is_empty() {
            &self.title
        } else {
            &self.system
        }
    }

    /// Its total cost: `None` when a rate it needs is unknown, or when it
    /// has no roadmap (no plan has a cost yet, which is not a cost of 0).
    pub fn money_total(&self) -> Option<Bounds> {
        self.total.filter(|_| self.has_roadmap)
    }

    /// How far the overall score moved since the last milestone; `None`
    /// without a milestone or a score on either side.
    pub fn change_since_milestone(&self) -> Option<f64> {
        let then = self.last_milestone.as_ref()?.overall?;
        Some(((self.overall? - then) * 10.0).round() / 10.0)
    }
}

/// The day of a save time in milliseconds since the Unix epoch (UTC), `YYYY-MM-DD`.
pub fn day_of_millis(millis: f64) -> Option<String> {
    if !millis.is_finite() || millis <= 0.0 {
        return None;
    }
    // Whole days since the epoch; the cast saturates, and date_text refuses what is out of range.
    date::date_text((millis / 86_400_000.0).floor() as i64)
}

/// When the roadmap makes the assessment ready (the rule is at the top of this file).
fn ready_when(assessment: &Assessment, summary: &Summary) -> ReadyWhen {
    if summary.production_ready {
        return ReadyWhen::Now;
    }
    if assessment.phases.is_empty() {
        return ReadyWhen::NoRoadmap;
    }
    match ready::ready_point(assessment, summary) {
        Some(point) => {
            // Weeks 0–13 are the first quarter; a phase ending on week 13 still ends in it.
            let quarter = ((point.week.max / WEEKS_PER_QUARTER).ceil().max(1.0)).min(f64::from(u32::MAX)) as u32;
            let phase = summary.phases[point.phase].name.clone();
            ReadyWhen::Projected { phase, week: point.week, quarter, date: point.date }
        }
        None => ReadyWhen::NotWithinRoadmap,
    }
}

/// The year and quarter (1–4) of a `YYYY-MM-DD` date.
fn calendar_quarter(date: &str) -> Option<(&str, u32)> {
    date::day_number(date)?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    Some((date.get(..4)?, (month - 1) / 3 + 1))
}

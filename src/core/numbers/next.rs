//! What to do next: the gain of each open gap (how much closing it alone
//! would raise the overall score), its effort and its gain per person-day,
//! the quick wins in order, and the cheapest path to ready ([`path`]).
//!
//! A gap's **gain** is the overall score projected with that gap closed
//! alone minus the overall now, computed as a phase's projection is (as if a
//! phase held that gap alone; a category scored by hand follows the rule in
//! `score`). Gains add up, so they come from one rate per category
//! ([`score::overall_per_credit`]) times each gap's open work w·(1 − c): one
//! pass over the categories and one over the gaps, with no rescoring.
//!
//! Listed: every gap that is missing or partial, in a category that exists.
//! Done, accepted and not-applicable gaps gain nothing and are not listed.
//! As of a day ([`summarize_as_of`], [`gain_terms_as_of`]), a gap whose
//! acceptance expired before it is missing (`numbers::acceptance`), and so
//! listed; without one, no acceptance expires.
//!
//! Everything is exact ([`Decimal`]) here; [`NextSummary`] rounds it as shown
//! and is the JSON of `gapmap next --json`. [`gain_terms`] gives the terms of
//! one gap's gain (its category's rate and the gap's open work), rounded as
//! shown, for a view that explains the sum.

pub mod knapsack;
pub mod path;

use std::cmp::Reverse;
use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::core::decimal::{one_decimal, rounded, Span};
use crate::core::model::{Assessment, Category, Priority};
use crate::core::numbers::summary::Bounds;
use crate::core::numbers::{acceptance, cost, score};
use crate::core::present::date::day_number;

pub use path::{path_to_ready, PathToReady};

/// What closing one open gap alone would buy, and what it would cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Gain {
    /// The gap's position in the assessment's gaps.
    pub index: usize,
    pub id: String,
    /// The rise of the overall score, in points (0–100).
    pub gain: Decimal,
    /// The gap's effort in person-days; `None` when it states none.
    pub effort: Option<Span>,
    /// `gain` ÷ the effort's midpoint; `None` when the effort is unknown or
    /// its midpoint is zero.
    pub per_day: Option<Decimal>,
}

/// The gain of every open gap, in file order. Linear in gaps and categories.
pub fn gains(assessment: &Assessment) -> Vec<Gain> {
    let settings = &assessment.settings;
    let rates = score::overall_per_credit(assessment);
    // Each priority's weight once, rather than reading the setting per gap;
    // `Priority::ALL` lists them in declaration order, so `as usize` indexes it.
    let weights: Vec<Decimal> = Priority::ALL.iter().map(|&p| score::priority_weight(p, settings)).collect();
    let category_index: HashMap<&str, usize> =
        assessment.categories.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    assessment
        .gaps
        .iter()
        .enumerate()
        .filter(|(_, gap)| gap.status.is_open())
        .filter_map(|(index, gap)| {
            let category = *category_index.get(gap.category.as_str())?;
            let credit = score::credit(gap, settings)?;
            let open = weights[gap.priority as usize].saturating_mul(Decimal::ONE - credit);
            let gain = rates[category].saturating_mul(open).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            let effort = gap.effort.as_ref().map(|e| cost::effort_days(e, settings));
            let per_day = effort.and_then(|e| gain.checked_div(path::midpoint(e)));
            Some(Gain { index, id: gap.id.clone(), gain, effort, per_day })
        })
        .collect()
}

/// Orders gains as quick wins: free gaps that gain something first (their
/// gain per day would be infinite), then by gain per day, highest first,
/// then the gaps of unknown effort; ties by larger gain, then file order.
pub fn rank(gains: &mut [Gain]) {
    gains.sort_by_key(|g| {
        let class = match (g.effort, g.per_day) {
            (None, _) => 2,
            (Some(_), None) if g.gain > Decimal::ZERO => 0,
            _ => 1,
        };
        (class, Reverse(g.per_day.unwrap_or_default()), Reverse(g.gain), g.index)
    });
}

/// Everything this module tells of an assessment, exact.
#[derive(Clone, Debug, PartialEq)]
pub struct Next {
    /// The overall score now.
    pub overall: Option<Decimal>,
    /// Every open gap's gain, as quick wins ([`rank`]).
    pub gains: Vec<Gain>,
    pub path: PathToReady,
}

/// The gains, ranked, and the cheapest path to ready.
pub fn next(assessment: &Assessment) -> Next {
    let overall = score::scores(assessment).overall;
    let mut gains = gains(assessment);
    let path = path_to_ready(assessment, &gains, overall);
    rank(&mut gains);
    Next { overall, gains, path }
}

/// [`Next`] rounded as shown. Its serialized form is the JSON contract of
/// `gapmap next --json`: exactly `gains` and `path_to_ready` with the keys
/// the README lists; fields marked `serde(skip)` are for the text and the app.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NextSummary {
    pub gains: Vec<GainSummary>,
    pub path_to_ready: PathSummary,
    #[serde(skip)]
    pub overall: Option<f64>,
    #[serde(skip)]
    pub ready_threshold: f64,
}

/// One open gap's gain, rounded: gains and gains per day to two and three
/// decimals (a gap among hundreds gains a fraction of a point), efforts to one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GainSummary {
    pub id: String,
    /// The gap's position in the assessment's gaps.
    #[serde(skip)]
    pub index: usize,
    pub gain: f64,
    pub effort_days: Option<Bounds>,
    pub gain_per_day: Option<f64>,
    #[serde(skip)]
    pub title: String,
    /// The category's name.
    #[serde(skip)]
    pub category: String,
    #[serde(skip)]
    pub priority: Priority,
    /// The name of the phase it is assigned to, if any.
    #[serde(skip)]
    pub phase: Option<String>,
    #[serde(skip)]
    pub owner: String,
    /// Whether its category's score is set by hand (the projection rule of
    /// `score` moves it).
    #[serde(skip)]
    pub hand_scored: bool,
    /// The overall score once this gap alone is closed, one decimal as the
    /// overall is shown.
    #[serde(skip)]
    pub overall_after: Option<f64>,
}

/// The cheapest path to ready, rounded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathSummary {
    pub possible: bool,
    /// The ids of its gaps, in file order.
    pub gaps: Vec<String>,
    /// The positions of its gaps in the assessment's gaps, in file order.
    #[serde(skip)]
    pub positions: Vec<usize>,
    /// Σ effort of its gaps, one decimal; `None` when one of them states no
    /// effort (the total is then unknown: see `unknown_effort`).
    pub effort_days: Option<Bounds>,
    pub overall_after: Option<f64>,
    /// Σ effort of its gaps that state one.
    #[serde(skip)]
    pub known_effort_days: Bounds,
    /// The ids of its gaps that state no effort.
    #[serde(skip)]
    pub unknown_effort: Vec<String>,
    #[serde(skip)]
    pub proven_minimal: bool,
    /// No path takes fewer person-days (Σ midpoints), one decimal.
    #[serde(skip)]
    pub effort_at_least: f64,
}

fn tenths(span: Span) -> Bounds {
    Bounds { min: one_decimal(span.min), max: one_decimal(span.max) }
}

/// The gains and the path of `assessment` as of the day `as_of`
/// (`YYYY-MM-DD`; a text that is not a date is no day), rounded as shown.
pub fn summarize_as_of(assessment: &Assessment, as_of: &str) -> NextSummary {
    summarize(&acceptance::as_of(assessment, day_number(as_of)))
}

/// The gains and the path of `assessment`, rounded as shown, with no day.
pub fn summarize(assessment: &Assessment) -> NextSummary {
    let next = next(assessment);
    let id = |i: usize| assessment.gaps[i].id.clone();
    let categories: HashMap<&str, &str> =
        assessment.categories.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let phases: HashMap<&str, &str> = assessment.phases.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    // A reference that does not resolve (the file is not valid) shows as the id.
    let name = |names: &HashMap<&str, &str>, id: &str| names.get(id).unwrap_or(&id).to_string();
    let gains = next
        .gains
        .iter()
        .map(|g| {
            let gap = &assessment.gaps[g.index];
            GainSummary {
                id: g.id.clone(),
                index: g.index,
                gain: rounded(g.gain, 2),
                effort_days: g.effort.map(tenths),
                gain_per_day: g.per_day.map(|p| rounded(p, 3)),
                title: gap.title.clone(),
                category: name(&categories, &gap.category),
                priority: gap.priority,
                phase: gap.phase.as_deref().map(|id| name(&phases, id)),
                owner: gap.owner.clone(),
                hand_scored: category_of(assessment, &gap.category)
                    .is_some_and(|c| hand_scored(&assessment.categories[c])),
                overall_after: next
                    .overall
                    .map(|now| one_decimal(now.saturating_add(g.gain).min(Decimal::ONE_HUNDRED))),
            }
        })
        .collect();
    let path = &next.path;
    NextSummary {
        gains,
        path_to_ready: PathSummary {
            possible: path.possible,
            gaps: path.gaps.iter().map(|&i| id(i)).collect(),
            positions: path.gaps.clone(),
            effort_days: path.unknown_effort.is_empty().then(|| tenths(path.effort)),
            overall_after: path.overall_after.map(one_decimal),
            known_effort_days: tenths(path.effort),
            unknown_effort: path.unknown_effort.iter().map(|&i| id(i)).collect(),
            proven_minimal: path.proven_minimal,
            effort_at_least: one_decimal(path.effort_at_least),
        },
        overall: next.overall.map(one_decimal),
        ready_threshold: assessment.settings.ready_threshold,
    }
}

/// The terms of one open gap's gain, rounded as shown: the gain is the
/// category's rate times the gap's open work, w × (1 − c).
#[derive(Clone, Debug, PartialEq)]
pub struct GainTerms {
    pub id: String,
    /// How many points of the overall score one unit of the category's
    /// weighted credit (Σ w·c) is worth, four decimals.
    pub rate: f64,
    /// The weight of the gap's priority, w.
    pub weight: f64,
    /// The gap's credit now, c (0–1), two decimals.
    pub credit: f64,
    /// w × (1 − c), two decimals.
    pub open_work: f64,
    /// rate × open work, the gap's gain in points, two decimals.
    pub gain: f64,
    /// Whether the category's score is set by hand, so that it moves only as
    /// the projection rule of `score` says, from the score stated.
    pub hand_scored: bool,
}

/// As [`gain_terms`], as of the day `as_of` (as [`summarize_as_of`]).
pub fn gain_terms_as_of(assessment: &Assessment, index: usize, as_of: &str) -> Option<GainTerms> {
    gain_terms(&acceptance::as_of(assessment, day_number(as_of)), index)
}

/// The terms of the gain of the gap at `index` (its position in the
/// assessment's gaps); `None` when that gap is not open, not scored or in no
/// category that exists (it is then in no list of gains). No day.
pub fn gain_terms(assessment: &Assessment, index: usize) -> Option<GainTerms> {
    let settings = &assessment.settings;
    let gap = assessment.gaps.get(index).filter(|gap| gap.status.is_open())?;
    let category = category_of(assessment, &gap.category)?;
    let credit = score::credit(gap, settings)?;
    let rate = *score::overall_per_credit(assessment).get(category)?;
    let weight = score::priority_weight(gap.priority, settings);
    // The same terms as [`gains`] multiplies, so that the sum shown is the gain listed.
    let open_work = weight.saturating_mul(Decimal::ONE - credit);
    let gain = rate.saturating_mul(open_work).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    Some(GainTerms {
        id: gap.id.clone(),
        rate: rounded(rate, 4),
        weight: rounded(weight, 2),
        credit: rounded(credit, 2),
        open_work: rounded(open_work, 2),
        gain: rounded(gain, 2),
        hand_scored: hand_scored(&assessment.categories[category]),
    })
}

/// The position of the category `id`: the last of several that share it, as
/// [`gains`]' map of ids finds it.
fn category_of(assessment: &Assessment, id: &str) -> Option<usize> {
    assessment.categories.iter().rposition(|c| c.id == id)
}

/// Whether a category's score is set by hand, as `score` reads it (a
/// finite manual score).
fn hand_scored(category: &Category) -> bool {
    category.manual_score.is_some_and(f64::is_finite)
}

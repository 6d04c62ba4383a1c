//! Scores: each gap's credit, each category's score, the overall score, the
//! readiness level, the blockers, the priority tiers, and the score each phase
//! of the roadmap buys.
//!
//! The rules, so that every number on screen can be explained:
//! - A gap is scored when it is missing, partial or done. Its credit is 1 when
//!   done, 0 when missing, and when partial the share of its checklist that is
//!   done, or `partial_credit` when it has no checklist.
//! - A category's computed score is 100 × Σ(weight × credit) ÷ Σ weight over its
//!   scored gaps, the weight being its priority's. An assessor's `manual_score`
//!   M overrides it as the category's score now.
//! - Projections: the score after a phase is computed as above with every
//!   scored gap of that phase and the ones before it done (credit 1). For a
//!   category with a manual score M, closing gaps moves M towards 100 in
//!   proportion to the work closed: M + (100 − M) × Σ w·(c′ − c) ÷ Σ w·(1 − c),
//!   summed over the category's scored gaps, where w is a gap's priority
//!   weight, c its credit now and c′ its credit once the phases are done; M
//!   when the category has no open work (Σ w·(1 − c) = 0). Closing every gap
//!   of such a category projects 100, closing none projects M.
//! - The overall score is the mean of category scores weighted by category
//!   weight, over the categories that have a score.
//! - An accepted gap whose acceptance `expires` before the day the numbers
//!   are for (today in the app, `--as-of` on the command line) counts as
//!   missing again, in every number here: credit 0, its category, the
//!   overall, the projections, the blockers and the gains. Without a day
//!   (`summarize`), no acceptance expires. `numbers::acceptance` applies
//!   the rule before scoring; the functions here see the gap as missing.
//!
//! Gains add up. Closing gaps never changes which categories have a score
//! (that depends on weights and manual scores, not on credits), so the
//! overall is a fixed weighted mean of category scores, and each category's
//! score, computed or manual, is linear in its Σ w·c. Closing a gap therefore
//! raises the overall by a fixed amount, its *gain*: w·(1 − c) times its
//! category's [`overall_per_credit`] rate. Closing several gaps raises the
//! overall by the sum of their gains, whatever the order, and a phase's
//! projection is the overall now plus the gains of the gaps it closes
//! (`core::numbers::next` ranks gaps by gain and finds the cheapest path to ready).
//!
//! Everything here is unrounded [`Decimal`]; `summary` rounds for display.
//! Invalid settings (negative weights, partial credit above 1) are clamped so
//! that every score stays within 0–100 whatever the input; validation reports
//! them.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::core::decimal::{exact, ratio};
use crate::core::model::{Assessment, Category, Gap, Level, Priority, Settings, Status};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A gap's credit: how much of it is closed, 0–1; `None` when it is not scored.
pub fn credit(gap: &Gap, settings: &Settings) -> Option<Decimal> {
    match gap.status {
        Status::Done => Some(Decimal::ONE),
        Status::Missing => Some(Decimal::ZERO),
        Status::Partial if gap.items.is_empty() => {
            Some(exact(settings.partial_credit).clamp(Decimal::ZERO, Decimal::ONE))
        }
        Status::Partial => {
            let done = gap.items.iter().filter(|item| item.done).count();
            ratio(Decimal::from(done), Decimal::from(gap.items.len()))
        }
        Status::Accepted | Status::NotApplicable => None,
    }
}

/// The weight a gap of this priority carries in its category's score.
pub fn priority_weight(priority: Priority, settings: &Settings) -> Decimal {
    exact(settings.priority_weights.get(priority)).max(Decimal::ZERO)
}

/// One gap's part in its category's score: the terms of the sum.
#[derive(Clone, Debug, PartialEq)]
pub struct GapTerm {
    pub gap: String,
    pub priority: Priority,
    pub weight: Decimal,
    pub credit: Decimal,
}

/// The terms of a category's computed score, gap by gap, for explaining it.
pub fn category_terms(assessment: &Assessment, category: &str) -> Vec<GapTerm> {
    let settings = &assessment.settings;
    assessment
        .gaps
        .iter()
        .filter(|gap| gap.category == category)
        .filter_map(|gap| {
            Some(GapTerm {
                gap: gap.id.clone(),
                priority: gap.priority,
                weight: priority_weight(gap.priority, settings),
                credit: credit(gap, settings)?,
            })
        })
        .collect()
}

/// The running sums behind one category's computed score.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    weighted_credit: Decimal,
    weight: Decimal,
    scored: usize,
}

impl Tally {
    fn add(&mut self, weight: Decimal, credit: Decimal) {
        self.weighted_credit = self.weighted_credit.saturating_add(weight.saturating_mul(credit));
        self.weight = self.weight.saturating_add(weight);
        self.scored += 1;
    }

    /// Replaces one gap's credit by another's, as when the gap gets done.
    fn raise(&mut self, weight: Decimal, from: Decimal, to: Decimal) {
        let gain = weight.saturating_mul(to.saturating_sub(from));
        self.weighted_credit = self.weighted_credit.saturating_add(gain);
    }

    fn score(&self) -> Option<Decimal> {
        if self.scored == 0 {
            return None;
        }
        let score = ratio(self.weighted_credit.saturating_mul(HUNDRED), self.weight)?;
        Some(score.clamp(Decimal::ZERO, HUNDRED))
    }

    /// Σ w·(1 − c): the weighted work still open in the category.
    fn open(&self) -> Decimal {
        self.weight.saturating_sub(self.weighted_credit)
    }

    /// The score of a category set by hand to `manual` (when it stood at
    /// `now`), once its tally has risen to `self`: M + (100 − M) × rise ÷ open.
    fn manual_projection(&self, manual: Decimal, now: &Tally) -> Decimal {
        let open = now.open();
        if open <= Decimal::ZERO {
            return manual;
        }
        let rise = self.weighted_credit.saturating_sub(now.weighted_credit);
        let moved = HUNDRED.saturating_sub(manual).saturating_mul(rise);
        ratio(moved, open).map_or(manual, |share| manual.saturating_add(share).clamp(Decimal::ZERO, HUNDRED))
    }
}

/// A category's scores: computed from its gaps, set by hand, and the one that counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryScore {
    pub id: String,
    /// From the gaps; `None` when the category has no scored gap.
    pub computed: Option<Decimal>,
    /// The assessor's override.
    pub manual: Option<Decimal>,
    /// `manual` when set, else `computed`.
    pub score: Option<Decimal>,
    /// How many of its gaps are scored.
    pub scored_gaps: usize,
}

/// The scores of an assessment, unrounded.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub categories: Vec<CategoryScore>,
    pub overall: Option<Decimal>,
    /// For each phase, in order: the overall score once every scored gap of
    /// that phase and the ones before it is done.
    pub projected: Vec<Option<Decimal>>,
    /// Each category's score once every phase is done, in category order;
    /// empty when the roadmap has no phase.
    pub projected_categories: Vec<Option<Decimal>>,
}

fn manual_score(category: &Category) -> Option<Decimal> {
    category.manual_score.filter(|s| s.is_finite()).map(|s| exact(s).clamp(Decimal::ZERO, HUNDRED))
}

/// The weighted mean of category scores, over categories that have one.
fn overall_of(categories: &[Category], scores: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    let mut weighted = Decimal::ZERO;
    let mut weight = Decimal::ZERO;
    for (category, score) in categories.iter().zip(scores) {
        if let Some(score) = score {
            let w = exact(category.weight).max(Decimal::ZERO);
            weighted = weighted.saturating_add(w.saturating_mul(score));
            weight = weight.saturating_add(w);
        }
    }
    ratio(weighted, weight).map(|overall| overall.clamp(Decimal::ZERO, HUNDRED))
}

/// Computes every score, and the projection after each phase, in one pass
/// over the gaps per phase boundary: linear in gaps plus phases × categories.
pub fn scores(assessment: &Assessment) -> Scores {
    let settings = &assessment.settings;
    let category_index: HashMap<&str, usize> =
        assessment.categories.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let phase_index: HashMap<&str, usize> =
        assessment.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();

    let mut tallies = vec![Tally::default(); assessment.categories.len()];
    // For the projection: each scored gap that a phase closes, as
    // (phase, category, weight, credit now).
    let mut closed_by_phase: Vec<(usize, usize, Decimal, Decimal)> = Vec::new();
    for gap in &assessment.gaps {
        let (Some(&category), Some(credit)) = (category_index.get(gap.category.as_str()), credit(gap, settings)) else {
            continue;
        };
        let weight = priority_weight(gap.priority, settings);
        tallies[category].add(weight, credit);
        if let Some(&phase) = gap.phase.as_deref().and_then(|p| phase_index.get(p)) {
            closed_by_phase.push((phase, category, weight, credit));
        }
    }

    let manual: Vec<Option<Decimal>> = assessment.categories.iter().map(manual_score).collect();
    // The tallies before any phase, against which a manual score moves.
    let now = tallies.clone();
    let category_score = |tallies: &[Tally], i: usize| match manual[i] {
        Some(manual) => Some(tallies[i].manual_projection(manual, &now[i])),
        None => tallies[i].score(),
    };

    let categories: Vec<CategoryScore> = assessment
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| CategoryScore {
            id: category.id.clone(),
            computed: tallies[i].score(),
            manual: manual[i],
            score: manual[i].or_else(|| tallies[i].score()),
            scored_gaps: tallies[i].scored,
        })
        .collect();
    let overall = overall_of(&assessment.categories, categories.iter().map(|c| c.score));

    closed_by_phase.sort_by_key(|&(phase, ..)| phase);
    let mut projected = Vec::with_capacity(assessment.phases.len());
    let mut next = closed_by_phase.iter().peekable();
    for phase in 0..assessment.phases.len() {
        while let Some(&(_, category, weight, credit)) = next.next_if(|&&(p, ..)| p == phase) {
            tallies[category].raise(weight, credit, Decimal::ONE);
        }
        let scores = (0..tallies.len()).map(|i| category_score(&tallies, i));
        projected.push(overall_of(&assessment.categories, scores));
    }
    let projected_categories = if assessment.phases.is_empty() {
        Vec::new()
    } else {
        (0..tallies.len()).map(|i| category_score(&tallies, i)).collect()
    };

    Scores { categories, overall, projected, projected_categories }
}

/// For each category, in category order, how much the overall score rises
/// when the category's Σ w·c rises by one: the rate behind every gain (see
/// the module's rules). Zero for a category without a score, of weight zero,
/// or with no open work, and for all of them when there is no overall score.
///
/// A computed category of weight W scores 100 × Σ w·c ÷ Σ w, so its rate is
/// W × 100 ÷ (T × Σ w), T being the weight of all categories that have a
/// score; a manual one scores M + (100 − M) × rise ÷ Σ w·(1 − c), so its rate
/// is W × (100 − M) ÷ (T × Σ w·(1 − c)). One pass over the gaps.
pub fn overall_per_credit(assessment: &Assessment) -> Vec<Decimal> {
    let settings = &assessment.settings;
    let category_index: HashMap<&str, usize> =
        assessment.categories.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    // Each priority's weight once; `Priority::ALL` is in declaration order.
    let weights: Vec<Decimal> = Priority::ALL.iter().map(|&p| priority_weight(p, settings)).collect();
    let mut tallies = vec![Tally::default(); assessment.categories.len()];
    for gap in &assessment.gaps {
        if let (Some(&category), Some(credit)) = (category_index.get(gap.category.as_str()), credit(gap, settings)) {
            tallies[category].add(weights[gap.priority as usize], credit);
        }
    }
    let manual: Vec<Option<Decimal>> = assessment.categories.iter().map(manual_score).collect();
    let weight = |category: &Category| exact(category.weight).max(Decimal::ZERO);
    // T: the weight of the categories that have a score, which closing gaps never changes.
    let has_score = |i: usize| manual[i].is_some() || tallies[i].score().is_some();
    let total = assessment
        .categories
        .iter()
        .enumerate()
        .filter(|&(i, _)| has_score(i))
        .fold(Decimal::ZERO, |sum, (_, category)| sum.saturating_add(weight(category)));
    assessment
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let (numerator, per) = match manual[i] {
                Some(manual) => (HUNDRED.saturating_sub(manual), tallies[i].open()),
                None if tallies[i].score().is_some() => (HUNDRED, tallies[i].weight),
                None => return Decimal::ZERO,
            };
            if per <= Decimal::ZERO {
                return Decimal::ZERO;
            }
            ratio(weight(category).saturating_mul(numerator), total.saturating_mul(per)).unwrap_or_default()
        })
        .collect()
}

/// The label of the highest level whose `min` the score reaches.
pub fn level(overall: Option<f64>, levels: &[Level]) -> Option<&str> {
    let overall = overall?;
    levels
        .iter()
        .filter(|level| level.min <= overall)
        .max_by(|a, b| a.min.total_cmp(&b.min))
        .map(|level| level.label.as_str())
}

/// The gaps that block readiness: P0 gaps still missing or partial, in file order.
pub fn blockers(assessment: &Assessment) -> impl Iterator<Item = &Gap> {
    assessment.gaps.iter().filter(|gap| is_blocker(gap))
}

/// Whether the gap blocks readiness: a P0 gap still missing or partial.
pub fn is_blocker(gap: &Gap) -> bool {
    gap.priority == Priority::P0 && gap.status.is_open()
}

/// Done and scored gaps of one priority, as reviews state it ("Critical: 3/15").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tier {
    pub priority: Priority,
    pub done: usize,
    pub scored: usize,
}

/// The four tiers, P0 to P3.
pub fn tiers(assessment: &Assessment) -> Vec<Tier> {
    Priority::ALL
        .iter()
        .map(|&priority| {
            let gaps = assessment.gaps.iter().filter(|g| g.priority == priority && g.status.is_scored());
            let (done, scored) =
                gaps.fold((0, 0), |(done, scored), gap| (done + usize::from(gap.status == Status::Done), scored + 1));
            Tier { priority, done, scored }
        })
        .collect()
}

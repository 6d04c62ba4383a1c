//! The cheapest path to ready: the open gaps of least total effort whose
//! closing makes the assessment production-ready, as `summary` judges it
//! (the overall score, rounded to one decimal as shown, at or above the
//! ready threshold, and no blocker open).
//!
//! - Every open P0 gap is in the path, whatever its gain: a blocker open
//!   means not ready.
//! - The other gaps of the path are the set of least total effort (the sum
//!   of their efforts' midpoints) whose gains, added to the blockers', lift
//!   the overall to the threshold: [`super::knapsack`]. Gains add up (see
//!   `score`), so no rescoring is needed.
//! - A gap with no effort stated cannot be costed: it is left out of that
//!   choice. A blocker without effort is in the path all the same, and so
//!   are, when the gaps of known effort cannot reach the threshold, the
//!   fewest gaps without effort (largest gain first) that let them; the
//!   path lists them in `unknown_effort`.
//! - When not even closing every open gap reaches the threshold (a category
//!   scored by hand with no open gap can cap the overall), the path is every
//!   open gap and `possible` is false.
//!
//! Gains are compared with the amount needed as integers of 10⁻²⁴ of a
//! point ([`fixed`]), gains rounded down and the amount needed rounded up:
//! sums never drift, and a path said to reach the threshold does.

use rust_decimal::Decimal;

use crate::core::decimal::{exact, Span};
use crate::core::model::{Assessment, Effort, EffortUnit, Settings};
use crate::core::numbers::cost;
use crate::core::numbers::next::knapsack::{self, Item};
use crate::core::numbers::next::Gain;
use crate::core::numbers::score;

/// The decimal places of the fixed-point gains: 10⁻²⁴ of a point.
const SCALE: u32 = 24;

/// The cheapest set of gaps to close for the assessment to be ready.
#[derive(Clone, Debug, PartialEq)]
pub struct PathToReady {
    /// Whether closing open gaps can make the assessment ready at all.
    pub possible: bool,
    /// The gaps of the path, as indices into the assessment's gaps, in file
    /// order. Empty when it is ready already; every open gap when not possible.
    pub gaps: Vec<usize>,
    /// Σ effort of the path's gaps that state one, in person-days.
    pub effort: Span,
    /// The path's gaps that state no effort (indices, file order): their
    /// effort is not in `effort`, and the path's total is unknown.
    pub unknown_effort: Vec<usize>,
    /// The overall score once the path is closed.
    pub overall_after: Option<Decimal>,
    /// Whether no other choice of gaps of known effort, beside the blockers
    /// and the gaps of `unknown_effort`, costs less; false when not possible.
    pub proven_minimal: bool,
    /// No path costs fewer person-days (Σ midpoints) than this; the path's
    /// own Σ midpoints when it is proven minimal.
    pub effort_at_least: Decimal,
}

/// The least overall score that shows as ready against `threshold`: the
/// summary rounds the overall to one decimal (half up) before comparing, so
/// a threshold of 75 is met from 74.95. `None` when no score can meet it.
pub fn least_ready_overall(threshold: f64) -> Option<Decimal> {
    if threshold.is_nan() || threshold > 100.0 {
        return None;
    }
    let tenths = exact(threshold).saturating_mul(Decimal::TEN).ceil();
    Some(tenths.checked_div(Decimal::TEN)?.saturating_sub(Decimal::new(5, 2)))
}

/// A decimal as an integer of 10⁻²⁴, rounded down (`up` false) or up.
/// Saturates for numbers too large to be scores.
pub fn fixed(value: Decimal, up: bool) -> i128 {
    let (mantissa, scale) = (value.mantissa(), value.scale());
    if scale >= SCALE {
        let divisor = 10i128.pow(scale - SCALE);
        let floor = mantissa.div_euclid(divisor);
        floor + i128::from(up && mantissa.rem_euclid(divisor) != 0)
    } else {
        mantissa.saturating_mul(10i128.pow(SCALE - scale))
    }
}

/// Gaps' effort midpoints in the knapsack's unit: hours, so that efforts
/// given in hours stay exact (hours per day of 7 would make days of them
/// endless decimals); days when hours per day is not positive. Either way
/// the order of costs is that of `cost::effort_days`' midpoints.
struct CostUnit<'a> {
    settings: &'a Settings,
    hours_per_day: Decimal,
    hours_per_week: Decimal,
}

impl<'a> CostUnit<'a> {
    fn new(settings: &'a Settings) -> Self {
        let hours_per_day = exact(settings.hours_per_day);
        let hours_per_week = exact(settings.days_per_week).saturating_mul(hours_per_day);
        CostUnit { settings, hours_per_day, hours_per_week }
    }

    fn of(&self, effort: &Effort) -> Decimal {
        if self.hours_per_day <= Decimal::ZERO {
            return midpoint(cost::effort_days(effort, self.settings)).max(Decimal::ZERO);
        }
        let ends = Span::new(exact(effort.min).max(Decimal::ZERO), exact(effort.max).max(Decimal::ZERO));
        let hours = match effort.unit {
            EffortUnit::Hours => ends,
            EffortUnit::Days => ends.scale(self.hours_per_day),
            EffortUnit::Weeks => ends.scale(self.hours_per_week),
        };
        midpoint(hours).max(Decimal::ZERO)
    }
}

/// The middle of a range.
pub fn midpoint(span: Span) -> Decimal {
    span.min.saturating_add(span.max).checked_div(Decimal::TWO).unwrap_or_default()
}

/// The cheapest path to ready, from the assessment, the gains of its open
/// gaps ([`super::gains`], in any order) and its overall score now.
pub fn path_to_ready(assessment: &Assessment, gains: &[Gain], overall: Option<Decimal>) -> PathToReady {
    let mut gain_of = vec![Decimal::ZERO; assessment.gaps.len()];
    for gain in gains {
        gain_of[gain.index] = gain.gain;
    }
    let blockers = assessment.gaps.iter().enumerate().filter(|(_, gap)| score::is_blocker(gap)).map(|(i, _)| i);
    let total: i128 = gains.iter().map(|g| fixed(g.gain, false)).fold(0, i128::saturating_add);
    let needed = overall.zip(least_ready_overall(assessment.settings.ready_threshold));
    let reachable = needed.filter(|&(now, least)| fixed(now, false).saturating_add(total) >= fixed(least, true));
    let Some((now, least)) = reachable else {
        // Not possible: the most that can be done is to close every open gap.
        let mut every: Vec<usize> = gains.iter().map(|g| g.index).chain(blockers).collect();
        every.sort_unstable();
        every.dedup();
        return figures(assessment, every, overall, &gain_of, None);
    };

    let mut path: Vec<usize> = blockers.collect();
    let blocker_gain = path.iter().map(|&i| fixed(gain_of[i], false)).fold(0, i128::saturating_add);
    let mut need = fixed(least, true).saturating_sub(fixed(now, false)).saturating_sub(blocker_gain);
    let optional = gains.iter().filter(|g| !score::is_blocker(&assessment.gaps[g.index]) && fixed(g.gain, false) > 0);
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    let unit = CostUnit::new(&assessment.settings);
    for gain in optional {
        match &assessment.gaps[gain.index].effort {
            Some(effort) => known.push((gain.index, Item { cost: unit.of(effort), gain: fixed(gain.gain, false) })),
            None => unknown.push(gain),
        }
    }
    let known_total = known.iter().map(|(_, item)| item.gain).fold(0, i128::saturating_add);

    // Gaps without effort, largest gain first, only as far as the gaps of
    // known effort cannot go.
    unknown.sort_by(|a, b| b.gain.cmp(&a.gain).then(a.index.cmp(&b.index)));
    for gain in unknown {
        if need <= known_total {
            break;
        }
        need = need.saturating_sub(fixed(gain.gain, false));
        path.push(gain.index);
    }

    let items: Vec<Item> = known.iter().map(|&(_, item)| item).collect();
    // Reachable, so the gaps of known effort can always meet what is left;
    // were they not, taking them all is the sound answer.
    let cover = knapsack::cheapest(&items, need).unwrap_or_else(|| knapsack::Cover {
        chosen: (0..items.len()).collect(),
        cost: Decimal::ZERO,
        proven_minimal: false,
        at_least: Decimal::ZERO,
    });
    path.extend(cover.chosen.iter().map(|&i| known[i].0));
    path.sort_unstable();
    let hours_per_day = exact(assessment.settings.hours_per_day);
    let in_days =
        if hours_per_day > Decimal::ZERO { cover.at_least.checked_div(hours_per_day) } else { Some(cover.at_least) };
    let cover = Cover { proven_minimal: cover.proven_minimal, at_least: in_days.unwrap_or_default() };
    figures(assessment, path, overall, &gain_of, Some(cover))
}

/// What the knapsack found, for the path's figures.
struct Cover {
    proven_minimal: bool,
    /// No choice of the optional gaps costs fewer person-days (Σ midpoints).
    at_least: Decimal,
}

/// The path's figures from its gaps; `cover` is `None` when not possible.
fn figures(
    assessment: &Assessment,
    gaps: Vec<usize>,
    overall: Option<Decimal>,
    gain_of: &[Decimal],
    cover: Option<Cover>,
) -> PathToReady {
    let settings = &assessment.settings;
    let (mut effort, mut unknown_effort, mut blocker_days, mut rise) =
        (Span::ZERO, Vec::new(), Decimal::ZERO, Decimal::ZERO);
    for &i in &gaps {
        let gap = &assessment.gaps[i];
        rise = rise.saturating_add(gain_of[i]);
        match &gap.effort {
            Some(e) => {
                let days = cost::effort_days(e, settings);
                effort = effort.plus(days);
                if score::is_blocker(gap) {
                    blocker_days = blocker_days.saturating_add(midpoint(days));
                }
            }
            None => unknown_effort.push(i),
        }
    }
    let (possible, proven_minimal, effort_at_least) = match cover {
        Some(cover) if cover.proven_minimal => (true, true, midpoint(effort)),
        Some(cover) => (true, false, blocker_days.saturating_add(cover.at_least)),
        None => (false, false, Decimal::ZERO),
    };
    PathToReady {
        possible,
        overall_after: overall.map(|now| now.saturating_add(rise).min(Decimal::ONE_HUNDRED)),
        gaps,
        effort,
        unknown_effort,
        proven_minimal,
        effort_at_least,
    }
}

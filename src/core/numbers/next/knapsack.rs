//! The cheapest cover: of a set of items, each with a cost and a gain, the
//! subset of least total cost whose gains add up to a needed amount. This is
//! the 0/1 knapsack turned around, and what [`super::path`] solves for the
//! gaps of the path to ready that are not blockers.
//!
//! Costs are exact decimals (hours of effort); gains are fixed-point integers
//! (see [`super::path`]), so sums of gains never drift. The search, in order:
//!
//! 1. **Greedy**: items by gain per unit of cost, best first, until the need
//!    is met, then every item the cover can do without dropped again. Its cost
//!    bounds the minimum from above; the same order, taking the last item only
//!    in part, bounds it from below (the fractional relaxation).
//! 2. **Dynamic programming** over cost, when the table fits: costs become
//!    whole units (all written at one decimal scale, then divided by their
//!    greatest common divisor, so that half days cost little), and the table
//!    holds, for every total cost up to the greedy's, the most gain reachable
//!    with that cost or less. Its size, items × (greedy cost + 1), is bounded
//!    by [`MAX_CELLS`], and the greedy cost by [`MAX_CAPACITY`] units. Exact.
//! 3. **Branch and bound**, when the table does not fit but the items are at
//!    most [`SMALL`]: a depth-first search that cuts every branch whose
//!    fractional bound cannot beat the best cover so far, up to
//!    [`MAX_NODES`] branches. Exact when it finishes.
//! 4. Otherwise, **rounded dynamic programming**: costs rounded up to a
//!    coarser unit, chosen so that the table fits; the cover it finds is
//!    kept when it truly costs less than the greedy's. Sound (the cover meets
//!    the need) but not proven minimal, and the result says so.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The most cells (items × costs) the exact table may have: about 8 million,
/// which a release build fills in a few milliseconds (1 bit each to rebuild
/// the cover, 1 MB).
pub const MAX_CELLS: usize = 1 << 23;

/// The most cost units the table may span: its row of best gains is 16 bytes
/// a unit (4 MB).
pub const MAX_CAPACITY: usize = 1 << 18;

/// Up to this many items, branch and bound is tried when the table does not fit.
pub const SMALL: usize = 24;

/// The most branches branch and bound visits before giving up on proving.
pub const MAX_NODES: usize = 1 << 18;

/// One thing that may be taken: its cost (≥ 0) and its gain (> 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub cost: Decimal,
    pub gain: i128,
}

/// The items chosen, and how sure the search is that none costs less.
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    /// Indices into the items, ascending.
    pub chosen: Vec<usize>,
    /// Σ cost of the chosen items.
    pub cost: Decimal,
    /// Whether no cover costs less (steps 1–3 above).
    pub proven_minimal: bool,
    /// No cover costs less than this: the cover's own cost when proven.
    pub at_least: Decimal,
}

/// The cheapest subset of `items` whose gains reach `need`; `None` when even
/// all of them fall short. A need of zero or less is met by no item.
pub fn cheapest(items: &[Item], need: i128) -> Option<Cover> {
    if need <= 0 {
        return Some(Cover { chosen: Vec::new(), cost: Decimal::ZERO, proven_minimal: true, at_least: Decimal::ZERO });
    }
    if items.iter().fold(0i128, |sum, item| sum.saturating_add(item.gain)) < need {
        return None;
    }
    let order = by_gain_per_cost(items);
    let (greedy, at_least) = greedy(items, &order, need);
    let greedy = drop_unneeded(items, greedy, need);
    let greedy_cost = cost_of(items, &greedy);
    if greedy_cost <= at_least {
        return Some(cover(items, greedy, true, at_least));
    }
    let Some(units) = whole_units(items) else {
        return Some(cover(items, greedy, false, at_least));
    };
    let capacity = greedy.iter().try_fold(0u128, |sum, &i| sum.checked_add(units[i]));
    if let Some(capacity) = capacity.and_then(|c| usize::try_from(c).ok()).filter(|&c| c <= MAX_CAPACITY) {
        if items.len().saturating_mul(capacity + 1) <= MAX_CELLS {
            let costs: Vec<usize> = units.iter().map(|&u| usize::try_from(u).unwrap_or(usize::MAX)).collect();
            let chosen = most_gain(items, &costs, capacity, need).unwrap_or(greedy);
            let chosen = drop_unneeded(items, chosen, need);
            let cost = cost_of(items, &chosen);
            return Some(cover(items, chosen, true, cost));
        }
    }
    if items.len() <= SMALL {
        let mut search = Search::new(items, &units, &order, &greedy);
        search.visit(0, 0, need, 0);
        let chosen: Vec<usize> = (0..items.len()).filter(|&i| search.best & (1 << i) != 0).collect();
        let proven = !search.aborted;
        let cost = cost_of(items, &chosen);
        return Some(cover(items, chosen, proven, if proven { cost } else { at_least }));
    }
    let rounded = rounded_cover(items, &greedy, greedy_cost, need)
        .map(|chosen| drop_unneeded(items, chosen, need))
        .filter(|chosen| cost_of(items, chosen) < greedy_cost);
    Some(cover(items, rounded.unwrap_or(greedy), false, at_least))
}

fn cover(items: &[Item], mut chosen: Vec<usize>, proven_minimal: bool, at_least: Decimal) -> Cover {
    chosen.sort_unstable();
    Cover { cost: cost_of(items, &chosen), chosen, proven_minimal, at_least }
}

fn cost_of(items: &[Item], chosen: &[usize]) -> Decimal {
    chosen.iter().fold(Decimal::ZERO, |sum, &i| sum.saturating_add(items[i].cost))
}

fn gain_of(items: &[Item], chosen: &[usize]) -> i128 {
    chosen.iter().fold(0i128, |sum, &i| sum.saturating_add(items[i].gain))
}

/// Item indices by gain per unit of cost, best first; free items lead. Only
/// an order for the greedy and the bounds, so floats are precise enough.
fn by_gain_per_cost(items: &[Item]) -> Vec<usize> {
    let rate = |item: &Item| match item.cost.to_f64() {
        Some(cost) if cost > 0.0 => item.gain as f64 / cost,
        _ => f64::INFINITY,
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| rate(&items[b]).total_cmp(&rate(&items[a])).then(a.cmp(&b)));
    order
}

/// Takes items in `order` until the need is met: the greedy cover, and the
/// fractional bound (the same cover with its last item taken only as far
/// as needed), below which no cover can cost.
fn greedy(items: &[Item], order: &[usize], need: i128) -> (Vec<usize>, Decimal) {
    let (mut chosen, mut gain, mut cost) = (Vec::new(), 0i128, Decimal::ZERO);
    for &i in order {
        let item = items[i];
        chosen.push(i);
        if gain.saturating_add(item.gain) >= need {
            // The share of the last item the need takes, rounded down so that
            // the bound stays below the true fractional minimum.
            let share = fixed_ratio(need - gain, item.gain);
            return (chosen, cost.saturating_add(item.cost.saturating_mul(share)));
        }
        gain += item.gain;
        cost = cost.saturating_add(item.cost);
    }
    (chosen, cost)
}

/// `part ÷ whole` for 0 < part ≤ whole, as a decimal rounded down (to 0 if
/// the numbers are too large to divide exactly, which keeps a bound sound).
fn fixed_ratio(part: i128, whole: i128) -> Decimal {
    let decimal = |value: i128| Decimal::try_from_i128_with_scale(value, 0).ok();
    match (decimal(part), decimal(whole)) {
        (Some(part), Some(whole)) if whole > Decimal::ZERO => part
            .checked_div(whole)
            .map_or(Decimal::ZERO, |share| share.round_dp_with_strategy(20, rust_decimal::RoundingStrategy::ToZero)),
        _ => Decimal::ZERO,
    }
}

/// Drops the chosen items the need can do without, costliest first: never
/// raises the cost, and leaves out free items that add nothing needed.
fn drop_unneeded(items: &[Item], mut chosen: Vec<usize>, need: i128) -> Vec<usize> {
    chosen.sort_by(|&a, &b| items[b].cost.cmp(&items[a].cost).then(items[a].gain.cmp(&items[b].gain)));
    let mut gain = gain_of(items, &chosen);
    chosen.retain(|&i| {
        if gain - items[i].gain >= need {
            gain -= items[i].gain;
            false
        } else {
            true
        }
    });
    chosen
}

/// Every cost as a whole number of one common unit: written at the largest
/// decimal scale among them, then divided by their greatest common divisor.
/// `None` when that does not fit in 128 bits.
fn whole_units(items: &[Item]) -> Option<Vec<u128>> {
    let costs: Vec<Decimal> = items.iter().map(|item| item.cost.max(Decimal::ZERO).normalize()).collect();
    let scale = costs.iter().map(Decimal::scale).max().unwrap_or(0);
    let whole: Vec<u128> = costs
        .iter()
        .map(|cost| {
            let mantissa = u128::try_from(cost.mantissa()).ok()?;
            mantissa.checked_mul(10u128.checked_pow(scale - cost.scale())?)
        })
        .collect::<Option<_>>()?;
    let divisor = whole.iter().fold(0, |g, &x| gcd(g, x));
    Some(if divisor > 1 { whole.iter().map(|x| x / divisor).collect() } else { whole })
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The dynamic programme: for each total cost e up to `capacity`, the most
/// gain of items costing e or less, with one bit per item and cost saying
/// whether the item was taken, to rebuild the cover of least cost that
/// meets `need`. Items costing more than `capacity` are left out.
fn most_gain(items: &[Item], costs: &[usize], capacity: usize, need: i128) -> Option<Vec<usize>> {
    let width = capacity + 1;
    let mut best = vec![0i128; width];
    let mut taken = vec![0u64; (items.len() * width).div_ceil(64)];
    for (i, (item, &cost)) in items.iter().zip(costs).enumerate() {
        if cost > capacity {
            continue;
        }
        let row = i * width;
        // From the top down, so that each item is taken at most once. The
        // choice is made without a branch (it is as good as random), and
        // the bits are gathered a word at a time.
        let (mut word, mut bits) = ((row + capacity) / 64, 0u64);
        for e in (cost..width).rev() {
            let bit = row + e;
            if bit / 64 != word {
                taken[word] |= bits;
                (word, bits) = (bit / 64, 0);
            }
            let (with, without) = (best[e - cost] + item.gain, best[e]);
            let take = with > without;
            best[e] = if take { with } else { without };
            bits |= u64::from(take) << (bit % 64);
        }
        taken[word] |= bits;
    }
    let mut e = best.iter().position(|&gain| gain >= need)?;
    let mut chosen = Vec::new();
    for i in (0..items.len()).rev() {
        let bit = i * width + e;
        if taken[bit / 64] & (1 << (bit % 64)) != 0 {
            chosen.push(i);
            e -= costs[i];
        }
    }
    Some(chosen)
}

/// The programme on costs rounded up to a unit coarse enough for the table
/// to fit; `None` when no such unit leaves the rounding meaningful.
fn rounded_cover(items: &[Item], greedy: &[usize], greedy_cost: Decimal, need: i128) -> Option<Vec<usize>> {
    // Rounding adds up to one unit per item; below two units per item of
    // the greedy cover the rounded costs say little about the true ones.
    let target = MAX_CELLS / items.len().max(1);
    let target = target.min(MAX_CAPACITY).checked_sub(1)?;
    if target < 2 * greedy.len() {
        return None;
    }
    let mut unit = greedy_cost.checked_div(Decimal::from(target - greedy.len()))?;
    for _ in 0..64 {
        if unit <= Decimal::ZERO {
            return None;
        }
        let costs: Vec<usize> = items
            .iter()
            .map(|item| {
                // Items dearer than the greedy cover cannot be in a cheaper one.
                if item.cost > greedy_cost {
                    return usize::MAX;
                }
                item.cost.checked_div(unit).and_then(|units| units.ceil().to_usize()).unwrap_or(usize::MAX)
            })
            .collect();
        let capacity = greedy.iter().try_fold(0usize, |sum, &i| sum.checked_add(costs[i]));
        match capacity {
            Some(capacity) if capacity <= target => return most_gain(items, &costs, capacity, need),
            _ => unit = unit.saturating_mul(Decimal::TWO),
        }
    }
    None
}

/// Branch and bound over few items, in order of gain per cost.
struct Search<'a> {
    items: &'a [Item],
    units: &'a [u128],
    order: &'a [usize],
    /// The gain of the items from each position of `order` on.
    remaining: Vec<i128>,
    best_cost: u128,
    /// The best cover so far, one bit per item.
    best: u64,
    nodes: usize,
    aborted: bool,
}

impl<'a> Search<'a> {
    fn new(items: &'a [Item], units: &'a [u128], order: &'a [usize], greedy: &[usize]) -> Self {
        let mut remaining = vec![0i128; order.len() + 1];
        for k in (0..order.len()).rev() {
            remaining[k] = remaining[k + 1].saturating_add(items[order[k]].gain);
        }
        Search {
            items,
            units,
            order,
            remaining,
            best_cost: greedy.iter().fold(0u128, |sum, &i| sum.saturating_add(units[i])),
            best: greedy.iter().fold(0u64, |mask, &i| mask | 1 << i),
            nodes: 0,
            aborted: false,
        }
    }

    /// Decides the item at position `k` of the order, having spent `cost`
    /// with `need` still to meet and the items of `mask` taken.
    fn visit(&mut self, k: usize, cost: u128, need: i128, mask: u64) {
        if need <= 0 {
            if cost < self.best_cost {
                (self.best_cost, self.best) = (cost, mask);
            }
            return;
        }
        if self.remaining[k] < need || cost >= self.best_cost {
            return;
        }
        if self.nodes == MAX_NODES {
            self.aborted = true;
            return;
        }
        self.nodes += 1;
        // Costs are whole units: a better cover costs best_cost − 1 or less,
        // so the branch is cut when even its fractional bound exceeds that.
        // The bound is a float; the margin keeps the cut on the safe side.
        let bound = cost as f64 + self.fractional(k, need);
        let limit = (self.best_cost - 1) as f64;
        if bound > limit + limit.abs() * 1e-9 + 1e-9 {
            return;
        }
        let i = self.order[k];
        self.visit(k + 1, cost.saturating_add(self.units[i]), need - self.items[i].gain, mask | 1 << i);
        self.visit(k + 1, cost, need, mask);
    }

    /// The least cost of meeting `need` with the items from position `k`
    /// on, each taken whole or in part.
    fn fractional(&self, k: usize, mut need: i128) -> f64 {
        let mut cost = 0.0;
        for &i in &self.order[k..] {
            let (gain, units) = (self.items[i].gain, self.units[i] as f64);
            if gain >= need {
                return cost + units * (need as f64 / gain as f64);
            }
            need -= gain;
            cost += units;
        }
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[(&str, i128)]) -> Vec<Item> {
        list.iter().map(|&(cost, gain)| Item { cost: cost.parse().unwrap(), gain }).collect()
    }

    /// The cheapest cover of `need` by every subset, for comparison.
    fn by_every_subset(items: &[Item], need: i128) -> Option<Decimal> {
        (0u32..1 << items.len())
            .filter_map(|mask| {
                let chosen: Vec<usize> = (0..items.len()).filter(|&i| mask & (1 << i) != 0).collect();
                (gain_of(items, &chosen) >= need).then(|| cost_of(items, &chosen))
            })
            .min()
    }

    #[track_caller]
    fn check(list: &[(&str, i128)], need: i128, expected: Option<(&[usize], bool)>) {
        let items = items(list);
        let cover = cheapest(&items, need);
        let got = cover.as_ref().map(|c| (c.chosen.as_slice(), c.proven_minimal));
        assert_eq!(got, expected, "{list:?} need {need}");
        if let Some(cover) = cover {
            assert!(gain_of(&items, &cover.chosen) >= need);
            assert!(cover.at_least <= cover.cost);
            if cover.proven_minimal {
                assert_eq!(Some(cover.cost), by_every_subset(&items, need));
            }
        }
    }

    #[test]
    fn finds_the_cheapest_cover() {
        // The greedy takes item 0 (best rate) then 1; dropping 0 leaves 1
        // alone at cost 5, and the table finds 1 + 2 does no better.
        check(&[("0.75", 4), ("5", 10), ("7.5", 4)], 8, Some((&[1], true)));
        // Two mid-rate items beat the best-rate one plus a poor one.
        check(&[("6", 6), ("5", 5), ("5", 5), ("9", 1)], 10, Some((&[1, 2], true)));
        check(&[("1", 3)], 4, None);
        check(&[("1", 3)], 0, Some((&[], true)));
        // A free item is taken only when needed.
        check(&[("0", 2), ("3", 5)], 5, Some((&[1], true)));
        check(&[("0", 2), ("3", 5)], 6, Some((&[0, 1], true)));
    }

    #[test]
    fn costs_of_many_digits_go_to_branch_and_bound() {
        // The costs share no useful unit: the table would be far too large.
        let list = [("23.456789012345678", 7), ("1.000000000000001", 2), ("17.3", 5), ("9.99999999", 3)];
        check(&list, 8, Some((&[0, 1], true)));
        assert!(whole_units(&items(&list)).unwrap()[0] > MAX_CAPACITY as u128);
    }

    #[test]
    fn many_items_of_fine_costs_are_covered_soundly_but_not_proven() {
        let list: Vec<(String, i128)> =
            (1..=40).map(|i| (format!("{}.{:07}", i % 7 + 1, i * 7919 % 10_000_000), i * 31 % 17 + 1)).collect();
        let items: Vec<Item> = list.iter().map(|(c, g)| Item { cost: c.parse().unwrap(), gain: *g }).collect();
        let cover = cheapest(&items, 200).unwrap();
        assert!(gain_of(&items, &cover.chosen) >= 200);
        assert!(!cover.proven_minimal);
        assert!(cover.at_least <= cover.cost);
    }
}

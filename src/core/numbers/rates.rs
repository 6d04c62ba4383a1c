//! Weekly rates from stated costs: when a document states what each phase
//! costs and who works in it, but not what each role costs per week, the
//! one rate per role that reproduces the stated costs as closely as the
//! teams allow; the fit phase by phase; and where the teams allow none.
//!
//! The model is the one `cost` computes with. A phase's total is Σ FTE ×
//! weeks × rate over its team lines plus its one-off costs, so the midpoint
//! of that total is linear in the rates: Σ a(phase, role) × rate(role) +
//! one-off, where a(phase, role) is the midpoint of the role's FTE × weeks in
//! the phase (minima with minima, maxima with maxima, as `cost` counts). It
//! is set against the midpoint of the phase's stated cost:
//!
//! 1. Least squares of the misses, each relative to its stated midpoint (a
//!    phase of 100K off by 10K weighs as much as one of 1M off by 100K),
//!    with every rate ≥ 0: non-negative least squares (`rates/nnls.rs`).
//! 2. Reweighted towards the rates whose largest relative miss is smallest
//!    (Lawson's algorithm: each pass weighs a phase by how far it was
//!    missed), keeping the best pass: no phase is given up for the others.
//! 3. A slight pull of every rate towards one common rate (the one that fits
//!    best were all roles paid alike) settles what the stated costs leave
//!    open (fewer phases than roles, or roles that always work together)
//!    and barely moves what they settle.
//!
//! Rates are proposed in whole units. It is a proposal: [`apply`] writes it
//! into an assessment only when asked (`gapmap rates --apply`).

mod nnls;

use std::fmt;

use crate::core::model::Assessment;
use crate::core::numbers::cost::{phase_costs, span};
use crate::core::present::display;
use rust_decimal::prelude::ToPrimitive;

/// A proposal of weekly rates and how well it reproduces the stated costs.
#[derive(Clone, Debug, PartialEq)]
pub struct RateFit {
    /// Every role, in the assessment's order.
    pub rates: Vec<ProposedRate>,
    /// Every phase that states a cost, in roadmap order.
    pub phases: Vec<PhaseFit>,
    /// Where the teams do not allow a fit, or allow it only in part.
    pub notes: Vec<FitNote>,
}

/// One role's rate: as it is, and as proposed.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedRate {
    /// The role's id.
    pub role: String,
    pub name: String,
    /// The weekly rate the assessment holds now; `None` when unknown.
    pub current: Option<f64>,
    /// The weekly rate the fit proposes, in whole units; `None` when the
    /// stated costs say nothing of this role.
    pub proposed: Option<f64>,
}

/// One phase that states a cost, against what the proposed rates compute.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseFit {
    /// The phase's id.
    pub phase: String,
    pub name: String,
    /// The midpoint of its stated cost.
    pub stated: f64,
    /// The midpoint of its total (labor and one-off costs) at the proposed
    /// rates (the current ones for roles the fit does not price); `None`
    /// when a rate it needs is still unknown.
    pub fitted: Option<f64>,
    /// `(fitted − stated) ÷ stated`: negative below, positive above; `None`
    /// without a fitted cost or when the stated cost is 0.
    pub miss: Option<f64>,
}

/// Where the teams do not allow a fit.
#[derive(Clone, Debug, PartialEq)]
pub enum FitNote {
    /// No phase states a cost: there is nothing to fit.
    NoStatedCost,
    /// A phase states a cost but has no team (or no weeks) that could earn it.
    PhaseWithoutTeam { phase: String },
    /// A phase's one-off costs already reach its stated cost: its labor
    /// cannot be told from it.
    OneOffReachesStated { phase: String },
    /// A role works in no phase that states a cost: its rate is not derived.
    RoleInNoStatedPhase { role: String },
    /// The phases do not set every role's rate apart (fewer independent
    /// phases than roles): of the rates that fit as well, the proposal takes
    /// those nearest one common rate.
    NotDetermined { phases: usize, roles: usize },
    /// The stated costs leave nothing for a role: its proposed rate is 0.
    NothingLeftFor { role: String },
}

impl fmt::Display for FitNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitNote::NoStatedCost => f.write_str("No phase states a cost: there is nothing to fit rates to."),
            FitNote::PhaseWithoutTeam { phase } => {
                write!(f, "\u{201c}{phase}\u{201d} states a cost but has no team or no weeks to earn it: left out of the fit.")
            }
            FitNote::OneOffReachesStated { phase } => write!(
                f,
                "The one-off costs of \u{201c}{phase}\u{201d} already reach its stated cost: left out of the fit."
            ),
            FitNote::RoleInNoStatedPhase { role } => write!(
                f,
                "{role} works in no phase that states a cost: its rate cannot be derived and stays as it is."
            ),
            FitNote::NotDetermined { phases, roles } => write!(
                f,
                "{} cannot set the rates of {roles} roles apart: of the rates that fit as well, these are the nearest to one common rate.",
                display::plural(*phases, "stated phase cost", "stated phase costs")
            ),
            FitNote::NothingLeftFor { role } => write!(
                f,
                "The stated costs leave nothing for {role}: its proposed rate is 0; check it by hand."
            ),
        }
    }
}

/// How many reweighting passes the fit makes at most.
const PASSES: usize = 60;

/// How strongly the rates are pulled towards one common rate, relative to
/// how strongly the phases hold them: enough to settle what the phases leave
/// open, too little to move what they settle.
const PULL: f64 = 1e-6;

/// Proposes weekly rates that reproduce the stated phase costs.
pub fn fit(assessment: &Assessment) -> RateFit {
    let costs = phase_costs(assessment);
    let roles = &assessment.roles;
    let mut notes = Vec::new();
    // The phases that state a cost: for each, its coefficients by role, its
    // stated midpoint and its one-off costs.
    let mut stated = Vec::new();
    for (phase, cost) in assessment.phases.iter().zip(&costs) {
        let Some(range) = &phase.stated_cost else { continue };
        let midpoint = to_f64(span(range).min.saturating_add(span(range).max)) / 2.0;
        let weeks = span(&phase.duration_weeks);
        let mut row = vec![0.0; roles.len()];
        for member in &phase.team {
            if let Some(r) = roles.iter().position(|role| role.id == member.role) {
                let person_weeks = span(&member.fte).times(weeks);
                row[r] += to_f64(person_weeks.min.saturating_add(person_weeks.max)) / 2.0;
            }
        }
        stated.push((phase, row, midpoint, to_f64(cost.one_off)));
    }
    if stated.is_empty() {
        notes.push(FitNote::NoStatedCost);
    }

    // The rows the fit uses: a team to earn the cost, and labor left to earn.
    let mut rows: Vec<Vec<f64>> = Vec::new();
    let mut targets: Vec<f64> = Vec::new();
    for (phase, row, midpoint, one_off) in &stated {
        if row.iter().all(|a| *a <= 0.0) {
            notes.push(FitNote::PhaseWithoutTeam { phase: phase.name.clone() });
        } else if midpoint - one_off <= 0.0 {
            notes.push(FitNote::OneOffReachesStated { phase: phase.name.clone() });
        } else {
            rows.push(row.clone());
            targets.push(midpoint - one_off);
        }
    }
    let priced: Vec<bool> = (0..roles.len()).map(|r| rows.iter().any(|row| row[r] > 0.0)).collect();
    for (role, _) in roles.iter().zip(&priced).filter(|(_, p)| !**p) {
        notes.push(FitNote::RoleInNoStatedPhase { role: role.name.clone() });
    }
    let columns: Vec<usize> = (0..roles.len()).filter(|&r| priced[r]).collect();
    let system: Vec<Vec<f64>> = rows.iter().map(|row| columns.iter().map(|&r| row[r]).collect()).collect();
    if !columns.is_empty() && nnls::rank(&system) < columns.len() {
        notes.push(FitNote::NotDetermined { phases: rows.len(), roles: columns.len() });
    }

    let solution = solve(&system, &targets);
    let mut proposed: Vec<Option<f64>> = vec![None; roles.len()];
    for (&r, rate) in columns.iter().zip(&solution) {
        let whole = rate.round().max(0.0);
        proposed[r] = Some(whole);
        if whole == 0.0 {
            notes.push(FitNote::NothingLeftFor { role: roles[r].name.clone() });
        }
    }

    let rates: Vec<ProposedRate> = roles
        .iter()
        .zip(&proposed)
        .map(|(role, proposed)| ProposedRate {
            role: role.id.clone(),
            name: role.name.clone(),
            current: role.weekly_rate,
            proposed: *proposed,
        })
        .collect();
    let phases = stated
        .iter()
        .map(|(phase, row, midpoint, one_off)| {
            // The rate each role would have once the proposal is applied.
            let fitted = row
                .iter()
                .zip(&rates)
                .filter(|(a, _)| **a > 0.0)
                .map(|(a, rate)| rate.proposed.or(rate.current).map(|r| a * r))
                .sum::<Option<f64>>()
                .map(|labor| labor + one_off);
            let miss = fitted.filter(|_| *midpoint != 0.0).map(|f| (f - midpoint) / midpoint);
            PhaseFit { phase: phase.id.clone(), name: phase.name.clone(), stated: *midpoint, fitted, miss }
        })
        .collect();
    RateFit { rates, phases, notes }
}

/// The rates (one per column of `system`) that fit `targets` best, as
/// described at the top of this file; empty without columns.
fn solve(system: &[Vec<f64>], targets: &[f64]) -> Vec<f64> {
    let n = system.first().map_or(0, Vec::len);
    if n == 0 {
        return Vec::new();
    }
    // Each row divided by its target: misses relative to the stated cost.
    let relative: Vec<Vec<f64>> =
        system.iter().zip(targets).map(|(row, t)| row.iter().map(|a| a / t).collect()).collect();
    // The one rate that fits best were every role paid alike.
    let sums: Vec<f64> = relative.iter().map(|row| row.iter().sum()).collect();
    let common = sums.iter().sum::<f64>() / sums.iter().map(|s| s * s).sum::<f64>().max(f64::MIN_POSITIVE);
    let energy = relative.iter().flatten().map(|a| a * a).sum::<f64>() / n as f64;
    let pull = (PULL * energy).sqrt();

    let mut weights: Vec<f64> = vec![1.0; relative.len()];
    let mut best: Option<(f64, Vec<f64>)> = None;
    for _ in 0..PASSES {
        let mut rows: Vec<Vec<f64>> =
            relative.iter().zip(&weights).map(|(row, w)| row.iter().map(|a| a * w.sqrt()).collect()).collect();
        let mut y: Vec<f64> = weights.iter().map(|w| w.sqrt()).collect();
        for j in 0..n {
            let mut row = vec![0.0; n];
            row[j] = pull;
            rows.push(row);
            y.push(pull * common);
        }
        let x = nnls::nnls(&rows, &y);
        let misses: Vec<f64> =
            relative.iter().map(|row| row.iter().zip(&x).map(|(a, r)| a * r).sum::<f64>() - 1.0).collect();
        let worst = misses.iter().fold(0.0_f64, |m, e| m.max(e.abs()));
        if !worst.is_finite() {
            break;
        }
        let improved = best.as_ref().is_none_or(|(b, _)| worst < *b - 1e-12);
        if improved {
            best = Some((worst, x));
        }
        if worst < 1e-9 || !improved && best.is_some() {
            break;
        }
        // Lawson: weigh each phase by how far it was missed, mean weight 1.
        for (w, e) in weights.iter_mut().zip(&misses) {
            *w *= e.abs().max(1e-9);
        }
        let mean = weights.iter().sum::<f64>() / weights.len() as f64;
        if !(mean.is_finite() && mean > 0.0) {
            break;
        }
        for w in &mut weights {
            *w /= mean;
        }
    }
    best.map_or_else(|| vec![0.0; n], |(_, x)| x)
}

/// Writes the proposed rates into the assessment; returns how many roles
/// got one. Roles the fit does not price keep their rate.
pub fn apply(assessment: &mut Assessment, fit: &RateFit) -> usize {
    let mut written = 0;
    for rate in &fit.rates {
        let Some(proposed) = rate.proposed else { continue };
        if let Some(role) = assessment.roles.iter_mut().find(|r| r.id == rate.role) {
            role.weekly_rate = Some(proposed);
            written += 1;
        }
    }
    written
}

/// The proposal and its fit as text for a person: what `gapmap rates` prints.
pub fn describe(fit: &RateFit, currency: &str) -> String {
    let money = |v: f64| display::money(v, currency);
    let mut out = String::new();
    if fit.rates.iter().any(|r| r.proposed.is_some()) {
        out.push_str("Weekly rates that reproduce the stated phase costs:\n");
        let width = fit.rates.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
        for rate in &fit.rates {
            let current = rate.current.map_or_else(|| "unknown".to_string(), money);
            let proposed = rate.proposed.map_or_else(|| "not derived".to_string(), money);
            out.push_str(&format!("  {:<width$}  {proposed} (now {current})\n", rate.name));
        }
    }
    if !fit.phases.is_empty() {
        out.push_str("Each phase at these rates (midpoints of labor and one-off costs) against its stated cost:\n");
        for phase in &fit.phases {
            let fitted = phase.fitted.map_or_else(|| "unknown".to_string(), money);
            let miss = phase.miss.map_or_else(String::new, |m| format!(", {}", describe_miss(m)));
            out.push_str(&format!("  {}: {fitted} against {} stated{miss}\n", phase.name, money(phase.stated)));
        }
    }
    if !fit.notes.is_empty() {
        out.push_str("Notes:\n");
        for note in &fit.notes {
            out.push_str(&format!("  - {note}\n"));
        }
    }
    out
}

/// A relative miss (see [`PhaseFit::miss`]) in words, to one decimal of a
/// percent: `8.7% below`, `2% above`, `as stated`.
pub fn describe_miss(miss: f64) -> String {
    let percent = (miss * 1000.0).round() / 10.0;
    if percent == 0.0 {
        "as stated".to_string()
    } else if percent < 0.0 {
        format!("{}% below", display::number(-percent))
    } else {
        format!("{}% above", display::number(percent))
    }
}

fn to_f64(value: rust_decimal::Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Cost, CostKind, Phase, Range, Role, TeamMember};

    /// A phase: its weeks, its team lines (role index, FTE) and its stated cost.
    type PhaseSpec<'a> = (f64, &'a [(usize, f64)], Option<(f64, f64)>);

    /// Roles `r0`… without rates, and the phases.
    fn assessment(roles: usize, phases: &[PhaseSpec]) -> Assessment {
        let mut a = Assessment::new("a", "A");
        a.roles = (0..roles).map(|r| Role::unpriced(format!("r{r}"), format!("Role {r}"))).collect();
        for (i, (weeks, team, stated)) in phases.iter().enumerate() {
            let mut p = Phase::new(format!("p{i}"), format!("Phase {i}"), Range::new(*weeks, *weeks));
            p.team = team.iter().map(|(r, fte)| TeamMember::new(format!("r{r}"), Range::new(*fte, *fte))).collect();
            p.stated_cost = stated.map(|(min, max)| Range::new(min, max));
            a.phases.push(p);
        }
        a
    }

    fn proposed(fit: &RateFit) -> Vec<Option<f64>> {
        fit.rates.iter().map(|r| r.proposed).collect()
    }

    #[test]
    fn rates_that_reproduce_consistent_costs_exactly() {
        // 2 × 4 weeks × 5,000 + 1 × 4 × 3,000 = 52,000; 1 × 2 × 5,000 = 10,000.
        let a = assessment(
            2,
            &[(4.0, &[(0, 2.0), (1, 1.0)], Some((48_000.0, 56_000.0))), (2.0, &[(0, 1.0)], Some((10_000.0, 10_000.0)))],
        );
        let fit = fit(&a);
        assert_eq!(proposed(&fit), [Some(5000.0), Some(3000.0)]);
        assert!(fit.phases.iter().all(|p| p.miss == Some(0.0)), "{:?}", fit.phases);
        assert_eq!(fit.notes, []);
    }

    #[test]
    fn one_off_costs_come_out_of_the_stated_cost() {
        let mut a = assessment(1, &[(2.0, &[(0, 1.0)], Some((12_000.0, 12_000.0)))]);
        a.phases[0].costs.push(Cost::new("Licence", 2_000.0, CostKind::OneOff));
        let fit = fit(&a);
        assert_eq!(proposed(&fit), [Some(5000.0)]);
        assert_eq!(fit.phases[0].fitted, Some(12_000.0));
    }

    #[test]
    fn says_where_the_teams_do_not_allow_a_fit() {
        let a = assessment(
            3,
            &[
                (4.0, &[(0, 1.0), (1, 1.0)], Some((40_000.0, 40_000.0))),
                (4.0, &[], Some((10_000.0, 10_000.0))),
                (4.0, &[(2, 1.0)], None),
            ],
        );
        let fit = fit(&a);
        // One phase for two roles: both at the common rate, 5,000.
        assert_eq!(proposed(&fit), [Some(5000.0), Some(5000.0), None]);
        assert_eq!(
            fit.notes,
            [
                FitNote::PhaseWithoutTeam { phase: "Phase 1".into() },
                FitNote::RoleInNoStatedPhase { role: "Role 2".into() },
                FitNote::NotDetermined { phases: 1, roles: 2 },
            ]
        );
        assert_eq!(fit.phases.len(), 2);
        // A phase without a team computes to nothing, whatever the rates.
        assert_eq!((fit.phases[1].fitted, fit.phases[1].miss), (Some(0.0), Some(-1.0)));
        assert_eq!(super::fit(&Assessment::new("a", "A")).notes, [FitNote::NoStatedCost]);
    }

    #[test]
    fn the_largest_miss_is_made_as_small_as_the_teams_allow() {
        // One role, two phases that disagree on its rate (10,000 and 20,000 a
        // week): least squares would favour the larger phase; the fit splits
        // the difference relative to each, a third off either way.
        let a = assessment(
            1,
            &[(1.0, &[(0, 1.0)], Some((10_000.0, 10_000.0))), (10.0, &[(0, 1.0)], Some((200_000.0, 200_000.0)))],
        );
        let fit = fit(&a);
        let misses: Vec<f64> = fit.phases.iter().filter_map(|p| p.miss).collect();
        assert!((misses[0] - 1.0 / 3.0).abs() < 0.001 && (misses[1] + 1.0 / 3.0).abs() < 0.001, "{misses:?}");
        assert_eq!(proposed(&fit), [Some(13_333.0)]);
    }

    #[test]
    fn apply_writes_only_what_was_derived() {
        let mut a = assessment(2, &[(2.0, &[(0, 1.0)], Some((8_000.0, 8_000.0)))]);
        a.roles[1].weekly_rate = Some(900.0);
        let fit = fit(&a);
        assert_eq!(apply(&mut a, &fit), 1);
        assert_eq!((a.roles[0].weekly_rate, a.roles[1].weekly_rate), (Some(4000.0), Some(900.0)));
        let text = describe(&fit, "USD");
        assert!(text.contains("Role 0  $4,000 (now unknown)"), "{text}");
        assert!(text.contains("Phase 0: $8,000 against $8,000 stated, as stated"), "{text}");
    }

    #[test]
    fn misses_in_words() {
        let check = |miss: f64, expected: &str| assert_eq!(describe_miss(miss), expected, "{miss}");
        // −0.08696 is −86.96 tenths of a percent: 8.7% below.
        check(-0.08696, "8.7% below");
        check(0.02, "2% above");
        check(1.0, "100% above");
        // Under a twentieth of a percent either way rounds to nothing.
        check(0.0004, "as stated");
        check(-0.0004, "as stated");
    }

    #[test]
    fn nothing_left_for_a_role_is_said() {
        // The second role adds people but not cost: the fit gives it 0.
        let a = assessment(
            2,
            &[(1.0, &[(0, 1.0)], Some((5_000.0, 5_000.0))), (1.0, &[(0, 1.0), (1, 1.0)], Some((5_000.0, 5_000.0)))],
        );
        let fit = fit(&a);
        assert_eq!(proposed(&fit), [Some(5000.0), Some(0.0)]);
        assert_eq!(fit.notes, [FitNote::NothingLeftFor { role: "Role 1".into() }]);
    }
}

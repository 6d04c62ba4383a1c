//! Effort, time and money: the remaining effort, each phase's labor cost,
//! capacity, demand, load and schedule, the roadmap's totals, and the
//! bottom-up estimate.
//!
//! Every quantity is a [`Span`]: a low and a high estimate, each computed from
//! the matching ends of its inputs (minima with minima, maxima with maxima).
//! Effort is counted in person-days: hours ÷ `hours_per_day`, weeks ×
//! `days_per_week`. Money stays exact until `summary` rounds it.
//!
//! A role whose weekly rate nobody has given has an unknown rate, not a rate
//! of 0: labor that needs it is unknown (`None`), and so is every sum that
//! includes that labor, each with the ids of the roles that lack a rate.
//! What does not need the rate (one-off and annual costs, capacity) stays
//! known.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::core::decimal::{exact, ratio, Span};
use crate::core::model::{Assessment, CostKind, Effort, EffortUnit, Phase, Range, Settings};
use crate::core::numbers::schedule;

/// A range from the file as exact decimals; negative ends count as zero.
pub fn span(range: &Range) -> Span {
    Span::new(exact(range.min).max(Decimal::ZERO), exact(range.max).max(Decimal::ZERO))
}

/// A gap's effort in person-days.
pub fn effort_days(effort: &Effort, settings: &Settings) -> Span {
    let raw = Span::new(exact(effort.min).max(Decimal::ZERO), exact(effort.max).max(Decimal::ZERO));
    match effort.unit {
        EffortUnit::Days => raw,
        EffortUnit::Weeks => raw.scale(exact(settings.days_per_week)),
        EffortUnit::Hours => {
            let per_day = exact(settings.hours_per_day);
            Span::new(ratio(raw.min, per_day).unwrap_or_default(), ratio(raw.max, per_day).unwrap_or_default())
        }
    }
}

/// The effort of the gaps still open (missing or partial), in person-days.
pub fn remaining_effort(assessment: &Assessment) -> Span {
    assessment
        .gaps
        .iter()
        .filter(|gap| gap.status.is_open())
        .filter_map(|gap| gap.effort.as_ref())
        .map(|effort| effort_days(effort, &assessment.settings))
        .sum()
}

/// Whether a phase's team can do the work assigned to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Load {
    /// Even the largest demand fits the smallest capacity.
    Ok,
    /// The work fits only if the estimates fall on the right side.
    AtRisk,
    /// Even the smallest demand exceeds the largest capacity.
    Over,
}

impl Load {
    /// Compares demand with capacity, both in person-days.
    pub fn of(demand: Span, capacity: Span) -> Load {
        if demand.min > capacity.max {
            Load::Over
        } else if demand.max > capacity.min {
            Load::AtRisk
        } else {
            Load::Ok
        }
    }

    /// As written in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Load::Ok => "ok",
            Load::AtRisk => "at_risk",
            Load::Over => "over",
        }
    }

    /// As a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Load::Ok => "OK",
            Load::AtRisk => "At risk",
            Load::Over => "Over capacity",
        }
    }
}

/// One team line's cost in a phase: fte × weekly rate × weeks.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamCost {
    pub role: String,
    /// `None` when the role has no rate (or does not exist).
    pub weekly_rate: Option<Decimal>,
    pub fte: Span,
    /// `None` when the rate is unknown.
    pub labor: Option<Span>,
}

/// What one phase costs, when it runs, and whether its team can carry its work.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseCost {
    pub id: String,
    pub team: Vec<TeamCost>,
    /// `None` when a team line's rate is unknown.
    pub labor: Option<Span>,
    /// The roles of its team that lack a rate, by id, each once.
    pub unknown_rates: Vec<String>,
    pub one_off: Decimal,
    pub annual: Decimal,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Span>,
    /// The phase's duration in weeks, as counted (negative ends as zero).
    pub weeks: Span,
    /// The team's size: Σ fte of its lines.
    pub fte: Span,
    /// Person-days the team has: Σ fte × weeks × days per week.
    pub capacity_days: Span,
    /// Person-days of the open gaps assigned to the phase.
    pub demand_days: Span,
    pub load: Load,
    /// How many gaps are assigned to the phase, whatever their status.
    pub gaps: usize,
    /// The week the phase starts and the week it ends, counted from 0
    /// (`schedule` says how).
    pub start_week: Span,
    pub end_week: Span,
}

/// The roadmap's totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Totals {
    /// `None` when any phase's labor is unknown.
    pub labor: Option<Span>,
    /// The roles whose missing rate makes `labor` unknown, by id, each once.
    pub labor_unknown_rates: Vec<String>,
    pub one_off: Decimal,
    /// Run-rate per year once every phase has run: the sum of `annual` costs.
    pub annual: Decimal,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Span>,
    /// The daily rate the bottom-up estimate uses; `None` when it is the
    /// roles' mean and a role has no rate.
    pub daily_rate: Option<Decimal>,
    /// The roles whose missing rate makes `daily_rate` unknown, by id.
    pub daily_rate_unknown_rates: Vec<String>,
    /// Remaining effort × daily rate; `None` when the daily rate is unknown.
    pub bottom_up: Option<Span>,
    pub remaining_effort: Span,
    /// From week 0 to the latest end of any phase.
    pub duration_weeks: Span,
}

/// Every phase's costs and schedule, in roadmap order.
pub fn phase_costs(assessment: &Assessment) -> Vec<PhaseCost> {
    let settings = &assessment.settings;
    let days_per_week = exact(settings.days_per_week);
    // A role without a rate maps to `None`; an id that names no role is not
    // in the map, and its rate is just as unknown.
    let rates: HashMap<&str, Option<Decimal>> = assessment
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.weekly_rate.map(|rate| exact(rate).max(Decimal::ZERO))))
        .collect();
    let phase_index: HashMap<&str, usize> =
        assessment.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();

    let mut demand = vec![Span::ZERO; assessment.phases.len()];
    let mut gaps = vec![0; assessment.phases.len()];
    for gap in &assessment.gaps {
        let Some(&phase) = gap.phase.as_deref().and_then(|p| phase_index.get(p)) else {
            continue;
        };
        gaps[phase] += 1;
        if let (true, Some(effort)) = (gap.status.is_open(), &gap.effort) {
            demand[phase] = demand[phase].plus(effort_days(effort, settings));
        }
    }

    let slots = schedule::schedule(assessment);
    assessment
        .phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let weeks = span(&phase.duration_weeks);
            let team: Vec<TeamCost> = phase
                .team
                .iter()
                .map(|member| {
                    let weekly_rate = rates.get(member.role.as_str()).copied().flatten();
                    let fte = span(&member.fte);
                    let labor = weekly_rate.map(|rate| fte.times(weeks).scale(rate));
                    TeamCost { role: member.role.clone(), weekly_rate, fte, labor }
                })
                .collect();
            let mut unknown_rates: Vec<String> = Vec::new();
            for line in team.iter().filter(|t| t.labor.is_none()) {
                if !unknown_rates.contains(&line.role) {
                    unknown_rates.push(line.role.clone());
                }
            }
            let fte: Span = team.iter().map(|t| t.fte).sum();
            let capacity_days = fte.times(weeks).scale(days_per_week);
            let (start_week, end_week) = (slots[i].start_week, slots[i].end_week);
            let labor: Option<Span> = team.iter().map(|t| t.labor).sum();
            let one_off = costs_of(phase, CostKind::OneOff);
            PhaseCost {
                id: phase.id.clone(),
                labor,
                unknown_rates,
                team,
                one_off,
                annual: costs_of(phase, CostKind::Annual),
                total: labor.map(|labor| labor.plus(Span::point(one_off))),
                weeks,
                fte,
                capacity_days,
                demand_days: demand[i],
                load: Load::of(demand[i], capacity_days),
                gaps: gaps[i],
                start_week,
                end_week,
            }
        })
        .collect()
}

fn costs_of(phase: &Phase, kind: CostKind) -> Decimal {
    phase
        .costs
        .iter()
        .filter(|cost| cost.kind == kind)
        .fold(Decimal::ZERO, |sum, cost| sum.saturating_add(exact(cost.amount).max(Decimal::ZERO)))
}

/// The daily rate for the bottom-up estimate: `blended_daily_rate` when set,
/// else the mean of the roles' weekly rates ÷ days per week, else zero (no
/// roles). `Err` with the ids of the roles without a rate when the mean
/// needs a rate nobody has given.
pub fn daily_rate(assessment: &Assessment) -> Result<Decimal, Vec<String>> {
    if let Some(rate) = assessment.settings.blended_daily_rate {
        return Ok(exact(rate).max(Decimal::ZERO));
    }
    let roles = &assessment.roles;
    let unpriced: Vec<String> = roles.iter().filter(|r| r.weekly_rate.is_none()).map(|r| r.id.clone()).collect();
    if !unpriced.is_empty() {
        return Err(unpriced);
    }
    let sum = roles
        .iter()
        .filter_map(|r| r.weekly_rate)
        .fold(Decimal::ZERO, |sum, rate| sum.saturating_add(exact(rate).max(Decimal::ZERO)));
    Ok(ratio(sum, Decimal::from(roles.len()))
        .and_then(|mean| ratio(mean, exact(assessment.settings.days_per_week)))
        .unwrap_or_default())
}

/// The roadmap's totals from its phases.
pub fn totals(assessment: &Assessment, phases: &[PhaseCost]) -> Totals {
    let labor: Option<Span> = phases.iter().map(|p| p.labor).sum();
    let mut labor_unknown_rates: Vec<String> = Vec::new();
    for role in phases.iter().flat_map(|p| &p.unknown_rates) {
        if !labor_unknown_rates.contains(role) {
            labor_unknown_rates.push(role.clone());
        }
    }
    let one_off = phases.iter().fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.one_off));
    let annual = phases.iter().fold(Decimal::ZERO, |sum, p| sum.saturating_add(p.annual));
    let remaining_effort = remaining_effort(assessment);
    let (daily_rate, daily_rate_unknown_rates) = match daily_rate(assessment) {
        Ok(rate) => (Some(rate), Vec::new()),
        Err(unpriced) => (None, unpriced),
    };
    let duration_weeks = phases
        .iter()
        .fold(Span::ZERO, |latest, p| Span::new(latest.min.max(p.end_week.min), latest.max.max(p.end_week.max)));
    Totals {
        labor,
        labor_unknown_rates,
        one_off,
        annual,
        total: labor.map(|labor| labor.plus(Span::point(one_off))),
        daily_rate,
        daily_rate_unknown_rates,
        bottom_up: daily_rate.map(|rate| remaining_effort.scale(rate)),
        remaining_effort,
        duration_weeks,
    }
}

//! The [`Summary`]: every computed number of an assessment, rounded as shown.
//!
//! **Architecture Invariant**: there is one summary. The app's overview
//! renders it and `gapmap score --json` prints it, so the two can never
//! disagree about a number. Its serialized form is the command's JSON
//! contract: exactly the keys listed in the README, `null` where a value does
//! not exist. Fields marked `serde(skip)` are for the app and the text report.
//!
//! Money that needs a weekly rate nobody has given is unknown: `None`, with
//! the names of the roles that lack a rate, never a sum that counts them as
//! free (see `cost`). [`display::money_or_unknown`] says so in words.
//!
//! [`display::money_or_unknown`]: crate::core::present::display::money_or_unknown

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use crate::core::decimal::{one_decimal, rounded, whole, Span};
use crate::core::model::{Assessment, Phase, Priority, Range};
use crate::core::numbers::cost::{self, Load, PhaseCost};
use crate::core::numbers::{acceptance, calendar, schedule, score};
use crate::core::present::date::day_number;

/// A rounded range, as shown. Read back too: the library's index keeps
/// each assessment's portfolio line (`numbers::portfolio`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
}

impl Bounds {
    fn money(span: Span) -> Self {
        Bounds { min: whole(span.min), max: whole(span.max) }
    }

    fn tenths(span: Span) -> Self {
        Bounds { min: one_decimal(span.min), max: one_decimal(span.max) }
    }

    /// An amount a source document stated, in whole units as money is shown.
    fn stated(range: &Range) -> Self {
        Bounds::money(cost::span(range))
    }

    /// Inputs such as FTEs and weeks, shown as typed (two decimals).
    fn hundredths(span: Span) -> Self {
        Bounds { min: rounded(span.min, 2), max: rounded(span.max, 2) }
    }
}

/// Every computed number of an assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// 0–100, one decimal; `None` when no category has a score.
    pub overall: Option<f64>,
    pub level: Option<String>,
    /// Ids of the open P0 gaps; the JSON gives their count.
    #[serde(serialize_with = "count")]
    pub blockers: Vec<String>,
    /// Overall at or above the ready threshold, and no blocker open.
    pub production_ready: bool,
    pub categories: Vec<CategorySummary>,
    pub tiers: Vec<TierSummary>,
    /// Remaining effort in person-days.
    pub effort_days: Bounds,
    /// `None` when a rate it needs is unknown.
    pub labor: Option<Bounds>,
    pub one_off: f64,
    pub annual: f64,
    /// Labor plus one-off costs; `None` when labor is unknown.
    pub total: Option<Bounds>,
    /// What the source document states the whole roadmap costs, shown
    /// beside `total`; `None` when it states nothing.
    pub stated_total: Option<Bounds>,
    /// `None` when its daily rate is the roles' mean and a role has no rate.
    pub bottom_up: Option<Bounds>,
    pub duration_weeks: Bounds,
    /// The ids of the roles whose missing rate makes a figure unknown, in
    /// the roles' order; empty when every figure is known.
    pub unknown_rates: Vec<String>,
    pub phases: Vec<PhaseSummary>,
    /// The names of the roles whose missing rate makes `labor` and `total` unknown.
    #[serde(skip)]
    pub labor_unknown_rates: Vec<String>,
    /// The names of the roles whose missing rate makes `bottom_up` unknown.
    #[serde(skip)]
    pub bottom_up_unknown_rates: Vec<String>,
    /// The daily rate behind `bottom_up`; `None` when it is unknown.
    #[serde(skip)]
    pub daily_rate: Option<f64>,
    /// Whether `daily_rate` is the blended rate from settings (else the roles' mean).
    #[serde(skip)]
    pub daily_rate_is_blended: bool,
    /// The overall score the source document stated, if any.
    #[serde(skip)]
    pub stated_overall: Option<f64>,
    #[serde(skip)]
    pub ready_threshold: f64,
    /// The day the numbers are computed for, `YYYY-MM-DD`: acceptances that
    /// expired before it count as missing. `None` (`summarize`): none expires.
    pub as_of: Option<String>,
    /// The ids of the accepted gaps whose acceptance expired before `as_of`,
    /// counted as missing in every score above.
    #[serde(skip)]
    pub acceptance_expired: Vec<String>,
    /// The ids of the gaps whose due date is before `as_of` and that are
    /// neither done nor not applicable.
    #[serde(skip)]
    pub overdue: Vec<String>,
    /// The ids of the phases on the critical path, first to last: the chain
    /// that sets `duration_weeks`.
    #[serde(skip)]
    pub critical_path: Vec<String>,
    /// The day the roadmap starts, when the assessment gives a real date.
    #[serde(skip)]
    pub start_date: Option<String>,
}

fn count<S: Serializer>(ids: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(ids.len() as u64)
}

/// One category's scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategorySummary {
    pub id: String,
    pub computed: Option<f64>,
    pub manual: Option<f64>,
    pub score: Option<f64>,
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub weight: f64,
    #[serde(skip)]
    pub target: Option<f64>,
    #[serde(skip)]
    pub scored_gaps: usize,
    /// The score once every phase of the roadmap is done; `None` without phases.
    #[serde(skip)]
    pub projected: Option<f64>,
}

/// Done and scored gaps of one priority.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TierSummary {
    pub priority: Priority,
    pub done: usize,
    pub scored: usize,
}

/// One phase's cost, capacity, load and the score it buys.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseSummary {
    pub id: String,
    /// `None` when a team line's rate is unknown.
    pub labor: Option<Bounds>,
    /// What the source document states the phase costs, shown beside
    /// `total`; `None` when it states nothing.
    pub stated_cost: Option<Bounds>,
    pub capacity_days: Bounds,
    pub demand_days: Bounds,
    pub load: Load,
    /// The overall score once this phase and those before it are done.
    pub projected_overall: Option<f64>,
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub one_off: f64,
    #[serde(skip)]
    pub annual: f64,
    #[serde(skip)]
    pub start_week: Bounds,
    #[serde(skip)]
    pub end_week: Bounds,
    #[serde(skip)]
    pub gaps: usize,
    #[serde(skip)]
    pub team: Vec<TeamSummary>,
    /// The names of the roles of its team that lack a rate.
    #[serde(skip)]
    pub unknown_rates: Vec<String>,
    /// Labor plus one-off costs; `None` when labor is unknown.
    #[serde(skip)]
    pub total: Option<Bounds>,
    /// The duration in weeks as counted, two decimals.
    #[serde(skip)]
    pub weeks: Bounds,
    /// The team's size, Σ FTE of its lines, two decimals.
    #[serde(skip)]
    pub fte: Bounds,
    /// Labor plus one-off costs of this phase and the ones before it;
    /// `None` once any of them is unknown.
    #[serde(skip)]
    pub cumulative_total: Option<Bounds>,
    /// The annual run-rate once this phase and the ones before it are done.
    #[serde(skip)]
    pub run_rate: f64,
    /// When it runs in calendar dates, when the roadmap has a start date.
    #[serde(skip)]
    pub dates: Option<PhaseDates>,
    /// Whether it is on the critical path.
    #[serde(skip)]
    pub critical: bool,
}

/// A phase's start and last day as dates (`YYYY-MM-DD`), each a range
/// (earliest, latest), and as day numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseDates {
    pub start: (String, String),
    pub end: (String, String),
    pub days: calendar::PhaseDays,
}

impl PhaseDates {
    /// As people read it: "starts 2025-01-06, ends 2025-01-19 to 2025-01-26".
    pub fn describe(&self) -> String {
        let range = |(earliest, latest): &(String, String)| {
            if earliest == latest {
                earliest.clone()
            } else {
                format!("{earliest} to {latest}")
            }
        };
        format!("starts {}, ends {}", range(&self.start), range(&self.end))
    }
}

/// One team line of a phase: the terms of its labor cost.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamSummary {
    pub role: String,
    /// `None` when the role has no rate.
    pub weekly_rate: Option<f64>,
    pub fte: Bounds,
    /// `None` when the rate is unknown.
    pub labor: Option<Bounds>,
}

/// Computes every number of the assessment, with no day given: no
/// acceptance expires and no gap is overdue.
pub fn summarize(assessment: &Assessment) -> Summary {
    summarize_on(assessment, None)
}

/// Computes every number of the assessment as of the day `as_of`
/// (`YYYY-MM-DD`): acceptances that expired before it count as missing
/// (`acceptance`), and gaps due before it are overdue. A text that is not a
/// date is no day: as [`summarize`].
pub fn summarize_as_of(assessment: &Assessment, as_of: &str) -> Summary {
    summarize_on(assessment, day_number(as_of).map(|_| as_of))
}

fn summarize_on(original: &Assessment, as_of: Option<&str>) -> Summary {
    let day = as_of.and_then(day_number);
    let counted = acceptance::as_of(original, day);
    let assessment: &Assessment = &counted;
    let settings = &assessment.settings;
    let scores = score::scores(assessment);
    let phases = cost::phase_costs(assessment);
    let critical = schedule::critical_path(&schedule::schedule(assessment));
    let start = calendar::start_day(assessment);
    let totals = cost::totals(assessment, &phases);
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter().map(|id| assessment.role(id).map_or_else(|| id.clone(), |r| r.name.clone())).collect()
    };
    // Every role some figure lacks the rate of, in the roles' order; then
    // the ids of team lines that name no role (a file read with problems).
    let lacking = |id: &String| totals.labor_unknown_rates.contains(id) || totals.daily_rate_unknown_rates.contains(id);
    let mut unknown_rates: Vec<String> = Vec::new();
    let known_ids = assessment.roles.iter().map(|r| &r.id);
    for id in known_ids.filter(|id| lacking(id)).chain(&totals.labor_unknown_rates) {
        if !unknown_rates.contains(id) {
            unknown_rates.push(id.clone());
        }
    }

    // Level and verdict use the overall score as shown, so that a displayed
    // 75.0 never reads "not ready" against a threshold of 75.
    let overall = scores.overall.map(one_decimal);
    let blockers: Vec<String> = score::blockers(assessment).map(|gap| gap.id.clone()).collect();
    let production_ready = overall.is_some_and(|o| o >= settings.ready_threshold) && blockers.is_empty();

    Summary {
        overall,
        level: score::level(overall, &settings.levels).map(str::to_string),
        blockers,
        production_ready,
        categories: assessment
            .categories
            .iter()
            .zip(&scores.categories)
            .enumerate()
            .map(|(i, (category, s))| CategorySummary {
                id: category.id.clone(),
                computed: s.computed.map(one_decimal),
                manual: s.manual.map(one_decimal),
                score: s.score.map(one_decimal),
                name: category.name.clone(),
                weight: category.weight,
                target: category.target_score,
                scored_gaps: s.scored_gaps,
                projected: scores.projected_categories.get(i).copied().flatten().map(one_decimal),
            })
            .collect(),
        tiers: score::tiers(assessment)
            .into_iter()
            .map(|t| TierSummary { priority: t.priority, done: t.done, scored: t.scored })
            .collect(),
        effort_days: Bounds::tenths(totals.remaining_effort),
        labor: totals.labor.map(Bounds::money),
        one_off: whole(totals.one_off),
        annual: whole(totals.annual),
        total: totals.total.map(Bounds::money),
        stated_total: assessment.stated_total.as_ref().map(Bounds::stated),
        bottom_up: totals.bottom_up.map(Bounds::money),
        duration_weeks: Bounds::tenths(totals.duration_weeks),
        unknown_rates,
        phases: {
            // Running sums, kept exact until each is rounded for display;
            // the cumulative total is unknown from the first unknown phase on.
            let mut cumulative = Some(Span::ZERO);
            let mut run_rate = Decimal::ZERO;
            assessment
                .phases
                .iter()
                .zip(phases)
                .zip(&scores.projected)
                .enumerate()
                .map(|(i, ((phase, cost), projected))| {
                    cumulative = cumulative.zip(cost.total).map(|(sum, total)| sum.plus(total));
                    run_rate = run_rate.saturating_add(cost.annual);
                    let unknown = names(&cost.unknown_rates);
                    let dates = start
                        .and_then(|start| calendar::phase_days(start, cost.start_week, cost.end_week))
                        .and_then(|days| Some(PhaseDates { start: days.start.dates()?, end: days.end.dates()?, days }));
                    let mut summary = phase_summary(phase, cost, unknown, *projected, cumulative, run_rate);
                    summary.dates = dates;
                    summary.critical = critical.contains(&i);
                    summary
                })
                .collect()
        },
        labor_unknown_rates: names(&totals.labor_unknown_rates),
        bottom_up_unknown_rates: names(&totals.daily_rate_unknown_rates),
        daily_rate: totals.daily_rate.map(whole),
        daily_rate_is_blended: settings.blended_daily_rate.is_some(),
        stated_overall: assessment.stated_overall,
        ready_threshold: settings.ready_threshold,
        as_of: as_of.map(str::to_string),
        acceptance_expired: acceptance::expired(original, day).map(|gap| gap.id.clone()).collect(),
        overdue: calendar::overdue(original, day).map(|gap| gap.id.clone()).collect(),
        critical_path: critical.iter().map(|&i| assessment.phases[i].id.clone()).collect(),
        start_date: start.and(assessment.start_date.clone()),
    }
}

/// One phase's figures, with the names of the roles its team lacks the
/// rate of, and the running sums up to it (`cumulative` total cost, annual
/// `run_rate`).
fn phase_summary(
    phase: &Phase,
    cost: PhaseCost,
    unknown_rates: Vec<String>,
    projected: Option<rust_decimal::Decimal>,
    cumulative: Option<Span>,
    run_rate: Decimal,
) -> PhaseSummary {
    PhaseSummary {
        labor: cost.labor.map(Bounds::money),
        stated_cost: phase.stated_cost.as_ref().map(Bounds::stated),
        capacity_days: Bounds::tenths(cost.capacity_days),
        demand_days: Bounds::tenths(cost.demand_days),
        load: cost.load,
        projected_overall: projected.map(one_decimal),
        name: phase.name.clone(),
        one_off: whole(cost.one_off),
        annual: whole(cost.annual),
        start_week: Bounds::tenths(cost.start_week),
        end_week: Bounds::tenths(cost.end_week),
        gaps: cost.gaps,
        total: cost.total.map(Bounds::money),
        weeks: Bounds::hundredths(cost.weeks),
        fte: Bounds::hundredths(cost.fte),
        cumulative_total: cumulative.map(Bounds::money),
        run_rate: whole(run_rate),
        dates: None,
        critical: false,
        unknown_rates,
        team: cost
            .team
            .into_iter()
            .map(|t| TeamSummary {
                role: t.role,
                weekly_rate: t.weekly_rate.map(|rate| rounded(rate, 2)),
                fte: Bounds::hundredths(t.fte),
                labor: t.labor.map(Bounds::money),
            })
            .collect(),
        id: cost.id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Cost, CostKind, Phase, Range, Role, TeamMember};

    /// A phase of 2–3 weeks with 1–2 engineers at 4,000 and 0.5 SRE at
    /// 5,000 a week, and a one-off cost of 8,000.
    fn one_phase() -> Assessment {
        let mut a = Assessment::new("t", "Test");
        a.roles = vec![Role::new("eng", "Engineer", 4000.0), Role::new("sre", "SRE", 5000.0)];
        let mut phase = Phase::new("p1", "Blockers", Range::new(2.0, 3.0));
        phase.team = vec![TeamMember::new("eng", Range::new(1.0, 2.0)), TeamMember::new("sre", Range::new(0.5, 0.5))];
        phase.costs =
            vec![Cost::new("Scanner", 8000.0, CostKind::OneOff), Cost::new("Monitoring", 1200.0, CostKind::Annual)];
        a.phases = vec![phase];
        a
    }

    #[test]
    fn phase_total_is_labor_plus_one_off() {
        let summary = summarize(&one_phase());
        let phase = &summary.phases[0];
        // Labor: 1×4000×2 + 0.5×5000×2 = 13,000; 2×4000×3 + 0.5×5000×3 = 31,500.
        assert_eq!(phase.labor, Some(Bounds { min: 13000.0, max: 31500.0 }));
        assert_eq!(phase.total, Some(Bounds { min: 21000.0, max: 39500.0 }));
        assert_eq!(summary.total, phase.total);
    }

    #[test]
    fn phase_states_the_team_size_and_weeks_it_counted() {
        let mut a = one_phase();
        a.phases[0].duration_weeks = Range::new(-1.0, 2.5);
        let phase = &summarize(&a).phases[0];
        assert_eq!(phase.fte, Bounds { min: 1.5, max: 2.5 });
        // A negative end counts as zero, as in every computation.
        assert_eq!(phase.weeks, Bounds { min: 0.0, max: 2.5 });
        // Capacity: Σ FTE × weeks × days per week.
        assert_eq!(phase.capacity_days, Bounds { min: 0.0, max: 31.3 });
    }

    #[test]
    fn new_fields_stay_out_of_the_json_contract() {
        let json = serde_json::to_value(summarize(&one_phase())).unwrap();
        let phase = json["phases"][0].as_object().unwrap();
        let mut keys: Vec<&str> = phase.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["capacity_days", "demand_days", "id", "labor", "load", "projected_overall", "stated_cost"]);
    }
}

impl TierSummary {
    /// The share of scored gaps that are done, in whole percent (half up);
    /// `None` when the tier has no scored gap.
    pub fn percent_done(&self) -> Option<usize> {
        (self.done * 200 + self.scored).checked_div(self.scored * 2)
    }
}

#[cfg(test)]
mod tier_tests {
    use super::TierSummary;
    use crate::core::model::Priority;

    #[test]
    fn percent_done_rounds_half_up_and_is_none_without_gaps() {
        let tier = |done, scored| TierSummary { priority: Priority::P0, done, scored };
        assert_eq!(tier(3, 15).percent_done(), Some(20));
        assert_eq!(tier(1, 8).percent_done(), Some(13));
        assert_eq!(tier(2, 3).percent_done(), Some(67));
        assert_eq!(tier(0, 0).percent_done(), None);
    }
}

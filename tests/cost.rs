//! Effort, time and money: effort units and their conversion through the
//! settings, the remaining effort (open gaps only), each phase's labor,
//! capacity, demand and load, the schedule (`start_week` given or right after
//! the previous phase; the roadmap lasts until the latest end), the totals,
//! the bottom-up estimate and its daily rate, money that needs a rate nobody
//! has given (unknown, never free), and money kept exact where `f64`
//! arithmetic would drift across a rounding boundary.
//!
//! Cases go through one helper, [`check`]: it summarizes a small assessment and
//! compares the parts of the summary a case names, written `"key value; key
//! value"`, with how the summary renders them (ranges as `min..max`).

use std::str::FromStr;

use rust_decimal::Decimal;

use gapmap::core::model::{
    Assessment, Category, Cost, CostKind, Effort, EffortUnit, Gap, Phase, Range, Role, Status, TeamMember,
};
use gapmap::core::numbers::cost;
use gapmap::core::numbers::summary::{Bounds, Summary};
use gapmap::core::summarize;

use EffortUnit::{Days, Hours, Weeks};
use Status::{Accepted, Done, Missing, NotApplicable, Partial};

// ---------------------------------------------------------------------------
// Building small assessments.

/// A gap of category "c" with a status and an effort range.
fn gap(status: Status, min: f64, max: f64, unit: EffortUnit) -> Gap {
    Gap { status, effort: Some(Effort::new(min, max, unit)), ..Gap::new("", "c", "a gap") }
}

/// A gap assigned to a phase.
fn in_phase(phase: &str, gap: Gap) -> Gap {
    Gap { phase: Some(phase.to_string()), ..gap }
}

/// A phase of `min..max` weeks; its id is given by [`roadmap`].
fn phase(min: f64, max: f64) -> Phase {
    Phase::new("", "A phase", Range::new(min, max))
}

/// The phase, starting at a given week.
fn starting(week: f64, phase: Phase) -> Phase {
    Phase { start_week: Some(week), ..phase }
}

/// The phase with a team line of `role` at `min..max` FTE.
fn with(role: &str, min: f64, max: f64, mut phase: Phase) -> Phase {
    phase.team.push(TeamMember::new(role, Range::new(min, max)));
    phase
}

/// The phase with a cost.
fn costing(amount: f64, kind: CostKind, mut phase: Phase) -> Phase {
    phase.costs.push(Cost::new("a cost", amount, kind));
    phase
}

/// Roles eng (4000 a week) and sre (5000), one category "c", the gaps
/// numbered g1 … and the phases numbered p1 … in order.
fn roadmap(gaps: Vec<Gap>, phases: Vec<Phase>) -> Assessment {
    let mut a = Assessment::new("costs", "Costs");
    a.categories = vec![Category::new("c", "C")];
    a.roles = vec![Role::new("eng", "Engineer", 4000.0), Role::new("sre", "SRE", 5000.0)];
    a.gaps = gaps.into_iter().enumerate().map(|(i, g)| Gap { id: format!("g{}", i + 1), ..g }).collect();
    a.phases = phases.into_iter().enumerate().map(|(i, p)| Phase { id: format!("p{}", i + 1), ..p }).collect();
    a
}

/// The assessment with the engineer paid `weekly_rate`.
fn paying_eng(weekly_rate: f64, mut a: Assessment) -> Assessment {
    a.roles[0].weekly_rate = Some(weekly_rate);
    a
}

/// Just gaps, no phases.
fn gaps(gaps: Vec<Gap>) -> Assessment {
    roadmap(gaps, vec![])
}

// ---------------------------------------------------------------------------
// The helper.

fn range(b: Bounds) -> String {
    format!("{}..{}", b.min, b.max)
}

/// Money that needs weekly rates: `unknown` when one of them is.
fn money(b: Option<Bounds>) -> String {
    b.map_or_else(|| "unknown".to_string(), range)
}

fn list<T>(values: impl IntoIterator<Item = T>, each: impl Fn(T) -> String) -> String {
    format!("[{}]", values.into_iter().map(each).collect::<Vec<_>>().join(", "))
}

/// How a case names each part of the summary, rendered as it writes them.
fn rendered(s: &Summary, key: &str) -> String {
    match key {
        "effort" => range(s.effort_days),
        "labor" => list(&s.phases, |p| money(p.labor)),
        "capacity" => list(&s.phases, |p| range(p.capacity_days)),
        "demand" => list(&s.phases, |p| range(p.demand_days)),
        "load" => list(&s.phases, |p| p.load.as_str().to_string()),
        "start" => list(&s.phases, |p| range(p.start_week)),
        "end" => list(&s.phases, |p| range(p.end_week)),
        "total_labor" => money(s.labor),
        "one_off" => s.one_off.to_string(),
        "annual" => s.annual.to_string(),
        "total" => money(s.total),
        "daily_rate" => s.daily_rate.map_or_else(|| "unknown".to_string(), |r| r.to_string()),
        "bottom_up" => money(s.bottom_up),
        "unknown_rates" => list(&s.unknown_rates, Clone::clone),
        // By role name, as shown.
        // Names, as shown beside each phase; `unknown_rates` is ids, as in the JSON.
        "phase_unknown_rates" => list(&s.phases, |p| list(&p.unknown_rates, Clone::clone)),
        "duration" => range(s.duration_weeks),
        other => panic!("no part of the summary is called {other:?}"),
    }
}

/// Summarizes `input` and compares each `key value` of `expected` (separated
/// by `;`) with the summary's rendering of that key.
#[track_caller]
fn check(case: &str, input: Assessment, expected: &str) {
    let summary = summarize(&input);
    for part in expected.split(';').map(str::trim) {
        let (key, value) = part.split_once(' ').unwrap_or((part, ""));
        assert_eq!(rendered(&summary, key), value, "{case}: {key}");
    }
}

// ---------------------------------------------------------------------------
// The rules.

#[test]
fn effort_converts_to_person_days_through_the_settings() {
    check("days as they are", gaps(vec![gap(Missing, 3.0, 5.0, Days)]), "effort 3..5");
    check("hours ÷ 8", gaps(vec![gap(Missing, 4.0, 8.0, Hours)]), "effort 0.5..1");
    check("weeks × 5", gaps(vec![gap(Missing, 1.0, 2.0, Weeks)]), "effort 5..10");
    check("quarter days round half away from zero", gaps(vec![gap(Missing, 2.0, 2.0, Hours)]), "effort 0.3..0.3");

    let mut a = gaps(vec![gap(Missing, 4.0, 8.0, Hours)]);
    a.settings.hours_per_day = 6.0;
    check("hours ÷ hours_per_day", a, "effort 0.7..1.3");
    let mut a = gaps(vec![gap(Missing, 1.0, 2.0, Weeks)]);
    a.settings.days_per_week = 4.0;
    check("weeks × days_per_week", a, "effort 4..8");
    let mut a = gaps(vec![gap(Missing, 1.0, 2.0, Days)]);
    a.settings.hours_per_day = 6.0;
    a.settings.days_per_week = 4.0;
    check("days ignore the settings", a, "effort 1..2");
    check(
        "units mix in one sum",
        gaps(vec![gap(Missing, 4.0, 4.0, Hours), gap(Missing, 1.0, 1.0, Weeks), gap(Missing, 2.0, 2.0, Days)]),
        "effort 7.5..7.5",
    );
}

#[test]
fn remaining_effort_counts_missing_and_partial_gaps_only() {
    check(
        "done, accepted and not applicable are not remaining",
        gaps(vec![
            gap(Missing, 1.0, 2.0, Days),
            gap(Partial, 2.0, 4.0, Days),
            gap(Done, 4.0, 8.0, Days),
            gap(Accepted, 8.0, 16.0, Days),
            gap(NotApplicable, 16.0, 32.0, Days),
        ]),
        "effort 3..6",
    );
    check(
        "a gap without an effort counts as none",
        gaps(vec![gap(Missing, 1.0, 2.0, Days), Gap::new("", "c", "unestimated")]),
        "effort 1..2",
    );
    check("no gaps", gaps(vec![]), "effort 0..0");
}

#[test]
fn phase_labor_is_fte_times_rate_times_weeks() {
    check("one line", roadmap(vec![], vec![with("eng", 1.0, 2.0, phase(2.0, 3.0))]), "labor [8000..24000]");
    check(
        "lines add up: the worked example's first phase",
        roadmap(vec![], vec![with("eng", 1.0, 2.0, with("sre", 0.5, 1.0, phase(2.0, 3.0)))]),
        "labor [13000..39000]",
    );
    check("no team costs nothing", roadmap(vec![], vec![phase(2.0, 3.0)]), "labor [0..0]");
    let mut a = roadmap(vec![], vec![with("eng", 1.0, 1.0, phase(1.0, 1.0))]);
    a.roles[0].weekly_rate = Some(0.0);
    check("a volunteer role", a, "labor [0..0]");
}

#[test]
fn capacity_demand_and_load() {
    // One engineer for 1–2 weeks: 5–10 person-days.
    let team = || with("eng", 1.0, 1.0, phase(1.0, 2.0));
    let demanding = |min: f64, max: f64| roadmap(vec![in_phase("p1", gap(Missing, min, max, Days))], vec![team()]);
    check("capacity is fte × weeks × days_per_week", demanding(1.0, 1.0), "capacity [5..10]");
    check("demand fits the smallest capacity", demanding(2.0, 4.0), "demand [2..4]; load [ok]");
    check("demand exactly the smallest capacity is ok", demanding(5.0, 5.0), "load [ok]");
    check("demand above the smallest capacity", demanding(4.0, 6.0), "load [at_risk]");
    check("smallest demand exactly the largest capacity", demanding(10.0, 12.0), "load [at_risk]");
    check("smallest demand above the largest capacity", demanding(11.0, 12.0), "demand [11..12]; load [over]");

    let mut a = demanding(1.0, 1.0);
    a.settings.days_per_week = 4.0;
    check("capacity follows days_per_week", a, "capacity [4..8]");
    check(
        "team lines add up: the worked example's first phase",
        roadmap(vec![], vec![with("eng", 1.0, 2.0, with("sre", 0.5, 1.0, phase(2.0, 3.0)))]),
        "capacity [15..45]",
    );
    check(
        "demand counts the phase's open gaps only",
        roadmap(
            vec![
                in_phase("p1", gap(Missing, 1.0, 2.0, Days)),
                in_phase("p1", gap(Partial, 4.0, 8.0, Hours)),
                in_phase("p1", gap(Done, 100.0, 100.0, Days)),
                in_phase("p1", gap(Accepted, 100.0, 100.0, Days)),
                in_phase("p2", gap(Missing, 3.0, 3.0, Days)),
                gap(Missing, 100.0, 100.0, Days),
            ],
            vec![team(), team()],
        ),
        "demand [1.5..3, 3..3]; effort 104.5..106",
    );
    check("no team and no work is ok", roadmap(vec![], vec![phase(1.0, 1.0)]), "capacity [0..0]; load [ok]");
    check(
        "no team but some work is over",
        roadmap(vec![in_phase("p1", gap(Missing, 1.0, 1.0, Days))], vec![phase(1.0, 1.0)]),
        "load [over]",
    );
}

#[test]
fn phases_run_in_order_unless_given_a_start_week() {
    check(
        "one after the other, minima and maxima tracked apart",
        roadmap(vec![], vec![phase(2.0, 3.0), phase(1.0, 2.0)]),
        "start [0..0, 2..3]; end [2..3, 3..5]; duration 3..5",
    );
    check(
        "a given start week, and the next phase after it",
        roadmap(vec![], vec![phase(2.0, 3.0), starting(10.0, phase(1.0, 2.0)), phase(1.0, 1.0)]),
        "start [0..0, 10..10, 11..12]; end [2..3, 11..12, 12..13]; duration 12..13",
    );
    check(
        "the roadmap lasts until the latest end, not the last phase's end",
        roadmap(vec![], vec![phase(2.0, 6.0), starting(0.0, phase(1.0, 1.0))]),
        "end [2..6, 1..1]; duration 2..6",
    );
    check(
        "a first phase may start late",
        roadmap(vec![], vec![starting(4.0, phase(1.0, 2.0))]),
        "start [4..4]; duration 5..6",
    );
    check("no phases take no time", roadmap(vec![], vec![]), "duration 0..0");
}

#[test]
fn totals_add_the_phases() {
    let phases = vec![
        costing(8000.0, CostKind::OneOff, costing(1200.0, CostKind::Annual, with("eng", 1.0, 2.0, phase(2.0, 3.0)))),
        costing(6000.0, CostKind::Annual, costing(500.0, CostKind::OneOff, with("sre", 1.0, 1.0, phase(1.0, 2.0)))),
    ];
    check(
        "labor, one-off and annual sum; total is labor plus one-off, without run-rate",
        roadmap(vec![], phases),
        "labor [8000..24000, 5000..10000]; total_labor 13000..34000; one_off 8500; annual 7200; total 21500..42500",
    );
    check("nothing at all", roadmap(vec![], vec![]), "total_labor 0..0; one_off 0; annual 0; total 0..0");
}

#[test]
fn bottom_up_is_remaining_effort_times_a_daily_rate() {
    let ten_to_twenty = || roadmap(vec![gap(Missing, 10.0, 20.0, Days)], vec![]);
    let mut a = ten_to_twenty();
    a.settings.blended_daily_rate = Some(500.0);
    check("the blended rate when set", a, "daily_rate 500; bottom_up 5000..10000");
    check("else the roles' mean weekly rate ÷ 5", ten_to_twenty(), "daily_rate 900; bottom_up 9000..18000");
    let mut a = ten_to_twenty();
    a.settings.days_per_week = 4.0;
    check("÷ days_per_week", a, "daily_rate 1125; bottom_up 11250..22500");
    let mut a = ten_to_twenty();
    a.roles.clear();
    check("no roles and no blended rate: zero", a, "daily_rate 0; bottom_up 0..0");
    let mut a = ten_to_twenty();
    a.settings.blended_daily_rate = Some(0.0);
    check("a blended rate of zero is a rate", a, "daily_rate 0; bottom_up 0..0");
}

#[test]
fn a_rate_nobody_has_given_makes_labor_unknown_not_free() {
    // The engineer's rate is unknown; the SRE's is known.
    let unpriced = |mut a: Assessment| {
        a.roles[0].weekly_rate = None;
        a
    };
    let phases = || {
        vec![
            costing(
                8000.0,
                CostKind::OneOff,
                costing(1200.0, CostKind::Annual, with("eng", 1.0, 2.0, phase(2.0, 3.0))),
            ),
            with("sre", 1.0, 1.0, phase(1.0, 2.0)),
        ]
    };
    check(
        "a phase that needs the unknown rate has unknown labor and total; the others stay known",
        unpriced(roadmap(vec![], phases())),
        "labor [unknown, 5000..10000]; total_labor unknown; total unknown; one_off 8000; annual 1200; \
         phase_unknown_rates [[Engineer], []]; unknown_rates [eng]",
    );
    check(
        "a team line of both kinds of role is unknown",
        unpriced(roadmap(vec![], vec![with("eng", 1.0, 1.0, with("sre", 1.0, 1.0, phase(1.0, 1.0)))])),
        "labor [unknown]; phase_unknown_rates [[Engineer]]",
    );
    check(
        "a role in no team leaves labor known, but not the roles' mean daily rate",
        unpriced(roadmap(vec![gap(Missing, 10.0, 20.0, Days)], vec![with("sre", 1.0, 1.0, phase(1.0, 1.0))])),
        "labor [5000..5000]; total 5000..5000; daily_rate unknown; bottom_up unknown; unknown_rates [eng]",
    );
    let mut a = unpriced(roadmap(vec![gap(Missing, 10.0, 20.0, Days)], vec![]));
    a.settings.blended_daily_rate = Some(500.0);
    check("a blended daily rate needs no role's rate", a, "bottom_up 5000..10000; unknown_rates []");
    check(
        "a stored rate of 0 is free, not unknown",
        paying_eng(0.0, roadmap(vec![], vec![with("eng", 1.0, 1.0, phase(1.0, 1.0))])),
        "labor [0..0]; total 0..0; unknown_rates []",
    );
    let mut a = roadmap(vec![], vec![with("qa", 1.0, 1.0, phase(1.0, 1.0))]);
    a.roles.truncate(1);
    check("a team line naming no role has no rate either", a, "labor [unknown]; unknown_rates [qa]");
}

#[test]
fn money_is_exact_until_rounded_once() {
    // In f64, 0.3 × 3 × 15 is 13.499999999999998 and would round to 13.
    check(
        "a labor of exactly 13.5 rounds half away from zero",
        paying_eng(15.0, roadmap(vec![], vec![with("eng", 0.3, 0.3, phase(3.0, 3.0))])),
        "labor [14..14]; total 14..14",
    );
    // In f64, eleven tenths add up to 1.0999999999999999, × 5 is 5.499999999999999.
    let tenths = (0..11).map(|_| gap(Missing, 0.1, 0.1, Days)).collect();
    let mut a = gaps(tenths);
    a.settings.blended_daily_rate = Some(5.0);
    check("a bottom-up of exactly 5.5", a, "effort 1.1..1.1; bottom_up 6..6");

    // Below the rounding, the exact amounts themselves.
    let exact = |text: &str| Decimal::from_str(text).unwrap();
    let a = paying_eng(
        0.1,
        roadmap(
            vec![],
            vec![costing(
                0.1,
                CostKind::OneOff,
                costing(0.2, CostKind::OneOff, with("eng", 0.1, 0.1, with("sre", 0.2, 0.2, phase(1.0, 1.0)))),
            )],
        ),
    );
    let phases = cost::phase_costs(&a);
    let totals = cost::totals(&a, &phases);
    // 0.1 × 1 × 0.1 + 0.2 × 1 × 5000
    assert_eq!(phases[0].labor.map(|l| l.min), Some(exact("1000.01")));
    assert_eq!(phases[0].one_off, exact("0.3"));
    assert_eq!(totals.total.map(|t| t.max), Some(exact("1000.31")));
    // 0.1 + 0.2 FTE × 1 week × 5 days
    assert_eq!(phases[0].capacity_days.min, exact("1.5"));
}

//! Generators of valid assessments for property tests (`properties.rs`,
//! `share.rs`): every shape the file format allows: any status, priority,
//! severity, effort unit, checklist and phase; roles, phases with teams and
//! costs, KPIs and risks; evidence entries and exit criteria, with
//! addresses safe and not; alternative roadmaps (scenarios); a plan in
//! calendar time (start date, due dates, acceptances that expire, gaps and
//! phases that wait for others, never in a cycle); references that
//! resolve, ids that are unique, and unknown fields at every level.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;

use gapmap::core::model::*;

/// Any text, control characters and astral planes included.
fn text() -> impl Strategy<Value = String> {
    "(?s).{0,12}"
}

/// Text that is not blank, as names and titles must be.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ🚀][A-Za-z0-9 ,.:'\"\\\\/—ü🚀-]{0,12}"
}

/// An amount or a count: often whole, sometimes with every digit an f64 has.
fn amount(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![(0..=max as u32).prop_map(f64::from), 0.0..=max, Just(0.5), Just(0.1)]
}

fn score_value() -> impl Strategy<Value = f64> {
    prop_oneof![(0u8..=100).prop_map(f64::from), 0.0..=100.0]
}

/// `min..max` with min ≤ max.
fn range(max: f64) -> impl Strategy<Value = (f64, f64)> {
    (amount(max), amount(max)).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

fn keyword<T: Keyword + std::fmt::Debug>() -> impl Strategy<Value = T> {
    select(T::ALL.to_vec())
}

/// An address as users paste them: links, relative paths, and the tricks
/// that must stay text.
fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec!["https://example.com/run/1", "docs/runbook.md", "javascript:alert(1)", " https://x.org", "//evil"])
            .prop_map(str::to_string),
        text(),
    ]
}

/// `YYYY-MM-DD`.
fn date() -> impl Strategy<Value = String> {
    (1970u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// JSON of any kind, a little nested.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        // Whole floats are left out: the loader reads `2.0` as `2`, as saving writes it
        // (tests/format.rs checks that), so no loaded assessment holds one.
        (-1e9..1e9f64).prop_filter("a fraction", |f| f.fract() != 0.0).prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..3).prop_map(Value::Array),
            btree_map("[a-z_]{1,4}", inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Unknown fields: keys a future version or another tool might write.
fn extra() -> impl Strategy<Value = Extra> {
    prop_oneof![
        3 => Just(Extra::new()),
        1 => btree_map("x-[a-z]{1,6}", json(), 1..3),
    ]
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        (amount(10.0), amount(10.0), amount(10.0), amount(10.0), extra()),
        prop_oneof![Just(0.5), 0.0..=1.0],
        prop_oneof![
            Just(default_levels()),
            vec((score_value(), name(), extra()), 0..5).prop_map(|levels| {
                levels.into_iter().map(|(min, label, extra)| Level { min, label, extra }).collect()
            })
        ],
        score_value(),
        prop_oneof![Just(8.0), 0.5..=24.0],
        prop_oneof![Just(5.0), 0.5..=7.0],
        proptest::option::of(amount(2000.0)),
        extra(),
    )
        .prop_map(
            |(
                (p0, p1, p2, p3, weights_extra),
                partial_credit,
                levels,
                ready_threshold,
                hours_per_day,
                days_per_week,
                blended_daily_rate,
                extra,
            )| Settings {
                priority_weights: PriorityWeights { p0, p1, p2, p3, extra: weights_extra },
                partial_credit,
                levels,
                ready_threshold,
                hours_per_day,
                days_per_week,
                blended_daily_rate,
                extra,
            },
        )
}

fn category() -> impl Strategy<Value = Category> {
    (
        name(),
        prop_oneof![Just(1.0), Just(0.0), amount(5.0)],
        proptest::option::weighted(0.2, score_value()),
        proptest::option::of(score_value()),
        text(),
        extra(),
    )
        .prop_map(|(name, weight, manual_score, target_score, notes, extra)| Category {
            id: String::new(),
            name,
            weight,
            manual_score,
            target_score,
            notes,
            extra,
        })
}

/// The calendar of a gap: its due date, the gaps it depends on (indices,
/// resolved by [`assessment`] among the gaps before it, so that no cycle
/// is made) and its acceptance.
type GapPlan = (Option<String>, Vec<Index>, Option<Acceptance>);

fn gap_plan() -> impl Strategy<Value = GapPlan> {
    (
        proptest::option::weighted(0.3, date()),
        vec(any::<Index>(), 0..3),
        proptest::option::weighted(0.3, (text(), text(), proptest::option::weighted(0.5, date()), extra())),
    )
        .prop_map(|(due, depends, acceptance)| {
            let acceptance = acceptance.map(|(reason, by, expires, extra)| Acceptance { reason, by, expires, extra });
            (due, depends, acceptance)
        })
}

/// A gap; its category, phase and dependencies are indices, resolved by
/// [`assessment`].
fn gap() -> impl Strategy<Value = (Index, Option<Index>, Vec<Index>, Gap)> {
    (
        any::<Index>(),
        proptest::option::weighted(0.7, any::<Index>()),
        gap_plan(),
        (name(), text(), keyword::<Status>(), keyword::<Priority>(), proptest::option::of(keyword::<Severity>())),
        proptest::option::weighted(0.8, (range(40.0), keyword::<EffortUnit>(), extra())),
        (
            text(),
            vec((text(), proptest::option::weighted(0.5, url()), extra()), 0..3),
            vec((text(), any::<bool>(), extra()), 0..5),
            vec(text(), 0..3),
            extra(),
        ),
    )
        .prop_map(
            |(
                category,
                phase,
                (due, depends, acceptance),
                (title, description, status, priority, severity),
                effort,
                (owner, evidence, items, tags, extra),
            )| {
                let gap = Gap {
                    id: String::new(),
                    category: String::new(),
                    title,
                    description,
                    status,
                    priority,
                    severity,
                    effort: effort.map(|((min, max), unit, extra)| Effort { min, max, unit, extra }),
                    owner,
                    evidence: evidence.into_iter().map(|(text, url, extra)| Evidence { text, url, extra }).collect(),
                    phase: None,
                    items: items.into_iter().map(|(text, done, extra)| Item { text, done, extra }).collect(),
                    tags,
                    due,
                    depends_on: Vec::new(),
                    acceptance,
                    extra,
                };
                (category, phase, depends, gap)
            },
        )
}

fn role() -> impl Strategy<Value = Role> {
    // Some roles have no rate yet: unknown, which is not free.
    (name(), proptest::option::weighted(0.8, amount(10_000.0)), extra()).prop_map(|(name, weekly_rate, extra)| Role {
        id: String::new(),
        name,
        weekly_rate,
        extra,
    })
}

/// A phase; its team's roles and the phases it starts after are indices,
/// resolved by [`assessment`] (after phases before it only: no cycle).
fn phase() -> impl Strategy<Value = (Vec<Index>, Option<Vec<Index>>, Phase)> {
    (
        proptest::option::weighted(0.3, vec(any::<Index>(), 0..3)),
        (name(), text(), proptest::option::weighted(0.3, amount(30.0))),
        (range(6.0), extra()),
        vec((any::<Index>(), range(3.0), extra(), extra()), 0..3),
        vec((name(), amount(20_000.0), keyword::<CostKind>(), extra()), 0..3),
        (
            vec((text(), any::<bool>(), proptest::option::weighted(0.3, url()), extra()), 0..2),
            proptest::option::weighted(0.3, range(500_000.0)),
            extra(),
        ),
    )
        .prop_map(
            |(
                after,
                (name, goal, start_week),
                ((min, max), weeks_extra),
                team,
                costs,
                (exit_criteria, stated, extra),
            )| {
                let roles = team.iter().map(|(role, ..)| *role).collect();
                let phase = Phase {
                    id: String::new(),
                    name,
                    goal,
                    start_week,
                    duration_weeks: Range { min, max, extra: weeks_extra },
                    team: team
                        .into_iter()
                        .map(|(_, (min, max), fte_extra, extra)| TeamMember {
                            role: String::new(),
                            fte: Range { min, max, extra: fte_extra },
                            extra,
                        })
                        .collect(),
                    costs: costs
                        .into_iter()
                        .map(|(name, amount, kind, extra)| Cost { name, amount, kind, extra })
                        .collect(),
                    exit_criteria: exit_criteria
                        .into_iter()
                        .map(|(text, met, evidence, extra)| Criterion { text, met, evidence, extra })
                        .collect(),
                    stated_cost: stated.map(|(min, max)| Range::new(min, max)),
                    after: None,
                    extra,
                };
                (roles, after, phase)
            },
        )
}

/// A KPI's value: mostly a number, sometimes words.
fn kpi_value() -> impl Strategy<Value = KpiValue> {
    prop_oneof![3 => (-1e6..1e6f64).prop_map(KpiValue::Number), 1 => name().prop_map(KpiValue::Text)]
}

/// A KPI; its targets' phases are indices, resolved by [`assessment`].
fn kpi() -> impl Strategy<Value = (Vec<Index>, Kpi)> {
    (
        (name(), text(), proptest::option::of(kpi_value()), keyword::<Better>()),
        vec((any::<Index>(), kpi_value(), any::<bool>(), extra()), 0..3),
        extra(),
    )
        .prop_map(|((name, unit, current, better), targets, extra)| {
            let phases = targets.iter().map(|(phase, ..)| *phase).collect();
            let kpi = Kpi {
                id: String::new(),
                name,
                unit,
                current,
                better,
                targets: targets
                    .into_iter()
                    .map(|(_, value, met, extra)| KpiTarget { phase: String::new(), value, met, extra })
                    .collect(),
                extra,
            };
            (phases, kpi)
        })
}

/// A risk; the gaps it links are indices, resolved by [`assessment`].
fn risk() -> impl Strategy<Value = (Vec<Index>, Risk)> {
    (
        (name(), keyword::<Probability>(), keyword::<Impact>(), text(), vec(any::<Index>(), 0..3), extra()),
        (text(), keyword::<RiskStatus>(), proptest::option::of(date())),
    )
        .prop_map(|((title, probability, impact, mitigation, gaps, extra), (owner, status, review_on))| {
            let risk = Risk {
                id: String::new(),
                title,
                probability,
                impact,
                mitigation,
                gaps: vec![],
                owner,
                status,
                review_on,
                extra,
            };
            (gaps, risk)
        })
}

/// A valid assessment: ids numbered per kind, every reference resolved.
pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (name(), name(), text(), proptest::option::of((1970u32..2100, 1u32..=12, 1u32..=28)), vec(name(), 0..3)),
        (
            text(),
            proptest::option::weighted(0.2, score_value()),
            prop_oneof![Just("USD".to_string()), "[A-Z]{3}"],
            proptest::option::weighted(0.2, range(2_000_000.0)),
        ),
        settings(),
        vec(category(), 1..6),
        vec(gap(), 0..30),
        vec(role(), 0..4),
        vec(phase(), 0..5),
        vec(kpi(), 0..3),
        vec(risk(), 0..3),
        (extra(), vec((name(), any::<bool>(), extra()), 0..3), proptest::option::weighted(0.3, date())),
    )
        .prop_map(
            |(
                (id, title, system, date, assessors),
                (summary, stated_overall, currency, stated_total),
                settings,
                categories,
                gaps,
                roles,
                phases,
                kpis,
                risks,
                (extra, scenarios, start_date),
            )| {
                let numbered = |prefix: &str, i: usize| format!("{prefix}{}", i + 1);
                let pick = |index: &Index, prefix: &str, count: usize| numbered(prefix, index.index(count));
                // Ids among the first `count` of a list, each once.
                let earlier = |indices: &[Index], prefix: &str, count: usize| -> Vec<String> {
                    let mut ids: Vec<String> = Vec::new();
                    for index in indices.iter().filter(|_| count > 0) {
                        let id = pick(index, prefix, count);
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    ids
                };
                let mut a = Assessment::new(id, title);
                a.system = system;
                a.assessed_on = date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
                a.assessors = assessors;
                a.summary = summary;
                a.stated_overall = stated_overall;
                a.stated_total = stated_total.map(|(min, max)| Range::new(min, max));
                a.currency = currency;
                a.settings = settings;
                a.extra = extra;
                a.start_date = start_date;
                let (n_categories, n_roles, n_phases, n_gaps) =
                    (categories.len(), roles.len(), phases.len(), gaps.len());
                a.categories =
                    categories.into_iter().enumerate().map(|(i, c)| Category { id: numbered("c", i), ..c }).collect();
                a.roles = roles.into_iter().enumerate().map(|(i, r)| Role { id: numbered("r", i), ..r }).collect();
                a.phases = phases
                    .into_iter()
                    .enumerate()
                    .map(|(i, (team_roles, after, mut p))| {
                        p.id = numbered("p", i);
                        p.after = after.map(|after| earlier(&after, "p", i));
                        if n_roles == 0 {
                            p.team.clear();
                        }
                        for (member, role) in p.team.iter_mut().zip(&team_roles) {
                            member.role = pick(role, "r", n_roles);
                        }
                        p
                    })
                    .collect();
                a.gaps = gaps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (category, phase, depends, g))| Gap {
                        id: numbered("g", i),
                        depends_on: earlier(&depends, "g", i),
                        category: pick(&category, "c", n_categories),
                        phase: phase.filter(|_| n_phases > 0).map(|p| pick(&p, "p", n_phases)),
                        ..g
                    })
                    .collect();
                a.kpis = kpis
                    .into_iter()
                    .enumerate()
                    .map(|(i, (target_phases, mut k))| {
                        k.id = numbered("k", i);
                        if n_phases == 0 {
                            k.targets.clear();
                        }
                        for (target, phase) in k.targets.iter_mut().zip(&target_phases) {
                            target.phase = pick(phase, "p", n_phases);
                        }
                        k
                    })
                    .collect();
                a.risks = risks
                    .into_iter()
                    .enumerate()
                    .map(|(i, (linked, r))| Risk {
                        id: numbered("r", i),
                        gaps: if n_gaps == 0 { vec![] } else { linked.iter().map(|g| pick(g, "g", n_gaps)).collect() },
                        ..r
                    })
                    .collect();
                // Each scenario is the roadmap as generated, its last phase
                // left out when asked, with the gaps of the phases it keeps.
                if !scenarios.is_empty() {
                    a.scenario = Some("Active".to_string());
                }
                a.scenarios = scenarios
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, shorter, extra))| {
                        let mut phases = a.phases.clone();
                        if shorter {
                            phases.pop();
                        }
                        let kept = |p: &String| phases.iter().any(|phase| phase.id == *p);
                        let assignments = a
                            .gaps
                            .iter()
                            .filter_map(|g| g.phase.clone().filter(kept).map(|p| (g.id.clone(), p)))
                            .collect();
                        Scenario {
                            id: numbered("s", i),
                            name: format!("S{} {name}", i + 1),
                            phases,
                            assignments,
                            extra,
                        }
                    })
                    .collect();
                a
            },
        )
}

//! Scores: the worked example of the core issue, number by number, and the
//! scoring rules one by one: the credit of each status, partial gaps with and
//! without checklists, manual overrides and how closing gaps moves them in
//! projections, categories and assessments without a score, levels, blockers,
//! the production-ready verdict with its rounded-overall rule, tiers and
//! projections.
//!
//! Rule cases go through one helper, [`check`]: it builds a small assessment,
//! summarizes it, and compares the parts of the summary a case names, written
//! as `"key value; key value"`, against how the summary renders them.

use gapmap::core::model::{Assessment, Category, Gap, Item, Level, Phase, Priority, Range, Status};
use gapmap::core::numbers::summary::{Bounds, CategorySummary, Summary, TierSummary};
use gapmap::core::{format, summarize};

use Priority::{P0, P1, P2, P3};
use Status::{Accepted, Done, Missing, NotApplicable, Partial};

fn worked_example() -> Summary {
    let assessment = format::load(include_bytes!("fixtures/worked-example.json")).expect("the worked example is valid");
    summarize(&assessment)
}

#[test]
fn worked_example_gives_every_expected_number() {
    let s = worked_example();
    let category = |id: &str, computed: Option<f64>, manual: Option<f64>, score: Option<f64>| {
        (id.to_string(), computed, manual, score)
    };
    let categories: Vec<_> =
        s.categories.iter().map(|c: &CategorySummary| (c.id.clone(), c.computed, c.manual, c.score)).collect();
    assert_eq!(
        categories,
        vec![
            category("security", Some(35.7), None, Some(35.7)),
            category("reliability", Some(83.3), None, Some(83.3)),
            category("testing", Some(0.0), Some(60.0), Some(60.0)),
        ]
    );
    assert_eq!(s.overall, Some(53.7));
    assert_eq!(s.level.as_deref(), Some("MVP"));
    assert_eq!(s.blockers, vec!["g1".to_string()]);
    assert!(!s.production_ready);
    let tiers: Vec<_> = s.tiers.iter().map(|t: &TierSummary| (t.priority, t.done, t.scored)).collect();
    assert_eq!(tiers, vec![(P0, 1, 2), (P1, 1, 3), (P2, 0, 1), (P3, 0, 0)]);

    let b = |min: f64, max: f64| Bounds { min, max };
    assert_eq!(s.effort_days, b(13.5, 21.0));
    assert_eq!(s.labor, Some(b(17000.0, 47000.0)));
    assert_eq!(s.one_off, 8000.0);
    assert_eq!(s.annual, 7200.0);
    assert_eq!(s.total, Some(b(25000.0, 55000.0)));
    assert_eq!(s.bottom_up, Some(b(12150.0, 18900.0)));
    assert_eq!(s.duration_weeks, b(3.0, 5.0));

    let [p1, p2] = s.phases.as_slice() else { panic!("two phases, got {}", s.phases.len()) };
    assert_eq!((p1.id.as_str(), p1.labor), ("p1", Some(b(13000.0, 39000.0))));
    assert_eq!((p1.capacity_days, p1.demand_days), (b(15.0, 45.0), b(8.0, 10.0)));
    // After p1 (g1, g2, g7 done): security 100 × 13/14 = 92.857; reliability
    // 83.333; testing, set by hand to 60 with g7 its only open gap (w 4, c 0),
    // 60 + 40 × 4/4 = 100. Overall (2 × 92.857 + 83.333 + 100) ÷ 4 = 92.26.
    assert_eq!((p1.load.as_str(), p1.projected_overall), ("ok", Some(92.3)));
    assert_eq!((p2.id.as_str(), p2.labor), ("p2", Some(b(4000.0, 8000.0))));
    assert_eq!((p2.capacity_days, p2.demand_days), (b(5.0, 10.0), b(5.5, 11.0)));
    // After p2 (g3, g4 done too): every category at 100.
    assert_eq!((p2.load.as_str(), p2.projected_overall), ("at_risk", Some(100.0)));
}

// ---------------------------------------------------------------------------
// Building small assessments.

/// A gap of `category` with a priority and status; ids are given by [`assessment`].
fn gap(category: &str, priority: Priority, status: Status) -> Gap {
    Gap { priority, status, ..Gap::new("", category, "a gap") }
}

/// A gap with a checklist: `"xx.."` is two items done, two open.
fn checklist(category: &str, priority: Priority, status: Status, items: &str) -> Gap {
    let items = items.chars().map(|c| Item::new("an item", c == 'x')).collect();
    Gap { items, ..gap(category, priority, status) }
}

/// A gap assigned to a phase.
fn in_phase(phase: &str, gap: Gap) -> Gap {
    Gap { phase: Some(phase.to_string()), ..gap }
}

/// A category with a weight and, optionally, a manual score.
fn category(id: &str, weight: f64, manual_score: Option<f64>) -> Category {
    Category { weight, manual_score, ..Category::new(id, id) }
}

/// An assessment of the given categories and gaps, the gaps numbered g1, g2 …
/// in order, and phases p1, p2 … as many as `phases`.
fn assessment(categories: Vec<Category>, gaps: Vec<Gap>, phases: usize) -> Assessment {
    let mut a = Assessment::new("rules", "Rules");
    a.categories = categories;
    a.gaps = gaps.into_iter().enumerate().map(|(i, g)| Gap { id: format!("g{}", i + 1), ..g }).collect();
    a.phases = (1..=phases).map(|i| Phase::new(format!("p{i}"), format!("Phase {i}"), Range::new(1.0, 1.0))).collect();
    a
}

/// One category "c" of weight 1 holding `gaps`.
fn one_category(gaps: Vec<Gap>) -> Assessment {
    assessment(vec![category("c", 1.0, None)], gaps, 0)
}

// ---------------------------------------------------------------------------
// The helper.

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_string(), |v| v.to_string())
}

fn list<T>(values: impl IntoIterator<Item = T>, each: impl Fn(T) -> String) -> String {
    format!("[{}]", values.into_iter().map(each).collect::<Vec<_>>().join(", "))
}

/// How a case names each part of the summary, rendered as it writes them.
fn rendered(s: &Summary, key: &str) -> String {
    match key {
        "computed" => list(&s.categories, |c| score(c.computed)),
        "manual" => list(&s.categories, |c| score(c.manual)),
        "score" => list(&s.categories, |c| score(c.score)),
        "overall" => score(s.overall),
        "level" => s.level.clone().unwrap_or_else(|| "none".to_string()),
        "blockers" => list(&s.blockers, Clone::clone),
        "ready" => s.production_ready.to_string(),
        "tiers" => list(&s.tiers, |t| format!("{} {}/{}", t.priority, t.done, t.scored)),
        "projected" => list(&s.phases, |p| score(p.projected_overall)),
        "after" => list(&s.categories, |c| score(c.projected)),
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
fn each_status_earns_its_credit() {
    check("missing earns nothing", one_category(vec![gap("c", P2, Missing)]), "computed [0]");
    check("done earns everything", one_category(vec![gap("c", P2, Done)]), "computed [100]");
    check("partial without items earns partial_credit", one_category(vec![gap("c", P2, Partial)]), "computed [50]");
    check("accepted is not scored", one_category(vec![gap("c", P2, Accepted)]), "computed [none]");
    check("not applicable is not scored", one_category(vec![gap("c", P2, NotApplicable)]), "computed [none]");
    check(
        "unscored gaps do not dilute the scored ones",
        one_category(vec![gap("c", P0, Done), gap("c", P0, Accepted), gap("c", P0, NotApplicable)]),
        "computed [100]",
    );
}

#[test]
fn partial_credit_comes_from_items_when_there_are_any() {
    let partial = |items: &str| one_category(vec![checklist("c", P2, Partial, items)]);
    check("one of four items", partial("x..."), "computed [25]");
    check("three of four items", partial("xxx."), "computed [75]");
    check("no item done", partial("..."), "computed [0]");
    check("every item done", partial("xx"), "computed [100]");
    check("one of three items", partial("x.."), "computed [33.3]");
    check("items of a done gap do not matter", one_category(vec![checklist("c", P2, Done, "....")]), "computed [100]");
    check(
        "items of a missing gap do not matter",
        one_category(vec![checklist("c", P2, Missing, "xxxx")]),
        "computed [0]",
    );

    let mut a = one_category(vec![gap("c", P2, Partial)]);
    a.settings.partial_credit = 0.25;
    check("partial_credit from settings", a, "computed [25]");
    let mut a = one_category(vec![checklist("c", P2, Partial, "x...")]);
    a.settings.partial_credit = 0.9;
    check("items win over partial_credit", a, "computed [25]");
}

#[test]
fn a_category_weighs_its_gaps_by_priority() {
    // P0 weighs 8 and P3 1: 100 × 1 ÷ 9.
    check("default weights", one_category(vec![gap("c", P0, Missing), gap("c", P3, Done)]), "computed [11.1]");
    check("P1 4 against P2 2", one_category(vec![gap("c", P1, Done), gap("c", P2, Missing)]), "computed [66.7]");
    let mut a = one_category(vec![gap("c", P0, Missing), gap("c", P3, Done)]);
    a.settings.priority_weights.p0 = 1.0;
    check("weights from settings", a, "computed [50]");
    let mut a = one_category(vec![gap("c", P0, Missing), gap("c", P3, Done)]);
    a.settings.priority_weights.p3 = 0.0;
    check("a weight of zero counts for nothing", a, "computed [0]");
}

#[test]
fn a_manual_score_overrides_the_computed_one_now() {
    let categories = || vec![category("a", 1.0, None), category("b", 1.0, Some(60.0))];
    check(
        "manual score counts in the overall",
        assessment(categories(), vec![gap("a", P1, Done), gap("b", P1, Missing)], 0),
        "computed [100, 0]; manual [none, 60]; score [100, 60]; overall 80",
    );
    // b's one open gap is all its open work: 60 + 40 × 4/4 = 100; (100 + 100) ÷ 2.
    check(
        "closing every open gap of an overridden category projects it to 100",
        assessment(categories(), vec![gap("a", P1, Done), in_phase("p1", gap("b", P1, Missing))], 1),
        "overall 80; projected [100]",
    );
    check(
        "a manual score of zero is a score",
        assessment(vec![category("a", 1.0, Some(0.0))], vec![gap("a", P1, Done)], 0),
        "computed [100]; score [0]; overall 0",
    );
    check(
        "a manual score gives a category without gaps a score",
        assessment(vec![category("a", 1.0, Some(42.0))], vec![], 0),
        "computed [none]; score [42]; overall 42",
    );
}

#[test]
fn a_manual_score_moves_with_the_share_of_its_open_work_closed() {
    // The rule: M + (100 − M) × Σ w·(c′ − c) ÷ Σ w·(1 − c), with the default
    // weights P0 8, P1 4, P2 2, P3 1.
    let manual = |m: f64| vec![category("m", 1.0, Some(m))];
    check(
        "M 40; a P0 gap in p1 and a P2 gap in p2, both missing",
        assessment(
            manual(40.0),
            vec![in_phase("p1", gap("m", P0, Missing)), in_phase("p2", gap("m", P2, Missing)), gap("m", P1, Done)],
            2,
        ),
        // Open work 8 + 2 = 10. After p1: 40 + 60 × 8/10 = 88; after p2: 40 + 60 × 10/10.
        "score [40]; overall 40; projected [88, 100]; after [100]",
    );
    check(
        "the same beside a computed category of weight 3 at 50",
        assessment(
            vec![category("m", 1.0, Some(40.0)), category("a", 3.0, None)],
            vec![
                in_phase("p1", gap("m", P0, Missing)),
                in_phase("p2", gap("m", P2, Missing)),
                gap("a", P1, Done),
                gap("a", P1, Missing),
            ],
            2,
        ),
        // Now (40 + 3 × 50) ÷ 4 = 47.5; after p1 (88 + 150) ÷ 4 = 59.5; after p2 (100 + 150) ÷ 4 = 62.5.
        "overall 47.5; projected [59.5, 62.5]; after [100, 50]",
    );
    check(
        "M with no open gap stays M",
        assessment(manual(40.0), vec![in_phase("p1", gap("m", P1, Done)), in_phase("p1", gap("m", P0, Accepted))], 1),
        "computed [100]; score [40]; projected [40]; after [40]",
    );
    check("M with no gap at all stays M", assessment(manual(40.0), vec![], 1), "projected [40]; after [40]");
    check(
        "a partial gap with a checklist closes only its open part",
        assessment(manual(40.0), vec![in_phase("p1", checklist("m", P1, Partial, "x...")), gap("m", P2, Missing)], 1),
        // Open work 4 × 3/4 + 2 × 1 = 5; p1 closes 3 of it: 40 + 60 × 3/5 = 76.
        "projected [76]; after [76]",
    );
    check(
        "gaps outside the roadmap keep the projection below 100",
        assessment(manual(0.0), vec![in_phase("p1", gap("m", P1, Missing)), gap("m", P1, Missing)], 1),
        // 0 + 100 × 4/8.
        "score [0]; projected [50]",
    );
    check(
        "M 100 stays 100",
        assessment(manual(100.0), vec![in_phase("p1", gap("m", P1, Missing))], 1),
        "projected [100]",
    );
}

#[test]
fn the_overall_is_the_weighted_mean_of_categories_that_have_a_score() {
    check(
        "weights 2 and 1",
        assessment(
            vec![category("a", 2.0, None), category("b", 1.0, None)],
            vec![gap("a", P1, Done), gap("b", P1, Missing)],
            0,
        ),
        "overall 66.7",
    );
    check(
        "a category with no scored gap has no score and does not count",
        assessment(
            vec![category("a", 1.0, None), category("b", 5.0, None), category("c", 5.0, None)],
            vec![gap("a", P1, Done), gap("b", P1, Accepted)],
            0,
        ),
        "computed [100, none, none]; score [100, none, none]; overall 100",
    );
    check(
        "no category has a score: no overall, no level, not ready",
        assessment(vec![category("a", 1.0, None)], vec![gap("a", P1, NotApplicable)], 0),
        "overall none; level none; ready false",
    );
    check("no category at all", assessment(vec![], vec![], 0), "overall none; level none; ready false; blockers []");
    check(
        "a category of weight zero does not move the overall",
        assessment(
            vec![category("a", 1.0, None), category("b", 0.0, None)],
            vec![gap("a", P1, Done), gap("b", P1, Missing)],
            0,
        ),
        "score [100, 0]; overall 100",
    );
}

/// One category with a manual score of `overall`, and no gaps: the overall is that score.
fn scoring(overall: f64) -> Assessment {
    assessment(vec![category("a", 1.0, Some(overall))], vec![], 0)
}

#[test]
fn the_level_is_the_highest_one_reached() {
    for (overall, level) in [
        (100.0, "Enterprise-ready"),
        (90.0, "Enterprise-ready"),
        (89.9, "Production-ready"),
        (75.0, "Production-ready"),
        (74.9, "MVP"),
        (50.0, "MVP"),
        (49.9, "Prototype"),
        (0.0, "Prototype"),
        // The level reads the overall as shown: 89.96 shows as 90.0.
        (89.96, "Enterprise-ready"),
    ] {
        check(&format!("overall {overall}"), scoring(overall), &format!("level {level}"));
    }

    let level = |min: f64, label: &str| Level { min, label: label.to_string(), extra: Default::default() };
    let mut a = scoring(60.0);
    a.settings.levels = vec![level(10.0, "Low"), level(80.0, "High"), level(55.0, "Middle")];
    check("levels in any order", a, "level Middle");
    let mut a = scoring(5.0);
    a.settings.levels = vec![level(10.0, "Low"), level(80.0, "High")];
    check("below every level", a, "overall 5; level none");
}

#[test]
fn blockers_are_open_p0_gaps() {
    check(
        "P0 missing and partial block; done, accepted, not applicable and P1 do not",
        one_category(vec![
            gap("c", P0, Missing),
            gap("c", P0, Partial),
            gap("c", P0, Done),
            gap("c", P0, Accepted),
            gap("c", P0, NotApplicable),
            gap("c", P1, Missing),
            checklist("c", P0, Partial, "xxx."),
        ]),
        "blockers [g1, g2, g7]",
    );
}

#[test]
fn production_ready_needs_the_threshold_and_no_blocker() {
    check("exactly the threshold", scoring(75.0), "ready true");
    check("above it", scoring(99.0), "ready true");
    check("just below it", scoring(74.9), "ready false");
    // The verdict reads the overall as shown, so that a displayed 75.0 is never "not ready".
    check("74.95 shows as 75.0", scoring(74.95), "overall 75; ready true");
    check("74.94 shows as 74.9", scoring(74.94), "overall 74.9; ready false");
    let mut a = scoring(85.0);
    a.settings.ready_threshold = 90.0;
    check("threshold from settings", a, "ready false; level Production-ready");
    check(
        "a blocker stops a high score",
        assessment(vec![category("a", 1.0, Some(95.0))], vec![gap("a", P0, Missing)], 0),
        "overall 95; blockers [g1]; ready false",
    );
    check(
        "an accepted P0 gap does not block",
        assessment(vec![category("a", 1.0, Some(95.0))], vec![gap("a", P0, Accepted)], 0),
        "blockers []; ready true",
    );
}

#[test]
fn tiers_count_done_and_scored_gaps_per_priority() {
    check(
        "unscored gaps are left out",
        one_category(vec![
            gap("c", P0, Done),
            gap("c", P0, Missing),
            gap("c", P0, Accepted),
            gap("c", P1, Partial),
            gap("c", P1, NotApplicable),
            gap("c", P2, Done),
            gap("c", P2, Done),
        ]),
        "tiers [P0 1/2, P1 0/1, P2 2/2, P3 0/0]",
    );
    check("no gaps", one_category(vec![]), "tiers [P0 0/0, P1 0/0, P2 0/0, P3 0/0]");
}

#[test]
fn each_phase_projects_the_overall_once_it_and_the_ones_before_are_done() {
    let gaps = vec![
        in_phase("p1", gap("a", P1, Missing)),
        in_phase("p2", gap("a", P1, Partial)),
        gap("a", P1, Missing),
        in_phase("p3", gap("a", P1, Accepted)),
    ];
    // Now: 0 + 0.5 + 0 over three scored gaps.
    check(
        "cumulative; unassigned and unscored gaps never count",
        assessment(vec![category("a", 1.0, None)], gaps, 3),
        "overall 16.7; projected [50, 66.7, 66.7]",
    );
    check(
        "a phase that closes nothing projects the score so far",
        assessment(vec![category("a", 1.0, None)], vec![in_phase("p2", gap("a", P1, Missing))], 3),
        "projected [0, 100, 100]",
    );
    check(
        "no category has a score: no projection either",
        assessment(vec![category("a", 1.0, None)], vec![], 2),
        "projected [none, none]",
    );
}

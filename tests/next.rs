//! What to do next (`core::numbers::next`): each open gap's gain, worked out by hand
//! on small assessments (a partial gap with a checklist, a category scored
//! by hand, gaps that are not applicable or accepted and gain nothing,
//! efforts unknown or zero), and the cheapest path to ready (blockers first,
//! gaps of unknown effort, out of reach, ready already, the rounded
//! threshold), and the terms each gain is explained by (the category's
//! rate times the gap's open work) with the overall it would reach. Then
//! properties over generated assessments: a gap's gain is
//! the rise of the projected overall when it alone is closed; gains add up,
//! the path's to the rise the core projects with its gaps closed (and,
//! without scores stated by hand, to the rise of the overall with its gaps
//! done, which the summary then calls production-ready); a gain's terms
//! give the gain listed; and with up to 15
//! open gaps, the path's effort is the least found by trying every subset.
//!
//! Cases go through one helper, [`check`]: it builds a small assessment,
//! asks the core what to do next, and compares the parts a case names,
//! written as `"key value; key value"`, with how the summary rounds them.

use proptest::prelude::*;
use proptest::sample::subsequence;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use gapmap::core::decimal::one_decimal;
use gapmap::core::model::{Assessment, Category, Effort, EffortUnit, Gap, Item, Phase, Priority, Range, Status};
use gapmap::core::numbers::next::{self, path::midpoint};
use gapmap::core::numbers::{cost, score};
use gapmap::core::summarize;

mod support;

use EffortUnit::{Days, Hours, Weeks};
use Priority::{P0, P1, P2};
use Status::{Accepted, Done, Missing, NotApplicable, Partial};

// ---------------------------------------------------------------------------
// Building small assessments.

/// A gap of `category` with a priority, a status and an effort (`None`: not stated).
fn gap(category: &str, priority: Priority, status: Status, effort: Option<(f64, f64, EffortUnit)>) -> Gap {
    let effort = effort.map(|(min, max, unit)| Effort::new(min, max, unit));
    Gap { priority, status, effort, ..Gap::new("", category, "a gap") }
}

/// A partial gap with a checklist: `"x..."` is one item done of four.
fn checklist(category: &str, priority: Priority, items: &str, effort: (f64, f64, EffortUnit)) -> Gap {
    let items = items.chars().map(|c| Item::new("an item", c == 'x')).collect();
    Gap { items, ..gap(category, priority, Partial, Some(effort)) }
}

/// A category of weight 1, optionally scored by hand.
fn category(id: &str, manual_score: Option<f64>) -> Category {
    Category { manual_score, ..Category::new(id, id) }
}

/// An assessment of the given categories and gaps, numbered g1, g2 … in order.
fn assessment(categories: Vec<Category>, gaps: Vec<Gap>) -> Assessment {
    let mut a = Assessment::new("next", "Next");
    a.categories = categories;
    a.gaps = gaps.into_iter().enumerate().map(|(i, g)| Gap { id: format!("g{}", i + 1), ..g }).collect();
    a
}

/// One category "c" holding `gaps`.
fn one_category(gaps: Vec<Gap>) -> Assessment {
    assessment(vec![category("c", None)], gaps)
}

const ONE_DAY: Option<(f64, f64, EffortUnit)> = Some((1.0, 1.0, Days));

// ---------------------------------------------------------------------------
// The helper.

fn or_none<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "none".to_string(), |v| v.to_string())
}

/// How a case names each part, rendered as the summary rounds it.
fn rendered(a: &Assessment, s: &next::NextSummary, key: &str) -> String {
    let path = &s.path_to_ready;
    let each = |f: &dyn Fn(&next::GainSummary) -> String| {
        format!("[{}]", s.gains.iter().map(|g| format!("{} {}", g.id, f(g))).collect::<Vec<_>>().join(", "))
    };
    match key {
        // Each gain's terms as `id rate×open work=gain`, in quick-win order,
        // with the weight and credit of the open work, and `by hand` when its
        // category's score is stated.
        "terms" => each(&|g| {
            let index = a.gaps.iter().position(|gap| gap.id == g.id).expect("a listed gap");
            let t = next::gain_terms(a, index).expect("the terms of a listed gap");
            assert_eq!(t.hand_scored, g.hand_scored, "{}: scored by hand", g.id);
            let by_hand = if t.hand_scored { " by hand" } else { "" };
            format!("{}×{}={} w{} c{}{by_hand}", t.rate, t.open_work, t.gain, t.weight, t.credit)
        }),
        // The overall each gap alone would reach.
        "reaches" => each(&|g| or_none(g.overall_after)),
        // Each gain as `id gain/per-day`, in quick-win order.
        "gains" => format!(
            "[{}]",
            s.gains
                .iter()
                .map(|g| format!("{} {}/{}", g.id, g.gain, or_none(g.gain_per_day)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "overall" => or_none(s.overall),
        "possible" => path.possible.to_string(),
        "path" => format!("[{}]", path.gaps.join(", ")),
        "effort" => path.effort_days.map_or("unknown".to_string(), |e| format!("{}–{}", e.min, e.max)),
        "unknown" => format!("[{}]", path.unknown_effort.join(", ")),
        "after" => or_none(path.overall_after),
        "proven" => path.proven_minimal.to_string(),
        other => panic!("no part is called {other:?}"),
    }
}

/// Asks the core what to do next about `input` and compares each `key
/// value` of `expected` (separated by `;`) with its rendering.
#[track_caller]
fn check(case: &str, input: Assessment, expected: &str) {
    let summary = next::summarize(&input);
    for part in expected.split(';').map(str::trim) {
        let (key, value) = part.split_once(' ').unwrap_or((part, ""));
        assert_eq!(rendered(&input, &summary, key), value, "{case}: {key}");
    }
}

// ---------------------------------------------------------------------------
// Gains.

#[test]
fn each_open_gap_gains_the_rise_it_alone_would_bring() {
    // Weights P0 8, P1 4, P2 2. Now: (4 × 0.25 + 4) ÷ 8 = 62.5. Closing g1
    // adds 4 × 0.75 = 3 of the 8: 37.5 points, over 2 days.
    check(
        "a partial gap with a checklist gains its open part",
        one_category(vec![checklist("c", P1, "x...", (2.0, 2.0, Days)), gap("c", P1, Done, ONE_DAY)]),
        "overall 62.5; gains [g1 37.5/18.75]; terms [g1 12.5×3=37.5 w4 c0.25]; reaches [g1 100]",
    );
    // Category a (computed, 50 now) and m (set to 40 by hand), weight 1 each:
    // the overall moves half as much as either. a: g1 is 4 of 8, 100 × 4/8 ÷ 2
    // = 25. m: open work 8 + 2 = 10, so g3 gains 60 × 8/10 ÷ 2 = 24 (over 4
    // days) and g4 60 × 2/10 ÷ 2 = 6 (over 16 hours, 2 days).
    check(
        "a category with a stated score",
        assessment(
            vec![category("a", None), category("m", Some(40.0))],
            vec![
                gap("a", P1, Missing, ONE_DAY),
                gap("a", P1, Done, None),
                gap("m", P0, Missing, Some((3.0, 5.0, Days))),
                gap("m", P2, Missing, Some((16.0, 16.0, Hours))),
            ],
        ),
        "overall 45; gains [g1 25/25, g3 24/6, g4 6/3]; reaches [g1 70, g3 69, g4 51]; \
         terms [g1 6.25×4=25 w4 c0, g3 3×8=24 w8 c0 by hand, g4 3×2=6 w2 c0 by hand]",
    );
    // Only g1 and g4 are scored: g1 gains 100 × 4/8.
    check(
        "not applicable, accepted and done gaps gain nothing and are not listed",
        one_category(vec![
            gap("c", P1, Missing, ONE_DAY),
            gap("c", P0, NotApplicable, ONE_DAY),
            gap("c", P0, Accepted, ONE_DAY),
            gap("c", P1, Done, ONE_DAY),
        ]),
        "overall 50; gains [g1 50/50]; path [g1]",
    );
    // Weights 4, 2, 4 of 10: gains 40, 20, 40; g1 has no effort.
    check(
        "unknown effort comes last, with no gain per day",
        one_category(vec![
            gap("c", P1, Missing, None),
            gap("c", P2, Missing, Some((1.0, 3.0, Days))),
            gap("c", P1, Missing, Some((4.0, 4.0, Hours))),
        ]),
        "gains [g3 40/80, g2 20/10, g1 40/none]",
    );
    // g1 takes 0 days: first, its gain per day would be infinite. 100 × 4/12 and 100 × 8/12.
    check(
        "a gap of no effort comes first",
        one_category(vec![gap("c", P1, Missing, Some((0.0, 0.0, Days))), gap("c", P0, Missing, ONE_DAY)]),
        "gains [g1 33.33/none, g2 66.67/66.667]",
    );
    let mut a = one_category(vec![gap("c", P1, Missing, ONE_DAY), gap("c", P2, Missing, Some((1.0, 1.0, Weeks)))]);
    a.settings.priority_weights.p1 = 0.0;
    // The P1 gap weighs nothing: it gains nothing; g2 is all of the category.
    check("a gap of weight zero gains nothing", a, "gains [g2 100/20, g1 0/0]");
    let mut a = one_category(vec![gap("c", P1, Missing, ONE_DAY)]);
    a.settings.priority_weights.p1 = 0.0;
    check("no overall: nothing to gain, ready out of reach", a, "overall none; gains [g1 0/0]; possible false");
    check(
        "a gap of a category that does not exist is not listed",
        assessment(vec![category("c", None)], vec![gap("c", P1, Missing, ONE_DAY), gap("x", P1, Missing, ONE_DAY)]),
        "gains [g1 100/100]",
    );
}

#[test]
fn only_a_listed_gap_has_terms() {
    let a = one_category(vec![
        gap("c", P1, Missing, ONE_DAY),
        gap("c", P1, Done, ONE_DAY),
        gap("c", P1, Accepted, ONE_DAY),
        gap("x", P1, Missing, ONE_DAY),
    ]);
    let listed: Vec<Option<String>> = (0..6).map(|i| next::gain_terms(&a, i).map(|t| t.id)).collect();
    assert_eq!(listed, [Some("g1".to_string()), None, None, None, None, None]);
}

// ---------------------------------------------------------------------------
// The path.

#[test]
fn the_path_closes_the_blockers_then_the_cheapest_gaps_that_reach_the_threshold() {
    // The stated-score example above: the blocker g3 lifts 45 to 69; 5.95 more
    // are needed for 74.95 (75 as shown). g1 (25, 1 day) beats g4 (6, 2 days).
    check(
        "blockers first, then the cheapest cover",
        assessment(
            vec![category("a", None), category("m", Some(40.0))],
            vec![
                gap("a", P1, Missing, ONE_DAY),
                gap("a", P1, Done, None),
                gap("m", P0, Missing, Some((3.0, 5.0, Days))),
                gap("m", P2, Missing, Some((16.0, 16.0, Hours))),
            ],
        ),
        "possible true; path [g1, g3]; effort 4–6; after 94; proven true",
    );
    // Weights 4, 4, 2 of 10: gains 40, 40, 20. To reach 74.95, g1 + g3 and
    // g2 + g3 (60) fall short; g1 + g2 (80) takes 8 days, all three 9. g3, the
    // best gain per day, is not in the path.
    check(
        "the least effort, not the best gain per day",
        one_category(vec![
            gap("c", P1, Missing, Some((5.0, 5.0, Days))),
            gap("c", P1, Missing, Some((3.0, 3.0, Days))),
            gap("c", P2, Missing, ONE_DAY),
        ]),
        "path [g1, g2]; effort 8–8; after 80",
    );
    // Gains 40, 20, 40 of which g1's effort is unknown. Known gaps give at
    // most 60: g1 is needed, and then g3 (40, half a day) is the cheapest rest.
    check(
        "a gap of unknown effort when the others cannot reach",
        one_category(vec![
            gap("c", P1, Missing, None),
            gap("c", P2, Missing, Some((1.0, 3.0, Days))),
            gap("c", P1, Missing, Some((4.0, 4.0, Hours))),
        ]),
        "possible true; path [g1, g3]; effort unknown; unknown [g1]; after 80",
    );
    // The P0 alone gives 100 × 8/12 = 66.67 ≥ 49.95; its effort is unknown.
    let mut a = one_category(vec![gap("c", P0, Missing, None), gap("c", P1, Missing, ONE_DAY)]);
    a.settings.ready_threshold = 50.0;
    check("a blocker of unknown effort", a, "path [g1]; effort unknown; unknown [g1]; after 66.7");
    // m is 40 by hand with nothing open: at best (40 + 100) ÷ 2 = 70 < 75.
    check(
        "out of reach: a stated score with no open gap caps the overall",
        assessment(
            vec![category("m", Some(40.0)), category("a", None)],
            vec![gap("m", P1, Done, None), gap("a", P1, Missing, ONE_DAY), gap("a", P2, Missing, None)],
        ),
        "overall 20; possible false; path [g2, g3]; unknown [g3]; after 70; proven false",
    );
    check(
        "ready already",
        assessment(vec![category("m", Some(80.0))], vec![gap("m", P1, Missing, ONE_DAY)]),
        "possible true; path []; effort 0–0; after 80",
    );
    // The summary rounds the overall before comparing: 74.95 shows as 75.0.
    check("74.95 is ready at 75", assessment(vec![category("m", Some(74.95))], vec![]), "possible true; path []");
    check("74.94 is not", assessment(vec![category("m", Some(74.94))], vec![]), "possible false; after 74.9");
    check(
        "a blocker stops a high score, and is the path",
        assessment(vec![category("m", Some(95.0))], vec![gap("m", P0, Missing, Some((2.0, 3.0, Days)))]),
        "possible true; path [g1]; effort 2–3; after 100",
    );
}

// ---------------------------------------------------------------------------
// Properties.

/// Within 10⁻²⁰ of a point: gains and rescoring divide in different orders,
/// and a decimal keeps 28 digits.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 20)
}

/// The overall the core projects once the gaps at `indices` are closed: a
/// copy of `a` whose roadmap is one phase holding those gaps alone. (Setting
/// them done would not do: a score stated by hand stays as stated now; the
/// projection is where closing gaps moves it.)
fn projected(a: &Assessment, indices: &[usize]) -> Option<Decimal> {
    let mut closing = a.clone();
    closing.phases = vec![Phase::new("closing", "Closing", Range::new(1.0, 1.0))];
    for (i, gap) in closing.gaps.iter_mut().enumerate() {
        gap.phase = indices.contains(&i).then(|| "closing".to_string());
    }
    score::scores(&closing).projected[0]
}

/// The overall the core computes with the gaps at `indices` set to done.
fn overall_with_done(a: &Assessment, indices: &[usize]) -> Option<Decimal> {
    score::scores(&with_done(a, indices)).overall
}

fn with_done(a: &Assessment, indices: &[usize]) -> Assessment {
    let mut done = a.clone();
    for &i in indices {
        done.gaps[i].status = Done;
    }
    done
}

/// The rise of the overall the core projects when the gaps at `indices` are closed.
fn rise(a: &Assessment, indices: &[usize]) -> Decimal {
    let now = score::scores(a).overall;
    projected(a, indices).zip(now).map_or(Decimal::ZERO, |(after, now)| after - now)
}

/// Generated assessments with their ready threshold set between the overall
/// now and the most it can reach, so that paths have something to choose.
fn with_threshold() -> impl Strategy<Value = Assessment> {
    (support::generate::assessment(), 0.0..=1.0f64).prop_map(|(mut a, share)| {
        let now = score::scores(&a).overall.unwrap_or_default();
        let every: Vec<usize> = (0..a.gaps.len()).collect();
        let most = projected(&a, &every).unwrap_or_default();
        let threshold = now + (most - now) * Decimal::from_f64(share).unwrap_or_default();
        a.settings.ready_threshold = threshold.round_dp(3).to_f64().unwrap_or(75.0);
        a
    })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_gain_is_the_rise_of_the_overall_when_its_gap_alone_is_closed(a in support::generate::assessment()) {
        for g in next::gains(&a) {
            let rise = rise(&a, &[g.index]);
            prop_assert!(close(g.gain, rise), "{}: gain {} against rise {rise}", g.id, g.gain);
        }
    }

    #[test]
    fn a_gains_terms_give_the_gain_listed(a in support::generate::assessment()) {
        let summary = next::summarize(&a);
        let mut with_terms = 0;
        for index in 0..a.gaps.len() {
            if let Some(terms) = next::gain_terms(&a, index) {
                with_terms += 1;
                let listed = summary.gains.iter().find(|g| g.id == terms.id).expect("a gap with terms is listed");
                prop_assert_eq!(terms.gain, listed.gain);
            }
        }
        prop_assert_eq!(with_terms, summary.gains.len());
    }

    #[test]
    fn gains_add_up(a in support::generate::assessment(), pick in subsequence((0..30).collect::<Vec<usize>>(), 0..30)) {
        let gains = next::gains(&a);
        let chosen: Vec<&next::Gain> = gains.iter().filter(|g| pick.contains(&g.index)).collect();
        let sum: Decimal = chosen.iter().map(|g| g.gain).sum();
        let indices: Vec<usize> = chosen.iter().map(|g| g.index).collect();
        let rise = rise(&a, &indices);
        prop_assert!(close(sum, rise), "Σ gains {sum} against rise {rise}");
    }

    #[test]
    fn closing_the_path_raises_the_overall_by_its_gains_and_makes_it_ready(a in with_threshold()) {
        let next = next::next(&a);
        let path = &next.path;
        let sum: Decimal = next.gains.iter().filter(|g| path.gaps.contains(&g.index)).map(|g| g.gain).sum();
        let rise = rise(&a, &path.gaps);
        prop_assert!(close(sum, rise), "Σ gains {sum} against the projected rise {rise}");
        let after = projected(&a, &path.gaps).map(one_decimal);
        prop_assert_eq!(path.overall_after.map(one_decimal), after);
        let ready = after.is_some_and(|o| o >= a.settings.ready_threshold);
        prop_assert_eq!(ready && score::blockers(&with_done(&a, &path.gaps)).next().is_none(), path.possible);

        // Without scores stated by hand, the projection is the overall of the
        // assessment with the path's gaps done, and the summary's verdict.
        let mut computed = a.clone();
        for category in &mut computed.categories {
            category.manual_score = None;
        }
        let next = next::next(&computed);
        let path = &next.path;
        let sum: Decimal = next.gains.iter().filter(|g| path.gaps.contains(&g.index)).map(|g| g.gain).sum();
        let now = score::scores(&computed).overall;
        let rise = overall_with_done(&computed, &path.gaps).zip(now).map_or(Decimal::ZERO, |(after, now)| after - now);
        prop_assert!(close(sum, rise), "Σ gains {sum} against the rise {rise} with the path done");
        let closed = summarize(&with_done(&computed, &path.gaps));
        prop_assert_eq!(closed.production_ready, path.possible);
        prop_assert_eq!(path.overall_after.map(one_decimal), closed.overall);
    }

    #[test]
    fn the_path_takes_the_least_effort_of_every_subset(a in with_threshold()) {
        let open = a.gaps.iter().filter(|g| g.status.is_open()).count();
        prop_assume!(open <= 15);
        let next = next::next(&a);
        let path = &next.path;
        match least_effort_by_every_subset(&a, &next) {
            Some(least) => {
                prop_assert!(path.possible);
                prop_assert!(path.proven_minimal);
                let effort = midpoint(path.effort);
                prop_assert!(close(effort, least), "path {effort} days against {least} by every subset");
            }
            // Not even every gap of known effort reaches the threshold: the
            // path needs a gap of unknown effort, or is out of reach.
            None => prop_assert!(!path.possible || path.unknown_effort.iter().any(|&i| a.gaps[i].priority != Priority::P0)),
        }
    }
}

/// The least Σ effort midpoint (person-days) of the open gaps with a stated
/// effort that, with every blocker, make the overall as shown reach the
/// threshold; `None` when no subset does.
fn least_effort_by_every_subset(a: &Assessment, next: &next::Next) -> Option<Decimal> {
    let now = next.overall?;
    let days = |i: usize| a.gaps[i].effort.as_ref().map(|e| midpoint(cost::effort_days(e, &a.settings)));
    let blockers: Vec<&next::Gain> = next.gains.iter().filter(|g| score::is_blocker(&a.gaps[g.index])).collect();
    let base_gain: Decimal = blockers.iter().map(|g| g.gain).sum();
    // Blockers of unknown effort count for nothing here, as in the path.
    let base_days: Decimal =
        score::blockers(a).filter_map(|g| g.effort.as_ref()).map(|e| midpoint(cost::effort_days(e, &a.settings))).sum();
    let optional: Vec<(Decimal, Decimal)> = next
        .gains
        .iter()
        .filter(|g| !score::is_blocker(&a.gaps[g.index]))
        .filter_map(|g| Some((g.gain, days(g.index)?)))
        .collect();
    let threshold = a.settings.ready_threshold;
    (0u32..1 << optional.len())
        .filter_map(|mask| {
            let chosen = optional.iter().enumerate().filter(|(k, _)| mask & (1 << k) != 0).map(|(_, item)| item);
            let (gain, days) = chosen.fold((base_gain, base_days), |(g, d), &(gain, days)| (g + gain, d + days));
            (one_decimal((now + gain).min(Decimal::ONE_HUNDRED)) >= threshold).then_some(days)
        })
        .min()
}

//! Comparing two states (`core::numbers::compare`), on pairs made from the worked
//! example: each kind of change on its own (status, priority, effort,
//! phase, owner, checklist, category, title; gaps added and removed; an id
//! reused for another gap; a category removed with its gaps; phases added,
//! removed and re-timed; KPIs; settings; another assessment), texts that a
//! comparison ignores, and two identical states, whose comparison is empty.
//!
//! Each case lists every change the comparison reports, as lines that
//! [`describe`] writes from it, so that a change reported where none was
//! made fails as surely as one missed. The numbers are the worked
//! example's, worked out by hand in each case's comment.

use gapmap::core::format;
use gapmap::core::model::{
    Assessment, Better, Category, Criterion, EffortUnit, Evidence, Gap, Item, Kpi, KpiValue, Phase, Priority, Range,
    Status,
};
use gapmap::core::numbers::compare::{compare, compare_under_current, Comparison, KpiMovement, Presence};
use gapmap::core::numbers::summary::Bounds;
use gapmap::core::summarize;

const CANONICAL: &str = include_str!("fixtures/worked-example.json");

fn worked_example() -> Assessment {
    format::load(CANONICAL.as_bytes()).expect("the worked example loads")
}

fn score(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{v:.1}"))
}

fn bounds(value: Option<Bounds>) -> String {
    value.map_or("—".to_string(), |b| format!("{}–{}", b.min, b.max))
}

/// Every change a comparison reports, one line each; nothing for what did
/// not change.
fn describe(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    if c.different_assessments() {
        out.push(format!("assessment {} → {}", c.ids.before, c.ids.after));
    }
    if c.overall.is_changed() {
        out.push(format!("overall {} → {}", score(c.overall.before), score(c.overall.after)));
    }
    if c.level.is_changed() {
        out.push(format!("level {:?} → {:?}", c.level.before, c.level.after));
    }
    if c.production_ready.is_changed() {
        out.push(format!("ready {} → {}", c.production_ready.before, c.production_ready.after));
    }
    for category in c.categories.iter().filter(|k| k.is_changed()) {
        let presence = match category.presence {
            Presence::Added => " added",
            Presence::Removed => " removed",
            Presence::Both => "",
        };
        out.push(format!("category {}{presence} {} → {}", category.id, score(category.before), score(category.after)));
    }
    out.extend(c.blockers.opened.iter().map(|g| format!("blocker opened {}", g.id)));
    out.extend(c.blockers.closed.iter().map(|g| format!("blocker closed {}", g.id)));
    out.extend(c.gaps.added.iter().map(|g| format!("gap added {}", g.id)));
    out.extend(c.gaps.removed.iter().map(|g| format!("gap removed {}", g.id)));
    for change in &c.gaps.changed {
        let fields: Vec<&str> = change.fields.iter().map(|f| f.as_str()).collect();
        out.push(format!("gap changed {}: {}", change.id, fields.join(", ")));
    }
    for phase in c.phases.iter().filter(|p| p.is_changed()) {
        let what = match phase.presence() {
            Presence::Added => "added".to_string(),
            Presence::Removed => "removed".to_string(),
            Presence::Both => {
                let mut what = Vec::new();
                if phase.is_retimed() {
                    what.push("retimed");
                }
                if phase.is_recosted() {
                    what.push("recosted");
                }
                if phase.is_restaffed() {
                    what.push("restaffed");
                }
                what.join(", ")
            }
        };
        out.push(format!("phase {} {what}", phase.id));
    }
    if c.total.is_changed() {
        out.push(format!("total {} → {}", bounds(c.total.before), bounds(c.total.after)));
    }
    if c.duration_weeks.is_changed() {
        out.push(format!("duration {} → {}", bounds(c.duration_weeks.before), bounds(c.duration_weeks.after)));
    }
    if c.settings_changed {
        let under = c.rescored.as_ref().expect("rescored when the settings differ");
        out.push(format!(
            "settings changed; under the after settings {} → {}",
            score(under.under_after.before),
            score(under.under_after.after)
        ));
    } else {
        assert_eq!(c.rescored, None, "rescored only when the settings differ");
    }
    for kpi in c.kpis.iter().filter(|k| k.is_changed()) {
        out.push(format!("kpi {} {:?} → {:?} {:?}", kpi.id, kpi.current.before, kpi.current.after, kpi.movement()));
    }
    out
}

/// Compares the worked example, as `edit` leaves the two copies of it
/// (before, after), and checks every change reported.
#[track_caller]
fn check(edit: fn(&mut Assessment, &mut Assessment), expected: &[&str]) {
    let (mut before, mut after) = (worked_example(), worked_example());
    edit(&mut before, &mut after);
    let comparison = compare(&before, &after);
    assert_eq!(describe(&comparison), expected);
    assert_eq!(comparison.is_empty(), expected.is_empty(), "is_empty agrees");
}

fn gap<'a>(a: &'a mut Assessment, id: &str) -> &'a mut Gap {
    a.gaps.iter_mut().find(|g| g.id == id).expect("a gap of the worked example")
}

#[test]
fn two_identical_states_compare_empty() {
    check(|_, _| {}, &[]);
    let a = worked_example();
    let c = compare(&a, &a);
    assert!(c.categories.iter().all(|k| k.presence == Presence::Both && k.before == k.after));
    assert_eq!(c.categories.len(), 3, "every category is listed, changed or not");
    assert_eq!(c.phases.len(), 2, "every phase is listed, changed or not");
}

#[test]
fn each_field_of_a_gap_on_its_own() {
    // Security: g1 (P0, weight 8) done: (8 + 4 + 2 × 0.5) / 14 = 92.9;
    // overall (2 × 92.86 + 83.33 + 60) / 4 = 82.3; the only blocker closes.
    check(
        |_, a| gap(a, "g1").status = Status::Done,
        &[
            "overall 53.7 → 82.3",
            "level Some(\"MVP\") → Some(\"Production-ready\")",
            "ready false → true",
            "category security 35.7 → 92.9",
            "blocker closed g1",
            "gap changed g1: status",
        ],
    );
    // Testing has a manual score, so raising g7 to P0 changes no score; it
    // opens a blocker.
    check(|_, a| gap(a, "g7").priority = Priority::P0, &["blocker opened g7", "gap changed g7: priority"]);
    check(|_, a| gap(a, "g7").effort.as_mut().unwrap().unit = EffortUnit::Days, &["gap changed g7: effort"]);
    check(|_, a| gap(a, "g4").phase = Some("p1".into()), &["gap changed g4: phase"]);
    check(|_, a| gap(a, "g2").owner = "Ada".into(), &["gap changed g2: owner"]);
    // g3 goes from 2 of 4 items done to 3: security (4 + 2 × 0.75) / 14 = 39.3,
    // overall (2 × 39.29 + 83.33 + 60) / 4 = 55.5.
    check(
        |_, a| gap(a, "g3").items[2].done = true,
        &["overall 53.7 → 55.5", "category security 35.7 → 39.3", "gap changed g3: checklist"],
    );
    // g2 (P1, done) moves to reliability: security (0 + 2 × 0.5) / 10 = 10,
    // reliability (4 + 2 + 8) / 16 = 87.5, overall (20 + 87.5 + 60) / 4 = 41.9.
    check(
        |_, a| gap(a, "g2").category = "reliability".into(),
        &[
            "overall 53.7 → 41.9",
            "level Some(\"MVP\") → Some(\"Prototype\")",
            "category security 35.7 → 10.0",
            "category reliability 83.3 → 87.5",
            "gap changed g2: category",
        ],
    );
    check(|_, a| gap(a, "g5").title = "Rate limits".into(), &["gap changed g5: title"]);
    // Several fields at once are listed in one order, whatever the edit's.
    check(
        |_, a| {
            let g = gap(a, "g5");
            g.owner = "Ada".into();
            g.status = Status::Accepted;
        },
        &["gap changed g5: status, owner"],
    );
}

#[test]
fn texts_a_comparison_does_not_read_change_nothing() {
    check(
        |_, a| {
            a.summary = "New summary".into();
            a.system = "Payments".into();
            a.categories[0].notes = "Notes".into();
            a.phases[0].goal = "A goal".into();
            a.phases[0].exit_criteria = vec![Criterion::new("No P0 open")];
            let g = gap(a, "g3");
            g.description = "Described".into();
            g.evidence = vec![Evidence::new("https://example.com", None)];
            g.tags = vec!["auth".into()];
            g.items[0].text = "renamed item".into();
        },
        &[],
    );
}

#[test]
fn gaps_added_and_removed() {
    // A missing P3 gap in reliability: (2 + 8) / 13 = 76.9; overall
    // (71.43 + 76.92 + 60) / 4 = 52.1.
    check(
        |_, a| a.gaps.push(Gap { priority: Priority::P3, ..Gap::new("g8", "reliability", "Backups") }),
        &["overall 53.7 → 52.1", "category reliability 83.3 → 76.9", "gap added g8"],
    );
    // Testing's manual score stands without g7.
    check(|_, a| a.gaps.retain(|g| g.id != "g7"), &["gap removed g7"]);
    // A blocker deleted is a blocker no more.
    check(
        |_, a| a.gaps.retain(|g| g.id != "g1"),
        &[
            "overall 53.7 → 77.5",
            "level Some(\"MVP\") → Some(\"Production-ready\")",
            "ready false → true",
            "category security 35.7 → 83.3",
            "blocker closed g1",
            "gap removed g1",
        ],
    );
}

#[test]
fn an_id_reused_for_another_gap_is_that_gap_changed() {
    // g5 (not applicable, so unscored) now names another gap in another
    // category: one change, whose title and category both show.
    check(
        |_, a| {
            let g = gap(a, "g5");
            g.title = "Rate limits".into();
            g.category = "security".into();
        },
        &["gap changed g5: category, title"],
    );
    let (before, mut after) = (worked_example(), worked_example());
    gap(&mut after, "g5").title = "Rate limits".into();
    let c = compare(&before, &after);
    let change = &c.gaps.changed[0];
    assert_eq!((change.before.title.as_str(), change.after.title.as_str()), ("g5", "Rate limits"));
}

#[test]
fn a_category_removed_with_its_gaps() {
    // Without testing (manual 60) and g7: (2 × 35.71 + 83.33) / 3 = 51.6.
    check(
        |_, a| {
            a.categories.retain(|c| c.id != "testing");
            a.gaps.retain(|g| g.category != "testing");
        },
        &["overall 53.7 → 51.6", "category testing removed 60.0 → —", "gap removed g7"],
    );
    check(|_, a| a.categories.push(Category::new("ops", "Operations")), &["category ops added — → —"]);
}

#[test]
fn the_roadmap() {
    // Hardening from 1–2 weeks to 2–4: one engineer at 4,000 a week costs
    // 8,000–16,000 instead of 4,000–8,000, and the roadmap ends at 4–7.
    check(
        |_, a| a.phases[1].duration_weeks = Range::new(2.0, 4.0),
        &["phase p2 retimed, recosted", "total 25000–55000 → 29000–63000", "duration 3–5 → 4–7"],
    );
    // Starting Blockers at week 1 moves Hardening too.
    check(|_, a| a.phases[0].start_week = Some(1.0), &["phase p1 retimed", "phase p2 retimed", "duration 3–5 → 4–6"]);
    check(
        |_, a| a.phases[1].team[0].fte = Range::new(2.0, 2.0),
        &["phase p2 recosted, restaffed", "total 25000–55000 → 29000–63000"],
    );
    check(
        |_, a| a.phases.push(Phase::new("p3", "Scale", Range::new(1.0, 1.0))),
        &["phase p3 added", "duration 3–5 → 4–6"],
    );
    // Without Hardening (and its gaps unassigned): Blockers alone costs
    // 13,000–39,000 of labor and 8,000 once, and ends at 2–3.
    check(
        |_, a| {
            a.phases.truncate(1);
            for g in &mut a.gaps {
                g.phase = g.phase.take().filter(|p| p != "p2");
            }
        },
        &[
            "gap changed g3: phase",
            "gap changed g4: phase",
            "phase p2 removed",
            "total 25000–55000 → 21000–47000",
            "duration 3–5 → 2–3",
        ],
    );
    // No roadmap at all has no total and no duration.
    check(
        |_, a| {
            a.phases.clear();
            for g in &mut a.gaps {
                g.phase = None;
            }
        },
        &[
            "gap changed g1: phase",
            "gap changed g2: phase",
            "gap changed g3: phase",
            "gap changed g4: phase",
            "gap changed g7: phase",
            "phase p1 removed",
            "phase p2 removed",
            "total 25000–55000 → —",
            "duration 3–5 → —",
        ],
    );
}

fn mttr(current: Option<f64>) -> Kpi {
    Kpi {
        id: "k1".into(),
        name: "MTTR".into(),
        unit: "hours".into(),
        current: current.map(KpiValue::Number),
        better: Better::Lower,
        targets: Vec::new(),
        extra: Default::default(),
    }
}

#[test]
fn kpis() {
    check(
        |b, a| {
            b.kpis.push(mttr(Some(12.0)));
            a.kpis.push(mttr(Some(4.0)));
        },
        &["kpi k1 Some(12.0) → Some(4.0) Improved"],
    );
    check(
        |b, a| {
            b.kpis.push(mttr(Some(4.0)));
            a.kpis.push(Kpi { better: Better::Higher, ..mttr(Some(2.0)) });
        },
        &["kpi k1 Some(4.0) → Some(2.0) Worsened"],
    );
    check(|_, a| a.kpis.push(mttr(None)), &["kpi k1 None → None Unknown"]);
    check(|b, _| b.kpis.push(mttr(Some(1.0))), &["kpi k1 Some(1.0) → None Unknown"]);
    check(
        |b, a| {
            b.kpis.push(mttr(Some(4.0)));
            a.kpis.push(mttr(Some(4.0)));
        },
        &[],
    );
    let (mut before, mut after) = (worked_example(), worked_example());
    before.kpis.push(mttr(Some(4.0)));
    after.kpis.push(mttr(Some(4.0)));
    assert_eq!(compare(&before, &after).kpis[0].movement(), KpiMovement::Unchanged);
}

#[test]
fn settings_changed() {
    // P0 weighs 1 instead of 8: security (4 + 1) / 7 = 71.4, reliability
    // (2 + 1) / 5 = 60, overall (142.86 + 60 + 60) / 4 = 65.7. Under the
    // after settings, before scores the same 65.7: the rules made the change.
    check(
        |_, a| a.settings.priority_weights.p0 = 1.0,
        &[
            "overall 53.7 → 65.7",
            "category security 35.7 → 71.4",
            "category reliability 83.3 → 60.0",
            "settings changed; under the after settings 65.7 → 65.7",
        ],
    );
    // The same, with g1 done too: security (1 + 4 + 1) / 7 = 85.7, overall
    // 72.9; under the after settings the work moved 65.7 → 72.9.
    check(
        |_, a| {
            a.settings.priority_weights.p0 = 1.0;
            gap(a, "g1").status = Status::Done;
        },
        &[
            "overall 53.7 → 72.9",
            "category security 35.7 → 85.7",
            "category reliability 83.3 → 60.0",
            "blocker closed g1",
            "gap changed g1: status",
            "settings changed; under the after settings 65.7 → 72.9",
        ],
    );
    // Settings that change no score still differ.
    check(|_, a| a.settings.hours_per_day = 7.5, &["settings changed; under the after settings 53.7 → 53.7"]);
}

#[test]
fn two_states_with_other_settings_than_now_are_also_scored_under_the_current_ones() {
    // Before: the worked example (P0 weighs 8); after: P0 weighs 1 and g1
    // is done (72.9, see above); now: P0 weighs 4, the rule both are also
    // scored under, each as `summarize` scores it under that rule.
    let before = worked_example();
    let mut after = worked_example();
    after.settings.priority_weights.p0 = 1.0;
    gap(&mut after, "g1").status = Status::Done;
    let mut current = after.settings.clone();
    current.priority_weights.p0 = 4.0;
    let c = compare_under_current(&before, "2025-01-01", &after, "2025-01-01", &current);
    let rescored = c.rescored.expect("the sides' settings differ");
    let under = rescored.under_current.expect("now's settings are neither side's");
    let overall_under = |a: &Assessment| {
        let mut a = a.clone();
        a.settings = current.clone();
        summarize(&a).overall
    };
    assert_eq!((under.before, under.after), (overall_under(&before), overall_under(&after)));
    assert_ne!(under.before, rescored.under_after.before, "another rule, another score");
    assert_eq!(c.overall, compare(&before, &after).overall, "the comparison itself is the same");
    // When now's settings are the "after" side's, that row is the one shown already.
    let c = compare_under_current(&before, "2025-01-01", &after, "2025-01-01", &after.settings);
    assert_eq!(c.rescored.unwrap().under_current, None);
    // Sides with the same settings: nothing rescored at all.
    let c = compare_under_current(&before, "2025-01-01", &before, "2025-01-01", &current);
    assert_eq!(c.rescored, None);
}

#[test]
fn another_assessment_is_flagged() {
    check(|_, a| a.id = "billing".into(), &["assessment worked-example → billing"]);
}

#[test]
fn a_file_with_repeated_ids_compares_by_the_first_and_does_not_panic() {
    // A second g1 (scored: security 5 / 22 = 22.7, overall 47.2, below MVP) is not a
    // change of g1; a gap with an empty id in no category is added.
    check(
        |_, a| {
            let twin = Gap { title: "A second g1".into(), ..a.gaps[0].clone() };
            a.gaps.push(twin);
            a.gaps.push(Gap { items: vec![Item::new("x", true)], ..Gap::new("", "nowhere", "") });
        },
        &[
            "overall 53.7 → 47.2",
            "level Some(\"MVP\") → Some(\"Prototype\")",
            "category security 35.7 → 22.7",
            "gap added ",
        ],
    );
}

#[test]
fn the_json_has_exactly_the_contracts_keys() {
    let (before, mut after) = (worked_example(), worked_example());
    gap(&mut after, "g1").status = Status::Done;
    after.gaps.push(Gap::new("g8", "testing", "Load tests"));
    after.gaps.retain(|g| g.id != "g5");
    let json = serde_json::to_value(compare(&before, &after)).unwrap();
    let expected = serde_json::json!({
        "overall": {"before": 53.7, "after": 82.3},
        "level": {"before": "MVP", "after": "Production-ready"},
        "categories": [
            {"id": "security", "before": 35.7, "after": 92.9},
            {"id": "reliability", "before": 83.3, "after": 83.3},
            {"id": "testing", "before": 60.0, "after": 60.0}
        ],
        "blockers": {"opened": [], "closed": ["g1"]},
        "gaps": {"added": ["g8"], "removed": ["g5"], "changed": [{"id": "g1", "fields": ["status"]}]},
        "total": {"before": {"min": 25000.0, "max": 55000.0}, "after": {"min": 25000.0, "max": 55000.0}},
        "duration_weeks": {"before": {"min": 3.0, "max": 5.0}, "after": {"min": 3.0, "max": 5.0}},
        "settings_changed": false
    });
    assert_eq!(json, expected);
}

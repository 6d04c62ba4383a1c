//! The portfolio's roll-up (`core::numbers::portfolio`) and its exports:
//! categories matched by id and by name (and by the user's mappings), the
//! weakest categories, unknown rates kept unknown in the totals, systems
//! without a roadmap, when readiness is projected, filters, sorting, and
//! the CSV's escaping of formulas.

use gapmap::core::export::portfolio::{csv, markdown, totals_lines};
use gapmap::core::model::{
    Assessment, Category, Cost, CostKind, Effort, EffortUnit, Gap, Phase, Priority, Range, Role, Status, TeamMember,
};
use gapmap::core::numbers::portfolio::{
    sort, CategoryMapping, Column, Filter, MismatchKind, Portfolio, PortfolioEntry, ReadyWhen,
};
use gapmap::core::numbers::summary::Bounds;

/// An assessment of `system` whose categories (id, name, manual score) are given.
fn system(id: &str, categories: &[(&str, &str, Option<f64>)]) -> Assessment {
    let mut a = Assessment::new(id, format!("Readiness of {id}"));
    a.system = id.to_string();
    a.categories = categories
        .iter()
        .map(|&(cid, name, score)| Category { manual_score: score, ..Category::new(cid, name) })
        .collect();
    a
}

fn entries(assessments: &[Assessment]) -> Vec<PortfolioEntry> {
    assessments.iter().map(|a| PortfolioEntry::of(a, None)).collect()
}

/// What the heat map of some systems is expected to be: its columns
/// (id, name), each row's cells, and the mismatches (kind, system, category id).
struct Heat {
    columns: Vec<(&'static str, &'static str)>,
    cells: Vec<Vec<Option<Option<f64>>>>,
    mismatches: Vec<(MismatchKind, &'static str, &'static str)>,
}

fn check(systems: &[Assessment], mappings: &[(&str, &str)], expected: Heat) {
    let mappings: Vec<CategoryMapping> =
        mappings.iter().map(|&(from, to)| CategoryMapping { from: from.into(), to: to.into() }).collect();
    let p = Portfolio::of(&entries(systems), &Filter::default(), &mappings);
    let columns: Vec<(&str, &str)> = p.heat_map.columns.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    assert_eq!(columns, expected.columns);
    assert_eq!(p.heat_map.cells, expected.cells);
    let mismatches: Vec<(MismatchKind, &str, &str)> =
        p.heat_map.mismatches.iter().map(|m| (m.kind, m.system.as_str(), m.id.as_str())).collect();
    assert_eq!(mismatches, expected.mismatches);
}

#[test]
fn categories_match_by_id_then_by_name_and_by_mappings() {
    use MismatchKind::*;
    let a = system("a", &[("sec", "Security", Some(40.0)), ("rel", "Reliability", Some(80.0))]);
    // Same ids; one with another name for "rel".
    let b = system("b", &[("sec", "Security", Some(60.0)), ("rel", "Resilience", None)]);
    // Same names, other ids (case and spaces differ too); a category of its own.
    let c = system("c", &[("security", "security ", Some(70.0)), ("ops", "Operations", Some(10.0))]);
    check(
        &[a.clone(), b.clone()],
        &[],
        Heat {
            columns: vec![("sec", "Security"), ("rel", "Reliability")],
            cells: vec![vec![Some(Some(40.0)), Some(Some(80.0))], vec![Some(Some(60.0)), Some(None)]],
            mismatches: vec![(SameIdDifferentName, "b", "rel")],
        },
    );
    check(
        &[a.clone(), c.clone()],
        &[],
        Heat {
            columns: vec![("sec", "Security"), ("rel", "Reliability"), ("ops", "Operations")],
            cells: vec![vec![Some(Some(40.0)), Some(Some(80.0)), None], vec![Some(Some(70.0)), None, Some(Some(10.0))]],
            mismatches: vec![(SameNameDifferentId, "c", "security")],
        },
    );
    // The user maps "ops" into "rel" and "security" into "sec": no mismatch is left.
    check(
        &[a, c],
        &[("ops", "rel"), ("security", "sec")],
        Heat {
            columns: vec![("sec", "Security"), ("rel", "Reliability")],
            cells: vec![vec![Some(Some(40.0)), Some(Some(80.0))], vec![Some(Some(70.0)), Some(Some(10.0))]],
            mismatches: vec![],
        },
    );
    // Nothing at all.
    check(&[], &[], Heat { columns: vec![], cells: vec![], mismatches: vec![] });
}

/// A P0 gap, open, in `category`, closed by `phase`.
fn blocker(id: &str, category: &str, phase: Option<&str>) -> Gap {
    Gap { priority: Priority::P0, phase: phase.map(str::to_string), owner: "Ana".into(), ..Gap::new(id, category, id) }
}

#[test]
fn the_weakest_categories_are_those_that_hold_back_most_systems() {
    // a: not ready (security 40 < 75); b: not ready (a blocker in reliability, which scores 90);
    // c: ready, so nothing holds it back even with a low category.
    let a = system("a", &[("sec", "Security", Some(40.0)), ("rel", "Reliability", Some(80.0))]);
    let mut b = system("b", &[("sec", "Security", Some(90.0)), ("rel", "Reliability", Some(90.0))]);
    b.gaps.push(blocker("b1", "rel", None));
    let mut c = system("c", &[("sec", "Security", Some(100.0)), ("rel", "Reliability", Some(100.0))]);
    c.categories.push(Category { manual_score: Some(20.0), weight: 0.0, ..Category::new("doc", "Docs") });
    let p = Portfolio::of(&entries(&[a, b, c]), &Filter::default(), &[]);
    // Name, systems held back, systems with it, mean score, lowest score.
    type Weak<'a> = (&'a str, usize, usize, Option<f64>, Option<f64>);
    let weakest: Vec<Weak> =
        p.weakest.iter().map(|w| (w.column.name.as_str(), w.held_back, w.systems, w.mean, w.lowest)).collect();
    assert_eq!(
        weakest,
        [
            // Security and Reliability each hold back one system; Security's mean is lower.
            ("Security", 1, 3, Some(76.7), Some(40.0)),
            ("Reliability", 1, 3, Some(90.0), Some(80.0)),
            ("Docs", 0, 1, Some(20.0), Some(20.0)),
        ]
    );
    assert_eq!(p.blockers.len(), 1);
    assert_eq!((p.blockers[0].system.as_str(), p.blockers[0].blocker.owner.as_str()), ("b", "Ana"));
}

/// A roadmap of two phases of 4–6 and 8–10 weeks; the team is one
/// engineer whose rate is `rate`.
fn with_roadmap(mut a: Assessment, rate: Option<f64>) -> Assessment {
    a.roles = vec![Role { weekly_rate: rate, ..Role::new("eng", "Engineer", 0.0) }];
    for (id, weeks) in [("p1", (4.0, 6.0)), ("p2", (8.0, 10.0))] {
        let mut phase = Phase::new(id, id.to_uppercase(), Range::new(weeks.0, weeks.1));
        phase.team = vec![TeamMember::new("eng", Range::new(1.0, 1.0))];
        a.phases.push(phase);
    }
    a
}

#[test]
fn unknown_rates_stay_unknown_in_the_totals_and_the_known_part_is_said() {
    let priced = with_roadmap(system("a", &[("sec", "Security", None)]), Some(1000.0));
    let unpriced = with_roadmap(system("b", &[("sec", "Security", None)]), None);
    let mut euros = with_roadmap(system("c", &[("sec", "Security", None)]), Some(500.0));
    euros.currency = "EUR".into();
    let p = Portfolio::of(&entries(&[priced, unpriced, euros]), &Filter::default(), &[]);
    assert_eq!(p.rows[1].total, None);
    assert_eq!(p.rows[1].unknown_rates, ["Engineer"]);
    let usd = &p.totals.money[0];
    assert_eq!((usd.currency.as_str(), usd.systems, usd.labor, usd.total), ("USD", 2, None, None));
    assert_eq!(usd.known_total, Bounds { min: 12000.0, max: 16000.0 });
    assert_eq!(usd.unknown, ["b"]);
    // Another currency is never added to dollars.
    let eur = &p.totals.money[1];
    assert_eq!((eur.currency.as_str(), eur.total), ("EUR", Some(Bounds { min: 6000.0, max: 8000.0 })));
    let report = markdown(&p);
    assert!(report.contains("Total (USD): unknown: 1 system lacks rates (known part $12,000–$16,000)"), "{report}");
    assert!(!report.contains("Total (USD): $"), "{report}");
    // Labor's known part is labor alone (here all of the known total: no one-off cost).
    assert!(report.contains("Labor (USD): unknown: 1 system lacks rates (known part $12,000–$16,000)"), "{report}");
}

#[test]
fn the_known_part_of_unknown_labor_is_labor_alone() {
    let mut priced = with_roadmap(system("a", &[("sec", "Security", None)]), Some(1000.0));
    priced.phases[0].costs = vec![Cost::new("Licence", 5000.0, CostKind::OneOff)];
    let unpriced = with_roadmap(system("b", &[("sec", "Security", None)]), None);
    let p = Portfolio::of(&entries(&[priced, unpriced]), &Filter::default(), &[]);
    let lines = totals_lines(&p.totals);
    assert!(
        lines.contains(&"Labor: unknown: 1 system lacks rates (known part $12,000–$16,000)".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"One-off: $5,000".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"Total: unknown: 1 system lacks rates (known part $17,000–$21,000)".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_system_without_a_roadmap_has_no_cost_yet_not_a_cost_of_zero() {
    let planned = with_roadmap(system("a", &[("sec", "Security", None)]), Some(1000.0));
    let mut unplanned = system("b", &[("sec", "Security", None)]);
    unplanned.gaps.push(Gap { effort: Some(Effort::new(2.0, 3.0, EffortUnit::Days)), ..Gap::new("g", "sec", "g") });
    let p = Portfolio::of(&entries(&[planned, unplanned]), &Filter::default(), &[]);
    assert_eq!(Column::Total.text(&p.rows[1]), "no roadmap");
    assert_eq!(p.rows[1].money_total(), None);
    let usd = &p.totals.money[0];
    // Its money is not summed (as 0 or otherwise); its effort is.
    assert_eq!(usd.total, Some(Bounds { min: 12000.0, max: 16000.0 }));
    assert_eq!(usd.no_roadmap, ["b"]);
    assert_eq!(p.totals.effort_days, Bounds { min: 2.0, max: 3.0 });
    let lines = totals_lines(&p.totals);
    assert!(
        lines.contains(&"Not counted: 1 system without a roadmap, so without a cost yet (b)".to_string()),
        "{lines:?}"
    );
    let report = markdown(&p);
    assert!(report.contains("| b | no roadmap | no roadmap | no roadmap | no roadmap | — |"), "{report}");
    assert!(csv(&p).contains(",no roadmap,"), "{}", csv(&p));
    // Sorted by total cost, it goes last either way, as an unknown cost does.
    let mut rows = p.rows.clone();
    for descending in [false, true] {
        sort(&mut rows, Column::Total, descending);
        assert_eq!(rows[1].id, "b");
    }
}

#[test]
fn readiness_waits_for_every_phase_before_it_and_has_a_calendar_quarter_with_a_start_date() {
    // p1 runs weeks 0–20 beside p2 (weeks 0–1, after nothing): the
    // blocker is in p2, the other gap in p1; ready once both have ended.
    let mut a = system("a", &[("sec", "Security", None)]);
    a.gaps.push(blocker("g1", "sec", Some("p2")));
    a.gaps.push(Gap { priority: Priority::P1, phase: Some("p1".into()), ..Gap::new("g2", "sec", "g2") });
    a.phases = vec![Phase::new("p1", "Long", Range::new(20.0, 20.0)), Phase::new("p2", "Short", Range::new(1.0, 1.0))];
    a.phases[1].after = Some(vec![]);
    let entry = PortfolioEntry::of(&a, None);
    assert_eq!(
        entry.ready_when,
        ReadyWhen::Projected { phase: "Short".into(), week: Bounds { min: 20.0, max: 20.0 }, quarter: 2, date: None }
    );
    assert_eq!(Column::ReadyWhen.text(&entry), "Q2 (week 20, after Short)");
    // From a start date: the last day of week 20, in that year's quarter.
    a.start_date = Some("2026-01-05".into());
    let dated = PortfolioEntry::of(&a, None);
    assert_eq!(dated.ready_when.date(), Some("2026-05-24"));
    assert_eq!(Column::ReadyWhen.text(&dated), "2026 Q2 (by 2026-05-24, after Short)");
    // Two systems planned from different days order by their dates.
    let mut later = a.clone();
    later.id = "b".into();
    later.system = "b".into();
    later.start_date = Some("2026-11-02".into());
    let mut rows = entries(&[later, a]);
    assert_eq!(Column::ReadyWhen.text(&rows[0]), "2027 Q1 (by 2027-03-21, after Short)");
    sort(&mut rows, Column::ReadyWhen, false);
    assert_eq!(rows.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn readiness_is_projected_per_phase_or_said_to_be_out_of_reach() {
    // Two gaps of one category: the P0 in p2, the other in p1.
    let make = |p0_phase: Option<&str>, other_phase: Option<&str>, roadmap: bool| {
        let mut a = system("a", &[("sec", "Security", None)]);
        a.gaps.push(blocker("g1", "sec", p0_phase));
        a.gaps.push(Gap {
            priority: Priority::P1,
            phase: other_phase.map(str::to_string),
            ..Gap::new("g2", "sec", "g2")
        });
        if roadmap {
            a = with_roadmap(a, Some(1.0));
        }
        PortfolioEntry::of(&a, None)
    };
    let cases = [
        // Both gaps closed by p1 (weeks 4–6): ready in the first quarter.
        (
            make(Some("p1"), Some("p1"), true),
            ReadyWhen::Projected { phase: "P1".into(), week: Bounds { min: 4.0, max: 6.0 }, quarter: 1, date: None },
        ),
        // The blocker waits for p2 (weeks 12–16): the second quarter.
        (
            make(Some("p2"), Some("p1"), true),
            ReadyWhen::Projected { phase: "P2".into(), week: Bounds { min: 12.0, max: 16.0 }, quarter: 2, date: None },
        ),
        // The blocker is in no phase: never within the roadmap.
        (make(None, Some("p1"), true), ReadyWhen::NotWithinRoadmap),
        (make(Some("p1"), Some("p1"), false), ReadyWhen::NoRoadmap),
    ];
    for (entry, expected) in cases {
        assert_eq!(entry.ready_when, expected);
    }
    let no_roadmap = make(None, None, false);
    assert_eq!(Column::Duration.text(&no_roadmap), "no roadmap");
    assert_eq!(Column::ReadyWhen.text(&no_roadmap), "no roadmap");
    let mut done = system("d", &[("sec", "Security", None)]);
    done.gaps.push(Gap { status: Status::Done, ..Gap::new("g", "sec", "g") });
    assert_eq!(PortfolioEntry::of(&done, None).ready_when, ReadyWhen::Now);
}

#[test]
fn filters_choose_by_tag_and_system_and_sorting_keeps_missing_values_last() {
    let mut a = system("a", &[("sec", "Security", Some(50.0))]);
    a.tags = vec!["payments".into()];
    let mut b = system("b", &[("sec", "Security", None)]);
    b.tags = vec!["platform".into()];
    b.gaps = vec![blocker("b1", "sec", None), blocker("b2", "sec", None)];
    let mut c = system("c", &[("sec", "Security", Some(90.0))]);
    c.tags = vec!["payments".into(), "platform".into()];
    let all = entries(&[a, b, c]);
    let chosen = |tags: &[&str], systems: &[&str]| {
        let filter = Filter {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            systems: systems.iter().map(|t| t.to_string()).collect(),
        };
        Portfolio::of(&all, &filter, &[]).rows.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(chosen(&[], &[]), ["a", "b", "c"]);
    assert_eq!(chosen(&["payments"], &[]), ["a", "c"]);
    assert_eq!(chosen(&["platform"], &["a", "b"]), ["b"]);
    assert_eq!(Portfolio::of(&all, &Filter::default(), &[]).tags, ["payments", "platform"]);

    let order = |column: Column, descending: bool| {
        let mut rows = all.clone();
        sort(&mut rows, column, descending);
        rows.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    // b's category has no manual score and both its gaps are missing: it scores 0.
    assert_eq!(order(Column::Blockers, true), ["b", "a", "c"]);
    assert_eq!(order(Column::Blockers, false), ["a", "c", "b"]);
    assert_eq!(order(Column::Overall, true), ["c", "a", "b"]);
    assert_eq!(order(Column::Change, true), ["a", "b", "c"], "no milestone anywhere: the order stays");
}

#[test]
fn the_csv_escapes_formulas_and_says_unknown_costs_in_words() {
    let mut a = with_roadmap(system("=HYPERLINK(\"x\")", &[("sec", "Security", None)]), None);
    a.title = "+cmd".into();
    let p = Portfolio::of(&entries(&[a]), &Filter::default(), &[]);
    let text = csv(&p);
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(cell("System"), "'=HYPERLINK(\"x\")");
    assert_eq!(cell("Title"), "'+cmd");
    assert_eq!(cell("Total cost"), "unknown — no rate for Engineer");
    assert_eq!(cell("Rates missing for"), "Engineer");
}

#[test]
fn tags_are_optional_and_a_file_without_them_saves_byte_for_byte() {
    let old = include_str!("fixtures/worked-example.json");
    let a = gapmap::core::format::load(old.as_bytes()).unwrap();
    assert!(a.tags.is_empty());
    assert_eq!(gapmap::core::format::save(&a), old);
    let mut tagged = a.clone();
    tagged.tags = vec!["payments".into(), "tier-1".into()];
    let text = gapmap::core::format::save(&tagged);
    assert!(text.contains("\"tags\": [\n    \"payments\",\n    \"tier-1\"\n  ]"), "{text}");
    let back = gapmap::core::format::load(text.as_bytes()).unwrap();
    assert_eq!(back, tagged);
    // The numbers are those of the file without tags.
    assert_eq!(gapmap::core::summarize(&back), gapmap::core::summarize(&a));
}

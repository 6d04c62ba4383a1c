//! The Markdown importer on document shapes written for these tests
//! (`tests/fixtures/markdown/`): a cost table by phase with ranges in K and
//! M and a total investment line; roadmap tasks that restate findings, and
//! markers in titles; a team named in team lines and again in a rate table,
//! with rates per week, per month and per hour; a KPI table whose cells are
//! words. Every figure the tests expect is worked out from the fixture, in
//! the comment beside it. Last, the round trip: the Markdown report of each
//! import imports again with the same stated costs, rates and KPI values.

use gapmap::core::export::markdown::report;
use gapmap::core::import::markdown::import;
use gapmap::core::import::Import;
use gapmap::core::model::{Assessment, Better, Gap, KpiValue, Priority, Status};
use gapmap::core::numbers::rates;
use gapmap::core::{summarize, validate};

fn fixture(name: &str) -> Import {
    let path = format!("{}/tests/fixtures/markdown/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let imported = import(&text);
    assert_eq!(validate(&imported.assessment), vec![], "{name} imports valid");
    assert!(imported.report.warnings.is_empty(), "{name}: {:?}", imported.report.warnings);
    imported
}

fn gap<'a>(a: &'a Assessment, title: &str) -> &'a Gap {
    a.gaps.iter().find(|g| g.title == title).unwrap_or_else(|| panic!("no gap {title:?}"))
}

fn category_of<'a>(a: &'a Assessment, gap: &Gap) -> &'a str {
    a.category(&gap.category).map_or("", |c| c.name.as_str())
}

fn phase_of<'a>(a: &'a Assessment, gap: &Gap) -> &'a str {
    gap.phase.as_deref().and_then(|p| a.phase(p)).map_or("", |p| p.name.as_str())
}

/// A range as `(min, max)`.
fn ends(range: Option<&gapmap::core::model::Range>) -> Option<(f64, f64)> {
    range.map(|r| (r.min, r.max))
}

#[test]
fn a_cost_table_by_phase_in_k_and_m_and_a_total_investment_line() {
    let imported = fixture("cost-table-by-phase.md");
    let a = &imported.assessment;
    assert_eq!(a.currency, "EUR");
    let stated: Vec<(&str, Option<(f64, f64)>)> =
        a.phases.iter().map(|p| (p.name.as_str(), ends(p.stated_cost.as_ref()))).collect();
    assert_eq!(
        stated,
        [
            ("Foundations", Some((90_000.0, 100_000.0))),
            ("Scale Out", Some((1_500_000.0, 1_600_000.0))),
            ("Polish", Some((18_000.0, 22_000.0))),
        ]
    );
    // The line and the table's total row state the same total: no warning.
    assert_eq!(ends(a.stated_total.as_ref()), Some((1_610_000.0, 1_720_000.0)));
    assert!(!a.summary.contains("Total investment"), "read in full, not kept as text");
    // No rate is stated: the labor is unknown, and says for which roles.
    let s = summarize(a);
    assert_eq!(s.total, None);
    assert_eq!(s.labor_unknown_rates, ["Platform engineers", "SRE", "Security engineer"]);

    // The rates that reproduce the stated costs: phase 3 is 4 weeks of one
    // platform engineer for €20K, so €5,000 a week; phase 1, 6 weeks of two
    // of them and one SRE for €95K, leaves €35K for 6 SRE-weeks, €5,833;
    // phase 2, 40 weeks of 4, 2 and 1, leaves €283.3K for 40 security-weeks.
    let fit = rates::fit(a);
    let proposed: Vec<Option<f64>> = fit.rates.iter().map(|r| r.proposed).collect();
    assert_eq!(proposed, [Some(5000.0), Some(5833.0), Some(7083.0)]);
    assert!(fit.phases.iter().all(|p| p.miss.is_some_and(|m| m.abs() < 0.001)), "{:?}", fit.phases);
    assert_eq!(fit.notes, []);
}

#[test]
fn roadmap_tasks_that_restate_findings_are_those_findings() {
    let imported = fixture("cost-table-by-phase.md");
    let a = &imported.assessment;
    // Five findings, six tasks; three tasks restate a finding and are it.
    assert_eq!(a.gaps.len(), 5 + 6 - 3);
    let rate_limiting = gap(a, "No rate limiting on public endpoints");
    assert_eq!(phase_of(a, rate_limiting), "Foundations");
    // The task's marker `(P0)` and effort are the finding's now.
    assert_eq!(rate_limiting.priority, Priority::P0);
    assert_eq!(rate_limiting.effort.as_ref().map(|e| e.max), Some(3.0));
    assert!(rate_limiting.description.contains("Roadmap task: Add rate limiting"));
    assert_eq!(phase_of(a, gap(a, "Secrets kept in environment files")), "Foundations");
    assert_eq!(phase_of(a, gap(a, "No regional failover")), "Scale Out");
    // Each link is a guess of the report, with both lines: the task's
    // (line 28) and the finding's (line 13).
    let link = imported.report.guessed.iter().find(|n| n.message.contains("\"Add rate limiting\"")).unwrap();
    assert_eq!(link.line, 28);
    assert!(link.message.contains("(line 13)"), "{}", link.message);
    assert!(!a.gaps.iter().any(|g| g.title == "Add rate limiting"), "no second gap");

    // Markers are taken out of titles: `[BLOCKER]` is P0, `(in progress)` partial.
    assert_eq!(gap(a, "Secrets kept in environment files").priority, Priority::P0);
    assert_eq!(gap(a, "Backups taken but never restored").status, Status::Partial);

    // A task that restates nothing goes to the category its words name, made
    // when the document has none; one whose words name no area goes to a
    // catch-all category that weighs nothing in the overall score.
    assert_eq!(category_of(a, gap(a, "Write the incident runbook")), "Operations");
    assert_eq!(category_of(a, gap(a, "Add load tests")), "Performance");
    let newsletter = gap(a, "Quarterly stakeholder newsletter");
    assert_eq!(category_of(a, newsletter), "Roadmap");
    assert_eq!(a.category(&newsletter.category).map(|c| c.weight), Some(0.0));

    // Three platform engineer lines, one role: `2 platform engineers`,
    // `4 platform engineers`, `1 platform engineer`; `2 SREs` is the SRE.
    let names: Vec<&str> = a.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Platform engineers", "SRE", "Security engineer"]);
}

#[test]
fn one_team_named_twice_with_rates_per_week_month_and_hour() {
    let imported = fixture("team-rates.md");
    let a = &imported.assessment;
    // Each role of the team lines is the role of the rate tables, in other words.
    let check = |name: &str, expected: Option<f64>| {
        let role = a.roles.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no role {name}"));
        assert_eq!(role.weekly_rate, expected, "{name}");
    };
    check("Platform engineers", Some(4000.0));
    // $13,000 a month × 12 ÷ 52 weeks.
    check("Database specialist", Some(3000.0));
    // $75 an hour × 8 hours × 5 days.
    check("QA", Some(3000.0));
    // $21,666.67 a month × 12 ÷ 52, to the cent.
    check("SRE", Some(5000.0));
    assert_eq!(a.roles.len(), 4);
    for (line, words) in [(21, "the role \"Platform engineers\""), (23, "per hour ($75): $3,000 a week")] {
        assert!(
            imported.report.guessed.iter().any(|n| n.line == line && n.message.contains(words)),
            "{words} at line {line}: {}",
            imported.report
        );
    }
    // Phase 1: 2 × 4 weeks × $4,000 + 4 × $3,000 + 0.5 × 4 × $3,000 = $50,000,
    // the midpoint of the $48K–$52K it states; phase 2: 2 × $4,000 + 2 × $5,000.
    let s = summarize(a);
    let labor: Vec<Option<(f64, f64)>> = s.phases.iter().map(|p| p.labor.map(|b| (b.min, b.max))).collect();
    assert_eq!(labor, [Some((50_000.0, 50_000.0)), Some((18_000.0, 18_000.0))]);
    let shown = gapmap::core::present::display::stated_beside_computed(
        s.phases[0].stated_cost.unwrap(),
        s.phases[0].total,
        &s.phases[0].unknown_rates,
        &a.currency,
    );
    assert_eq!(shown, "stated $48,000–$52,000 · computed $50,000, as stated");
}

#[test]
fn a_kpi_table_whose_cells_are_words() {
    let imported = fixture("kpi-words.md");
    let a = &imported.assessment;
    let words = |text: &str| KpiValue::Text(text.to_string());
    let kpi = |name: &str| a.kpis.iter().find(|k| k.name == name).unwrap_or_else(|| panic!("no KPI {name}"));
    let values =
        |name: &str| -> Vec<(KpiValue, bool)> { kpi(name).targets.iter().map(|t| (t.value.clone(), t.met)).collect() };
    // Words as written; `(met)` ticks a target.
    let frequency = kpi("Deployment frequency");
    assert_eq!(frequency.current, Some(words("Manual")));
    assert_eq!(values("Deployment frequency"), [(words("Weekly"), true), (words("Daily"), false)]);
    assert_eq!(
        (frequency.current_meets(&a.phases[0].id), frequency.current_meets(&a.phases[1].id)),
        (Some(true), Some(false))
    );
    // Quoted words stay words; `< 5 min` is a number, its unit and direction.
    let rollback = kpi("Rollback time");
    assert_eq!(values("Rollback time"), [(words("< 30 min"), false), (KpiValue::Number(5.0), false)]);
    assert_eq!((rollback.unit.as_str(), rollback.better), ("min", Better::Lower));
    assert_eq!(kpi("Error budget policy").current, Some(words("None")));
    assert_eq!(kpi("Availability").current, Some(KpiValue::Number(99.5)));
    assert!(a.kpis.iter().all(|k| k.extra.is_empty()), "nothing only in unknown keys");
}

/// A KPI as a report carries it: name, current value, targets and ticks.
type ReadableKpi = (String, Option<KpiValue>, Vec<(KpiValue, bool)>);

/// The report of an import, imported again, states the same costs, rates
/// and KPI values.
#[test]
fn the_report_of_each_import_reads_back_with_its_stated_costs_rates_and_kpi_words() {
    for name in ["cost-table-by-phase.md", "team-rates.md", "kpi-words.md"] {
        let first = fixture(name).assessment;
        let markdown = report(&first);
        let again = import(&markdown).assessment;
        assert_eq!(validate(&again), vec![], "{name}");
        let stated = |a: &Assessment| -> Vec<Option<(f64, f64)>> {
            a.phases.iter().map(|p| ends(p.stated_cost.as_ref())).collect()
        };
        assert_eq!(stated(&again), stated(&first), "{name}: stated phase costs\n{markdown}");
        assert_eq!(ends(again.stated_total.as_ref()), ends(first.stated_total.as_ref()), "{name}: stated total");
        let roles = |a: &Assessment| -> Vec<(String, Option<f64>)> {
            a.roles.iter().map(|r| (r.name.clone(), r.weekly_rate)).collect()
        };
        assert_eq!(roles(&again), roles(&first), "{name}: rates\n{markdown}");
        let kpis = |a: &Assessment| -> Vec<ReadableKpi> {
            a.kpis
                .iter()
                .map(|k| {
                    (k.name.clone(), k.current.clone(), k.targets.iter().map(|t| (t.value.clone(), t.met)).collect())
                })
                .collect()
        };
        assert_eq!(kpis(&again), kpis(&first), "{name}: KPIs\n{markdown}");
    }
}

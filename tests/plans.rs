//! Plans you can tick and compare (issue 15, parts 4–6): the version 1 → 2
//! migration of evidence and exit criteria, proven on frozen version 1
//! files; which addresses may be links; evidence as one text and back (the
//! spreadsheet's cell); criteria met and overdue risk reviews; the
//! validation of scenarios and review dates; switching roadmaps as one
//! reversible edit; the comparison of roadmaps; and the exports' links.

use gapmap::core::edit::{
    add_evidence, add_scenario, remove_evidence, remove_scenario, restore_evidence, restore_scenario, roadmap_names,
    switch_scenario, with_scenario,
};
use gapmap::core::export::{csv, markdown};
use gapmap::core::format;
use gapmap::core::model::*;
use gapmap::core::numbers::criteria::{criteria_met, criteria_met_text};
use gapmap::core::numbers::risk::review_overdue;
use gapmap::core::numbers::scenarios::compare_roadmaps;
use gapmap::core::present::{evidence, link};
use gapmap::core::summarize;
use gapmap::core::summarize_as_of;
use serde_json::Value;

const V1_WORKED: &str = include_str!("fixtures/v1/worked-example.json");
const V2_WORKED: &str = include_str!("fixtures/worked-example.json");
const V1_PLANS: &str = include_str!("fixtures/v1/plans.json");

fn load(text: &str) -> Assessment {
    format::load(text.as_bytes()).unwrap_or_else(|e| panic!("expected a valid file, got:\n{e}"))
}

// ---------------------------------------------------------------------------
// Migration from version 1.

#[test]
fn a_version_1_file_saves_as_its_version_2_form() {
    assert!(V1_WORKED.contains("\"version\": 1,"), "the frozen fixture is of version 1");
    assert_eq!(format::save(&load(V1_WORKED)), V2_WORKED);
    assert_eq!(summarize(&load(V1_WORKED)), summarize(&load(V2_WORKED)));
}

#[test]
fn evidence_strings_become_entries() {
    let a = load(V1_PLANS);
    let check = |gap: &str, expected: &[&str]| {
        let texts: Vec<&str> = a.gap(gap).unwrap().evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, expected, "{gap}");
        assert!(a.gap(gap).unwrap().evidence.iter().all(|e| e.url.is_none()), "{gap}: no address is guessed");
    };
    check("g1", &["Login form accepts a password alone.\n\nSee the pentest notes."]);
    check("g2", &[]);
    check("g3", &[]);
    check("g4", &["https://wiki.example.com/runbook"]);
}

#[test]
fn exit_criteria_strings_become_unmet_criteria() {
    let a = load(V1_PLANS);
    assert_eq!(a.phases[0].exit_criteria, vec![Criterion::new("No P0 open"), Criterion::new("Pentest retest passed")]);
    assert!(a.phases[1].exit_criteria.is_empty());
}

/// The migrated file keeps every number: it scores as the same file read
/// with the two changed fields taken out, which version 2 reads as is.
#[test]
fn the_migration_keeps_every_number() {
    let mut without: Value = serde_json::from_str(V1_PLANS).unwrap();
    without["version"] = Value::from(2);
    for gap in without["gaps"].as_array_mut().unwrap() {
        gap.as_object_mut().unwrap().remove("evidence");
    }
    for phase in without["phases"].as_array_mut().unwrap() {
        phase.as_object_mut().unwrap().remove("exit_criteria");
    }
    let reference = load(&without.to_string());
    let migrated = load(V1_PLANS);
    assert_eq!(summarize(&migrated), summarize(&reference));
    assert_eq!(migrated.milestones, reference.milestones);
    let saved = format::save(&migrated);
    assert!(saved.contains("\n  \"version\": 2,\n"));
    assert_eq!(load(&saved), migrated, "the saved file reads back the same");
    assert_eq!(format::save(&load(&saved)), saved, "and is canonical");
}

#[test]
fn a_mistyped_version_1_field_is_reported_at_its_path() {
    let text = V1_PLANS.replacen("\"evidence\": \"\"", "\"evidence\": 7", 1);
    let error = format::load(text.as_bytes()).unwrap_err();
    assert_eq!(error.problems[0].path.to_string(), "gaps[1].evidence", "{error}");
}

// ---------------------------------------------------------------------------
// Links.

#[test]
fn only_http_https_and_relative_addresses_are_links() {
    #[track_caller]
    fn check(url: &str, is_link: bool) {
        assert_eq!(link::href(url), is_link.then_some(url), "{url:?}");
    }
    for (url, is_link) in [
        ("https://ci.example.com/run/42", true),
        ("http://example.com", true),
        ("HTTPS://Example.com/A", true),
        ("hTtP://example.com", true),
        ("docs/runbook.md", true),
        ("./a", true),
        ("../b?x=1#y", true),
        ("/c", true),
        ("?q=javascript:alert(1)", true),
        ("#part", true),
        ("", false),
        ("javascript:alert(1)", false),
        ("JaVaScRiPt:alert(1)", false),
        ("data:text/html,<b>x</b>", false),
        ("data:text/html;base64,PHNjcmlwdD4=", false),
        ("vbscript:msgbox(1)", false),
        ("file:///etc/passwd", false),
        ("mailto:a@example.com", false),
        (" javascript:alert(1)", false),
        (" https://example.com", false),
        ("https://example.com ", false),
        ("\tjavascript:alert(1)", false),
        ("java\tscript:alert(1)", false),
        ("java\nscript:alert(1)", false),
        ("\u{0}javascript:alert(1)", false),
        ("\u{1f}https://example.com", false),
        ("javascript&#58;alert(1)", false),
        ("javascript&colon;alert(1)", false),
        ("javascript%3Aalert(1)", false),
        ("%6Aavascript:alert(1)", false),
        ("//evil.example.com", false),
        ("//evil.example.com/https://x", false),
        ("/\\evil.example.com", false),
        ("\\\\evil.example.com", false),
        ("https:evil.example.com", false),
        ("https:/evil.example.com", false),
        ("https:///evil.example.com", false),
        ("https://", false),
        ("https://a.example.com/\"onmouseover=\"x", false),
        ("https://a.example.com/<script>", false),
        ("https://a.example.com/`x`", false),
    ] {
        check(url, is_link);
    }
}

// ---------------------------------------------------------------------------
// Evidence as one text.

#[test]
fn evidence_as_one_text_and_back() {
    #[track_caller]
    fn check(entries: &[(&str, Option<&str>)], text: &str) {
        let entries: Vec<Evidence> = entries.iter().map(|(t, u)| Evidence::new(*t, u.map(str::to_string))).collect();
        assert_eq!(evidence::to_text(&entries), text);
        assert_eq!(evidence::from_text(text), entries);
    }
    check(&[], "");
    check(&[("Load test report", None)], "Load test report");
    check(&[("Load test report", Some("https://ci.example.com/42"))], "Load test report <https://ci.example.com/42>");
    check(&[("", Some("docs/a.md"))], "<docs/a.md>");
    check(
        &[("Line one\nline two", None), ("Scan", Some("javascript:alert(1)"))],
        "Line one\nline two\n\nScan <javascript:alert(1)>",
    );
    // What a person types is read as far as it goes.
    assert_eq!(evidence::from_text("  \n\n "), vec![]);
    assert_eq!(evidence::from_text("a <b c>"), vec![Evidence::new("a <b c>", None)]);
}

// ---------------------------------------------------------------------------
// Criteria met, reviews overdue.

#[test]
fn a_phase_counts_its_criteria_met() {
    #[track_caller]
    fn check(met: &[bool], expected: (usize, usize), text: Option<&str>) {
        let mut phase = Phase::new("p", "P", Range::new(1.0, 1.0));
        phase.exit_criteria = met.iter().map(|&m| Criterion { met: m, ..Criterion::new("c") }).collect();
        assert_eq!(criteria_met(&phase), expected);
        assert_eq!(criteria_met_text(&phase).as_deref(), text);
    }
    check(&[], (0, 0), None);
    check(&[false, false], (0, 2), Some("0 of 2 criteria met"));
    check(&[true, false, true], (2, 3), Some("2 of 3 criteria met"));
}

#[test]
fn a_review_is_overdue_once_its_day_has_passed_unless_closed() {
    #[track_caller]
    fn check(review_on: Option<&str>, status: RiskStatus, today: &str, overdue: bool) {
        let mut risk = load(V1_PLANS).risks.remove(0);
        risk.review_on = review_on.map(str::to_string);
        risk.status = status;
        assert_eq!(review_overdue(&risk, today), overdue, "{review_on:?} {status} on {today}");
    }
    check(None, RiskStatus::Open, "2026-01-01", false);
    check(Some("2025-12-31"), RiskStatus::Open, "2026-01-01", true);
    check(Some("2025-12-31"), RiskStatus::Mitigating, "2026-01-01", true);
    check(Some("2025-12-31"), RiskStatus::Accepted, "2026-01-01", true);
    check(Some("2025-12-31"), RiskStatus::Closed, "2026-01-01", false);
    check(Some("2026-01-01"), RiskStatus::Open, "2026-01-01", false);
    check(Some("2026-01-02"), RiskStatus::Open, "2026-01-01", false);
    check(Some("soon"), RiskStatus::Open, "2026-01-01", false);
}

// ---------------------------------------------------------------------------
// Validation.

#[test]
fn scenarios_and_review_dates_are_validated() {
    #[track_caller]
    fn check(change: impl Fn(&mut Assessment), expected: &[(&str, &str)]) {
        let mut a = load(V1_PLANS);
        add_scenario(&mut a, "Fast track");
        change(&mut a);
        let problems = format::validate::validate(&a);
        let found: Vec<(String, &str)> = problems.iter().map(|p| (p.path.to_string(), p.message.as_str())).collect();
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for ((path, message), (want_path, fragment)) in found.iter().zip(expected) {
            assert_eq!(path, want_path);
            assert!(message.contains(fragment), "{message}");
        }
    }
    check(|_| {}, &[]);
    check(|a| a.scenario = None, &[("scenario", "the active one needs a name")]);
    check(|a| a.scenarios[0].name = "Current plan".into(), &[("scenarios[0].name", "used by another roadmap")]);
    check(|a| a.scenarios[0].name = " ".into(), &[("scenarios[0].name", "needs a name")]);
    check(
        |a| a.scenarios[0].phases[1].id = "p1".into(),
        &[("scenarios[0].phases[1].id", "used twice"), ("scenarios[0].assignments", "\"p2\", which this scenario")],
    );
    check(|a| a.scenarios[0].phases[0].team[0].role = "qa".into(), &[("scenarios[0].phases[0].team[0].role", "qa")]);
    check(
        |a| {
            a.scenarios[0].assignments.insert("g3".into(), "p9".into());
        },
        &[("scenarios[0].assignments", "\"p9\"")],
    );
    // A gap that is gone is ignored, and a KPI target may be set for a
    // phase that only a scenario has.
    check(
        |a| {
            a.scenarios[0].assignments.insert("gone".into(), "p1".into());
            a.phases.pop();
        },
        &[("gaps[2].phase", "\"p2\"")],
    );
    check(|a| a.risks[0].review_on = Some("2025-02-30".into()), &[("risks[0].review_on", "not a date")]);
}

#[test]
fn a_file_with_scenarios_reads_back_the_same() {
    let mut a = load(V1_PLANS);
    add_scenario(&mut a, "Fast track");
    a.scenarios[0].phases[1].duration_weeks = Range::new(1.0, 2.0);
    a.scenarios[0].assignments.remove("g3");
    a.risks[0].owner = "Ana".into();
    a.risks[0].status = RiskStatus::Mitigating;
    a.risks[0].review_on = Some("2025-03-01".into());
    a.phases[0].exit_criteria[0].met = true;
    a.phases[0].exit_criteria[0].evidence = Some("https://ci.example.com/7".into());
    a.gaps[0].evidence.push(Evidence::new("Scan", Some("https://scan.example.com".into())));
    let saved = format::save(&a);
    assert_eq!(load(&saved), a);
    assert_eq!(format::save(&load(&saved)), saved);
}

// ---------------------------------------------------------------------------
// Edits: evidence entries, scenarios.

#[test]
fn evidence_entries_are_added_removed_and_put_back() {
    let mut a = load(V1_PLANS);
    let before = a.clone();
    let gap = &mut a.gaps[0];
    assert_eq!(add_evidence(gap), 1);
    assert_eq!(gap.evidence[1], Evidence::new("", None));
    let removed = remove_evidence(gap, 0).expect("an entry there");
    restore_evidence(gap, removed.clone());
    restore_evidence(gap, removed);
    remove_evidence(gap, 1);
    assert_eq!(a, before);
}

#[test]
fn a_scenario_is_a_copy_and_switching_twice_changes_nothing() {
    let original = load(V1_PLANS);
    let mut a = original.clone();
    let id = add_scenario(&mut a, "Fast track");
    assert_eq!(id, "scenario-1");
    assert_eq!(roadmap_names(&a), ["Current plan", "Fast track"]);
    assert_eq!(a.scenarios[0].phases, a.phases);
    assert_eq!(a.scenarios[0].assignments.get("g1").map(String::as_str), Some("p1"));
    assert_eq!(add_scenario(&mut a, "Fast track"), "scenario-2", "a second copy");
    assert_eq!(a.scenarios[1].name, "Fast track 2");

    // The fast track drops the hardening phase and its gap.
    a.scenarios[0].phases.pop();
    a.scenarios[0].assignments.remove("g3");
    let with_both = a.clone();
    assert!(switch_scenario(&mut a, 0));
    assert_eq!(a.scenario.as_deref(), Some("Fast track"));
    assert_eq!(a.phases.len(), 1);
    assert_eq!(a.gap("g3").unwrap().phase, None);
    assert_eq!(a.gap("g1").unwrap().phase.as_deref(), Some("p1"));
    assert_eq!(a.scenarios[0].name, "Current plan");
    assert_eq!(a.scenarios[0].phases, original.phases);
    assert!(format::validate::validate(&a).is_empty(), "{:?}", format::validate::validate(&a));
    assert!(switch_scenario(&mut a, 0));
    assert_eq!(a, with_both);
    assert!(!switch_scenario(&mut a, 9), "no such scenario");
    assert_eq!(a, with_both);
}

#[test]
fn deleting_the_last_scenario_clears_the_name_and_undo_gives_it_back() {
    let mut a = load(V1_PLANS);
    add_scenario(&mut a, "Fast track");
    let with = a.clone();
    let removed = remove_scenario(&mut a, 0).expect("a scenario there");
    assert_eq!(removed.scenario().name, "Fast track");
    assert_eq!((a.scenario.as_ref(), a.scenarios.len()), (None, 0));
    assert_eq!(format::save(&a), format::save(&load(V1_PLANS)), "no trace left in the file");
    restore_scenario(&mut a, removed.clone());
    restore_scenario(&mut a, removed);
    assert_eq!(a, with);
}

#[test]
fn deleting_a_role_takes_its_lines_in_every_roadmap() {
    let mut a = load(V1_PLANS);
    add_scenario(&mut a, "Fast track");
    let with = a.clone();
    let removed = gapmap::core::edit::remove_role(&mut a, 1).expect("the SRE role");
    assert!(a.scenarios[0].phases.iter().all(|p| p.team.iter().all(|m| m.role != "sre")));
    assert!(format::validate::validate(&a).is_empty());
    gapmap::core::edit::restore_role(&mut a, removed);
    assert_eq!(a, with);
}

// ---------------------------------------------------------------------------
// The comparison.

#[test]
fn roadmaps_compare_side_by_side() {
    let mut a = load(V1_PLANS);
    a.roles[1].weekly_rate = Some(4000.0);
    add_scenario(&mut a, "Fast track");
    // The fast track does the blockers in one week and skips hardening.
    a.scenarios[0].phases[0].duration_weeks = Range::new(1.0, 1.0);
    a.scenarios[0].phases.pop();
    a.scenarios[0].assignments.remove("g3");
    let figures = compare_roadmaps(&a);
    assert_eq!(figures.len(), 2);
    let (full, fast) = (&figures[0], &figures[1]);
    assert_eq!(
        (full.name.as_str(), full.active, fast.name.as_str(), fast.active),
        ("Current plan", true, "Fast track", false)
    );
    // Each roadmap's figures are those of the assessment with it active.
    let fast_summary = summarize(&with_scenario(&a, "Fast track").unwrap());
    assert_eq!(fast.duration_weeks, fast_summary.duration_weeks);
    assert_eq!(fast.labor, fast_summary.labor);
    assert_eq!(full.total, summarize(&a).total);
    assert!(fast.duration_weeks.max < full.duration_weeks.max);
    assert_eq!(fast.after_phases.len(), 1);
    assert_eq!(full.after_phases.len(), 2);
    assert_eq!(full.after_phases[0].projected_overall, fast.after_phases[0].projected_overall);
    // The blockers phase closes the one blocker, and the score passes 75 after it.
    assert_eq!(full.after_phases[0].blockers_left, 0);
    assert_eq!(full.after_phases[0].level.as_deref(), Some("Production-ready"));
    assert_eq!(full.ready_week, Some(summarize(&a).phases[0].end_week));
    assert_eq!(fast.ready_week.map(|w| w.max), Some(1.0));
    assert_eq!((full.blockers_left, fast.blockers_left), (0, 0));
    // No start date, no day; from one, the last day of the week it gets there.
    assert_eq!((full.ready_date.as_deref(), fast.ready_date.as_deref()), (None, None));
    a.start_date = Some("2025-01-06".into());
    let dated = compare_roadmaps(&a);
    assert_eq!(dated[1].ready_date.as_deref(), Some("2025-01-12"), "one week from Monday 6 January");
    let end = summarize(&a).phases[0].dates.clone().unwrap().end.1;
    assert_eq!(dated[0].ready_date.as_deref(), Some(end.as_str()));
}

#[test]
fn a_roadmap_that_never_gets_ready_has_no_ready_week_and_unknown_rates_stay_unknown() {
    let mut a = load(V1_PLANS);
    add_scenario(&mut a, "Nothing planned");
    a.scenarios[0].phases.clear();
    a.scenarios[0].assignments.clear();
    let figures = compare_roadmaps(&a);
    let (full, none) = (&figures[0], &figures[1]);
    assert_eq!(full.labor, None, "the SRE has no rate");
    assert_eq!(full.unknown_rates, ["SRE"]);
    assert_eq!(none.ready_week, None);
    assert_eq!(none.blockers_left, 1);
    assert!(none.after_phases.is_empty());
    // Without scenarios, the one roadmap.
    let plain = compare_roadmaps(&load(V1_PLANS));
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].duration_weeks, summarize(&load(V1_PLANS)).duration_weeks);
}

// ---------------------------------------------------------------------------
// Exports carry the links.

fn with_links() -> Assessment {
    let mut a = load(V1_PLANS);
    a.gaps[0].evidence = vec![
        Evidence::new("Pentest report", Some("https://pentest.example.com/r/1".into())),
        Evidence::new("Click me", Some("javascript:alert(1)".into())),
    ];
    a.phases[0].exit_criteria[0].met = true;
    a.phases[0].exit_criteria[0].evidence = Some("https://ci.example.com/run/9".into());
    a.phases[0].exit_criteria[1].evidence = Some("data:text/html,x".into());
    a
}

#[test]
fn the_markdown_report_links_safe_addresses_only() {
    let report = markdown::report(&with_links());
    assert!(report.contains("**Evidence:**\n\n  - [Pentest report](<https://pentest.example.com/r/1>)\n"), "{report}");
    assert!(report.contains("\n  - Click me (`javascript:alert(1)`)\n"), "{report}");
    let met = "- [x] No P0 open — evidence: [https://ci.example.com/run/9](<https://ci.example.com/run/9>)";
    assert!(report.contains(met), "{report}");
    assert!(report.contains("- Pentest retest passed — evidence: `data:text/html,x`"), "{report}");
    assert!(!report.contains("](<javascript") && !report.contains("](<data"));
}

#[test]
fn the_spreadsheet_carries_links_and_reads_them_back() {
    let a = with_links();
    let table = csv::write(&a, csv::Layout::Spreadsheet);
    assert!(table.contains("Pentest report <https://pentest.example.com/r/1>"));
    let preview = gapmap::core::import::csv::preview(&a, table.as_bytes());
    assert!(preview.gaps.iter().all(|g| g.changes.is_empty()), "an untouched table changes nothing");
    let edited = table.replace("<https://pentest.example.com/r/1>", "<https://pentest.example.com/r/2>");
    let mut b = a.clone();
    let preview = gapmap::core::import::csv::preview(&b, edited.as_bytes());
    gapmap::core::import::csv::apply(&mut b, &preview);
    assert_eq!(b.gaps[0].evidence[0].url.as_deref(), Some("https://pentest.example.com/r/2"));
    assert_eq!(b.gaps[0].evidence[1], a.gaps[0].evidence[1]);
}

#[test]
fn the_azure_devops_backlog_links_safe_addresses_only() {
    let table = csv::write(&with_links(), csv::Layout::AzureDevOps);
    assert!(table.contains("<a href=\"\"https://pentest.example.com/r/1\"\">"), "{table}");
    assert!(!table.contains("href=\"\"javascript"), "{table}");
}

// ---------------------------------------------------------------------------
// `gapmap score --scenario`.

#[path = "support/cli.rs"]
mod cli_run;

#[test]
fn score_scores_the_scenario_asked_for() {
    let mut a = load(V1_PLANS);
    add_scenario(&mut a, "Fast track");
    a.scenarios[0].phases.pop();
    a.scenarios[0].assignments.remove("g3");
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("plans-scenarios.json");
    std::fs::write(&path, format::save(&a)).unwrap();
    let file = path.to_str().unwrap();
    let json = |outcome: cli_run::Outcome| -> Value {
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
        serde_json::from_str(&outcome.stdout).unwrap()
    };
    let expected = |b: &Assessment| -> Value {
        serde_json::from_str(&format::to_canonical_json(&summarize_as_of(b, AS_OF))).unwrap()
    };
    // A fixed day, so that the command's default (today) plays no part.
    const AS_OF: &str = "2025-01-15";
    let fast = json(cli_run::run(&["score", file, "--json", "--scenario", "Fast track", "--as-of", AS_OF], None));
    assert_eq!(fast, expected(&with_scenario(&a, "Fast track").unwrap()));
    assert_ne!(fast, expected(&a));
    let current = json(cli_run::run(&["score", file, "--json", "--scenario", "Current plan", "--as-of", AS_OF], None));
    assert_eq!(current, expected(&a));

    let unknown = cli_run::run(&["score", file, "--scenario", "Slow"], None);
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("no roadmap named \"Slow\""), "{}", unknown.stderr);
    assert!(unknown.stderr.contains("\"Current plan\", \"Fast track\""), "{}", unknown.stderr);
    let misplaced = cli_run::run(&["validate", file, "--scenario", "Fast track"], None);
    assert_eq!(misplaced.code, 2, "{}", misplaced.stderr);
}

#[test]
fn a_criterions_evidence_is_none_when_blank() {
    #[track_caller]
    fn check(text: &str, expected: Option<&str>) {
        let mut criterion = Criterion { evidence: Some("before".into()), ..Criterion::new("c") };
        gapmap::core::edit::set_criterion_evidence(&mut criterion, text.to_string());
        assert_eq!(criterion.evidence.as_deref(), expected, "{text:?}");
    }
    check("", None);
    check("  \n", None);
    check("https://ci.example.com/1", Some("https://ci.example.com/1"));
    check("Signed off by Ana", Some("Signed off by Ana"));
}

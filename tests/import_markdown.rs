//! The Markdown importer on the two real readiness documents in
//! `../shared/fixtures/markdown/`: each test checks what a careful reader
//! finds in them (title, stated scores, category scores, gaps and checklist
//! items with their statuses, phases with durations, teams and costs, KPIs,
//! risks), that the import validates, and that no mis-decoded text survives.
//! The documents are read from the shared folder, never copied here.

use std::collections::BTreeMap;

use gapmap::core::import::markdown::import_bytes;
use gapmap::core::import::Import;
use gapmap::core::model::*;
use gapmap::core::{summarize, validate};

const ENTERPRISE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/000_f44f5b8f7bdcf258.txt");
const GAP_ANALYSIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/004_ee62c5990353649e.txt");

fn import_file(path: &str) -> Import {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    import_bytes(&bytes)
}

fn category<'a>(a: &'a Assessment, name: &str) -> &'a Category {
    a.categories.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no category {name}"))
}

fn gaps_in<'a>(a: &'a Assessment, name: &str) -> Vec<&'a Gap> {
    let id = &category(a, name).id;
    a.gaps.iter().filter(|g| &g.category == id).collect()
}

fn phase<'a>(a: &'a Assessment, name: &str) -> &'a Phase {
    a.phases.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no phase {name}"))
}

fn statuses<'a>(gaps: impl IntoIterator<Item = &'a Gap>) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for gap in gaps {
        *counts.entry(gap.status.as_str()).or_insert(0) += 1;
    }
    counts
}

fn counts(pairs: &[(&'static str, usize)]) -> BTreeMap<&'static str, usize> {
    pairs.iter().copied().collect()
}

/// Sequences that a wrong decode leaves behind, written independently of
/// the importer's own detector: C1 controls, the replacement character, and
/// the first characters of emoji and punctuation as Windows-1252/1254 and
/// Mac Roman show them.
fn mojibake(text: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c) || *c == '\u{FFFD}') {
        return Some(format!("U+{:04X}", u32::from(c)));
    }
    const SEQUENCES: &[&str] = &[
        "â€", "âœ", "âŒ", "âš", "â”", "â–", "â†", "ğŸ", "ðŸ", "ï¸", "Ã©", "Ã¨", "Ã¼", "Ã¶", "‚Ä", "‚ú", "‚ù", "‚ö",
        "‚ñ", "üö", "üî", "üì", "Ô∏", "Â ",
    ];
    SEQUENCES.iter().find(|s| text.contains(*s)).map(|s| (*s).to_string())
}

/// Every string of the imported assessment and of its report.
fn check_no_mojibake(import: &Import) {
    let json: serde_json::Value = serde_json::from_str(&gapmap::core::save(&import.assessment)).unwrap();
    let mut bad = Vec::new();
    fn walk(value: &serde_json::Value, path: String, bad: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => {
                if let Some(found) = mojibake(s) {
                    bad.push(format!("{path}: {found} in {:?}", s.chars().take(80).collect::<String>()));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), bad);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    walk(item, format!("{path}.{key}"), bad);
                }
            }
            _ => {}
        }
    }
    walk(&json, "assessment".into(), &mut bad);
    let report = import.report.to_string();
    if let Some(found) = mojibake(&report) {
        bad.push(format!("report: {found}"));
    }
    assert!(bad.is_empty(), "mis-decoded text survived:\n{}", bad.join("\n"));
    assert!(!gapmap::core::import::encoding::looks_misdecoded(&gapmap::core::save(&import.assessment)));
}

fn check_valid(import: &Import) {
    assert_eq!(validate(&import.assessment), vec![], "the import must validate");
    assert!(import.report.recognised_anything());
    let c = &import.report.counts;
    let a = &import.assessment;
    assert_eq!(
        (c.categories, c.gaps, c.items, c.phases, c.kpis, c.risks),
        (
            a.categories.len(),
            a.gaps.len(),
            a.gaps.iter().map(|g| g.items.len()).sum(),
            a.phases.len(),
            a.kpis.len(),
            a.risks.len()
        ),
        "the report counts what the assessment holds"
    );
}

#[test]
fn enterprise_assessment_title_scores_and_encoding() {
    let import = import_file(ENTERPRISE);
    let a = &import.assessment;
    check_valid(&import);
    check_no_mojibake(&import);
    assert_eq!(a.title, "Enterprise Grade Assessment - CRITICAL ISSUES");
    assert_eq!(a.stated_overall, Some(25.0));
    assert!(import.report.warnings.is_empty(), "{:?}", import.report.warnings);
    // The score chart: seven categories with their stated scores.
    let stated: Vec<(&str, Option<f64>)> =
        a.categories.iter().filter(|c| c.manual_score.is_some()).map(|c| (c.name.as_str(), c.manual_score)).collect();
    assert_eq!(
        stated,
        vec![
            ("Security", Some(20.0)),
            ("Reliability", Some(20.0)),
            ("Observability", Some(10.0)),
            ("Scalability", Some(30.0)),
            ("Maintainability", Some(40.0)),
            ("Performance", Some(30.0)),
            ("Compliance", Some(0.0)),
        ]
    );
    assert_eq!(import.report.counts.category_scores, 7);
    // The wrong decode was Mac Roman; the report says so.
    assert!(import.report.guessed.iter().any(|n| n.message.contains("Mac Roman")), "{}", import.report);
}

#[test]
fn enterprise_assessment_findings_and_requirements() {
    let import = import_file(ENTERPRISE);
    let a = &import.assessment;
    // Forty findings marked ❌ in six sections, each in the category of its section.
    // (Roadmap tasks of the same area join these categories, assigned to their phase.)
    let findings = |name: &str| -> Vec<&Gap> { gaps_in(a, name).into_iter().filter(|g| g.phase.is_none()).collect() };
    for (name, count) in [
        ("Hardcoded Values & Anti-Patterns", 8),
        ("Networking", 6),
        ("Observability", 7),
        ("Reliability", 7),
        ("Database & Storage", 6),
        ("Deployment", 6),
    ] {
        assert_eq!(statuses(findings(name)), counts(&[("missing", count)]), "{name}");
    }
    // "CRITICAL:" in the first section's heading makes its findings P0.
    assert!(gaps_in(a, "Hardcoded Values & Anti-Patterns").iter().all(|g| g.priority == Priority::P0));
    assert_eq!(gaps_in(a, "Hardcoded Values & Anti-Patterns")[0].title, "Hardcoded `localhost` in default values");
    // The security section states requirements (✅) and no findings: they
    // are what it lacks, so missing gaps, not closed ones.
    let security: Vec<&Gap> = gaps_in(a, "Security").into_iter().filter(|g| g.phase.is_none()).collect();
    assert_eq!(security.len(), 7);
    assert!(security.iter().all(|g| g.status == Status::Missing));
    assert!(security.iter().any(|g| g.title == "mTLS between services"));
    assert!(a.gaps.iter().all(|g| g.status == Status::Missing), "nothing in this document is done");
    assert_eq!(a.gaps.len(), 40 + 7 + 16);
    assert_eq!(import.report.counts.items, 0);
}

#[test]
fn enterprise_assessment_roadmap() {
    let import = import_file(ENTERPRISE);
    let a = &import.assessment;
    let phases: Vec<(&str, Option<f64>, f64, f64)> =
        a.phases.iter().map(|p| (p.name.as_str(), p.start_week, p.duration_weeks.min, p.duration_weeks.max)).collect();
    assert_eq!(
        phases,
        vec![
            ("Security & Reliability", Some(0.0), 1.0, 1.0),
            ("Observability", Some(1.0), 1.0, 1.0),
            ("Networking & Scale", Some(2.0), 1.0, 1.0),
            ("Operations", Some(3.0), 1.0, 1.0),
        ]
    );
    // Four tasks under each phase, assigned to it.
    for p in &a.phases {
        let tasks: Vec<&Gap> = a.gaps.iter().filter(|g| g.phase.as_deref() == Some(&p.id)).collect();
        assert_eq!(tasks.len(), 4, "{}", p.name);
    }
    let vault = a.gaps.iter().find(|g| g.title == "Implement Vault for secrets").unwrap();
    assert_eq!(vault.phase.as_deref(), Some(phase(a, "Security & Reliability").id.as_str()));
    assert_eq!(vault.category, category(a, "Security").id);
    assert!(a.kpis.is_empty() && a.risks.is_empty() && a.roles.is_empty());
    assert!(a.phases.iter().all(|p| p.costs.is_empty() && p.team.is_empty()));
    assert_eq!(summarize(a).duration_weeks.max, 4.0);
}

#[test]
fn gap_analysis_title_metadata_and_scores() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    check_valid(&import);
    check_no_mojibake(&import);
    assert_eq!(a.title, "SAP_LLM Enterprise Gap Analysis & Roadmap");
    assert_eq!(a.assessed_on.as_deref(), Some("2025-11-14"));
    assert_eq!(a.assessors, vec!["Enterprise Architecture Review Team"]);
    // Stated three times (68% in the status line, 68/100 in a heading and
    // 68% in the conclusion), always the same: no warning about it.
    assert_eq!(a.stated_overall, Some(68.0));
    assert!(!import.report.warnings.iter().any(|w| w.message.contains("overall")));
    let table: Vec<(&str, f64)> =
        a.categories.iter().filter_map(|c| Some((c.name.as_str(), c.manual_score?))).collect();
    assert_eq!(
        table,
        vec![
            ("Core Functionality", 85.0),
            ("Code Quality", 72.0),
            ("Testing & QA", 42.0),
            ("CI/CD Pipeline", 0.0),
            ("Security", 65.0),
            ("Infrastructure as Code", 35.0),
            ("Monitoring & Observability", 70.0),
            ("Documentation", 80.0),
            ("Compliance", 55.0),
            ("Operational Excellence", 45.0),
        ]
    );
    // Bytes lost in the wrong decode were put back as the status emoji.
    assert!(
        import.report.guessed.iter().any(|n| n.message.contains('❌') && n.message.contains("180 time")),
        "{}",
        import.report
    );
    assert!(a.categories.iter().flat_map(|c| c.notes.chars()).any(|c| c == '❌'));
}

#[test]
fn gap_analysis_findings() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    let findings = |name: &str| -> Vec<&Gap> {
        let id = &category(a, name).id;
        a.gaps
            .iter()
            .filter(|g| &g.category == id && g.phase.is_none() && !g.description.starts_with("Status:"))
            .collect()
    };
    // Section 1.1: eight missing components, a blocker of critical severity.
    let ci = findings("CI/CD Pipeline");
    assert_eq!(statuses(ci.iter().copied()), counts(&[("missing", 8)]));
    assert!(ci.iter().all(|g| g.priority == Priority::P0 && g.severity == Some(Severity::Critical)));
    // Section 1.2: a plain code block of stage results (3 tested, 5 not) and seven missing test types.
    assert_eq!(statuses(findings("Testing & QA")), counts(&[("done", 3), ("missing", 12)]));
    // Section 1.4 is [HIGH]: P1; its findings in a Python block are evidence, not gaps.
    let security = findings("Security");
    assert_eq!(statuses(security.iter().copied()), counts(&[("missing", 15)]));
    assert!(security.iter().all(|g| g.priority == Priority::P1 && g.severity == Some(Severity::High)));
    // "Risk Level: MEDIUM-HIGH" reads as high.
    let monitoring = findings("Monitoring & Observability");
    assert_eq!(statuses(monitoring.iter().copied()), counts(&[("done", 4), ("missing", 12)]));
    assert!(monitoring.iter().all(|g| g.severity == Some(Severity::High) && g.priority == Priority::P1));
    assert_eq!(statuses(findings("Compliance")), counts(&[("done", 2), ("missing", 19)]));
    assert_eq!(statuses(findings("Operational Excellence")), counts(&[("done", 4), ("missing", 21)]));
    // Findings nested under a numbered label keep that label.
    let runbooks = findings("Operational Excellence").into_iter().find(|g| g.title == "No runbook testing").unwrap();
    assert_eq!(runbooks.description, "Runbooks");
    // Sections that state only requirements: their requirements are their gaps.
    assert_eq!(statuses(gaps_in(a, "Business Logic")), counts(&[("missing", 5)]));
    // Requirements that restate a section's findings are notes, not gaps.
    assert!(!a.gaps.iter().any(|g| g.title == "Must have automated CI/CD with"));
    assert!(category(a, "CI/CD Pipeline").notes.contains("Must have automated CI/CD with"));
    // 159 findings over sections 1.1 to 3.3, 26 of them done.
    let all_findings: Vec<&Gap> = a
        .gaps
        .iter()
        .filter(|g| g.phase.is_none() && !g.description.starts_with("Status:") && g.items.is_empty())
        .collect();
    assert_eq!(statuses(all_findings), counts(&[("done", 26), ("missing", 143)]));
}

#[test]
fn gap_analysis_requirement_tables_and_checklists() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    // Three requirement tables, forty rows with status and priority.
    let rows: Vec<&Gap> = a.gaps.iter().filter(|g| g.description.starts_with("Status:")).collect();
    assert_eq!(rows.len(), 40);
    assert_eq!(statuses(rows.iter().copied()), counts(&[("done", 5), ("missing", 33), ("partial", 2)]));
    let by_priority = |p: Priority| rows.iter().filter(|g| g.priority == p).count();
    assert_eq!((by_priority(Priority::P0), by_priority(Priority::P1), by_priority(Priority::P2)), (15, 15, 10));
    let helm = rows.iter().find(|g| g.title == "Helm Charts").unwrap();
    assert_eq!((helm.status, helm.priority), (Status::Missing, Priority::P0));
    // `❌ Partial` says partial.
    let iac = rows.iter().find(|g| g.title == "Infrastructure as Code").unwrap();
    assert_eq!(iac.status, Status::Partial);
    // The "Next Steps" task list is one gap with its ten checklist items.
    let next = a.gaps.iter().find(|g| g.title == "Next Steps (Immediate)").unwrap();
    assert_eq!(next.items.len(), 10);
    assert!(next.items.iter().all(|i| !i.done));
    assert_eq!(next.status, Status::Missing);
    assert_eq!(import.report.counts.items, 102);
    assert_eq!(a.gaps.len(), 231);
}

#[test]
fn gap_analysis_sections_that_name_no_area_make_no_category() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    // Checklist tiers and the conclusion are parts of the document, not areas
    // of the system: no category is named after them.
    for part in ["must", "should", "nice", "conclusion", "recommendation", "checklist", "next step"] {
        assert!(
            !a.categories.iter().any(|c| c.name.to_lowercase().contains(part)),
            "a category named after \"{part}\": {:?}",
            a.categories.iter().map(|c| &c.name).collect::<Vec<_>>()
        );
    }
    // Their rows join the area their words name, where the document has it.
    let in_category = |title: &str| {
        let gap = a.gaps.iter().find(|g| g.title == title).unwrap_or_else(|| panic!("no gap {title}"));
        a.categories.iter().find(|c| c.id == gap.category).map(|c| c.name.as_str()).unwrap_or_default()
    };
    assert_eq!(in_category("End-to-End Tests"), "Testing & QA");
    assert_eq!(in_category("Helm Charts"), "Infrastructure as Code");
    assert_eq!(in_category("SOC 2 Type II Certified"), "Compliance");
    assert_eq!(in_category("Error Tracking (Sentry)"), "Monitoring & Observability");
    assert_eq!(in_category("Canary Deployments"), "CI/CD Pipeline");
    // What names no area of this document is kept, in one general category.
    assert_eq!(in_category("Next Steps (Immediate)"), "General");
    assert!(gaps_in(a, "General").len() <= 5);
}

#[test]
fn gap_analysis_roadmap_teams_and_costs() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    let phases: Vec<(&str, Option<f64>, f64, f64, usize)> = a
        .phases
        .iter()
        .map(|p| (p.name.as_str(), p.start_week, p.duration_weeks.min, p.duration_weeks.max, p.exit_criteria.len()))
        .collect();
    assert_eq!(
        phases,
        vec![
            ("Critical Blockers", Some(0.0), 4.0, 4.0, 7),
            ("High-Priority Enterprise Features", Some(4.0), 12.0, 12.0, 7),
            ("Optimization & Scale", Some(16.0), 8.0, 8.0, 5),
        ]
    );
    // The headings of phases 2 and 3 give other lengths than the resource
    // table and their weekly sections: the report says which was kept.
    assert_eq!(import.report.warnings.len(), 2, "{:?}", import.report.warnings);
    assert!(import.report.warnings.iter().all(|w| w.message.contains("by its heading")));
    assert_eq!(summarize(a).duration_weeks.max, 24.0);

    // Tasks become gaps of their phase, with effort and checklist.
    let tasks = |name: &str| -> Vec<&Gap> {
        let id = &phase(a, name).id;
        a.gaps.iter().filter(|g| g.phase.as_ref() == Some(id)).collect()
    };
    let items = |gaps: &[&Gap]| gaps.iter().map(|g| g.items.len()).sum::<usize>();
    let (one, two, three) =
        (tasks("Critical Blockers"), tasks("High-Priority Enterprise Features"), tasks("Optimization & Scale"));
    assert_eq!((one.len(), two.len(), three.len()), (6, 9, 6));
    assert_eq!((items(&one), items(&two), items(&three)), (23, 42, 27));
    let setup = one.iter().find(|g| g.title == "Setup CI/CD Pipeline").unwrap();
    assert_eq!(setup.effort, Some(Effort::new(3.0, 3.0, EffortUnit::Days)));
    assert_eq!(setup.items.len(), 5);
    assert!(!setup.evidence.is_empty(), "the file tree under it is evidence");
    // A numbered task that CommonMark keeps inside a paragraph is still a task.
    let helm = one.iter().find(|g| g.title == "Create Helm Charts").unwrap();
    assert_eq!(helm.effort, Some(Effort::new(3.0, 3.0, EffortUnit::Days)));
    let governance = two.iter().find(|g| g.title == "Data Governance Framework").unwrap();
    assert_eq!(governance.effort, Some(Effort::new(2.0, 2.0, EffortUnit::Weeks)));
    assert_eq!(governance.items.len(), 5);
    // Deliverables marked ✅ are wanted, not done.
    let hardening = one.iter().find(|g| g.title == "Security Hardening").unwrap();
    assert_eq!(hardening.status, Status::Missing);
    assert!(hardening.description.contains("Zero hardcoded secrets"));

    // The resource table: team by role, and the cost each phase states.
    let team = |name: &str| -> Vec<(String, f64, f64)> {
        phase(a, name).team.iter().map(|t| (a.role(&t.role).unwrap().name.clone(), t.fte.min, t.fte.max)).collect()
    };
    let people = |rows: &[(&str, f64, f64)]| -> Vec<(String, f64, f64)> {
        rows.iter().map(|(r, min, max)| (r.to_string(), *min, *max)).collect()
    };
    assert_eq!(
        team("Critical Blockers"),
        people(&[("Engineers", 3.0, 4.0), ("DevOps", 1.0, 1.0), ("QA", 1.0, 1.0), ("Security", 1.0, 1.0)])
    );
    assert_eq!(
        team("Optimization & Scale"),
        people(&[("Engineers", 2.0, 3.0), ("DevOps", 1.0, 1.0), ("QA", 0.5, 0.5)])
    );
    let stated = |name: &str| {
        let cost = &phase(a, name).extra["stated_cost"];
        (cost["min"].as_f64().unwrap(), cost["max"].as_f64().unwrap())
    };
    assert_eq!(stated("Critical Blockers"), (120_000.0, 160_000.0));
    assert_eq!(stated("High-Priority Enterprise Features"), (360_000.0, 480_000.0));
    assert_eq!(stated("Optimization & Scale"), (160_000.0, 200_000.0));
    // Infrastructure run-rate by phase: each phase adds its increase.
    let annual = |name: &str| -> f64 {
        phase(a, name).costs.iter().filter(|c| c.kind == CostKind::Annual).map(|c| c.amount).sum()
    };
    assert_eq!(
        (annual("Critical Blockers"), annual("High-Priority Enterprise Features"), annual("Optimization & Scale")),
        (93_000.0, 143_000.0, 0.0)
    );
    assert_eq!(summarize(a).annual, 236_000.0);
    assert_eq!(a.currency, "USD");
}

#[test]
fn gap_analysis_kpis_and_risks() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    assert_eq!(a.kpis.len(), 10);
    let phase_ids: Vec<&str> = a.phases.iter().map(|p| p.id.as_str()).collect();
    let kpi = |name: &str| a.kpis.iter().find(|k| k.name == name).unwrap();
    let targets = |k: &Kpi| -> Vec<(usize, f64)> {
        k.targets.iter().map(|t| (phase_ids.iter().position(|p| *p == t.phase).unwrap(), t.value)).collect()
    };
    let coverage = kpi("Test Coverage");
    assert_eq!((coverage.unit.as_str(), coverage.current, coverage.better), ("%", Some(37.0), Better::Higher));
    assert_eq!(targets(coverage), vec![(0, 80.0), (1, 85.0), (2, 90.0)]);
    let recovery = kpi("Mean Time to Recovery");
    assert_eq!((recovery.unit.as_str(), recovery.current, recovery.better), ("min", None, Better::Lower));
    assert_eq!(targets(recovery), vec![(0, 30.0), (1, 15.0), (2, 5.0)]);
    let latency = kpi("P95 Latency");
    assert_eq!((latency.unit.as_str(), latency.current, latency.better), ("ms", Some(30.0), Better::Lower));
    assert_eq!(kpi("TODOs in Codebase").better, Better::Lower);
    // Values in words are kept as stated, and reported as skipped.
    let frequency = kpi("Deployment Frequency");
    assert!(frequency.targets.is_empty());
    assert_eq!(frequency.extra["stated_values"]["Current"], "Manual");
    assert!(import.report.skipped.iter().any(|n| n.message.contains("Deployment Frequency")));

    let risks: Vec<(&str, Probability, Impact)> =
        a.risks.iter().map(|r| (r.title.as_str(), r.probability, r.impact)).collect();
    assert_eq!(risks.len(), 6);
    assert_eq!(risks[0], ("Production failure due to untested code", Probability::High, Impact::Critical));
    assert_eq!(risks[5].1, Probability::Low);
    assert_eq!(a.risks[1].mitigation, "Immediate secret rotation");
}

#[test]
fn gap_analysis_keeps_what_it_does_not_recognise() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    // The executive summary, the quick wins and the conclusion are kept in the summary.
    assert!(a.summary.contains("solid foundation"));
    assert!(a.summary.contains("QUICK WINS"));
    assert!(a.summary.contains("Fast Track to Production"));
    // Evidence code stays with its section's notes, fenced.
    assert!(category(a, "CI/CD Pipeline").notes.contains("```bash"));
    // A phase's header statements that are not numbers stay in its goal.
    assert!(phase(a, "Critical Blockers").goal.contains("MUST DO BEFORE PRODUCTION"));
    // The report lists where each kind of thing was read.
    let recognised = &import.report.recognised;
    assert!(recognised.iter().any(|n| n.message.contains("KPI table") && n.line > 900));
    assert!(recognised.windows(2).all(|w| w[0].line <= w[1].line), "notes in source order");
}

//! Unit tests of the Markdown importer on small documents written here, one
//! shape at a time: the statements documents of this kind are made of, in
//! the variants other documents write them.

use super::categories::ROADMAP_CATEGORY;
use super::*;
use crate::core::format::validate::validate;
use crate::core::model::{
    Assessment, Better, CostKind, Effort, EffortUnit, Gap, Impact, KpiValue, Priority, Probability, RiskStatus,
    Severity, Status,
};

fn read(text: &str) -> Import {
    let import = import(text);
    assert_eq!(validate(&import.assessment), vec![], "the import must validate:\n{text}");
    import
}

fn gap<'a>(a: &'a Assessment, title: &str) -> &'a Gap {
    a.gaps.iter().find(|g| g.title == title).unwrap_or_else(|| panic!("no gap {title:?} in {:#?}", a.gaps))
}

fn category_of<'a>(a: &'a Assessment, gap: &Gap) -> &'a str {
    a.category(&gap.category).map_or("", |c| c.name.as_str())
}

#[test]
fn title_is_the_first_level_one_heading_without_emoji() {
    let a = read("Intro text\n\n## Not this\n\n# 🚨 Payments Readiness ✅\n\n# Second").assessment;
    assert_eq!(a.title, "Payments Readiness");
    assert_eq!(a.id, "payments-readiness");
    let untitled = read("Just text.\n");
    assert_eq!(untitled.assessment.title, "Imported assessment");
    assert!(untitled.report.guessed.iter().any(|n| n.message.contains("no level-1 heading")));
    assert!(!untitled.report.recognised_anything());
}

#[test]
fn scores_from_bars_lists_and_tables() {
    let text = "# T\n\n\
        Overall: 40%\n\n\
        - Observability: 45% ⚠️\n- Security: 60/100 ✅\n\n\
        Reliability: [███░░░░░░░] 30%\n\n\
        | Area | Score |\n|---|---|\n| Data | 7/10 |\n| Overall | 40% |\n";
    let import = read(text);
    let a = &import.assessment;
    let scores: Vec<(&str, Option<f64>)> = a.categories.iter().map(|c| (c.name.as_str(), c.manual_score)).collect();
    assert_eq!(
        scores,
        vec![
            ("Observability", Some(45.0)),
            ("Security", Some(60.0)),
            ("Reliability", Some(30.0)),
            ("Data", Some(70.0))
        ]
    );
    assert_eq!(a.stated_overall, Some(40.0));
    assert!(import.report.warnings.is_empty());
}

#[test]
fn two_different_overall_scores_are_a_warning() {
    let import = read("# T\n\nCurrent Score: 25/100\n\n## Summary\n\nWe are 40% production-ready.\n");
    assert_eq!(import.assessment.stated_overall, Some(25.0));
    let warning = &import.report.warnings[0];
    assert_eq!(warning.line, 3);
    assert!(warning.message.contains("25") && warning.message.contains("40 (line 7)"), "{}", warning.message);
}

#[test]
fn findings_take_the_category_of_their_section() {
    let text = "# T\n\n| Category | Score |\n|---|---|\n| Security | 20% |\n\n\
        ## 2. 🔴 Security Issues\n\n#### Problems Found:\n- ❌ No WAF\n- ⚠️ Partial TLS\n- ✅ Secrets in vault\n\n\
        ## Networking Gaps\n\n- ❌ No ingress\n";
    let a = read(text).assessment;
    assert_eq!(category_of(&a, gap(&a, "No WAF")), "Security");
    assert_eq!(gap(&a, "Partial TLS").status, Status::Partial);
    assert_eq!(gap(&a, "Secrets in vault").status, Status::Done);
    assert_eq!(category_of(&a, gap(&a, "No ingress")), "Networking");
}

#[test]
fn priority_severity_and_effort_stated_in_a_section_attach_to_its_gaps() {
    let text =
        "# T\n\n## 1. CRITICAL GAPS\n\n### 1.1 Backups [HIGH]\n\n**Risk Level:** MEDIUM-HIGH\n**Effort:** 2-4 days\n\n\
        - ❌ No backups\n- ❌ No restore test (4 hours)\n\n### 1.2 Logging\n\nPriority: LOW\n\n- ❌ No log shipping\n\n\
        ### 1.3 Tracing\n\n- ❌ No tracing [P1]\n";
    let import = read(text);
    let a = &import.assessment;
    let backups = gap(a, "No backups");
    assert_eq!((backups.priority, backups.severity), (Priority::P1, Some(Severity::High)));
    // The section's effort is split over the gaps that state none.
    assert_eq!(backups.effort, Some(Effort::new(2.0, 4.0, EffortUnit::Days)));
    assert_eq!(gap(a, "No restore test").effort, Some(Effort::new(4.0, 4.0, EffortUnit::Hours)));
    assert_eq!(gap(a, "No log shipping").priority, Priority::P3);
    // Inherited from `CRITICAL GAPS`, then overridden by the item's own tag.
    assert_eq!(gap(a, "No tracing").priority, Priority::P1);
}

#[test]
fn effort_of_a_section_is_split_over_its_gaps() {
    let import = read("# T\n\n## Backups\n\nEffort: 3 days\n\n- ❌ One\n- ❌ Two\n- ❌ Three\n");
    let a = &import.assessment;
    assert!(a.gaps.iter().all(|g| g.effort == Some(Effort::new(1.0, 1.0, EffortUnit::Days))));
    assert!(import.report.guessed.iter().any(|n| n.message.contains("split evenly")));
}

#[test]
fn a_checked_mark_under_requirements_is_wanted_not_done() {
    let text = "# T\n\n## Security\n\n### Findings:\n- ❌ Keys in env\n\n### Requirements:\n- ✅ Vault\n\n\
        ## Storage\n\n#### Enterprise Requirements:\n- ✅ Encrypted volumes\n- ✅ Backups\n\n\
        ## Networking\n\n**Targets:**\n- ✅ Zero open ports\n";
    let import = read(text);
    let a = &import.assessment;
    // With findings of its own, the requirement restates them: a note.
    assert!(a.gaps.iter().all(|g| g.title != "Vault"));
    assert!(a.categories.iter().any(|c| c.notes.contains("Vault")));
    // Without, requirements are what the section lacks.
    assert_eq!(gap(a, "Encrypted volumes").status, Status::Missing);
    assert_eq!(gap(a, "Backups").status, Status::Missing);
    // Targets are wishes, but not requirements: kept as text.
    assert!(a.gaps.iter().all(|g| g.title != "Zero open ports"));
    assert!(a.summary.contains("Zero open ports"));
}

#[test]
fn a_section_with_a_task_list_is_one_gap_with_its_checklist() {
    let text = "# T\n\n## Security\n\n### Hardening checklist\n\nSome context.\n\n- [x] Rotate keys\n- [ ] Enable MFA\n- [ ] Add WAF\n";
    let a = read(text).assessment;
    let g = gap(&a, "Hardening checklist");
    assert_eq!(g.status, Status::Partial);
    let items: Vec<(&str, bool)> = g.items.iter().map(|i| (i.text.as_str(), i.done)).collect();
    assert_eq!(items, vec![("Rotate keys", true), ("Enable MFA", false), ("Add WAF", false)]);
    assert_eq!(g.description, "Some context.");
    assert_eq!(category_of(&a, g), "Security");
}

#[test]
fn requirement_tables_become_gaps() {
    let text = "# T\n\n## Checklist\n\n| # | Requirement | Status | Priority | Notes |\n|---|---|---|---|---|\n\
        | 1 | CI pipeline | ❌ MISSING | P0 | none yet |\n| 2 | Backups | Present | P1 | |\n| 3 | IaC | ❌ Partial | P2 | |\n";
    let a = read(text).assessment;
    assert_eq!((gap(&a, "CI pipeline").status, gap(&a, "CI pipeline").priority), (Status::Missing, Priority::P0));
    assert!(gap(&a, "CI pipeline").description.contains("Notes: none yet"));
    assert_eq!((gap(&a, "Backups").status, gap(&a, "Backups").priority), (Status::Done, Priority::P1));
    assert_eq!(gap(&a, "IaC").status, Status::Partial);
}

#[test]
fn phase_headings_in_their_variants() {
    let text = "# T\n\n## Roadmap\n\n### Phase 1: Security & Reliability (Week 1)\n- Add WAF\n\n\
        ### Phase 2: Observability - 1-2 weeks\n- Add tracing (3 days)\n\n\
        ### Phase 3: Hardening (Week 3-4)\n**Team:** 3-4 engineers | **Cost:** $120K-160K\n\n- [x] Pen test\n\n\
        **Exit criteria:**\n- ✅ No open P0\n";
    let import = read(text);
    let a = &import.assessment;
    let phases: Vec<(&str, Option<f64>, f64, f64)> =
        a.phases.iter().map(|p| (p.name.as_str(), p.start_week, p.duration_weeks.min, p.duration_weeks.max)).collect();
    assert_eq!(
        phases,
        vec![
            ("Security & Reliability", Some(0.0), 1.0, 1.0),
            ("Observability", None, 1.0, 2.0),
            ("Hardening", Some(2.0), 2.0, 2.0),
        ]
    );
    assert_eq!(gap(a, "Add WAF").phase.as_deref(), Some(a.phases[0].id.as_str()));
    assert_eq!(gap(a, "Add tracing").effort, Some(Effort::new(3.0, 3.0, EffortUnit::Days)));
    assert_eq!(gap(a, "Pen test").status, Status::Done);
    let hardening = &a.phases[2];
    assert_eq!(hardening.exit_criteria, vec![crate::core::model::Criterion::new("No open P0")]);
    assert_eq!(hardening.team.len(), 1);
    assert_eq!((hardening.team[0].fte.min, hardening.team[0].fte.max), (3.0, 4.0));
    assert_eq!(a.role(&hardening.team[0].role).map(|r| r.name.as_str()), Some("Engineers"));
    assert_eq!(hardening.stated_cost.as_ref().map(|c| c.max), Some(160_000.0));
    // Tasks that name no known category go to the category their words name
    // (it was a catch-all Roadmap category before, whose score is no area's):
    // a pen test is security, as is a WAF, and tracing is observability.
    assert_eq!(category_of(a, gap(a, "Pen test")), "Security");
    assert_eq!(category_of(a, gap(a, "Add WAF")), "Security");
    assert_eq!(category_of(a, gap(a, "Add tracing")), "Observability");
    assert!(a.category(&ROADMAP_CATEGORY.to_lowercase()).is_none());
}

#[test]
fn a_stated_total_from_a_line_or_a_total_row() {
    let text = "# T\n\n**Total investment:** $1.2M–1.5M\n\n## Phase 1: Build (2 weeks)\n\nCost: $400K\n\n\
        ## Resources\n\n| Phase | Duration | Cost |\n|---|---|---|\n| Phase 1 | 2 weeks | $400K |\n\
        | Total | 2 weeks | $1.3M |\n";
    let import = read(text);
    let a = &import.assessment;
    let total = a.stated_total.as_ref().expect("a stated total");
    assert_eq!((total.min, total.max), (1_200_000.0, 1_500_000.0));
    assert_eq!(a.phases[0].stated_cost.as_ref().map(|c| (c.min, c.max)), Some((400_000.0, 400_000.0)));
    // The line is read in full: it is not kept in the summary as well.
    assert!(!a.summary.contains("Total investment"), "{}", a.summary);
    // The total row disagrees with the line: the first statement is kept.
    assert!(
        import.report.warnings.iter().any(|w| w.message.contains("$1,300,000") && w.message.contains("kept")),
        "{}",
        import.report
    );
}

#[test]
fn kpi_risk_and_cost_tables() {
    let text = "# T\n\n### Phase 1: Build (4 weeks)\n\n### Phase 2: Run (4 weeks)\n\n## Metrics\n\n\
        | Metric | Current | Phase 1 Target | Phase 2 Target |\n|---|---|---|---|\n\
        | Coverage | 40% | 60% | 80%+ |\n| MTTR | 2 hours | <1 hour | <30 min |\n\n\
        ## Risks\n\n| Risk | Likelihood | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| Outage | Low | Critical | Failover | Ops |\n\n\
        ## Infrastructure (monthly)\n\n| Item | Current | Phase 1 | Phase 2 |\n|---|---|---|---|\n| Hosting | $1K | $2K | $2K |\n| **Total** | $1K | $2K | $2K |\n";
    let import = read(text);
    let a = &import.assessment;
    let coverage = &a.kpis[0];
    assert_eq!(
        (coverage.unit.as_str(), coverage.current.as_ref(), coverage.better),
        ("%", Some(&KpiValue::Number(40.0)), Better::Higher)
    );
    assert_eq!(coverage.targets.iter().map(|t| t.value.number()).collect::<Vec<_>>(), vec![Some(60.0), Some(80.0)]);
    // `<1 hour` and `<30 min` are in other units than `2 hours`: the one that
    // differs is kept as the words written, as the target (it was kept among
    // the KPI's unknown keys before targets could hold words).
    let mttr = &a.kpis[1];
    assert_eq!((mttr.unit.as_str(), mttr.better), ("hours", Better::Lower));
    let targets: Vec<&KpiValue> = mttr.targets.iter().map(|t| &t.value).collect();
    assert_eq!(targets, [&KpiValue::Number(1.0), &KpiValue::Text("<30 min".into())]);
    assert!(mttr.extra.is_empty());
    let risk = &a.risks[0];
    assert_eq!((risk.probability, risk.impact), (Probability::Low, Impact::Critical));
    // An owner column is the risk's owner, no longer part of its mitigation.
    assert_eq!((risk.mitigation.as_str(), risk.owner.as_str()), ("Failover", "Ops"));
    // Monthly run-rate ×12, each phase adding its increase; the total row is not a cost.
    let costs: Vec<(&str, f64, CostKind)> =
        a.phases.iter().flat_map(|p| p.costs.iter().map(|c| (c.name.as_str(), c.amount, c.kind))).collect();
    assert_eq!(costs, vec![("Hosting", 12_000.0, CostKind::Annual)]);
}

#[test]
fn risk_status_and_review_columns_are_read_when_they_hold_one() {
    let text = "# T\n\n## Risks\n\n| Risk | Probability | Impact | Status | Review |\n|---|---|---|---|---|\n\
        | Outage | High | High | Mitigating | 2025-04-01 |\n| Breach | Low | Critical | Being tracked | next sprint |\n";
    let a = read(text).assessment;
    let (outage, breach) = (&a.risks[0], &a.risks[1]);
    assert_eq!((outage.status, outage.review_on.as_deref()), (RiskStatus::Mitigating, Some("2025-04-01")));
    assert_eq!(outage.mitigation, "");
    // Words that are no status nor date are kept, as before, in the mitigation.
    assert_eq!((breach.status, breach.review_on.as_deref()), (RiskStatus::Open, None));
    assert_eq!(breach.mitigation, "Status: Being tracked; Review: next sprint");
}

#[test]
fn gap_plans_evidence_and_criteria_in_the_reports_phrases() {
    let text = "# T\n\n## Security\n\n- ❌ **Audit log**\n  **Priority:** P1 · **Due:** 2025-06-30\n\n\
        - ➖ **Backups**\n  **Status:** accepted\n  **Depends on:** Audit log\n  **Accepted** until 2025-12-31, by Ana: low traffic\n\n  \
        **Evidence:**\n\n  - [Dashboard](<https://grafana.example.com/d/1>)\n  - Run log (`javascript:alert(1)`)\n  - Checked by hand\n\n\
        ## Roadmap\n\n**Starts on:** 2025-03-03\n\n### Phase 1: Build\n\n**Duration:** 2 weeks\n\n\
        ### Phase 2: Run\n\n**Duration:** 6–9 weeks · **Starts after:** none (at the roadmap's start)\n\n**Exit criteria:**\n\n\
        - [x] Green CI — evidence: [https://ci.example.com/1](<https://ci.example.com/1>)\n- Sign-off — evidence: QA\n";
    let a = read(text).assessment;
    assert_eq!(a.start_date.as_deref(), Some("2025-03-03"));
    let audit = gap(&a, "Audit log");
    assert_eq!(audit.due.as_deref(), Some("2025-06-30"));
    let backups = gap(&a, "Backups");
    assert_eq!(backups.depends_on, vec![audit.id.clone()]);
    let acceptance = backups.acceptance.as_ref().expect("an acceptance");
    assert_eq!(
        (acceptance.reason.as_str(), acceptance.by.as_str(), acceptance.expires.as_deref()),
        ("low traffic", "Ana", Some("2025-12-31"))
    );
    let evidence: Vec<(&str, Option<&str>)> =
        backups.evidence.iter().map(|e| (e.text.as_str(), e.url.as_deref())).collect();
    assert_eq!(
        evidence,
        [
            ("Dashboard", Some("https://grafana.example.com/d/1")),
            ("Run log", Some("javascript:alert(1)")),
            ("Checked by hand", None)
        ]
    );
    assert_eq!(backups.description, "");
    let run = &a.phases[1];
    assert_eq!((run.duration_weeks.min, run.duration_weeks.max, run.after.clone()), (6.0, 9.0, Some(vec![])));
    let criteria: Vec<(&str, bool, Option<&str>)> =
        run.exit_criteria.iter().map(|c| (c.text.as_str(), c.met, c.evidence.as_deref())).collect();
    assert_eq!(criteria, [("Green CI", true, Some("https://ci.example.com/1")), ("Sign-off", false, Some("QA"))]);
}

#[test]
fn plain_code_blocks_of_findings_and_scores_are_read_named_ones_are_not() {
    let text = "# T\n\n## Score\n\n```\nCurrent Score: 30/100\nSecurity: [██░░] 20%\nTesting:  [████] 40%\n```\n\n\
        ## Security\n\n```\n✅ TLS everywhere\n❌ No WAF\nCoverage: 1/2\n```\n\n```python\n# ❌ not a finding\n```\n";
    let import = read(text);
    let a = &import.assessment;
    assert_eq!(a.stated_overall, Some(30.0));
    assert_eq!(a.categories.iter().filter(|c| c.manual_score.is_some()).count(), 2);
    assert_eq!(a.gaps.len(), 2);
    assert_eq!(gap(a, "TLS everywhere").status, Status::Done);
    let notes = &a.category("security").unwrap().notes;
    assert!(notes.contains("Coverage: 1/2") && notes.contains("```python"), "{notes}");
}

#[test]
fn metadata_is_read_and_not_repeated_in_the_summary() {
    let text = "# T\n\n**Date:** 2025-11-14\n**Assessed By:** Ana, Bo and Chen\n**System:** Ledger\n**Currency:** EUR\n\nThe summary.\n";
    let a = read(text).assessment;
    assert_eq!(a.assessed_on.as_deref(), Some("2025-11-14"));
    assert_eq!(a.assessors, vec!["Ana", "Bo", "Chen"]);
    assert_eq!(a.system, "Ledger");
    assert_eq!(a.currency, "EUR");
    assert_eq!(a.summary, "The summary.");
}

#[test]
fn computed_figures_and_comments_are_skipped() {
    let text = "# T\n\n<!-- a note -->\n\n<!-- gapmap:computed -->\n\n**Computed overall score:** 10/100\n\n- ❌ Not a gap\n\n<!-- /gapmap:computed -->\n\nKept.\n";
    let import = read(text);
    assert!(import.assessment.gaps.is_empty());
    assert_eq!(import.assessment.stated_overall, None);
    assert_eq!(import.assessment.summary, "Kept.");
    assert!(import.report.skipped.iter().any(|n| n.line == 5 && n.message.contains("computed by Gapmap")));
}

#[test]
fn mojibake_is_repaired_before_reading() {
    // UTF-8 read as Windows-1252 with the undefined bytes lost: ❌ → `âŒ`.
    let broken: String = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling("# Plan ✅\n\n## Security\n\n- ❌ No WAF — yet\n".as_bytes())
        .0
        .chars()
        .filter(|c| !('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(broken.contains("âŒ"));
    let import = read(&broken);
    assert_eq!(import.assessment.title, "Plan");
    let g = gap(&import.assessment, "No WAF — yet");
    assert_eq!(g.status, Status::Missing);
    assert!(import.report.guessed.iter().any(|n| n.message.contains("Windows-1252")));
}

#[test]
fn report_lines_point_at_the_source() {
    let import = read("# T\n\n## Security\n\n- ❌ No WAF\n");
    let note = import.report.recognised.iter().find(|n| n.message.contains("gap(s)")).unwrap();
    assert_eq!(note.line, 5);
    assert_eq!(import.report.counts.gaps, 1);
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "",
        "#",
        "- ❌",
        "| a |\n|---|\n| ❌ |",
        "### Phase 1:\n- [ ]",
        "### Phase 999999999999: x (Week 0)",
        "Current Score: 999/100",
        "```\n❌\n",
        "> - [x] ❌ a\n>   - ✅ b",
        "\u{feff}# T\r\n\r\n- ❌ a\r\n",
        "| Phase | Duration | Engineers |\n|---|---|---|\n| Phase 1 | 2-1 weeks | -3 |\n",
        "| Metric | Current | Phase 1 Target |\n|---|---|---|\n| x | 1e309 | NaN |\n",
    ] {
        read(text);
    }
}

#[test]
fn parts_of_the_document_are_not_categories() {
    // A document in yet another shape: areas as level-2 headings with ⚠️
    // findings, a tiered checklist, a conclusion with next steps.
    let text = "# Ledger Service Review\n\n## Executive Summary\n\nMostly fine.\n\n\
        ## Observability\n\n- ⚠️ Alerts page nobody\n- ✅ Dashboards per service\n\n\
        ## Data & Backups\n\n- ❌ Restores never rehearsed\n\n\
        ## Readiness Checklist\n\n### Must-have before launch\n\n\
        | Requirement | Status | Priority |\n|---|---|---|\n\
        | Alerting on error budget | ❌ Missing | P0 |\n| Point-in-time restore | ⚠️ Partial | P1 |\n| Load shedding | ❌ Missing | P1 |\n\n\
        ## Conclusion and Next Steps\n\n- [ ] Book the restore drill\n- [x] Share this review\n";
    let a = read(text).assessment;
    let names: Vec<&str> = a.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Observability", "Data & Backups", "General"], "categories: {names:?}");
    // Checklist rows join the area their words point to, where the document has it.
    assert_eq!(category_of(&a, gap(&a, "Alerting on error budget")), "Observability");
    assert_eq!(category_of(&a, gap(&a, "Point-in-time restore")), "Data & Backups");
    assert_eq!(category_of(&a, gap(&a, "Load shedding")), "General");
    // The conclusion's task list is still one gap with its checklist.
    let next = gap(&a, "Conclusion and Next Steps");
    assert_eq!(next.items.len(), 2);
    assert_eq!(category_of(&a, next), "General");
}

#[test]
fn areas_follow_the_words_of_a_title() {
    let area = |title: &str| phrases::areas(title).first().map(|a| a[0]);
    assert_eq!(area("Helm Charts"), Some("infrastructure"));
    assert_eq!(area("On-Call Rotation"), Some("operation"));
    assert_eq!(area("SOC 2 Type II Certified"), Some("compliance"));
    assert_eq!(area("Error Tracking (Sentry)"), Some("observability"));
    assert_eq!(area("End-to-End Tests"), Some("test"));
    assert_eq!(area("Quarterly budget review"), None);
}

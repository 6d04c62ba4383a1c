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

/// The roadmap tasks that restate a finding: the finding (which took the
/// task's phase, and says so in its description), keyed by the task's
/// title. Each is also a guess of the import report, naming both lines.
fn linked_tasks(import: &Import) -> BTreeMap<String, &Gap> {
    let mut linked = BTreeMap::new();
    for gap in &import.assessment.gaps {
        for task in gap.description.lines().filter_map(|l| l.strip_prefix("Roadmap task: ")) {
            let guess = format!("The task \"{task}\" restates the finding \"{}\" (line ", gap.title);
            assert!(import.report.guessed.iter().any(|n| n.message.starts_with(&guess)), "no guess {guess:?}");
            assert!(gap.phase.is_some(), "{} takes the phase of {task}", gap.title);
            linked.insert(task.to_string(), gap);
        }
    }
    linked
}

/// The gap of a roadmap task among `gaps`: a gap of its own, or the finding
/// it restates (which took its effort, checklist and evidence).
fn task<'g>(gaps: &[&'g Gap], title: &str) -> &'g Gap {
    let restated = format!("Roadmap task: {title}");
    gaps.iter()
        .find(|g| g.title == title || g.description.lines().any(|l| l == restated))
        .copied()
        .unwrap_or_else(|| panic!("no task {title}"))
}

/// Whether a gap is a finding of its section: not a roadmap task (a gap
/// with a phase), unless a task restating it gave it that phase.
fn is_finding(gap: &Gap) -> bool {
    gap.phase.is_none() || gap.description.lines().any(|l| l.starts_with("Roadmap task: "))
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

/// The status counts of `done` and `missing` findings, as [`statuses`]
/// gives them (a status with none is not listed).
fn found((done, missing): (usize, usize)) -> BTreeMap<&'static str, usize> {
    counts(&[("done", done), ("missing", missing)]).into_iter().filter(|(_, n)| *n > 0).collect()
}

// The figures the tests expect are counted in the fixtures themselves, as
// they are on disk (still mis-decoded), with the helpers below: so each is
// checked against the document, not only against the importer's last run.

/// A fixture's text as it is on disk.
fn fixture_text(path: &str) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The status marks ❌ and ✅ as a fixture's wrong decode spells them.
#[derive(Clone, Copy)]
struct Marks {
    missing: &'static str,
    done: &'static str,
}

/// The enterprise assessment was read as Mac Roman.
const MAC_ROMAN: Marks = Marks { missing: "‚ùå", done: "‚úÖ" };

/// The gap analysis was read as Windows-1252, which has no character for the
/// byte 0x9D of ❌: it was lost, and ❌ left only two characters behind.
const WINDOWS_1252: Marks = Marks { missing: "âŒ", done: "âœ…" };

/// The lines from the heading that starts with `heading` to the next heading
/// of the same or a higher level; lines in code blocks are never headings.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let level = |line: &str| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
    };
    let mut lines = text.lines().skip_while(|line| !line.starts_with(heading));
    let Some(first) = lines.next() else { panic!("no heading {heading:?} in the fixture") };
    let own = level(first).unwrap_or_else(|| panic!("{first:?} is not a heading"));
    let mut in_code = false;
    let mut out = vec![first];
    for line in lines {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code && level(line).is_some_and(|l| l <= own) {
            break;
        }
        out.push(line);
    }
    out
}

/// The lines after the first that contains `label`.
fn after<'a>(lines: &[&'a str], label: &str) -> Vec<&'a str> {
    lines.iter().skip_while(|line| !line.contains(label)).skip(1).copied().collect()
}

/// How many lines start with `mark`, after their indentation and a list bullet.
fn marked(lines: &[&str], mark: &str) -> usize {
    lines
        .iter()
        .filter(|line| {
            let line = line.trim_start();
            line.strip_prefix("- ").unwrap_or(line).starts_with(mark)
        })
        .count()
}

/// Whether a line is an item of a task list: `- [ ] …`, `- [x] …`, `1. [ ] …`.
fn is_task_item(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_bullet = line.strip_prefix("- ").or_else(|| line[digits..].strip_prefix(". ").filter(|_| digits > 0));
    after_bullet.is_some_and(|rest| rest.starts_with("[ ] ") || rest.starts_with("[x] "))
}

/// Whether a line is a numbered task of a phase: `4. **Create Helm Charts** …`
/// at the start of the line, outside any list.
fn is_numbered_task(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(". **")
}

/// Whether a line is a table row whose first cell is a number (`| 12 | …`),
/// as the rows of the gap analysis's checklist tables are.
fn is_numbered_row(line: &str) -> bool {
    line.strip_prefix("| ").and_then(|rest| rest.split(" | ").next()).is_some_and(|n| n.parse::<u32>().is_ok())
}

/// The rows of the first table in `lines`, without its header and separator.
fn table_rows<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines.iter().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2).copied().collect()
}

/// The findings a section of the gap analysis marks, as (done, missing): its
/// lines that start with ✅ or ❌, up to its requirements (what it states
/// is wanted, after "Enterprise Requirement:") and outside Python code,
/// which is evidence.
fn findings_in(text: &str, heading: &str) -> (usize, usize) {
    let lines = section(text, heading);
    let mut kept = Vec::new();
    let mut in_python = false;
    for line in lines.iter().take_while(|line| !line.contains("Enterprise Requirement")) {
        if line.trim_start().starts_with("```") {
            in_python = line.trim_start() == "```python";
        } else if !in_python {
            kept.push(*line);
        }
    }
    (marked(&kept, WINDOWS_1252.done), marked(&kept, WINDOWS_1252.missing))
}

/// The requirements a section of the gap analysis states: the ✅ lines after
/// its "Enterprise Requirement:" label.
fn requirements_in(text: &str, heading: &str) -> usize {
    marked(&after(&section(text, heading), "Enterprise Requirement"), WINDOWS_1252.done)
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
    assert_eq!(import.report.counts.category_scores, stated.len());
    // The wrong decode was Mac Roman; the report says so.
    assert!(import.report.guessed.iter().any(|n| n.message.contains("Mac Roman")), "{}", import.report);
}

#[test]
fn enterprise_assessment_findings_and_requirements() {
    let import = import_file(ENTERPRISE);
    let a = &import.assessment;
    let text = fixture_text(ENTERPRISE);
    let all_lines: Vec<&str> = text.lines().collect();
    // Forty findings marked ❌ in six sections, each in the category of its section.
    // (Roadmap tasks of the same area join these categories, assigned to
    // their phase; a finding a task restates takes the task's phase.)
    let findings = |name: &str| -> Vec<&Gap> { gaps_in(a, name).into_iter().filter(|g| is_finding(g)).collect() };
    let sections = [
        ("Hardcoded Values & Anti-Patterns", "### 1.", 8),
        ("Networking", "### 3.", 6),
        ("Observability", "### 4.", 7),
        ("Reliability", "### 5.", 7),
        ("Database & Storage", "### 6.", 6),
        ("Deployment", "### 8.", 6),
    ];
    for (name, heading, count) in sections {
        assert_eq!(marked(&section(&text, heading), MAC_ROMAN.missing), count, "❌ lines of the section {heading}");
        assert_eq!(statuses(findings(name)), counts(&[("missing", count)]), "{name}");
    }
    let marked_findings: usize = sections.iter().map(|(_, _, count)| count).sum();
    assert_eq!(marked_findings, 40);
    assert_eq!(marked(&all_lines, MAC_ROMAN.missing), marked_findings, "every ❌ line is in those sections");
    // "CRITICAL:" in the first section's heading makes its findings P0.
    assert!(gaps_in(a, "Hardcoded Values & Anti-Patterns").iter().all(|g| g.priority == Priority::P0));
    assert_eq!(gaps_in(a, "Hardcoded Values & Anti-Patterns")[0].title, "Hardcoded `localhost` in default values");
    // The security section states requirements (✅) and no findings: they
    // are what it lacks, so missing gaps, not closed ones.
    let requirements = marked(&section(&text, "### 2."), MAC_ROMAN.done);
    assert_eq!(requirements, 7);
    let security = findings("Security");
    assert_eq!(security.len(), requirements);
    assert!(security.iter().all(|g| g.status == Status::Missing));
    assert!(security.iter().any(|g| g.title == "mTLS between services"));
    assert!(a.gaps.iter().all(|g| g.status == Status::Missing), "nothing in this document is done");
    // Besides the findings and the requirements, the roadmap's tasks: the
    // items listed under the four phase headings, four each.
    let tasks: usize = (1..=4)
        .map(|n| section(&text, &format!("### Phase {n}:")).iter().filter(|l| l.starts_with("- ")).count())
        .sum();
    assert_eq!(tasks, 4 * 4);
    // A task that restates a finding is that finding, not a second gap
    // (before tasks were linked, each was a gap of its own): "Add rate
    // limiting" is the finding "No rate limiting at ingress".
    let linked = linked_tasks(&import);
    assert_eq!(linked.get("Add rate limiting").map(|g| g.title.as_str()), Some("No rate limiting at ingress"));
    assert_eq!(a.gaps.len(), marked_findings + requirements + tasks - linked.len());
    // The document has no task list (`- [ ]`), so no checklist items.
    assert_eq!(all_lines.iter().filter(|l| is_task_item(l)).count(), 0);
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
    // The items listed under each phase heading, four each, are its tasks,
    // assigned to it.
    let text = fixture_text(ENTERPRISE);
    for (n, p) in a.phases.iter().enumerate() {
        let listed = section(&text, &format!("### Phase {}:", n + 1)).iter().filter(|l| l.starts_with("- ")).count();
        assert_eq!(listed, 4, "{}", p.name);
        let tasks: Vec<&Gap> = a.gaps.iter().filter(|g| g.phase.as_deref() == Some(&p.id)).collect();
        assert_eq!(tasks.len(), listed, "{}", p.name);
    }
    // The task restates a requirement of the security section, which takes its phase.
    let vault = linked_tasks(&import)["Implement Vault for secrets"];
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
    // Bytes lost in the wrong decode were put back as the status emoji: the
    // byte 0x9D of every ❌ in the document, 180 of them.
    let lost = fixture_text(GAP_ANALYSIS).matches(WINDOWS_1252.missing).count();
    assert_eq!(lost, 180);
    assert!(
        import.report.guessed.iter().any(|n| n.message.contains('❌') && n.message.contains(&format!("{lost} time"))),
        "{}",
        import.report
    );
    assert!(a.categories.iter().flat_map(|c| c.notes.chars()).any(|c| c == '❌'));
}

#[test]
fn gap_analysis_findings() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    let text = fixture_text(GAP_ANALYSIS);
    let findings = |name: &str| -> Vec<&Gap> {
        let id = &category(a, name).id;
        a.gaps.iter().filter(|g| &g.category == id && is_finding(g) && !g.description.starts_with("Status:")).collect()
    };
    // The findings of a section, counted in the fixture (see `findings_in`),
    // are the gaps of its category.
    let check = |name: &str, heading: &str, expected: (usize, usize)| {
        assert_eq!(findings_in(&text, heading), expected, "the marked lines of the section {heading}");
        assert_eq!(statuses(findings(name)), found(expected), "{name}");
    };
    // Section 1.1: eight missing components, a blocker of critical severity.
    check("CI/CD Pipeline", "#### 1.1 ", (0, 8));
    let ci = findings("CI/CD Pipeline");
    assert!(ci.iter().all(|g| g.priority == Priority::P0 && g.severity == Some(Severity::Critical)));
    // Section 1.2: a plain code block of stage results (3 tested, 5 not) and seven missing test types.
    check("Testing & QA", "#### 1.2 ", (3, 5 + 7));
    // Section 1.4 is [HIGH]: P1. Its findings: three secrets-scanning gaps,
    // nine missing controls in a plain code block, three dependency gaps; the
    // four in its Python block are evidence, not gaps.
    check("Security", "#### 1.4 ", (0, 3 + 9 + 3));
    let security = findings("Security");
    assert!(security.iter().all(|g| g.priority == Priority::P1 && g.severity == Some(Severity::High)));
    // Section 2.3: four implemented, twelve missing in a plain code block.
    // "Risk Level: MEDIUM-HIGH" reads as high.
    check("Monitoring & Observability", "#### 2.3 ", (4, 12));
    let monitoring = findings("Monitoring & Observability");
    assert!(monitoring.iter().all(|g| g.severity == Some(Severity::High) && g.priority == Priority::P1));
    // Section 2.4, block by block: done in the audit trail and the access
    // controls; missing in those, the data governance and the certifications.
    check("Compliance", "#### 2.4 ", (1 + 1, 4 + 6 + 4 + 5));
    // Section 2.5, block by block: done in the runbooks, the deployment
    // automation and the backups; missing in those, the capacity planning and
    // the change management.
    check("Operational Excellence", "#### 2.5 ", (2 + 1 + 1, 3 + 6 + 4 + 4 + 4));
    // Findings nested under a numbered label keep that label.
    let runbooks = findings("Operational Excellence").into_iter().find(|g| g.title == "No runbook testing").unwrap();
    assert_eq!(runbooks.description, "Runbooks");
    // Sections that state only requirements (2.1 and 2.2): their
    // requirements are their gaps, missing.
    assert_eq!(findings_in(&text, "#### 2.2 "), (0, 0));
    let business_logic = requirements_in(&text, "#### 2.2 ");
    assert_eq!(business_logic, 5);
    assert_eq!(statuses(gaps_in(a, "Business Logic")), counts(&[("missing", business_logic)]));
    // Requirements that restate a section's findings are notes, not gaps.
    assert!(!a.gaps.iter().any(|g| g.title == "Must have automated CI/CD with"));
    assert!(category(a, "CI/CD Pipeline").notes.contains("Must have automated CI/CD with"));
    // All of them: the 159 findings of sections 1.1 to 3.3, 26 of them done,
    // and the ten requirements of sections 2.1 and 2.2, read as missing gaps.
    let sections = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3"];
    let (done, missing) = sections
        .iter()
        .map(|n| findings_in(&text, &format!("#### {n} ")))
        .fold((0, 0), |(done, missing), (d, m)| (done + d, missing + m));
    assert_eq!((done, done + missing), (26, 159));
    let wanted = requirements_in(&text, "#### 2.1 ") + requirements_in(&text, "#### 2.2 ");
    assert_eq!(wanted, 5 + 5);
    let all_findings: Vec<&Gap> = a
        .gaps
        .iter()
        // Findings, not table rows, and not the task list (a gap of its own
        // with a checklist and no phase).
        .filter(|g| is_finding(g) && !g.description.starts_with("Status:") && (g.phase.is_some() || g.items.is_empty()))
        .collect();
    assert_eq!(statuses(all_findings), counts(&[("done", done), ("missing", missing + wanted)]));
}

#[test]
fn gap_analysis_requirement_tables_and_checklists() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    let text = fixture_text(GAP_ANALYSIS);
    // Three requirement tables, forty rows (numbered 1 to 40) with status and priority.
    let table: Vec<&str> = text.lines().filter(|l| is_numbered_row(l)).collect();
    assert_eq!(table.len(), 40);
    let rows: Vec<&Gap> = a.gaps.iter().filter(|g| g.description.starts_with("Status:")).collect();
    assert_eq!(rows.len(), table.len());
    // Present (✅) in 3 + 2 rows, as the tables' own scores say (3/15, 2/15,
    // 0/10); `❌ Partial` in two; missing in the rest.
    let present = table.iter().filter(|row| row.contains(WINDOWS_1252.done)).count();
    let partial = table.iter().filter(|row| row.contains("Partial")).count();
    assert_eq!((present, partial), (3 + 2, 2));
    assert_eq!(
        statuses(rows.iter().copied()),
        counts(&[("done", present), ("missing", 40 - present - partial), ("partial", partial)])
    );
    // Fifteen rows of P0, fifteen of P1, ten of P2: one table each.
    let stated = |p: &str| table.iter().filter(|row| row.contains(&format!("| {p} |"))).count();
    assert_eq!((stated("P0"), stated("P1"), stated("P2")), (15, 15, 10));
    let by_priority = |p: Priority| rows.iter().filter(|g| g.priority == p).count();
    assert_eq!((by_priority(Priority::P0), by_priority(Priority::P1), by_priority(Priority::P2)), (15, 15, 10));
    let helm = rows.iter().find(|g| g.title == "Helm Charts").unwrap();
    assert_eq!((helm.status, helm.priority), (Status::Missing, Priority::P0));
    // `❌ Partial` says partial.
    let iac = rows.iter().find(|g| g.title == "Infrastructure as Code").unwrap();
    assert_eq!(iac.status, Status::Partial);
    // The "Next Steps" task list is one gap with its ten checklist items.
    let listed = section(&text, "### Next Steps").iter().filter(|l| is_task_item(l)).count();
    assert_eq!(listed, 10);
    let next = a.gaps.iter().find(|g| g.title == "Next Steps (Immediate)").unwrap();
    assert_eq!(next.items.len(), listed);
    assert!(next.items.iter().all(|i| !i.done));
    assert_eq!(next.status, Status::Missing);
    // Every task-list item of the document is a checklist item: those of
    // the three phases' tasks and the ten of the Next Steps list.
    let task_items = text.lines().filter(|l| is_task_item(l)).count();
    assert_eq!(task_items, (23 + 42 + 27) + 10);
    assert_eq!(import.report.counts.items, task_items);
    // Every gap: the 159 findings and 10 requirements of sections 1.1 to 3.3
    // (see `gap_analysis_findings`), the 40 table rows, the 6 + 9 + 6
    // roadmap tasks (see `gap_analysis_roadmap_teams_and_costs`) and the
    // Next Steps list; less the tasks that restate a finding or a row, which
    // are that finding (each was a gap of its own before tasks were linked).
    let linked = linked_tasks(&import);
    assert!(linked.len() >= 4, "the tasks named in `gap_analysis_roadmap_teams_and_costs`: {linked:?}");
    assert_eq!(a.gaps.len(), (159 + 10) + 40 + (6 + 9 + 6) + 1 - linked.len());
    // What a task adds stays: its checklist joined the finding's.
    assert_eq!(linked["Setup CI/CD Pipeline"].title, "CI/CD Pipeline");
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
    // A bound, not a count: a change guard that few gaps land there (today
    // the Next Steps list and two checklist rows).
    assert!(gaps_in(a, "General").len() <= 5);
    // It is no area of the system, so it weighs nothing in the overall score
    // (before, its score of 0 pulled the overall down), and the report says so.
    assert_eq!(category(a, "General").weight, 0.0);
    assert!(import
        .report
        .guessed
        .iter()
        .any(|n| n.message.contains("\"General\"") && n.message.contains("weighted 0")));
    assert!(a.categories.iter().filter(|c| c.name != "General").all(|c| c.weight > 0.0));
}

#[test]
fn gap_analysis_roadmap_teams_and_costs() {
    let import = import_file(GAP_ANALYSIS);
    let a = &import.assessment;
    let text = fixture_text(GAP_ANALYSIS);
    let phase_lines = |n: usize| section(&text, &format!("### Phase {n}:"));
    // Each phase's exit criteria are the ✅ lines after its "Exit Criteria:" label.
    let exit = |n: usize| marked(&after(&phase_lines(n), "Exit Criteria"), WINDOWS_1252.done);
    assert_eq!((exit(1), exit(2), exit(3)), (7, 7, 5));
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

    // Tasks become gaps of their phase, with effort and checklist: the
    // numbered tasks of each phase, and the task-list items under them.
    let listed = |n: usize| {
        let lines = phase_lines(n);
        (lines.iter().filter(|l| is_numbered_task(l)).count(), lines.iter().filter(|l| is_task_item(l)).count())
    };
    assert_eq!((listed(1), listed(2), listed(3)), ((6, 23), (9, 42), (6, 27)));
    let tasks = |name: &str| -> Vec<&Gap> {
        let id = &phase(a, name).id;
        a.gaps.iter().filter(|g| g.phase.as_ref() == Some(id)).collect()
    };
    let items = |gaps: &[&Gap]| gaps.iter().map(|g| g.items.len()).sum::<usize>();
    let (one, two, three) =
        (tasks("Critical Blockers"), tasks("High-Priority Enterprise Features"), tasks("Optimization & Scale"));
    assert_eq!((one.len(), two.len(), three.len()), (listed(1).0, listed(2).0, listed(3).0));
    assert_eq!((items(&one), items(&two), items(&three)), (listed(1).1, listed(2).1, listed(3).1));
    let setup = task(&one, "Setup CI/CD Pipeline");
    assert_eq!(setup.effort, Some(Effort::new(3.0, 3.0, EffortUnit::Days)));
    assert_eq!(setup.items.len(), 5);
    assert!(!setup.evidence.is_empty(), "the file tree under it is evidence");
    // A numbered task that CommonMark keeps inside a paragraph is still a task.
    let helm = task(&one, "Create Helm Charts");
    assert_eq!(helm.effort, Some(Effort::new(3.0, 3.0, EffortUnit::Days)));
    let governance = task(&two, "Data Governance Framework");
    assert_eq!(governance.effort, Some(Effort::new(2.0, 2.0, EffortUnit::Weeks)));
    assert_eq!(governance.items.len(), 5);
    // Deliverables marked ✅ are wanted, not done.
    let hardening = task(&one, "Security Hardening");
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
        let cost = phase(a, name).stated_cost.as_ref().expect("a stated cost");
        (cost.min, cost.max)
    };
    assert_eq!(stated("Critical Blockers"), (120_000.0, 160_000.0));
    assert_eq!(stated("High-Priority Enterprise Features"), (360_000.0, 480_000.0));
    assert_eq!(stated("Optimization & Scale"), (160_000.0, 200_000.0));
    // Its total row states what the whole roadmap costs.
    assert_eq!(a.stated_total.as_ref().map(|t| (t.min, t.max)), Some((640_000.0, 840_000.0)));
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
    let text = fixture_text(GAP_ANALYSIS);
    // A KPI for each row of the table of success criteria, a risk for each
    // row of the table of critical risks.
    let kpi_rows = table_rows(&section(&text, "### Success Criteria by Phase"));
    assert_eq!(kpi_rows.len(), 10);
    assert_eq!(a.kpis.len(), kpi_rows.len());
    let phase_ids: Vec<&str> = a.phases.iter().map(|p| p.id.as_str()).collect();
    let kpi = |name: &str| a.kpis.iter().find(|k| k.name == name).unwrap();
    let targets = |k: &Kpi| -> Vec<(usize, KpiValue)> {
        k.targets.iter().map(|t| (phase_ids.iter().position(|p| *p == t.phase).unwrap(), t.value.clone())).collect()
    };
    let numbers = |values: &[(usize, f64)]| -> Vec<(usize, KpiValue)> {
        values.iter().map(|(phase, n)| (*phase, KpiValue::Number(*n))).collect()
    };
    let number = |n: f64| Some(KpiValue::Number(n));
    let coverage = kpi("Test Coverage");
    assert_eq!(
        (coverage.unit.as_str(), coverage.current.clone(), coverage.better),
        ("%", number(37.0), Better::Higher)
    );
    assert_eq!(targets(coverage), numbers(&[(0, 80.0), (1, 85.0), (2, 90.0)]));
    let recovery = kpi("Mean Time to Recovery");
    assert_eq!((recovery.unit.as_str(), recovery.better), ("min", Better::Lower));
    assert_eq!(targets(recovery), numbers(&[(0, 30.0), (1, 15.0), (2, 5.0)]));
    let latency = kpi("P95 Latency");
    assert_eq!((latency.unit.as_str(), latency.current.clone(), latency.better), ("ms", number(30.0), Better::Lower));
    assert_eq!(kpi("TODOs in Codebase").better, Better::Lower);
    // Values in words are the KPI's values, as the row writes them (they
    // were kept among the KPI's unknown keys before values could be words).
    let row = |name: &str| -> Vec<String> {
        let line = kpi_rows.iter().find(|r| r.contains(name)).unwrap_or_else(|| panic!("no row {name}"));
        line.trim_matches('|').split('|').map(|c| c.trim().trim_matches('*').to_string()).collect()
    };
    let words = |text: &str| KpiValue::Text(text.to_string());
    let frequency = kpi("Deployment Frequency");
    let cells = row("Deployment Frequency");
    assert_eq!(frequency.current, Some(words(&cells[1])));
    assert_eq!(targets(frequency), vec![(0, words(&cells[2])), (1, words(&cells[3])), (2, words(&cells[4]))]);
    assert_eq!(recovery.current, Some(words(&row("Mean Time to Recovery")[1])));
    assert!(a.kpis.iter().all(|k| k.extra.is_empty()), "nothing only in unknown keys");
    assert!(!import.report.skipped.iter().any(|n| n.message.contains("Deployment Frequency")));

    let risks: Vec<(&str, Probability, Impact)> =
        a.risks.iter().map(|r| (r.title.as_str(), r.probability, r.impact)).collect();
    let risk_rows = table_rows(&section(&text, "### Critical Risks"));
    assert_eq!(risk_rows.len(), 6);
    assert_eq!(risks.len(), risk_rows.len());
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

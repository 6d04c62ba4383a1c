//! `gapmap diff`, run as a user runs it: two files, a milestone of a file
//! (`FILE@NAME`, by name or id, `FILE@latest`), standard input, a path that
//! holds `@`; the text output and `--json`, which is the core's comparison
//! serialized (the value a compare view renders); `--as-of`, the day files
//! are scored as of (a milestone keeps its own); exit 1 for an unreadable
//! file or an unknown milestone, 2 for usage. Also `gapmap report --since`,
//! which names a milestone the same way for the Markdown report's "Changes
//! since" section.

// The command is built only with the `cli` feature (on by default).
#![cfg(feature = "cli")]

use std::path::PathBuf;

use gapmap::core::edit::save_milestone;
use gapmap::core::export::markdown::{report_with_options, ReportOptions, Since};
use gapmap::core::format;
use gapmap::core::model::{Assessment, Status};
use gapmap::core::numbers::compare::compare;

const CANONICAL: &str = include_str!("fixtures/worked-example.json");

#[path = "support/cli.rs"]
mod cli_run;
use cli_run::{run, Outcome};

/// Runs `gapmap` and checks its exit code and that stdout and stderr each
/// contain every fragment given (none: the stream is empty).
#[track_caller]
fn check(args: &[&str], stdin: Option<&str>, code: i32, stdout: &[&str], stderr: &[&str]) -> Outcome {
    let outcome = run(args, stdin);
    let context = format!("gapmap {}\n--- stdout\n{}--- stderr\n{}", args.join(" "), outcome.stdout, outcome.stderr);
    assert_eq!(outcome.code, code, "exit code of {context}");
    for (stream, fragments, name) in [(&outcome.stdout, stdout, "stdout"), (&outcome.stderr, stderr, "stderr")] {
        if fragments.is_empty() {
            assert!(stream.is_empty(), "{name} should be empty: {context}");
        }
        for fragment in fragments {
            assert!(stream.contains(fragment), "{name} should contain {fragment:?}: {context}");
        }
    }
    outcome
}

/// A file of this test's own in Cargo's scratch directory for tests.
fn scratch(name: &str, a: &Assessment) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-diff-{name}"));
    std::fs::write(&path, format::save(a)).unwrap();
    path.to_str().unwrap().to_string()
}

fn worked_example() -> Assessment {
    format::load(CANONICAL.as_bytes()).unwrap()
}

/// The worked example once its blocker is closed, with milestones of it
/// before ("Baseline", 2025-01-10) and after ("Closed", 2025-02-01).
fn with_milestones() -> Assessment {
    let mut a = worked_example();
    let baseline = save_milestone(&a, "Baseline", "2025-01-10");
    a.milestones.push(baseline);
    a.gaps[0].status = Status::Done;
    let closed = save_milestone(&a, "Closed", "2025-02-01");
    a.milestones.push(closed);
    a
}

#[test]
fn two_files_as_text() {
    let before = scratch("before.json", &worked_example());
    let mut changed = worked_example();
    changed.gaps[0].status = Status::Done;
    changed.gaps[1].owner = "Ada".into();
    let after = scratch("after.json", &changed);
    check(
        &["diff", &before, &after],
        None,
        0,
        &[
            "Overall: 53.7 → 82.3 (+28.6), level MVP → Production-ready\n",
            "Now production-ready (was not production-ready).\n",
            // The change is the difference of the scores as shown.
            "  Security                 35.7 → 92.9 (+57.2)\n",
            "  Reliability              83.3 (no change)\n",
            "Blockers: 0 opened, 1 closed\n  closed   g1  g1\n",
            "Gaps: 0 added, 0 removed, 2 changed\n",
            "  changed  g1  g1\n             status: missing → done\n",
            "  changed  g2  g2\n             owner: none → Ada\n",
            "  Total: $25,000–$55,000 → $25,000–$55,000\n",
            "  Duration: 3–5 → 3–5 weeks\n",
        ],
        &[],
    );
    // Nothing changed is a success too, and says so.
    check(&["diff", &before, &before], None, 0, &["Overall: 53.7 (no change), level MVP\nNo change.\n"], &[]);
}

#[test]
fn the_json_is_the_cores_comparison_serialized() {
    let a = with_milestones();
    let file = scratch("milestones.json", &a);
    let baseline = a.milestones[0].state.to_assessment();
    let now = Assessment { milestones: Vec::new(), ..a.clone() };
    for (args, before, after) in [
        (vec!["diff", &file, &file, "--json"], &now, &now),
        (vec!["diff", "--json", &format!("{file}@Baseline"), &file], &baseline, &now),
        (vec!["diff", &format!("{file}@ms-1"), &format!("{file}@latest"), "--json"], &baseline, &now),
    ] {
        let outcome = check(&args, None, 0, &["\"overall\""], &[]);
        assert_eq!(outcome.stdout, format::to_canonical_json(&compare(before, after)), "{args:?}");
    }
    let outcome = run(&["diff", &format!("{file}@Baseline"), &file, "--json"], None);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(json["overall"], serde_json::json!({"before": 53.7, "after": 82.3}));
    assert_eq!(json["blockers"], serde_json::json!({"opened": [], "closed": ["g1"]}));
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected =
        ["overall", "level", "categories", "blockers", "gaps", "total", "duration_weeks", "settings_changed"];
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn milestones_by_name_id_and_latest() {
    let file = scratch("named.json", &with_milestones());
    let baseline = format!("{file}@Baseline");
    check(
        &["diff", &baseline, &format!("{file}@latest")],
        None,
        0,
        &[
            &format!("Before: {file}@Baseline (milestone ms-1, saved 2025-01-10)\n"),
            &format!("After:  {file}@Closed (milestone ms-2, saved 2025-02-01)\n"),
            "Overall: 53.7 → 82.3 (+28.6)",
        ],
        &[],
    );
    check(&["diff", &format!("{file}@ms-2"), &file], None, 0, &["No change.\n"], &[]);
}

#[test]
fn an_unknown_milestone_exits_1() {
    let file = scratch("unknown.json", &with_milestones());
    check(
        &["diff", &format!("{file}@Nope"), &file],
        None,
        1,
        &[],
        &[&format!(
            "{file}: no milestone \"Nope\"; its milestones: \"Baseline\" (ms-1, 2025-01-10), \"Closed\" (ms-2, 2025-02-01)"
        )],
    );
    let plain = scratch("plain.json", &worked_example());
    check(
        &["diff", &format!("{plain}@latest"), &plain],
        None,
        1,
        &[],
        &["no milestone \"latest\"; the file has no milestones"],
    );
    let mut twice = with_milestones();
    twice.milestones[1].name = "Baseline".into();
    let twice = scratch("twice.json", &twice);
    check(
        &["diff", &format!("{twice}@Baseline"), &twice],
        None,
        1,
        &[],
        &["several milestones are named \"Baseline\" (ms-1, ms-2); name one by its id"],
    );
}

#[test]
fn unreadable_and_invalid_files_exit_1() {
    let file = scratch("readable.json", &worked_example());
    check(&["diff", "/no/such/file.json", &file], None, 1, &[], &["/no/such/file.json: cannot read"]);
    check(
        &["diff", &file, "/no/such@dir/file.json@latest"],
        None,
        1,
        &[],
        &["/no/such@dir/file.json@latest: cannot read"],
    );
    let mut invalid = worked_example();
    invalid.title.clear();
    let invalid = scratch("invalid.json", &invalid);
    check(&["diff", &file, &invalid], None, 1, &[], &["not a valid assessment (1 problem)", "title: "]);
}

#[test]
fn usage_errors_exit_2() {
    let file = scratch("usage.json", &worked_example());
    for args in [vec!["diff"], vec!["diff", &file]] {
        check(&args, None, 2, &[], &["gapmap diff: which two states?", "gapmap --help"]);
    }
    check(&["diff", &file, &file, &file], None, 2, &[], &["unexpected argument"]);
    check(&["diff", &file, &file, "--min-score", "50"], None, 2, &[], &["--min-score does not apply here"]);
    check(&["diff", &file, &file, "--check"], None, 2, &[], &["--check does not apply here"]);
    // Other commands still take one file.
    check(&["validate", &file, &file], None, 2, &[], &["unexpected argument"]);
}

#[test]
fn a_path_holding_an_at_sign_is_a_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-diff@dir");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v@2.json");
    std::fs::write(&path, format::save(&with_milestones())).unwrap();
    let path = path.to_str().unwrap();
    check(&["diff", path, path], None, 0, &["No change.\n"], &[]);
    check(&["diff", &format!("{path}@Baseline"), path], None, 0, &["Overall: 53.7 → 82.3"], &[]);
}

#[test]
fn standard_input_serves_both_sides() {
    let text = format::save(&with_milestones());
    // `-@NAME` starts with a dash: it follows `--`, like any such argument.
    check(
        &["diff", "--", "-@Baseline", "-"],
        Some(&text),
        0,
        &["Before: -@Baseline (milestone ms-1", "After:  -\n", "Overall: 53.7 → 82.3"],
        &[],
    );
}

#[test]
fn notes_come_first_when_settings_or_assessments_differ() {
    let before = scratch("settings-before.json", &worked_example());
    let mut other = worked_example();
    other.id = "billing".into();
    other.settings.priority_weights.p0 = 1.0;
    let after = scratch("settings-after.json", &other);
    let outcome = check(
        &["diff", &before, &after],
        None,
        0,
        &[
            "Note: these are two different assessments (\"worked-example\" and \"billing\")",
            "Note: the scoring settings differ, so part of the change comes from the rules. Under the \"after\" settings the overall score goes 65.7 (no change).",
        ],
        &[],
    );
    let notes = outcome.stdout.find("Note:").unwrap();
    assert!(notes < outcome.stdout.find("Overall:").unwrap(), "the notes come before the headline");
    assert!(!outcome.stdout.contains("current settings"), "two files: the after side's are the current ones");
}

#[test]
fn two_milestones_with_other_settings_are_also_scored_under_the_files_current_ones() {
    // January under P0 = 8, February under P0 = 1; the file now weighs P0 at 4.
    let mut a = worked_example();
    a.milestones.push(save_milestone(&a, "January", "2025-01-10"));
    a.settings.priority_weights.p0 = 1.0;
    a.milestones.push(save_milestone(&a, "February", "2025-02-01"));
    a.settings.priority_weights.p0 = 4.0;
    let file = scratch("settings-milestones.json", &a);
    let under_now = |m: usize| {
        let mut state = a.milestones[m].state.to_assessment();
        state.settings = a.settings.clone();
        gapmap::core::summarize(&state).overall.unwrap()
    };
    let (january, february) = (under_now(0), under_now(1));
    // The same gaps under one rule: the same score, said as no change.
    assert_eq!(january, february);
    check(
        &["diff", &format!("{file}@January"), &format!("{file}@February")],
        None,
        0,
        &[
            "Note: the scoring settings differ",
            &format!("Under the file's current settings it goes {january:.1} (no change)."),
        ],
        &[],
    );
}

#[test]
fn the_markdown_report_shows_the_changes_since_the_milestone_named() {
    let file = scratch("report-since.json", &with_milestones());
    // Without --since: the newest milestone, which kept the state as it is.
    let latest = check(
        &["report", &file],
        None,
        0,
        &["## Changes since Closed (2025-02-01)
"],
        &[],
    );
    assert!(!latest.stdout.contains("Changes since Baseline"));
    assert!(latest.stdout.contains("No change in scores, blockers, gaps or the roadmap's cost and duration."));
    // By name, by id, and `latest`: the section is the core's for that milestone.
    for (since, id) in [("Baseline", "ms-1"), ("ms-1", "ms-1"), ("latest", "ms-2")] {
        let outcome =
            check(&["report", &file, "--format", "md", "--since", since], None, 0, &["## Changes since"], &[]);
        let options = ReportOptions { since: Since::Milestone(id.to_string()) };
        assert_eq!(outcome.stdout, report_with_options(&with_milestones(), &options), "--since {since}");
    }
    check(
        &["report", &file, "--since", "Baseline"],
        None,
        0,
        &[
            "## Changes since Baseline (2025-01-10)
",
            "- closed: “g1”
",
            "- changed: “g1”: status missing → done
",
        ],
        &[],
    );
    // A milestone the file does not have, as for diff.
    check(
        &["report", &file, "--since", "Nope"],
        None,
        1,
        &[],
        &[&format!("{file}: no milestone \"Nope\"; its milestones: \"Baseline\" (ms-1, 2025-01-10)")],
    );
    let plain = scratch("report-plain.json", &worked_example());
    let outcome = check(&["report", &plain], None, 0, &["## Overall score"], &[]);
    assert!(!outcome.stdout.contains("Changes since"), "no milestones, no section");
    check(&["report", &plain, "--since", "latest"], None, 1, &[], &["the file has no milestones"]);
    // --since is for the Markdown report only.
    check(
        &["report", &file, "--format", "csv", "--since", "Baseline"],
        None,
        2,
        &[],
        &["--since applies to the Markdown report only"],
    );
    check(&["score", &file, "--since", "Baseline"], None, 2, &[], &["--since does not apply here"]);
}

/// The worked example with `g1` (its P0 blocker) accepted until the end of
/// January 2025.
fn accepted_until_end_of_january() -> String {
    let text = CANONICAL.replacen(
        "\"status\": \"missing\"",
        "\"status\": \"accepted\",\n      \"acceptance\": {\"by\": \"Ada\", \"expires\": \"2025-01-31\"}",
        1,
    );
    scratch("accepted.json", &format::load(text.as_bytes()).unwrap())
}

/// Regression: `gapmap diff f f` scored with no day, so an expired
/// acceptance still counted as accepted, unlike `gapmap score`.
#[test]
fn as_of_a_day_each_file_is_scored_as_gapmap_score_scores_it() {
    let file = accepted_until_end_of_january();
    for (day, overall) in [("2025-01-31", "77.5"), ("2025-02-01", "53.7")] {
        check(&["score", &file, "--as-of", day], None, 0, &[&format!("Overall: {overall}")], &[]);
        check(&["diff", &file, &file, "--as-of", day], None, 0, &[&format!("Overall: {overall} (no change)")], &[]);
        let json = run(&["diff", &file, &file, "--json", "--as-of", day], None);
        let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let overall: f64 = overall.parse().unwrap();
        assert_eq!(json["overall"], serde_json::json!({"before": overall, "after": overall}), "{day}");
    }
    // A milestone saved while the acceptance held keeps its numbers; the
    // file, as of a day after it expired, has fallen and reopened g1.
    let mut a = format::load(std::fs::read(&file).unwrap().as_slice()).unwrap();
    a.milestones.push(save_milestone(&a, "January", "2025-01-15"));
    let file = scratch("accepted-milestone.json", &a);
    check(
        &["diff", &format!("{file}@January"), &file, "--as-of", "2025-02-01"],
        None,
        0,
        &["Overall: 77.5 → 53.7 (-23.8)", "Blockers: 1 opened, 0 closed\n  opened   g1"],
        &[],
    );
}

#[test]
fn as_of_takes_a_date() {
    let file = scratch("as-of-usage.json", &worked_example());
    for bad in ["2025-02-30", "tomorrow", "2025-02-01T10:00"] {
        check(&["diff", &file, &file, "--as-of", bad], None, 2, &[], &["--as-of takes a date YYYY-MM-DD"]);
    }
}

//! The `gapmap` command, run as a user runs it: `validate` (exit 0, or 1 with
//! every problem on stderr), `score --json` (exactly the keys the contract
//! lists, with the worked example's numbers), the `--min-score` readiness gate
//! (exit 3), `next` and `next --json` (the worked example's gains and path),
//! `fmt` and `fmt --check`, standard input as `-`, and usage errors (exit 2).
//! Results go to stdout, errors to stderr.

// The command is built only with the `cli` feature (on by default).
#![cfg(feature = "cli")]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{json, Value};

const CANONICAL: &str = include_str!("fixtures/worked-example.json");
const HANDWRITTEN: &str = include_str!("fixtures/worked-example-handwritten.json");

#[path = "support/cli.rs"]
mod cli_run;
use cli_run::{run, Outcome};

/// Runs `gapmap` and checks its exit code and that stdout and stderr each
/// contain a fragment (an empty fragment: the stream is empty).
#[track_caller]
fn check(args: &[&str], stdin: Option<&str>, code: i32, stdout: &str, stderr: &str) -> Outcome {
    let outcome = run(args, stdin);
    let context = format!("gapmap {}\n--- stdout\n{}--- stderr\n{}", args.join(" "), outcome.stdout, outcome.stderr);
    assert_eq!(outcome.code, code, "exit code of {context}");
    for (stream, fragment, name) in [(&outcome.stdout, stdout, "stdout"), (&outcome.stderr, stderr, "stderr")] {
        if fragment.is_empty() {
            assert!(stream.is_empty(), "{name} should be empty: {context}");
        } else {
            assert!(stream.contains(fragment), "{name} should contain {fragment:?}: {context}");
        }
    }
    outcome
}

/// A file of this test's own in Cargo's scratch directory for tests.
fn scratch(name: &str, content: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    std::fs::write(&path, content).unwrap();
    path
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The worked example with its blocker closed: overall 82.3, no blocker.
fn without_blocker() -> String {
    CANONICAL.replacen("\"status\": \"missing\"", "\"status\": \"done\"", 1)
}

#[test]
fn validate_exits_0_for_a_valid_file() {
    check(&["validate", &fixture("worked-example.json")], None, 0, "valid (3 categories, 7 gaps, 2 phases)", "");
}

#[test]
fn validate_exits_1_and_lists_every_problem_on_stderr() {
    let faulty = CANONICAL
        .replacen("\"status\": \"missing\"", "\"status\": \"broken\"", 1)
        .replacen("\"role\": \"sre\"", "\"role\": \"qa\"", 1)
        .replacen("\"weekly_rate\": 4000", "\"weekly_rate\": -4000", 1);
    let path = scratch("faulty.json", &faulty);
    let outcome = check(&["validate", path.to_str().unwrap()], None, 1, "", "not a valid assessment (3 problems)");
    for line in ["gaps[0].status: \"broken\"", "phases[0].team[1].role: ", "roles[0].weekly_rate: "] {
        assert!(outcome.stderr.contains(line), "{line} in:\n{}", outcome.stderr);
    }
    check(&["validate", "-"], Some("{\"format\": \"gapmap\", "), 1, "", "line 1, column 21");
    check(&["validate", "/no/such/file.json"], None, 1, "", "cannot read");
}

/// The worked example's `score --json`, as the core issue states it, except
/// the projections: a category scored by hand now moves as its gaps close
/// (`tests/score.rs` works out 92.3 and 100).
fn worked_example_json() -> Value {
    json!({
        "overall": 53.7, "level": "MVP", "blockers": 1, "production_ready": false,
        "categories": [
            {"id": "security", "computed": 35.7, "manual": null, "score": 35.7},
            {"id": "reliability", "computed": 83.3, "manual": null, "score": 83.3},
            {"id": "testing", "computed": 0.0, "manual": 60.0, "score": 60.0}
        ],
        "tiers": [
            {"priority": "P0", "done": 1, "scored": 2}, {"priority": "P1", "done": 1, "scored": 3},
            {"priority": "P2", "done": 0, "scored": 1}, {"priority": "P3", "done": 0, "scored": 0}
        ],
        "effort_days": {"min": 13.5, "max": 21.0},
        "labor": {"min": 17000.0, "max": 47000.0},
        "one_off": 8000.0, "annual": 7200.0,
        "total": {"min": 25000.0, "max": 55000.0},
        "stated_total": null,
        "bottom_up": {"min": 12150.0, "max": 18900.0},
        "duration_weeks": {"min": 3.0, "max": 5.0},
        "unknown_rates": [],
        "phases": [
            {"id": "p1", "labor": {"min": 13000.0, "max": 39000.0}, "stated_cost": null, "capacity_days": {"min": 15.0, "max": 45.0},
             "demand_days": {"min": 8.0, "max": 10.0}, "load": "ok", "projected_overall": 92.3},
            {"id": "p2", "labor": {"min": 4000.0, "max": 8000.0}, "stated_cost": null, "capacity_days": {"min": 5.0, "max": 10.0},
             "demand_days": {"min": 5.5, "max": 11.0}, "load": "at_risk", "projected_overall": 100.0}
        ],
        "as_of": "2025-01-15"
    })
}

/// The keys of `value`, recursively: each object's key set, each list's
/// elements, leaves as `.`.
fn keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), keys(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(keys).collect()),
        _ => Value::from("."),
    }
}

/// Every number in `value`, compared as f64 so that `60` and `60.0` agree.
fn same_numbers(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_numbers(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_numbers(v, w)),
        _ => a == b,
    }
}

#[test]
fn score_json_has_exactly_the_contracts_keys_and_the_worked_examples_numbers() {
    let args = ["score", &fixture("worked-example.json"), "--json", "--as-of", "2025-01-15"];
    let outcome = check(&args, None, 0, "\"overall\": 53.7", "");
    let printed: Value = serde_json::from_str(&outcome.stdout).expect("JSON on stdout");
    let expected = worked_example_json();
    assert_eq!(keys(&printed), keys(&expected));
    let top: BTreeSet<&str> = printed.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(top.len(), 17);
    assert!(same_numbers(&printed, &expected), "{printed:#}");
    assert!(outcome.stdout.ends_with("}\n") && outcome.stdout.contains("\n  \"level\": \"MVP\",\n"), "canonical");
}

#[test]
fn score_json_writes_null_for_what_does_not_exist() {
    let empty = r#"{"format": "gapmap", "version": 1, "id": "e", "title": "Empty",
        "categories": [{"id": "c", "name": "C"}], "phases": [{"id": "p", "name": "P", "duration_weeks": {"min": 1, "max": 1}}]}"#;
    let outcome = check(&["score", "-", "--json"], Some(empty), 0, "\"overall\": null", "");
    let printed: Value = serde_json::from_str(&outcome.stdout).unwrap();
    for pointer in
        ["/overall", "/level", "/categories/0/computed", "/categories/0/manual", "/phases/0/projected_overall"]
    {
        assert_eq!(printed.pointer(pointer), Some(&Value::Null), "{pointer}");
    }
    // The same keys as a file that has every value.
    let mut shape = keys(&worked_example_json());
    for list in ["categories", "phases"] {
        shape[list].as_array_mut().unwrap().truncate(1);
    }
    assert_eq!(keys(&printed), shape);
}

#[test]
fn score_prints_a_readable_summary() {
    let outcome = check(&["score", &fixture("worked-example.json")], None, 0, "Overall: 53.7 (MVP)", "");
    for line in ["Tiers: P0 1/2, P1 1/3, P2 0/1, P3 0/0", "Total: $25,000–$55,000", "Duration: 3–5 weeks"] {
        assert!(outcome.stdout.contains(line), "{line} in:\n{}", outcome.stdout);
    }
}

/// The worked example with the engineer's rate left out: unknown, not free.
fn without_engineer_rate() -> String {
    CANONICAL.replacen(",\n      \"weekly_rate\": 4000", "", 1)
}

#[test]
fn score_says_why_labor_is_unknown_instead_of_zero() {
    let file = without_engineer_rate();
    assert_ne!(file, CANONICAL);
    let outcome = check(&["score", "-"], Some(&file), 0, "Labor: unknown — no rate for Engineer\n", "");
    for line in [
        "Total: unknown — no rate for Engineer\n",
        "Bottom-up estimate: unknown — no rate for Engineer\n",
        // One-off and annual costs need no rate.
        "One-off: $8,000\n",
        "Annual run-rate: $7,200\n",
    ] {
        assert!(outcome.stdout.contains(line), "{line} in:\n{}", outcome.stdout);
    }
    assert!(!outcome.stdout.contains("$0"), "nothing unknown shows as $0:\n{}", outcome.stdout);

    let json = check(&["score", "-", "--json"], Some(&file), 0, "\"labor\": null", "");
    let printed: Value = serde_json::from_str(&json.stdout).unwrap();
    for pointer in ["/labor", "/total", "/bottom_up", "/phases/0/labor", "/phases/1/labor"] {
        assert_eq!(printed.pointer(pointer), Some(&Value::Null), "{pointer}");
    }
    assert_eq!(printed["unknown_rates"], json!(["eng"]));
    assert_eq!(printed["one_off"], json!(8000));
    // The same keys as when every rate is known, a `null` where money is unknown.
    let names = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<BTreeSet<String>>();
    let expected = worked_example_json();
    assert_eq!(names(&printed), names(&expected));
    assert_eq!(names(&printed["phases"][0]), names(&expected["phases"][0]));
}

#[test]
fn the_min_score_gate() {
    let example = fixture("worked-example.json");
    let ready = scratch("ready.json", &without_blocker());
    let ready = ready.to_str().unwrap();
    // The gate still prints the scores; its verdict goes to stderr.
    check(&["score", &example, "--min-score", "50"], None, 3, "Overall: 53.7", "1 blocker(s) open: g1");
    check(&["score", &example, "--min-score", "60", "--json"], None, 3, "\"overall\": 53.7", "below 60");
    check(&["score", ready, "--min-score", "80"], None, 0, "Overall: 82.3", "");
    check(&["score", ready, "--min-score", "82.3"], None, 0, "Overall: 82.3", "");
    check(&["score", ready, "--min-score", "85"], None, 3, "Overall: 82.3", "overall score 82.3 is below 85");
    check(&["score", "-", "--min-score", "0"], Some(&without_blocker()), 0, "Overall: 82.3", "");
}

/// The worked example's `next --json`, worked out by hand. Overall now
/// 53.69; categories security (weight 2, Σ w 14), reliability (1, Σ w 12)
/// and testing (1, set to 60 by hand, open work 4), of total weight 4.
/// - g1 (P0, w 8, missing): 2/4 × 100/14 × 8 = 28.571, over 3–5 days: 7.143 a day.
/// - g4 (P1, w 4, partial 0.5): 1/4 × 100/12 × 2 = 4.167, over 0.5–1 day: 5.556.
/// - g7 (P1, w 4, missing): 1/4 × (100 − 60)/4 × 4 = 10, over 5 days: 2.
/// - g3 (P2, w 2, half its checklist done): 2/4 × 100/14 × 1 = 3.571, over 5–10 days: 0.476.
///
/// The path: the blocker g1 alone lifts 53.69 to 82.26, past 75.
fn worked_example_next_json() -> Value {
    let gain = |id: &str, gain: f64, min: f64, max: f64, per_day: f64| json!({"id": id, "gain": gain, "effort_days": {"min": min, "max": max}, "gain_per_day": per_day});
    json!({
        "gains": [
            gain("g1", 28.57, 3.0, 5.0, 7.143),
            gain("g4", 4.17, 0.5, 1.0, 5.556),
            gain("g7", 10.0, 5.0, 5.0, 2.0),
            gain("g3", 3.57, 5.0, 10.0, 0.476),
        ],
        "path_to_ready": {"possible": true, "gaps": ["g1"], "effort_days": {"min": 3.0, "max": 5.0}, "overall_after": 82.3}
    })
}

#[test]
fn next_json_has_exactly_the_contracts_keys_and_the_worked_examples_gains() {
    let outcome = check(&["next", &fixture("worked-example.json"), "--json"], None, 0, "\"path_to_ready\"", "");
    let printed: Value = serde_json::from_str(&outcome.stdout).expect("JSON on stdout");
    let expected = worked_example_next_json();
    assert_eq!(keys(&printed), keys(&expected));
    assert!(same_numbers(&printed, &expected), "{printed:#}");

    // --limit lists fewer gains and leaves the path as it is.
    let limited = check(&["next", "-", "--json", "--limit", "2"], Some(CANONICAL), 0, "\"gains\"", "");
    let limited: Value = serde_json::from_str(&limited.stdout).unwrap();
    assert_eq!(limited["gains"], Value::from(printed["gains"].as_array().unwrap()[..2].to_vec()));
    assert_eq!(limited["path_to_ready"], printed["path_to_ready"]);
}

#[test]
fn next_json_writes_null_for_unknown_efforts() {
    // g7's effort removed: its gain per day is unknown, and it comes last.
    let without_effort = |threshold: &str| {
        CANONICAL.replacen("\"ready_threshold\": 75", &format!("\"ready_threshold\": {threshold}"), 1).replacen(
            "\"effort\": {\n        \"min\": 1,\n        \"max\": 1,\n        \"unit\": \"weeks\"\n      }",
            "\"effort\": null",
            1,
        )
    };
    let next = |threshold: &str| {
        let outcome = check(&["next", "-", "--json"], Some(&without_effort(threshold)), 0, "\"gains\"", "");
        serde_json::from_str::<Value>(&outcome.stdout).unwrap()
    };
    let printed = next("90");
    let last = printed["gains"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last, json!({"id": "g7", "gain": 10, "effort_days": null, "gain_per_day": null}));
    // At 90, after g1 (82.26) 7.69 more are needed. g7 cannot be costed, and
    // g3 + g4 give 7.738: security and reliability at 100, testing at 60,
    // (200 + 100 + 60) ÷ 4 = 90.
    assert_eq!(
        printed["path_to_ready"],
        json!({"possible": true, "gaps": ["g1", "g3", "g4"], "effort_days": {"min": 8.5, "max": 16}, "overall_after": 90})
    );
    // At 95, 12.69 more: more than g3 and g4 can give, so g7 is needed, and
    // then g4 (4.17, the least effort) covers the remaining 2.69. The path's
    // total effort is unknown: 82.26 + 4.17 + 10 = 96.43.
    assert_eq!(
        next("95")["path_to_ready"],
        json!({"possible": true, "gaps": ["g1", "g4", "g7"], "effort_days": null, "overall_after": 96.4})
    );
}

#[test]
fn next_prints_the_quick_wins_then_the_path() {
    // At a threshold of 90: after g1, 7.69 more; g7 alone (10, 5 days) is
    // cheaper than g3 + g4 (7.738, 8.25 days): g1 + g7, 8–10 days, 92.26.
    let file = CANONICAL.replacen("\"ready_threshold\": 75", "\"ready_threshold\": 90", 1);
    let outcome = check(&["next", "-"], Some(&file), 0, "overall 53.7; ready at 90", "");
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    let row = |id: &str| lines.iter().position(|l| l.trim_start().starts_with(&format!("{id} "))).unwrap();
    assert!(row("g1") < row("g4") && row("g4") < row("g7") && row("g7") < row("g3"), "{}", outcome.stdout);
    for fragment in ["+28.57", "3–5 days", "7.143/day", "Security", "P0", "Blockers", "Hardening"] {
        assert!(lines[row("g1")].contains(fragment) || lines[row("g4")].contains(fragment), "{fragment}");
    }
    assert!(
        outcome.stdout.contains("Cheapest path to ready: 2 gaps, 8–10 person-days; overall 92.3 after.\n  g1, g7\n"),
        "{}",
        outcome.stdout
    );
    let limited = check(&["next", "-", "--limit", "1"], Some(&file), 0, "(the first 1 of 4)", "");
    assert!(!limited.stdout.contains("g4 "), "{}", limited.stdout);

    // With g7 done, testing stays at the 60 stated by hand: at best
    // (200 + 100 + 60) ÷ 4 = 90, below 95.
    let unreachable = CANONICAL.replacen("\"ready_threshold\": 75", "\"ready_threshold\": 95", 1).replacen(
        "\"title\": \"g7\",\n      \"description\": \"\",\n      \"status\": \"missing\"",
        "\"title\": \"g7\",\n      \"description\": \"\",\n      \"status\": \"done\"",
        1,
    );
    check(
        &["next", "-"],
        Some(&unreachable),
        0,
        "Ready is out of reach: with every open gap closed (3 gaps, 8.5–16 person-days) the overall would be 90.0, below 95.",
        "",
    );
}

#[test]
fn fmt_rewrites_a_file_in_canonical_form() {
    let path = scratch("fmt.json", HANDWRITTEN);
    let path = path.to_str().unwrap();
    check(&["fmt", "--check", path], None, 1, "", "not in canonical form");
    assert_eq!(std::fs::read_to_string(path).unwrap(), HANDWRITTEN, "--check does not write");
    check(&["fmt", path], None, 0, "", "");
    assert_eq!(std::fs::read_to_string(path).unwrap(), CANONICAL);
    check(&["fmt", "--check", path], None, 0, "", "");
    check(&["fmt", "-"], Some(HANDWRITTEN), 0, "\"format\": \"gapmap\"", "");
    assert_eq!(run(&["fmt", "-"], Some(HANDWRITTEN)).stdout, CANONICAL);
    check(&["fmt", "--check", "-"], Some(CANONICAL), 0, "", "");

    let broken = scratch("fmt-broken.json", "{\"format\": \"gapmap\", \"version\": 1}");
    check(&["fmt", broken.to_str().unwrap()], None, 1, "", "required but missing");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "{\"format\": \"gapmap\", \"version\": 1}", "untouched");
}

#[test]
fn standard_input_reads_as_a_file() {
    let from_file = run(&["score", &fixture("worked-example.json"), "--json"], None);
    let from_stdin = check(&["score", "-", "--json"], Some(HANDWRITTEN), 0, "\"overall\"", "");
    assert_eq!(from_stdin.stdout, from_file.stdout);
    check(&["validate", "-"], Some(CANONICAL), 0, "-: valid", "");
}

#[test]
fn usage_errors_exit_2() {
    let example = fixture("worked-example.json");
    for (args, fragment) in [
        (vec!["frobnicate"], "unknown command \"frobnicate\""),
        (vec!["score"], "which file?"),
        (vec!["validate"], "which file?"),
        (vec!["score", &example, "--min-score", "101"], "from 0 to 100"),
        (vec!["score", &example, "--min-score", "high"], "high"),
        (vec!["score", &example, "--min-score"], "missing argument"),
        (vec!["validate", &example, "--json"], "--json does not apply here"),
        (vec!["fmt", &example, "--min-score", "50"], "--min-score does not apply here"),
        (vec!["score", &example, "--check"], "--check does not apply here"),
        (vec!["score", &example, "--bogus"], "--bogus"),
        (vec!["score", &example, "another.json"], "another.json"),
        (vec!["next"], "which file?"),
        (vec!["next", &example, "--limit", "many"], "many"),
        (vec!["next", &example, "--limit", "-1"], "-1"),
        (vec!["score", &example, "--limit", "2"], "--limit does not apply here"),
        (vec!["next", &example, "--min-score", "50"], "--min-score does not apply here"),
    ] {
        let outcome = check(&args, None, 2, "", fragment);
        assert!(outcome.stderr.contains("gapmap --help"), "points to the help: {}", outcome.stderr);
    }
}

#[test]
fn help_version_and_schema() {
    check(&["--help"], None, 0, "Usage:", "");
    check(&[], None, 0, "Usage:", "");
    check(&["--version"], None, 0, env!("CARGO_PKG_VERSION"), "");
    let schema = check(&["schema"], None, 0, "\"$schema\"", "");
    assert_eq!(schema.stdout, gapmap::core::format::schema::json_schema());
}

/// The worked example with its first gap (a P0 blocker) accepted until the
/// end of January 2025.
fn with_acceptance() -> String {
    CANONICAL.replacen(
        "\"status\": \"missing\"",
        "\"status\": \"accepted\",\n      \"acceptance\": {\"by\": \"Ada\", \"expires\": \"2025-01-31\"}",
        1,
    )
}

#[test]
fn as_of_a_day_an_expired_acceptance_counts_as_missing_again() {
    let file = with_acceptance();
    assert_ne!(file, CANONICAL);
    // Before it expires: accepted, not scored, no blocker (as with the gap done, less its credit).
    check(&["score", "-", "--as-of", "2025-01-31"], Some(&file), 0, "Blockers: 0\n", "");
    // After: missing again, the worked example's numbers, and said so.
    let after = check(&["score", "-", "--as-of", "2025-02-01"], Some(&file), 0, "Overall: 53.7", "");
    assert!(after.stdout.contains("Acceptance expired as of 2025-02-01 (counted as missing): g1"), "{}", after.stdout);
    let json =
        check(&["score", "-", "--json", "--as-of", "2025-02-01"], Some(&file), 0, "\"as_of\": \"2025-02-01\"", "");
    assert!(json.stdout.contains("\"blockers\": 1,"), "{}", json.stdout);
    // validate succeeds and warns.
    check(
        &["validate", "-", "--as-of", "2025-02-01"],
        Some(&file),
        0,
        "valid (3 categories, 7 gaps, 2 phases)",
        "-: warning: gaps[0].acceptance.expires: Acceptance expired on 2025-01-31",
    );
    check(&["validate", "-", "--as-of", "2025-01-31"], Some(&file), 0, "valid", "");
    let report = check(&["report", "-", "--as-of", "2025-02-01"], Some(&file), 0, "## Plan in calendar time", "");
    assert!(report.stdout.contains("**Acceptance expired** (counted as missing): "), "{}", report.stdout);
    check(&["fmt", "-", "--as-of", "2025-02-01"], Some(&file), 2, "", "--as-of does not apply here");
}

//! Dependencies between gaps (`depends_on`) and phases (`after`), and the
//! dates of the plan, as validation sees them: ids that name nothing, an
//! entry that names itself, cycles named member by member (found without
//! recursion: a chain of 10,000 gaps neither overflows the stack nor takes
//! long), dates that are not dates; and the warnings a file may carry and
//! still load: a gap planned before what it depends on, an acceptance that
//! has expired.
//!
//! Each case goes through one helper, [`check`]: a file written as JSON,
//! and every problem and warning it gives, as `path: message` lines.

use gapmap::core::format::{self, validate};
use serde_json::{json, Value};

/// A file of one category with these phases and gaps; `more` adds keys.
fn file(phases: Value, gaps: Value, more: Value) -> String {
    let mut file = json!({
        "format": "gapmap", "version": 1, "id": "deps", "title": "Dependencies",
        "categories": [{"id": "c", "name": "C"}], "gaps": gaps, "phases": phases,
    });
    file.as_object_mut().unwrap().extend(more.as_object().unwrap().clone());
    file.to_string()
}

fn gap(id: &str, extra: Value) -> Value {
    let mut gap = json!({"id": id, "category": "c", "title": format!("Gap {id}")});
    gap.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    gap
}

fn phase(id: &str, extra: Value) -> Value {
    let mut phase = json!({"id": id, "name": format!("Phase {id}"), "duration_weeks": {"min": 1, "max": 1}});
    phase.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    phase
}

/// Every problem of `file`, then every warning as of 2025-03-01, one per
/// line, `path: message` (warnings marked `warning`).
#[track_caller]
fn check(name: &str, file: &str, expected: &[&str]) {
    let (assessment, problems) = format::read(file.as_bytes()).expect("a Gapmap file");
    let mut found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    found.extend(validate::warnings(&assessment, Some("2025-03-01")).iter().map(|w| format!("warning {w}")));
    assert_eq!(found, expected, "{name}");
}

#[test]
fn gap_dependencies_name_gaps_that_exist_and_form_no_cycle() {
    let none = json!({});
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("a dependency on a gap that exists", json!([gap("a", json!({"depends_on": ["b"]})), gap("b", none.clone())]), vec![]),
        (
            "an unknown id",
            json!([gap("a", json!({"depends_on": ["nope"]}))]),
            vec!["gaps[0].depends_on[0]: The gap depends on gap \"nope\", which does not exist."],
        ),
        ("itself", json!([gap("a", json!({"depends_on": ["a"]}))]), vec!["gaps[0].depends_on[0]: The gap depends on itself."]),
        (
            "a cycle of two",
            json!([gap("a", json!({"depends_on": ["b"]})), gap("b", json!({"depends_on": ["a"]}))]),
            vec!["gaps[1].depends_on[0]: The gaps depend on each other in a cycle, so none of them can be closed first: a → b → a."],
        ),
        (
            "a cycle of three, reported once, with a branch that is no cycle",
            json!([
                gap("a", json!({"depends_on": ["d", "b"]})),
                gap("b", json!({"depends_on": ["c"]})),
                gap("c", json!({"depends_on": ["a"]})),
                gap("d", none.clone())
            ]),
            vec!["gaps[2].depends_on[0]: The gaps depend on each other in a cycle, so none of them can be closed first: a → b → c → a."],
        ),
        (
            "two gaps that share a dependency are no cycle",
            json!([gap("a", json!({"depends_on": ["c"]})), gap("b", json!({"depends_on": ["c", "a"]})), gap("c", none.clone())]),
            vec![],
        ),
        (
            "a due date that is not a date",
            json!([gap("a", json!({"due": "next week"}))]),
            vec!["gaps[0].due: \"next week\" is not a date of the form YYYY-MM-DD."],
        ),
        (
            "an expiry that is not a date",
            json!([gap("a", json!({"status": "accepted", "acceptance": {"expires": "2025-02-30"}}))]),
            vec!["gaps[0].acceptance.expires: \"2025-02-30\" is not a date of the form YYYY-MM-DD."],
        ),
    ];
    for (name, gaps, expected) in cases {
        check(name, &file(json!([]), gaps, json!({})), &expected);
    }
}

#[test]
fn phase_dependencies_name_phases_that_exist_and_form_no_cycle() {
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("after nothing, after phases that exist", json!([phase("a", json!({"after": []})), phase("b", json!({"after": ["a"]}))]), vec![]),
        (
            "an unknown id",
            json!([phase("a", json!({"after": ["z"]}))]),
            vec!["phases[0].after[0]: The phase starts after phase \"z\", which does not exist."],
        ),
        ("itself", json!([phase("a", json!({"after": ["a"]}))]), vec!["phases[0].after[0]: The phase starts after itself."]),
        (
            "a three-phase cycle, named",
            json!([
                phase("a", json!({"after": ["c"]})),
                phase("b", json!({"after": ["a"]})),
                phase("c", json!({"after": ["b"]}))
            ]),
            vec!["phases[1].after[0]: The phases start after each other in a cycle, so none of them can start first: a → c → b → a."],
        ),
        (
            "a cycle through phases that follow the previous one",
            json!([phase("a", json!({"after": ["c"]})), phase("b", json!({})), phase("c", json!({}))]),
            vec!["phases[1]: The phases start after each other in a cycle, so none of them can start first: a → c → b → a."],
        ),
        (
            "a phase at a given week waits for none",
            json!([phase("a", json!({"after": ["c"]})), phase("b", json!({"start_week": 2})), phase("c", json!({}))]),
            vec![],
        ),
        (
            "no after: after the previous phase, which is no cycle",
            json!([phase("a", json!({})), phase("b", json!({})), phase("c", json!({"after": ["a"]}))]),
            vec![],
        ),
    ];
    for (name, phases, expected) in cases {
        check(name, &file(phases, json!([]), json!({})), &expected);
    }
    check(
        "a start date that is no date",
        &file(json!([]), json!([]), json!({"start_date": "2025-1-6"})),
        &["start_date: \"2025-1-6\" is not a date of the form YYYY-MM-DD."],
    );
}

#[test]
fn warnings_say_what_is_allowed_but_probably_not_meant() {
    let phases = json!([phase("first", json!({})), phase("second", json!({}))]);
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "a gap planned in an earlier phase than the gap it depends on",
            json!([
                gap("a", json!({"phase": "first", "depends_on": ["b"]})),
                gap("b", json!({"phase": "second"}))
            ]),
            vec!["warning gaps[0].depends_on[0]: The gap is planned in phase \"Phase first\", which starts before phase \"Phase second\" ends, where gap \"b\" that it depends on is closed."],
        ),
        (
            "in a later phase, or the same one, it is as planned",
            json!([
                gap("a", json!({"phase": "second", "depends_on": ["b", "c"]})),
                gap("b", json!({"phase": "first"})),
                gap("c", json!({"phase": "second"}))
            ]),
            vec![],
        ),
        (
            "what it depends on is done already",
            json!([
                gap("a", json!({"phase": "first", "depends_on": ["b"]})),
                gap("b", json!({"phase": "second", "status": "done"}))
            ]),
            vec![],
        ),
        (
            "an acceptance that expired before the day",
            json!([
                gap("a", json!({"status": "accepted", "acceptance": {"reason": "r", "by": "Ada", "expires": "2025-02-28"}})),
                gap("b", json!({"status": "accepted", "acceptance": {"expires": "2025-03-01"}}))
            ]),
            vec!["warning gaps[0].acceptance.expires: Acceptance expired on 2025-02-28: the gap counts as missing again."],
        ),
    ];
    for (name, gaps, expected) in cases {
        check(name, &file(phases.clone(), gaps, json!({})), &expected);
    }
}

#[test]
fn a_chain_of_ten_thousand_gaps_is_checked_without_recursion() {
    const N: usize = 10_000;
    let depends = |i: usize| if i + 1 < N { json!([format!("g{}", i + 1)]) } else { json!([]) };
    let chain: Vec<Value> = (0..N).map(|i| gap(&format!("g{i}"), json!({"depends_on": depends(i)}))).collect();
    check("a chain", &file(json!([]), Value::Array(chain.clone()), json!({})), &[]);

    // Closed into one cycle by the last gap: one problem, naming all 10,000.
    let mut cycle = chain;
    cycle[N - 1]["depends_on"] = json!(["g0"]);
    let (_, problems) = format::read(file(json!([]), Value::Array(cycle), json!({})).as_bytes()).unwrap();
    assert_eq!(problems.len(), 1, "{:?}", problems.first());
    let message = &problems[0].message;
    assert!(message.contains("closed first: g0 → g1 → g2 → "), "{}", &message[..120]);
    assert!(message.ends_with(&format!("g{} → g0.", N - 1)), "{}", &message[message.len() - 60..]);
    assert_eq!(message.matches(" → ").count(), N);
}

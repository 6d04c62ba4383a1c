//! The plan in calendar time: the schedule with phase dependencies (`after`)
//! and the critical path, the phases' calendar dates from a start date
//! (ranges from week ranges, weekends not special), overdue gaps, and
//! acceptances that expire as of a day, counted as missing in every score.
//! Files without any of it load, save and score as before (the migration).
//!
//! Each table goes through one helper, [`check`]: a small file written as
//! JSON (a roadmap start, phases and gaps), read by the core, and what the
//! case names of its summary, rendered as one line of text.

use gapmap::core::numbers::summary::Summary;
use gapmap::core::{format, summarize, summarize_as_of};
use serde_json::{json, Value};

/// An assessment of one category, `security`, with these phases and gaps
/// and, when given, a roadmap start date.
fn file(start_date: Option<&str>, phases: Value, gaps: Value) -> String {
    let mut file = json!({
        "format": "gapmap", "version": 1, "id": "plan", "title": "Plan",
        "categories": [{"id": "security", "name": "Security"}],
        "gaps": gaps, "phases": phases,
    });
    if let Some(date) = start_date {
        file["start_date"] = json!(date);
    }
    file.to_string()
}

/// A phase of `min`–`max` weeks, with `extra` keys (`after`, `start_week`).
fn phase(id: &str, min: f64, max: f64, extra: Value) -> Value {
    let mut phase = json!({"id": id, "name": format!("Phase {id}"), "duration_weeks": {"min": min, "max": max}});
    phase.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    phase
}

/// What a case looks at in the summary of a file, as one line of text.
#[derive(Clone, Copy, Debug)]
enum Look {
    /// Each phase's weeks: `p1 0–2 · p2 2–5`.
    Weeks,
    /// Each phase's calendar dates: `p1 2025-01-06..2025-01-19`, ranges as `a/b`.
    Dates,
    /// The critical path: `p1 → p3`.
    Critical,
    /// Overall, blockers, projections, expired and overdue gaps.
    Scores,
}

fn render(summary: &Summary, look: Look) -> String {
    let range = |(a, b): &(String, String)| if a == b { a.clone() } else { format!("{a}/{b}") };
    let weeks = |min: f64, max: f64| if min == max { format!("{min}") } else { format!("{min}–{max}") };
    match look {
        Look::Weeks => summary
            .phases
            .iter()
            .map(|p| {
                format!(
                    "{} {}..{}",
                    p.id,
                    weeks(p.start_week.min, p.start_week.max),
                    weeks(p.end_week.min, p.end_week.max)
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Look::Dates => summary
            .phases
            .iter()
            .map(|p| match &p.dates {
                Some(d) => format!("{} {}..{}", p.id, range(&d.start), range(&d.end)),
                None => format!("{} none", p.id),
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Look::Critical => summary.critical_path.join(" → "),
        Look::Scores => {
            let projected: Vec<String> =
                summary.phases.iter().map(|p| p.projected_overall.map_or("-".into(), |o| o.to_string())).collect();
            format!(
                "overall {} · blockers {} · projected {} · expired {} · overdue {}",
                summary.overall.map_or("-".into(), |o| o.to_string()),
                summary.blockers.join(","),
                projected.join(","),
                summary.acceptance_expired.join(","),
                summary.overdue.join(",")
            )
        }
    }
}

/// Reads `file` (problems and all: a schedule is computed for a file with
/// a cycle too), summarizes it as of `as_of` (none: `summarize`) and
/// compares what `look` renders with `expected`.
#[track_caller]
fn check(name: &str, (file, as_of, look): (&str, Option<&str>, Look), expected: &str) {
    let (assessment, _problems) = format::read(file.as_bytes()).expect("a Gapmap file");
    let summary = match as_of {
        Some(day) => summarize_as_of(&assessment, day),
        None => summarize(&assessment),
    };
    assert_eq!(render(&summary, look), expected, "{name}");
}

#[test]
fn phases_start_after_the_phases_they_name() {
    let p = |id, min, max, extra| phase(id, min, max, extra);
    let none = || json!({});
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "without after, one after the other",
            json!([p("a", 2.0, 3.0, none()), p("b", 1.0, 1.0, none())]),
            "a 0..2–3 · b 2–3..3–4",
        ),
        (
            "an empty list starts at the roadmap's start",
            json!([p("a", 2.0, 3.0, none()), p("b", 1.0, 1.0, json!({"after": []}))]),
            "a 0..2–3 · b 0..1",
        ),
        (
            "the latest end of those named, low with low and high with high",
            json!([
                p("a", 2.0, 5.0, none()),
                p("b", 3.0, 4.0, json!({"after": []})),
                p("c", 1.0, 1.0, json!({"after": ["a", "b"]}))
            ]),
            "a 0..2–5 · b 0..3–4 · c 3–5..4–6",
        ),
        (
            "a phase may start after one listed later",
            json!([p("a", 1.0, 1.0, json!({"after": ["b"]})), p("b", 2.0, 2.0, json!({"after": []}))]),
            "a 2..3 · b 0..2",
        ),
        (
            "a start week wins over after",
            json!([p("a", 2.0, 2.0, none()), p("b", 1.0, 1.0, json!({"after": ["a"], "start_week": 7}))]),
            "a 0..2 · b 7..8",
        ),
        (
            "unknown ids are ignored; naming only them starts at week 0",
            json!([p("a", 2.0, 2.0, none()), p("b", 1.0, 1.0, json!({"after": ["nope"]}))]),
            "a 0..2 · b 0..1",
        ),
        (
            "a cycle falls back to list order, each after the previous",
            json!([
                p("a", 1.0, 1.0, json!({"after": ["c"]})),
                p("b", 2.0, 2.0, json!({"after": ["a"]})),
                p("c", 3.0, 3.0, json!({"after": ["b"]}))
            ]),
            "a 0..1 · b 1..3 · c 3..6",
        ),
        (
            "a phase after a cycle waits for its fallback",
            json!([
                p("a", 1.0, 1.0, json!({"after": ["b"]})),
                p("b", 2.0, 2.0, json!({"after": ["a"]})),
                p("c", 1.0, 1.0, json!({"after": ["b"]}))
            ]),
            "a 0..1 · b 1..3 · c 3..4",
        ),
    ];
    for (name, phases, expected) in cases {
        check(name, (&file(None, phases, json!([])), None, Look::Weeks), expected);
    }
}

#[test]
fn the_critical_path_is_the_chain_that_sets_the_duration() {
    let p = |id, min, max, extra| phase(id, min, max, extra);
    let cases: Vec<(&str, Value, &str)> = vec![
        ("no phase, no path", json!([]), ""),
        ("a plain roadmap is all of it", json!([p("a", 1.0, 1.0, json!({})), p("b", 1.0, 1.0, json!({}))]), "a → b"),
        (
            "the longer branch of two",
            json!([
                p("a", 1.0, 1.0, json!({})),
                p("long", 5.0, 6.0, json!({"after": ["a"]})),
                p("short", 2.0, 2.0, json!({"after": ["a"]})),
                p("end", 1.0, 1.0, json!({"after": ["short", "long"]}))
            ]),
            "a → long → end",
        ),
        (
            "a parallel phase that ends last is a path of its own",
            json!([p("a", 1.0, 1.0, json!({})), p("b", 9.0, 9.0, json!({"after": []}))]),
            "b",
        ),
        (
            "a phase at a given week starts the path",
            json!([
                p("a", 1.0, 1.0, json!({})),
                p("b", 1.0, 1.0, json!({"start_week": 4})),
                p("c", 1.0, 1.0, json!({}))
            ]),
            "b → c",
        ),
        (
            "ties go by the high end, then the low end",
            json!([p("a", 1.0, 4.0, json!({})), p("b", 3.0, 3.0, json!({"after": []}))]),
            "a",
        ),
    ];
    for (name, phases, expected) in cases {
        check(name, (&file(None, phases, json!([])), None, Look::Critical), expected);
    }
}

#[test]
fn phases_have_calendar_dates_from_the_start_date() {
    let p = |id, min, max, extra| phase(id, min, max, extra);
    let plain = json!([p("a", 2.0, 3.0, json!({})), p("b", 1.0, 1.0, json!({}))]);
    let cases: Vec<(&str, Option<&str>, Value, &str)> = vec![
        ("no start date, no dates", None, plain.clone(), "a none · b none"),
        (
            // Week 1 starts 7 days after a Monday: the next Monday; the last
            // day of a phase is the day before the next one starts.
            "weeks of 7 days from a Monday",
            Some("2025-01-06"),
            plain.clone(),
            "a 2025-01-06..2025-01-19/2025-01-26 · b 2025-01-20/2025-01-27..2025-01-26/2025-02-02",
        ),
        (
            "weekends are not special: from a Saturday, Saturday to Friday",
            Some("2025-01-04"),
            json!([p("a", 1.0, 1.0, json!({}))]),
            "a 2025-01-04..2025-01-10",
        ),
        (
            "half a week: starts on the day it falls in, ends the day before the day it falls in rounds up to",
            Some("2025-01-06"),
            json!([p("a", 0.5, 0.5, json!({})), p("b", 1.0, 1.0, json!({}))]),
            "a 2025-01-06..2025-01-09 · b 2025-01-09..2025-01-16",
        ),
        ("across a leap day", Some("2024-02-26"), json!([p("a", 1.0, 1.0, json!({}))]), "a 2024-02-26..2024-03-03"),
        (
            "a phase of no weeks ends the day it starts",
            Some("2025-01-06"),
            json!([p("a", 0.0, 0.0, json!({}))]),
            "a 2025-01-06..2025-01-06",
        ),
        ("a start date that is no date gives none", Some("06/01/2025"), plain, "a none · b none"),
    ];
    for (name, start, phases, expected) in cases {
        check(name, (&file(start, phases, json!([])), None, Look::Dates), expected);
    }
}

/// Gaps for the expiry cases: a P0 gap accepted until 2025-01-31, a P1 gap
/// missing, a P2 gap done, all in phase `a`.
fn accepted_until(expires: Value, due: Option<&str>) -> String {
    let mut accepted = json!({
        "id": "acc", "category": "security", "title": "Accepted", "priority": "P0", "status": "accepted",
        "phase": "a", "acceptance": {"reason": "Vendor fix due", "by": "Ada", "expires": expires},
    });
    if let Some(due) = due {
        accepted["due"] = json!(due);
    }
    let gaps = json!([
        accepted,
        {"id": "open", "category": "security", "title": "Open", "priority": "P1", "phase": "a", "due": "2025-02-10"},
        {"id": "done", "category": "security", "title": "Done", "status": "done", "due": "2025-01-01"},
    ]);
    file(None, json!([phase("a", 1.0, 1.0, json!({}))]), gaps)
}

#[test]
fn an_expired_acceptance_counts_as_missing_in_every_score() {
    // Accepted: not scored. Scored: P1 missing (4 × 0) and P2 done (2 × 1): 33.3.
    let before = "overall 33.3 · blockers  · projected 100 · expired  · overdue ";
    // Expired: the P0 gap is missing (8 × 0) and a blocker: 2 ÷ 14 = 14.3.
    let after = "overall 14.3 · blockers acc · projected 100 · expired acc · overdue ";
    let cases: Vec<(&str, String, Option<&str>, &str)> = vec![
        ("no day given: nothing expires", accepted_until(json!("2025-01-31"), None), None, before),
        ("on its last day it still holds", accepted_until(json!("2025-01-31"), None), Some("2025-01-31"), before),
        ("the day after, it has expired", accepted_until(json!("2025-01-31"), None), Some("2025-02-01"), after),
        (
            "without an expiry it never expires",
            accepted_until(Value::Null, None),
            Some("2999-01-01"),
            "overall 33.3 · blockers  · projected 100 · expired  · overdue open",
        ),
        ("a day that is no date is no day", accepted_until(json!("2025-01-31"), None), Some("tomorrow"), before),
        (
            "overdue: due before the day, not done (an accepted gap too)",
            accepted_until(json!("2025-01-31"), Some("2025-01-20")),
            Some("2025-02-11"),
            "overall 14.3 · blockers acc · projected 100 · expired acc · overdue acc,open",
        ),
        (
            "not overdue on the due day itself",
            accepted_until(json!("2025-01-31"), None),
            Some("2025-02-10"),
            "overall 14.3 · blockers acc · projected 100 · expired acc · overdue ",
        ),
    ];
    for (name, file, as_of, expected) in cases {
        check(name, (&file, as_of, Look::Scores), expected);
    }
}

#[test]
fn the_summary_says_what_day_it_is_as_of() {
    let assessment = format::load(accepted_until(json!("2025-01-31"), None).as_bytes()).unwrap();
    assert_eq!(summarize(&assessment).as_of, None);
    assert_eq!(summarize_as_of(&assessment, "2025-03-01").as_of.as_deref(), Some("2025-03-01"));
    assert_eq!(summarize_as_of(&assessment, "2025-13-01").as_of, None);
    let json = format::to_canonical_json(&summarize_as_of(&assessment, "2025-03-01"));
    assert!(json.contains("\"as_of\": \"2025-03-01\""), "{json}");
}

#[test]
fn an_older_file_loads_without_dates_or_dependencies_and_keeps_its_numbers() {
    let text = include_str!("fixtures/worked-example.json");
    let assessment = format::load(text.as_bytes()).expect("the worked example is valid");
    assert_eq!(assessment.start_date, None);
    assert!(assessment.gaps.iter().all(|g| g.due.is_none() && g.depends_on.is_empty() && g.acceptance.is_none()));
    assert!(assessment.phases.iter().all(|p| p.after.is_none()));
    // Saved byte for byte as it was: no new key appears.
    assert_eq!(format::save(&assessment), text);
    // The same numbers whatever the day, the phases in list order.
    let plain = summarize(&assessment);
    let dated = summarize_as_of(&assessment, "2031-05-05");
    assert_eq!((plain.overall, dated.overall), (Some(53.7), Some(53.7)));
    assert_eq!(dated.phases, plain.phases);
    assert_eq!(render(&plain, Look::Weeks), "p1 0..2–3 · p2 2–3..3–5");
    assert!(format::validate::warnings(&assessment, Some("2031-05-05")).is_empty());
}

#[test]
fn the_new_fields_round_trip_and_are_left_out_when_empty() {
    let text = accepted_until(json!("2025-01-31"), Some("2025-01-20"));
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["start_date"] = json!("2025-01-06");
    value["phases"][0]["after"] = json!([]);
    value["gaps"][1]["depends_on"] = json!(["acc"]);
    let assessment = format::load(value.to_string().as_bytes()).unwrap();
    let saved = format::save(&assessment);
    assert_eq!(format::load(saved.as_bytes()).unwrap(), assessment);
    for key in ["\"start_date\": \"2025-01-06\"", "\"after\": []", "\"depends_on\": [", "\"expires\": \"2025-01-31\""] {
        assert!(saved.contains(key), "{key} in {saved}");
    }
    // An acceptance without reason or author writes its expiry alone.
    assert!(!saved.contains("\"reason\": \"\""));
    let mut without = assessment.clone();
    without.gaps[1].depends_on.clear();
    without.phases[0].after = None;
    without.start_date = None;
    let saved = format::save(&without);
    for key in ["start_date", "\"after\"", "depends_on"] {
        assert!(!saved.contains(key), "{key} left out");
    }
}

#[test]
fn the_timeline_gives_dates_and_marks_today_within_the_roadmap() {
    use gapmap::core::present::chart::{self, Shape, TIMELINE_AXIS};
    // Two phases of 2 and 3 weeks from Monday 2025-01-06: five weeks in all.
    let plan =
        file(Some("2025-01-06"), json!([phase("a", 2.0, 2.0, json!({})), phase("b", 3.0, 3.0, json!({}))]), json!([]));
    let assessment = format::load(plan.as_bytes()).unwrap();
    // Where today's line is drawn, as a share of the axis; `None`: no line.
    let check = |as_of: Option<&str>, expected: Option<f64>| {
        let summary = match as_of {
            Some(day) => summarize_as_of(&assessment, day),
            None => summarize(&assessment),
        };
        let chart = chart::timeline(&summary).unwrap();
        let (x0, x1) = TIMELINE_AXIS;
        let today = chart.shapes.iter().find_map(|shape| match shape {
            Shape::Line { from, class: "today", .. } => Some(((from.x - x0) / (x1 - x0) * 1000.0).round() / 1000.0),
            _ => None,
        });
        assert_eq!(today, expected, "{as_of:?}");
        chart
    };
    check(None, None);
    check(Some("2025-01-05"), None);
    check(Some("2025-01-06"), Some(0.0));
    // 17 days in: 17 of the 35 days the axis spans.
    check(Some("2025-01-23"), Some(0.486));
    check(Some("2025-02-10"), Some(1.0));
    let chart = check(Some("2025-02-11"), None);
    assert_eq!(chart.table.head[1..3], ["Starts (date)".to_string(), "Ends (last day)".to_string()]);
    assert_eq!(chart.table.rows[1][1..3], ["2025-01-20".to_string(), "2025-02-09".to_string()]);
}

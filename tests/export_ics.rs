//! The calendar export (`.ics`, RFC 5545), parsed back line by line as a
//! calendar app reads it: lines end in CRLF and are folded at 75 octets;
//! one all-day event per phase (from its start to the day after its last
//! day) when the roadmap has a start date, one per gap due date; texts with
//! commas, semicolons and newlines come back as written; UIDs are the
//! assessment's id with the phase's or gap's, and DTSTAMP is the day given,
//! so that the same file and day give the same bytes.

use std::collections::BTreeMap;

use gapmap::core::export::ics;
use gapmap::core::format;
use serde_json::json;

#[cfg(feature = "cli")]
#[path = "support/cli.rs"]
mod cli_run;

/// One VEVENT: each property by name (parameters kept in the name, as in
/// `DTSTART;VALUE=DATE`), its text unescaped.
type Event = BTreeMap<String, String>;

/// The events of a calendar, after checking its lines' endings and lengths.
fn events(text: &str) -> Vec<Event> {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"), "{text}");
    let physical: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break: {line:?}");
    }
    // Unfold: a line that starts with a space continues the previous one.
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(line.to_string()),
        }
    }
    let mut events = Vec::new();
    let mut current: Option<Event> = None;
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Event::new()),
            "END:VEVENT" => events.push(current.take().expect("an event was open")),
            _ => {
                if let Some(event) = current.as_mut() {
                    let (name, value) = line.split_once(':').expect("name:value");
                    event.insert(name.to_string(), unescape(value));
                }
            }
        }
    }
    events
}

/// A TEXT value as written, RFC 5545 §3.3.11.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A roadmap from Monday 2025-01-06: phase `p1` of 2–3 weeks with two gaps,
/// `p2` of 1 week after it; gap `g2` due on 2025-02-14.
fn plan() -> String {
    json!({
        "format": "gapmap", "version": 1, "id": "shop", "title": "Shop; checkout, v2",
        "start_date": "2025-01-06",
        "categories": [{"id": "sec", "name": "Security"}],
        "gaps": [
            {"id": "g1", "category": "sec", "title": "Keys, rotated; now\nand later", "phase": "p1"},
            {"id": "g2", "category": "sec", "title": "Scan images", "phase": "p1", "due": "2025-02-14", "priority": "P0"},
        ],
        "phases": [
            {"id": "p1", "name": "Blockers, first", "goal": "Close; every P0", "duration_weeks": {"min": 2, "max": 3}},
            {"id": "p2", "name": "Hardening", "duration_weeks": {"min": 1, "max": 1}},
        ],
    })
    .to_string()
}

/// The events of `file`'s calendar as of `as_of`: for each, its UID, then
/// the properties a case names, `NAME=value`, joined by ` | `.
fn check(name: &str, (file, as_of): (&str, &str), expected: &[&str]) {
    let assessment = format::load(file.as_bytes()).expect("valid");
    let text = ics::calendar(&assessment, as_of).unwrap();
    assert_eq!(text, ics::calendar(&assessment, as_of).unwrap(), "the same bytes every time");
    let found: Vec<String> = events(&text)
        .iter()
        .map(|e| {
            ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION"]
                .iter()
                .filter_map(|key| e.get(*key).map(|v| format!("{key}={v}")))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(found, expected, "{name}");
}

#[test]
fn one_event_per_phase_and_per_due_date() {
    check(
        "a roadmap with a start date",
        (&plan(), "2025-03-01"),
        &[
            "UID=shop/phase/p1 | DTSTAMP=20250301T000000Z | DTSTART;VALUE=DATE=20250106 | DTEND;VALUE=DATE=20250127 \
             | SUMMARY=Blockers, first | DESCRIPTION=Goal: Close; every P0\nStarts 2025-01-06; ends 2025-01-19 to \
             2025-01-26.\nGaps:\n- Keys, rotated; now\nand later\n- Scan images",
            "UID=shop/phase/p2 | DTSTAMP=20250301T000000Z | DTSTART;VALUE=DATE=20250120 | DTEND;VALUE=DATE=20250203 \
             | SUMMARY=Hardening | DESCRIPTION=Starts 2025-01-20 to 2025-01-27; ends 2025-01-26 to 2025-02-02.",
            "UID=shop/gap/g2 | DTSTAMP=20250301T000000Z | DTSTART;VALUE=DATE=20250214 | DTEND;VALUE=DATE=20250215 \
             | SUMMARY=Due: Scan images | DESCRIPTION=Status: missing; priority: P0.\nPhase: Blockers, first",
        ],
    );
    let undated = plan().replace("\"start_date\":\"2025-01-06\",", "");
    assert_ne!(undated, plan());
    check(
        "without a start date, the due dates only",
        (&undated, "2025-03-01"),
        &["UID=shop/gap/g2 | DTSTAMP=20250301T000000Z | DTSTART;VALUE=DATE=20250214 | DTEND;VALUE=DATE=20250215 \
           | SUMMARY=Due: Scan images | DESCRIPTION=Status: missing; priority: P0.\nPhase: Blockers, first"],
    );
}

#[test]
fn the_calendar_names_itself_and_escapes_what_rfc_5545_escapes() {
    let text = ics::calendar(&format::load(plan().as_bytes()).unwrap(), "2025-03-01").unwrap();
    assert!(text.contains("\r\nVERSION:2.0\r\n") && text.contains("\r\nPRODID:"), "{text}");
    assert!(text.contains("\r\nX-WR-CALNAME:Shop\\; checkout\\, v2\r\n"), "{text}");
    // The raw title never appears unescaped.
    assert!(!text.contains("Keys, rotated"), "{text}");
}

#[cfg(feature = "cli")]
#[test]
fn gapmap_report_writes_the_calendar() {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ics-plan.json");
    std::fs::write(&path, plan()).unwrap();
    let (code, stdout, stderr) =
        cli_run::run(&["report", path.to_str().unwrap(), "--format", "ics", "--as-of", "2025-03-01"], None).parts();
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout, ics::calendar(&format::load(plan().as_bytes()).unwrap(), "2025-03-01").unwrap());
    assert_eq!(events(&stdout).len(), 3);
    let (code, _, stderr) = cli_run::run(&["report", path.to_str().unwrap(), "--as-of", "someday"], None).parts();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--as-of takes a date YYYY-MM-DD"), "{stderr}");
    // Nothing on a day (no start date, no due date): no empty calendar, a reason.
    let mut undated = format::load(plan().as_bytes()).unwrap();
    undated.start_date = None;
    undated.gaps.iter_mut().for_each(|gap| gap.due = None);
    assert_eq!(ics::calendar(&undated, "2025-03-01"), Err(ics::NoEvents));
    std::fs::write(&path, format::save(&undated)).unwrap();
    let (code, stdout, stderr) = cli_run::run(&["report", path.to_str().unwrap(), "--format", "ics"], None).parts();
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.contains("nothing to put in a calendar") && stderr.contains("no start date"), "{stderr}");
}

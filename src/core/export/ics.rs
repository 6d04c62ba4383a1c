//! The calendar export: an iCalendar file (RFC 5545, `.ics`) that calendar
//! apps import, written with the `ics` crate (line folding, text escaping).
//!
//! One all-day event per phase, from its earliest start to its latest last
//! day, when the roadmap has a start date (`numbers::calendar`), with the
//! phase's goal and the titles of its gaps in the description; and one
//! all-day event per gap that has a due date. The output depends on the
//! assessment and the day given only: each event's UID is the assessment's
//! id with the phase's or gap's (so a calendar app updates an event it
//! imported before instead of adding it twice), and the DTSTAMP is the day
//! given, at midnight UTC, not the clock.

use ::ics::parameters::Value;
use ::ics::properties::{Description, DtEnd, DtStart, Summary};
use ::ics::{escape_text, Event, ICalendar};

use crate::core::model::Assessment;
use crate::core::numbers::summary::summarize_as_of;
use crate::core::present::date::{date_text, day_number};

/// Why there is no calendar: nothing in the assessment falls on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoEvents;

impl std::fmt::Display for NoEvents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "There is nothing to put in a calendar: the roadmap has no start date (so its phases have no dates) and no gap has a due date."
        )
    }
}

/// The calendar of `assessment` as of `as_of` (`YYYY-MM-DD`, the DTSTAMP of
/// every event; a text that is not a date stamps 1970-01-01). A calendar
/// holds at least one event (RFC 5545): without any, [`NoEvents`].
pub fn calendar(assessment: &Assessment, as_of: &str) -> Result<String, NoEvents> {
    let mut events = 0;
    let stamp = format!("{}T000000Z", compact(day_number(as_of).unwrap_or(0)));
    let mut ical = ICalendar::new("2.0", "-//Gapmap//Gapmap roadmap//EN");
    ical.push(::ics::properties::CalScale::new("GREGORIAN"));
    ical.push(::ics::components::Property::new("X-WR-CALNAME", escape_text(assessment.title.clone())));
    let summary = summarize_as_of(assessment, as_of);
    for (phase, figures) in assessment.phases.iter().zip(&summary.phases) {
        let Some(dates) = &figures.dates else {
            continue;
        };
        let days = dates.days;
        let mut description = Vec::new();
        if !phase.goal.trim().is_empty() {
            description.push(format!("Goal: {}", phase.goal.trim()));
        }
        description.push(format!("Starts {}; ends {}.", range(&dates.start), range(&dates.end)));
        let gaps: Vec<String> = assessment
            .gaps
            .iter()
            .filter(|gap| gap.phase.as_deref() == Some(phase.id.as_str()))
            .map(|gap| format!("- {}", gap.title))
            .collect();
        if !gaps.is_empty() {
            description.push(format!("Gaps:\n{}", gaps.join("\n")));
        }
        let uid = format!("{}/phase/{}", assessment.id, phase.id);
        ical.add_event(event(&uid, &stamp, &phase.name, &description.join("\n"), days.start.earliest, days.end.latest));
        events += 1;
    }
    for gap in &assessment.gaps {
        let Some(due) = gap.due.as_deref().and_then(day_number).filter(|&d| date_text(d).is_some()) else {
            continue;
        };
        let mut description = vec![format!("Status: {}; priority: {}.", gap.status, gap.priority)];
        if let Some(phase) = gap.phase.as_deref().and_then(|p| assessment.phase(p)) {
            description.push(format!("Phase: {}", phase.name));
        }
        let uid = format!("{}/gap/{}", assessment.id, gap.id);
        ical.add_event(event(&uid, &stamp, &format!("Due: {}", gap.title), &description.join("\n"), due, due));
        events += 1;
    }
    if events == 0 {
        return Err(NoEvents);
    }
    Ok(ical.to_string())
}

/// An all-day event from day `first` to day `last`, both included (DTEND is
/// the day after, as RFC 5545 counts it).
fn event<'a>(uid: &str, stamp: &'a str, title: &str, description: &str, first: i64, last: i64) -> Event<'a> {
    let mut event = Event::new(escape_text(uid.to_string()), stamp);
    let mut start = DtStart::new(compact(first));
    start.add(Value::DATE);
    event.push(start);
    let mut end = DtEnd::new(compact(last + 1));
    end.add(Value::DATE);
    event.push(end);
    event.push(Summary::new(escape_text(title.to_string())));
    if !description.is_empty() {
        event.push(Description::new(escape_text(description.to_string())));
    }
    event
}

/// A day as iCalendar writes a DATE: `YYYYMMDD`.
fn compact(day: i64) -> String {
    date_text(day).unwrap_or_default().replace('-', "")
}

/// Two dates as one, or as a range when they differ.
fn range((earliest, latest): &(String, String)) -> String {
    if earliest == latest {
        earliest.clone()
    } else {
        format!("{earliest} to {latest}")
    }
}

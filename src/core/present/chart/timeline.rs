//! The roadmap timeline: phases as bars on a week axis (a Gantt chart), the
//! minimum duration solid and the rest of the range as a lighter extension,
//! each with its load and the number of gaps it closes written beside it.
//! When the roadmap has a start date, the data table gives each phase's
//! dates, and a line marks today (the summary's `as_of`) when it falls
//! within the roadmap.

use super::{clip, legend, line, nice_ceiling, rect, text, Anchor, Chart, DataTable};
use crate::core::numbers::cost::Load;
use crate::core::numbers::summary::Summary;
use crate::core::present::date::day_number;
use crate::core::present::display;

/// Where week 0 and the last week of the timeline land.
pub const TIMELINE_AXIS: (f64, f64) = (180.0, 560.0);
const TIMELINE_ROW: f64 = 34.0;
const TIMELINE_TOP: f64 = 34.0;

fn load_class(load: Load) -> &'static str {
    match load {
        Load::Ok => "load-ok",
        Load::AtRisk => "load-at-risk",
        Load::Over => "load-over",
    }
}

/// A symbol beside the load's words, so that it reads without colour.
fn load_symbol(load: Load) -> &'static str {
    match load {
        Load::Ok => "✓",
        Load::AtRisk => "!",
        Load::Over => "✕",
    }
}

fn gaps_text(count: usize) -> String {
    format!("closes {count} {}", if count == 1 { "gap" } else { "gaps" })
}

/// The roadmap as a Gantt chart on a week axis: from its start, each phase's
/// minimum duration is a solid bar and the rest of its range a lighter
/// extension; phases that run at the same time overlap on the axis. Beside
/// each bar: its load and how many gaps it closes. `None` without phases.
pub fn timeline(summary: &Summary) -> Option<Chart> {
    let phases = &summary.phases;
    if phases.is_empty() {
        return None;
    }
    let last = phases.iter().map(|p| p.end_week.max).fold(0.0, f64::max);
    let weeks = if last.is_finite() && last > 0.0 { last.ceil() } else { 1.0 };
    let (x0, x1) = TIMELINE_AXIS;
    let x = |week: f64| x0 + (x1 - x0) * (week.clamp(0.0, weeks) / weeks);
    let bottom = TIMELINE_TOP + TIMELINE_ROW * phases.len() as f64;
    let mut shapes = Vec::new();
    // A tick step of 1, 2 or 5 × 10ⁿ weeks: at most about ten ticks.
    let step = nice_ceiling(weeks / 10.0).max(1.0);
    let mut week = 0.0;
    while week <= weeks + 1e-9 {
        shapes.push(line(x(week), TIMELINE_TOP - 6.0, x(week), bottom, "grid"));
        shapes.push(text(x(week), TIMELINE_TOP - 10.0, display::number(week), Anchor::Middle, "tick"));
        week += step;
    }
    shapes.push(text(x0 - 8.0, TIMELINE_TOP - 10.0, "Week", Anchor::End, "axis-title"));
    for (i, phase) in phases.iter().enumerate() {
        let y = TIMELINE_TOP + TIMELINE_ROW * i as f64;
        let mid = y + TIMELINE_ROW / 2.0;
        shapes.push(text(x0 - 8.0, mid + 4.0, clip(&phase.name, 24), Anchor::End, "label"));
        let (bar_y, bar_h) = (y + 7.0, TIMELINE_ROW - 14.0);
        shapes.push(rect(x(phase.start_week.min), x(phase.end_week.min), bar_y, bar_h, "bar-solid"));
        if phase.end_week.max > phase.end_week.min {
            shapes.push(rect(x(phase.end_week.min), x(phase.end_week.max), bar_y, bar_h, "bar-extension"));
        }
        shapes.push(text(
            x1 + 10.0,
            mid + 4.0,
            format!("{} {} · {}", load_symbol(phase.load), phase.load.label(), gaps_text(phase.gaps)),
            Anchor::Start,
            load_class(phase.load),
        ));
    }
    // Today, in weeks from the roadmap's start, when both days are known.
    let today = summary
        .start_date
        .as_deref()
        .and_then(day_number)
        .zip(summary.as_of.as_deref().and_then(day_number))
        .map(|(start, today)| (today - start) as f64 / 7.0)
        .filter(|week| (0.0..=weeks).contains(week));
    if let Some(week) = today {
        shapes.push(line(x(week), TIMELINE_TOP - 6.0, x(week), bottom, "today"));
        shapes.push(text(x(week), bottom + 12.0, "Today", Anchor::Middle, "today-label"));
    }
    let dated = phases.iter().any(|p| p.dates.is_some());
    let dates = |range: Option<&(String, String)>| match range {
        Some((earliest, latest)) if earliest == latest => earliest.clone(),
        Some((earliest, latest)) => format!("{earliest} to {latest}"),
        None => "—".to_string(),
    };
    let rows = phases
        .iter()
        .map(|p| {
            let mut row = vec![
                p.name.clone(),
                display::range(p.start_week.min, p.start_week.max),
                display::range(p.weeks.min, p.weeks.max),
                display::range(p.end_week.min, p.end_week.max),
                p.load.label().to_string(),
                p.gaps.to_string(),
            ];
            if dated {
                row.insert(1, dates(p.dates.as_ref().map(|d| &d.start)));
                row.insert(2, dates(p.dates.as_ref().map(|d| &d.end)));
            }
            row
        })
        .collect();
    let mut head = vec!["Phase", "Starts (week)", "Weeks", "Ends (week)", "Load", "Gaps it closes"];
    if dated {
        head.insert(1, "Starts (date)");
        head.insert(2, "Ends (last day)");
    }
    Some(Chart {
        title: "Roadmap timeline".to_string(),
        description: format!(
            "Timeline of {} phases over {} weeks, each with its load and the gaps it closes; the numbers are in the chart data.",
            phases.len(),
            display::number(weeks)
        ),
        width: 800.0,
        height: bottom + if today.is_some() { 20.0 } else { 10.0 },
        shapes,
        legend: legend(&[("bar-solid", "Minimum duration"), ("bar-extension", "Up to the maximum duration")]),
        table: DataTable { head: head.into_iter().map(String::from).collect(), rows },
    })
}

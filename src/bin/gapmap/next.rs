//! The text of `gapmap next`: the quick wins in the core's order, the gaps
//! of unknown effort apart, then the cheapest path to ready, as the core's
//! `NextSummary` has them (`--json` prints that summary as it serializes).

use gapmap::core::numbers::next;
use gapmap::core::present::display;
use gapmap::core::Assessment;

/// The text printed by `gapmap next`: the quick wins, the gaps of unknown
/// effort apart, then the cheapest path to ready. `listed` is how many gains
/// there were before `--limit`.
pub(crate) fn what_next(assessment: &Assessment, n: &next::NextSummary, listed: usize) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!(
        "{}: overall {}; ready at {} with no blocker open",
        assessment.title,
        display::score(n.overall),
        display::number(n.ready_threshold)
    ));
    let (known, unknown): (Vec<&next::GainSummary>, Vec<&next::GainSummary>) =
        n.gains.iter().partition(|g| g.effort_days.is_some());
    let shown =
        if n.gains.len() < listed { format!(" (the first {} of {listed})", n.gains.len()) } else { String::new() };
    if listed == 0 {
        line("\nNo gap is open.".to_string());
    }
    for (rows, title) in [
        (&known, format!("Quick wins, most gain per person-day first{shown}:")),
        (&unknown, "Effort not stated:".to_string()),
    ] {
        if rows.is_empty() {
            continue;
        }
        line(format!("\n{title}"));
        let cells: Vec<[String; 9]> = rows
            .iter()
            .map(|g| {
                let or_dash = |text: &str| if text.is_empty() { "—".to_string() } else { text.to_string() };
                [
                    g.id.clone(),
                    format!("+{:.2}", g.gain),
                    g.effort_days.map_or("—".to_string(), |e| format!("{} days", display::range(e.min, e.max))),
                    g.gain_per_day.map_or("—".to_string(), |p| format!("{p:.3}/day")),
                    g.category.clone(),
                    g.priority.to_string(),
                    or_dash(g.phase.as_deref().unwrap_or("")),
                    or_dash(&g.owner),
                    g.title.clone(),
                ]
            })
            .collect();
        let header = ["Gap", "Gain", "Effort", "Per day", "Category", "Priority", "Phase", "Owner", "Title"];
        let widths: Vec<usize> = (0..header.len())
            .map(|k| cells.iter().map(|row| row[k].chars().count()).chain([header[k].len()]).max().unwrap_or(0))
            .collect();
        let row = |cells: &[String]| {
            let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, &w)| format!("{c:<w$}")).collect();
            format!("  {}", padded.join("  ").trim_end())
        };
        line(row(&header.map(str::to_string)));
        for cells in &cells {
            line(row(cells));
        }
    }
    line(String::new());
    let path = &n.path_to_ready;
    let known = path.known_effort_days;
    let effort = format!("{} person-days", display::range(known.min, known.max));
    let unknown_effort = if path.unknown_effort.is_empty() {
        String::new()
    } else {
        format!(" plus the effort of {} (not stated)", path.unknown_effort.join(", "))
    };
    if !path.possible {
        let reason = match path.overall_after {
            None => "no category has a score".to_string(),
            Some(after) => format!(
                "with every open gap closed ({}, {effort}{unknown_effort}) the overall would be {after:.1}, below {}",
                display::plural(path.gaps.len(), "gap", "gaps"),
                display::number(n.ready_threshold)
            ),
        };
        line(format!("Ready is out of reach: {reason}."));
    } else if path.gaps.is_empty() {
        line("Ready now: nothing needs closing.".to_string());
    } else {
        line(format!(
            "Cheapest path to ready: {}, {effort}{unknown_effort}; overall {} after.",
            display::plural(path.gaps.len(), "gap", "gaps"),
            display::score(path.overall_after)
        ));
        line(format!("  {}", path.gaps.join(", ")));
        if !path.proven_minimal {
            line(format!(
                "  The least effort found, not proven the least: no path takes under {} person-days (midpoints).",
                display::number(path.effort_at_least)
            ));
        }
    }
    out
}

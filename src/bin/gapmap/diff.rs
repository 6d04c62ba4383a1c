//! `gapmap diff A B [--json] [--as-of DATE]`: what changed between two
//! states of an assessment. Each state is a file, or `FILE@NAME`, a
//! milestone of a file named by its name or id (`FILE@latest`: the
//! newest). A path that itself contains `@` and is a file is read as that
//! file. A file is scored as of `--as-of` (today by default), a milestone
//! as of the day it was saved (`Milestone::as_of`).
//!
//! The comparison is the core's (`core::numbers::compare`), in the words
//! of `core::present::compare`, which the app's compare view shares;
//! `--json` prints it as it serializes, and the text reads like the compare
//! view: the headline, then categories, blockers, gaps, roadmap and KPIs,
//! with a note first when the two are different assessments or score with
//! different settings.

use std::path::Path;

use gapmap::core::milestone::{find_milestone, MilestoneLookup};
use gapmap::core::model::Milestone;
use gapmap::core::model::Settings;
use gapmap::core::numbers::compare::{compare_under_current, Change, Comparison, GapFacts, KpiMovement, Presence};
use gapmap::core::numbers::summary::Bounds;
use gapmap::core::present::compare::{field_changes, level_change, money_change, phase_weeks, score_change};
use gapmap::core::present::display;
use gapmap::core::{format, Assessment};

use super::{invalid, read_bytes, Failure};

/// One side of the comparison: what the user named, the state, and the
/// day it is scored as of.
struct Side {
    label: String,
    assessment: Assessment,
    as_of: String,
    /// The settings of the file as it is now, when the side is one of its
    /// milestones (else the side's own).
    current: Settings,
}

/// Compares the states `before` and `after` name, files as of the day
/// `as_of`; the output to print.
pub fn run(before: &str, after: &str, json: bool, as_of: &str) -> Result<String, Failure> {
    // Standard input can be read once; `-` and `-@NAME` may both use it.
    let mut stdin = None;
    let before = side(before, &mut stdin, as_of)?;
    let after = side(after, &mut stdin, as_of)?;
    // Two milestones that score with different settings are also scored
    // under the file's settings as it is now.
    let comparison =
        compare_under_current(&before.assessment, &before.as_of, &after.assessment, &after.as_of, &after.current);
    Ok(if json { format::to_canonical_json(&comparison) } else { text(&before, &after, &comparison) })
}

/// The state `arg` names: a file (scored as of `as_of`), or a milestone of one.
fn side(arg: &str, stdin: &mut Option<Vec<u8>>, as_of: &str) -> Result<Side, Failure> {
    let is_file = |path: &str| path == "-" || Path::new(path).is_file();
    let file_side = |assessment: Assessment| Side {
        label: arg.to_string(),
        current: assessment.settings.clone(),
        assessment,
        as_of: as_of.to_string(),
    };
    if is_file(arg) {
        return Ok(file_side(load(arg, stdin)?));
    }
    // The last `@` after which the rest names a milestone: what comes
    // before it must be a file, so a path holding `@` still reads.
    let split = arg.match_indices('@').rev().map(|(at, _)| (&arg[..at], &arg[at + 1..])).find(|(f, _)| is_file(f));
    let Some((file, wanted)) = split else {
        // Neither a file nor a milestone of one: the reader says why.
        return Ok(file_side(load(arg, stdin)?));
    };
    let assessment = load(file, stdin)?;
    let milestone = milestone(file, &assessment, wanted)?;
    Ok(Side {
        label: format!("{file}@{} (milestone {}, saved {})", milestone.name, milestone.id, milestone.saved_on),
        assessment: milestone.state.to_assessment(),
        as_of: milestone.as_of().to_string(),
        current: assessment.settings.clone(),
    })
}

/// The milestone of `assessment` (read from `file`) that `wanted` names, by
/// id, name or `latest`; when there is none, the failure lists its milestones.
pub fn milestone<'a>(file: &str, assessment: &'a Assessment, wanted: &str) -> Result<&'a Milestone, Failure> {
    find_milestone(&assessment.milestones, wanted).map_err(|lookup| {
        let listed: Vec<String> =
            assessment.milestones.iter().map(|m| format!("\"{}\" ({}, {})", m.name, m.id, m.saved_on)).collect();
        Failure::NoMilestone(match lookup {
            MilestoneLookup::NotFound if listed.is_empty() => {
                format!("{file}: no milestone \"{wanted}\"; the file has no milestones")
            }
            MilestoneLookup::NotFound => {
                format!("{file}: no milestone \"{wanted}\"; its milestones: {}", listed.join(", "))
            }
            MilestoneLookup::Ambiguous { ids } => {
                format!("{file}: several milestones are named \"{wanted}\" ({}); name one by its id", ids.join(", "))
            }
        })
    })
}

/// The valid assessment in `file`; standard input's bytes are kept in
/// `stdin` for the other side.
fn load(file: &str, stdin: &mut Option<Vec<u8>>) -> Result<Assessment, Failure> {
    let cached = if file == "-" { stdin.take() } else { None };
    let bytes = match cached {
        Some(bytes) => bytes,
        None => read_bytes(file)?,
    };
    let loaded = format::load(&bytes).map_err(|e| invalid(file, &e));
    if file == "-" {
        *stdin = Some(bytes);
    }
    loaded
}

/// The comparison as a person reads it.
fn text(before: &Side, after: &Side, c: &Comparison) -> String {
    let mut out = Vec::new();
    out.push(format!("Before: {}", before.label));
    out.push(format!("After:  {}", after.label));
    if c.different_assessments() {
        out.push(format!(
            "Note: these are two different assessments (\"{}\" and \"{}\"): the comparison is between two systems, not two moments of one.",
            c.ids.before, c.ids.after
        ));
    }
    if let Some(rescored) = &c.rescored {
        out.push(format!(
            "Note: the scoring settings differ, so part of the change comes from the rules. Under the \"after\" settings the overall score goes {}.",
            score_change(&rescored.under_after)
        ));
        if let Some(current) = &rescored.under_current {
            out.push(format!("Under the file's current settings it goes {}.", score_change(current)));
        }
    }
    out.push(String::new());
    out.push(format!("Overall: {}, level {}", score_change(&c.overall), level_change(&c.level)));
    if c.production_ready.is_changed() {
        let ready = |r: bool| if r { "production-ready" } else { "not production-ready" };
        out.push(format!("Now {} (was {}).", ready(c.production_ready.after), ready(c.production_ready.before)));
    }
    if c.is_empty() {
        out.push("No change.".to_string());
    } else {
        categories(&mut out, c);
        gaps(&mut out, c, before, after);
        roadmap(&mut out, c);
        kpis(&mut out, c);
    }
    lines(out)
}

fn categories(out: &mut Vec<String>, c: &Comparison) {
    out.push(String::new());
    out.push("Categories".to_string());
    let width = c.categories.iter().map(|k| k.name.chars().count()).max().unwrap_or(0).max(24);
    for category in &c.categories {
        let note = match category.presence {
            Presence::Added => " (added)",
            Presence::Removed => " (removed)",
            Presence::Both => "",
        };
        let change = Change { before: category.before, after: category.after };
        out.push(format!("  {:<width$} {}{note}", category.name, score_change(&change)));
    }
}

/// The blockers opened and closed, then the gaps added, removed and changed.
fn gaps(out: &mut Vec<String>, c: &Comparison, before: &Side, after: &Side) {
    out.push(String::new());
    let (opened, closed) = (&c.blockers.opened, &c.blockers.closed);
    out.push(format!("Blockers: {} opened, {} closed", opened.len(), closed.len()));
    out.extend(opened.iter().map(|g| format!("  opened   {}", gap_line(g))));
    out.extend(closed.iter().map(|g| format!("  closed   {}", gap_line(g))));

    out.push(String::new());
    let gaps = &c.gaps;
    out.push(format!(
        "Gaps: {} added, {} removed, {} changed",
        gaps.added.len(),
        gaps.removed.len(),
        gaps.changed.len()
    ));
    out.extend(gaps.added.iter().map(|g| format!("  added    {}", gap_line(g))));
    out.extend(gaps.removed.iter().map(|g| format!("  removed  {}", gap_line(g))));
    for change in &gaps.changed {
        out.push(format!("  changed  {}", gap_line(&change.after)));
        let fields = field_changes(change, &before.assessment, &after.assessment);
        out.extend(fields.into_iter().map(|f| format!("             {f}")));
    }
}

/// The phases that changed, then the total cost and duration.
fn roadmap(out: &mut Vec<String>, c: &Comparison) {
    out.push(String::new());
    out.push("Roadmap".to_string());
    for phase in c.phases.iter().filter(|p| p.is_changed()) {
        let line = match (&phase.before, &phase.after) {
            (None, Some(a)) => format!("added     {} {} ({})", phase.id, a.name, phase_weeks(a)),
            (Some(b), None) => format!("removed   {} {} ({})", phase.id, b.name, phase_weeks(b)),
            (Some(b), Some(a)) => {
                let mut what = Vec::new();
                if b.name != a.name {
                    what.push(format!("renamed from \"{}\"", b.name));
                }
                if phase.is_retimed() {
                    what.push(format!("{} → {}", phase_weeks(b), phase_weeks(a)));
                }
                if phase.is_recosted() {
                    let cost = Change { before: b.total, after: a.total };
                    what.push(format!("cost {}", money_change(&cost, &c.currency, ["unknown"; 2])));
                }
                if phase.is_restaffed() {
                    what.push("team changed".to_string());
                }
                format!("changed   {} {}: {}", phase.id, a.name, what.join("; "))
            }
            (None, None) => continue,
        };
        out.push(format!("  {line}"));
    }
    // A side with phases but no total has labor nobody can price yet.
    let none = |d: Option<Bounds>| if d.is_some() { "unknown" } else { "no roadmap" };
    out.push(format!(
        "  Total: {}",
        money_change(&c.total, &c.currency, [none(c.duration_weeks.before), none(c.duration_weeks.after)])
    ));
    let duration = |d: Option<Bounds>| d.map_or("no roadmap".to_string(), |d| display::range(d.min, d.max));
    out.push(format!("  Duration: {} → {} weeks", duration(c.duration_weeks.before), duration(c.duration_weeks.after)));
}

fn kpis(out: &mut Vec<String>, c: &Comparison) {
    if c.kpis.is_empty() {
        return;
    }
    out.push(String::new());
    out.push("KPIs".to_string());
    for kpi in &c.kpis {
        let value = |v: Option<f64>| match v {
            Some(v) if kpi.unit.is_empty() => format!("{v}"),
            Some(v) => format!("{v} {}", kpi.unit),
            None => "—".to_string(),
        };
        let movement = match (kpi.presence, kpi.movement()) {
            (Presence::Added, _) => " (added)",
            (Presence::Removed, _) => " (removed)",
            (_, KpiMovement::Improved) => " (better)",
            (_, KpiMovement::Worsened) => " (worse)",
            _ => "",
        };
        out.push(format!("  {}: {} → {}{movement}", kpi.name, value(kpi.current.before), value(kpi.current.after)));
    }
}

fn lines(out: Vec<String>) -> String {
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn gap_line(gap: &GapFacts) -> String {
    format!("{}  {}", gap.id, gap.title)
}

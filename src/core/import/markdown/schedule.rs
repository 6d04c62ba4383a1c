//! The phases as a schedule: registered from their headings during the
//! scan, found again by the number or name a cell or line gives them, and
//! at the end their durations and start weeks settled from everything the
//! document says about them, with a warning where statements disagree.

use super::drafts::PhaseDraft;
use super::importer::Importer;
use super::phrases::{self, Weeks};
use crate::core::model::{Assessment, Phase, Range, TeamMember};

impl<'t> Importer<'t> {
    /// Registers the phase a heading names; a phase named twice is one phase.
    pub(super) fn add_phase_heading(&mut self, p: phrases::PhaseHeading, line: usize) {
        if let Some(known) = self.phase_numbers.get(&p.number).and_then(|&i| self.phases.get_mut(i)) {
            // The same phase named twice (an overview, then the details): one phase.
            if known.heading_weeks.is_none() {
                known.heading_weeks = p.weeks;
            }
            return;
        }
        let name = if p.name.is_empty() { format!("Phase {}", p.number) } else { p.name };
        let mut draft = PhaseDraft { number: Some(p.number), name, line, heading_weeks: p.weeks, ..Default::default() };
        if !p.remark.is_empty() {
            draft.goal.push(p.remark);
        }
        self.phase_numbers.insert(p.number, self.phases.len());
        self.phases.push(draft);
    }

    /// The phase a table cell or header names: `Phase 2`, `Phase 2 Target`,
    /// or a phase's name.
    pub(super) fn phase_named(&self, text: &str) -> Option<usize> {
        let words = phrases::words(text);
        for (i, word) in words.iter().enumerate() {
            if matches!(word.as_str(), "phase" | "stage" | "milestone" | "sprint" | "wave" | "step") {
                if let Some(number) = words.get(i + 1).and_then(|n| n.parse::<u32>().ok()) {
                    return self.phase_numbers.get(&number).copied();
                }
            }
            if let Some(number) = word.strip_prefix('p').and_then(|n| n.parse::<u32>().ok()) {
                if words.len() <= 2 {
                    return self.phase_numbers.get(&number).copied();
                }
            }
        }
        let stems = phrases::stems(text);
        self.phases.iter().position(|p| {
            let name = phrases::stems(&p.name);
            !name.is_empty() && (name == stems || stems.len() > name.len() && name.iter().all(|s| stems.contains(s)))
        })
    }

    /// The phases a `Starts after:` value names by number (`Phase 1,
    /// Phase 3`), by index; none for `none`; `None` when one of them is not
    /// on the roadmap.
    pub(super) fn phases_named(&self, value: &str) -> Option<Vec<usize>> {
        if phrases::words(value).first().is_some_and(|w| w == "none") {
            return Some(Vec::new());
        }
        value
            .split(',')
            .map(|part| Self::phase_number(part).and_then(|n| self.phase_numbers.get(&n).copied()))
            .collect()
    }

    /// The number a `Phase N` names, for a phase not yet known.
    pub(super) fn phase_number(text: &str) -> Option<u32> {
        let words = phrases::words(text);
        words.iter().position(|w| w == "phase").and_then(|i| words.get(i + 1)).and_then(|n| n.parse().ok())
    }

    /// Durations and start weeks from every statement about them, in order
    /// of trust: a stated duration, the weeks of sub-headings, the heading,
    /// and last the effort. Disagreements are reported.
    pub(super) fn finish_phases(&mut self, a: &mut Assessment, phase_ids: &[String], role_ids: &[String]) {
        // Where the previous phase's heading ended, when it was a range on
        // the calendar (`0-4 weeks`).
        let mut series_end: Option<f64> = None;
        let phases = std::mem::take(&mut self.phases);
        for (draft, id) in phases.iter().zip(phase_ids) {
            let from_subs = (!draft.sub_weeks.is_empty()).then(|| {
                let start = draft.sub_weeks.iter().filter_map(|w| w.start).fold(f64::INFINITY, f64::min);
                let end = draft.sub_weeks.iter().filter_map(|w| w.start.map(|s| s + w.max)).fold(0.0, f64::max);
                Weeks { start: Some(start), min: end - start, max: end - start, range_form: false }
            });
            // `(4-8 weeks)` right after `(0-4 weeks)` is a place on the
            // calendar, weeks 4 to 8, not a length.
            let heading = draft.heading_weeks.map(|w| match (w.start, series_end) {
                (None, Some(end)) if w.range_form && w.min == end => {
                    Weeks { start: Some(w.min), min: w.max - w.min, max: w.max - w.min, range_form: true }
                }
                _ => w,
            });
            series_end = heading.filter(|h| h.range_form).and_then(|h| h.start.map(|s| s + h.max));
            let stated = draft.duration.map(|(w, _)| w);
            let effort = draft.effort_weeks;
            let chosen = stated.or(from_subs).or(heading).or(effort);
            let mut duration = chosen.map_or((0.0, 0.0), |w| (w.min, w.max));
            if !(duration.0.is_finite() && duration.1.is_finite() && duration.0 >= 0.0 && duration.0 <= duration.1) {
                duration = (0.0, 0.0);
            }
            if chosen.is_none() {
                self.skipped(draft.line, format!("The phase \"{}\" states no duration; set to 0 weeks.", draft.name));
            }
            for (source, other) in [("its sub-headings", from_subs), ("its heading", heading)] {
                if let (Some(chosen), Some(other)) = (chosen, other) {
                    if (other.min, other.max) != (chosen.min, chosen.max) {
                        self.warning(
                            draft.line,
                            format!(
                                "The phase \"{}\" lasts {} by {source} but {} elsewhere; kept {}.",
                                draft.name,
                                describe_length(&other),
                                describe_length(&chosen),
                                describe_length(&chosen)
                            ),
                        );
                    }
                }
            }
            let start = draft.start.or(from_subs.and_then(|w| w.start)).or_else(|| {
                heading
                    .and_then(|h| h.start)
                    .filter(|_| chosen.is_some_and(|c| heading.is_some_and(|h| (h.min, h.max) == (c.min, c.max))))
            });

            let mut phase = Phase::new(id.clone(), draft.name.clone(), Range::new(duration.0, duration.1));
            phase.start_week = start.filter(|s| s.is_finite() && *s >= 0.0);
            phase.goal = draft.goal.join("\n");
            phase.team = draft
                .team
                .iter()
                .filter_map(|&(role, min, max)| {
                    let (min, max) = (min.max(0.0), max.max(min.max(0.0)));
                    role_ids.get(role).map(|r| TeamMember::new(r.clone(), Range::new(min, max)))
                })
                .collect();
            phase.costs = draft.costs.clone();
            phase.exit_criteria = draft.exit_criteria.clone();
            phase.after =
                draft.after.as_ref().map(|after| after.iter().filter_map(|&i| phase_ids.get(i).cloned()).collect());
            phase.stated_cost = draft.stated_cost.map(|(min, max)| Range::new(min, max));
            a.phases.push(phase);
        }
        self.phases = phases;
    }
}

/// Weeks as the report writes them: `week 1`, `weeks 3–4`, or a length.
pub(super) fn describe_weeks(w: &Weeks) -> String {
    let number = crate::core::present::display::number;
    match w.start {
        Some(start) if w.max <= 1.0 => format!("week {}", number(start + 1.0)),
        Some(start) => format!("weeks {}–{}", number(start + 1.0), number(start + w.max)),
        None => describe_length(w),
    }
}

fn describe_length(w: &Weeks) -> String {
    format!("{} weeks", crate::core::present::display::range(w.min, w.max))
}

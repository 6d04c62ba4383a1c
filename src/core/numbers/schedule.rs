//! The roadmap's schedule: when each phase starts and ends, in weeks from
//! the roadmap's start, and the critical path, the chain of phases that
//! sets the roadmap's duration.
//!
//! The rule of a phase's start, first that applies:
//! 1. its `start_week`, when given (it wins over `after`);
//! 2. its `after` list, when given: the latest end of the phases it names
//!    (low ends with low ends, high ends with high ends); ids that name no
//!    phase are ignored, and a list that names none (empty, or only
//!    unknown ids) starts it at week 0, the roadmap's start;
//! 3. otherwise right after the previous phase in the list (week 0 for the
//!    first), as before `after` existed.
//!
//! Phases are placed in an order where each comes after what it waits for
//! (Kahn's algorithm, iterative: no recursion however long the chain).
//! Phases caught in a cycle of `after` (which validation reports) cannot be
//! ordered: they are then placed in list order, each right after the
//! previous phase in the list, so that the schedule is always the same for
//! the same file and never hangs.
//!
//! The critical path starts at the phase whose high end is latest (then the
//! latest low end, then the first in the list) and walks back through the
//! phase each one waited for (the one whose end set its start, chosen the
//! same way) until a phase that waited for none.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::core::decimal::{exact, Span};
use crate::core::model::Assessment;
use crate::core::numbers::cost::span;

/// When one phase runs, and which phase's end set its start.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub start_week: Span,
    pub end_week: Span,
    /// The index of the phase whose end set this one's start; `None` when
    /// it starts at a given week or at the roadmap's start.
    pub waits_for: Option<usize>,
}

/// What each phase waits for before it can start.
enum Wait {
    /// A given week, or the roadmap's start.
    Week(Span),
    /// The ends of these phases (indices), the latest of which.
    Phases(Vec<usize>),
}

/// Every phase's slot, in roadmap order.
pub fn schedule(assessment: &Assessment) -> Vec<Slot> {
    let phases = &assessment.phases;
    let index: HashMap<&str, usize> = phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let waits: Vec<Wait> = phases
        .iter()
        .enumerate()
        .map(|(i, phase)| match (phase.start_week, &phase.after) {
            (Some(week), _) => Wait::Week(Span::point(exact(week).max(Decimal::ZERO))),
            (None, Some(after)) => {
                let mut named: Vec<usize> = after.iter().filter_map(|id| index.get(id.as_str()).copied()).collect();
                named.dedup();
                if named.is_empty() {
                    Wait::Week(Span::ZERO)
                } else {
                    Wait::Phases(named)
                }
            }
            (None, None) if i == 0 => Wait::Week(Span::ZERO),
            (None, None) => Wait::Phases(vec![i - 1]),
        })
        .collect();

    // Kahn's algorithm: `waiting[i]` counts the phases `i` still waits for.
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); phases.len()];
    let mut waiting = vec![0usize; phases.len()];
    for (i, wait) in waits.iter().enumerate() {
        if let Wait::Phases(before) = wait {
            for &b in before {
                followers[b].push(i);
                waiting[i] += 1;
            }
        }
    }
    let mut ready: Vec<usize> = (0..phases.len()).rev().filter(|&i| waiting[i] == 0).collect();
    let mut slots: Vec<Option<Slot>> = vec![None; phases.len()];
    let weeks: Vec<Span> = phases.iter().map(|p| span(&p.duration_weeks)).collect();
    while let Some(i) = ready.pop() {
        let slot = match &waits[i] {
            Wait::Week(start) => Slot { start_week: *start, end_week: start.plus(weeks[i]), waits_for: None },
            Wait::Phases(before) => {
                let ends = before.iter().filter_map(|&b| slots[b].as_ref().map(|s| (b, s.end_week)));
                start_after(ends, weeks[i])
            }
        };
        slots[i] = Some(slot);
        for &f in followers[i].iter().rev() {
            waiting[f] -= 1;
            if waiting[f] == 0 {
                ready.push(f);
            }
        }
    }

    // What a cycle left unplaced: in list order, after the previous phase.
    for i in 0..phases.len() {
        if slots[i].is_none() {
            let slot = match (&waits[i], i) {
                (Wait::Week(start), _) => Slot { start_week: *start, end_week: start.plus(weeks[i]), waits_for: None },
                (_, 0) => Slot { start_week: Span::ZERO, end_week: weeks[0], waits_for: None },
                (_, _) => start_after(slots[i - 1].as_ref().map(|s| (i - 1, s.end_week)), weeks[i]),
            };
            slots[i] = Some(slot);
        }
    }
    slots.into_iter().flatten().collect()
}

/// The slot of a phase of `weeks` that starts when the latest of `ends`
/// (phase index, end week) is reached.
fn start_after(ends: impl IntoIterator<Item = (usize, Span)>, weeks: Span) -> Slot {
    let mut start = Span::ZERO;
    let mut latest: Option<(usize, Span)> = None;
    for (b, end) in ends {
        start = Span::new(start.min.max(end.min), start.max.max(end.max));
        if latest.is_none_or(|(_, l)| later(end, l)) {
            latest = Some((b, end));
        }
    }
    Slot { start_week: start, end_week: start.plus(weeks), waits_for: latest.map(|(b, _)| b) }
}

/// Whether `a` ends later than `b`: by its high end, then its low end.
fn later(a: Span, b: Span) -> bool {
    (a.max, a.min) > (b.max, b.min)
}

/// The critical path: the indices of the phases that set the roadmap's
/// duration, first to last; empty without phases.
pub fn critical_path(slots: &[Slot]) -> Vec<usize> {
    let mut last: Option<usize> = None;
    for (i, slot) in slots.iter().enumerate() {
        if last.is_none_or(|l| later(slot.end_week, slots[l].end_week)) {
            last = Some(i);
        }
    }
    let mut path = Vec::new();
    let mut at = last;
    // A chain never visits a phase twice (each waits for one placed before
    // it), but a bound keeps any mistake from looping.
    while let Some(i) = at.filter(|_| path.len() < slots.len()) {
        path.push(i);
        at = slots[i].waits_for;
    }
    path.reverse();
    path
}

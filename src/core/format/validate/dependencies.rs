//! Validation of the plan in calendar time: dates (`start_date`, a gap's
//! `due`, an acceptance's `expires`), and the dependencies between gaps
//! (`depends_on`) and between phases (`after`): ids that name nothing, an
//! entry that names itself, and cycles, each reported once with its members
//! in order.
//!
//! Cycles are found by a depth-first walk kept on an explicit stack, never
//! by recursion: a chain of 10,000 gaps is as safe as one of two.

use std::collections::HashMap;

use super::{is_iso_date, At, Checker, Path};
use crate::core::model::{Acceptance, Assessment};

impl Checker {
    /// A date field that must be `YYYY-MM-DD` when present.
    pub(super) fn date(&mut self, at: At, key: &str, date: Option<&str>) {
        if let Some(date) = date.filter(|d| !is_iso_date(d)) {
            self.report(at.key(key), format!("\"{date}\" is not a date of the form YYYY-MM-DD."));
        }
    }

    /// A gap's due date, acceptance and dependencies (not their cycles).
    pub(super) fn gap_plan(&mut self, list: &Path, i: usize, a: &Assessment, gaps: &std::collections::HashSet<&str>) {
        let gap = &a.gaps[i];
        self.date(At::Item(list, i), "due", gap.due.as_deref());
        if let Some(Acceptance { expires, .. }) = &gap.acceptance {
            self.date(At::Path(&list.index(i).key("acceptance")), "expires", expires.as_deref());
        }
        for (j, id) in gap.depends_on.iter().enumerate() {
            if *id == gap.id {
                self.report(list.index(i).key("depends_on").index(j), "The gap depends on itself.");
            } else if !gaps.contains(id.as_str()) {
                self.report(
                    list.index(i).key("depends_on").index(j),
                    format!("The gap depends on gap \"{id}\", which does not exist."),
                );
            }
        }
    }

    /// A phase's `after` list (not its cycles).
    pub(super) fn phase_after(
        &mut self,
        list: &Path,
        i: usize,
        a: &Assessment,
        phases: &std::collections::HashSet<&str>,
    ) {
        let phase = &a.phases[i];
        for (j, id) in phase.after.iter().flatten().enumerate() {
            if *id == phase.id {
                self.report(list.index(i).key("after").index(j), "The phase starts after itself.");
            } else if !phases.contains(id.as_str()) {
                self.report(
                    list.index(i).key("after").index(j),
                    format!("The phase starts after phase \"{id}\", which does not exist."),
                );
            }
        }
    }

    /// Every cycle of gaps that depend on each other, reported under
    /// `root` (the file's, or a milestone's state).
    pub(super) fn gap_cycles(&mut self, root: &Path, a: &Assessment) {
        let edges: Vec<&[String]> = a.gaps.iter().map(|g| g.depends_on.as_slice()).collect();
        let ids: Vec<&str> = a.gaps.iter().map(|g| g.id.as_str()).collect();
        for (i, j, cycle) in cycles(&ids, &edges) {
            self.report(
                root.key("gaps").index(i).key("depends_on").index(j),
                format!("The gaps depend on each other in a cycle, so none of them can be closed first: {cycle}."),
            );
        }
    }

    /// Every cycle of phases that start after each other, counting the
    /// wait of a phase without `after` (and without a start week) for the
    /// one before it, as the schedule does; reported under `root`.
    pub(super) fn phase_cycles(&mut self, root: &Path, a: &Assessment) {
        let previous: Vec<Vec<String>> = a
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| match (p.start_week, i.checked_sub(1)) {
                (None, Some(before)) if p.after.is_none() => vec![a.phases[before].id.clone()],
                _ => Vec::new(),
            })
            .collect();
        let edges: Vec<&[String]> = a
            .phases
            .iter()
            .zip(&previous)
            .map(|(p, previous)| match (p.start_week, &p.after) {
                (Some(_), _) => &[][..],
                (None, Some(after)) => after.as_slice(),
                (None, None) => previous.as_slice(),
            })
            .collect();
        let ids: Vec<&str> = a.phases.iter().map(|p| p.id.as_str()).collect();
        for (i, j, cycle) in cycles(&ids, &edges) {
            // The wait that closes it: an entry of `after`, or the phase
            // itself when it waits for the previous one.
            let phase = root.key("phases").index(i);
            let path = if a.phases[i].after.is_some() { phase.key("after").index(j) } else { phase };
            self.report(
                path,
                format!("The phases start after each other in a cycle, so none of them can start first: {cycle}."),
            );
        }
    }
}

/// The cycles of the graph whose node `n` is named `ids[n]` and points to
/// the nodes named in `edges[n]` (names that are unknown, or the node's
/// own, are left out: they are reported apart). Each cycle once, as (node,
/// edge index) of the edge that closes it and its members written
/// `a → b → a`, in the order of the walk.
fn cycles(ids: &[&str], edges: &[&[String]]) -> Vec<(usize, usize, String)> {
    // The first node of each name: a repeated id is reported apart.
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    for (n, id) in ids.iter().enumerate() {
        index.entry(id).or_insert(n);
    }
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; ids.len()];
    let mut found = Vec::new();
    for root in 0..ids.len() {
        if state[root] != NEW {
            continue;
        }
        // The path being walked: each node with the next edge to follow.
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = OPEN;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let Some(name) = edges[node].get(*next) else {
                state[node] = DONE;
                stack.pop();
                continue;
            };
            let edge = *next;
            *next += 1;
            let Some(&target) = index.get(name.as_str()).filter(|&&t| t != node) else {
                continue;
            };
            match state[target] {
                NEW => {
                    state[target] = OPEN;
                    stack.push((target, 0));
                }
                OPEN => {
                    let from = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                    let mut members: Vec<&str> = stack[from..].iter().map(|&(n, _)| ids[n]).collect();
                    members.push(ids[target]);
                    found.push((node, edge, members.join(" → ")));
                }
                _ => {}
            }
        }
    }
    found
}

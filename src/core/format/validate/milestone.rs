//! Validation of milestones: unique ids, names, well-formed dates, and the
//! state each one froze, checked by the same rules as the assessment itself
//! and reported under its own path (`milestones[0].state.gaps[2].category`),
//! plus the one rule of a snapshot's own: a checklist cannot have more items
//! done than it has. Its dates and dependencies are checked on the state
//! turned back into an assessment (`Snapshot::to_assessment`).

use std::collections::HashSet;

use super::{is_blank, is_iso_date, At, Checker, Path, References};
use crate::core::model::{Milestone, Snapshot};

impl Checker {
    pub(super) fn milestones(&mut self, path: &Path, milestones: &[Milestone]) {
        self.unique_ids(path, milestones.iter().map(|m| m.id.as_str()));
        for (i, milestone) in milestones.iter().enumerate() {
            let path = path.index(i);
            if is_blank(&milestone.name) {
                self.report(path.key("name"), "The milestone needs a name.");
            }
            if !is_saved_on(&milestone.saved_on) {
                self.report(
                    path.key("saved_on"),
                    format!(
                        "\"{}\" is not a date of the form YYYY-MM-DD, or a date and time of the form YYYY-MM-DDTHH:MM.",
                        milestone.saved_on
                    ),
                );
            }
            self.snapshot(&path.key("state"), &milestone.state);
        }
    }

    fn snapshot(&mut self, root: &Path, s: &Snapshot) {
        self.header(At::Path(root), &s.id, &s.title, s.stated_overall, &s.currency, None);
        if let Some(stated) = &s.stated_total {
            self.min_max(At::Path(root), "stated_total", stated.min, stated.max, "stated total");
        }
        self.settings(&root.key("settings"), &s.settings);

        let categories = self.unique_ids(&root.key("categories"), s.categories.iter().map(|c| c.id.as_str()));
        let phases = self.unique_ids(&root.key("phases"), s.phases.iter().map(|p| p.id.as_str()));
        let roles = self.unique_ids(&root.key("roles"), s.roles.iter().map(|r| r.id.as_str()));
        self.unique_ids(&root.key("gaps"), s.gaps.iter().map(|g| g.id.as_str()));
        self.unique_ids(&root.key("kpis"), s.kpis.iter().map(|k| k.id.as_str()));

        let list = root.key("categories");
        for (i, c) in s.categories.iter().enumerate() {
            self.category(At::Item(&list, i), &c.name, c.weight, c.manual_score, c.target_score);
        }
        let refs = References { categories: &categories, phases: &phases };
        let list = root.key("gaps");
        for (i, gap) in s.gaps.iter().enumerate() {
            let at = At::Item(&list, i);
            self.gap(at, &gap.title, &gap.category, gap.phase.as_deref(), gap.effort.as_ref(), &refs);
            if let Some(checklist) = gap.checklist.as_ref().filter(|c| c.done > c.total) {
                self.report(
                    at.key("checklist").key("done"),
                    format!(
                        "The checklist has {} items done of {}; no more can be done than there are.",
                        checklist.done, checklist.total
                    ),
                );
            }
        }
        let list = root.key("roles");
        for (i, role) in s.roles.iter().enumerate() {
            self.role(At::Item(&list, i), role);
        }
        let list = root.key("phases");
        for (i, p) in s.phases.iter().enumerate() {
            self.phase(At::Item(&list, i), &p.name, p.start_week, &p.duration_weeks);
            if let Some(stated) = &p.stated_cost {
                self.min_max(At::Item(&list, i), "stated_cost", stated.min, stated.max, "stated cost");
            }
            self.team_and_costs(&list.index(i), &p.team, &p.costs, &roles);
        }
        let list = root.key("kpis");
        for (i, kpi) in s.kpis.iter().enumerate() {
            self.kpi(&list.index(i), kpi, &phases);
        }
        self.snapshot_plan(root, s);
    }

    /// The snapshot's plan in calendar time, by the assessment's own rules:
    /// its dates, the gaps' dependencies and the phases' `after`, and their
    /// cycles (the state as an assessment has the same lists in the same
    /// order, so every path is the snapshot's own).
    fn snapshot_plan(&mut self, root: &Path, s: &Snapshot) {
        self.date(At::Path(root), "start_date", s.start_date.as_deref());
        let mut a = s.to_assessment();
        // Its acceptances come from `accepted_until`, checked at that key.
        for gap in &mut a.gaps {
            gap.acceptance = None;
        }
        let gaps: HashSet<&str> = a.gaps.iter().map(|g| g.id.as_str()).collect();
        let phases: HashSet<&str> = a.phases.iter().map(|p| p.id.as_str()).collect();
        let list = root.key("gaps");
        for (i, gap) in s.gaps.iter().enumerate() {
            self.date(At::Item(&list, i), "accepted_until", gap.accepted_until.as_deref());
            self.gap_plan(&list, i, &a, &gaps);
        }
        self.gap_cycles(root, &a);
        let list = root.key("phases");
        for i in 0..a.phases.len() {
            self.phase_after(&list, i, &a, &phases);
        }
        self.phase_cycles(root, &a);
    }
}

/// Whether `text` is a milestone's date: `YYYY-MM-DD`, optionally followed by
/// a time, `THH:MM` or `THH:MM:SS` (24-hour clock).
pub fn is_saved_on(text: &str) -> bool {
    match text.split_once('T') {
        None => is_iso_date(text),
        Some((date, time)) => is_iso_date(date) && is_time(time),
    }
}

/// `HH:MM` or `HH:MM:SS`.
fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().zip([24, 60, 60]).all(|(part, limit)| {
            part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) && part.parse::<u32>().is_ok_and(|n| n < limit)
        })
}

#[cfg(test)]
mod tests {
    use super::is_saved_on;

    #[test]
    fn a_date_with_or_without_a_time() {
        let check = |text: &str, expected: bool| assert_eq!(is_saved_on(text), expected, "{text:?}");
        check("2025-03-14", true);
        check("2025-03-14T09:30", true);
        check("2025-03-14T23:59:59", true);
        check("2025-02-30", false);
        check("2025-03-14T24:00", false);
        check("2025-03-14T09:60", false);
        check("2025-03-14T9:30", false);
        check("2025-03-14T09:30:00:00", false);
        check("2025-03-14T09", false);
        check("2025-03-14T", false);
        check("2025-03-14 09:30", false);
        check("", false);
    }
}

//! Pass D, one thing one entry: a roadmap task that restates a finding
//! (`Add rate limiting` under a phase, `No rate limiting on public
//! endpoints` under Security) is that finding's work, not a second gap. The
//! finding is assigned to the task's phase and takes what the task adds (its
//! effort when it states none, its checklist, description and evidence; a
//! partial finding's credit then follows that checklist); the
//! report lists each link as a guess, with both lines. A task that restates
//! no finding stays a gap, in the category its words name (`categories`).
//!
//! A task restates a finding when their meaningful words (`phrases::stems`,
//! without what stands in parentheses) are the same, or at least two are
//! shared and the one's are all among the other's or most of them are
//! (`phrases::alike`). Only open tasks and open findings that no phase has
//! yet are linked, each finding at most once, the most alike first.

use std::collections::{HashMap, HashSet};

use super::drafts::{GapDraft, PhaseRef, UNDECIDED};
use super::importer::Importer;
use super::phrases;
use crate::core::model::Status;

/// How many findings sharing a word with a task are compared with it at
/// most: in a document where hundreds share one, the first hundreds are
/// enough, and the pass stays linear.
const COMPARED: usize = 256;

impl<'t> Importer<'t> {
    /// Pass D: links tasks to the findings they restate, and gives every
    /// other task its category.
    pub(super) fn link_tasks(&mut self) {
        let stems_of = |gap: &GapDraft| phrases::stems(&phrases::remove_bracketed(&gap.title, '(', ')'));
        // The findings a task may restate, by each of their stems.
        let mut finding_stems: HashMap<usize, Vec<String>> = HashMap::new();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, gap) in self.gaps.iter().enumerate() {
            if gap.task.is_none() && gap.phase.is_none() && gap.status.is_open() {
                let stems = stems_of(gap);
                for stem in &stems {
                    by_stem.entry(stem.clone()).or_default().push(i);
                }
                finding_stems.insert(i, stems);
            }
        }
        let mut linked: HashSet<usize> = HashSet::new();
        let mut merged: Vec<usize> = Vec::new();
        for task in 0..self.gaps.len() {
            let Some(origin) = self.gaps[task].task.clone() else { continue };
            let best = if self.gaps[task].status.is_open() {
                let stems = stems_of(&self.gaps[task]);
                let mut candidates: Vec<usize> = stems
                    .iter()
                    .filter_map(|s| by_stem.get(s))
                    .flat_map(|found| found.iter().take(COMPARED).copied())
                    .filter(|f| !linked.contains(f))
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                let mut best: Option<(f64, usize)> = None;
                for finding in candidates {
                    if let Some(score) = finding_stems.get(&finding).and_then(|f| restates(&stems, f)) {
                        if best.is_none_or(|(b, _)| score > b) {
                            best = Some((score, finding));
                        }
                    }
                }
                best.map(|(_, finding)| finding)
            } else {
                None
            };
            match best {
                Some(finding) => {
                    linked.insert(finding);
                    merged.push(task);
                    self.merge_task(task, finding, origin.phase);
                }
                None => {
                    let (title, line) = (self.gaps[task].title.clone(), self.gaps[task].line);
                    let sub_heading = origin.sub_heading.as_deref();
                    self.gaps[task].category = self.category_for_task(&title, sub_heading, origin.phase, line);
                }
            }
        }
        // Every task merged into a finding goes; nothing refers to gaps by
        // index any more (risks name them by title).
        let merged: HashSet<usize> = merged.into_iter().collect();
        let mut index = 0;
        self.gaps.retain(|_| {
            index += 1;
            !merged.contains(&(index - 1))
        });
        debug_assert!(self.gaps.iter().all(|g| g.category != UNDECIDED));
    }

    /// The finding takes the task's phase and what the task adds to it.
    fn merge_task(&mut self, task: usize, finding: usize, phase: usize) {
        let taken = std::mem::replace(&mut self.gaps[task], GapDraft::new(0, String::new(), Status::Missing, 0));
        let phase_name = self.phases.get(phase).map(|p| p.name.clone()).unwrap_or_default();
        let target = &mut self.gaps[finding];
        target.phase = Some(PhaseRef::Index(phase));
        if target.effort.is_none() {
            target.effort = taken.effort;
        }
        if target.priority.is_none() {
            target.priority = taken.priority;
        }
        if target.severity.is_none() {
            target.severity = taken.severity;
        }
        if target.owner.is_empty() {
            target.owner = taken.owner;
        }
        for tag in taken.tags {
            if !target.tags.contains(&tag) {
                target.tags.push(tag);
            }
        }
        target.description.push(format!("Roadmap task: {}", taken.title));
        target.description.extend(taken.description);
        // A partial finding without a checklist earns the partial credit;
        // with the task's checklist it earns the share of it done, which the
        // report says.
        let credit = if target.status == Status::Partial && target.items.is_empty() && !taken.items.is_empty() {
            "; its credit now follows the task's checklist"
        } else {
            ""
        };
        target.items.extend(taken.items);
        target.evidence.extend(taken.evidence);
        let (title, line) = (target.title.clone(), target.line);
        self.guessed(
            taken.line,
            format!(
                "The task \"{}\" restates the finding \"{title}\" (line {line}): one gap, assigned to \"{phase_name}\"{credit}.",
                taken.title
            ),
        );
    }
}

/// How alike a task's stems are to a finding's, when the task restates it.
fn restates(task: &[String], finding: &[String]) -> Option<f64> {
    if task.is_empty() || finding.is_empty() {
        return None;
    }
    let shared = task.iter().filter(|s| finding.contains(s)).count();
    let likeness = phrases::likeness(task, finding);
    let same = shared == task.len() && shared == finding.len();
    let within = shared >= 2 && (shared == task.len() || shared == finding.len() || phrases::alike(task, finding));
    (same || within).then_some(likeness)
}

#[cfg(test)]
mod tests {
    use super::restates;
    use crate::core::import::markdown::phrases::stems;

    #[test]
    fn what_restates_a_finding() {
        let check = |task: &str, finding: &str, expected: bool| {
            assert_eq!(restates(&stems(task), &stems(finding)).is_some(), expected, "{task:?} and {finding:?}");
        };
        check("Add rate limiting", "No rate limiting on public endpoints", true);
        check("Create Helm Charts", "Helm Charts", true);
        check("Resolve All 39 TODOs", "All TODOs Resolved", true);
        check("Data Governance Framework", "Data Governance", true);
        check("Makefile", "Makefile", true);
        // One shared word is not enough.
        check("Security Hardening", "Security Scanning", false);
        check("Documentation", "No SDK/library documentation", false);
        check("Complete Monitoring Stack", "Monitoring Alerts", false);
    }
}

//! The end of a scope: what a walk over a section collected becomes gaps
//! and notes. Marked findings become gaps in the section's category;
//! requirements become gaps only where the section found nothing itself;
//! a task list becomes one gap with its checklist; the priority, severity
//! and effort the section states go onto its gaps; and the text nothing
//! recognised goes, in order, to the section's single gap, its category's
//! notes, or the summary.

use super::drafts::GapDraft;
use super::importer::Importer;
use super::outline::Heading;
use super::phrases;
use super::sections::Context;
use super::walk::Walk;
use crate::core::model::{Effort, Evidence, Item, Priority, Severity, Status};

/// What is stated about priority, severity and effort in a section.
#[derive(Clone, Debug, Default)]
pub(super) struct Statements {
    pub(super) priority: Option<Priority>,
    pub(super) severity: Option<Severity>,
    pub(super) effort: Option<(Effort, usize)>,
}

/// Where a section's unrecognised text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sink {
    Summary,
    Category(usize),
    Gap(usize),
    Phase(usize),
}

/// Unrecognised content, kept for its sink.
#[derive(Clone, Debug)]
pub(super) enum Leftover {
    /// Source text, as written.
    Source(String),
    /// A list item, as written: consecutive items stay one list.
    Item(String),
    /// A code block: its text is evidence when it goes to a gap; elsewhere
    /// it is kept with its fences.
    Code { text: String, source: String },
    /// A wish (`✅` under requirements), kept in its place until the scope
    /// decides whether it is a gap: the index among the walk's wishes.
    Wanted(usize),
    /// A label line or heading (`Enterprise Requirements:`), kept only when
    /// something kept stands under it.
    Label(String),
}

impl<'t> Importer<'t> {
    /// Turns what a scope found into gaps, and its text into notes.
    pub(super) fn finish_scope(
        &mut self,
        mut walk: Walk<'t>,
        context: &Context,
        heading: Option<&Heading>,
        statements: Statements,
    ) {
        let first_gap = self.gaps.len();
        let has_findings = !walk.findings.is_empty();
        let heading_name = heading.map(|h| phrases::heading_name(&h.text)).unwrap_or_default();
        let heading_line = heading.map_or(1, |h| h.span.line);

        // Requirements become gaps only where the section found nothing itself.
        let wanted = std::mem::take(&mut walk.wanted);
        let mut wanted_notes: Vec<Leftover> = Vec::new();
        if !has_findings && wanted.iter().any(|w| w.requirement) {
            self.guessed(
                wanted[0].line,
                format!(
                    "The section \"{heading_name}\" states requirements and no findings: read its {} requirement(s) as missing gaps.",
                    wanted.len()
                ),
            );
            for mut w in wanted {
                w.status = Status::Missing;
                walk.findings.push(w);
            }
        } else {
            wanted_notes =
                wanted.into_iter().map(|w| Leftover::Item(self.source(&w.source).trim().to_string())).collect();
        }

        let mut category = None;
        if !walk.findings.is_empty() {
            let findings = std::mem::take(&mut walk.findings);
            let line = findings.first().map_or(heading_line, |f| f.line);
            let index = self.category_for(&context.path, None, false, line);
            category = Some(index);
            let count = findings.len();
            for finding in findings {
                self.add_finding(finding, index, None);
            }
            let name = self.categories[index].name.clone();
            let from =
                if heading_name.is_empty() { String::new() } else { format!(" from the section \"{heading_name}\"") };
            self.recognised(line, format!("{count} gap(s) in \"{name}\"{from}."));
        }
        for row in std::mem::take(&mut walk.requirement_rows) {
            self.add_requirement_row(row, &context.path);
        }

        let mut task_gap = None;
        if !walk.tasks.is_empty() {
            let tasks = std::mem::take(&mut walk.tasks);
            let line = tasks[0].line;
            let index = self.category_for(&context.path, Some(&heading_name), true, line);
            // A priority marker in the heading (`Hardening (P1)`) is the gap's, not its name.
            let (title, priority, _) = phrases::title_markers(&heading_name);
            let title = if title.is_empty() { "Tasks".to_string() } else { title };
            let mut gap = GapDraft::new(index, title.clone(), Status::Missing, line);
            gap.priority = priority;
            for task in tasks {
                gap.items.push(Item::new(task.title, task.done));
                gap.description.extend(task.description);
                gap.evidence.extend(task.evidence.into_iter().map(|text| Evidence::new(text, None)));
            }
            let done = gap.items.iter().filter(|i| i.done).count();
            gap.status = match done {
                0 => Status::Missing,
                n if n == gap.items.len() => Status::Done,
                _ => Status::Partial,
            };
            self.recognised(
                line,
                format!("The task list of \"{title}\" as one gap with {} checklist item(s).", gap.items.len()),
            );
            self.gaps.push(gap);
            task_gap = Some(self.gaps.len() - 1);
        }

        self.apply_statements(first_gap, &statements, &heading_name);

        // Unrecognised text: into the single gap a section made, else the
        // notes of its category, else the summary. Wishes that stayed wishes
        // take their place among it.
        let resolved: Vec<Leftover> = std::mem::take(&mut walk.leftovers)
            .into_iter()
            .filter_map(|leftover| match leftover {
                Leftover::Wanted(index) => wanted_notes.get(index).cloned(),
                other => Some(other),
            })
            .collect();
        // A label whose wishes became gaps has nothing left under it.
        let mut leftovers: Vec<Leftover> = Vec::with_capacity(resolved.len());
        for leftover in resolved {
            if let (Some(Leftover::Label(_)), Leftover::Label(_)) = (leftovers.last(), &leftover) {
                leftovers.pop();
            }
            leftovers.push(leftover);
        }
        if let Some(Leftover::Label(_)) = leftovers.last() {
            leftovers.pop();
        }
        if leftovers.is_empty() {
            return;
        }
        let gaps_made = self.gaps.len() - first_gap;
        let sink = if let (Some(gap), 1) = (task_gap, gaps_made) {
            Sink::Gap(gap)
        } else if let Some(index) = category {
            Sink::Category(index)
        } else if let Some(index) = heading.and_then(|h| self.category_of_heading(&h.text)) {
            Sink::Category(index)
        } else {
            Sink::Summary
        };
        let title = match (sink, heading) {
            (Sink::Category(index), Some(_)) if self.categories[index].name != heading_name => {
                Some(format!("**{heading_name}**"))
            }
            (Sink::Summary, Some(h)) => Some(self.source_line(h.span.line).to_string()),
            _ => None,
        };
        self.flush(leftovers, sink, title);
    }

    /// Writes leftovers to their sink.
    pub(super) fn flush(&mut self, leftovers: Vec<Leftover>, sink: Sink, title: Option<String>) {
        if leftovers.is_empty() {
            return;
        }
        let mut texts: Vec<String> = Vec::new();
        let mut evidence: Vec<String> = Vec::new();
        let mut in_list = false;
        for leftover in leftovers {
            let item = matches!(leftover, Leftover::Item(_));
            match (leftover, sink) {
                (Leftover::Code { text, .. }, Sink::Gap(_)) => evidence.push(text),
                (Leftover::Code { source: text, .. }, _) | (Leftover::Source(text), _) | (Leftover::Label(text), _) => {
                    texts.push(text)
                }
                (Leftover::Item(text), _) => match texts.last_mut() {
                    // Consecutive items stay one list.
                    Some(last) if in_list => {
                        last.push('\n');
                        last.push_str(&text);
                    }
                    _ => texts.push(text),
                },
                (Leftover::Wanted(_), _) => {}
            }
            in_list = item;
        }
        let texts: Vec<String> = texts.into_iter().filter(|t| !t.trim().is_empty()).collect();
        if texts.is_empty() && evidence.is_empty() {
            return;
        }
        match sink {
            Sink::Summary => {
                if let Some(title) = title {
                    if !texts.is_empty() {
                        self.summary.push(title);
                    }
                }
                self.summary.extend(texts);
            }
            Sink::Category(index) => {
                let notes = &mut self.categories[index].notes;
                if let Some(title) = title {
                    notes.push(title);
                }
                notes.extend(texts);
            }
            Sink::Gap(index) => {
                self.gaps[index].description.extend(texts);
                self.gaps[index].evidence.extend(evidence.into_iter().map(|text| Evidence::new(text, None)));
            }
            Sink::Phase(index) => self.phases[index].goal.extend(texts),
        }
    }

    /// Priority, severity and effort of a section, onto the gaps it made.
    fn apply_statements(&mut self, first_gap: usize, statements: &Statements, section: &str) {
        let gaps = first_gap..self.gaps.len();
        if gaps.is_empty() {
            return;
        }
        for gap in &mut self.gaps[gaps.clone()] {
            if gap.priority.is_none() {
                gap.priority = statements.priority;
            }
            if gap.severity.is_none() {
                gap.severity = statements.severity;
            }
        }
        if let Some((effort, line)) = &statements.effort {
            let without: Vec<usize> = gaps.filter(|&i| self.gaps[i].effort.is_none()).collect();
            let count = without.len();
            if count == 1 {
                self.gaps[without[0]].effort = Some(effort.clone());
            } else if count > 1 {
                let share = |v: f64| (v / count as f64 * 100.0).round() / 100.0;
                for i in without {
                    self.gaps[i].effort = Some(Effort::new(share(effort.min), share(effort.max), effort.unit));
                }
                self.guessed(
                    *line,
                    format!("The effort stated for \"{section}\" is split evenly over its {count} gaps."),
                );
            }
        }
    }
}

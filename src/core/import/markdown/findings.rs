//! Findings: a line or list item marked ❌ ⚠️ ✅, read into a gap. Its
//! title loses a trailing effort and its priority and status markers
//! (`[BLOCKER]`, `(P1)`, `[DONE]`), which become the gap's; the lines after it state its status, priority, severity, effort,
//! phase, owner and tags or describe it; what is nested under it is its
//! checklist, description and evidence.

use std::ops::Range;

use super::drafts::{GapDraft, PhaseRef};
use super::importer::Importer;
use super::labels::LabelContext;
use super::outline::{self, Block, Line};
use super::phrases;
use crate::core::model::{Item, Status};

/// A marked line or item.
#[derive(Debug)]
pub(super) struct Finding<'b> {
    pub(super) status: Status,
    pub(super) title: String,
    pub(super) line: usize,
    /// The label of the list item it is nested under (`Runbooks`).
    pub(super) label: Option<String>,
    pub(super) extra_lines: Vec<Line>,
    pub(super) children: Option<&'b [Block]>,
    /// Where it stands in the source, for keeping it as a note.
    pub(super) source: Range<usize>,
    /// Under a label that states requirements.
    pub(super) requirement: bool,
}

impl<'b> Finding<'b> {
    /// A finding from one marked line, nested under the item label of `context` if any.
    pub(super) fn line(status: Status, title: &str, line: usize, source: Range<usize>, context: &LabelContext) -> Self {
        Finding {
            status,
            title: title.to_string(),
            line,
            label: context.item_label.clone(),
            extra_lines: Vec::new(),
            children: None,
            source,
            requirement: false,
        }
    }
}

impl<'t> Importer<'t> {
    /// Adds a gap from a marked line or item.
    pub(super) fn add_finding(&mut self, finding: Finding<'t>, category: usize, phase: Option<usize>) -> usize {
        let mut gap = GapDraft::new(category, String::new(), finding.status, finding.line);
        let mut title = finding.title.clone();
        if let Some((effort, rest)) = phrases::trailing_effort(&title) {
            gap.effort = Some(effort);
            title = rest;
        }
        // Priority and status markers in brackets are tags, not part of the name.
        let (rest, priority, status) = phrases::title_markers(&title);
        gap.priority = priority;
        if let Some(status) = status {
            gap.status = status;
        }
        gap.title = clean_title(&rest);
        if let Some(label) = &finding.label {
            gap.description.push(label.clone());
        }
        for line in &finding.extra_lines {
            read_gap_line(&mut gap, line);
        }
        if let Some(children) = finding.children {
            self.read_gap_children(&mut gap, children);
        }
        if let Some(phase) = phase {
            gap.phase = Some(PhaseRef::Index(phase));
        }
        if gap.title.is_empty() {
            gap.title = format!("Gap at line {}", finding.line);
        }
        self.gaps.push(gap);
        self.gaps.len() - 1
    }

    /// The blocks nested under a gap's item: checklist, description, evidence.
    fn read_gap_children(&mut self, gap: &mut GapDraft, children: &[Block]) {
        for child in children {
            match child {
                Block::List(list) => {
                    for item in &list.items {
                        let first = item.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
                        if let Some(done) = item.task {
                            gap.items.push(Item::new(clean_title(first), done));
                        } else if let Some((status, rest)) = phrases::status_mark(first) {
                            gap.items.push(Item::new(clean_title(rest), status == Status::Done));
                        } else if !first.is_empty() {
                            gap.description.push(format!("- {}", outline::joined(&item.lines)));
                        }
                        self.read_gap_children(gap, &item.children);
                    }
                }
                Block::Code(code) => gap.evidence.push(code.text()),
                Block::Paragraph(p) => {
                    for line in &p.lines {
                        read_gap_line(gap, line);
                    }
                }
                Block::Quote(q) => self.read_gap_children(gap, &q.children),
                Block::Table(_) | Block::Html(_) | Block::Heading(_) => {
                    gap.description.push(self.source(&child.span().bytes))
                }
                Block::Rule(_) => {}
            }
        }
    }
}

/// One more line of a gap's own text: a statement or its description.
pub(super) fn read_gap_line(gap: &mut GapDraft, line: &Line) {
    let labels = phrases::labels(&line.text);
    let mut all_known = !labels.is_empty();
    for (key, value) in &labels {
        let known = match key.to_lowercase().as_str() {
            "status" => phrases::status_word(value).map(|s| gap.status = s).is_some(),
            "priority" => phrases::priority_word(value).map(|p| gap.priority = Some(p)).is_some(),
            "severity" | "risk level" | "risk" => {
                phrases::severity_word(value).map(|s| gap.severity = Some(s)).is_some()
            }
            "effort" | "estimated effort" | "estimate" => {
                phrases::effort(value).map(|(e, _)| gap.effort = Some(e)).is_some()
            }
            "phase" => {
                gap.phase = Some(PhaseRef::Named { text: value.to_string(), line: line.number });
                true
            }
            "owner" | "assignee" | "responsible" => {
                gap.owner = value.to_string();
                true
            }
            "tags" | "labels" => {
                gap.tags = value.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
                true
            }
            _ => false,
        };
        all_known &= known;
    }
    if !all_known {
        gap.description.push(line.text.clone());
    }
}

/// A title without decoration, trailing colons and surrounding whitespace.
pub(super) fn clean_title(text: &str) -> String {
    let text = phrases::undecorated(text);
    let text = text.trim().trim_end_matches(':').trim();
    text.to_string()
}

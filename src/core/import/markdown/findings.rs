//! Findings: a line or list item marked ❌ ⚠️ ✅, read into a gap. Its
//! title loses a trailing effort and its priority and status markers
//! (`[BLOCKER]`, `(P1)`, `[DONE]`), which become the gap's; the lines
//! after it state its status, priority, severity, effort, phase, owner,
//! tags and due day, the gaps it depends on (`Depends on: A; B`) and its
//! acceptance (`Accepted until 2025-12-31, by Ana: reason`), or describe
//! it; what is nested under it is its checklist, description and evidence
//! (code blocks, and the list under `Evidence:`, whose items are links,
//! text, or text with an address in a code span, as Gapmap's report
//! writes them).

use std::ops::Range;

use super::drafts::{GapDraft, PhaseRef};
use super::importer::Importer;
use super::labels::LabelContext;
use super::outline::{self, Block, Line, MarkKind};
use super::phrases;
use crate::core::format::validate::is_iso_date;
use crate::core::model::{Acceptance, Evidence, Item, Status};

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
        // The paragraph `Evidence:` before a list of evidence entries.
        let mut evidence_label: Option<&str> = None;
        for child in children {
            match (evidence_label.take(), child) {
                (Some(_), Block::List(list)) => {
                    gap.evidence.extend(list.items.iter().filter_map(evidence_entry));
                    continue;
                }
                (Some(label), _) => gap.description.push(label.to_string()),
                (None, _) => {}
            }
            match child {
                Block::Paragraph(p) if is_evidence_label(p) => {
                    evidence_label = p.lines.first().map(|l| l.text.as_str())
                }
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
                Block::Code(code) => gap.evidence.push(Evidence::new(code.text(), None)),
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
        if let Some(label) = evidence_label {
            gap.description.push(label.to_string());
        }
    }
}

/// Whether a paragraph is the label `Evidence:` alone.
fn is_evidence_label(p: &outline::Paragraph) -> bool {
    matches!(p.lines.as_slice(), [line] if phrases::label(&line.text)
        .is_some_and(|(key, value)| value.is_empty() && key.eq_ignore_ascii_case("evidence")))
}

/// One item of the list under a gap's `Evidence:`: its line read by
/// [`evidence_line`], and, when that gives no text, the text of a code
/// block under it.
fn evidence_entry(item: &outline::Item) -> Option<Evidence> {
    let (mut text, url) = match item.lines.as_slice() {
        [] => (String::new(), None),
        [line] => evidence_line(line),
        lines => (outline::joined(lines), None),
    };
    if text.is_empty() {
        let code = item.children.iter().find_map(|c| match c {
            Block::Code(code) => Some(code.text()),
            _ => None,
        });
        text = code.unwrap_or_default();
    }
    (!text.is_empty() || url.is_some()).then(|| Evidence::new(text, url))
}

/// An evidence line: a link alone is its text and address (a link whose
/// text is its address has no text of its own); a code span alone is an
/// address that may not be a link, and so is one in parentheses at the end
/// (`CI log (`javascript:…`)`), after the text; anything else is text.
fn evidence_line(line: &Line) -> (String, Option<String>) {
    let text = line.text.as_str();
    if let Some(mark) = line.mark_at(0) {
        return match &mark.kind {
            MarkKind::Link(url) if text == url => (String::new(), Some(url.clone())),
            MarkKind::Link(url) => (text.to_string(), Some(url.clone())),
            MarkKind::Code(code) => (String::new(), Some(code.clone())),
        };
    }
    if let Some(inner) = text.strip_suffix(')') {
        let code = line.marks.iter().find_map(|m| match &m.kind {
            MarkKind::Code(code) if m.bytes.end == inner.len() => Some((m.bytes.start, code)),
            _ => None,
        });
        if let Some((start, code)) = code {
            if let Some(label) = inner.get(..start).and_then(|l| l.strip_suffix('(')) {
                return (label.trim_end().to_string(), Some(code.clone()));
            }
        }
    }
    (text.to_string(), None)
}

/// A gap's acceptance as the report writes it: `Accepted until 2025-12-31,
/// by Ana: the reason`, each part optional; `None` for any other line.
fn acceptance(text: &str) -> Option<Acceptance> {
    let mut rest = text.strip_prefix("Accepted")?;
    let mut acceptance = Acceptance::default();
    if let Some(after) = rest.strip_prefix(" until ") {
        let date = after.get(..10).filter(|d| is_iso_date(d))?;
        acceptance.expires = Some(date.to_string());
        rest = &after[10..];
    }
    if let Some(after) = rest.strip_prefix(", by ").or_else(|| rest.strip_prefix(" by ")) {
        let end = after.find(':').unwrap_or(after.len());
        acceptance.by = after[..end].trim().to_string();
        rest = &after[end..];
    }
    if let Some(reason) = rest.strip_prefix(':') {
        acceptance.reason = reason.trim().to_string();
        rest = "";
    }
    rest.is_empty().then_some(acceptance)
}

/// One more line of a gap's own text: a statement or its description.
pub(super) fn read_gap_line(gap: &mut GapDraft, line: &Line) {
    if let Some(titles) = line.text.strip_prefix("Depends on:") {
        let before = gap.depends_on.len();
        let titles = titles.split(';').map(str::trim).filter(|t| !t.is_empty());
        gap.depends_on.extend(titles.map(|t| (t.to_string(), line.number)));
        if gap.depends_on.len() > before {
            return;
        }
    }
    if let Some(acceptance) = acceptance(&line.text) {
        gap.acceptance = Some(acceptance);
        return;
    }
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
            "due" | "due on" | "due date" | "deadline" => {
                phrases::iso_date(value).map(|date| gap.due = Some(date)).is_some()
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

//! The walk over the blocks of a topic's scope, in order, each under the
//! label in force: marked lines and items become findings (or wishes, under
//! a label that states what is wanted), task lists become tasks, requirement
//! tables become rows, statements of priority, severity and effort are
//! gathered, tables that need the phases are put off, and everything else
//! is kept as leftover text in its place.

use super::findings::{clean_title, Finding};
use super::importer::Importer;
use super::labels::LabelContext;
use super::outline::{self, Block, Code, Line, Paragraph, Table};
use super::phrases;
use super::requirements::{requirement_rows, RequirementRow};
use super::scope::{Leftover, Statements};
use super::tables::{classify, Deferred, TableKind};
use crate::core::model::Status;

/// What a walk over a section's blocks collected.
pub(super) struct Walk<'b> {
    pub(super) phase: Option<usize>,
    pub(super) findings: Vec<Finding<'b>>,
    pub(super) wanted: Vec<Finding<'b>>,
    pub(super) tasks: Vec<Task>,
    pub(super) requirement_rows: Vec<RequirementRow>,
    pub(super) leftovers: Vec<Leftover>,
    pub(super) statements: Statements,
    /// A label line waiting to be kept with the first leftover under it.
    pub(super) pending_label: Option<String>,
    /// The label in force for the blocks that follow a label line.
    pub(super) label: Option<LabelContext>,
    /// The task gap last added in a phase: deliverables and code attach to it.
    pub(super) last_task: Option<usize>,
    /// A task written as a numbered line inside a paragraph (CommonMark lets
    /// only a list starting at 1 interrupt a paragraph, so `Tasks:\n4. …` is
    /// one): the task list right after it is its checklist.
    pub(super) open_task: Option<usize>,
}

impl<'b> Walk<'b> {
    /// A walk that has collected nothing yet.
    pub(super) fn new() -> Self {
        Walk {
            phase: None,
            findings: Vec::new(),
            wanted: Vec::new(),
            tasks: Vec::new(),
            requirement_rows: Vec::new(),
            leftovers: Vec::new(),
            statements: Statements::default(),
            pending_label: None,
            label: None,
            last_task: None,
            open_task: None,
        }
    }

    /// Files a marked line as a finding, or as a wish where what is wanted
    /// is stated; returns its index among the findings.
    fn add(&mut self, mut finding: Finding<'b>, context: &LabelContext) -> Option<usize> {
        // A line that states its status (`Status: done`) is a finding wherever it stands.
        let states_status = finding
            .extra_lines
            .iter()
            .any(|l| phrases::labels(&l.text).iter().any(|(key, _)| key.eq_ignore_ascii_case("status")));
        if finding.status == Status::Done && context.wanted && !states_status {
            finding.requirement = context.requirement;
            self.wanted.push(finding);
            self.leftover(Leftover::Wanted(self.wanted.len() - 1));
            return None;
        }
        self.findings.push(finding);
        Some(self.findings.len() - 1)
    }

    /// Keeps unrecognised content, after the label line it stands under.
    pub(super) fn leftover(&mut self, leftover: Leftover) {
        if let Some(label) = self.pending_label.take() {
            if !label.is_empty() {
                self.leftovers.push(Leftover::Label(label));
            }
        }
        self.leftovers.push(leftover);
    }

    /// A label heading: kept only when something under it is.
    pub(super) fn leftover_heading(&mut self, heading: String) {
        self.pending_label = Some(heading);
    }
}

impl<'t> Importer<'t> {
    /// Walks blocks of one scope in order, each under the label in force.
    pub(super) fn walk_blocks(&mut self, blocks: &[&'t Block], walk: &mut Walk<'t>, base: &LabelContext) {
        for block in blocks {
            let context = walk.label.clone().unwrap_or_else(|| base.clone());
            self.walk_block(block, walk, &context);
        }
    }

    fn walk_block(&mut self, block: &'t Block, walk: &mut Walk<'t>, context: &LabelContext) {
        if self.consumed_blocks.contains(&block.span().id) {
            return;
        }
        match block {
            Block::Paragraph(p) => self.walk_paragraph(p, walk, context),
            Block::List(list) => {
                for item in &list.items {
                    self.walk_item(item, walk, context);
                }
            }
            Block::Code(code) => self.walk_code(code, walk, context),
            Block::Table(table) => self.walk_table(table, walk, context),
            Block::Quote(q) => {
                for child in &q.children {
                    self.walk_block(child, walk, context);
                }
            }
            Block::Heading(_) | Block::Html(_) => walk.leftover(Leftover::Source(self.source(&block.span().bytes))),
            Block::Rule(_) => {}
        }
    }

    fn walk_paragraph(&mut self, p: &'t Paragraph, walk: &mut Walk<'t>, context: &LabelContext) {
        let mut context = context.clone();
        let mut last_finding: Option<usize> = None;
        for line in &p.lines {
            if self.consumed_lines.contains(&line.number) {
                continue;
            }
            if let Some((status, rest)) = phrases::status_mark(&line.text) {
                let finding =
                    Finding::line(status, rest, line.number, self.lines.range(self.text, line.number), &context);
                last_finding = walk.add(finding, &context);
                continue;
            }
            let labels = phrases::labels(&line.text);
            if self.read_statements(&labels, line.number, &mut walk.statements) {
                self.consumed_lines.insert(line.number);
                continue;
            }
            if let Some((key, "")) = phrases::label(&line.text) {
                // A label line: context for what follows, kept as text only
                // when something under it is.
                context = context.with_label(key);
                walk.label = Some(context.clone());
                walk.pending_label = Some(self.source_line(line.number).trim().to_string());
                last_finding = None;
                continue;
            }
            // A line that continues a marked line (`✅ Done\nwith details`).
            if let Some(index) = last_finding {
                if let Some(finding) = walk.findings.get_mut(index) {
                    finding.extra_lines.push(line.clone());
                    continue;
                }
            }
            walk.leftover(Leftover::Source(self.source_line(line.number).trim().to_string()));
        }
    }

    /// Reads priority, severity and effort statements; true when every label
    /// of the line was one.
    fn read_statements(&mut self, labels: &[(&str, &str)], line: usize, statements: &mut Statements) -> bool {
        if labels.is_empty() {
            return false;
        }
        let mut all = true;
        for (key, value) in labels {
            let key = key.to_lowercase();
            let read = match key.as_str() {
                "priority" => phrases::priority_word(value).map(|p| statements.priority = Some(p)).is_some(),
                "risk level" | "severity" | "risk" | "criticality" => {
                    phrases::severity_word(value).map(|s| statements.severity = Some(s)).is_some()
                }
                "effort" | "estimated effort" | "estimate" | "effort estimate" => {
                    phrases::effort(value).map(|(e, _)| statements.effort = Some((e, line))).is_some()
                }
                _ => false,
            };
            all &= read;
        }
        all
    }

    fn walk_item(&mut self, item: &'t outline::Item, walk: &mut Walk<'t>, context: &LabelContext) {
        let first = item.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
        let line = item.lines.first().map_or(item.span.line, |l| l.number);
        if let Some(done) = item.task {
            walk.tasks.push(Task::of(self, item, done));
            return;
        }
        if let Some((status, rest)) = phrases::status_mark(first) {
            let mut finding = Finding::line(status, rest, line, item.span.bytes.clone(), context);
            finding.extra_lines = item.lines.iter().skip(1).cloned().collect();
            finding.children = Some(&item.children);
            walk.add(finding, context);
            return;
        }
        if !contains_signals(&item.children) {
            walk.leftover(Leftover::Item(self.source(&item.span.bytes)));
            return;
        }
        // An item that labels what is nested under it (`1. **Runbooks:**`).
        let label = phrases::undecorated(first);
        let label = label.trim_end_matches(':').trim();
        let nested = context.with_label(label).with_item_label(label);
        walk.pending_label = Some(self.source_line(line).trim().to_string());
        for child in &item.children {
            self.walk_block(child, walk, &nested);
        }
    }

    fn walk_code(&mut self, code: &'t Code, walk: &mut Walk<'t>, context: &LabelContext) {
        let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
        let marked = lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count();
        if code.is_plain() && marked > 0 && marked * 2 >= lines.len() {
            // Findings written as a plain code block, one per line.
            let mut rest = Vec::new();
            for line in lines {
                match phrases::status_mark(&line.text) {
                    Some((status, title)) => {
                        let finding = Finding::line(
                            status,
                            title,
                            line.number,
                            self.lines.range(self.text, line.number),
                            context,
                        );
                        walk.add(finding, context);
                    }
                    None => rest.push(line.text.trim().to_string()),
                }
            }
            if !rest.is_empty() {
                walk.leftover(Leftover::Source(rest.join("\n")));
            }
            return;
        }
        walk.leftover(Leftover::Code { text: code.text(), source: self.source(&code.span.bytes) });
    }

    fn walk_table(&mut self, table: &'t Table, walk: &mut Walk<'t>, context: &LabelContext) {
        let kind = classify(table, walk.phase.is_some());
        match kind {
            TableKind::Requirements => {
                let rows = requirement_rows(table, context.priority_hint());
                if rows.is_empty() {
                    walk.leftover(Leftover::Source(self.source(&table.span.bytes)));
                } else {
                    self.recognised(
                        table.span.line,
                        format!("A requirements table of {} row(s), read as gaps.", rows.len()),
                    );
                    walk.requirement_rows.extend(rows);
                }
            }
            TableKind::Other | TableKind::Scores => walk.leftover(Leftover::Source(self.source(&table.span.bytes))),
            kind => {
                let context = context.headings.clone();
                self.deferred.push(Deferred { kind, table, phase: walk.phase, context });
            }
        }
    }
}

/// A task list item (`- [ ]`) of a topic section.
#[derive(Debug)]
pub(super) struct Task {
    pub(super) title: String,
    pub(super) done: bool,
    pub(super) line: usize,
    pub(super) description: Vec<String>,
    pub(super) evidence: Vec<String>,
}

impl Task {
    fn of(importer: &Importer, item: &outline::Item, done: bool) -> Task {
        let mut description = Vec::new();
        let mut evidence = Vec::new();
        for child in &item.children {
            match child {
                Block::Code(code) => evidence.push(code.text()),
                other => description.push(importer.source(&other.span().bytes)),
            }
        }
        Task {
            title: clean_title(&outline::joined(&item.lines)),
            done,
            line: item.lines.first().map_or(item.span.line, |l| l.number),
            description,
            evidence,
        }
    }
}

/// Whether any block under an item holds a marked line or a task.
fn contains_signals(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::List(list) => list.items.iter().any(|item| {
            item.task.is_some()
                || item.lines.first().is_some_and(|l| phrases::status_mark(&l.text).is_some())
                || contains_signals(&item.children)
        }),
        Block::Paragraph(p) => p.lines.iter().any(|l| phrases::status_mark(&l.text).is_some()),
        Block::Code(code) => {
            code.is_plain() && code.lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count() > 0
        }
        Block::Table(_) => true,
        Block::Quote(q) => contains_signals(&q.children),
        _ => false,
    })
}

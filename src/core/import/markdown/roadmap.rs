//! Roadmap phases: the sections under a `Phase N: Name (Week 1)` heading,
//! read into a phase (weeks, team, stated cost, exit criteria, goal) and its
//! tasks (gaps assigned to it). The phase headings themselves are known from
//! the scan, and their timing is settled at the end (see `schedule`).

use super::drafts::{TaskOrigin, UNDECIDED};
use super::findings::{clean_title, read_gap_line, Finding};
use super::importer::Importer;
use super::labels::{is_exit_criteria, is_wanted, LabelContext};
use super::outline::{self, Block, Line, MarkKind};
use super::phrases::{self, Weeks};
use super::schedule::describe_weeks;
use super::scope::{Leftover, Sink};
use super::sections::{is_label_heading, Section};
use super::tables::{classify, Deferred, TableKind};
use super::walk::Walk;
use crate::core::model::{Criterion, Evidence, Item, Status};

impl<'t> Importer<'t> {
    /// A phase's section: its blocks and sub-sections, read into the phase
    /// and its tasks; what is not recognised goes to its goal.
    pub(super) fn read_phase(&mut self, section: &Section<'t>, phase: usize) {
        if let Some(heading) = section.heading {
            if self.phases[phase].line == heading.span.line {
                let p = &self.phases[phase];
                let weeks = p.heading_weeks.map(|w| format!(", {}", describe_weeks(&w))).unwrap_or_default();
                let message = format!("Phase {} \"{}\"{weeks}.", p.number.unwrap_or(0), p.name);
                self.recognised(heading.span.line, message);
            }
        }
        let mut walk = Walk::new();
        walk.phase = Some(phase);
        let base = LabelContext {
            headings: section.heading.map(|h| h.text.clone()).unwrap_or_default(),
            ..Default::default()
        };
        self.walk_phase_blocks(&section.blocks, &mut walk, &base, phase);
        self.walk_phase_children(&section.children, &mut walk, &base, phase);
        let leftovers = std::mem::take(&mut walk.leftovers);
        self.flush(leftovers, Sink::Phase(phase), None);
    }

    fn walk_phase_children(
        &mut self,
        children: &[Section<'t>],
        walk: &mut Walk<'t>,
        base: &LabelContext,
        phase: usize,
    ) {
        for child in children {
            let Some(heading) = child.heading else { continue };
            let name = phrases::heading_name(&heading.text);
            let mut context = base.with_label(&name);
            context.headings = format!("{} {}", base.headings, heading.text);
            if let Some((week_part, rest)) = name.split_once(':') {
                if let Some(weeks) = phrases::weeks(week_part).filter(|w| w.start.is_some()) {
                    self.phases[phase].sub_weeks.push(weeks);
                    context.sub_heading = Some(rest.trim().to_string());
                }
            } else if let Some(weeks) =
                phrases::weeks(&name).filter(|w| w.start.is_some() && name.to_lowercase().starts_with("week"))
            {
                self.phases[phase].sub_weeks.push(weeks);
            }
            if context.sub_heading.is_none() && !is_label_heading(heading) {
                context.sub_heading = Some(name.clone());
            }
            context.exit = is_exit_criteria(&name);
            self.walk_phase_blocks(&child.blocks, walk, &context, phase);
            self.walk_phase_children(&child.children, walk, &context, phase);
        }
    }

    fn walk_phase_blocks(&mut self, blocks: &[&'t Block], walk: &mut Walk<'t>, base: &LabelContext, phase: usize) {
        let mut context = base.clone();
        for block in blocks {
            if self.consumed_blocks.contains(&block.span().id) {
                continue;
            }
            let open_task = walk.open_task.take();
            match block {
                Block::List(list) if open_task.is_some() && list.items.iter().all(|i| i.task.is_some()) => {
                    if let Some(gap) = open_task {
                        for item in &list.items {
                            let text = clean_title(item.lines.first().map_or("", |l| l.text.as_str()));
                            self.gaps[gap].items.push(Item::new(text, item.task == Some(true)));
                        }
                    }
                }
                Block::Code(code) if open_task.is_some() && !context.exit => {
                    if let Some(gap) = open_task {
                        self.gaps[gap].evidence.push(Evidence::new(code.text(), None));
                        walk.open_task = Some(gap);
                    }
                }
                Block::Paragraph(p) => {
                    for line in &p.lines {
                        if self.consumed_lines.contains(&line.number) {
                            continue;
                        }
                        if let Some(text) = numbered_line(&line.text).filter(|_| !context.exit && !context.deliverables)
                        {
                            let gap = self.add_task(phase, text, line.number, &context);
                            walk.last_task = Some(gap);
                            walk.open_task = Some(gap);
                            continue;
                        }
                        walk.open_task = None;
                        if let Some((status, rest)) = phrases::status_mark(&line.text) {
                            self.phase_marked_line(phase, status, rest, line.number, &context, walk);
                            continue;
                        }
                        if let Some((key, "")) = phrases::label(&line.text) {
                            context = base.with_label(key);
                            context.exit = is_exit_criteria(key);
                            context.deliverables = !context.exit && is_wanted(key);
                            continue;
                        }
                        let labels = phrases::labels(&line.text);
                        if !labels.is_empty() {
                            let rest = self.read_phase_labels(phase, &labels, line.number);
                            if !rest.is_empty() {
                                walk.leftover(Leftover::Source(rest.join(" · ")));
                            }
                            continue;
                        }
                        // A phase's goal is plain text: the line as read, without markup.
                        walk.leftover(Leftover::Source(line.text.clone()));
                    }
                }
                Block::List(list) => {
                    for item in &list.items {
                        self.phase_item(phase, item, &context, walk);
                    }
                }
                Block::Code(code) => {
                    let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
                    if context.exit && code.is_plain() {
                        for line in lines {
                            let text = phrases::status_mark(&line.text).map_or(line.text.trim(), |(_, rest)| rest);
                            self.phases[phase].exit_criteria.push(Criterion::new(clean_title(text)));
                        }
                        continue;
                    }
                    let marked = lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count();
                    if code.is_plain() && marked > 0 && marked * 2 >= lines.len() && !context.deliverables {
                        for line in lines {
                            if let Some((status, rest)) = phrases::status_mark(&line.text) {
                                self.phase_marked_line(phase, status, rest, line.number, &context, walk);
                            }
                        }
                        continue;
                    }
                    match walk.last_task {
                        Some(gap) => self.gaps[gap].evidence.push(Evidence::new(code.text(), None)),
                        None => {
                            walk.leftover(Leftover::Code { text: code.text(), source: self.source(&code.span.bytes) })
                        }
                    }
                }
                Block::Table(table) => {
                    let kind = classify(table, true);
                    match kind {
                        TableKind::Other | TableKind::Scores | TableKind::Requirements => {
                            walk.leftover(Leftover::Source(self.source(&table.span.bytes)))
                        }
                        kind => self.deferred.push(Deferred {
                            kind,
                            table,
                            phase: Some(phase),
                            context: context.headings.clone(),
                        }),
                    }
                }
                Block::Quote(q) => {
                    let children: Vec<&Block> = q.children.iter().collect();
                    self.walk_phase_blocks(&children, walk, &context, phase);
                }
                Block::Heading(_) | Block::Html(_) => walk.leftover(Leftover::Source(self.source(&block.span().bytes))),
                Block::Rule(_) => {}
            }
        }
    }

    /// A marked line in a phase: an exit criterion, a deliverable of the
    /// task above it, or a gap of the phase.
    fn phase_marked_line(
        &mut self,
        phase: usize,
        status: Status,
        rest: &str,
        line: usize,
        context: &LabelContext,
        walk: &mut Walk<'t>,
    ) {
        if context.exit {
            self.phases[phase].exit_criteria.push(Criterion::new(clean_title(rest)));
        } else if context.deliverables || (status == Status::Done && context.wanted) {
            match walk.last_task {
                Some(gap) => self.gaps[gap].description.push(format!("- {}", rest.trim())),
                None => self.phases[phase].goal.push(format!("- {}", rest.trim())),
            }
        } else {
            let category = self.category_for_task(rest, context.sub_heading.as_deref(), phase, line);
            let finding = Finding {
                status,
                title: rest.to_string(),
                line,
                label: None,
                extra_lines: Vec::new(),
                children: None,
                source: 0..0,
                requirement: false,
            };
            self.add_finding(finding, category, Some(phase));
        }
    }

    /// Phase header labels (`Effort: 4-6 weeks | Team: 3-4 engineers | Cost: …`);
    /// returns those it could not read.
    fn read_phase_labels(&mut self, phase: usize, labels: &[(&str, &str)], line: usize) -> Vec<String> {
        let mut rest = Vec::new();
        for (key, value) in labels {
            let lower = key.to_lowercase();
            let read = match lower.as_str() {
                "duration" | "length" => match phrases::length_in_weeks(value) {
                    Some((min, max)) => {
                        self.phases[phase].duration = Some((Weeks { start: None, min, max, range_form: false }, line));
                        true
                    }
                    None => false,
                },
                "timeline" | "weeks" => {
                    phrases::weeks(value).map(|w| self.phases[phase].duration = Some((w, line))).is_some()
                }
                "effort" | "estimated effort" => {
                    // The effort of a phase is kept in its goal as written; it
                    // stands in for a duration only when nothing states one.
                    if let Some(weeks) = phrases::weeks(value) {
                        self.phases[phase].effort_weeks = Some(weeks);
                    }
                    false
                }
                "starts after" | "start after" => match self.phases_named(value) {
                    Some(after) => {
                        self.phases[phase].after = Some(after);
                        true
                    }
                    None => false,
                },
                "start" | "starts" | "starts in week" | "start week" => {
                    let value = value.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
                    phrases::number(value).map(|(n, _)| self.phases[phase].start = Some((n - 1.0).max(0.0))).is_some()
                }
                "team" | "team size" | "resources" => {
                    let members = phrases::team(value);
                    for (role, min, max) in &members {
                        let role = self.role(role, line);
                        self.set_team(phase, role, *min, *max);
                    }
                    !members.is_empty()
                }
                "cost" | "estimated cost" | "budget" | "stated cost" => match phrases::money(value) {
                    Some((min, max, currency)) => {
                        self.note_currency(currency, line);
                        self.phases[phase].stated_cost = Some((min, max));
                        true
                    }
                    None => false,
                },
                "goal" | "objective" | "goals" | "objectives" => {
                    self.phases[phase].goal.push(value.to_string());
                    true
                }
                _ => false,
            };
            if !read {
                rest.push(format!("{key}: {value}"));
            }
        }
        rest
    }

    /// A list item in a phase: a task (a gap of the phase), an exit
    /// criterion, or a label for the items nested under it.
    fn phase_item(&mut self, phase: usize, item: &'t outline::Item, context: &LabelContext, walk: &mut Walk<'t>) {
        let first = item.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
        let line = item.lines.first().map_or(item.span.line, |l| l.number);
        if context.exit {
            let criterion = match item.lines.first() {
                Some(line) if phrases::status_mark(first).is_none() => criterion(line, item.task == Some(true)),
                _ => Criterion::new(clean_title(phrases::status_mark(first).map_or(first, |(_, rest)| rest))),
            };
            self.phases[phase].exit_criteria.push(criterion);
            return;
        }
        if let Some((status, rest)) = phrases::status_mark(first) {
            if context.deliverables || (status == Status::Done && context.wanted) {
                self.phase_marked_line(phase, status, rest, line, context, walk);
                return;
            }
            let category = self.category_for_task(rest, context.sub_heading.as_deref(), phase, line);
            let mut finding = Finding::line(status, rest, line, 0..0, context);
            finding.extra_lines = item.lines.iter().skip(1).cloned().collect();
            finding.children = Some(&item.children);
            let gap = self.add_finding(finding, category, Some(phase));
            walk.last_task = Some(gap);
            return;
        }
        let text = phrases::undecorated(first);
        if text.ends_with(':') && item.task.is_none() {
            let label = text.trim_end_matches(':').trim();
            let mut nested = context.with_label(label);
            nested.exit = is_exit_criteria(label);
            nested.deliverables = !nested.exit && is_wanted(label);
            let children: Vec<&Block> = item.children.iter().collect();
            self.walk_phase_blocks(&children, walk, &nested, phase);
            return;
        }
        if text.is_empty() {
            return;
        }
        let gap = self.add_task(phase, &text, line, context);
        if item.task == Some(true) {
            self.gaps[gap].status = Status::Done;
        }
        for extra in item.lines.iter().skip(1) {
            read_gap_line(&mut self.gaps[gap], extra);
        }
        walk.last_task = Some(gap);
        // Nested lists: task items are the checklist, a label item opens
        // deliverables or criteria; the rest describes the task.
        let mut task_context = context.clone();
        for child in &item.children {
            match child {
                Block::List(list) => {
                    for nested in &list.items {
                        let nested_first = nested.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
                        if let Some(done) = nested.task {
                            self.gaps[gap].items.push(Item::new(clean_title(nested_first), done));
                        } else if task_context.deliverables || task_context.exit {
                            let mut inner = task_context.clone();
                            inner.exit = task_context.exit;
                            self.phase_item(phase, nested, &inner, walk);
                            walk.last_task = Some(gap);
                        } else if let Some((status, rest)) = phrases::status_mark(nested_first) {
                            self.gaps[gap].items.push(Item::new(clean_title(rest), status == Status::Done));
                        } else {
                            self.gaps[gap].description.push(format!("- {}", outline::joined(&nested.lines)));
                        }
                    }
                }
                Block::Paragraph(p) => {
                    for l in &p.lines {
                        if let Some((key, "")) = phrases::label(&l.text) {
                            task_context = context.with_label(key);
                            task_context.exit = is_exit_criteria(key);
                            task_context.deliverables = !task_context.exit && is_wanted(key);
                            self.gaps[gap].description.push(l.text.clone());
                        } else if let Some((status, rest)) = phrases::status_mark(&l.text) {
                            self.phase_marked_line(phase, status, rest, l.number, &task_context, walk);
                            walk.last_task = Some(gap);
                        } else {
                            read_gap_line(&mut self.gaps[gap], l);
                        }
                    }
                }
                Block::Code(code) => {
                    let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
                    let marked = lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count();
                    if code.is_plain()
                        && marked > 0
                        && marked * 2 >= lines.len()
                        && (task_context.deliverables || task_context.exit)
                    {
                        for l in lines {
                            let text = phrases::status_mark(&l.text).map_or(l.text.trim(), |(_, rest)| rest);
                            if task_context.exit {
                                self.phases[phase].exit_criteria.push(Criterion::new(clean_title(text)));
                            } else {
                                self.gaps[gap].description.push(format!("- {}", text.trim()));
                            }
                        }
                    } else {
                        self.gaps[gap].evidence.push(Evidence::new(code.text(), None));
                    }
                }
                other => {
                    let text = self.source(&other.span().bytes);
                    self.gaps[gap].description.push(text);
                }
            }
        }
    }

    /// A task of a phase: a missing gap assigned to it, its effort read
    /// from a trailing parenthesis. Its category waits for the link pass,
    /// which may find that it restates a finding (see `links`).
    fn add_task(&mut self, phase: usize, text: &str, line: usize, context: &LabelContext) -> usize {
        let finding = Finding {
            status: Status::Missing,
            title: text.to_string(),
            line,
            label: None,
            extra_lines: Vec::new(),
            children: None,
            source: 0..0,
            requirement: false,
        };
        let gap = self.add_finding(finding, UNDECIDED, Some(phase));
        self.gaps[gap].task = Some(TaskOrigin { sub_heading: context.sub_heading.clone(), phase });
        gap
    }
}

/// An exit criterion from its list line: met when the item is ticked
/// (`- [x]`), its evidence what follows `— evidence:` (a link's address, a
/// code span's text, or the words as written), as the report writes them.
fn criterion(line: &Line, met: bool) -> Criterion {
    const SEPARATOR: &str = " — evidence: ";
    let text = line.text.as_str();
    let marked = line.marks.iter().rev().find_map(|m| {
        let before = text.get(..m.bytes.start)?;
        (m.bytes.end == text.len() && before.ends_with(SEPARATOR)).then(|| {
            let value = match &m.kind {
                MarkKind::Link(url) => url.clone(),
                MarkKind::Code(code) => code.clone(),
            };
            (before.len() - SEPARATOR.len(), value)
        })
    });
    let split = marked.or_else(|| text.rfind(SEPARATOR).map(|i| (i, text[i + SEPARATOR.len()..].to_string())));
    let mut criterion = match split {
        Some((at, evidence)) => Criterion { evidence: Some(evidence), ..Criterion::new(clean_title(&text[..at])) },
        None => Criterion::new(clean_title(text)),
    };
    criterion.met = met;
    criterion
}

/// The text of a numbered line (`4. Create Helm Charts (3 days)`) that
/// CommonMark kept inside a paragraph.
fn numbered_line(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = text.get(digits..)?.strip_prefix(['.', ')'])?;
    let rest = rest.strip_prefix(' ')?.trim();
    (!rest.is_empty()).then_some(rest)
}

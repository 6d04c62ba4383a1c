//! Pass B, the sections: the top-level blocks folded into a tree of
//! sections (a heading and what stands under it), then read one by one.
//! A phase's section goes to `roadmap`; any other is a topic, whose own
//! blocks and label sub-sections (`Problems Found:`) form one scope, walked
//! by `walk` and closed by `scope`, while its topic sub-sections are scopes
//! of their own that inherit what the headings above them state.

use super::importer::Importer;
use super::labels::{is_requirement, is_wanted, LabelContext};
use super::outline::{Block, Heading};
use super::phrases;
use super::scope::Statements;
use super::walk::Walk;
use crate::core::model::{Priority, Severity};

/// A heading and what stands under it, up to the next heading of the same
/// or a higher level.
pub(super) struct Section<'b> {
    pub(super) heading: Option<&'b Heading>,
    pub(super) blocks: Vec<&'b Block>,
    pub(super) children: Vec<Section<'b>>,
}

/// Folds the top-level blocks into the tree of sections.
pub(super) fn sections<'b>(blocks: &[&'b Block]) -> Section<'b> {
    // The stack holds the open sections, the root first.
    let mut stack: Vec<Section> = vec![Section { heading: None, blocks: Vec::new(), children: Vec::new() }];
    for block in blocks {
        if let Block::Heading(heading) = block {
            while stack.len() > 1 && stack.last().and_then(|s| s.heading).is_some_and(|h| h.level >= heading.level) {
                close(&mut stack);
            }
            stack.push(Section { heading: Some(heading), blocks: Vec::new(), children: Vec::new() });
        } else if let Some(open) = stack.last_mut() {
            open.blocks.push(block);
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or(Section { heading: None, blocks: Vec::new(), children: Vec::new() })
}

/// Closes the innermost open section into its parent.
fn close(stack: &mut Vec<Section>) {
    if let Some(done) = stack.pop() {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(done);
        }
    }
}

/// Whether a heading is a label for what follows (`Problems Found:`) rather
/// than a topic of its own.
pub(super) fn is_label_heading(heading: &Heading) -> bool {
    phrases::undecorated(&heading.text).trim_end().ends_with(':')
}

/// What the headings above a section say.
#[derive(Clone, Debug, Default)]
pub(super) struct Context {
    /// Topic headings (not labels, not the title), outermost first.
    pub(super) path: Vec<String>,
    pub(super) priority: Option<Priority>,
    pub(super) severity: Option<Severity>,
    pub(super) wanted: bool,
    pub(super) requirement: bool,
}

impl<'t> Importer<'t> {
    /// Pass B over a section: a phase's section or a topic.
    pub(super) fn read_section(&mut self, section: &Section<'t>, context: &Context) {
        // The title's section is the document's preamble, like the blocks
        // before the first heading.
        let heading =
            section.heading.filter(|h| !(h.level == 1 && self.title.as_ref().is_some_and(|t| t.1 == h.span.line)));
        if let Some(heading) = heading {
            let phase = phrases::phase_heading(&heading.text).and_then(|p| self.phase_numbers.get(&p.number).copied());
            if let Some(phase) = phase {
                self.read_phase(section, phase);
                return;
            }
        }
        self.read_topic(section, heading, context);
    }

    /// A topic section: its own blocks and those of its label sub-sections
    /// form one scope; other sub-sections are scopes of their own.
    fn read_topic(&mut self, section: &Section<'t>, heading: Option<&'t Heading>, outer: &Context) {
        let mut context = outer.clone();
        if let Some(heading) = heading {
            let name = phrases::heading_name(&heading.text);
            context.path.push(heading.text.clone());
            if let Some(priority) = phrases::stated_priority(&heading.text) {
                context.priority = Some(priority);
            }
            if is_wanted(&name) {
                context.wanted = true;
                context.requirement = is_requirement(&name);
            }
        }

        let mut walk = Walk::new();
        let base = context.label_context();
        self.walk_blocks(&section.blocks, &mut walk, &base);
        let mut topics = Vec::new();
        self.walk_labels(&section.children, &mut walk, &base, &mut topics);

        // Statements of this scope override those inherited; a severity
        // stated here implies the priority when none is.
        let stated_here = heading.and_then(|h| phrases::stated_priority(&h.text));
        let mut statements = Statements {
            priority: walk.statements.priority.or(context.priority),
            severity: walk.statements.severity.or(context.severity),
            effort: walk.statements.effort.clone(),
        };
        if let (None, None, Some(severity)) = (walk.statements.priority, stated_here, walk.statements.severity) {
            statements.priority = Some(phrases::priority_of(severity));
        }
        context.priority = statements.priority;
        context.severity = statements.severity;

        self.finish_scope(walk, &context, heading, statements);

        for child in topics {
            self.read_section(child, &context);
        }
    }

    /// Walks label sub-sections into the current scope; collects the others.
    fn walk_labels<'s>(
        &mut self,
        children: &'s [Section<'t>],
        walk: &mut Walk<'t>,
        base: &LabelContext,
        topics: &mut Vec<&'s Section<'t>>,
    ) {
        for child in children {
            match child.heading {
                Some(h) if is_label_heading(h) && phrases::phase_heading(&h.text).is_none() => {
                    let label = phrases::heading_name(&h.text);
                    let context = base.with_label(&label);
                    walk.label = None;
                    walk.leftover_heading(self.source_line(h.span.line).to_string());
                    self.walk_blocks(&child.blocks, walk, &context);
                    walk.label = None;
                    self.walk_labels(&child.children, walk, &context, topics);
                }
                _ => topics.push(child),
            }
        }
    }
}

//! What headings and labels say about what stands under them: that it is
//! wanted rather than found (requirements, targets, deliverables, plans),
//! that it states requirements, exit criteria or findings, and the label
//! context a block is read in, which the nearest such label decides.

use super::phrases;
use super::sections::Context;
use crate::core::model::Priority;

/// The labels and headings in force where a block stands.
#[derive(Clone, Debug, Default)]
pub(super) struct LabelContext {
    pub(super) wanted: bool,
    pub(super) requirement: bool,
    /// The label of the list item that a block is nested under.
    pub(super) item_label: Option<String>,
    /// The text of the headings above, for words such as "annual".
    pub(super) headings: String,
    /// In a phase: the heading of the part of the phase (`Week 1-2: CI/CD`).
    pub(super) sub_heading: Option<String>,
    pub(super) exit: bool,
    pub(super) deliverables: bool,
    pub(super) priority: Option<Priority>,
}

impl Context {
    /// The label context of a scope's own blocks, from its headings.
    pub(super) fn label_context(&self) -> LabelContext {
        LabelContext {
            wanted: self.wanted,
            requirement: self.requirement,
            headings: self.path.join(" "),
            priority: self.priority,
            ..Default::default()
        }
    }
}

impl LabelContext {
    /// The context under a label: what is wanted is decided by the nearest
    /// label that says so, and otherwise inherited.
    pub(super) fn with_label(&self, label: &str) -> LabelContext {
        let mut context = self.clone();
        if is_wanted(label) {
            context.wanted = true;
            context.requirement = is_requirement(label);
        } else if is_findings_label(label) {
            context.wanted = false;
            context.requirement = false;
        }
        context
    }

    /// The context under a list item that labels what is nested under it.
    pub(super) fn with_item_label(mut self, label: &str) -> LabelContext {
        self.item_label = Some(label.to_string());
        self
    }

    /// The priority the headings above state, for rows that state none.
    pub(super) fn priority_hint(&self) -> Option<Priority> {
        self.priority
    }
}

/// Whether a heading or label says that what follows is wanted rather than
/// found: requirements, targets, deliverables, exit criteria, plans.
pub(super) fn is_wanted(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "requirement",
        "requirements",
        "required",
        "must have",
        "should have",
        "nice to have",
        "target",
        "targets",
        "deliverable",
        "deliverables",
        "exit criteria",
        "success criteria",
        "acceptance criteria",
        "definition of done",
        "goal",
        "goals",
        "objective",
        "objectives",
        "expected",
        "desired",
        "to be",
        "recommendation",
        "recommendations",
        "recommended",
        "next steps",
        "action items",
        "actions",
        "plan",
        "strategy",
        "to do",
        "todo",
        "should",
    ];
    phrases::has_any_phrase(text, PHRASES)
}

/// Whether a heading or label states requirements: what a section without
/// findings of its own still lacks.
pub(super) fn is_requirement(text: &str) -> bool {
    phrases::has_any_phrase(
        text,
        &["requirement", "requirements", "required", "must have", "should have", "nice to have"],
    )
}

/// Whether a heading or label introduces a phase's exit criteria.
pub(super) fn is_exit_criteria(text: &str) -> bool {
    phrases::has_any_phrase(
        text,
        &["exit criteria", "success criteria", "acceptance criteria", "definition of done", "done when"],
    )
}

/// Whether a label introduces findings (`Current State:`, `What's Missing:`),
/// which undoes a wanted context above it.
fn is_findings_label(label: &str) -> bool {
    phrases::has_any_phrase(
        label,
        &["current", "found", "findings", "missing", "problems", "issues", "exists", "implemented", "gaps", "audit"],
    )
}

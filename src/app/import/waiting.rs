//! The imports that wait for the user, as contexts: assessments whose id is
//! already in the library (the conflict dialog asks what to do with each),
//! and Markdown documents read and waiting to be confirmed. The first
//! screen's dialogs show them; the import in the library's chunk fills them.

use leptos::prelude::*;

use crate::core::import::Import;
use crate::core::Assessment;

/// Imports that wait for the user's choice because their id is taken.
#[derive(Clone, Copy)]
pub struct Conflicts(pub RwSignal<Vec<Assessment>>);

/// The app's [`Conflicts`], made on first use.
pub fn conflicts() -> Conflicts {
    match use_context::<Conflicts>() {
        Some(c) => c,
        None => {
            let c = Conflicts(RwSignal::new(Vec::new()));
            provide_context(c);
            c
        }
    }
}

/// A Markdown document read and waiting for the user to confirm its import.
#[derive(Clone)]
pub struct MarkdownImport {
    /// The name of the file it came from.
    pub file: String,
    pub import: Import,
}

/// Markdown imports that wait, in order, for the user to confirm or cancel.
#[derive(Clone, Copy)]
pub struct MarkdownQueue(pub RwSignal<Vec<MarkdownImport>>);

/// The app's [`MarkdownQueue`], made on first use.
pub fn markdown_queue() -> MarkdownQueue {
    match use_context::<MarkdownQueue>() {
        Some(q) => q,
        None => {
            let q = MarkdownQueue(RwSignal::new(Vec::new()));
            provide_context(q);
            q
        }
    }
}

/// Where imports wait for the user. Found while a component is set up: the
/// task that reads files runs outside any component, where no context is.
#[derive(Clone, Copy)]
pub struct Pending {
    pub conflicts: Conflicts,
    pub markdown: MarkdownQueue,
}

/// The app's waiting imports; call while a component is set up.
pub fn pending() -> Pending {
    Pending { conflicts: conflicts(), markdown: markdown_queue() }
}

/// What to do with an import whose id is taken.
#[derive(Clone, Copy)]
pub enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

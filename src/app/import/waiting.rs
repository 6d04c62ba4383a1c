//! The imports that wait for the user, as one context ([`Pending`], which
//! the App provides): assessments whose id is already in the library (the
//! conflict dialog asks what to do with each), and Markdown documents read
//! and waiting to be confirmed. The first screen's dialogs show them; the
//! import in the library's chunk fills them.

use leptos::prelude::*;

use crate::core::import::Import;
use crate::core::Assessment;

/// Imports that wait for the user's choice because their id is taken.
#[derive(Clone, Copy)]
pub struct Conflicts(pub RwSignal<Vec<Assessment>>);

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

/// Where imports wait for the user, from context. Taken while a component
/// is set up and carried along: the task that reads files runs outside any
/// component, where no context is.
#[derive(Clone, Copy)]
pub struct Pending {
    pub conflicts: Conflicts,
    pub markdown: MarkdownQueue,
}

impl Pending {
    /// Nothing waits yet.
    pub fn new() -> Self {
        Pending { conflicts: Conflicts(RwSignal::new(Vec::new())), markdown: MarkdownQueue(RwSignal::new(Vec::new())) }
    }
}

impl Default for Pending {
    fn default() -> Self {
        Pending::new()
    }
}

/// The app's waiting imports, from context; call while a component is set up.
pub fn use_pending() -> Pending {
    expect_context::<Pending>()
}

/// What to do with an import whose id is taken.
#[derive(Clone, Copy)]
pub enum Choice {
    /// Merge the import into the saved one, in the merge view.
    Merge,
    Replace,
    KeepBoth,
    Skip,
}

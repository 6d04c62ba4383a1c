//! The parts of the app that a first visit does not download, and the
//! doors to them.
//!
//! Each `pub async fn` here is the door to a wasm chunk: in the release
//! build (the `split` feature, which Trunk turns on in index.html) the code
//! behind it is cut out of the main module by `wasm-split`
//! (scripts/bin/wasm-bindgen) and fetched on the first call; later calls
//! find it loaded. Without the feature (the wasm tests, clippy) they are
//! plain calls, so that every build runs the same code.
//!
//! What sits behind a door is what a first visit to the library never
//! needs, each in a private child module that only this one can name:
//!
//! - `assessment`: the open assessment's screen, its editor, every tab and
//!   all they alone use (charts, report, exports, CSV, share button);
//!   `fields` are the form fields of the chunks' views.
//! - `library_actions`, `library_store`, `export_file`, `import`: the core's
//!   reading, writing and scoring of assessments. The library lists its
//!   index (or each entry's quick line, see `storage::local::listing`)
//!   without it; every write, export and import of the library, and the
//!   rebuild of its index, goes through the `gapmap_library` chunk (the
//!   Markdown importer and its preview: `gapmap_markdown`).
//! - `share`: the dialog of a share link, with its decoder.
//! - `templates`: the templates' texts, read by the core.
//! - `merge`: the merge view, an imported copy or a linked file changed on
//!   disk merged with the working copy by the core; `files`: files where
//!   they live ("Open file…", the open assessment's file bar, "Save to
//!   file": the File System Access API). They come with the chunks that
//!   show them (the library's: Merge in the conflict dialog, Open file…;
//!   the assessment's: the file bar), each a door fewer on the first load.
//! - `portfolio`: every assessment at once, built from the library's index
//!   (`gapmap_portfolio`).
//!
//! **Invariant**: first-load code reaches a chunk only through these doors:
//! the children are private, and `tests/tidy.rs` (`first_load_names_no_core`)
//! fails on first-load code that names the core or anything here but a door.
//!
//! **Invariant**: a chunk that cannot be fetched (the network went away
//! before the service worker kept the release) is a [`ChunkError`] with a
//! message, never a panic.

mod assessment;
mod export_file;
mod fields;
mod files;
mod import;
mod library_actions;
mod library_store;
mod merge;
mod new_assessment;
mod portfolio;
mod share;
mod templates;

use leptos::prelude::*;

use super::files::PickedFile;
use super::import::waiting::{Choice, MarkdownImport, MarkdownQueue, Pending};
use super::library::action::{Action, NewAssessment};
use super::library::state::Library;
use super::notices::Notices;
use super::route::Tab;
use crate::core::import::Import;
use crate::core::Assessment;
use crate::storage::envelope::Entry;
use crate::storage::StorageError;

/// The open assessment's editor, named here for the browser tests
/// (tests/web.rs) only, which drive it without a screen. Nothing in the app
/// outside the chunks uses it: `tests/tidy.rs` fails on first-load code
/// that names anything of this module but its doors.
#[doc(hidden)]
pub use self::assessment::editor::{Editor, SaveState};

/// A part of the app could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "This part of Gapmap could not be downloaded: the network may be down, or a newer \
             Gapmap was published since this page opened. Nothing was lost; try again when you \
             are online, or reload the page.",
        )
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Fetches the chunk of the open assessment's views, once; later calls
/// return at once.
pub async fn load_assessment_views() -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        Ok(split::preload_assessment().await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(())
    }
}

/// The screen of the open assessment `id`: at once when
/// [`load_assessment_views`] has succeeded.
pub async fn assessment_screen(id: String, tab: Memo<Tab>) -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::assessment_screen(id, tab).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(assessment::screen(id, tab))
    }
}

/// Fetches the chunk of the portfolio's view, once; later calls return at once.
pub async fn load_portfolio_view() -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        Ok(split::preload_portfolio().await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(())
    }
}

/// The portfolio's screen: at once when [`load_portfolio_view`] has succeeded.
pub async fn portfolio_screen() -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::portfolio_screen().await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(portfolio::screen())
    }
}

/// Reads a Markdown assessment document (the core's importer).
pub async fn import_markdown(text: String) -> Result<Import, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::import_markdown(text).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(import::markdown::read(&text))
    }
}

/// Template `index` of [`crate::templates::TEMPLATES`].
pub async fn template(index: usize) -> Result<Option<Assessment>, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::template(index).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(templates::template(index))
    }
}

/// The dialog that reads a share link in the address and offers to import it.
pub async fn shared_link_dialog() -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::shared_link_dialog().await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(share::dialog())
    }
}

/// Rebuilds the library's index from the stored entries, with the core
/// (`storage::local::entries`), and returns it.
pub async fn rebuild_index() -> Result<Result<Vec<Entry>, StorageError>, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::rebuild_index().await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(library_store::rebuild_index())
    }
}

/// The "New assessment" dialog, open while `open` is true; "Create" hands
/// what was asked to `on_create`, and `busy` says one is under way.
pub async fn new_assessment_dialog(
    open: RwSignal<bool>,
    busy: RwSignal<bool>,
    on_create: Callback<NewAssessment>,
) -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::new_assessment_dialog(open, busy, on_create).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(view! { <new_assessment::NewAssessmentDialog open busy on_create /> }.into_any())
    }
}

/// Does one of the library's actions (see [`Action`]).
pub async fn library_action(library: Library, action: Action) -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        split::library_action(library, action).await
    }
    #[cfg(not(feature = "split"))]
    {
        library_actions::run(library, action);
        Ok(())
    }
}

/// Imports files the user picked or dropped; the Markdown documents among
/// them go to the Markdown importer (see [`read_markdown`]).
pub async fn import_files(
    library: Library,
    notices: Notices,
    waiting: Pending,
    files: Vec<PickedFile>,
) -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        split::import_files(library, notices, waiting, files).await
    }
    #[cfg(not(feature = "split"))]
    {
        let documents = import::files::import_files(library, notices, waiting, files);
        read_markdown(notices, waiting, documents);
        Ok(())
    }
}

/// Reads Markdown documents (file name, text) with the importer, behind its
/// door, and queues each for its dialog. Called from the library's chunk
/// (the body of `import_files`), so that this step comes with that chunk,
/// not with the first load.
fn read_markdown(notices: Notices, waiting: Pending, documents: Vec<import::files::Document>) {
    for (file, text) in documents {
        leptos::task::spawn_local(async move {
            match import_markdown(text).await {
                Ok(import) => waiting.markdown.0.update(|q| q.push(MarkdownImport { file, import })),
                Err(error) => {
                    notices.error(format!("\u{201c}{file}\u{201d} was not imported."), vec![error.to_string()])
                }
            }
        });
    }
}

/// Does the user's choice for an import whose id is taken.
pub async fn resolve_conflict(
    library: Library,
    notices: Notices,
    assessment: Assessment,
    choice: Choice,
) -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        split::resolve_conflict(library, notices, assessment, choice).await
    }
    #[cfg(not(feature = "split"))]
    {
        import::conflict::resolve(library, notices, assessment, choice);
        Ok(())
    }
}

/// Saves a Markdown import the user confirmed.
pub async fn confirm_markdown(library: Library, notices: Notices, assessment: Assessment) -> Result<(), ChunkError> {
    #[cfg(feature = "split")]
    {
        split::confirm_markdown(library, notices, assessment).await
    }
    #[cfg(not(feature = "split"))]
    {
        import::markdown::confirm(library, notices, assessment);
        Ok(())
    }
}

/// The preview of the Markdown document that waits first for the user.
pub async fn markdown_preview(queue: MarkdownQueue) -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::markdown_preview(queue).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(import::markdown::preview_first(queue))
    }
}

/// The split points. Each module name becomes a chunk's file name.
#[cfg(feature = "split")]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::wasm_split;

    use super::{
        assessment, import, library_actions, library_store, portfolio, share, templates, Action, Assessment, Choice,
        ChunkError, Entry, Import, Library, MarkdownQueue, Notices, Pending, PickedFile, StorageError, Tab,
    };

    /// The open assessment's screen: the `gapmap_assessment` chunk.
    #[wasm_split(
        gapmap_assessment,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_assessment)
    )]
    pub(super) fn assessment_screen(id: String, tab: Memo<Tab>) -> Result<AnyView, ChunkError> {
        Ok(assessment::screen(id, tab))
    }

    /// The portfolio's screen: the `gapmap_portfolio` chunk.
    #[wasm_split(gapmap_portfolio, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_portfolio))]
    pub(super) fn portfolio_screen() -> Result<AnyView, ChunkError> {
        Ok(portfolio::screen())
    }

    /// The share link's dialog: the `gapmap_share` chunk.
    #[wasm_split(gapmap_share, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn shared_link_dialog() -> Result<AnyView, ChunkError> {
        Ok(share::dialog())
    }

    /// A template's assessment: the `gapmap_templates` chunk.
    #[wasm_split(gapmap_templates, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn template(index: usize) -> Result<Option<Assessment>, ChunkError> {
        Ok(templates::template(index))
    }

    /// The Markdown importer: the `gapmap_markdown` chunk.
    #[wasm_split(gapmap_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn import_markdown(text: String) -> Result<Import, ChunkError> {
        Ok(import::markdown::read(&text))
    }

    /// The preview of a Markdown import, with the importer's chunk.
    #[wasm_split(gapmap_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn markdown_preview(queue: MarkdownQueue) -> Result<AnyView, ChunkError> {
        Ok(import::markdown::preview_first(queue))
    }

    /// The rebuild of the index: the `gapmap_library` chunk, the core's
    /// reading and writing.
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn rebuild_index() -> Result<Result<Vec<Entry>, StorageError>, ChunkError> {
        Ok(library_store::rebuild_index())
    }

    /// The "New assessment" dialog, in the library's chunk (Create needs
    /// that chunk anyway).
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn new_assessment_dialog(
        open: RwSignal<bool>,
        busy: RwSignal<bool>,
        on_create: Callback<super::NewAssessment>,
    ) -> Result<AnyView, ChunkError> {
        Ok(view! { <super::new_assessment::NewAssessmentDialog open busy on_create /> }.into_any())
    }

    /// A library action, in the library's chunk.
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn library_action(library: Library, action: Action) -> Result<(), ChunkError> {
        library_actions::run(library, action);
        Ok(())
    }

    /// The import of files, in the library's chunk.
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn import_files(
        library: Library,
        notices: Notices,
        waiting: Pending,
        files: Vec<PickedFile>,
    ) -> Result<(), ChunkError> {
        let documents = import::files::import_files(library, notices, waiting, files);
        super::read_markdown(notices, waiting, documents);
        Ok(())
    }

    /// A conflict's resolution, in the library's chunk.
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn resolve_conflict(
        library: Library,
        notices: Notices,
        assessment: Assessment,
        choice: Choice,
    ) -> Result<(), ChunkError> {
        import::conflict::resolve(library, notices, assessment, choice);
        Ok(())
    }

    /// A confirmed Markdown import, saved in the library's chunk.
    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn confirm_markdown(
        library: Library,
        notices: Notices,
        assessment: Assessment,
    ) -> Result<(), ChunkError> {
        import::markdown::confirm(library, notices, assessment);
        Ok(())
    }
}

//! The parts of the app that a first visit does not download.
//!
//! Each function here is the door to a wasm chunk: in the release build (the
//! `split` feature, which Trunk turns on in index.html) the code behind it
//! is cut out of the main module by `wasm-split` (scripts/bin/wasm-bindgen)
//! and fetched on the first call; later calls find it loaded. Without the
//! feature (the wasm tests, clippy) they are plain calls, so that every
//! build runs the same code.
//!
//! What sits behind a door is what a first visit to the library never
//! needs: the views of an open assessment (and everything only they use:
//! charts, report, exports, CSV), the Markdown importer, the share-link
//! dialog (and its decoder) and the templates' texts. So does the core's
//! reading, writing and scoring of assessments: the library lists its index
//! (or each entry's quick line, see `storage::local::listing`) without it,
//! and every write, export and import of the library, and the rebuild of
//! its index, goes through the `gapmap_library` chunk.
//!
//! **Invariant**: a chunk that cannot be fetched (the network went away
//! before the service worker kept the release) is a [`ChunkError`] with a
//! message, never a panic.

use leptos::prelude::*;

use super::files::PickedFile;
use super::import::{Choice, MarkdownQueue, Pending};
use super::library::{Action, Library};
use super::notices::Notices;
use super::route::Tab;
use crate::core::import::Import;
use crate::core::Assessment;
use crate::storage::envelope::Entry;
use crate::storage::StorageError;

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
        Ok(views::assessment_screen(id, tab))
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
        Ok(crate::core::import::markdown::import(&text))
    }
}

/// Template `index` of [`crate::templates::TEMPLATES`].
pub async fn template(index: usize) -> Result<Option<crate::core::Assessment>, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::template(index).await
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(crate::templates::template_assessment(index))
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
        Ok(views::shared_link_dialog())
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
        Ok(crate::storage::local::entries())
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
        super::library::run(library, action);
        Ok(())
    }
}

/// Imports files the user picked or dropped (see `import::import_files`).
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
        super::import::import_files(library, notices, waiting, files);
        Ok(())
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
        super::import::resolve(library, notices, assessment, choice);
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
        super::import::confirm_markdown(library, notices, assessment);
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
        Ok(super::import::markdown_preview(queue))
    }
}

mod views {
    use leptos::prelude::*;

    use super::super::{assessment::AssessmentScreen, route::Tab, share::SharedLinkDialog};

    pub(super) fn assessment_screen(id: String, tab: Memo<Tab>) -> AnyView {
        view! { <AssessmentScreen id tab /> }.into_any()
    }

    pub(super) fn shared_link_dialog() -> AnyView {
        view! { <SharedLinkDialog /> }.into_any()
    }
}

/// The split points. Each module name becomes a chunk's file name.
#[cfg(feature = "split")]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::wasm_split;

    use super::{
        Action, Assessment, Choice, ChunkError, Entry, Import, Library, MarkdownQueue, Notices, Pending, PickedFile,
        StorageError, Tab,
    };

    #[wasm_split(
        gapmap_assessment,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_assessment)
    )]
    pub(super) fn assessment_screen(id: String, tab: Memo<Tab>) -> Result<AnyView, ChunkError> {
        Ok(super::views::assessment_screen(id, tab))
    }

    #[wasm_split(gapmap_share, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn shared_link_dialog() -> Result<AnyView, ChunkError> {
        Ok(super::views::shared_link_dialog())
    }

    #[wasm_split(gapmap_templates, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn template(index: usize) -> Result<Option<crate::core::Assessment>, ChunkError> {
        Ok(crate::templates::template_assessment(index))
    }

    #[wasm_split(gapmap_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn import_markdown(text: String) -> Result<Import, ChunkError> {
        Ok(crate::core::import::markdown::import(&text))
    }

    #[wasm_split(gapmap_markdown, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn markdown_preview(queue: MarkdownQueue) -> Result<AnyView, ChunkError> {
        Ok(crate::app::import::markdown_preview(queue))
    }

    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn rebuild_index() -> Result<Result<Vec<Entry>, StorageError>, ChunkError> {
        Ok(crate::storage::local::entries())
    }

    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn library_action(library: Library, action: Action) -> Result<(), ChunkError> {
        crate::app::library::run(library, action);
        Ok(())
    }

    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn import_files(
        library: Library,
        notices: Notices,
        waiting: Pending,
        files: Vec<PickedFile>,
    ) -> Result<(), ChunkError> {
        crate::app::import::import_files(library, notices, waiting, files);
        Ok(())
    }

    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn resolve_conflict(
        library: Library,
        notices: Notices,
        assessment: Assessment,
        choice: Choice,
    ) -> Result<(), ChunkError> {
        crate::app::import::resolve(library, notices, assessment, choice);
        Ok(())
    }

    #[wasm_split(gapmap_library, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn confirm_markdown(
        library: Library,
        notices: Notices,
        assessment: Assessment,
    ) -> Result<(), ChunkError> {
        crate::app::import::confirm_markdown(library, notices, assessment);
        Ok(())
    }
}

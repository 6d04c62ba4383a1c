//! The Leptos app: `<App/>` provides the app-wide contexts, follows the route
//! and shows the library or an open assessment.
//!
//! **Architecture Invariant**: components hold view state only. Every number
//! comes from the core (through [`editor::Editor`]'s summary), every load and
//! save goes through the core's format and [`crate::storage`].
//!
//! - `route`: the URL fragment ↔ [`route::Route`].
//! - `library`: the first screen, and the [`library::Library`] context.
//! - `import`: files in (picker, drop), with conflict handling.
//! - `assessment`: an open assessment: header, tabs and the tab views
//!   (`overview`, `gaps`, `roadmap`, `costs`, `kpis_risks`, `settings`).
//! - `editor`: the open assessment's state, undo and saving.
//! - `widgets`: inputs, dialogs and disclosures shared by the views.
//! - `notices`, `files`: messages, downloads (the built-in assessments are
//!   `crate::templates`).
//! - `recovery`: the screen the panic hook shows, in plain DOM.
//! - `offline`: the service worker, the update prompt, persistent storage.
//! - `share`: "Copy share link", and the preview of a link opened (`#a=…`).
//! - `chunks`: what a first visit does not download (the open assessment's
//!   views, the Markdown importer, the share-link dialog, the templates,
//!   and the core's reading and writing behind every library action),
//!   fetched on first use.
//! - `exports`: the header's "More exports" menu (Markdown, CSV, Jira, GitHub, Azure DevOps).

pub mod assessment;
pub mod charts;
pub mod chunks;
pub mod costs;
pub mod editor;
pub mod exports;
pub mod files;
pub mod gaps;
pub mod import;
pub mod kpis_risks;
pub mod library;
pub mod notices;
pub mod offline;
pub mod overview;
pub mod recovery;
pub mod report;
pub mod roadmap;
pub mod route;
pub mod settings;
pub mod share;
pub mod widgets;

use leptos::prelude::*;

use self::library::{Library, LibraryScreen};
use self::notices::{NoticeArea, Notices};
use self::route::{use_route, Route};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    let library = Library::open(notices);
    provide_context(library);
    import::listen_for_drops(library, notices);
    let update_ready = offline::start();

    let route = use_route();
    // The open assessment changes only when its id does; switching tabs keeps
    // the same editor (and its undo history).
    let open_id = Memo::new(move |_| match route.get() {
        Route::Assessment { id, .. } => Some(id),
        Route::Library => None,
    });
    let tab = Memo::new(move |_| match route.get() {
        Route::Assessment { tab, .. } => tab,
        Route::Library => route::Tab::Overview,
    });

    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <StorageBanner />
        <offline::UpdatePrompt ready=update_ready />
        <library::UsageWarning />
        <NoticeArea />
        <main id="main" tabindex="-1">
            {move || match open_id.get() {
                None => view! { <LibraryScreen /> }.into_any(),
                Some(id) => view! { <OpenAssessment id tab /> }.into_any(),
            }}
        </main>
        <import::ConflictDialog />
        <import::MarkdownDialog />
        <share::SharedLinks />
    }
}

/// The screen of an open assessment, whose views come in their own chunk
/// (the first time: a moment's wait, announced).
#[component]
fn OpenAssessment(id: String, tab: Memo<route::Tab>) -> impl IntoView {
    let loaded = LocalResource::new(chunks::load_assessment_views);
    move || match loaded.get() {
        None => view! {
            <p class="loading" role="status">
                "Opening the assessment\u{2026}"
            </p>
        }
        .into_any(),
        Some(Ok(())) => {
            let id = id.clone();
            // Ready on its first poll: the chunk is loaded.
            Suspend::new(async move {
                chunks::assessment_screen(id, tab).await.unwrap_or_else(|error| chunk_failed(error, loaded))
            })
            .into_any()
        }
        Some(Err(error)) => chunk_failed(error, loaded),
    }
}

/// A chunk that could not be fetched: why, and "Try again".
fn chunk_failed(error: chunks::ChunkError, loaded: LocalResource<Result<(), chunks::ChunkError>>) -> AnyView {
    view! {
        <nav class="crumbs">
            <a href=Route::Library.href()>"\u{2190} Library"</a>
        </nav>
        <div class="banner banner-error" role="alert">
            <p>{error.to_string()}</p>
            <button class="button" on:click=move |_| loaded.refetch()>
                "Try again"
            </button>
        </div>
    }
    .into_any()
}

/// Says once, plainly, when nothing will be kept across visits, or when
/// what is kept is less safe than usual: on a page opened from a file
/// (file://, the portable build), browsers give local storage that is shared
/// with every other local file, or cleared, or none at all.
#[component]
fn StorageBanner() -> impl IntoView {
    let available = crate::storage::local::is_available();
    let from_file = window().location().protocol().is_ok_and(|p| p == "file:");
    match (from_file, available) {
        (true, true) => Some(
            view! {
                <div class="banner banner-warning" role="status" data-testid="file-notice">
                    "Gapmap is running from a file on this computer (file://). Browsers keep what such pages save less reliably than a website\u{2019}s storage: it may be shared with other files you open, or cleared. "
                    "Work as usual, and export each assessment (Export, in its header) to keep it safe."
                </div>
            }
            .into_any(),
        ),
        (true, false) => Some(
            view! {
                <div class="banner banner-warning" role="status" data-testid="file-notice">
                    "Gapmap is running from a file on this computer (file://), where this browser gives it no storage. "
                    "You can work as usual, in memory, but nothing is kept after this page closes: export your assessments to keep them."
                </div>
            }
            .into_any(),
        ),
        (false, false) => Some(
            view! {
                <div class="banner banner-warning" role="alert">
                    "This browser does not let Gapmap save: local storage is turned off, blocked in private mode, or full. "
                    "What is already saved stays readable, and you can work as usual, but new changes are not kept after this page closes: export your assessments to keep them."
                </div>
            }
            .into_any(),
        ),
        (false, true) => None,
    }
}

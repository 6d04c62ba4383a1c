//! The Leptos app: `<App/>` provides the app-wide contexts, follows the route
//! and shows the library or an open assessment.
//!
//! **Architecture Invariant**: components hold view state only. Every number
//! comes from the core (through the open assessment's editor and its
//! summary), every load and save goes through the core's format and
//! [`crate::storage`].
//!
//! The first load (everything here but what `chunks` holds):
//!
//! - `route`: the URL fragment ↔ [`route::Route`], and the guard on leaving
//!   an open assessment.
//! - `library`: the first screen, and the [`library::state::Library`]
//!   context; `import`: files in (picker, drops) and the dialogs of imports
//!   that wait for the user; `share`: a share link in the address.
//! - `notices`, `dialog`, `files`, `clock`, `ids`: messages, the modal
//!   dialog, files in and downloads out, dates and times, fresh ids.
//! - `storage_banners`: what every screen says about storage.
//! - `offline`: the service worker, the update prompt, persistent storage.
//! - `recovery`: the screen the panic hook shows, in plain DOM.
//! - `chunks`: the doors to what a first visit does not download (the open
//!   assessment's screen and tabs, the Markdown importer, the share-link
//!   dialog, the templates, and the core's reading and writing behind every
//!   library action), fetched on first use.

pub mod chunks;
pub mod clock;
pub mod dialog;
pub mod files;
pub mod ids;
pub mod import;
pub mod library;
pub mod notices;
pub mod offline;
pub mod recovery;
pub mod route;
pub mod share;
pub mod storage_banners;

use leptos::prelude::*;

use self::import::conflict_dialog::ConflictDialog;
use self::import::markdown_dialog::MarkdownDialog;
use self::import::waiting::Pending;
use self::library::screen::LibraryScreen;
use self::library::state::Library;
use self::notices::{NoticeArea, Notices};
use self::offline::UpdatePrompt;
use self::route::{use_route, Route};
use self::share::links::SharedLinks;
use self::storage_banners::{StorageBanner, UsageWarning};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    let library = Library::open(notices, library::index::rebuild);
    provide_context(library);
    let waiting = Pending::new();
    provide_context(waiting);
    import::picker::listen_for_drops(library, notices, waiting);
    let update_ready = offline::start(library.is_available());

    let (route, leave_guard) = use_route();
    // The open assessment changes only when its id does; switching tabs keeps
    // the same editor (and its undo history).
    let open_id = Memo::new(move |_| match route.get() {
        Route::Assessment { id, .. } => Some(id),
        Route::Library | Route::Portfolio => None,
    });
    let tab = Memo::new(move |_| match route.get() {
        Route::Assessment { tab, .. } => tab,
        Route::Library | Route::Portfolio => route::Tab::Overview,
    });
    let portfolio = Memo::new(move |_| route.get() == Route::Portfolio);

    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <StorageBanner />
        <UpdatePrompt ready=update_ready guard=leave_guard />
        <UsageWarning />
        <NoticeArea />
        <main id="main" tabindex="-1">
            {move || match open_id.get() {
                None if portfolio.get() => view! { <Portfolio /> }.into_any(),
                None => view! { <LibraryScreen /> }.into_any(),
                Some(id) => view! { <OpenAssessment id tab /> }.into_any(),
            }}
        </main>
        <ConflictDialog />
        <MarkdownDialog />
        <SharedLinks />
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

/// Every assessment at once, whose view comes in its own chunk.
#[component]
fn Portfolio() -> impl IntoView {
    let loaded = LocalResource::new(chunks::load_portfolio_view);
    move || match loaded.get() {
        None => view! { <p class="loading" role="status">"Opening the portfolio\u{2026}"</p> }.into_any(),
        // Ready on its first poll: the chunk is loaded.
        Some(Ok(())) => {
            Suspend::new(
                async move { chunks::portfolio_screen().await.unwrap_or_else(|error| chunk_failed(error, loaded)) },
            )
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

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
//! - `notices`, `files`, `templates`: messages, downloads, built-in assessments.

pub mod assessment;
pub mod costs;
pub mod editor;
pub mod files;
pub mod gaps;
pub mod import;
pub mod kpis_risks;
pub mod library;
pub mod notices;
pub mod overview;
pub mod roadmap;
pub mod route;
pub mod settings;
pub mod templates;
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
        <NoticeArea />
        <main id="main" tabindex="-1">
            {move || match open_id.get() {
                None => view! { <LibraryScreen /> }.into_any(),
                Some(id) => view! { <assessment::AssessmentScreen id tab /> }.into_any(),
            }}
        </main>
        <import::ConflictDialog />
        <import::MarkdownDialog />
    }
}

/// Says once, plainly, when nothing will be kept across visits.
#[component]
fn StorageBanner() -> impl IntoView {
    (!crate::storage::local::is_available()).then(|| {
        view! {
            <div class="banner banner-warning" role="alert">
                "This browser does not let Gapmap save: local storage is turned off, blocked in private mode, or full. "
                "What is already saved stays readable, and you can work as usual, but new changes are not kept after this page closes: export your assessments to keep them."
            </div>
        }
    })
}

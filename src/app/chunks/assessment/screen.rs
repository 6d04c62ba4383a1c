//! Opening an assessment: reads it from the library into an [`Editor`]
//! (read-only when a newer Gapmap wrote it) and shows it, or says why it
//! cannot be opened, with its raw text to download.

use leptos::prelude::*;

use super::editor::Editor;
use super::header::Opened;
use crate::app::files;
use crate::app::library::state::use_library;
use crate::app::route::{Route, Tab};
use crate::storage::envelope::{self, Unreadable};

/// The screen of the assessment `id`, on tab `tab`.
#[component]
pub(super) fn AssessmentScreen(id: String, #[prop(into)] tab: Signal<Tab>) -> impl IntoView {
    let library = use_library();
    match library.read(&id) {
        Ok(Some(Ok(stored))) => {
            let editor = Editor::open_stored(stored, false);
            provide_context(editor);
            view! { <Opened id tab /> }.into_any()
        }
        Ok(Some(Err(Unreadable::TooNew { message, .. }))) => {
            // Shown as far as this version understands it, and never saved:
            // saving would drop what only the newer version knows.
            match library.raw(&id).ok().flatten().and_then(|text| envelope::open_read_only(&text)) {
                Some(stored) => {
                    let editor = Editor::open_stored(stored, true);
                    provide_context(editor);
                    view! {
                        <div class="banner banner-warning" role="status" data-testid="read-only">
                            <p>
                                <strong>"Read-only. "</strong>
                                {message}
                                " Editing is turned off, so that nothing only the newer Gapmap knows is lost: update Gapmap to edit it."
                            </p>
                        </div>
                        <Opened id tab />
                    }
                    .into_any()
                }
                None => view! { <CannotOpen id message /> }.into_any(),
            }
        }
        Ok(Some(Err(Unreadable::Damaged { message }))) => view! { <CannotOpen id message /> }.into_any(),
        Ok(None) => view! {
            <CannotOpen id message="There is no assessment with this id in this browser.".to_string() />
        }
        .into_any(),
        Err(error) => view! { <CannotOpen id message=error.to_string() /> }.into_any(),
    }
}

/// Why the assessment cannot be opened, and its raw text to download
/// when there is any.
#[component]
fn CannotOpen(id: String, message: String) -> impl IntoView {
    let raw = use_library().raw(&id).ok().flatten();
    view! {
        <nav class="crumbs">
            <a href=Route::Library.href()>"← Library"</a>
        </nav>
        <div class="banner banner-error" role="alert">
            <p>"This assessment cannot be opened. " {message}</p>
            {raw
                .map(|text| {
                    let name = files::file_name(&id, "txt");
                    view! {
                        <button
                            class="button"
                            on:click=move |_| {
                                let _ = files::download(&name, "text/plain", &text);
                            }
                        >
                            "Download raw text"
                        </button>
                    }
                })}
        </div>
    }
}

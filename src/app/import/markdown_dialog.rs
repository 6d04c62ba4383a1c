//! The dialog of Markdown documents waiting to be imported (each read by
//! the Markdown importer and queued, see `chunks::import_files`): it shows
//! the first with its preview (from the importer's chunk), and "Import"
//! saves it behind the door of `chunks::confirm_markdown`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::waiting::{use_pending, MarkdownImport};
use crate::app::chunks;
use crate::app::dialog::Dialog;
use crate::app::library::state::use_library;
use crate::app::notices::Notices;

/// Shows the first Markdown document waiting to be imported: what the
/// importer made of it and a preview, with "Import" to save it into the
/// library and "Cancel" to drop it. Several documents follow one another.
#[component]
pub fn MarkdownDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let queue = use_pending().markdown;
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(queue.0.with(|q| !q.is_empty())));
    // Escape closes the dialog: that cancels the document it shows.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && queue.0.with_untracked(|q| !q.is_empty()) {
            queue.0.update(|q| {
                q.remove(0);
            });
        }
        now
    });
    let take = move || {
        let mut first = None;
        queue.0.update(|q| {
            if !q.is_empty() {
                first = Some(q.remove(0));
            }
        });
        first
    };
    let cancel = move |_| {
        take();
    };
    let confirm = move |_| {
        let Some(MarkdownImport { import, .. }) = take() else { return };
        spawn_local(async move {
            if let Err(error) = chunks::confirm_markdown(library, notices, import.assessment).await {
                notices.error("Importing failed.", vec![error.to_string()]);
            }
        });
    };
    let title = Signal::derive(|| "Import Markdown".to_string());
    view! {
        <Dialog open title>
            // Shown once a document is read, so its chunk (the importer's) is here.
            {move || {
                open.get()
                    .then(|| {
                        Suspend::new(async move {
                            chunks::markdown_preview(queue)
                                .await
                                .unwrap_or_else(|error| {
                                    view! { <p class="banner banner-error" role="alert">{error.to_string()}</p> }
                                        .into_any()
                                })
                        })
                    })
            }}
            <div class="dialog-actions">
                <button class="button" on:click=cancel>
                    "Cancel"
                </button>
                <button class="button button-primary" on:click=confirm>
                    "Import"
                </button>
            </div>
        </Dialog>
    }
}

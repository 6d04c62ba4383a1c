//! Markdown documents waiting to be imported: each is read by the Markdown
//! importer (its own chunk, fetched on first use) and queued; the dialog
//! shows the first with its preview (from the same chunk), and "Import"
//! saves it behind the door of `chunks::confirm_markdown`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::waiting::{markdown_queue, MarkdownImport, Pending};
use crate::app::chunks;
use crate::app::dialog::Dialog;
use crate::app::library::state::use_library;
use crate::app::notices::Notices;

/// Reads a Markdown document with the importer (fetched on first use, see
/// [`chunks`]) and queues it for its dialog.
pub fn queue_markdown(notices: Notices, waiting: Pending, file: String, text: String) {
    spawn_local(async move {
        match chunks::import_markdown(text).await {
            Ok(import) => waiting.markdown.0.update(|q| q.push(MarkdownImport { file, import })),
            Err(error) => notices.error(format!("\u{201c}{file}\u{201d} was not imported."), vec![error.to_string()]),
        }
    });
}

/// Shows the first Markdown document waiting to be imported: what the
/// importer made of it and a preview, with "Import" to save it into the
/// library and "Cancel" to drop it. Several documents follow one another.
#[component]
pub fn MarkdownDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let queue = markdown_queue();
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

//! Files in: the "Import" button's file chooser and drops anywhere on the
//! page. The files are read here, then imported behind the door of
//! `chunks::import_files` (the core's chunk), which hands the Markdown
//! documents among them to the Markdown importer; they wait in their dialog.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::waiting::{use_pending, Pending};
use crate::app::chunks;
use crate::app::files::{read_files, take_files};
use crate::app::library::state::{use_library, Library};
use crate::app::notices::Notices;

fn import_list(library: Library, notices: Notices, waiting: Pending, list: Option<web_sys::FileList>) {
    let files = list.map(|list| take_files(&list)).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let files = read_files(files).await;
        if let Err(error) = chunks::import_files(library, notices, waiting, files).await {
            notices.error("The files were not imported.", vec![error.to_string()]);
        }
    });
}

/// The "Import" button: opens a file chooser for Gapmap (JSON) files and
/// Markdown documents.
#[component]
pub fn ImportButton() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let waiting = use_pending();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <button
            class="button"
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.click();
                }
            }
        >
            "Import"
        </button>
        <input
            node_ref=input
            type="file"
            accept=".json,.md,.markdown,application/json,text/markdown"
            multiple
            hidden
            tabindex="-1"
            aria-hidden="true"
            on:change=move |ev| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                import_list(library, notices, waiting, input.files());
                input.set_value("");
            }
        />
    }
}

/// Accepts files dropped anywhere on the page.
pub fn listen_for_drops(library: Library, notices: Notices, waiting: Pending) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        import_list(library, notices, waiting, ev.data_transfer().and_then(|t| t.files()));
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

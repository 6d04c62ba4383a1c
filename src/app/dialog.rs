//! A modal dialog on the browser's own `<dialog>`: it traps focus, closes on
//! Escape and returns focus where it was, with no code of ours for any of it.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A unique element id for labels and descriptions.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// A modal dialog, shown while `open` is true; Escape sets it false.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The dialog's heading, which also names it for screen readers.
    #[prop(into)]
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Dialog>::new();
    let heading = unique_id("dialog-title");
    let labelled_by = heading.clone();
    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        if open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog node_ref=node class="dialog" aria-labelledby=labelled_by on:close=move |_| open.set(false)>
            <h2 id=heading>{move || title.get()}</h2>
            {children()}
        </dialog>
    }
}

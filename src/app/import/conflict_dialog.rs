//! The dialog that asks what to do with an import whose id is already in
//! the library: merge it into the saved one, replace the saved one, keep
//! both, or cancel. The choice is done behind the door of
//! `chunks::resolve_conflict` (Merge opens the merge view, in that chunk).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::waiting::{use_pending, Choice};
use crate::app::chunks;
use crate::app::dialog::Dialog;
use crate::app::library::state::use_library;
use crate::app::notices::Notices;

/// Asks what to do with an import whose id is already in the library.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let pending = use_pending().conflicts;
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(pending.0.with(|p| !p.is_empty())));
    // Closed with Escape while imports wait: the user cancelled them all.
    // (Left queued, a later import would bring back a stale file.)
    Effect::new(move |_| {
        if !open.get() && pending.0.with_untracked(|p| !p.is_empty()) {
            pending.0.set(Vec::new());
        }
    });
    let resolve = move |choice: Choice| {
        let mut first = None;
        pending.0.update(|p| {
            if !p.is_empty() {
                first = Some(p.remove(0));
            }
        });
        let Some(assessment) = first else { return };
        if matches!(choice, Choice::Skip) {
            return;
        }
        let what = match choice {
            Choice::Merge => "Merging",
            Choice::Replace => "Replacing",
            _ => "Importing",
        };
        spawn_local(async move {
            if let Err(error) = chunks::resolve_conflict(library, notices, assessment, choice).await {
                notices.error(format!("{what} failed."), vec![error.to_string()]);
            }
        });
    };
    let title = Signal::derive(move || "This assessment is already in the library".to_string());
    view! {
        <Dialog open title>
            <p>
                "The file holds \u{201c}"
                {move || pending.0.with(|p| p.first().map(|a| a.title.clone())).unwrap_or_default()}
                "\u{201d}, and an assessment with the same id is already saved here. "
                "Merge the file into the saved one, replace the saved one with it, or keep both?"
            </p>
            <div class="dialog-actions">
                <button class="button" on:click=move |_| resolve(Choice::Skip)>
                    "Cancel"
                </button>
                <button class="button" on:click=move |_| resolve(Choice::KeepBoth)>
                    "Keep both"
                </button>
                <button class="button" on:click=move |_| resolve(Choice::Merge)>
                    "Merge"
                </button>
                <button class="button button-primary" on:click=move |_| resolve(Choice::Replace)>
                    "Replace"
                </button>
            </div>
        </Dialog>
    }
}

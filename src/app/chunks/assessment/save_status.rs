//! Where the open assessment stands against local storage, always in
//! sight beside its title, and the banner that stays while saving fails,
//! with the ways out: export, try again, or, after a conflict with another
//! tab, reload theirs or keep both.

use leptos::prelude::*;

use super::editor::{use_editor, SaveState};
use crate::app::chunks::export_file::download_assessment;
use crate::app::library::state::use_library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route, Tab};
use crate::storage::StorageError;

/// "Saved", "Saving…" or "Not saved", always visible beside the title.
#[component]
pub(super) fn SaveStatus() -> impl IntoView {
    let editor = use_editor();
    view! {
        <span class="save-status" role="status">
            {move || match editor.save_state.get() {
                SaveState::Saved => "Saved in this browser",
                SaveState::Pending => "Saving…",
                SaveState::Failed(_) => "Not saved",
                SaveState::ReadOnly => "Read-only",
            }}
        </span>
    }
}

/// A banner that stays while saving fails, with the way out: export.
#[component]
pub(super) fn SaveFailure() -> impl IntoView {
    let editor = use_editor();
    let library = use_library();
    let notices = expect_context::<Notices>();
    let export = move |_| {
        if let Err(e) = download_assessment(library, &editor.snapshot()) {
            notices.error("The export failed.", vec![e]);
        }
    };
    let reload_theirs = move |_| {
        if let Err(error) = editor.reload_theirs() {
            notices.error("Their version could not be loaded.", vec![error.to_string()]);
        }
    };
    let keep_both = move |_| match editor.keep_both() {
        Ok(id) => {
            notices.info("Your version is saved as a copy; theirs is kept as it was.");
            navigate(&Route::Assessment { id, tab: Tab::Overview });
        }
        Err(error) => notices.error("Your version could not be saved as a copy.", vec![error.to_string()]),
    };
    move || match editor.save_state.get() {
        SaveState::Failed(error @ StorageError::Conflict { .. }) => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="save-conflict">
                    <p>
                        <strong>"Changes are not being saved. "</strong>
                        {error.to_string()}
                        " Saving here would overwrite their changes. Choose which to keep."
                    </p>
                    <button class="button" on:click=reload_theirs>
                        "Reload theirs"
                    </button>
                    <button class="button button-primary" on:click=keep_both>
                        "Keep both as copies"
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveState::Failed(error) => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="save-failure">
                    <p>
                        <strong>"Changes are not being saved. "</strong>
                        {error.to_string()}
                        " The last good save is kept; export to keep what is on screen."
                    </p>
                    <button class="button button-primary" on:click=export>
                        "Export this assessment"
                    </button>
                    <button class="button" on:click=move |_| editor.retry_save()>
                        "Try saving again"
                    </button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}

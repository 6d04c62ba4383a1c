//! "Reset settings to defaults": one undo step, with an undo in the notice.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::notices::use_notices;
use crate::core::edit;

/// "Reset settings to defaults": one undo step, with an undo in the notice.
#[component]
pub(super) fn ResetSettings() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let reset = move |_| {
        if editor.with_untracked(edit::settings_are_defaults) {
            notices.info("The settings are already the defaults.");
            return;
        }
        let before = editor.with_untracked(|a| a.settings.clone());
        editor.edit(None, |a| {
            edit::reset_settings(a);
        });
        editor.offer_undo(notices, "Settings reset to defaults.".to_string(), move |a| {
            edit::restore_settings(a, before.clone())
        });
    };
    view! {
        <div class="section reset-settings">
            <button class="button" on:click=reset>
                "Reset settings to defaults"
            </button>
            <p class="setting-help">
                "Puts back the default weights, partial credit, levels, threshold, hours, days and rate. The details above and the categories stay."
            </p>
        </div>
    }
}

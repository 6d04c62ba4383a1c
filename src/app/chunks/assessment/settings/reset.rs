//! "Reset settings to defaults": one undo step, with an undo in the notice.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::notices::use_notices;
use crate::core::model::Settings as ScoringSettings;

/// "Reset settings to defaults": one undo step, with an undo in the notice.
#[component]
pub(super) fn ResetSettings() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let reset = move |_| {
        let before = editor.with_untracked(|a| a.settings.clone());
        // Keys of a newer format version are not settings we know how to reset.
        let defaults = ScoringSettings { extra: before.extra.clone(), ..ScoringSettings::default() };
        if before == defaults {
            notices.info("The settings are already the defaults.");
            return;
        }
        editor.edit(None, |a| a.settings = defaults);
        editor.offer_undo(notices, "Settings reset to defaults.".to_string(), move |a| a.settings = before.clone());
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

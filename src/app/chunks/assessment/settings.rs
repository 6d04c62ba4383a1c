//! The Settings tab: the assessment's own details (title, system, date,
//! assessors, summary), the settings that change how scores, effort and costs
//! are computed, each with one line saying what it changes, and the editor of
//! categories, and how safe the user's work is in this browser (Storage).
//!
//! Every field writes through `Editor::edit` with a key per field, so typing
//! in one field is one undo step; resetting the settings is one step too.
//!
//! One section per file: `details`, `scoring` (with its `levels`), `effort`,
//! `reset`, `categories` (deleting one: `category_delete`), `storage`;
//! `setting` holds what each setting is made of (its problem, its help
//! line, a number setting).

mod categories;
mod category_delete;
mod details;
mod effort;
mod levels;
mod reset;
mod scoring;
mod setting;
mod storage;

use leptos::prelude::*;

use self::categories::CategoryEditor;
use self::details::AssessmentDetails;
use self::effort::EffortSettings;
use self::reset::ResetSettings;
use self::scoring::ScoringSettings;
use self::storage::StorageSettings;

/// The Settings tab.
#[component]
pub(super) fn Settings() -> impl IntoView {
    view! {
        <div class="settings">
            <AssessmentDetails />
            <ScoringSettings />
            <EffortSettings />
            <ResetSettings />
            <CategoryEditor />
            <StorageSettings />
        </div>
    }
}

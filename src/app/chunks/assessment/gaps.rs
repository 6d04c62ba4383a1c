//! The Gaps tab: every gap of the assessment in a table that filters, sorts
//! and pages, with inline changes of status, priority and phase, changes to
//! many selected gaps at once, and a detail editor for every field.
//!
//! The table stays fast with thousands of gaps: which gaps are shown and in
//! which order is one memo over the core's `query::filter_gaps` and
//! `query::sort_gaps`; rows are keyed by gap id and render in pages; each row
//! derives its own data in a memo, so an edit re-renders only the rows whose
//! data changed.
//!
//! - `state`: the tab's view state and its changes; `key`: which gap a row
//!   or an editor shows.
//! - `filters`: the search box and the filter selects.
//! - `table`: the table and its sortable headers; `rows`: its rows;
//!   `bulk`: the bar of changes to every selected gap; `phase_options`: the
//!   choices of a phase select.
//! - `detail`: the dialog that edits one gap.
//! - `import_csv`: "Import CSV", a gaps table from a spreadsheet, previewed.

mod bulk;
mod detail;
mod filters;
mod import_csv;
mod key;
mod phase_options;
mod rows;
mod state;
mod table;

use leptos::prelude::*;

use self::state::{add_general_category, use_gaps, GapsState};
use super::editor::use_editor;
use crate::app::notices::use_notices;
use crate::app::route;

/// The Gaps tab.
#[component]
pub(super) fn Gaps() -> impl IntoView {
    let state = GapsState::new(use_editor(), use_notices());
    provide_context(state);
    let editor = state.editor;
    // A link to one gap (`#/a/<id>/gaps/<gap>`: a change on the History tab,
    // a step on Next steps) opens it in the editor; closing the editor
    // leaves the tab's own address, so that a reload does not open it again.
    if let Some(id) = route::linked_gap() {
        if let Some(key) = editor.with_untracked(|a| key::keys(a).into_iter().find(|k| k.id == id)) {
            state.open(key);
        }
    }
    Effect::new(move |_| {
        if !state.dialog_open.get() {
            route::forget_linked_gap();
        }
    });
    let total = Memo::new(move |_| editor.with(|a| a.gaps.len()));
    let has_categories = Memo::new(move |_| state.categories.with(|c| !c.is_empty()));

    view! {
        <section class="gaps" aria-labelledby="gaps-heading">
            <div class="toolbar">
                <h2 id="gaps-heading">"Gaps"</h2>
                <div class="toolbar-actions">
                    <import_csv::ImportCsv />
                    <button
                        class="button button-primary"
                        prop:disabled=editor.is_read_only()
                        on:click=move |_| state.add_gap()
                    >
                        "Add gap"
                    </button>
                </div>
            </div>
            <Show when=move || !has_categories.get()>
                <NoCategories />
            </Show>
            <filters::Filters />
            <Show
                when=move || { total.get() > 0 }
                fallback=|| {
                    view! { <p class="empty">"No gaps yet. Add the first one with \u{201c}Add gap\u{201d}."</p> }
                }
            >
                <table::GapTable />
            </Show>
        </section>
        <detail::GapDialog />
    }
}

/// Says that gaps need a category, and offers one.
#[component]
fn NoCategories() -> impl IntoView {
    let state = use_gaps();
    view! {
        <div class="empty gaps-no-categories">
            <p>
                "No categories yet. Every gap belongs to a category (security, reliability \u{2026}): "
                "add one here, then rename it or add more in Settings."
            </p>
            <button
                class="button"
                prop:disabled=state.editor.is_read_only()
                on:click=move |_| state.editor.edit(None, add_general_category)
            >
                "Add category"
            </button>
        </div>
    }
}

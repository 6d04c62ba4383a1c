//! The detail editor of one gap, in a dialog: every field (title, category,
//! description, status, priority, severity, effort, owner, evidence, phase,
//! checklist, tags), the gap's validation problems, its effort in
//! person-days and its credit, and deleting it.
//!
//! - `handle`: the gap being edited, which every part shares.
//! - `fields`: the fields that need more than a plain input (category,
//!   severity, phase, effort) and the credit note; `checklist`; `tags`;
//!   `evidence` (entries of a text and an address, shown as a safe link).
//!
//! Typing in one field makes one undo step (the edit key names the gap and
//! the field); every other change is a step of its own.

mod checklist;
mod evidence;
mod fields;
mod handle;
mod plan;
mod tags;

use leptos::prelude::*;

use self::checklist::Checklist;
use self::evidence::EvidenceList;
use self::fields::{CategoryField, CreditNote, EffortField, PhaseField, SeverityField};
use self::handle::{Editing, GapHandle};
use self::plan::{AcceptanceFields, DependsOnField, DueField};
use self::tags::Tags;
use super::key::GapKey;
use super::state::use_gaps;
use crate::app::chunks::assessment::focus::focus_first;
use crate::app::chunks::fields::{KeywordSelect, TextArea, TextField};
use crate::app::dialog::Dialog;
use crate::core::model::{Priority, Status};
use crate::core::present::query::gap_figures;

/// The dialog; it shows the editor of the gap the tab has open.
#[component]
pub(super) fn GapDialog() -> impl IntoView {
    let state = use_gaps();
    let open_key = Memo::new(move |_| if state.dialog_open.get() { state.editing.get() } else { None });
    view! {
        <Dialog open=state.dialog_open title="Edit gap">
            {move || open_key.get().map(|key| view! { <GapEditor key /> })}
        </Dialog>
    }
}

/// Every field of one gap.
#[component]
fn GapEditor(key: GapKey) -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let key = StoredValue::new(key);
    let hint = StoredValue::new(0_usize);
    let data = Memo::new(move |_| {
        editor.with(|a| {
            let position = key.with_value(|k| k.locate(a, hint.get_value()))?;
            hint.set_value(position);
            let gap = a.gaps[position].clone();
            let figures = gap_figures(&gap, &a.settings);
            Some(Editing { position, gap, figures })
        })
    });
    let handle = GapHandle { state, key, data };
    let exists = Memo::new(move |_| data.with(Option::is_some));

    // Start where people start: the title.
    request_animation_frame(|| focus_first("#gap-editor input"));

    let close = move |_| state.dialog_open.set(false);
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <p>"This gap no longer exists (it was deleted, or an undo took it back)."</p>
                    <div class="dialog-actions">
                        <button class="button button-primary" on:click=close>
                            "Close"
                        </button>
                    </div>
                }
            }
        >
            <div id="gap-editor" class="gap-editor">
                <p class="gap-editor-id hint">"Id: " {move || key.with_value(|k| k.id.clone())}</p>
                <GapProblems handle />
                <div class="gap-editor-grid">
                    <div class="gap-editor-main">
                        <TextField
                            label="Title"
                            required=true
                            value=handle.get(|g| g.title.clone())
                            on_change=Callback::new(move |t: String| handle.change(Some("title"), |g| g.title = t))
                        />
                        <CategoryField handle />
                        <TextArea
                            label="Description"
                            rows=5
                            value=handle.get(|g| g.description.clone())
                            on_change=Callback::new(move |t: String| {
                                handle.change(Some("description"), |g| g.description = t)
                            })
                        />
                        <DependsOnField handle />
                    </div>
                    <div class="gap-editor-side">
                        <KeywordSelect
                            label="Status"
                            value=handle.get(|g| g.status)
                            on_change=Callback::new(move |s: Status| handle.change(None, |g| g.status = s))
                        />
                        <AcceptanceFields handle />
                        <KeywordSelect
                            label="Priority"
                            value=handle.get(|g| g.priority)
                            on_change=Callback::new(move |p: Priority| handle.change(None, |g| g.priority = p))
                        />
                        <SeverityField handle />
                        <PhaseField handle />
                        <DueField handle />
                        <TextField
                            label="Owner"
                            value=handle.get(|g| g.owner.clone())
                            on_change=Callback::new(move |t: String| handle.change(Some("owner"), |g| g.owner = t))
                        />
                        <EffortField handle />
                        <CreditNote handle />
                    </div>
                </div>
                <EvidenceList handle />
                <Checklist handle />
                <Tags handle />
                <div class="dialog-actions">
                    <button
                        class="button button-danger"
                        prop:disabled=editor.is_read_only()
                        on:click=move |_| state.delete(&[key.get_value()].into())
                    >
                        "Delete gap"
                    </button>
                    <button class="button button-primary" on:click=close>
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The gap's validation problems, where it is edited.
#[component]
fn GapProblems(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let problems = Memo::new(move |_| {
        let position = handle.data.with(|d| d.as_ref().map(|d| d.position))?;
        state.problems.with(|p| p.get(&position).cloned())
    });
    move || {
        problems.get().map(|list| {
            view! {
                <div class="gap-editor-problems" role="note" aria-label="Problems of this gap">
                    <strong>{if list.len() == 1 { "A problem to fix:" } else { "Problems to fix:" }}</strong>
                    <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

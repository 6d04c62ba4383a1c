//! The bar of changes to every selected gap at once (status, phase,
//! select all matching, clear, delete): each change is one edit, so one
//! undo step.

use std::collections::HashSet;

use leptos::prelude::*;

use super::key::positions;
use super::state::use_gaps;
use crate::app::chunks::fields::{keyword_label, keyword_options};
use crate::core::model::{Gap, Status};

/// Changes to every selected gap at once: each is one edit, so one undo step.
#[component]
pub(super) fn BulkBar() -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let count = Memo::new(move |_| state.selected.with(HashSet::len));
    let hidden = Memo::new(move |_| {
        state.selected.with(|selected| {
            let shown = state.matching.with(|keys| keys.iter().filter(|k| selected.contains(*k)).count());
            selected.len() - shown
        })
    });
    let unselected_matching = Memo::new(move |_| {
        state
            .selected
            .with(|selected| state.matching.with(|keys| keys.iter().filter(|k| !selected.contains(*k)).count()))
    });

    // `what` and `to` make the confirmation: "Set the status of 12 gaps to Done."
    let apply = move |what: &str, to: String, change: Box<dyn Fn(&mut Gap)>| {
        let selected = state.selected.get_untracked();
        let mut changed = 0;
        editor.edit(None, |a| {
            let positions = positions(a, &selected);
            changed = crate::core::edit::change_gaps(a, positions, &change);
        });
        if changed > 0 {
            let gaps = if changed == 1 { "1 gap".to_string() } else { format!("{changed} gaps") };
            state.notices.info(format!("Set the {what} of {gaps} to {to}."));
        }
    };
    let set_status = Callback::new(move |value: String| {
        if let Some(status) = Status::parse(&value) {
            apply("status", keyword_label(status), Box::new(move |g| g.status = status));
        }
    });
    let set_phase = Callback::new(move |value: String| {
        let phase = value.strip_prefix("phase:").map(str::to_string);
        let name = match &phase {
            Some(id) => state.phases.with_untracked(|p| p.iter().find(|(p, _)| p == id).map(|(_, n)| n.clone())),
            None => Some("none".to_string()),
        };
        apply("phase", name.unwrap_or_default(), Box::new(move |g| g.phase = phase.clone()));
    });

    view! {
        <Show when=move || { count.get() > 0 }>
            <div class="gap-bulk" role="group" aria-label="Change the selected gaps">
                <strong class="gap-bulk-count">
                    {move || if count.get() == 1 { "1 selected".to_string() } else { format!("{} selected", count.get()) }}
                    {move || {
                        (hidden.get() > 0).then(|| format!(" ({} hidden by the filters)", hidden.get()))
                    }}
                </strong>
                <BulkSelect label="Set status of selected" options={ keyword_options::<Status>() } on_pick=set_status />
                {move || {
                    let mut options = vec![("none".to_string(), "No phase".to_string())];
                    options.extend(state.phases.get().into_iter().map(|(id, name)| (format!("phase:{id}"), name)));
                    view! { <BulkSelect label="Set phase of selected" options on_pick=set_phase /> }
                }}
                <Show when=move || { unselected_matching.get() > 0 }>
                    <button
                        class="button button-small"
                        on:click=move |_| {
                            let keys = state.matching.get_untracked();
                            state.selected.update(|s| s.extend(keys));
                        }
                    >
                        {move || format!("Select all {} matching", state.matching.with(Vec::len))}
                    </button>
                </Show>
                <button class="button button-small" on:click=move |_| state.selected.set(HashSet::new())>
                    "Clear selection"
                </button>
                <button
                    class="button button-small button-danger"
                    prop:disabled=editor.is_read_only()
                    on:click=move |_| state.delete(&state.selected.get_untracked())
                >
                    "Delete selected"
                </button>
            </div>
        </Show>
    }
}

/// A select that acts at once on the option picked, then shows its prompt
/// again: picking the same value twice acts twice.
#[component]
fn BulkSelect(
    /// The select's visible name.
    label: &'static str,
    /// The (value, text) of each option after the prompt.
    options: Vec<(String, String)>,
    /// Called with the value picked.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="gap-bulk-field">
            <span class="field-label">{label}</span>
            // The name is the label alone, not the options' text too.
            <select
                class="input"
                aria-label=label
                on:change=move |ev| {
                    let select = event_target::<web_sys::HtmlSelectElement>(&ev);
                    let value = select.value();
                    select.set_value("");
                    if !value.is_empty() {
                        on_pick.run(value);
                    }
                }
            >
                <option value="" selected>
                    "Choose\u{2026}"
                </option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </label>
    }
}

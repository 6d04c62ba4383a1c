//! The gap's evidence: entries of a text and an optional address, added,
//! edited and removed through `core::edit`; each address is shown as a link
//! under the one rule of `core::present::link`, or as text.

use leptos::prelude::*;

use super::handle::GapHandle;
use crate::app::chunks::assessment::focus::focus_first;
use crate::app::chunks::assessment::safe_link::SafeLink;
use crate::app::chunks::fields::{TextArea, TextField};
use crate::core::edit;
use crate::core::model::Evidence;

/// The evidence entries, and "Add evidence".
#[component]
pub(super) fn EvidenceList(handle: GapHandle) -> impl IntoView {
    let count = Memo::new(move |_| handle.data.with(|d| d.as_ref().map_or(0, |d| d.gap.evidence.len())));
    let add = move |_| {
        handle.change(None, |g| {
            edit::add_evidence(g);
        });
        request_animation_frame(|| focus_first(".gap-evidence li:last-child textarea"));
    };
    view! {
        <fieldset class="gap-checklist">
            <legend class="field-label">"Evidence"</legend>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"No evidence yet: what shows where this gap stands, and where to see it."</p> }
            >
                <ol class="gap-items gap-evidence">
                    <For each=move || 0..count.get() key=|i| *i let:index>
                        <EvidenceEntry handle index />
                    </For>
                </ol>
            </Show>
            <button class="button button-small" on:click=add prop:disabled=handle.state.editor.is_read_only()>
                "Add evidence"
            </button>
        </fieldset>
    }
}

/// One entry: its text, its address, the address as shown, remove.
#[component]
fn EvidenceEntry(handle: GapHandle, index: usize) -> impl IntoView {
    let part = move |read: fn(&Evidence) -> String| {
        handle.data.with(|d| d.as_ref().and_then(|d| d.gap.evidence.get(index)).map(read).unwrap_or_default())
    };
    let text = Signal::derive(move || part(|e| e.text.clone()));
    let url = Signal::derive(move || part(|e| e.url.clone().unwrap_or_default()));
    let n = index + 1;
    view! {
        <li class="gap-item">
            <TextArea
                label=format!("Evidence {n}")
                rows=2
                value=text
                on_change=Callback::new(move |t: String| {
                    handle.change(Some(&format!("evidence:{index}")), |g| {
                        if let Some(entry) = g.evidence.get_mut(index) {
                            entry.text = t;
                        }
                    })
                })
            />
            <TextField
                label=format!("Evidence {n} address")
                placeholder="https://…"
                value=url
                on_change=Callback::new(move |t: String| {
                    handle.change(Some(&format!("evidence-url:{index}")), |g| {
                        if let Some(entry) = g.evidence.get_mut(index) {
                            entry.url = if t.trim().is_empty() { None } else { Some(t) };
                        }
                    })
                })
            />
            <span>
                <SafeLink address=url label=text />
            </span>
            <button
                class="button button-small button-danger"
                aria-label=format!("Remove evidence {n}")
                on:click=move |_| {
                    handle.change(None, |g| {
                        edit::remove_evidence(g, index);
                    })
                }
            >
                "Remove"
            </button>
        </li>
    }
}

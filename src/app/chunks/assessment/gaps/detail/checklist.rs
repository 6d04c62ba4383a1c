//! The gap's checklist: add, edit, tick, reorder and remove items. A
//! partial gap with items earns the share of them that is done.

use leptos::prelude::*;

use super::handle::GapHandle;
use crate::app::chunks::assessment::focus::focus_first;
use crate::app::chunks::fields::{Checkbox, TextField};
use crate::core::edit;
use crate::core::model::Item;

/// The checklist: add, edit, tick, reorder and remove items.
#[component]
pub(super) fn Checklist(handle: GapHandle) -> impl IntoView {
    let count = Memo::new(move |_| handle.data.with(|d| d.as_ref().map_or(0, |d| d.gap.items.len())));
    let add = move |_| {
        handle.change(None, |g| {
            edit::add_item(g);
        });
        // The new item's text field, once it is drawn.
        request_animation_frame(|| focus_first(".gap-items li:last-child input[type=text]"));
    };
    view! {
        <fieldset class="gap-checklist">
            <legend class="field-label">"Checklist"</legend>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"No items. A partial gap with items earns the share of them that is done."</p> }
            >
                <ol class="gap-items">
                    // Items have no ids: rows are keyed by position and read
                    // their item by position, so a move redraws the two texts.
                    <For each=move || 0..count.get() key=|i| *i let:index>
                        <ChecklistItem handle index count />
                    </For>
                </ol>
            </Show>
            <button class="button button-small" on:click=add prop:disabled=handle.state.editor.is_read_only()>
                "Add item"
            </button>
        </fieldset>
    }
}

/// One checklist item: done, its text, move up or down, remove.
#[component]
fn ChecklistItem(handle: GapHandle, index: usize, count: Memo<usize>) -> impl IntoView {
    let item = move |part: fn(&Item) -> String| {
        handle.data.with(|d| d.as_ref().and_then(|d| d.gap.items.get(index)).map(part).unwrap_or_default())
    };
    let text = Signal::derive(move || item(|i| i.text.clone()));
    let done = Signal::derive(move || {
        handle.data.with(|d| d.as_ref().and_then(|d| d.gap.items.get(index)).is_some_and(|i| i.done))
    });
    let n = index + 1;
    let swap = move |other: usize| {
        handle.change(None, |g| {
            if other != index {
                edit::move_item(g, index, other < index);
            }
        });
        // Keep the focus on the item that moved.
        let selector = format!(
            ".gap-items li:nth-child({}) .gap-item-move-{}",
            other + 1,
            if other < index { "up" } else { "down" }
        );
        request_animation_frame(move || focus_first(&selector));
    };
    view! {
        <li class="gap-item">
            <Checkbox
                label=format!("Item {n} done")
                hide_label=true
                checked=done
                on_change=Callback::new(move |checked: bool| {
                    handle.change(None, |g| {
                        if let Some(item) = g.items.get_mut(index) {
                            item.done = checked;
                        }
                    })
                })
            />
            <TextField
                label=format!("Item {n}")
                hide_label=true
                value=text
                on_change=Callback::new(move |t: String| {
                    handle.change(Some(&format!("item:{index}")), |g| {
                        if let Some(item) = g.items.get_mut(index) {
                            item.text = t;
                        }
                    })
                })
            />
            <button
                class="button button-small gap-item-move-up"
                aria-label=format!("Move item {n} up")
                prop:disabled=move || index == 0
                on:click=move |_| swap(index.saturating_sub(1))
            >
                "\u{2191}"
            </button>
            <button
                class="button button-small gap-item-move-down"
                aria-label=format!("Move item {n} down")
                prop:disabled=move || { index + 1 >= count.get() }
                on:click=move |_| swap(index + 1)
            >
                "\u{2193}"
            </button>
            <button
                class="button button-small button-danger"
                aria-label=format!("Remove item {n}")
                on:click=move |_| {
                    handle.change(None, |g| {
                        edit::remove_item(g, index);
                    })
                }
            >
                "Remove"
            </button>
        </li>
    }
}

//! The gap's tags: each with a button that removes it, and a field that
//! adds new ones.

use leptos::prelude::*;

use super::handle::GapHandle;
use crate::core::edit;

/// The tags: each with a button that removes it, and a field that adds new ones.
#[component]
pub(super) fn Tags(handle: GapHandle) -> impl IntoView {
    let tags = handle.get(|g| g.tags.clone());
    let draft = RwSignal::new(String::new());
    let add = move || {
        let typed = draft.get_untracked();
        // "a, b" adds two tags; a tag already there is not added again.
        let new = edit::comma_separated(&typed);
        if new.is_empty() {
            return;
        }
        handle.change(None, |g| {
            edit::add_tags(g, new);
        });
        draft.set(String::new());
    };
    view! {
        <fieldset class="gap-tags-field">
            <legend class="field-label">"Tags"</legend>
            <ul class="gap-tags">
                {move || {
                    tags.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, tag)| {
                            let label = format!("Remove tag {tag}");
                            view! {
                                <li class="pill pill-neutral gap-tag">
                                    {tag}
                                    <button
                                        class="gap-tag-remove"
                                        aria-label=label
                                        on:click=move |_| {
                                            handle.change(None, |g| {
                                                edit::remove_tag(g, i);
                                            })
                                        }
                                    >
                                        "\u{00d7}"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="gap-tag-add">
                <label class="field">
                    <span class="visually-hidden">"New tag"</span>
                    <input
                        class="input"
                        type="text"
                        placeholder="New tag"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                </label>
                <button class="button button-small" on:click=move |_| add()>
                    "Add tag"
                </button>
            </div>
        </fieldset>
    }
}

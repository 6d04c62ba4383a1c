//! The filters above the quick wins: a search box and one select each for
//! category and priority. They change the tab's `GapFilter`; the core's
//! `query::filter_gaps` applies it, as on the Gaps tab.

use leptos::prelude::*;

use super::state::use_next;
use crate::app::chunks::fields::{keyword_label, Select};
use crate::core::model::Priority;

/// The search box and the category and priority selects.
#[component]
pub(super) fn Filters() -> impl IntoView {
    let state = use_next();
    let (editor, filter) = (state.editor, state.filter);
    let category = move || {
        let mut options = vec![(String::new(), "All categories".to_string())];
        options
            .extend(editor.with(|a| a.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect::<Vec<_>>()));
        view! {
            <Select
                label="Category"
                options
                value=Signal::derive(move || filter.with(|f| f.category.clone().unwrap_or_default()))
                on_change=Callback::new(move |id: String| filter.update(|f| f.category = (!id.is_empty()).then_some(id)))
            />
        }
    };
    let mut priorities = vec![(String::new(), "All priorities".to_string())];
    priorities.extend(Priority::ALL.iter().map(|p| (p.as_str().to_string(), keyword_label(*p))));
    view! {
        <div class="next-filters" role="search" aria-label="Filter quick wins">
            <label class="field">
                <span class="field-label">"Search quick wins"</span>
                <input
                    class="input"
                    type="search"
                    placeholder="Words in the title, owner, tags\u{2026}"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
                />
            </label>
            {category}
            <Select
                label="Priority"
                options=priorities
                value=Signal::derive(move || filter.with(|f| f.priority.map(|p| p.as_str().to_string()).unwrap_or_default()))
                on_change=Callback::new(move |value: String| filter.update(|f| f.priority = Priority::parse(&value)))
            />
        </div>
    }
}

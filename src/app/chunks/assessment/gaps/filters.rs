//! The filters above the gaps table: a search box and one select each for
//! category, status, priority and phase. They change the tab's
//! [`GapFilter`]; the core's `query::filter_gaps` applies it.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::state::use_gaps;
use crate::app::chunks::fields::{keyword_label, keyword_options, Select};
use crate::core::model::{Priority, Status};
use crate::core::present::query::{GapFilter, PhaseFilter, StatusFilter};

/// The value of the "Status" select for "Open (missing or partial)".
const OPEN: &str = "open";
/// The value of the "Phase" select for "No phase"; phase values carry a
/// prefix, so no phase id can be mistaken for it.
const NO_PHASE: &str = "none";
const PHASE_PREFIX: &str = "phase:";

/// How long the search waits after the last key before it filters.
const SEARCH_DELAY: Duration = Duration::from_millis(150);

fn status_value(filter: &GapFilter) -> String {
    match filter.status {
        StatusFilter::Any => String::new(),
        StatusFilter::Open => OPEN.to_string(),
        StatusFilter::Is(status) => status.as_str().to_string(),
    }
}

fn status_filter(value: &str) -> StatusFilter {
    match value {
        OPEN => StatusFilter::Open,
        other => Status::parse(other).map_or(StatusFilter::Any, StatusFilter::Is),
    }
}

fn phase_value(filter: &GapFilter) -> String {
    match &filter.phase {
        PhaseFilter::Any => String::new(),
        PhaseFilter::Unassigned => NO_PHASE.to_string(),
        PhaseFilter::Is(id) => format!("{PHASE_PREFIX}{id}"),
    }
}

fn phase_filter(value: &str) -> PhaseFilter {
    match value {
        NO_PHASE => PhaseFilter::Unassigned,
        other => other.strip_prefix(PHASE_PREFIX).map_or(PhaseFilter::Any, |id| PhaseFilter::Is(id.to_string())),
    }
}

/// The search box and the filter selects, and a way to clear them all.
#[component]
pub(super) fn Filters() -> impl IntoView {
    let state = use_gaps();
    let filter = state.filter;
    // The search waits for a pause in typing: each search redraws the table.
    let typing = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(pending) = typing.try_get_value().flatten() {
            pending.clear();
        }
    });

    let category = move || {
        let mut options = vec![(String::new(), "All categories".to_string())];
        options.extend(state.categories.get());
        view! {
            <Select
                label="Category"
                options
                value=Signal::derive(move || filter.with(|f| f.category.clone().unwrap_or_default()))
                on_change=Callback::new(move |id: String| {
                    state.set_filter(|f| f.category = (!id.is_empty()).then_some(id));
                })
            />
        }
    };

    let mut status_options =
        vec![(String::new(), "All statuses".to_string()), (OPEN.to_string(), "Open (missing or partial)".to_string())];
    status_options.extend(keyword_options::<Status>());

    let mut priority_options = vec![(String::new(), "All priorities".to_string())];
    priority_options.extend(Priority::ALL.iter().map(|p| (p.as_str().to_string(), keyword_label(*p))));

    let phase = move || {
        let mut options =
            vec![(String::new(), "All phases".to_string()), (NO_PHASE.to_string(), "No phase".to_string())];
        options.extend(state.phases.get().into_iter().map(|(id, name)| (format!("{PHASE_PREFIX}{id}"), name)));
        view! {
            <Select
                label="Phase"
                options
                value=Signal::derive(move || filter.with(phase_value))
                on_change=Callback::new(move |value: String| state.set_filter(|f| f.phase = phase_filter(&value)))
            />
        }
    };

    view! {
        <div class="gap-filters" role="search" aria-label="Filter gaps">
            <label class="field gap-search">
                <span class="field-label">"Search gaps"</span>
                <input
                    class="input"
                    type="search"
                    placeholder="Words in the title, owner, tags, description\u{2026}"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        if let Some(pending) = typing.get_value() {
                            pending.clear();
                        }
                        let apply = move || state.set_filter(|f| f.text = text);
                        typing.set_value(set_timeout_with_handle(apply, SEARCH_DELAY).ok());
                    }
                />
            </label>
            {category}
            <Select
                label="Status"
                options=status_options
                value=Signal::derive(move || filter.with(status_value))
                on_change=Callback::new(move |value: String| state.set_filter(|f| f.status = status_filter(&value)))
            />
            <Select
                label="Priority"
                options=priority_options
                value=Signal::derive(move || {
                    filter.with(|f| f.priority.map(|p| p.as_str().to_string()).unwrap_or_default())
                })
                on_change=Callback::new(move |value: String| {
                    state.set_filter(|f| f.priority = Priority::parse(&value));
                })
            />
            {phase}
            <Show when=move || !filter.with(GapFilter::is_empty)>
                <button
                    class="button gap-filters-clear"
                    on:click=move |_| {
                        if let Some(pending) = typing.get_value() {
                            pending.clear();
                        }
                        state.set_filter(|f| *f = GapFilter::default());
                    }
                >
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}

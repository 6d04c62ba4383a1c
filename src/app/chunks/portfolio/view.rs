//! What the parts of the Portfolio screen share: the entries read from
//! the index, the view state (filter, sort, category mappings) and the
//! portfolio the core makes of them; and the "Show all" of its long parts.

use leptos::prelude::*;

use crate::core::numbers::portfolio::{CategoryMapping, Column, Filter, Portfolio, PortfolioEntry};

/// The screen's state, handed to each part.
#[derive(Clone, Copy)]
pub(super) struct View {
    pub entries: StoredValue<Vec<PortfolioEntry>>,
    pub filter: RwSignal<Filter>,
    /// The column the table is sorted by and whether descending; `None`: the library's order.
    pub sort: RwSignal<Option<(Column, bool)>>,
    pub mappings: RwSignal<Vec<CategoryMapping>>,
    pub portfolio: Memo<Portfolio>,
    /// Whether the heat map draws every system, not the first ones only.
    pub all_systems: RwSignal<bool>,
    /// Whether every open blocker is listed, not the first ones only.
    pub all_blockers: RwSignal<bool>,
}

/// "Show all N …": shown while `all` is off and more than `first` of the
/// `count` things exist; a click turns `all` on.
#[component]
pub(super) fn ShowAll(
    all: RwSignal<bool>,
    #[prop(into)] count: Signal<usize>,
    first: usize,
    things: &'static str,
) -> impl IntoView {
    let more = move || !all.get() && count.get() > first;
    view! {
        <Show when=more>
            <button class="button no-print" on:click=move |_| all.set(true)>
                {move || format!("Show all {} {things}", count.get())}
            </button>
        </Show>
    }
}

//! The gaps table: its count, the bar of bulk changes, sortable headers,
//! one row per gap (see `rows`), and pages of [`PAGE`] rows with "Show
//! more".

use leptos::prelude::*;

use super::bulk::BulkBar;
use super::rows::{GapRow, Rows};
use super::state::{use_gaps, PAGE};
use crate::core::present::query::{Direction, GapColumn, GapSort};

/// The table, its count and pager, and the bulk bar.
#[component]
pub(super) fn GapTable() -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let rows = Rows::new();
    let total = Memo::new(move |_| editor.with(|a| a.gaps.len()));
    let matching_count = Memo::new(move |_| state.matching.with(Vec::len));
    let page = Memo::new(move |_| {
        let limit = state.limit.get();
        state.matching.with(|keys| keys[..limit.min(keys.len())].to_vec())
    });
    let shown_count = Memo::new(move |_| page.with(Vec::len));
    let filtered = Memo::new(move |_| !state.filter.with(|f| f.is_empty()));

    let count = move || {
        let (shown, matching, total) = (shown_count.get(), matching_count.get(), total.get());
        let gaps = |n: usize| if n == 1 { "1 gap".to_string() } else { format!("{n} gaps") };
        match (filtered.get(), shown < matching) {
            (false, false) => gaps(total),
            (false, true) => format!("Showing {shown} of {}", gaps(total)),
            (true, false) => format!("{matching} of {} match the filters", gaps(total)),
            (true, true) => format!("Showing {shown} of the {matching} gaps that match the filters ({total} in all)"),
        }
    };

    let all_shown_selected = Memo::new(move |_| {
        page.with(|keys| !keys.is_empty() && state.selected.with(|s| keys.iter().all(|k| s.contains(k))))
    });
    let select_all_shown = move |ev| {
        let checked = event_target_checked(&ev);
        let keys = page.get_untracked();
        state.selected.update(|selected| {
            for key in keys {
                if checked {
                    selected.insert(key);
                } else {
                    selected.remove(&key);
                }
            }
        });
    };

    view! {
        <p class="gap-count hint" role="status">
            {count}
        </p>
        <BulkBar />
        <Show
            when=move || { matching_count.get() > 0 }
            fallback=move || {
                view! {
                    <div class="empty">
                        <p>"No gaps match these filters."</p>
                        <button
                            class="button"
                            on:click=move |_| state.set_filter(|f| *f = Default::default())
                        >
                            "Clear filters"
                        </button>
                    </div>
                }
            }
        >
            <div class="gap-table-wrap">
                <table class="gap-table">
                    <caption class="visually-hidden">"Gaps of this assessment"</caption>
                    // Fixed column widths: the browser lays out a long table
                    // without measuring every cell, and a row's new text does
                    // not move the columns.
                    <colgroup>
                        <col class="gap-col-select" />
                        <col class="gap-col-title" />
                        <col class="gap-col-category" />
                        <col class="gap-col-status" />
                        <col class="gap-col-priority" />
                        <col class="gap-col-phase" />
                        <col class="gap-col-effort" />
                        <col class="gap-col-credit" />
                        <col class="gap-col-owner" />
                        <col class="gap-col-actions" />
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col" class="gap-select">
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || all_shown_selected.get()
                                        on:change=select_all_shown
                                    />
                                    <span class="visually-hidden">"Select all shown"</span>
                                </label>
                            </th>
                            <SortHeader column=GapColumn::Title label="Title" />
                            <SortHeader column=GapColumn::Category label="Category" />
                            <SortHeader column=GapColumn::Status label="Status" />
                            <SortHeader column=GapColumn::Priority label="Priority" />
                            <SortHeader column=GapColumn::Phase label="Phase" />
                            <SortHeader column=GapColumn::Effort label="Effort (person-days)" numeric=true />
                            <SortHeader column=GapColumn::Credit label="Credit" numeric=true />
                            <SortHeader column=GapColumn::Owner label="Owner" />
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || page.get() key=|key| key.clone() let:key>
                            <GapRow key rows />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { shown_count.get() < matching_count.get() }>
                <div class="gap-more">
                    <button class="button" on:click=move |_| state.limit.update(|l| *l += PAGE)>
                        "Show more"
                    </button>
                    <span class="hint">
                        {move || {
                            let rest = matching_count.get() - shown_count.get();
                            format!("{} more of {rest} not shown yet", rest.min(PAGE))
                        }}
                    </span>
                </div>
            </Show>
        </Show>
    }
}

/// A column header that sorts the table: ascending, then descending, then
/// back to the file's order.
#[component]
fn SortHeader(
    /// The column this header sorts by.
    column: GapColumn,
    /// The header's text.
    label: &'static str,
    /// Whether the column holds numbers (aligned right).
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let state = use_gaps();
    let direction = Memo::new(move |_| state.sort.get().filter(|s| s.column == column).map(|s| s.direction));
    let click = move |_| {
        let next = match direction.get_untracked() {
            None => Some(GapSort { column, direction: Direction::Ascending }),
            Some(Direction::Ascending) => Some(GapSort { column, direction: Direction::Descending }),
            Some(Direction::Descending) => None,
        };
        state.sort.set(next);
        state.limit.set(PAGE);
    };
    view! {
        <th
            scope="col"
            class:num=numeric
            aria-sort=move || {
                direction
                    .get()
                    .map(|d| match d {
                        Direction::Ascending => "ascending",
                        Direction::Descending => "descending",
                    })
            }
        >
            <button class="gap-sort" on:click=click>
                {label}
                <span class="gap-sort-mark" aria-hidden="true">
                    {move || match direction.get() {
                        None => "\u{2195}",
                        Some(Direction::Ascending) => "\u{25b2}",
                        Some(Direction::Descending) => "\u{25bc}",
                    }}
                </span>
            </button>
        </th>
    }
}

//! The portfolio's filter (tags and systems, as checkboxes; many systems
//! behind a disclosure) and its table,
//! sorted by clicking a column's header: a button, with the column's
//! `aria-sort` saying the order. Every cell is `Column::text`, as the
//! exports and `gapmap portfolio` write it.

use leptos::prelude::*;

use super::view::View;
use crate::app::route::{Route, Tab};
use crate::core::numbers::portfolio::{self, Column};

/// A group of checkboxes that choose words into the filter: its tags
/// (`tags`), or its systems.
#[component]
fn Choices(legend: &'static str, words: Vec<String>, view: View, tags: bool) -> impl IntoView {
    let filter = view.filter;
    view! {
        <fieldset class="portfolio-choices">
            <legend>{legend}</legend>
            {words
                .into_iter()
                .map(|word| {
                    let checked = {
                        let word = word.clone();
                        move || filter.with(|f| f.chose(tags, &word))
                    };
                    let toggle = {
                        let word = word.clone();
                        move |_| filter.update(|f| f.toggle(tags, &word))
                    };
                    view! {
                        <label>
                            <input type="checkbox" prop:checked=checked on:change=toggle />
                            {word}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Up to how many systems are offered as checkboxes at once; more are
/// offered in a disclosure whose checkboxes are made when it is opened.
const SYSTEMS_AT_ONCE: usize = 12;

/// The filter: the tags and the systems of every assessment.
#[component]
pub(super) fn Filters(view: View) -> impl IntoView {
    let (tags, systems) = view.portfolio.with_untracked(|p| (p.tags.clone(), p.systems.clone()));
    let systems = if systems.len() <= SYSTEMS_AT_ONCE {
        view! { <Choices legend="Systems" words=systems view tags=false /> }.into_any()
    } else {
        let opened = RwSignal::new(false);
        let count = systems.len();
        let systems = StoredValue::new(systems);
        let summary = move || match view.filter.with(|f| f.systems.len()) {
            0 => format!("Choose systems ({count} in all)"),
            chosen => format!("Choose systems ({count} in all, {chosen} chosen)"),
        };
        view! {
            <details class="portfolio-systems" on:toggle=move |_| opened.set(true)>
                <summary>{summary}</summary>
                {move || {
                    opened.get().then(|| view! { <Choices legend="Systems" words=systems.get_value() view tags=false /> })
                }}
            </details>
        }
            .into_any()
    };
    view! {
        <section class="portfolio-filters no-print" aria-label="Filter">
            {(!tags.is_empty()).then(|| view! { <Choices legend="Tags" words=tags view tags=true /> })}
            {systems}
        </section>
    }
}

/// The table, sortable by every column.
#[component]
pub(super) fn PortfolioTable(view: View) -> impl IntoView {
    let sort = view.sort;
    let rows = Memo::new(move |_| {
        let mut rows = view.portfolio.with(|p| p.rows.clone());
        if let Some((column, descending)) = sort.get() {
            portfolio::sort(&mut rows, column, descending);
        }
        rows
    });
    let header = move |column: Column| {
        let state = move || match sort.get() {
            Some((c, false)) if c == column => "ascending",
            Some((c, true)) if c == column => "descending",
            _ => "none",
        };
        // A first click puts the largest number, or the first word, first.
        let click = move |_| {
            sort.update(|s| {
                *s = Some(match *s {
                    Some((c, descending)) if c == column => (column, !descending),
                    _ => (column, column.is_numeric()),
                })
            })
        };
        let class = if column.is_numeric() { "number" } else { "" };
        view! {
            <th scope="col" aria-sort=state class=class>
                <button class="sort" on:click=click>
                    {column.label()}
                </button>
            </th>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="portfolio-table">
                // What is chosen is said in the caption, so that a printed
                // table says what it covers.
                <caption>
                    {move || {
                        let n = rows.with(Vec::len);
                        let chosen = view.filter.with(|f| {
                            let list = |what: &str, words: &[String]| {
                                (!words.is_empty()).then(|| format!(" \u{b7} {what}: {}", words.join(", ")))
                            };
                            list("tags", &f.tags).unwrap_or_default() + &list("systems", &f.systems).unwrap_or_default()
                        });
                        format!("{n} {}{chosen}", if n == 1 { "assessment" } else { "assessments" })
                    }}
                </caption>
                <thead>
                    <tr>{Column::ALL.into_iter().map(header).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|e| e.id.clone() let:entry>
                        <tr>
                            <th scope="row">
                                <a href=Route::Assessment { id: entry.id.clone(), tab: Tab::Overview }.href()>
                                    {Column::System.text(&entry)}
                                </a>
                            </th>
                            {Column::ALL[1..]
                                .iter()
                                .map(|&column| {
                                    let class = if column.is_numeric() { "number" } else { "" };
                                    view! { <td class=class>{column.text(&entry)}</td> }
                                })
                                .collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

//! The portfolio's lists: the totals (in the words of
//! `export::portfolio::totals_lines`), the weakest categories, every open
//! blocker, and the downloads of the CSV and the Markdown report (through
//! `files::download`, the app's one way out).

use leptos::prelude::*;

use super::view::{ShowAll, View};
use crate::app::files;
use crate::app::notices::Notices;
use crate::core::export::portfolio as export;
use crate::core::numbers::portfolio::{self, Portfolio};
use crate::core::present::display;

/// The totals of the chosen systems.
#[component]
pub(super) fn Totals(view: View) -> impl IntoView {
    let lines = move || view.portfolio.with(|p| export::totals_lines(&p.totals));
    view! {
        <section class="portfolio-section" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"Totals"</h2>
            <ul class="portfolio-totals">
                {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The categories that hold back most systems.
#[component]
pub(super) fn Weakest(view: View) -> impl IntoView {
    let rows = move || {
        view.portfolio.with(|p| {
            p.weakest
                .iter()
                .map(|w| {
                    view! {
                        <tr>
                            <th scope="row">{w.column.name.clone()}</th>
                            <td class="number">{w.held_back}</td>
                            <td class="number">{w.systems}</td>
                            <td class="number">{display::score(w.mean)}</td>
                            <td class="number">{display::score(w.lowest)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="portfolio-section" aria-labelledby="weakest-heading">
            <h2 id="weakest-heading">"Weakest categories"</h2>
            <p class="note">
                "A category holds a system back when the system is not ready and the category scores below its \
                 ready threshold or holds one of its blockers."
            </p>
            <table class="portfolio-weakest">
                <thead>
                    <tr>
                        <th scope="col">"Category"</th>
                        <th scope="col" class="number">"Systems held back"</th>
                        <th scope="col" class="number">"Systems with it"</th>
                        <th scope="col" class="number">"Mean score"</th>
                        <th scope="col" class="number">"Lowest"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// How many blockers show before "Show all".
const FIRST_BLOCKERS: usize = 50;

/// Every open blocker of the chosen systems.
#[component]
pub(super) fn Blockers(view: View) -> impl IntoView {
    // Hundreds of systems can have thousands of blockers: the first ones
    // show at once, the rest on asking (the exports always hold them all).
    let all = view.all_blockers;
    let count = Signal::derive(move || view.portfolio.with(|p| p.blockers.len()));
    let rows = move || {
        let shown = if all.get() { usize::MAX } else { FIRST_BLOCKERS };
        view.portfolio.with(|p| {
            p.blockers
                .iter()
                .take(shown)
                .map(|b| {
                    let or_dash = |t: &str| if t.is_empty() { "\u{2014}".to_string() } else { t.to_string() };
                    view! {
                        <tr>
                            <th scope="row">{b.system.clone()}</th>
                            <td>{b.blocker.id.clone()}</td>
                            <td>{b.blocker.title.clone()}</td>
                            <td>{b.blocker.priority.clone()}</td>
                            <td>{or_dash(&b.blocker.owner)}</td>
                            <td>{or_dash(b.blocker.phase.as_deref().unwrap_or(""))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="portfolio-section" aria-labelledby="blockers-heading">
            <h2 id="blockers-heading">"Open blockers"</h2>
            <Show
                when=move || view.portfolio.with(|p| !p.blockers.is_empty())
                fallback=|| view! { <p>"No blocker is open."</p> }
            >
                <table class="portfolio-blockers">
                    <thead>
                        <tr>
                            <th scope="col">"System"</th>
                            <th scope="col">"Gap"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Priority"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Phase"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <ShowAll all count first=FIRST_BLOCKERS things="blockers" />
            </Show>
        </section>
    }
}

/// "Download CSV" and "Download Markdown": the portfolio as chosen and sorted.
#[component]
pub(super) fn Downloads(view: View) -> impl IntoView {
    let notices = expect_context::<Notices>();
    // Made again from the entries in the table's order, so that every part
    // of the file (the heat map's rows too) follows that order.
    let chosen = move || {
        let mut entries = view.entries.get_value();
        if let Some((column, descending)) = view.sort.get_untracked() {
            portfolio::sort(&mut entries, column, descending);
        }
        Portfolio::of(&entries, &view.filter.get_untracked(), &view.mappings.get_untracked())
    };
    // The printed page holds every system and every blocker: they are
    // drawn first, and the print dialog opens once they are on the page.
    let print = move |_| {
        view.all_systems.set(true);
        view.all_blockers.set(true);
        set_timeout(
            move || {
                let _ = window().print();
            },
            std::time::Duration::from_millis(100),
        );
    };
    let save = move |name: &str, mime: &str, text: String| {
        if let Err(why) = files::download(name, mime, &text) {
            notices.error(format!("\u{201c}{name}\u{201d} was not downloaded."), vec![why]);
        }
    };
    view! {
        <section class="portfolio-downloads no-print" aria-label="Downloads">
            <button class="button" on:click=move |_| save("portfolio.csv", "text/csv", export::csv(&chosen()))>
                "Download CSV"
            </button>
            <button
                class="button"
                on:click=move |_| save("portfolio.md", "text/markdown", export::markdown(&chosen()))
            >
                "Download Markdown"
            </button>
            <button class="button" on:click=print>
                "Print"
            </button>
        </section>
    }
}

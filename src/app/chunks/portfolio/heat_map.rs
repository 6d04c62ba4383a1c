//! The heat map of systems × categories (`core::present::chart::heat_map`)
//! as inline SVG with a legend and its "Chart data" table, as the other
//! charts are shown (the first systems drawn, all on asking); then the
//! categories matched imperfectly, each with a choice of the column it
//! counts in, and the mappings made so far.

use leptos::prelude::*;

use super::view::{ShowAll, View};
use crate::core::numbers::portfolio::CategoryMapping;
use crate::core::present::chart::{self, Shape};

/// A coordinate with one decimal.
fn n(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

fn shape(shape: Shape) -> AnyView {
    match shape {
        Shape::Rect { x, y, width, height, class } => {
            view! { <rect x=n(x) y=n(y) width=n(width) height=n(height) class=class /> }.into_any()
        }
        Shape::Text { at, text, anchor, class } => {
            view! { <text x=n(at.x) y=n(at.y) text-anchor=anchor.as_str() class=class>{text}</text> }.into_any()
        }
        // The heat map draws rectangles and texts only.
        _ => ().into_any(),
    }
}

/// How many systems the heat map draws before "Show all".
const FIRST_SYSTEMS: usize = 25;

/// The heat map, its data and its mismatches.
#[component]
pub(super) fn HeatMapView(view: View) -> impl IntoView {
    // Hundreds of systems make thousands of shapes: the first ones are
    // drawn at once, the rest on asking (the data table holds them all).
    let all = view.all_systems;
    let chart = Memo::new(move |_| {
        let shown = if all.get() { usize::MAX } else { FIRST_SYSTEMS };
        view.portfolio.with(|p| chart::heat_map(&p.rows, &p.heat_map, shown))
    });
    let count = Signal::derive(move || view.portfolio.with(|p| p.rows.len()));
    let drawing = move || {
        let c = chart.get();
        view! {
            <svg
                role="img"
                aria-label=c.description.clone()
                viewBox=format!("0 0 {} {}", n(c.width), n(c.height))
                width=n(c.width)
                class="heat-map"
            >
                {c.shapes.into_iter().map(shape).collect_view()}
            </svg>
        }
    };
    // The table is made when first opened: hundreds of systems make
    // thousands of cells that a closed disclosure need not hold.
    let opened = RwSignal::new(false);
    let data = move || {
        let table = move || {
            opened.get().then(|| {
                let table = chart.with(|c| c.table.clone());
                view! {
                <table>
                    <thead>
                        <tr>{table.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {table
                            .rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let first = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{first}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                }
            })
        };
        view! {
            <details class="chart-data" on:toggle=move |_| opened.set(true)>
                <summary>"Chart data"</summary>
                {table}
            </details>
        }
    };
    let legend = move || {
        chart.with(|c| {
            c.legend
                .iter()
                .map(|l| {
                    view! {
                        <li>
                            <svg width="14" height="14" aria-hidden="true">
                                <rect width="14" height="14" class=l.class />
                            </svg>
                            {l.label.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="portfolio-section" aria-labelledby="heat-map-heading">
            <h2 id="heat-map-heading">"Categories by system"</h2>
            <figure class="chart">
                // Wide maps scroll sideways: the box takes the keyboard's focus to scroll.
                <div class="chart-scroll" tabindex="0" role="region" aria-label="Heat map (scrolls)">
                    {drawing}
                </div>
                <ShowAll all count first=FIRST_SYSTEMS things="systems" />
                <ul class="legend">{legend}</ul>
                {data}
            </figure>
            <Mismatches view />
        </section>
    }
}

/// The categories matched imperfectly, each with the column it may be
/// counted in, and the mappings made.
#[component]
fn Mismatches(view: View) -> impl IntoView {
    let mappings = view.mappings;
    let mismatches = move || view.portfolio.with(|p| (p.heat_map.mismatches.clone(), p.heat_map.columns.clone()));
    let list = move || {
        let (mismatches, columns) = mismatches();
        mismatches
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let chosen = RwSignal::new(m.column.id.clone());
                let label = format!("Count {}'s \u{201c}{}\u{201d} as", m.system, m.name);
                let id = format!("mapping-{i}");
                let from = m.id.clone();
                let map = move |_| {
                    let to = chosen.get_untracked();
                    let from = from.clone();
                    mappings.update(|list| {
                        list.retain(|x| x.from != from);
                        list.push(CategoryMapping { from, to });
                    });
                };
                view! {
                    <li>
                        <p>{m.text()}</p>
                        <label for=id.clone()>{label}</label>
                        " "
                        <select id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {columns
                                .iter()
                                .map(|c| {
                                    let selected = c.id == m.column.id;
                                    view! {
                                        <option value=c.id.clone() selected=selected>
                                            {format!("{} ({})", c.name, c.id)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        " "
                        <button class="button" on:click=map>
                            "Map"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let made = move || {
        mappings
            .get()
            .into_iter()
            .map(|m| {
                let from = m.from.clone();
                let remove = move |_| mappings.update(|list| list.retain(|x| x.from != from));
                view! {
                    <li>
                        {format!("{} counts as {}", m.from, m.to)} " "
                        <button class="button" on:click=remove>
                            {format!("Remove mapping of {}", m.from)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || view.portfolio.with(|p| !p.heat_map.mismatches.is_empty())>
            <h3>"Categories matched imperfectly"</h3>
            <ul class="portfolio-mismatches">{list}</ul>
        </Show>
        <Show when=move || mappings.with(|m| !m.is_empty())>
            <h3>"Category mappings"</h3>
            <ul class="portfolio-mappings">{made}</ul>
        </Show>
    }
}

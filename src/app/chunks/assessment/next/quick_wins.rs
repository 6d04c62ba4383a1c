//! The quick wins: the open gaps in the core's order (most gain per
//! person-day first), as an accessible table, and the gaps whose effort is
//! not stated apart, since their gain per day cannot be known. The filters
//! sit above them and the disclosure that works out one gain below.

use leptos::prelude::*;

use super::explain_gain::ExplainGain;
use super::filters::Filters;
use super::gap_link::GapLink;
use super::state::use_next;
use crate::app::chunks::assessment::editor::Editor;
use crate::app::chunks::fields::keyword_label;
use crate::core::numbers::next::GainSummary;
use crate::core::present::display;

/// The quick wins and the gaps of unknown effort, filtered.
#[component]
pub(super) fn QuickWins() -> impl IntoView {
    let state = use_next();
    let editor = state.editor;
    // The gains the filters let through, in the core's order, split by
    // whether their effort is known.
    let shown = Memo::new(move |_| {
        state.matching.with(|matching| {
            state.summary.with(|s| {
                s.gains
                    .iter()
                    .filter(|g| matching.contains(&g.index))
                    .cloned()
                    .partition::<Vec<GainSummary>, _>(|g| g.effort_days.is_some())
            })
        })
    });
    let any_open = move || state.summary.with(|s| !s.gains.is_empty());
    let known = Signal::derive(move || shown.with(|(known, _)| known.clone()));
    let unknown = Signal::derive(move || shown.with(|(_, unknown)| unknown.clone()));
    view! {
        <section class="card quick-wins" aria-labelledby="quick-wins-heading">
            <h2 id="quick-wins-heading">"Quick wins"</h2>
            <Show when=any_open fallback=|| view! { <p class="empty">"No gap is open: nothing to gain."</p> }>
                <Filters />
                <Show
                    when=move || shown.with(|(known, unknown)| !known.is_empty() || !unknown.is_empty())
                    fallback=|| view! { <p class="empty">"No open gap matches the filters."</p> }
                >
                    <Show when=move || known.with(|k| !k.is_empty())>
                        <GainTable
                            editor
                            caption="Quick wins: open gaps by gain per person-day, most first"
                            gains=known
                        />
                    </Show>
                    <Show when=move || unknown.with(|u| !u.is_empty())>
                        <h3>"Effort unknown"</h3>
                        <p class="hint">"These gaps state no effort: their gain per day cannot be known."</p>
                        <GainTable editor caption="Effort unknown: open gaps by gain, most first" gains=unknown />
                    </Show>
                </Show>
                <ExplainGain />
            </Show>
        </section>
    }
}

/// One table of gains, a row each.
#[component]
fn GainTable(editor: Editor, caption: &'static str, #[prop(into)] gains: Signal<Vec<GainSummary>>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="next-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Gap"</th>
                        <th scope="col" class="num">"Gain (points)"</th>
                        <th scope="col" class="num">"Overall after"</th>
                        <th scope="col" class="num">"Effort (person-days)"</th>
                        <th scope="col" class="num">"Gain per day"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Phase"</th>
                        <th scope="col">"Owner"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || gains.get().into_iter().map(|gain| view! { <GainRow editor gain /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One open gap's row: what closing it alone buys, and what it costs.
#[component]
fn GainRow(editor: Editor, gain: GainSummary) -> impl IntoView {
    let or_dash = |text: &str| if text.trim().is_empty() { "—".to_string() } else { text.to_string() };
    view! {
        <tr>
            <th scope="row">
                <GapLink editor index=gain.index />
                <span class="gap-id">{gain.id.clone()}</span>
            </th>
            <td class="num">{format!("+{}", display::decimals(gain.gain, 2))}</td>
            <td class="num">{display::score(gain.overall_after)}</td>
            <td class="num">{gain.effort_days.map_or_else(|| "not stated".to_string(), |e| display::range(e.min, e.max))}</td>
            <td class="num">{gain.gain_per_day.map_or_else(|| "—".to_string(), |p| display::decimals(p, 3))}</td>
            <td>
                {gain.category.clone()}
                {gain.hand_scored.then(|| view! { " " <span class="pill pill-neutral">"scored by hand"</span> })}
            </td>
            <td>{keyword_label(gain.priority)}</td>
            <td>{or_dash(gain.phase.as_deref().unwrap_or_default())}</td>
            <td>{or_dash(&gain.owner)}</td>
        </tr>
    }
}

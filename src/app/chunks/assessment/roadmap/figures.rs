//! What the core computes for one phase, as the Roadmap card shows it: its
//! weeks, labor cost, capacity against demand, load and the score after
//! it, with the terms that explain them (`phase_terms`).
//!
//! Every number comes from `editor.summary` ([`PhaseSummary`]).

use leptos::prelude::*;

use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::assessment::figures::{bounds, load_pill, money_or_unknown, use_currency};
use crate::app::chunks::assessment::phase_terms::{CapacityTerms, DemandTerms, LaborTerms};
use crate::core::numbers::summary::PhaseSummary;
use crate::core::present::display::score;

/// The numbers of one phase, computed live, with their explanation.
#[component]
pub(super) fn PhaseFigures(
    /// The phase's summary; `None` while the phase is being removed.
    summary: Memo<Option<PhaseSummary>>,
) -> impl IntoView {
    let currency = use_currency();
    let get = move |f: fn(&PhaseSummary, &str) -> String| {
        move || summary.with(|s| s.as_ref().map(|s| currency.with(|c| f(s, c)))).unwrap_or_default()
    };
    let load = move || summary.with(|s| s.as_ref().map(|s| load_pill(s.load)));
    view! {
        <dl class="phase-figures">
            <div>
                <dt>"Weeks"</dt>
                <dd class="num">{get(|s, _| format!("{} to {}", bounds(s.start_week), bounds(s.end_week)))}</dd>
            </div>
            <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| s.dates.is_some()))>
                <div>
                    <dt>"Dates"</dt>
                    <dd class="num" data-testid="phase-dates">
                        {get(|s, _| s.dates.as_ref().map(|d| d.describe()).unwrap_or_default())}
                    </dd>
                </div>
            </Show>
            <div>
                <dt>"Labor"</dt>
                <dd class="num">{get(|s, c| money_or_unknown(s.labor, &s.unknown_rates, c))}</dd>
            </div>
            <div>
                <dt>"Capacity"</dt>
                <dd class="num">{get(|s, _| format!("{} person-days", bounds(s.capacity_days)))}</dd>
            </div>
            <div>
                <dt>"Demand"</dt>
                <dd class="num">{get(|s, _| format!("{} person-days", bounds(s.demand_days)))}</dd>
            </div>
            <div>
                <dt>"Load"</dt>
                <dd>
                    {move || load().map(|(class, word)| view! { <span class=class>{word}</span> })}
                </dd>
            </div>
            <div>
                <dt>"Score after it"</dt>
                <dd class="num">{get(|s, _| score(s.projected_overall))}</dd>
            </div>
        </dl>
        <Explain label="each figure">
            <LaborTerms summary />
            <CapacityTerms summary />
            <DemandTerms summary />
        </Explain>
    }
}

//! What the core computes for one phase, as the Roadmap card shows it: its
//! weeks, labor cost, capacity against demand, load and the score after
//! it, with the terms that explain them (`phase_terms`); and the cost its
//! document states beside the computed one. Labor unknown for want of
//! rates links to where they are entered.
//!
//! Every number comes from `editor.summary` ([`PhaseSummary`]).

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::assessment::figures::{bounds, load_pill, use_currency};
use crate::app::chunks::assessment::phase_terms::{CapacityTerms, DemandTerms, LaborTerms};
use crate::app::chunks::assessment::rate_link::{money_linked, stated_linked};
use crate::core::numbers::summary::PhaseSummary;
use crate::core::present::display::score;

/// The numbers of one phase, computed live, with their explanation.
#[component]
pub(super) fn PhaseFigures(
    /// The phase's summary; `None` while the phase is being removed.
    summary: Memo<Option<PhaseSummary>>,
) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let labor = move || {
        summary.with(|s| s.as_ref().map(|s| currency.with(|c| money_linked(editor, s.labor, &s.unknown_rates, c))))
    };
    // The cost the document states, against the phase's total.
    let stated = move || {
        summary.with(|s| {
            let s = s.as_ref()?;
            let stated = s.stated_cost?;
            let text = currency.with(|c| stated_linked(editor, stated, s.total, &s.unknown_rates, c));
            Some(view! {
                <div>
                    <dt>"Stated cost"</dt>
                    <dd>{text}</dd>
                </div>
            })
        })
    };
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
                <dd class="num">{labor}</dd>
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
            {stated}
        </dl>
        <Explain label="each figure">
            <LaborTerms summary />
            <CapacityTerms summary />
            <DemandTerms summary />
        </Explain>
    }
}

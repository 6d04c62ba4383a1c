//! The cost of each phase (labor, one-off, annual), with its terms, and
//! of all of them; under a phase whose document states its cost, the
//! stated cost beside the computed total. Labor unknown for want of rates
//! links to where they are entered.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::assessment::figures::{money_or_unknown, use_currency};
use crate::app::chunks::assessment::links::tab_href;
use crate::app::chunks::assessment::phase_terms::{CostLineTerms, LaborTerms};
use crate::app::chunks::assessment::rate_link::{money_linked, stated_linked};
use crate::app::route::Tab;
use crate::core::edit::{self, Key};
use crate::core::model::CostKind;
use crate::core::numbers::summary::{Bounds, PhaseSummary};
use crate::core::present::display::money;

/// The cost of each phase, and of all of them.
#[component]
pub(super) fn PhaseCosts() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let phases = Memo::new(move |_| editor.with(|a| edit::keys(a.phases.iter().map(|p| p.id.as_str()))));
    let totals = Memo::new(move |_| {
        editor.summary.with(|s| (s.labor, s.one_off, s.annual, s.total, s.labor_unknown_rates.clone()))
    });
    view! {
        <section class="section" aria-labelledby="phase-costs-heading">
            <h2 id="phase-costs-heading">"Cost by phase"</h2>
            <Show
                when=move || !phases.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <p class="empty">
                            "No phases yet: plan them on the "
                            <a href=move || tab_href(editor, Tab::Roadmap)>"Roadmap tab"</a> "."
                        </p>
                    }
                }
            >
                <table class="phase-costs-table">
                    <thead>
                        <tr>
                            <th scope="col">"Phase"</th>
                            <th scope="col" class="num">"Labor"</th>
                            <th scope="col" class="num">"One-off"</th>
                            <th scope="col" class="num">"Annual"</th>
                            <th scope="col" class="num">"Total"</th>
                            <th scope="col">"How it is computed"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || phases.get() key=|k| k.clone() let:phase>
                            <PhaseCostRow phase />
                        </For>
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"All phases"</th>
                            <td class="num">{move || currency.with(|c| totals.with(|t| money_linked(editor, t.0, &t.4, c)))}</td>
                            <td class="num">{move || currency.with(|c| money(totals.get().1, c))}</td>
                            <td class="num">{move || currency.with(|c| money(totals.get().2, c))}</td>
                            <td class="num">{move || currency.with(|c| totals.with(|t| money_linked(editor, t.3, &t.4, c)))}</td>
                            <td class="hint-cell">"Sums of the rows; see Totals below."</td>
                        </tr>
                    </tfoot>
                </table>
                <p class="hint">"Total is labor plus one-off costs. Annual costs are paid every year from their phase on."</p>
            </Show>
        </section>
    }
}

/// One phase's costs, with their terms.
#[component]
fn PhaseCostRow(phase: Key) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let summary = Memo::new(move |_| {
        let i = editor.with(|a| edit::phase_position(a, &phase))?;
        editor.summary.with(|s| s.phases.get(i).cloned())
    });
    let show = move |f: fn(&PhaseSummary, &str) -> String| {
        move || summary.with(|s| s.as_ref().map(|s| currency.with(|c| f(s, c)))).unwrap_or_default()
    };
    // The same, with "unknown — no rate for …" a link to the rates.
    let linked = move |f: fn(&PhaseSummary) -> Option<Bounds>| {
        move || summary.with(|s| s.as_ref().map(|s| currency.with(|c| money_linked(editor, f(s), &s.unknown_rates, c))))
    };
    // The cost the document states, beside the computed total, on a line of its own.
    let stated = move || {
        summary.with(|s| {
            let s = s.as_ref()?;
            let stated = s.stated_cost?;
            let text = currency.with(|c| stated_linked(editor, stated, s.total, &s.unknown_rates, c));
            Some(view! {
                <tr class="stated-row">
                    <td></td>
                    <td colspan="5" class="total-note">{text}</td>
                </tr>
            })
        })
    };
    view! {
        <tr>
            <th scope="row">{show(|s, _| if s.name.trim().is_empty() { "Untitled phase".into() } else { s.name.clone() })}</th>
            <td class="num">{linked(|s| s.labor)}</td>
            <td class="num">{show(|s, c| money(s.one_off, c))}</td>
            <td class="num">{show(|s, c| money(s.annual, c))}</td>
            <td class="num">{linked(|s| s.total)}</td>
            <td>
                <Explain label="this phase's cost">
                    <LaborTerms summary />
                    <CostLineTerms summary kind=CostKind::OneOff />
                    <CostLineTerms summary kind=CostKind::Annual />
                    <p>
                        "Total = labor " {show(|s, c| money_or_unknown(s.labor, &s.unknown_rates, c))} " + one-off "
                        {show(|s, c| money(s.one_off, c))} " = "
                        <strong>{show(|s, c| money_or_unknown(s.total, &s.unknown_rates, c))}</strong>
                        "."
                    </p>
                </Explain>
            </td>
        </tr>
        {stated}
    }
}

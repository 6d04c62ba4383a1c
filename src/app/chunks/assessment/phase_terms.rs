//! The terms that explain a phase's figures: its labor (each team line's
//! FTE × weekly rate × weeks), capacity, demand (the open gaps' effort) and
//! other costs. The Roadmap card shows them all; the Costs tab shows the
//! labor and cost lines again beside each phase's cost.
//!
//! Every number comes from `editor.summary` ([`PhaseSummary`]); the only
//! other figures shown are the inputs themselves (a role's name, a gap's
//! effort in person-days from the core's own rule).

use leptos::prelude::*;

use super::editor::use_editor;
use super::figures::{bounds, load_pill, money_or_unknown, typed_bounds, use_currency};
use crate::core::model::CostKind;
use crate::core::numbers::summary::PhaseSummary;
use crate::core::present::display::{money, number, range};
use crate::core::present::query::gap_figures;

/// How many gaps the demand explanation lists before it sums up the rest.
const DEMAND_TERMS_SHOWN: usize = 30;

/// The terms of a phase's labor cost: each team line's FTE × weekly rate × weeks.
#[component]
pub(super) fn LaborTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    move || {
        let Some(s) = summary.get() else { return ().into_any() };
        let c = currency.get();
        if s.team.is_empty() {
            return view! { <p>"Labor: the phase has no team, so its labor costs nothing."</p> }.into_any();
        }
        let weeks = typed_bounds(s.weeks);
        let rows = s
            .team
            .iter()
            .map(|t| {
                let role = editor.with_untracked(|a| a.role(&t.role).map(|r| r.name.clone()));
                let role = role.unwrap_or_else(|| format!("Unknown role \u{201c}{}\u{201d}", t.role));
                view! {
                    <tr>
                        <th scope="row">{role}</th>
                        <td class="num">{typed_bounds(t.fte)}</td>
                        <td class="num">{t.weekly_rate.map_or_else(|| "unknown".to_string(), |r| money(r, &c))}</td>
                        <td class="num">{weeks.clone()}</td>
                        <td class="num">{money_or_unknown(t.labor, &[], &c)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="terms">
                <caption>"Labor = FTE × weekly rate × weeks, for each team line"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Role"</th>
                        <th scope="col" class="num">"FTE"</th>
                        <th scope="col" class="num">"Weekly rate"</th>
                        <th scope="col" class="num">"Weeks"</th>
                        <th scope="col" class="num">"Labor"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">
                            "Labor of the phase"
                        </th>
                        <td class="num">{money_or_unknown(s.labor, &s.unknown_rates, &c)}</td>
                    </tr>
                </tfoot>
            </table>
        }
        .into_any()
    }
}

/// The terms of a phase's capacity: team size × weeks × days per week.
#[component]
pub(super) fn CapacityTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
    let editor = use_editor();
    let days_per_week = Memo::new(move |_| editor.with(|a| a.settings.days_per_week));
    move || {
        summary.get().map(|s| {
            view! {
                <p>
                    "Capacity = team size " {typed_bounds(s.fte)} " FTE × " {typed_bounds(s.weeks)} " weeks × "
                    {number(days_per_week.get())} " days per week = " <strong>{bounds(s.capacity_days)}</strong>
                    " person-days."
                </p>
            }
        })
    }
}

/// The terms of a phase's demand: the effort of its open gaps; and what the load means.
#[component]
pub(super) fn DemandTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
    let editor = use_editor();
    move || {
        let s = summary.get()?;
        // (title, effort in person-days) of each open gap of the phase.
        let terms: Vec<(String, Option<(f64, f64)>)> = editor.with(|a| {
            a.gaps
                .iter()
                .filter(|g| g.status.is_open() && g.phase.as_deref() == Some(s.id.as_str()))
                .map(|g| (g.title.clone(), gap_figures(g, &a.settings).effort_days))
                .collect()
        });
        let more = terms.len().saturating_sub(DEMAND_TERMS_SHOWN);
        let items = terms
            .into_iter()
            .take(DEMAND_TERMS_SHOWN)
            .map(|(title, days)| {
                let days = days.map_or_else(
                    || "no estimate (counts as 0)".to_string(),
                    |(min, max)| format!("{} person-days", range(min, max)),
                );
                view! { <li>{title} ": " {days}</li> }
            })
            .collect_view();
        let (class, word) = load_pill(s.load);
        Some(view! {
            <p>
                "Demand = the effort of the open (missing or partial) gaps assigned to the phase = "
                <strong>{bounds(s.demand_days)}</strong> " person-days."
            </p>
            <ul class="terms-list">
                {items}
                {(more > 0).then(|| view! { <li>{format!("… and {more} more open gaps")}</li> })}
            </ul>
            <p>
                "Load: " <span class=class>{word}</span>
                ". OK when even the highest demand fits the lowest capacity; over capacity when even the lowest demand exceeds the highest capacity; at risk in between."
            </p>
        })
    }
}

/// The terms of a phase's other costs: its one-off and annual lines.
#[component]
pub(super) fn CostLineTerms(
    /// The phase's summary.
    summary: Memo<Option<PhaseSummary>>,
    /// Which lines to list.
    kind: CostKind,
) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    move || {
        let s = summary.get()?;
        let c = currency.get();
        let lines: Vec<(String, f64)> = editor.with(|a| {
            a.phase(&s.id)
                .map(|p| {
                    p.costs
                        .iter()
                        .filter(|cost| cost.kind == kind)
                        .map(|cost| (cost.name.clone(), cost.amount))
                        .collect()
                })
                .unwrap_or_default()
        });
        let (what, sum) = match kind {
            CostKind::OneOff => ("One-off costs", s.one_off),
            CostKind::Annual => ("Annual costs", s.annual),
        };
        if lines.is_empty() {
            return Some(view! { <p>{what} ": none."</p> }.into_any());
        }
        let items =
            lines.into_iter().map(|(name, amount)| view! { <li>{name} ": " {money(amount, &c)}</li> }).collect_view();
        Some(
            view! {
                <p>{what} " = the sum of its lines = " <strong>{money(sum, &c)}</strong> ":"</p>
                <ul class="terms-list">{items}</ul>
            }
            .into_any(),
        )
    }
}

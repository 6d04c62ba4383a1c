//! What the core computes for one phase, as the Roadmap card shows it (its
//! weeks, labor cost, capacity against demand, load and the score after it),
//! and the terms that explain those numbers. The Costs tab reuses the terms.
//!
//! Every number comes from `editor.summary` ([`PhaseSummary`]); the only
//! other figures shown are the inputs themselves (a role's name, a gap's
//! effort in person-days from the core's own rule).

use leptos::prelude::*;

use crate::app::editor::use_editor;
use crate::app::widgets::explain::Explain;
use crate::core::cost::Load;
use crate::core::display::{money, money_range, number, range, score};
use crate::core::model::CostKind;
use crate::core::query::gap_figures;
use crate::core::summary::{Bounds, PhaseSummary};

/// How many gaps the demand explanation lists before it sums up the rest.
const DEMAND_TERMS_SHOWN: usize = 30;

/// A range of numbers as shown.
pub fn bounds(b: Bounds) -> String {
    range(b.min, b.max)
}

/// A range of inputs such as FTEs or weeks, with the decimals they were
/// typed with (the core keeps two): `0.25–0.5`, where [`bounds`] would
/// show the one decimal of computed figures.
pub fn typed_bounds(b: Bounds) -> String {
    if b.min == b.max {
        b.min.to_string()
    } else {
        format!("{}–{}", b.min, b.max)
    }
}

/// A range of money as shown.
pub fn money_bounds(b: Bounds, currency: &str) -> String {
    money_range(b.min, b.max, currency)
}

/// A range of money that needs weekly rates, or why it is unknown
/// ("unknown — no rate for …", naming the roles in `missing`).
pub fn money_or_unknown(b: Option<Bounds>, missing: &[String], currency: &str) -> String {
    crate::core::display::money_or_unknown(b, missing, currency)
}

/// The pill class and word of a load: the word always comes with the colour.
pub fn load_pill(load: Load) -> (&'static str, &'static str) {
    let class = match load {
        Load::Ok => "pill pill-ok",
        Load::AtRisk => "pill pill-warn",
        Load::Over => "pill pill-danger",
    };
    (class, load.label())
}

/// The open assessment's currency code, tracked.
pub fn use_currency() -> Memo<String> {
    let editor = use_editor();
    Memo::new(move |_| editor.with(|a| a.currency.clone()))
}

/// The numbers of one phase, computed live, with their explanation.
#[component]
pub fn PhaseFigures(
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

/// The terms of a phase's labor cost: each team line's FTE × weekly rate × weeks.
#[component]
pub fn LaborTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
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
pub fn CapacityTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
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
pub fn DemandTerms(summary: Memo<Option<PhaseSummary>>) -> impl IntoView {
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
pub fn CostLineTerms(
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

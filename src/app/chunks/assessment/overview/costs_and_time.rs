//! What the roadmap costs and buys: remaining effort, costs, run-rate,
//! bottom-up estimate and duration, and each phase's cost, load and the
//! score after it. Labor and total unknown for want of rates link to where
//! they are entered; the total the document states is shown beside the
//! computed one, as the stated overall score is.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::assessment::figures::{money_bounds, money_or_unknown};
use crate::app::chunks::assessment::rate_link::{incomplete_total, money_linked, stated_linked};
use crate::core::present::display::{self, money};

/// The open assessment's currency, tracked.
fn currency() -> Signal<String> {
    let editor = use_editor();
    Signal::derive(move || editor.with(|a| a.currency.clone()))
}

/// Remaining effort, costs, run-rate, bottom-up estimate and duration.
#[component]
pub(super) fn CostsAndTime() -> impl IntoView {
    let editor = use_editor();
    let summary = editor.summary;
    let currency = currency();
    let figure = move |label: &'static str, value: Signal<String>, explain: &'static str| {
        view! {
            <div class="figure">
                <dt>{label}</dt>
                <dd>{move || value.get()}</dd>
                <dd class="figure-explain">
                    <Explain label=label.to_lowercase()>
                        <p>{explain}</p>
                    </Explain>
                </dd>
            </div>
        }
    };
    let text = move |f: fn(&crate::core::Summary, &str) -> String| {
        Signal::derive(move || summary.with(|s| f(s, &currency.get())))
    };
    // Labor and total, with "unknown — no rate for …" a link to the rates.
    let linked = move |f: fn(&crate::core::Summary) -> Option<crate::core::numbers::summary::Bounds>| {
        move || summary.with(|s| money_linked(editor, f(s), &s.labor_unknown_rates, &currency.get()))
    };
    // What the document states the roadmap costs; and, while labor is
    // unknown, that the total is incomplete.
    let total_notes = move || {
        summary.with(|s| {
            let c = currency.get();
            let stated = s.stated_total.map(|stated| {
                view! { <dd class="figure-explain">{stated_linked(editor, stated, s.total, &s.labor_unknown_rates, &c)}</dd> }
            });
            let incomplete = s.total.is_none().then(|| {
                view! {
                    <dd class="figure-explain">
                        {incomplete_total(s.one_off, &c)}
                    </dd>
                }
            });
            view! {
                {incomplete}
                {stated}
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="costs-heading">
            <h2 id="costs-heading">"Effort, cost and time"</h2>
            <dl class="figures">
                {figure(
                    "Remaining effort",
                    text(|s, _| format!("{} person-days", display::range(s.effort_days.min, s.effort_days.max))),
                    "The effort of every missing or partial gap, in person-days: hours ÷ hours per day, weeks × days per week.",
                )}
                <div class="figure">
                    <dt>"Labor"</dt>
                    <dd>{linked(|s| s.labor)}</dd>
                    <dd class="figure-explain">
                        <Explain label="labor">
                            <p>
                                "Σ over phases and team lines of FTE × weekly rate × duration in weeks (minima together, maxima together)."
                            </p>
                        </Explain>
                    </dd>
                </div>
                {figure("One-off costs", text(|s, c| money(s.one_off, c)), "Σ of the phases' one-off costs.")}
                <div class="figure">
                    <dt>"Total"</dt>
                    <dd>{linked(|s| s.total)}</dd>
                    {total_notes}
                    <dd class="figure-explain">
                        <Explain label="total">
                            <p>"Labor plus one-off costs."</p>
                        </Explain>
                    </dd>
                </div>
                {figure(
                    "Annual run-rate",
                    text(|s, c| money(s.annual, c)),
                    "Σ of the phases' annual costs: what the system costs more per year once the roadmap is done.",
                )}
                {figure(
                    "Bottom-up estimate",
                    text(|s, c| match (s.bottom_up, s.daily_rate) {
                        (Some(b), Some(rate)) => format!("{} (at {} a day)", money_bounds(b, c), money(rate, c)),
                        _ => money_or_unknown(None, &s.bottom_up_unknown_rates, c),
                    }),
                    "Remaining effort × daily rate: the blended daily rate from Settings, or the mean of the roles' weekly rates ÷ days per week.",
                )}
                {figure(
                    "Roadmap duration",
                    text(|s, _| format!("{} weeks", display::range(s.duration_weeks.min, s.duration_weeks.max))),
                    "From week 0 to the latest end of any phase; a phase starts at its start week, or when the previous one ends.",
                )}
            </dl>
        </section>
    }
}

/// Each phase's cost, load and the score it buys.
#[component]
pub(super) fn PhaseEffects() -> impl IntoView {
    let editor = use_editor();
    let summary = editor.summary;
    let currency = currency();
    view! {
        <section class="card" aria-labelledby="phases-heading">
            <h2 id="phases-heading">"Roadmap"</h2>
            <Show
                when=move || summary.with(|s| !s.phases.is_empty())
                fallback=|| view! { <p class="empty">"No phases yet: plan them in the Roadmap tab."</p> }
            >
                <table class="phase-table">
                    <thead>
                        <tr>
                            <th scope="col">"Phase"</th>
                            <th scope="col" class="num">"Weeks"</th>
                            <th scope="col" class="num">"Labor"</th>
                            <th scope="col" class="num">"Capacity (days)"</th>
                            <th scope="col" class="num">"Demand (days)"</th>
                            <th scope="col">"Load"</th>
                            <th scope="col" class="num">"Score after"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let currency = currency.get();
                            summary
                                .with(|s| {
                                    s.phases
                                        .iter()
                                        .map(|p| {
                                            let load_class = match p.load {
                                                crate::core::numbers::cost::Load::Ok => "pill pill-ok",
                                                crate::core::numbers::cost::Load::AtRisk => "pill pill-warn",
                                                crate::core::numbers::cost::Load::Over => "pill pill-danger",
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row">{p.name.clone()}</th>
                                                    <td class="num">
                                                        {format!(
                                                            "{} → {}",
                                                            display::range(p.start_week.min, p.start_week.max),
                                                            display::range(p.end_week.min, p.end_week.max),
                                                        )}
                                                        {p.dates.as_ref().map(|d| view! { <br /><span class="hint">{d.describe()}</span> })}
                                                    </td>
                                                    <td class="num">{money_or_unknown(p.labor, &p.unknown_rates, &currency)}</td>
                                                    <td class="num">
                                                        {display::range(p.capacity_days.min, p.capacity_days.max)}
                                                    </td>
                                                    <td class="num">
                                                        {display::range(p.demand_days.min, p.demand_days.max)}
                                                    </td>
                                                    <td>
                                                        <span class=load_class>{p.load.label()}</span>
                                                    </td>
                                                    <td class="num">{display::score(p.projected_overall)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                </table>
                <Explain label="the roadmap">
                    <p>
                        "Capacity = Σ FTE × weeks × days per week. Demand = the remaining effort of the gaps assigned to the phase. "
                        "Load is over capacity when even the smallest demand exceeds the largest capacity, at risk when the largest demand exceeds the smallest capacity, else OK. "
                        "Score after = the overall score if every scored gap of this phase and the ones before it were done."
                    </p>
                </Explain>
            </Show>
        </section>
    }
}

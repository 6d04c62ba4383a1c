//! The roadmap's totals (labor, one-off, total, annual run-rate, the
//! bottom-up estimate with the daily rate it used, remaining effort and
//! duration), each with its terms. Labor and total unknown for want of
//! rates link to where they are entered, and the total says it is
//! incomplete; the total the document states is shown beside it.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::assessment::figures::{bounds, money_or_unknown, use_currency};
use crate::app::chunks::assessment::links::tab_href;
use crate::app::chunks::assessment::rate_link::{incomplete_total, money_linked, stated_linked};
use crate::app::route::Tab;
use crate::core::numbers::summary::{Bounds, PhaseSummary};
use crate::core::present::display::{self, money, number, range};
use crate::core::present::query::gap_figures;

/// How many open gaps the explanation of the remaining effort lists.
const EFFORT_TERMS_SHOWN: usize = 20;

/// The roadmap's totals, each with its terms.
#[component]
pub(super) fn Totals() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let s = editor.summary;
    // Labor and total lack the rates labor lacks; the bottom-up estimate
    // those its daily rate lacks.
    let money_of = move |f: fn(&crate::core::Summary) -> (Option<Bounds>, &[String])| {
        move || {
            currency.with(|c| {
                s.with(|s| {
                    let (b, missing) = f(s);
                    money_or_unknown(b, missing, c)
                })
            })
        }
    };
    // The same, with "unknown — no rate for …" a link to the rates.
    let linked_of = move |f: fn(&crate::core::Summary) -> (Option<Bounds>, &[String])| {
        move || {
            currency.with(|c| {
                s.with(|s| {
                    let (b, missing) = f(s);
                    money_linked(editor, b, missing, c)
                })
            })
        }
    };
    // What the document states the roadmap costs, beside the total.
    let stated_total = move || {
        currency.with(|c| {
            s.with(|s| {
                s.stated_total.map(|stated| {
                    view! {
                        <p class="total-note">{stated_linked(editor, stated, s.total, &s.labor_unknown_rates, c)}</p>
                    }
                })
            })
        })
    };
    // A total without its labor is incomplete: say which part is known.
    let incomplete = move || currency.with(|c| s.with(|s| s.total.is_none().then(|| incomplete_total(s.one_off, c))));
    let amount_of = move |f: fn(&crate::core::Summary) -> f64| move || currency.with(|c| s.with(|s| money(f(s), c)));
    // (phase name, figure) for each phase, for the explanations.
    let per_phase = move |f: fn(&PhaseSummary, &str) -> String| {
        move || {
            let rows =
                currency.with(|c| s.with(|s| s.phases.iter().map(|p| (p.name.clone(), f(p, c))).collect::<Vec<_>>()));
            if rows.is_empty() {
                return view! { <p>"There are no phases."</p> }.into_any();
            }
            view! {
                <ul class="terms-list">
                    {rows.into_iter().map(|(name, figure)| view! { <li>{name} ": " {figure}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let settings = Memo::new(move |_| editor.with(|a| (a.settings.hours_per_day, a.settings.days_per_week)));
    let daily_rate = move || {
        s.with(|s| {
            currency.with(|c| {
                let source = if s.daily_rate_is_blended {
                    "the blended daily rate from Settings"
                } else {
                    "the mean of the roles' weekly rates ÷ days per week"
                };
                match s.daily_rate {
                    Some(rate) => format!("at {} per person-day, {source}", money(rate, c)),
                    None => format!("at a daily rate that is {}", display::unknown_rates(&s.bottom_up_unknown_rates)),
                }
            })
        })
    };

    view! {
        <section class="section" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"Totals"</h2>
            <div class="totals-grid">
                <div class="card total">
                    <h3>"Labor"</h3>
                    <p class="total-value num">{linked_of(|s| (s.labor, &s.labor_unknown_rates))}</p>
                    <Explain label="the labor cost">
                        <p>"The sum of each phase's labor (FTE × weekly rate × weeks for each team line):"</p>
                        {per_phase(|p, c| money_or_unknown(p.labor, &p.unknown_rates, c))}
                        <p>"= " <strong>{money_of(|s| (s.labor, &s.labor_unknown_rates))}</strong></p>
                    </Explain>
                </div>
                <div class="card total">
                    <h3>"One-off costs"</h3>
                    <p class="total-value num">{amount_of(|s| s.one_off)}</p>
                    <Explain label="the one-off cost">
                        <p>"The sum of each phase's one-off cost lines:"</p>
                        {per_phase(|p, c| money(p.one_off, c))}
                        <p>"= " <strong>{amount_of(|s| s.one_off)}</strong></p>
                    </Explain>
                </div>
                <div class="card total total-main">
                    <h3>"Total"</h3>
                    <p class="total-value num">{linked_of(|s| (s.total, &s.labor_unknown_rates))}</p>
                    {move || incomplete().map(|text| view! { <p class="total-note">{text}</p> })}
                    {stated_total}
                    <Explain label="the total">
                        <p>
                            "Labor " {money_of(|s| (s.labor, &s.labor_unknown_rates))} " + one-off costs " {amount_of(|s| s.one_off)} " = "
                            <strong>{money_of(|s| (s.total, &s.labor_unknown_rates))}</strong> "."
                        </p>
                        <p>"By phase (labor + one-off):"</p>
                        {per_phase(|p, c| money_or_unknown(p.total, &p.unknown_rates, c))}
                    </Explain>
                </div>
                <div class="card total">
                    <h3>"Annual run-rate"</h3>
                    <p class="total-value num">{amount_of(|s| s.annual)} <span class="unit">" a year"</span></p>
                    <Explain label="the annual run-rate">
                        <p>"What is paid every year once every phase has run: the sum of each phase's annual cost lines:"</p>
                        {per_phase(|p, c| money(p.annual, c))}
                        <p>"= " <strong>{amount_of(|s| s.annual)}</strong> " a year"</p>
                    </Explain>
                </div>
                <div class="card total">
                    <h3>"Bottom-up estimate"</h3>
                    <p class="total-value num">{linked_of(|s| (s.bottom_up, &s.bottom_up_unknown_rates))}</p>
                    <p class="total-note">{daily_rate}</p>
                    <Explain label="the bottom-up estimate">
                        <p>
                            "Remaining effort " {move || s.with(|s| bounds(s.effort_days))} " person-days × daily rate "
                            {move || currency.with(|c| s.with(|s| {
                                s.daily_rate.map_or_else(|| display::unknown_rates(&s.bottom_up_unknown_rates), |r| money(r, c))
                            }))}
                            " = " <strong>{money_of(|s| (s.bottom_up, &s.bottom_up_unknown_rates))}</strong> "."
                        </p>
                        <DailyRateTerms />
                        <p>"It prices the open gaps directly, as a check on the roadmap's labor, which prices the teams."</p>
                    </Explain>
                </div>
                <div class="card total">
                    <h3>"Remaining effort"</h3>
                    <p class="total-value num">
                        {move || s.with(|s| bounds(s.effort_days))} <span class="unit">" person-days"</span>
                    </p>
                    <Explain label="the remaining effort">
                        <p>
                            "The sum of the effort of the gaps still missing or partial, in person-days: days as estimated, hours ÷ "
                            {move || number(settings.get().0)} " hours per day, weeks × " {move || number(settings.get().1)}
                            " days per week. Gaps without an estimate count as 0."
                        </p>
                        <EffortTerms />
                    </Explain>
                </div>
                <div class="card total">
                    <h3>"Duration"</h3>
                    <p class="total-value num">
                        {move || s.with(|s| bounds(s.duration_weeks))} <span class="unit">" weeks"</span>
                    </p>
                    <Explain label="the duration">
                        <p>"From week 0 to the latest end of any phase. Each phase's weeks:"</p>
                        {per_phase(|p, _| format!("week {} to {}", bounds(p.start_week), bounds(p.end_week)))}
                        <p>"= " <strong>{move || s.with(|s| bounds(s.duration_weeks))}</strong> " weeks"</p>
                    </Explain>
                </div>
            </div>
        </section>
    }
}

/// Where the bottom-up estimate's daily rate comes from.
#[component]
fn DailyRateTerms() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    move || {
        let c = currency.get();
        let (blended, rate, missing) =
            editor.summary.with(|s| (s.daily_rate_is_blended, s.daily_rate, s.bottom_up_unknown_rates.clone()));
        let rate = rate.map_or_else(|| display::unknown_rates(&missing), |r| money(r, &c));
        let settings = tab_href(editor, Tab::Settings);
        if blended {
            return view! {
                <p>
                    "The daily rate " {rate.clone()} " is the blended daily rate set in " <a href=settings>"Settings"</a>
                    "."
                </p>
            }
            .into_any();
        }
        let (roles, days_per_week) = editor.with(|a| {
            let rate =
                |r: &crate::core::model::Role| r.weekly_rate.map_or_else(|| "unknown".to_string(), |w| money(w, &c));
            (a.roles.iter().map(|r| (r.name.clone(), rate(r))).collect::<Vec<_>>(), a.settings.days_per_week)
        });
        if roles.is_empty() {
            return view! {
                <p>
                    "There are no roles and no blended daily rate in " <a href=settings>"Settings"</a>
                    ", so the daily rate is " {rate.clone()} "."
                </p>
            }
            .into_any();
        }
        view! {
            <p>
                "No blended daily rate is set in " <a href=settings>"Settings"</a>
                ", so the daily rate is the mean of the roles' weekly rates ÷ " {number(days_per_week)}
                " days per week = " <strong>{rate}</strong> ". The rates:"
            </p>
            <ul class="terms-list">
                {roles.into_iter().map(|(name, rate)| view! { <li>{name} ": " {rate} " a week"</li> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// The open gaps behind the remaining effort, the first few of them.
#[component]
fn EffortTerms() -> impl IntoView {
    let editor = use_editor();
    move || {
        let terms: Vec<(String, Option<(f64, f64)>)> = editor.with(|a| {
            a.gaps
                .iter()
                .filter(|g| g.status.is_open())
                .map(|g| (g.title.clone(), gap_figures(g, &a.settings).effort_days))
                .collect()
        });
        if terms.is_empty() {
            return view! { <p>"No gap is open."</p> }.into_any();
        }
        let more = terms.len().saturating_sub(EFFORT_TERMS_SHOWN);
        view! {
            <ul class="terms-list">
                {terms
                    .into_iter()
                    .take(EFFORT_TERMS_SHOWN)
                    .map(|(title, days)| {
                        let days = days.map_or_else(
                            || "no estimate".to_string(),
                            |(min, max)| format!("{} person-days", range(min, max)),
                        );
                        view! { <li>{title} ": " {days}</li> }
                    })
                    .collect_view()}
                {(more > 0).then(|| view! { <li>{format!("… and {more} more open gaps")}</li> })}
            </ul>
        }
        .into_any()
    }
}

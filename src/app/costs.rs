//! The Costs tab: the assessment's currency, its roles and their weekly
//! rates, the cost of each phase, and the roadmap's totals (labor, one-off,
//! total, annual run-rate, the bottom-up estimate with the daily rate it
//! used, remaining effort and duration).
//!
//! Every figure is read from `editor.summary` and formatted by
//! `core::display`; each comes with a "how is this computed" disclosure that
//! lists its terms. The tab adds up nothing itself.

use leptos::prelude::*;

use super::charts::{ChartPatterns, CostChart};
use super::editor::use_editor;
use super::notices::use_notices;
use super::roadmap::edits::{self, role_position, Key};
use super::roadmap::figures::{bounds, money_or_unknown, use_currency, CostLineTerms, LaborTerms};
use super::roadmap::{add_role, focus_new, tab_href};
use super::route::Tab;
use super::widgets::dialog::Dialog;
use super::widgets::explain::Explain;
use super::widgets::fields::{NumberField, Select, TextField};
use crate::core::display::{self, money, number, range};
use crate::core::model::CostKind;
use crate::core::query::gap_figures;
use crate::core::summary::{Bounds, PhaseSummary};

/// The currencies offered, by ISO 4217 code, with their names.
const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "US dollar"),
    ("EUR", "Euro"),
    ("GBP", "Pound sterling"),
    ("CHF", "Swiss franc"),
    ("JPY", "Japanese yen"),
    ("CAD", "Canadian dollar"),
    ("AUD", "Australian dollar"),
    ("INR", "Indian rupee"),
    ("CNY", "Chinese yuan"),
    ("SEK", "Swedish krona"),
    ("NOK", "Norwegian krone"),
    ("DKK", "Danish krone"),
    ("PLN", "Polish złoty"),
    ("CZK", "Czech koruna"),
    ("NZD", "New Zealand dollar"),
    ("SGD", "Singapore dollar"),
    ("HKD", "Hong Kong dollar"),
    ("BRL", "Brazilian real"),
    ("MXN", "Mexican peso"),
    ("ZAR", "South African rand"),
];

/// How many open gaps the explanation of the remaining effort lists.
const EFFORT_TERMS_SHOWN: usize = 20;

/// The Costs tab.
#[component]
pub fn Costs() -> impl IntoView {
    view! {
        <div class="costs">
            <Currency />
            <Roles />
            <PhaseCosts />
            <Totals />
            <section class="card" aria-labelledby="cost-chart-heading">
                <h2 id="cost-chart-heading">"Costs at a glance"</h2>
                <ChartPatterns />
                <CostChart />
            </section>
        </div>
    }
}

/// The currency of every amount in the assessment.
#[component]
fn Currency() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    // The code the file has stays on the list even when it is not a common one.
    let options = Memo::new(move |_| {
        let current = currency.get();
        let mut options: Vec<(String, String)> =
            CURRENCIES.iter().map(|(code, name)| (code.to_string(), format!("{code} — {name}"))).collect();
        if !CURRENCIES.iter().any(|(code, _)| *code == current) {
            options.insert(0, (current.clone(), current));
        }
        options
    });
    let on_change = Callback::new(move |code: String| editor.edit(None, |a| a.currency = code));
    view! {
        <section class="section costs-currency" aria-labelledby="currency-heading">
            <h2 id="currency-heading">"Currency"</h2>
            <div class="currency-row">
                {move || {
                    view! {
                        <Select
                            label="Currency"
                            options=options.get()
                            value=Signal::derive(move || currency.get())
                            on_change
                        />
                    }
                }}
                <p class="hint">
                    "Every amount in this assessment (rates, costs, totals) is in this currency. Changing it converts nothing."
                </p>
            </div>
        </section>
    }
}

/// The roles, their weekly rates, and which phases staff them.
#[component]
fn Roles() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let roles = Memo::new(move |_| editor.with(|a| edits::keys(a.roles.iter().map(|r| r.id.as_str()))));
    // The role waiting for the user to confirm its deletion, and the phases that use it.
    let confirming = RwSignal::new(None::<(Key, Vec<String>)>);
    let dialog_open = RwSignal::new(false);
    Effect::new(move |_| {
        if !dialog_open.get() {
            confirming.set(None);
        }
    });

    let remove = move |key: Key| {
        let Some(i) = editor.with_untracked(|a| role_position(a, &key)) else { return };
        let mut removed = None;
        editor.edit(None, |a| removed = edits::remove_role(a, i));
        if let Some(removed) = removed {
            let title = format!("Deleted role \u{201c}{}\u{201d}.", removed.role.name);
            editor.offer_undo(notices, title, move |a| edits::restore_role(a, removed.clone()));
        }
    };
    // A role in use is deleted only once the user has seen which teams lose it.
    let ask_remove = Callback::new(move |key: Key| {
        let used = editor.with_untracked(|a| edits::phases_using_role(a, &key.id));
        if used.is_empty() {
            remove(key);
        } else {
            confirming.set(Some((key, used)));
            dialog_open.set(true);
        }
    });
    let confirm = move |_| {
        if let Some((key, _)) = confirming.get_untracked() {
            remove(key);
        }
        dialog_open.set(false);
    };
    let confirm_title = Signal::derive(move || {
        let name = confirming.with(|c| {
            c.as_ref()
                .and_then(|(key, _)| editor.with_untracked(|a| role_position(a, key).map(|i| a.roles[i].name.clone())))
        });
        format!("Delete the role \u{201c}{}\u{201d}?", name.unwrap_or_default())
    });
    let add = move |_| {
        if let Some(id) = add_role(editor) {
            // Take the user to the new role's name; the id is one we made.
            focus_new(format!("[data-role-id=\"{id}\"]"));
        }
    };

    view! {
        <section class="section" aria-labelledby="roles-heading">
            <div class="toolbar">
                <h2 id="roles-heading">"Roles"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add>
                        "Add role"
                    </button>
                </div>
            </div>
            <p class="hint">"What one full-time person of each role costs per week. Teams on the Roadmap tab are staffed by role."</p>
            <Show
                when=move || !roles.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No roles yet. Add one to staff the roadmap's phases."</p> }
            >
                <table class="roles-table">
                    <thead>
                        <tr>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Weekly rate"</th>
                            <th scope="col">"In the team of"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || roles.get() key=|k| k.clone() let:role>
                            <RoleRow role on_delete=ask_remove />
                        </For>
                    </tbody>
                </table>
            </Show>
            <Dialog open=dialog_open title=confirm_title>
                <p>
                    {move || {
                        confirming
                            .with(|c| {
                                c.as_ref()
                                    .map(|(_, phases)| {
                                        format!(
                                            "It is in the team of {}. Deleting it removes those team lines, and their labor cost with them. You can undo this.",
                                            phases.join(", ")
                                        )
                                    })
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <div class="dialog-actions">
                    <button class="button" on:click=move |_| dialog_open.set(false)>
                        "Cancel"
                    </button>
                    <button class="button button-danger" on:click=confirm>
                        "Delete role"
                    </button>
                </div>
            </Dialog>
        </section>
    }
}

/// One role: its name, its weekly rate, where it works.
#[component]
fn RoleRow(
    /// Which role.
    role: Key,
    /// Asks to delete the role.
    on_delete: Callback<Key>,
) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let k = role.clone();
    let data = Memo::new(move |_| {
        editor.with(|a| role_position(a, &k).map(|i| (a.roles[i].name.clone(), a.roles[i].weekly_rate)))
    });
    let name = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.0.clone()).unwrap_or_default()));
    let shown_name = move || name.with(|n| if n.trim().is_empty() { "unnamed role".to_string() } else { n.clone() });
    let id = role.id.clone();
    let used_in = Memo::new(move |_| editor.with(|a| edits::phases_using_role(a, &id)));
    let undo_key = |field: &str, key: &Key| format!("role:{}:{}:{field}", key.id, key.nth);
    let k = role.clone();
    let on_name = Callback::new(move |v: String| {
        editor.edit(Some(&undo_key("name", &k)), |a| {
            if let Some(r) = edits::role_mut(a, &k) {
                r.name = v;
            }
        })
    });
    let k = role.clone();
    // Blank is a rate nobody has given yet: unknown, not free.
    let on_rate = Callback::new(move |v: Option<f64>| {
        editor.edit(Some(&undo_key("rate", &k)), |a| {
            if let Some(r) = edits::role_mut(a, &k) {
                r.weekly_rate = v;
            }
        })
    });
    let k = role.clone();
    view! {
        <tr data-role-id=role.id.clone()>
            <td>
                <TextField label="Role name" hide_label=true value=Signal::derive(move || name.get()) on_change=on_name required=true />
            </td>
            <td>
                // Re-made when the name changes, so that its label names the role.
                {move || {
                    view! {
                        <NumberField
                            label=format!("Weekly rate of {}", shown_name())
                            hide_label=true
                            min=0.0
                            unit=currency.get()
                            value=Signal::derive(move || data.with(|d| d.as_ref().and_then(|d| d.1)))
                            on_change=on_rate
                        />
                    }
                }}
            </td>
            <td>
                {move || {
                    used_in
                        .with(|phases| {
                            if phases.is_empty() { "No phase yet".to_string() } else { phases.join(", ") }
                        })
                }}
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" on:click=move |_| on_delete.run(k.clone())>
                    "Delete"
                    <span class="visually-hidden">" " {shown_name}</span>
                </button>
            </td>
        </tr>
    }
}

/// The cost of each phase, and of all of them.
#[component]
fn PhaseCosts() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let phases = Memo::new(move |_| editor.with(|a| edits::keys(a.phases.iter().map(|p| p.id.as_str()))));
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
                            <td class="num">{move || currency.with(|c| totals.with(|t| money_or_unknown(t.0, &t.4, c)))}</td>
                            <td class="num">{move || currency.with(|c| money(totals.get().1, c))}</td>
                            <td class="num">{move || currency.with(|c| money(totals.get().2, c))}</td>
                            <td class="num">{move || currency.with(|c| totals.with(|t| money_or_unknown(t.3, &t.4, c)))}</td>
                            <td class="hint-cell">"Sums of the rows; see Totals below."</td>
                        </tr>
                    </tfoot>
                </table>
                <p class="hint">"Total is labor plus one-off costs. Annual costs are paid every year from their phase on."</p>
            </Show>
        </section>
    }
}

#[component]
fn PhaseCostRow(phase: Key) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let summary = Memo::new(move |_| {
        let i = editor.with(|a| edits::phase_position(a, &phase))?;
        editor.summary.with(|s| s.phases.get(i).cloned())
    });
    let show = move |f: fn(&PhaseSummary, &str) -> String| {
        move || summary.with(|s| s.as_ref().map(|s| currency.with(|c| f(s, c)))).unwrap_or_default()
    };
    view! {
        <tr>
            <th scope="row">{show(|s, _| if s.name.trim().is_empty() { "Untitled phase".into() } else { s.name.clone() })}</th>
            <td class="num">{show(|s, c| money_or_unknown(s.labor, &s.unknown_rates, c))}</td>
            <td class="num">{show(|s, c| money(s.one_off, c))}</td>
            <td class="num">{show(|s, c| money(s.annual, c))}</td>
            <td class="num">{show(|s, c| money_or_unknown(s.total, &s.unknown_rates, c))}</td>
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
    }
}

/// The roadmap's totals, each with its terms.
#[component]
fn Totals() -> impl IntoView {
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
                    <p class="total-value num">{money_of(|s| (s.labor, &s.labor_unknown_rates))}</p>
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
                    <p class="total-value num">{money_of(|s| (s.total, &s.labor_unknown_rates))}</p>
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
                    <p class="total-value num">{money_of(|s| (s.bottom_up, &s.bottom_up_unknown_rates))}</p>
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

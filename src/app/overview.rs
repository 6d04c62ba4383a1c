//! The Overview tab: the verdict, category scores, tiers, blockers, effort,
//! costs and the roadmap's effect, and every validation problem with a link
//! to where it is fixed. Every number comes from the editor's `Summary`;
//! each can explain itself through an `<Explain>` disclosure.

use leptos::prelude::*;

use super::charts::{ChartPatterns, ProjectionChart, RadarChart, TiersChart};
use super::editor::use_editor;
use super::roadmap::figures::{money_bounds, money_or_unknown};
use super::route::{Route, Tab};
use super::widgets::explain::Explain;
use crate::core::display::{self, money};
use crate::core::score;

/// The Overview tab.
#[component]
pub fn Overview() -> impl IntoView {
    view! {
        <div class="overview">
            <Verdict />
            <Problems />
            <section class="card overview-charts" aria-labelledby="charts-heading">
                <h2 id="charts-heading">"At a glance"</h2>
                <ChartPatterns />
                <RadarChart />
                <ProjectionChart />
                <TiersChart />
            </section>
            <div class="overview-grid">
                <CategoryScores />
                <div class="overview-side">
                    <Tiers />
                    <Blockers />
                </div>
            </div>
            <CostsAndTime />
            <PhaseEffects />
        </div>
    }
}

fn currency() -> Signal<String> {
    let editor = use_editor();
    Signal::derive(move || editor.with(|a| a.currency.clone()))
}

/// The overall score, its level and the production-ready verdict.
#[component]
fn Verdict() -> impl IntoView {
    let editor = use_editor();
    let summary = editor.summary;
    let verdict = move || {
        summary.with(|s| {
            if s.production_ready {
                ("pill pill-ok", "Production-ready")
            } else {
                ("pill pill-danger", "Not production-ready")
            }
        })
    };
    view! {
        <section class="card verdict" aria-labelledby="verdict-heading">
            <h2 id="verdict-heading" class="visually-hidden">
                "Verdict"
            </h2>
            <div class="verdict-score">
                <span class="big-number" data-testid="overall-score">
                    {move || display::score(summary.with(|s| s.overall))}
                </span>
                <span class="unit">"/ 100 overall"</span>
            </div>
            <div class="verdict-words">
                <p class="level">
                    "Level: "
                    <strong data-testid="level">{move || summary.with(|s| s.level.clone()).unwrap_or("—".into())}</strong>
                </p>
                <p>
                    <span class=move || verdict().0 data-testid="verdict">
                        {move || verdict().1}
                    </span>
                    " "
                    {move || {
                        summary
                            .with(|s| {
                                let blockers = s.blockers.len();
                                format!(
                                    "Needs {} and no open blocker; {} open {}.",
                                    display::number(s.ready_threshold),
                                    blockers,
                                    if blockers == 1 { "blocker" } else { "blockers" },
                                )
                            })
                    }}
                </p>
                {move || {
                    summary
                        .with(|s| s.stated_overall)
                        .map(|stated| {
                            view! {
                                <p class="hint">
                                    "The source document stated " {display::number(stated)} " / 100."
                                </p>
                            }
                        })
                }}
                <Explain label="the overall score">
                    <p>
                        "Overall = Σ(category weight × category score) ÷ Σ category weight, over the categories that have a score. "
                        "The level is the highest level whose minimum the overall score reaches."
                    </p>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Category"</th>
                                <th scope="col" class="num">"Weight"</th>
                                <th scope="col" class="num">"Score"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                summary
                                    .with(|s| {
                                        s.categories
                                            .iter()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{c.name.clone()}</th>
                                                        <td class="num">{display::number(c.weight)}</td>
                                                        <td class="num">{display::score(c.score)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()
                                    })
                            }}
                        </tbody>
                    </table>
                </Explain>
            </div>
        </section>
    }
}

/// Where a problem is fixed, from the first step of its path.
fn tab_of(collection: &str) -> Tab {
    match collection {
        "gaps" => Tab::Gaps,
        "phases" => Tab::Roadmap,
        "roles" | "currency" => Tab::Costs,
        "kpis" | "risks" => Tab::KpisRisks,
        _ => Tab::Settings,
    }
}

/// Every validation problem, each with a link to the tab that fixes it.
#[component]
fn Problems() -> impl IntoView {
    let editor = use_editor();
    let id = move || editor.with(|a| a.id.clone());
    move || {
        let problems = editor.problems.get();
        (!problems.is_empty()).then(|| {
            let count = problems.len();
            view! {
                <section class="card problems" aria-labelledby="problems-heading">
                    <h2 id="problems-heading">
                        {format!("{count} {} to fix", if count == 1 { "problem" } else { "problems" })}
                    </h2>
                    <ul>
                        {problems
                            .into_iter()
                            .map(|problem| {
                                let first = match problem.path.0.first() {
                                    Some(crate::core::validate::Step::Key(key)) => key.clone(),
                                    _ => String::new(),
                                };
                                let tab = tab_of(&first);
                                let what = editor.with_untracked(|a| describe(a, &problem.path));
                                let href = Route::Assessment { id: id(), tab }.href();
                                view! {
                                    <li>
                                        <a href=href>{what} " (" {tab.label()} ")"</a>
                                        ": "
                                        {problem.message}
                                        " "
                                        <code class="path">{problem.path.to_string()}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// Names the object a path points into, in the user's words: `Gap "No backups"`.
fn describe(a: &crate::core::Assessment, path: &crate::core::validate::Path) -> String {
    let named = |kind: &str, name: Option<&str>, index: usize| match name.filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("{kind} \u{201c}{name}\u{201d}"),
        None => format!("{kind} {}", index + 1),
    };
    match path.item() {
        Some(("gaps", i)) => named("Gap", a.gaps.get(i).map(|g| g.title.as_str()), i),
        Some(("categories", i)) => named("Category", a.categories.get(i).map(|c| c.name.as_str()), i),
        Some(("phases", i)) => named("Phase", a.phases.get(i).map(|p| p.name.as_str()), i),
        Some(("roles", i)) => named("Role", a.roles.get(i).map(|r| r.name.as_str()), i),
        Some(("kpis", i)) => named("KPI", a.kpis.get(i).map(|k| k.name.as_str()), i),
        Some(("risks", i)) => named("Risk", a.risks.get(i).map(|r| r.title.as_str()), i),
        _ => "Assessment".to_string(),
    }
}

/// Each category's computed score, manual override, target and weight.
#[component]
fn CategoryScores() -> impl IntoView {
    let editor = use_editor();
    let summary = editor.summary;
    view! {
        <section class="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading">"Categories"</h2>
            <Show
                when=move || summary.with(|s| !s.categories.is_empty())
                fallback=|| view! { <p class="empty">"No categories yet: add them in Settings."</p> }
            >
                <table class="category-table">
                    <thead>
                        <tr>
                            <th scope="col">"Category"</th>
                            <th scope="col" class="num">"Score"</th>
                            <th scope="col" class="num">"Computed"</th>
                            <th scope="col" class="num">"Manual"</th>
                            <th scope="col" class="num">"Target"</th>
                            <th scope="col" class="num">"Weight"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || summary.with(|s| s.categories.clone())
                            key=|c| (c.id.clone(), c.score.map(f64::to_bits), c.computed.map(f64::to_bits), c.target.map(f64::to_bits), c.weight.to_bits(), c.name.clone())
                            let:category
                        >
                            <tr>
                                <th scope="row">
                                    {category.name.clone()}
                                    <CategoryExplain id=category.id.clone() />
                                </th>
                                <td class="num">
                                    <ScoreBar score=category.score target=category.target />
                                </td>
                                <td class="num">{display::score(category.computed)}</td>
                                <td class="num">{category.manual.map(display::number).unwrap_or_default()}</td>
                                <td class="num">{category.target.map(display::number).unwrap_or_default()}</td>
                                <td class="num">{display::number(category.weight)}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// A score as a number with a bar; the target as a tick on the bar.
#[component]
fn ScoreBar(score: Option<f64>, target: Option<f64>) -> impl IntoView {
    let width = score.unwrap_or(0.0).clamp(0.0, 100.0);
    view! {
        <span class="score-cell">
            <span class="score-bar" aria-hidden="true">
                <span class="score-fill" style:width=format!("{width}%")></span>
                {target.map(|t| view! { <span class="score-target" style:left=format!("{}%", t.clamp(0.0, 100.0))></span> })}
            </span>
            <span class="score-value">{display::score(score)}</span>
        </span>
    }
}

/// The terms of a category's computed score, gap by gap.
#[component]
fn CategoryExplain(id: String) -> impl IntoView {
    let editor = use_editor();
    let id = StoredValue::new(id);
    view! {
        <Explain>
            <p>
                "Computed = 100 × Σ(priority weight × credit) ÷ Σ priority weight, over gaps that are missing, partial or done. "
                "Credit: done 1, missing 0, partial = share of checklist done, or the partial credit setting. "
                "A manual score overrides it."
            </p>
            {move || {
                editor
                    .with(|a| {
                        let terms = score::category_terms(a, &id.get_value());
                        if terms.is_empty() {
                            return view! { <p>"No scored gaps in this category."</p> }.into_any();
                        }
                        let rows = terms
                            .into_iter()
                            .map(|t| {
                                let title = a.gap(&t.gap).map(|g| g.title.clone()).unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{title}</th>
                                        <td>{t.priority.as_str()}</td>
                                        <td class="num">{t.weight.normalize().to_string()}</td>
                                        <td class="num">{t.credit.round_dp(3).normalize().to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">"Gap"</th>
                                        <th scope="col">"Priority"</th>
                                        <th scope="col" class="num">"Weight"</th>
                                        <th scope="col" class="num">"Credit"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        }
                            .into_any()
                    })
            }}
        </Explain>
    }
}

/// Done against scored gaps for each priority.
#[component]
fn Tiers() -> impl IntoView {
    let editor = use_editor();
    view! {
        <section class="card" aria-labelledby="tiers-heading">
            <h2 id="tiers-heading">"Priority tiers"</h2>
            <table class="tiers">
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        <th scope="col" class="num">"Done"</th>
                        <th scope="col" class="num">"Share"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        editor
                            .summary
                            .with(|s| {
                                s.tiers
                                    .iter()
                                    .map(|t| {
                                        let share =
                                            t.percent_done().map_or_else(|| "—".to_string(), |p| format!("{p}%"));
                                        view! {
                                            <tr>
                                                <th scope="row">{t.priority.as_str()}</th>
                                                <td class="num">{format!("{}/{}", t.done, t.scored)}</td>
                                                <td class="num">{share}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </section>
    }
}

/// Open P0 gaps: what stands between the system and readiness.
#[component]
fn Blockers() -> impl IntoView {
    let editor = use_editor();
    let href = move || Route::Assessment { id: editor.with(|a| a.id.clone()), tab: Tab::Gaps }.href();
    view! {
        <section class="card blockers" aria-labelledby="blockers-heading">
            <h2 id="blockers-heading">
                "Open blockers " <span class="count">{move || editor.summary.with(|s| s.blockers.len())}</span>
            </h2>
            {move || {
                let blockers = editor.summary.with(|s| s.blockers.clone());
                if blockers.is_empty() {
                    return view! { <p class="hint">"No P0 gap is missing or partial."</p> }.into_any();
                }
                editor
                    .with(|a| {
                        view! {
                            <ul class="blocker-list">
                                {blockers
                                    .iter()
                                    .filter_map(|id| a.gap(id))
                                    .map(|gap| {
                                        let status = gap.status.as_str().replace('_', " ");
                                        view! {
                                            <li>
                                                <a href=href()>{gap.title.clone()}</a>
                                                " "
                                                <span class="pill pill-danger">{status}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    })
            }}
        </section>
    }
}

/// Remaining effort, costs, run-rate, bottom-up estimate and duration.
#[component]
fn CostsAndTime() -> impl IntoView {
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
    view! {
        <section class="card" aria-labelledby="costs-heading">
            <h2 id="costs-heading">"Effort, cost and time"</h2>
            <dl class="figures">
                {figure(
                    "Remaining effort",
                    text(|s, _| format!("{} person-days", display::range(s.effort_days.min, s.effort_days.max))),
                    "The effort of every missing or partial gap, in person-days: hours ÷ hours per day, weeks × days per week.",
                )}
                {figure(
                    "Labor",
                    text(|s, c| money_or_unknown(s.labor, &s.labor_unknown_rates, c)),
                    "Σ over phases and team lines of FTE × weekly rate × duration in weeks (minima together, maxima together).",
                )}
                {figure("One-off costs", text(|s, c| money(s.one_off, c)), "Σ of the phases' one-off costs.")}
                {figure(
                    "Total",
                    text(|s, c| money_or_unknown(s.total, &s.labor_unknown_rates, c)),
                    "Labor plus one-off costs.",
                )}
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
fn PhaseEffects() -> impl IntoView {
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
                                                crate::core::cost::Load::Ok => "pill pill-ok",
                                                crate::core::cost::Load::AtRisk => "pill pill-warn",
                                                crate::core::cost::Load::Over => "pill pill-danger",
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

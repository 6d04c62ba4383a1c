//! The Report tab: the assessment laid out for reading and for the browser's
//! Print to PDF. A cover (title, system, date, assessors, verdict), the
//! summary, scores with the radar, blockers, gaps by category, the roadmap
//! with its timeline and costs, KPIs and risks, and an appendix that explains
//! how the numbers are computed with this assessment's settings.
//!
//! Every number comes from the editor's `Summary` (or, for the charts, from
//! `core::chart` over it); `style/report.css` holds the print rules.

use leptos::prelude::*;

use super::charts::{ChartFigure, ChartPatterns};
use super::editor::use_editor;
use super::roadmap::figures::money_or_unknown;
use crate::core::chart;
use crate::core::display::{self, money, plural};
use crate::core::model::{Assessment, Gap, Priority};
use crate::core::query;
use crate::core::risk;
use crate::core::summary::Summary;
use crate::core::Problem;

/// The Report tab.
#[component]
pub fn Report() -> impl IntoView {
    let editor = use_editor();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="report">
            <div class="report-toolbar no-print">
                <p class="hint">"A read-only view of the whole assessment, laid out for reading and for printing to PDF (A4 or Letter)."</p>
                <button class="button button-primary" on:click=print>
                    "Print"
                </button>
            </div>
            <ChartPatterns />
            {move || {
                let problems = editor.problems.get();
                editor
                    .with(|a| {
                        editor
                            .summary
                            .with(|s| {
                                view! {
                                    {cover(a, s)}
                                    {summary_section(a, s, &problems)}
                                    {scores(s)}
                                    {blockers(a, s)}
                                    {gaps_by_category(a)}
                                    {roadmap_section(a, s)}
                                    {kpis_and_risks(a)}
                                    {appendix(a, s)}
                                }
                            })
                    })
            }}
        </div>
    }
}

fn verdict(s: &Summary) -> &'static str {
    if s.production_ready {
        "Production-ready"
    } else {
        "Not production-ready"
    }
}

/// A report section with its heading; `id` links the two.
fn section(id: &'static str, title: &'static str, body: impl IntoView) -> impl IntoView {
    let heading = format!("report-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class=format!("report-section report-{id}") aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {body}
        </section>
    }
}

fn cover(a: &Assessment, s: &Summary) -> impl IntoView {
    let assessors = if a.assessors.is_empty() { "—".to_string() } else { a.assessors.join(", ") };
    let system = if a.system.trim().is_empty() { "—".to_string() } else { a.system.clone() };
    view! {
        <section class="report-section report-cover" aria-labelledby="report-cover-title">
            <p class="report-kicker">"Readiness report"</p>
            <h2 id="report-cover-title" class="report-title">{a.title.clone()}</h2>
            <dl class="report-facts">
                <div>
                    <dt>"System"</dt>
                    <dd>{system}</dd>
                </div>
                <div>
                    <dt>"Date"</dt>
                    <dd>{a.assessed_on.clone().unwrap_or_else(|| "not dated".to_string())}</dd>
                </div>
                <div>
                    <dt>"Assessors"</dt>
                    <dd>{assessors}</dd>
                </div>
                <div>
                    <dt>"Verdict"</dt>
                    <dd data-testid="report-verdict">
                        <strong>{verdict(s)}</strong>
                        {format!(
                            ": overall {} / 100, level {}, {}.",
                            display::score(s.overall),
                            s.level.clone().unwrap_or_else(|| "—".to_string()),
                            plural(s.blockers.len(), "open blocker", "open blockers"),
                        )}
                    </dd>
                </div>
            </dl>
        </section>
    }
}

fn summary_section(a: &Assessment, s: &Summary, problems: &[Problem]) -> impl IntoView {
    let c = a.currency.as_str();
    let paragraphs: Vec<String> =
        a.summary.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
    let figures = [
        ("Overall score", format!("{} / 100", display::score(s.overall))),
        ("Ready threshold", display::number(s.ready_threshold)),
        ("Remaining effort", format!("{} person-days", display::range(s.effort_days.min, s.effort_days.max))),
        ("Labor", money_or_unknown(s.labor, &s.labor_unknown_rates, c)),
        ("One-off costs", money(s.one_off, c)),
        ("Total", money_or_unknown(s.total, &s.labor_unknown_rates, c)),
        ("Annual run-rate", money(s.annual, c)),
        ("Roadmap duration", format!("{} weeks", display::range(s.duration_weeks.min, s.duration_weeks.max))),
    ];
    let body = view! {
        {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        <dl class="report-figures">
            {figures
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div>
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        {(!problems.is_empty())
            .then(|| {
                view! {
                    <p class="report-note">
                        {format!(
                            "The assessment has {}; see the Overview tab.",
                            plural(problems.len(), "validation problem", "validation problems"),
                        )}
                    </p>
                }
            })}
    };
    section("summary", "Summary", body)
}

fn scores(s: &Summary) -> impl IntoView {
    let rows = s
        .categories
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.name.clone()}</th>
                    <td class="num">{display::score(c.score)}</td>
                    <td class="num">{display::score(c.computed)}</td>
                    <td class="num">{c.manual.map(display::number).unwrap_or_default()}</td>
                    <td class="num">{c.target.map(display::number).unwrap_or_default()}</td>
                    <td class="num">{display::number(c.weight)}</td>
                    <td class="num">{c.scored_gaps}</td>
                </tr>
            }
        })
        .collect_view();
    let body = view! {
        <div class="report-charts">
            {chart::radar(s).map(|chart| view! { <ChartFigure chart kind="radar" /> })}
            <ChartFigure chart=chart::tiers(s) kind="tiers" />
        </div>
        {report_table(&[("Category", false), ("Score", true), ("Computed", true), ("Manual", true), ("Target", true), ("Weight", true), ("Scored gaps", true)], rows)}
    };
    section("scores", "Scores", body)
}

fn effort_text(gap: &Gap) -> String {
    gap.effort.as_ref().map(|e| format!("{} {}", display::range(e.min, e.max), e.unit.as_str())).unwrap_or_default()
}

fn phase_name(a: &Assessment, gap: &Gap) -> String {
    gap.phase.as_deref().and_then(|p| a.phase(p)).map(|p| p.name.clone()).unwrap_or_default()
}

fn status_text(gap: &Gap) -> String {
    gap.status.as_str().replace('_', " ")
}

fn blockers(a: &Assessment, s: &Summary) -> impl IntoView {
    let body = if s.blockers.is_empty() {
        view! { <p>"No P0 gap is missing or partial."</p> }.into_any()
    } else {
        let rows = s
            .blockers
            .iter()
            .filter_map(|id| a.gap(id))
            .map(|gap| {
                let category =
                    a.category(&gap.category).map_or_else(|| query::UNCATEGORISED.to_string(), |c| c.name.clone());
                view! {
                    <tr>
                        <th scope="row">{gap.title.clone()}</th>
                        <td>{category}</td>
                        <td>{status_text(gap)}</td>
                        <td>{gap.owner.clone()}</td>
                        <td>{phase_name(a, gap)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p>{format!("{} stand between the system and readiness.", plural(s.blockers.len(), "open P0 gap", "open P0 gaps"))}</p>
            {report_table(&[("Gap", false), ("Category", false), ("Status", false), ("Owner", false), ("Phase", false)], rows)}
        }
            .into_any()
    };
    section("blockers", "Blockers", body)
}

fn gaps_by_category(a: &Assessment) -> impl IntoView {
    // The core groups them, with an "Uncategorised" group for gaps whose
    // category does not exist, so that every gap is listed once.
    let tables = query::gaps_by_category(a)
        .into_iter()
        .map(|group| {
            let name = group.name().to_string();
            let gaps = group.gaps;
            let rows = gaps
                .iter()
                .map(|gap| {
                    view! {
                        <tr>
                            <th scope="row">{gap.title.clone()}</th>
                            <td>{gap.priority.as_str()}</td>
                            <td>{status_text(gap)}</td>
                            <td class="num">{effort_text(gap)}</td>
                            <td>{gap.owner.clone()}</td>
                            <td>{phase_name(a, gap)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="report-category">
                    <h3>{name} " " <span class="count">{format!("({})", plural(gaps.len(), "gap", "gaps"))}</span></h3>
                    {if gaps.is_empty() {
                        view! { <p class="hint">"No gaps in this category."</p> }.into_any()
                    } else {
                        view! {
                            {report_table(&[("Gap", false), ("Priority", false), ("Status", false), ("Effort", true), ("Owner", false), ("Phase", false)], rows)}
                        }
                            .into_any()
                    }}
                </div>
            }
        })
        .collect_view();
    let body = view! {
        {(a.categories.is_empty() && a.gaps.is_empty()).then(|| view! { <p>"No categories."</p> })}
        {tables}
    };
    section("gaps", "Gaps by category", body)
}

fn roadmap_section(a: &Assessment, s: &Summary) -> impl IntoView {
    let c = a.currency.as_str();
    if s.phases.is_empty() {
        return section("roadmap", "Roadmap and costs", view! { <p>"No phases are planned."</p> }.into_any());
    }
    let rows = s
        .phases
        .iter()
        .map(|p| {
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
                    <td class="num">{display::range(p.fte.min, p.fte.max)}</td>
                    <td class="num">{money_or_unknown(p.labor, &p.unknown_rates, c)}</td>
                    <td class="num">{money(p.one_off, c)}</td>
                    <td class="num">{money_or_unknown(p.total, &p.unknown_rates, c)}</td>
                    <td>{p.load.label()}</td>
                    <td class="num">{display::score(p.projected_overall)}</td>
                </tr>
            }
        })
        .collect_view();
    let goals = a
        .phases
        .iter()
        .filter(|p| !p.goal.trim().is_empty() || !p.exit_criteria.is_empty())
        .map(|p| {
            view! {
                <li>
                    <strong>{p.name.clone()}</strong>
                    {(!p.goal.trim().is_empty()).then(|| format!(": {}", p.goal.trim()))}
                    {(!p.exit_criteria.is_empty())
                        .then(|| {
                            view! {
                                <ul>
                                    {p.exit_criteria.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}
                                </ul>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    let body = view! {
        {chart::timeline(s).map(|chart| view! { <ChartFigure chart kind="timeline" /> })}
        {report_table(&[("Phase", false), ("Weeks", true), ("Team (FTE)", true), ("Labor", true), ("One-off", true), ("Total", true), ("Load", false), ("Score after", true)], rows)}
        <ul class="report-goals">{goals}</ul>
        <div class="report-charts">
            {chart::projection(s, &a.settings.levels).map(|chart| view! { <ChartFigure chart kind="projection" /> })}
            {chart::cost(s, c).map(|chart| view! { <ChartFigure chart kind="cost" /> })}
        </div>
    };
    section("roadmap", "Roadmap and costs", body.into_any())
}

fn kpis_and_risks(a: &Assessment) -> impl IntoView {
    let kpis = if a.kpis.is_empty() {
        view! { <p>"No KPIs."</p> }.into_any()
    } else {
        let rows = a
            .kpis
            .iter()
            .map(|k| {
                // Numbers with the unit, words as written.
                let value = |v: &crate::core::model::KpiValue| match v.number() {
                    Some(n) if !k.unit.is_empty() => format!("{} {}", display::number(n), k.unit),
                    Some(n) => display::number(n),
                    None => v.to_string(),
                };
                let targets = k
                    .targets
                    .iter()
                    .map(|t| {
                        let phase = a.phase(&t.phase).map_or(t.phase.as_str(), |p| p.name.as_str());
                        let met = if k.current_meets(&t.phase) == Some(true) { " (met)" } else { "" };
                        format!("{phase}: {}{met}", value(&t.value))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <tr>
                        <th scope="row">{k.name.clone()}</th>
                        <td class="num">{k.current.as_ref().map(value).unwrap_or_else(|| "—".to_string())}</td>
                        <td>{k.better.as_str()} " is better"</td>
                        <td>{targets}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {report_table(&[("KPI", false), ("Current", true), ("Direction", false), ("Targets after each phase", false)], rows)}
        }
        .into_any()
    };
    let risks = if a.risks.is_empty() {
        view! { <p>"No risks."</p> }.into_any()
    } else {
        let rows = risk::by_severity(&a.risks)
            .into_iter()
            .map(|i| {
                let r = &a.risks[i];
                let gaps =
                    r.gaps.iter().filter_map(|g| a.gap(g)).map(|g| g.title.clone()).collect::<Vec<_>>().join("; ");
                view! {
                    <tr>
                        <th scope="row">{r.title.clone()}</th>
                        <td>{r.probability.as_str()}</td>
                        <td>{r.impact.as_str()}</td>
                        <td class="num">{r.severity()}</td>
                        <td>{r.mitigation.clone()}</td>
                        <td>{gaps}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {report_table(&[("Risk", false), ("Probability", false), ("Impact", false), ("Severity", true), ("Mitigation", false), ("Mitigating gaps", false)], rows)}
        }
        .into_any()
    };
    let body = view! {
        <h3>"KPIs"</h3>
        {kpis}
        <h3>"Risks, most severe first"</h3>
        {risks}
    };
    section("kpis-risks", "KPIs and risks", body)
}

fn appendix(a: &Assessment, s: &Summary) -> impl IntoView {
    let settings = &a.settings;
    let c = a.currency.as_str();
    let weights = Priority::ALL
        .iter()
        .map(|&p| format!("{} {}", p.as_str(), display::number(settings.priority_weights.get(p))))
        .collect::<Vec<_>>()
        .join(", ");
    let mut levels: Vec<(f64, String)> = settings.levels.iter().map(|l| (l.min, l.label.clone())).collect();
    levels.sort_by(|x, y| y.0.total_cmp(&x.0));
    let levels = levels
        .into_iter()
        .map(|(min, label)| format!("{label} from {}", display::number(min)))
        .collect::<Vec<_>>()
        .join("; ");
    let daily_rate =
        s.daily_rate.map_or_else(|| money_or_unknown(None, &s.bottom_up_unknown_rates, c), |r| money(r, c));
    let daily = if s.daily_rate_is_blended {
        format!("the blended daily rate from the settings, {daily_rate}")
    } else {
        format!("the mean of the roles' weekly rates ÷ days per week, {daily_rate}")
    };
    let rate = |r: &crate::core::model::Role| r.weekly_rate.map_or_else(|| "unknown".to_string(), |w| money(w, c));
    let roles = a.roles.iter().map(|r| format!("{} {} a week", r.name, rate(r))).collect::<Vec<_>>().join("; ");
    let body = view! {
        <h3>"Scores"</h3>
        <ul>
            <li>
                "A gap counts when it is missing, partial or done; accepted and not-applicable gaps do not. Its credit is 1 when done, 0 when missing, and when partial the share of its checklist that is done, or "
                <strong>{display::number(settings.partial_credit)}</strong>
                " (the partial credit) when it has no checklist."
            </li>
            <li>
                "A category's computed score is 100 × Σ(priority weight × credit) ÷ Σ priority weight over its counted gaps. Priority weights: "
                <strong>{weights}</strong>
                ". A manual score, where set, replaces the computed one."
            </li>
            <li>"The overall score is the mean of the category scores weighted by category weight, over the categories that have a score."</li>
            <li>"Levels: " <strong>{levels}</strong> ". The level is the highest one whose minimum the overall score reaches."</li>
            <li>
                "The system is production-ready when the overall score is at least "
                <strong>{display::number(s.ready_threshold)}</strong>
                " and no P0 gap is missing or partial."
            </li>
            <li>"The score after a phase is the overall score once every counted gap of that phase and the phases before it is done."</li>
        </ul>
        <h3>"Costs"</h3>
        <ul>
            <li>
                "Effort is counted in person-days: hours ÷ "
                <strong>{display::number(settings.hours_per_day)}</strong>
                " hours per day, weeks × "
                <strong>{display::number(settings.days_per_week)}</strong>
                " days per week."
            </li>
            <li>
                "A phase's labor is Σ FTE × weekly rate × duration in weeks over its team, minima with minima and maxima with maxima. Weekly rates: "
                <strong>{if roles.is_empty() { "no roles".to_string() } else { roles }}</strong>
                "."
            </li>
            <li>"A phase's total is its labor plus its one-off costs; annual costs add to the run-rate once the roadmap is done."</li>
            <li>
                "Capacity is Σ FTE × weeks × days per week; demand is the remaining effort of the phase's open gaps. "
                "Over capacity: even the smallest demand exceeds the largest capacity; at risk: the largest demand exceeds the smallest capacity."
            </li>
            <li>
                "The bottom-up estimate is the remaining effort × " {daily} ": "
                <strong>{money_or_unknown(s.bottom_up, &s.bottom_up_unknown_rates, c)}</strong>
                "."
            </li>
            <li>"A phase starts at its start week, or when the previous one ends; amounts are in " {c.to_string()} ", rounded to whole units."</li>
        </ul>
    };
    section("appendix", "Appendix: how the numbers are computed", body)
}

/// A table of the report: its column headings (`true` for a numeric column,
/// aligned right) and its rows.
fn report_table(columns: &'static [(&'static str, bool)], rows: impl IntoView) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|&(name, numeric)| view! { <th scope="col" class=numeric.then_some("num")>{name}</th> })
        .collect_view();
    view! {
        <table class="report-table">
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

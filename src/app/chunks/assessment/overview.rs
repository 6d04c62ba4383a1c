//! The Overview tab: the verdict, category scores, tiers, blockers, effort,
//! costs and the roadmap's effect, the trend over the milestones, and every validation problem with a link
//! to where it is fixed. Every number comes from the editor's `Summary`;
//! each can explain itself through an `<Explain>` disclosure.
//!
//! The verdict is here; the other sections are `problems`, `categories`,
//! `priorities` (tiers and blockers), `calendar` (expired acceptances,
//! overdue gaps) and `costs_and_time` (with the effect of each phase).

mod calendar;
mod categories;
mod costs_and_time;
mod priorities;
mod problems;

use leptos::prelude::*;

use self::calendar::ExpiredAndOverdue;
use self::categories::CategoryScores;
use self::costs_and_time::{CostsAndTime, PhaseEffects};
use self::priorities::{Blockers, Tiers};
use self::problems::Problems;
use crate::app::chunks::assessment::charts::{ChartPatterns, ProjectionChart, RadarChart, TiersChart, TrendChart};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::core::present::display::{self};

/// The Overview tab.
#[component]
pub(super) fn Overview() -> impl IntoView {
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
                <TrendChart />
            </section>
            <div class="overview-grid">
                <CategoryScores />
                <div class="overview-side">
                    <Tiers />
                    <Blockers />
                    <ExpiredAndOverdue />
                </div>
            </div>
            <CostsAndTime />
            <PhaseEffects />
        </div>
    }
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
                        "The level is the highest level whose minimum the overall score reaches. "
                        "An accepted gap whose acceptance expired before today counts as missing again, in this score and every other."
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

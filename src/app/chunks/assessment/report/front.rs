//! The front of the report: the cover with its verdict, the summary and
//! the scores.

use leptos::prelude::*;

use super::layout::{report_table, section};
use crate::app::chunks::assessment::charts::ChartFigure;
use crate::app::chunks::assessment::figures::money_or_unknown;
use crate::core::model::Assessment;
use crate::core::numbers::summary::Summary;
use crate::core::present::chart;
use crate::core::present::display::{self, money, plural};
use crate::core::Problem;

/// The verdict in words.
fn verdict(s: &Summary) -> &'static str {
    if s.production_ready {
        "Production-ready"
    } else {
        "Not production-ready"
    }
}

/// The cover: title, system, date, assessors and the verdict.
pub(super) fn cover(a: &Assessment, s: &Summary) -> impl IntoView {
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

/// The summary: the assessors' text, the headline figures, and how many
/// validation problems remain.
pub(super) fn summary_section(a: &Assessment, s: &Summary, problems: &[Problem]) -> impl IntoView {
    let c = a.currency.as_str();
    let paragraphs: Vec<String> =
        a.summary.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
    // The total the document states, beside the computed one.
    let stated_total = s
        .stated_total
        .map(|stated| ("Stated total", display::stated_beside_computed(stated, s.total, &s.labor_unknown_rates, c)));
    let figures = [
        Some(("Overall score", format!("{} / 100", display::score(s.overall)))),
        Some(("Ready threshold", display::number(s.ready_threshold))),
        Some(("Remaining effort", format!("{} person-days", display::range(s.effort_days.min, s.effort_days.max)))),
        Some(("Labor", money_or_unknown(s.labor, &s.labor_unknown_rates, c))),
        Some(("One-off costs", money(s.one_off, c))),
        Some(("Total", money_or_unknown(s.total, &s.labor_unknown_rates, c))),
        stated_total,
        Some(("Annual run-rate", money(s.annual, c))),
        Some(("Roadmap duration", format!("{} weeks", display::range(s.duration_weeks.min, s.duration_weeks.max)))),
    ];
    let body = view! {
        {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        <dl class="report-figures">
            {figures
                .into_iter()
                .flatten()
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

/// The scores: the radar and tiers charts, and each category's score
/// with what made it.
pub(super) fn scores(s: &Summary) -> impl IntoView {
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

//! The roadmap in the report: each phase with its weeks, team, costs, load
//! and the score after it, the costs the document states beside the
//! computed ones, their goals and exit criteria (ticked when met, with
//! their evidence), and the timeline, projection and cost charts.

use leptos::prelude::*;

use super::layout::{report_table, section};
use crate::app::chunks::assessment::charts::ChartFigure;
use crate::app::chunks::assessment::figures::money_or_unknown;
use crate::app::chunks::assessment::safe_link::SafeLink;
use crate::core::model::Assessment;
use crate::core::numbers::summary::Summary;
use crate::core::present::chart;
use crate::core::present::display::{self, money};

/// The roadmap: its phases with their figures, the timeline, and the
/// projection and cost charts.
pub(super) fn roadmap_section(a: &Assessment, s: &Summary) -> impl IntoView {
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
                        {p.dates.as_ref().map(|d| view! { <br /><span class="hint">{d.describe()}</span> })}
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
    // The phases whose document states their cost: stated beside computed.
    let stated: Vec<_> = s
        .phases
        .iter()
        .filter_map(|p| {
            let stated = p.stated_cost?;
            let text = display::stated_beside_computed(stated, p.total, &p.unknown_rates, c);
            Some(view! { <li>{p.name.clone()} ": " {text}</li> })
        })
        .collect();
    let stated = (!stated.is_empty()).then(|| {
        view! {
            <p>"Costs as the source document states them, beside the computed totals:"</p>
            <ul class="report-goals">{stated}</ul>
        }
    });
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
                                    {p
                                        .exit_criteria
                                        .iter()
                                        .map(|c| {
                                            let mark = if c.met { "\u{2611} " } else { "\u{2610} " };
                                            let evidence = c.evidence.clone().unwrap_or_default();
                                            view! {
                                                <li>
                                                    {mark} {c.text.clone()} " "
                                                    <SafeLink address=evidence label="evidence".to_string() />
                                                </li>
                                            }
                                        })
                                        .collect_view()}
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
        {stated}
        <ul class="report-goals">{goals}</ul>
        <div class="report-charts">
            {chart::projection(s, &a.settings.levels).map(|chart| view! { <ChartFigure chart kind="projection" /> })}
            {chart::cost(s, c).map(|chart| view! { <ChartFigure chart kind="cost" /> })}
        </div>
    };
    section("roadmap", "Roadmap and costs", body.into_any())
}

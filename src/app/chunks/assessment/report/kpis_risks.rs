//! The KPIs and risks in the report: each KPI with its targets, and the
//! risk register by severity, with owners, statuses and review dates.

use leptos::prelude::*;

use super::layout::{report_table, section};
use crate::core::model::Assessment;
use crate::core::numbers::risk;
use crate::core::present::display::{self};

/// The KPIs with their targets, and the risks by severity with their
/// owner, status and review date (marked when overdue on `today`).
pub(super) fn kpis_and_risks(a: &Assessment, today: &str) -> impl IntoView {
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
                let or_dash = |t: &str| if t.trim().is_empty() { "\u{2014}".to_string() } else { t.to_string() };
                let review = match r.review_on.as_deref() {
                    Some(day) if risk::review_overdue(r, today) => format!("{day} (overdue)"),
                    Some(day) => day.to_string(),
                    None => "\u{2014}".to_string(),
                };
                view! {
                    <tr>
                        <th scope="row">{r.title.clone()}</th>
                        <td>{r.probability.as_str()}</td>
                        <td>{r.impact.as_str()}</td>
                        <td class="num">{r.severity()}</td>
                        <td>{r.mitigation.clone()}</td>
                        <td>{gaps}</td>
                        <td>{or_dash(&r.owner)}</td>
                        <td>{r.status.as_str()}</td>
                        <td>{review}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {report_table(
                &[
                    ("Risk", false),
                    ("Probability", false),
                    ("Impact", false),
                    ("Severity", true),
                    ("Mitigation", false),
                    ("Mitigating gaps", false),
                    ("Owner", false),
                    ("Status", false),
                    ("Review", false),
                ],
                rows,
            )}
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

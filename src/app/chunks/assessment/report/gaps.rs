//! The gaps in the report: the blockers (open P0 gaps), then every gap
//! grouped by category (an "Uncategorised" group for unknown ones), with
//! its evidence (links only where `SafeLink` allows).

use leptos::prelude::*;

use super::layout::{report_table, section};
use crate::app::chunks::assessment::safe_link::SafeLink;
use crate::core::model::{Assessment, Gap};
use crate::core::numbers::summary::Summary;
use crate::core::present::display::{self, plural};
use crate::core::present::query;

fn effort_text(gap: &Gap) -> String {
    gap.effort.as_ref().map(|e| format!("{} {}", display::range(e.min, e.max), e.unit.as_str())).unwrap_or_default()
}

fn phase_name(a: &Assessment, gap: &Gap) -> String {
    gap.phase.as_deref().and_then(|p| a.phase(p)).map(|p| p.name.clone()).unwrap_or_default()
}

/// The gap's status, with what today adds: an acceptance that expired, a
/// due date that has passed.
fn status_text(gap: &Gap, s: &Summary) -> String {
    let mut text = gap.status.as_str().replace('_', " ");
    if s.acceptance_expired.contains(&gap.id) {
        text.push_str(" (acceptance expired)");
    }
    if s.overdue.contains(&gap.id) {
        text.push_str(&format!(" · overdue, due {}", gap.due.as_deref().unwrap_or_default()));
    }
    text
}

/// The blockers: the open P0 gaps.
pub(super) fn blockers(a: &Assessment, s: &Summary) -> impl IntoView {
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
                        <td>{status_text(gap, s)}</td>
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

/// A gap's evidence: each entry's text, its address a link only where
/// `SafeLink` allows one; entries apart by semicolons.
fn evidence(gap: &Gap) -> impl IntoView {
    gap.evidence
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let separator = (i > 0).then_some("; ");
            let text = entry.text.clone();
            let shown = match entry.url.clone().filter(|u| !u.trim().is_empty()) {
                Some(url) => view! { <SafeLink address=url label=text /> }.into_any(),
                None => view! { <span>{text}</span> }.into_any(),
            };
            view! { {separator} {shown} }
        })
        .collect_view()
}

/// Every gap, grouped by category.
pub(super) fn gaps_by_category(a: &Assessment, s: &Summary) -> impl IntoView {
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
                            <td>{status_text(gap, s)}</td>
                            <td class="num">{effort_text(gap)}</td>
                            <td>{gap.owner.clone()}</td>
                            <td>{phase_name(a, gap)}</td>
                            <td>{evidence(gap)}</td>
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
                            {report_table(
                                &[
                                    ("Gap", false),
                                    ("Priority", false),
                                    ("Status", false),
                                    ("Effort", true),
                                    ("Owner", false),
                                    ("Phase", false),
                                    ("Evidence", false),
                                ],
                                rows,
                            )}
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

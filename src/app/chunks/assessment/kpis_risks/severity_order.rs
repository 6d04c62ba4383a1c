//! The risks, most severe first (impact × probability, from the core), each
//! a link to its card, with its owner, status and review date (marked when
//! the review is overdue).

use leptos::prelude::*;

use super::pills::severity_pill;
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::keyword_label;
use crate::app::clock::today;
use crate::core::model::{Impact, Probability, RiskStatus};
use crate::core::numbers::risk::{by_severity, review_overdue};

/// One line of the severity order.
#[derive(Clone, PartialEq)]
struct SeverityLine {
    /// Its place in the register, 1-based.
    position: usize,
    title: String,
    probability: Probability,
    impact: Impact,
    severity: u8,
    linked: usize,
    owner: String,
    status: RiskStatus,
    review_on: Option<String>,
    overdue: bool,
}

/// The risks, most severe first (impact × probability, from the core).
#[component]
pub(super) fn SeverityOrder() -> impl IntoView {
    let editor = use_editor();
    let lines = Memo::new(move |_| {
        let today = today();
        editor.with(|a| {
            by_severity(&a.risks)
                .into_iter()
                .map(|i| {
                    let r = &a.risks[i];
                    SeverityLine {
                        position: i + 1,
                        title: r.title.clone(),
                        probability: r.probability,
                        impact: r.impact,
                        severity: r.severity(),
                        linked: r.gaps.len(),
                        owner: r.owner.clone(),
                        status: r.status,
                        review_on: r.review_on.clone(),
                        overdue: review_overdue(r, &today),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <table class="severity-table">
            <caption>"By severity: impact × probability, highest first"</caption>
            <thead>
                <tr>
                    <th scope="col" class="num">"Severity"</th>
                    <th scope="col">"Risk"</th>
                    <th scope="col">"Probability"</th>
                    <th scope="col">"Impact"</th>
                    <th scope="col" class="num">"Linked gaps"</th>
                    <th scope="col">"Owner"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Review"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            view! {
                                <tr>
                                    <td class="num">
                                        <span class=severity_pill(line.severity)>{line.severity}</span>
                                    </td>
                                    <th scope="row">
                                        <button class="link-button" on:click=move |_| focus_risk(line.position)>
                                            {line.title}
                                        </button>
                                    </th>
                                    <td>{keyword_label(line.probability)}</td>
                                    <td>{keyword_label(line.impact)}</td>
                                    <td class="num">{line.linked}</td>
                                    <td>{line.owner}</td>
                                    <td>{keyword_label(line.status)}</td>
                                    <td>
                                        {line.review_on.unwrap_or_default()}
                                        {line
                                            .overdue
                                            .then(|| view! { <span class="pill pill-danger">"Overdue"</span> })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// Scrolls to risk card `position` (1-based) and moves focus to its title.
fn focus_risk(position: usize) {
    let Some(card) = document().get_element_by_id(&format!("risk-card-{position}")) else { return };
    card.scroll_into_view();
    if let Some(input) = card.query_selector("input").ok().flatten() {
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
            let _ = input.focus();
        }
    }
}

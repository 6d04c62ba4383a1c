//! The plan against today: the accepted gaps whose acceptance has expired
//! (counted as missing in every score above) and the gaps past their due
//! date, each list shown only when it has an entry.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::route::{Route, Tab};

/// The expired acceptances and the overdue gaps, as of today.
#[component]
pub(super) fn ExpiredAndOverdue() -> impl IntoView {
    let editor = use_editor();
    let href = move || Route::Assessment { id: editor.with(|a| a.id.clone()), tab: Tab::Gaps }.href();
    let list = move |ids: Vec<String>, detail: fn(&crate::core::model::Gap) -> String| {
        editor.with(|a| {
            ids.iter()
                .filter_map(|id| a.gap(id))
                .map(|gap| {
                    view! {
                        <li>
                            <a href=href()>{gap.title.clone()}</a>
                            " "
                            <span class="hint">{detail(gap)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let expired = move || {
        let ids = editor.summary.with(|s| s.acceptance_expired.clone());
        (!ids.is_empty()).then(|| {
            view! {
                <section class="card expired" aria-labelledby="expired-heading" data-testid="acceptance-expired">
                    <h2 id="expired-heading">
                        "Acceptance expired " <span class="count">{ids.len()}</span>
                    </h2>
                    <p class="hint">"Counted as missing again in every score, as of today."</p>
                    <ul>
                        {list(ids, |gap| {
                            let acceptance = gap.acceptance.clone().unwrap_or_default();
                            let by = if acceptance.by.is_empty() { String::new() } else { format!(" by {}", acceptance.by) };
                            format!("accepted{by}, expired {}", acceptance.expires.unwrap_or_default())
                        })}
                    </ul>
                </section>
            }
        })
    };
    let overdue = move || {
        let ids = editor.summary.with(|s| s.overdue.clone());
        (!ids.is_empty()).then(|| {
            view! {
                <section class="card overdue" aria-labelledby="overdue-heading" data-testid="overdue">
                    <h2 id="overdue-heading">"Overdue " <span class="count">{ids.len()}</span></h2>
                    <ul>{list(ids, |gap| format!("due {}", gap.due.clone().unwrap_or_default()))}</ul>
                </section>
            }
        })
    };
    view! {
        {expired}
        {overdue}
    }
}

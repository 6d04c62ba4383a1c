//! Readiness by priority: done against scored gaps for each priority
//! (tiers), and the open P0 gaps that stand between the system and
//! readiness (blockers).

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::route::{Route, Tab};

/// Done against scored gaps for each priority.
#[component]
pub(super) fn Tiers() -> impl IntoView {
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
pub(super) fn Blockers() -> impl IntoView {
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

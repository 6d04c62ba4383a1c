//! Each category's score (computed, or the assessor's manual one) against
//! its target and weight, with the terms of the computed score, gap by gap.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::explain::Explain;
use crate::core::numbers::score;
use crate::core::present::display::{self};

/// Each category's computed score, manual override, target and weight.
#[component]
pub(super) fn CategoryScores() -> impl IntoView {
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

//! The risk register: adding a risk, the severity order, then each risk's
//! editor.

use leptos::prelude::*;

use super::risk_card::{GapChoice, RiskCard};
use super::severity_order::SeverityOrder;
use crate::app::chunks::assessment::editor::use_editor;
use crate::core::edit;

/// Up to how many options, over all risk cards, the "link a gap" selects are
/// filled at once rather than when first approached.
const EAGER_OPTIONS: usize = 3000;

/// The risk register: the severity order, then each risk's editor.
#[component]
pub(super) fn RiskRegister() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    // Shared by every risk's "link a gap" select, and only changed when a
    // gap is added, removed or renamed.
    let gaps: Memo<Vec<GapChoice>> =
        Memo::new(move |_| editor.with(|a| a.gaps.iter().map(|g| (g.id.clone(), g.title.clone())).collect()));
    let add = move |_| {
        editor.edit(None, |a| {
            edit::add_risk(a);
        });
    };
    view! {
        <section class="section" aria-labelledby="risks-heading">
            <div class="toolbar">
                <h2 id="risks-heading">"Risks"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add>
                        "Add risk"
                    </button>
                </div>
            </div>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No risks yet. Add one, then link the gaps whose closing mitigates it."</p> }
            >
                <SeverityOrder />
                <h3 class="register-heading">"Register"</h3>
                <div class="risk-list">
                    <For
                        each=move || ids.get().into_iter().enumerate()
                        key=|(position, id)| (*position, id.clone())
                        children=move |(position, id)| {
                            let eager = editor.with_untracked(|a| a.gaps.len() * a.risks.len() <= EAGER_OPTIONS);
                            view! { <RiskCard position id gaps eager /> }
                        }
                    />
                </div>
            </Show>
        </section>
    }
}

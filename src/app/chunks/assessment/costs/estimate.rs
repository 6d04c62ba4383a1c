//! The "Estimate rates from stated costs" button, shown while a phase
//! states a cost, and its dialog (`rate_dialog`), made afresh from the
//! assessment as it is at each opening.

use leptos::prelude::*;

use super::rate_dialog::RateEstimate;
use crate::app::chunks::assessment::editor::use_editor;

/// The button, and its dialog while it is open.
#[component]
pub(super) fn EstimateRates() -> impl IntoView {
    let editor = use_editor();
    let states_a_cost = Memo::new(move |_| editor.with(|a| a.phases.iter().any(|p| p.stated_cost.is_some())));
    let open = RwSignal::new(false);
    view! {
        <Show when=move || states_a_cost.get()>
            <button class="button" on:click=move |_| open.set(true)>
                "Estimate rates from stated costs"
            </button>
        </Show>
        <Show when=move || open.get()>
            <RateEstimate editor open />
        </Show>
    }
}

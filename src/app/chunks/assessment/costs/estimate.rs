//! The "Estimate rates from stated costs" button, shown while a phase
//! states a cost. Its dialog and the rate fit come with their own chunk
//! (`chunks::rate_estimate`), fetched when first asked for and made afresh
//! at each opening.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::rate_estimate;
use crate::app::notices::use_notices;

/// The button, and its dialog while it is open.
#[component]
pub(super) fn EstimateRates() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let states_a_cost = Memo::new(move |_| editor.with(|a| a.phases.iter().any(|p| p.stated_cost.is_some())));
    let open = RwSignal::new(false);
    view! {
        <Show when=move || states_a_cost.get()>
            <button class="button" on:click=move |_| open.set(true)>
                "Estimate rates from stated costs"
            </button>
        </Show>
        {move || {
            open.get()
                .then(|| {
                    Suspend::new(async move {
                        rate_estimate::dialog(editor, open)
                            .await
                            .unwrap_or_else(|| {
                                notices.error(
                                    "The rate estimate could not be opened.",
                                    vec![
                                        "Its part of Gapmap could not be downloaded: the network may be down. Nothing was changed; try again when you are online."
                                            .to_string(),
                                    ],
                                );
                                open.set(false);
                                ().into_any()
                            })
                    })
                })
        }}
    }
}

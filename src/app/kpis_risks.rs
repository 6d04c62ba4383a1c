//! The KpisRisks tab (being written).

use leptos::prelude::*;

#[component]
pub fn KpisRisks() -> impl IntoView {
    view! { <p>"KpisRisks"</p> }
}

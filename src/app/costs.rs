//! The Costs tab (being written).

use leptos::prelude::*;

#[component]
pub fn Costs() -> impl IntoView {
    view! { <p>"Costs"</p> }
}

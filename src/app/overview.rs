//! The Overview tab (being written).

use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    view! { <p>"Overview"</p> }
}

//! The Settings tab (being written).

use leptos::prelude::*;

#[component]
pub fn Settings() -> impl IntoView {
    view! { <p>"Settings"</p> }
}

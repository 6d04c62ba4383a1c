//! The Roadmap tab (being written).

use leptos::prelude::*;

#[component]
pub fn Roadmap() -> impl IntoView {
    view! { <p>"Roadmap"</p> }
}

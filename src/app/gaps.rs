//! The Gaps tab (being written).

use leptos::prelude::*;

#[component]
pub fn Gaps() -> impl IntoView {
    view! { <p>"Gaps"</p> }
}

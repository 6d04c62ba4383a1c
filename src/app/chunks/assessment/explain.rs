//! "How is this computed": a disclosure beside a number that lists the terms
//! that made it, from the core's summary.

use leptos::prelude::*;

/// A native `<details>` disclosure: keyboard and screen-reader friendly as is.
#[component]
pub(super) fn Explain(
    /// What the disclosure explains, read with its summary line.
    #[prop(into, optional)]
    label: Option<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let summary = label.map_or_else(|| "How is this computed?".to_string(), |l| format!("How is {l} computed?"));
    view! {
        <details class="explain" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{summary}</summary>
            // The terms are rendered only while open: they can be long.
            <Show when=move || open.get()>
                <div class="explain-body">{children()}</div>
            </Show>
        </details>
    }
}

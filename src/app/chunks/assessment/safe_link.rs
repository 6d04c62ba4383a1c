//! An address a user typed or a file carried, shown as a link only when
//! `core::present::link` allows it (`http:`, `https:` or relative): then it
//! opens in a new tab, with `rel="noopener noreferrer"` so that the page it
//! opens can neither reach back into this one nor learn where it came from.
//! Anything else is shown as plain text (as code, with a title that says
//! it is not opened). The text is always set as text, never as HTML.

use leptos::prelude::*;

use crate::core::present::link;

/// `address` as a link labelled `label` (the address itself when the label
/// is blank), or as text when it may not be a link; nothing when blank.
#[component]
pub(super) fn SafeLink(#[prop(into)] address: Signal<String>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    move || {
        let address = address.get();
        if address.trim().is_empty() {
            return None;
        }
        let label = label.get();
        let shown = if label.trim().is_empty() { address.clone() } else { label };
        Some(match link::href(&address) {
            Some(href) => view! {
                <a href=href.to_string() target="_blank" rel="noopener noreferrer">
                    {shown}
                </a>
            }
            .into_any(),
            None => view! {
                <code title="Not opened: only http, https and relative addresses are links">{address}</code>
            }
            .into_any(),
        })
    }
}

//! Waiting for a share link in the page's address, at start or pasted
//! later, and then bringing in the dialog that reads it, from its chunk.

use leptos::prelude::*;

use super::address::payload_here;
use crate::app::chunks;
use crate::app::notices::Notices;

/// Waits for a share link in the address, at start or pasted later, and
/// then brings in the dialog that reads it (with the link's decoder, in a
/// chunk that a first visit without a link never downloads).
#[component]
pub fn SharedLinks() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let linked = RwSignal::new(payload_here().is_some());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if !linked.get_untracked() && payload_here().is_some() {
            linked.set(true);
        }
    });
    on_cleanup(move || listener.remove());
    move || {
        linked.get().then(|| {
            Suspend::new(async move {
                match chunks::shared_link_dialog().await {
                    Ok(dialog) => Some(dialog),
                    Err(error) => {
                        let _ = linked.try_set(false);
                        notices.error_with_action(
                            "This share link could not be opened.",
                            vec![error.to_string()],
                            "Try again",
                            move || {
                                let _ = linked.try_set(true);
                            },
                        );
                        None
                    }
                }
            })
        })
    }
}

//! What every screen says about this browser's storage: that nothing will
//! be kept, or that what is kept is less safe than usual
//! ([`StorageBanner`]); and, well before local storage is full, how much of
//! it is used ([`UsageWarning`]).

use leptos::prelude::*;

use super::library::state::use_library;

/// Says once, plainly, when nothing will be kept across visits, or when
/// what is kept is less safe than usual: on a page opened from a file
/// (file://, the portable build), browsers give local storage that is shared
/// with every other local file, or cleared, or none at all.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let available = use_library().is_available();
    let from_file = window().location().protocol().is_ok_and(|p| p == "file:");
    match (from_file, available) {
        (true, true) => Some(
            view! {
                <div class="banner banner-warning" role="status" data-testid="file-notice">
                    "Gapmap is running from a file on this computer (file://). Browsers keep what such pages save less reliably than a website\u{2019}s storage: it may be shared with other files you open, or cleared. "
                    "Work as usual, and export each assessment (Export, in its header) to keep it safe."
                </div>
            }
            .into_any(),
        ),
        (true, false) => Some(
            view! {
                <div class="banner banner-warning" role="status" data-testid="file-notice">
                    "Gapmap is running from a file on this computer (file://), where this browser gives it no storage. "
                    "You can work as usual, in memory, but nothing is kept after this page closes: export your assessments to keep them."
                </div>
            }
            .into_any(),
        ),
        (false, false) => Some(
            view! {
                <div class="banner banner-warning" role="alert">
                    "This browser does not let Gapmap save: local storage is turned off, blocked in private mode, or full. "
                    "What is already saved stays readable, and you can work as usual, but new changes are not kept after this page closes: export your assessments to keep them."
                </div>
            }
            .into_any(),
        ),
        (false, true) => None,
    }
}

/// Warns, on every screen, well before local storage is full: how much is
/// used of the budget, and what to do about it.
#[component]
pub fn UsageWarning() -> impl IntoView {
    let library = use_library();
    move || {
        library.usage_warning().map(|warning| {
            view! {
                <div class="banner banner-warning" role="status" data-testid="storage-usage">
                    {warning}
                </div>
            }
        })
    }
}

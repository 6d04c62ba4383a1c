//! The door to "Estimate rates from stated costs": the `gapmap_rates`
//! chunk, which alone carries the rate fit (`core::numbers::rates` and its
//! non-negative least squares), fetched when the dialog is first asked for.
//!
//! The door is here rather than in `chunks.rs` because the open
//! assessment's Costs tab calls it: `chunks.rs` names the assessment's
//! screen, so a call back into it from the assessment's files would make
//! the app's files name each other in a cycle (`tests/tidy.rs`). For the
//! same reason a chunk that cannot be fetched is `None` here, not a
//! `ChunkError`; the caller says so.

mod dialog;

use leptos::prelude::*;

use super::assessment::editor::Editor;

/// The dialog, open while `open` is true, made afresh from the assessment
/// as it is; `None` when its chunk could not be fetched.
pub(super) async fn dialog(editor: Editor, open: RwSignal<bool>) -> Option<AnyView> {
    #[cfg(feature = "split")]
    {
        split::dialog(editor, open).await.ok()
    }
    #[cfg(not(feature = "split"))]
    {
        Some(view! { <dialog::RateEstimate editor open /> }.into_any())
    }
}

/// The split point. Its module name is the chunk's file name.
#[cfg(feature = "split")]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::wasm_split;

    use super::Editor;

    /// A chunk that could not be fetched.
    pub(super) struct Unfetched;

    impl From<leptos::wasm_split::SplitLoaderError> for Unfetched {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            Unfetched
        }
    }

    /// The dialog: the `gapmap_rates` chunk.
    #[wasm_split(gapmap_rates, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub(super) fn dialog(editor: Editor, open: RwSignal<bool>) -> Result<AnyView, Unfetched> {
        Ok(view! { <super::dialog::RateEstimate editor open /> }.into_any())
    }
}

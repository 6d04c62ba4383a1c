//! What the merge view is asked to merge, and what it hands the result to.

use leptos::prelude::*;

use crate::core::Assessment;

/// What to merge, and what to do with the result.
#[derive(Clone)]
pub struct MergeAsk {
    /// The other side as the view names it ("the imported file").
    pub(in crate::app::chunks) theirs_name: String,
    /// The version both sides started from, when it is known.
    pub(in crate::app::chunks) base: Option<Assessment>,
    /// The working copy.
    pub(in crate::app::chunks) ours: Assessment,
    /// The version that came back.
    pub(in crate::app::chunks) theirs: Assessment,
    /// Takes the merged result ("Apply merge").
    pub(in crate::app::chunks) on_apply: Callback<Assessment>,
    /// Closes the view (after Apply, or Cancel).
    pub(in crate::app::chunks) on_close: Callback<()>,
}

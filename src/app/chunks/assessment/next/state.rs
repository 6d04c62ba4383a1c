//! The view state of the "Next steps" tab, shared by its parts through
//! context: the core's summary of what to do next, as one memo over the
//! editor's assessment as of its today, and the filter of the quick wins with the gaps it
//! lets through (the core's `query::filter_gaps`).

use std::collections::HashSet;

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::Editor;
use crate::core::numbers::next::{self, NextSummary};
use crate::core::present::query::{self, GapFilter};

/// The tab's state. The assessment itself is only ever read from the [`Editor`].
#[derive(Clone, Copy)]
pub(super) struct NextState {
    pub(super) editor: Editor,
    /// The gains, ranked as quick wins, and the cheapest path to ready.
    pub(super) summary: Memo<NextSummary>,
    /// Words, a category and a priority; status and phase are never set.
    pub(super) filter: RwSignal<GapFilter>,
    /// The positions of the gaps the filter lets through.
    pub(super) matching: Memo<HashSet<usize>>,
    /// The gap whose gain the disclosure explains (its position); `None`:
    /// the first quick win.
    pub(super) explained: RwSignal<Option<usize>>,
}

impl NextState {
    /// The state of a newly shown tab: nothing filtered out.
    pub(super) fn new(editor: Editor) -> Self {
        let summary =
            Memo::new(move |_| editor.today.with_value(|today| editor.with(|a| next::summarize_as_of(a, today))));
        let filter = RwSignal::new(GapFilter::default());
        let matching = Memo::new(move |_| {
            filter.with(|filter| editor.with(|a| query::filter_gaps(a, filter).into_iter().collect()))
        });
        NextState { editor, summary, filter, matching, explained: RwSignal::new(None) }
    }
}

/// The tab's state, from context.
pub(super) fn use_next() -> NextState {
    expect_context::<NextState>()
}

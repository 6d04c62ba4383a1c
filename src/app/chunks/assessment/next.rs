//! The "Next steps" tab: what to do next, from the core's
//! `core::numbers::next`. The quick wins are the open gaps by gain per
//! person-day, filtered by words, category and priority, with the gaps of
//! unknown effort apart and a disclosure that works out one gap's gain; the
//! cheapest path to ready lists its gaps, its effort and the overall it
//! reaches, and plans them as a phase in one step.
//!
//! Every number and its words come from the core's `NextSummary` (one memo
//! in `state`) and `core::present::display`; the tab computes nothing.
//!
//! - `state`: the tab's memo of the summary and its filter; `gap_link`: a
//!   gap's link to the Gaps tab.
//! - `filters`: the search box and the category and priority selects.
//! - `quick_wins`: the two tables; `explain_gain`: the terms of one gain.
//! - `path`: the cheapest path to ready and "Plan these as a phase".

mod explain_gain;
mod filters;
mod gap_link;
mod path;
mod quick_wins;
mod state;

use leptos::prelude::*;

use self::state::NextState;
use super::editor::use_editor;
use crate::core::present::display;

/// The "Next steps" tab.
#[component]
pub(super) fn NextSteps() -> impl IntoView {
    let state = NextState::new(use_editor());
    provide_context(state);
    let summary = state.summary;
    let standing = move || {
        summary.with(|s| {
            format!(
                "Overall now {}; ready at {} with no blocker open.",
                display::score(s.overall),
                display::number(s.ready_threshold)
            )
        })
    };
    view! {
        <div class="next-steps">
            <section class="card" aria-labelledby="next-heading">
                <h2 id="next-heading">"Next steps"</h2>
                <p data-testid="next-standing">{standing}</p>
                <p class="hint">
                    "A gap's gain is how much closing it alone would raise the overall score. "
                    "Gains add up: closing several gaps raises the overall by the sum of their gains."
                </p>
            </section>
            <path::PathToReady />
            <quick_wins::QuickWins />
        </div>
    }
}

//! The History tab: the milestones saved in the file (`milestones`: save
//! one, rename, delete with undo) and the comparison of any two states
//! (`compare`: two milestones, a milestone and now, now and another
//! Gapmap file). The Overview draws their trend (`charts::TrendChart`).

mod compare;
mod milestones;

use leptos::prelude::*;

use self::compare::{Choice, Compare};
use self::milestones::Milestones;

/// Which two states the comparison shows, shared by the milestones' list
/// ("Compare with now") and the comparison's own choosers.
#[derive(Clone, Copy)]
struct Sides {
    /// `None`: the newest milestone, or now when there is none.
    before: RwSignal<Option<Choice>>,
    after: RwSignal<Choice>,
}

/// The History tab.
#[component]
pub(super) fn History() -> impl IntoView {
    let sides = Sides { before: RwSignal::new(None), after: RwSignal::new(Choice::Now) };
    view! {
        <div class="history">
            <Milestones sides />
            <Compare sides />
        </div>
    }
}

//! The History tab: the milestones saved in the file (`milestones`: save
//! one, rename, delete with undo) and the comparison of any two states
//! (`compare`: two milestones, a milestone and now, now and another
//! Gapmap file; `sides`: the pair chosen, which the list's "Compare with
//! now" sets too). The Overview draws their trend (`charts::TrendChart`).

mod compare;
mod milestones;
mod sides;

use leptos::prelude::*;

use self::compare::Compare;
use self::milestones::Milestones;
use self::sides::{Choice, Sides};

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

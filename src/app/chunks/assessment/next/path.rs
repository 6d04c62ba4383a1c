//! The cheapest path to ready: the gaps whose closing makes the assessment
//! production-ready for the least effort, the total effort and the overall
//! they reach (or why ready is out of reach), and whether no cheaper path
//! exists; "Plan these as a phase" puts exactly those gaps in a new phase,
//! first in the roadmap, as one undo step (`core::edit::plan_phase`).

use leptos::prelude::*;

use super::gap_link::GapLink;
use super::state::use_next;
use crate::app::notices::use_notices;
use crate::core::edit;
use crate::core::numbers::next::{NextSummary, PathSummary};
use crate::core::present::display;

/// The name of the phase that "Plan these as a phase" creates.
const PLANNED_PHASE: &str = "Path to ready";

/// The path's effort in words: the stated efforts' total, and the gaps
/// whose effort is not stated.
fn effort_words(path: &PathSummary) -> String {
    let known = path.known_effort_days;
    let unknown = if path.unknown_effort.is_empty() {
        String::new()
    } else {
        format!(" plus the effort of {} (not stated)", path.unknown_effort.join(", "))
    };
    format!("{} person-days{unknown}", display::range(known.min, known.max))
}

/// What the path comes to, in one sentence.
fn verdict(s: &NextSummary) -> String {
    let path = &s.path_to_ready;
    let threshold = display::number(s.ready_threshold);
    if !path.possible {
        return match path.overall_after {
            None => "Ready is out of reach: no category has a score.".to_string(),
            Some(after) => format!(
                "Ready is out of reach: with every open gap closed ({}, {}) the overall would be {}, below {threshold}.",
                display::plural(path.gaps.len(), "gap", "gaps"),
                effort_words(path),
                display::score(Some(after)),
            ),
        };
    }
    if path.gaps.is_empty() {
        return "Ready now: nothing needs closing.".to_string();
    }
    format!(
        "Closing {} takes {} and brings the overall to {} (ready at {threshold}, with no blocker open).",
        display::plural(path.gaps.len(), "gap", "gaps"),
        effort_words(path),
        display::score(path.overall_after),
    )
}

/// Whether the path is the cheapest there is, in one sentence.
fn proof(path: &PathSummary) -> String {
    if path.proven_minimal {
        "No other choice of gaps reaches ready for less effort.".to_string()
    } else {
        format!(
            "The cheapest path found, not proven the cheapest: none takes fewer than {} person-days.",
            display::number(path.effort_at_least)
        )
    }
}

/// The path, its figures and "Plan these as a phase".
#[component]
pub(super) fn PathToReady() -> impl IntoView {
    let state = use_next();
    let (editor, summary) = (state.editor, state.summary);
    let notices = use_notices();
    let positions = Memo::new(move |_| summary.with(|s| s.path_to_ready.positions.clone()));
    let plannable = move || summary.with(|s| s.path_to_ready.possible && !s.path_to_ready.gaps.is_empty());
    let plan = move |_| {
        let gaps = positions.get_untracked();
        editor.edit(None, |a| {
            edit::plan_phase(a, PLANNED_PHASE, &gaps);
        });
        notices.info(format!(
            "Planned the phase \u{201c}{PLANNED_PHASE}\u{201d}, first in the roadmap, with the {} of the path.",
            display::plural(gaps.len(), "gap", "gaps")
        ));
    };
    view! {
        <section class="card path-to-ready" aria-labelledby="path-heading">
            <h2 id="path-heading">"The cheapest path to ready"</h2>
            <p data-testid="path-verdict">{move || summary.with(verdict)}</p>
            <Show when=plannable>
                <p class="hint">{move || summary.with(|s| proof(&s.path_to_ready))}</p>
            </Show>
            <Show when=move || !positions.with(Vec::is_empty)>
                <ul class="path-gaps" aria-label="Gaps of the path">
                    {move || {
                        positions.get().into_iter().map(|index| view! { <li><GapLink editor index /></li> }).collect_view()
                    }}
                </ul>
            </Show>
            <Show when=plannable>
                <button class="button button-primary" prop:disabled=editor.is_read_only() on:click=plan>
                    "Plan these as a phase"
                </button>
            </Show>
        </section>
    }
}

//! The gap editor's fields that need more than a plain input: the category
//! (with an unknown one kept on the list), the severity, the phase, the
//! effort (a range in a unit), and the note that says the gap's credit and
//! where it comes from.

use leptos::prelude::*;

use super::handle::GapHandle;
use crate::app::chunks::assessment::gaps::phase_options::phase_options;
use crate::app::chunks::fields::{keyword_label, keyword_options, RangeField, Select};
use crate::core::model::{Effort, EffortUnit, Severity, Status};
use crate::core::present::display;

/// The gap's category: every category of the assessment, and the one the
/// gap names when no such category exists.
#[component]
pub(super) fn CategoryField(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let category = handle.get(|g| g.category.clone());
    let unknown = Memo::new(move |_| {
        let id = category.get();
        (!state.categories.with(|c| c.iter().any(|(c, _)| *c == id))).then_some(id)
    });
    move || {
        let mut options = state.categories.get();
        if let Some(id) = unknown.get() {
            options.insert(0, (id.clone(), format!("Unknown category \u{201c}{id}\u{201d}")));
        }
        view! {
            <Select
                label="Category"
                options
                value=category
                on_change=Callback::new(move |id: String| handle.change(None, |g| g.category = id))
            />
        }
    }
}

/// The gap's severity, or "Not set".
#[component]
pub(super) fn SeverityField(handle: GapHandle) -> impl IntoView {
    let mut options = vec![(String::new(), "Not set".to_string())];
    options.extend(keyword_options::<Severity>());
    view! {
        <Select
            label="Severity"
            options
            value=handle.get(|g| g.severity.map(|s| s.as_str().to_string()).unwrap_or_default())
            on_change=Callback::new(move |value: String| handle.change(None, |g| g.severity = Severity::parse(&value)))
        />
    }
}

/// The phase that closes the gap: every phase, "No phase", and the one
/// the gap names when no such phase exists.
#[component]
pub(super) fn PhaseField(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let phase = handle.get(|g| g.phase.clone());
    let unknown =
        Memo::new(move |_| phase.get().filter(|id| !state.phases.with(|phases| phases.iter().any(|(p, _)| p == id))));
    move || {
        let options = phase_options(state.phases.get(), unknown.get());
        view! {
            <Select
                label="Phase"
                options
                value=Signal::derive(move || phase.get().unwrap_or_default())
                on_change=Callback::new(move |id: String| {
                    handle.change(None, |g| g.phase = (!id.is_empty()).then_some(id))
                })
            />
        }
    }
}

/// The effort estimate: a unit (or none) and a range in that unit, with the
/// person-days it comes to.
#[component]
pub(super) fn EffortField(handle: GapHandle) -> impl IntoView {
    let unit = handle.get(|g| g.effort.as_ref().map(|e| e.unit));
    let mut options = vec![(String::new(), "No estimate".to_string())];
    options.extend(keyword_options::<EffortUnit>());
    let set_unit = Callback::new(move |value: String| {
        let unit = EffortUnit::parse(&value);
        handle.change(None, |g| match (unit, g.effort.as_mut()) {
            (None, _) => g.effort = None,
            (Some(unit), Some(effort)) => effort.unit = unit,
            // A first estimate: one of the unit, to be corrected.
            (Some(unit), None) => g.effort = Some(Effort::new(1.0, 1.0, unit)),
        });
    });
    let days = move || {
        handle.data.with(|d| {
            d.as_ref().and_then(|d| d.figures.effort_days).map(|(min, max)| {
                let days = display::range(min, max);
                if (min, max) == (1.0, 1.0) {
                    format!("{days} person-day")
                } else {
                    format!("{days} person-days")
                }
            })
        })
    };
    view! {
        <div class="gap-effort">
            <Select
                label="Effort unit"
                options
                value=Signal::derive(move || unit.get().map(|u| u.as_str().to_string()).unwrap_or_default())
                on_change=set_unit
            />
            {move || {
                unit.get()
                    .map(|u| {
                        view! {
                            <RangeField
                                label="Effort"
                                unit=keyword_label(u).to_lowercase()
                                value=handle.get(|g| g.effort.as_ref().map(|e| (e.min, e.max)).unwrap_or_default())
                                on_change=Callback::new(move |(min, max): (f64, f64)| {
                                    handle.change(Some("effort"), |g| {
                                        if let Some(effort) = g.effort.as_mut() {
                                            effort.min = min;
                                            effort.max = max;
                                        }
                                    })
                                })
                            />
                            <p class="hint gap-effort-days">"That is " {days} "."</p>
                        }
                    })
            }}
        </div>
    }
}

/// The gap's credit, and where it comes from.
#[component]
pub(super) fn CreditNote(handle: GapHandle) -> impl IntoView {
    let text = move || {
        handle.data.with(|d| {
            let d = d.as_ref()?;
            let why = match d.gap.status {
                Status::Done => "it is done",
                Status::Missing => "nothing of it is in place",
                Status::Partial if d.gap.items.is_empty() => "partial, with the partial credit set in Settings",
                Status::Partial => "partial: the share of its checklist that is done",
                Status::Accepted | Status::NotApplicable => "",
            };
            Some(match d.figures.credit_percent {
                Some(percent) => format!("Credit {}% in its category\u{2019}s score: {why}.", display::number(percent)),
                None => format!("Not scored: it is {}.", keyword_label(d.gap.status).to_lowercase()),
            })
        })
    };
    view! { <p class="hint gap-credit">{text}</p> }
}

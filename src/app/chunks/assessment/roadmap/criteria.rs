//! A phase's exit criteria: what must hold for it to be done, each ticked
//! when met with what shows it (an address, shown as a link under the rule
//! of `core::present::link`, or a few words), and how many are met ("1 of
//! 3 criteria met", from the core). Criteria have no ids: rows are keyed by
//! position and read their criterion by position.

use leptos::prelude::*;

use super::phase::{edit_phase, with_phase};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::safe_link::SafeLink;
use crate::app::chunks::fields::{Checkbox, TextField};
use crate::core::edit::{self, Key};
use crate::core::numbers::criteria::criteria_met_text;
use crate::core::present::link;

/// What must be true for a phase to be done.
#[component]
pub(super) fn ExitCriteria(
    /// Which phase.
    phase: Key,
) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let count = Memo::new(move |_| with_phase(editor, &k, |p| p.exit_criteria.len()).unwrap_or(0));
    let k = phase.clone();
    let met = Memo::new(move |_| with_phase(editor, &k, criteria_met_text).flatten());
    let k = phase.clone();
    let add = move |_| {
        edit_phase(editor, &k, None, |p| {
            edit::add_exit_criterion(p);
        })
    };
    let line_phase = StoredValue::new(phase.clone());
    view! {
        <section class="phase-part phase-part-wide">
            <h4>"Exit criteria"</h4>
            <p aria-live="polite">
                {move || met.get()}
            </p>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"None yet: say what must be true for the phase to be done."</p> }
            >
                <ol class="criteria">
                    <For each=move || 0..count.get() key=|i| *i let:line>
                        <Criterion phase=line_phase.get_value() line />
                    </For>
                </ol>
            </Show>
            <button class="button button-small" on:click=add>
                "Add exit criterion"
            </button>
        </section>
    }
}

/// One criterion: met, its text, its evidence (and the evidence as shown), remove.
#[component]
fn Criterion(phase: Key, line: usize) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let text = Signal::derive(move || {
        with_phase(editor, &k, |p| p.exit_criteria.get(line).map(|c| c.text.clone())).flatten().unwrap_or_default()
    });
    let k = phase.clone();
    let met = Signal::derive(move || {
        with_phase(editor, &k, |p| p.exit_criteria.get(line).is_some_and(|c| c.met)).unwrap_or(false)
    });
    let k = phase.clone();
    let evidence = Signal::derive(move || {
        with_phase(editor, &k, |p| p.exit_criteria.get(line).and_then(|c| c.evidence.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let k = phase.clone();
    let on_text = Callback::new(move |v: String| {
        edit_phase(editor, &k, Some(&format!("exit:{line}")), |p| {
            if let Some(c) = p.exit_criteria.get_mut(line) {
                c.text = v;
            }
        })
    });
    let k = phase.clone();
    let on_met = Callback::new(move |v: bool| {
        edit_phase(editor, &k, None, |p| {
            if let Some(c) = p.exit_criteria.get_mut(line) {
                c.met = v;
            }
        })
    });
    let k = phase.clone();
    let on_evidence = Callback::new(move |v: String| {
        edit_phase(editor, &k, Some(&format!("exit-evidence:{line}")), |p| {
            if let Some(c) = p.exit_criteria.get_mut(line) {
                edit::set_criterion_evidence(c, v);
            }
        })
    });
    let k = phase.clone();
    let remove = move |_| {
        edit_phase(editor, &k, None, |p| {
            edit::remove_exit_criterion(p, line);
        })
    };
    let n = line + 1;
    view! {
        <li class="criterion">
            <Checkbox label=format!("Exit criterion {n} met") hide_label=true checked=met on_change=on_met />
            <TextField label=format!("Exit criterion {n}") hide_label=true value=text on_change=on_text />
            <TextField
                label=format!("Evidence for exit criterion {n}")
                hide_label=true
                placeholder="Evidence: https://… or a note"
                value=evidence
                on_change=on_evidence
            />
            // A note is shown by its field alone; an address that may be a
            // link is also offered as one.
            <span>
                <Show when=move || evidence.with(|e| link::href(e).is_some())>
                    <SafeLink address=evidence label=Signal::derive(move || format!("Evidence {n}")) />
                </Show>
            </span>
            <button class="button button-small button-danger" on:click=remove>
                "Remove"
                <span class="visually-hidden">{format!(" exit criterion {n}")}</span>
            </button>
        </li>
    }
}

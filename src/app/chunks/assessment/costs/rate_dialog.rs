//! "Estimate rates from stated costs": the weekly rate per role that
//! reproduces the costs the phases state (`core::numbers::rates::fit`), how
//! well it fits each phase, and where the teams allow no fit. "Apply rates"
//! writes the proposal as one undo step (`rates::apply`); Cancel changes
//! nothing.
//!
//! It comes with the assessment's chunk (with the fit and its solver, 13 KB
//! gzip -9 of that chunk's 470 KB): a door of its own would add its entries
//! to the chunks' loader, which every first visit downloads (measured: the
//! first load 382 bytes larger), and the first load must not grow.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::Editor;
use crate::app::dialog::Dialog;
use crate::app::notices::use_notices;
use crate::core::numbers::rates::{self, PhaseFit, ProposedRate};
use crate::core::present::display;

/// The dialog, with the proposal made from the assessment as it is when it
/// opens: what "Apply rates" writes is what the user saw.
#[component]
pub(super) fn RateEstimate(
    /// The open assessment.
    editor: Editor,
    /// Whether the dialog is shown; Cancel, Escape and Apply set it false.
    open: RwSignal<bool>,
) -> impl IntoView {
    let notices = use_notices();
    let (fit, currency) = editor.with_untracked(|a| (rates::fit(a), a.currency.clone()));
    let derived = fit.rates.iter().filter(|r| r.proposed.is_some()).count();
    let roles = fit.rates.iter().map(|rate| role_row(rate, &currency)).collect_view();
    let phases = fit.phases.iter().map(|phase| phase_row(phase, &currency)).collect_view();
    let notes = fit.notes.iter().map(|note| view! { <li>{note.to_string()}</li> }).collect_view();
    let has_phases = !fit.phases.is_empty();
    let has_notes = !fit.notes.is_empty();
    let fit = StoredValue::new(fit);
    let apply = move |_| {
        let mut written = 0;
        editor.edit(None, |a| written = fit.with_value(|fit| rates::apply(a, fit)));
        open.set(false);
        notices.info(format!(
            "Applied {}. Undo puts the rates back as they were.",
            display::plural(written, "weekly rate", "weekly rates")
        ));
    };

    view! {
        <Dialog open title="Estimate rates from stated costs">
            <p>
                "One weekly rate per role, none below 0, that reproduces the cost each phase states (its midpoint) as closely as the phases' teams allow. Nothing changes until you apply them."
            </p>
            {(derived > 0)
                .then(|| {
                    view! {
                        <table class="rate-estimate-roles">
                            <caption>"Proposed weekly rates"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Role"</th>
                                    <th scope="col" class="num">"Now"</th>
                                    <th scope="col" class="num">"Proposed"</th>
                                </tr>
                            </thead>
                            <tbody>{roles}</tbody>
                        </table>
                    }
                })}
            {has_phases
                .then(|| {
                    view! {
                        <table class="rate-estimate-phases">
                            <caption>"Each phase at these rates"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Phase"</th>
                                    <th scope="col" class="num">"Stated (midpoint)"</th>
                                    <th scope="col" class="num">"Computed"</th>
                                    <th scope="col">"Difference"</th>
                                </tr>
                            </thead>
                            <tbody>{phases}</tbody>
                        </table>
                    }
                })}
            {has_notes
                .then(|| {
                    view! {
                        <section aria-label="Where the teams do not allow a fit">
                            <ul class="rate-estimate-notes">{notes}</ul>
                        </section>
                    }
                })}
            <div class="dialog-actions">
                <button class="button" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
                <button class="button button-primary" disabled=derived == 0 on:click=apply>
                    "Apply rates"
                </button>
            </div>
        </Dialog>
    }
}

/// One role: its rate now and the one proposed; a proposal of 0 is marked
/// for the user to check, as the notes say why.
fn role_row(rate: &ProposedRate, currency: &str) -> impl IntoView {
    let now = rate.current.map_or_else(|| "unknown".to_string(), |r| display::money(r, currency));
    let proposed = match rate.proposed {
        None => "not derived".into_any(),
        Some(r) if r == 0.0 => view! {
            {display::money(r, currency)}
            " "
            <span class="pill pill-warn">"check by hand"</span>
        }
        .into_any(),
        Some(r) => display::money(r, currency).into_any(),
    };
    view! {
        <tr>
            <th scope="row">{rate.name.clone()}</th>
            <td class="num">{now}</td>
            <td class="num">{proposed}</td>
        </tr>
    }
}

/// One phase that states a cost: its stated midpoint, what the proposed
/// rates compute, and how far apart they are.
fn phase_row(phase: &PhaseFit, currency: &str) -> impl IntoView {
    let computed = phase.fitted.map_or_else(|| "unknown".to_string(), |f| display::money(f, currency));
    let miss = phase.miss.map_or_else(|| "—".to_string(), rates::describe_miss);
    view! {
        <tr>
            <th scope="row">{phase.name.clone()}</th>
            <td class="num">{display::money(phase.stated, currency)}</td>
            <td class="num">{computed}</td>
            <td>{miss}</td>
        </tr>
    }
}

//! The merge dialog: what came in from the other side, each conflict with
//! its path, both values and a choice (yours by default), and "Apply
//! merge" or "Cancel" (which changes nothing).

use leptos::prelude::*;

use super::ask::MergeAsk;
use super::engine::{self, Side};
use crate::app::dialog::{unique_id, Dialog};

/// The merge dialog of `ask`, open from the start; closing it by any way
/// calls `ask.on_close`.
#[component]
pub(super) fn MergeDialog(ask: MergeAsk) -> impl IntoView {
    let outcome = engine::merge(ask.base.as_ref(), &ask.ours, &ask.theirs);
    let choices = RwSignal::new(vec![Side::Ours; outcome.conflicts.len()]);
    let open = RwSignal::new(true);
    let on_close = ask.on_close;
    Effect::new(move |_| {
        if !open.get() {
            on_close.run(());
        }
    });
    let title = Signal::derive(move || "Merge".to_string());
    let apply = {
        let outcome = outcome.clone();
        move |_| {
            ask.on_apply.run(engine::resolve(&outcome, &choices.get_untracked()));
            open.set(false);
        }
    };
    let name = ask.theirs_name.clone();
    let came_in_heading = unique_id("merge-came-in");
    let came_in_label = came_in_heading.clone();
    let conflicts_heading = unique_id("merge-conflicts");
    let conflicts_label = conflicts_heading.clone();
    let came_in = outcome.came_in.clone();
    let conflicts = outcome.conflicts.clone();
    view! {
        <Dialog open title>
            <div class="merge-view">
                <p>
                    {format!(
                        "Merging {name} into \u{201c}{}\u{201d}. Nothing changes until you choose Apply merge.",
                        ask.ours.title,
                    )}
                </p>
                {ask.base.is_none().then(|| view! {
                    <p class="hint" data-testid="merge-no-base">
                        "This browser kept no copy of the file as it last exported or imported it, so there is no base to tell who changed what: every difference is listed as a conflict for you to choose."
                    </p>
                })}
                <section aria-labelledby=came_in_label>
                    <h3 id=came_in_heading>{format!("Came in from {name} ({})", came_in.len())}</h3>
                    {if came_in.is_empty() {
                        view! { <p class="hint">"Nothing, apart from the conflicts below."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="merge-came-in">
                                {came_in.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
                <section aria-labelledby=conflicts_label>
                    <h3 id=conflicts_heading>{format!("Conflicts ({})", conflicts.len())}</h3>
                    {conflicts.is_empty().then(|| view! { <p class="hint">"None: the merge is clean."</p> })}
                    {conflicts
                        .into_iter()
                        .enumerate()
                        .map(|(i, conflict)| {
                            if let Some(why) = conflict.fixed {
                                return view! {
                                    <fieldset class="merge-conflict">
                                        <legend>{conflict.path}</legend>
                                        <p class="hint">{why}</p>
                                    </fieldset>
                                }
                                .into_any();
                            }
                            let group = unique_id("merge-choice");
                            let choose = move |side| choices.update(|c| c[i] = side);
                            let chosen = move |side| choices.with(|c| c.get(i) == Some(&side));
                            view! {
                                <fieldset class="merge-conflict">
                                    <legend>{conflict.path}</legend>
                                    <label>
                                        <input
                                            type="radio"
                                            name=group.clone()
                                            prop:checked=move || chosen(Side::Ours)
                                            on:change=move |_| choose(Side::Ours)
                                        />
                                        " Keep yours: "
                                        <span class="merge-value">{conflict.ours}</span>
                                    </label>
                                    <label>
                                        <input
                                            type="radio"
                                            name=group
                                            prop:checked=move || chosen(Side::Theirs)
                                            on:change=move |_| choose(Side::Theirs)
                                        />
                                        " Take theirs: "
                                        <span class="merge-value">{conflict.theirs}</span>
                                    </label>
                                </fieldset>
                            }
                            .into_any()
                        })
                        .collect_view()}
                </section>
            </div>
            <div class="dialog-actions">
                <button class="button" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
                <button class="button button-primary" on:click=apply>
                    "Apply merge"
                </button>
            </div>
        </Dialog>
    }
}

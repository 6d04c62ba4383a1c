//! The gap editor's fields of the plan in calendar time: the due date, the
//! gaps it depends on (listed, each removable, and a select to add one),
//! and, while the gap is accepted, the acceptance's reason, who gave it and
//! the day it expires.

use leptos::prelude::*;

use super::handle::GapHandle;
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::{DateField, Select, TextField};
use crate::core::edit;
use crate::core::model::{Acceptance, Status};

/// The day the gap should be closed by, marked when it is overdue.
#[component]
pub(super) fn DueField(handle: GapHandle) -> impl IntoView {
    let editor = use_editor();
    let overdue = Memo::new(move |_| {
        let id = handle.data.with(|d| d.as_ref().map(|d| d.gap.id.clone()));
        id.is_some_and(|id| editor.summary.with(|s| s.overdue.contains(&id)))
    });
    view! {
        <DateField
            label="Due date"
            value=handle.get(|g| g.due.clone())
            on_change=Callback::new(move |due: Option<String>| handle.change(None, |g| g.due = due))
        />
        <Show when=move || overdue.get()>
            <p class="hint overdue-note"><span class="pill pill-danger">"Overdue"</span></p>
        </Show>
    }
}

/// The gaps to close before this one.
#[component]
pub(super) fn DependsOnField(handle: GapHandle) -> impl IntoView {
    let editor = use_editor();
    let depends_on = handle.get(|g| g.depends_on.clone());
    let own = handle.get(|g| g.id.clone());
    // The lists are memos over the assessment: an edit (a keystroke in this
    // gap's title, say) that leaves them as they were draws nothing again;
    // the select of an assessment of 2,000 gaps has 2,000 options.
    let titles = Memo::new(move |_| {
        let ids = depends_on.get();
        editor.with(|a| {
            ids.into_iter()
                .map(|id| {
                    let title =
                        a.gap(&id).map_or_else(|| format!("Unknown gap \u{201c}{id}\u{201d}"), |g| g.title.clone());
                    (id, title)
                })
                .collect::<Vec<_>>()
        })
    });
    let choices = Memo::new(move |_| {
        let (chosen, own) = (depends_on.get(), own.get());
        let mut options = vec![(String::new(), "Choose a gap…".to_string())];
        editor.with(|a| {
            options.extend(
                a.gaps
                    .iter()
                    .filter(|g| g.id != own && !chosen.contains(&g.id))
                    .map(|g| (g.id.clone(), format!("{} ({})", g.title, g.id))),
            )
        });
        options
    });
    let set = move |ids: Vec<String>| {
        handle.change(None, |g| {
            edit::set_depends_on(g, ids);
        })
    };
    let listed = move || {
        titles
            .get()
            .into_iter()
            .map(|(id, title)| {
                let label = format!("Remove dependency on {title}");
                let remove = move |_| set(depends_on.get_untracked().into_iter().filter(|d| *d != id).collect());
                view! {
                    <li>
                        {title}
                        " "
                        <button class="button button-small" aria-label=label on:click=remove>
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let add = move || {
        view! {
            <Select
                label="Add a dependency"
                options=choices.get()
                value=Signal::derive(String::new)
                on_change=Callback::new(move |id: String| {
                    if !id.is_empty() {
                        let mut ids = depends_on.get_untracked();
                        ids.push(id);
                        set(ids);
                    }
                })
            />
        }
    };
    view! {
        <fieldset class="field gap-depends-on">
            <legend>"Depends on"</legend>
            <Show
                when=move || !depends_on.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"No other gap has to be closed first."</p> }
            >
                <ul>{listed}</ul>
            </Show>
            {add}
        </fieldset>
    }
}

/// Why, by whom and until when the gap is accepted: shown while it is.
#[component]
pub(super) fn AcceptanceFields(handle: GapHandle) -> impl IntoView {
    let editor = use_editor();
    let accepted = handle.get(|g| g.status == Status::Accepted);
    let expired = Memo::new(move |_| {
        let id = handle.data.with(|d| d.as_ref().map(|d| d.gap.id.clone()));
        id.is_some_and(|id| editor.summary.with(|s| s.acceptance_expired.contains(&id)))
    });
    let change = move |field: Option<&str>, f: Box<dyn FnOnce(&mut Acceptance)>| {
        handle.change(field, |g| {
            let mut acceptance = g.acceptance.take().unwrap_or_default();
            f(&mut acceptance);
            let empty = acceptance == Acceptance::default();
            g.acceptance = (!empty).then_some(acceptance);
        })
    };
    view! {
        <Show when=move || accepted.get()>
            <fieldset class="field gap-acceptance">
                <legend>"Acceptance"</legend>
                <TextField
                    label="Reason for accepting"
                    value=handle.get(|g| g.acceptance.as_ref().map(|a| a.reason.clone()).unwrap_or_default())
                    on_change=Callback::new(move |t: String| change(Some("acceptance-reason"), Box::new(|a| a.reason = t)))
                />
                <TextField
                    label="Accepted by"
                    value=handle.get(|g| g.acceptance.as_ref().map(|a| a.by.clone()).unwrap_or_default())
                    on_change=Callback::new(move |t: String| change(Some("acceptance-by"), Box::new(|a| a.by = t)))
                />
                <DateField
                    label="Acceptance expires"
                    value=handle.get(|g| g.acceptance.as_ref().and_then(|a| a.expires.clone()))
                    on_change=Callback::new(move |d: Option<String>| change(None, Box::new(|a| a.expires = d)))
                />
                <Show when=move || expired.get()>
                    <p class="hint" data-testid="acceptance-expired-note">
                        <span class="pill pill-danger">"Acceptance expired"</span>
                        " It counts as missing again in every score."
                    </p>
                </Show>
            </fieldset>
        </Show>
    }
}

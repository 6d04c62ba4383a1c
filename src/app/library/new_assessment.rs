//! "New assessment": the dialog that asks for a title and a starting point
//! (a template, or blank), then creates the assessment behind the library's
//! door and opens it.

use leptos::prelude::*;

use super::action::{Action, CreateRequest};
use super::state::use_library;
use crate::app::chunks;
use crate::app::dialog::Dialog;
use crate::templates::TEMPLATES;

/// Asks for a title and a starting point, then creates and opens the assessment.
#[component]
pub fn NewAssessmentDialog(open: RwSignal<bool>) -> impl IntoView {
    let library = use_library();
    let title = RwSignal::new(String::new());
    // 0 = blank; i + 1 = TEMPLATES[i].
    let start = RwSignal::new(if TEMPLATES.is_empty() { 0_usize } else { 1 });
    let notices = library.notices();
    // Set from "Create" until the assessment is made or has failed: a
    // second click or Enter meanwhile creates nothing more.
    let busy = RwSignal::new(false);
    // Each closing of the dialog (Cancel, or Escape) ends what a Create
    // pressed before it asked, so that a dialog opened again is ready at once.
    let closings = StoredValue::new(0_u64);
    let closed = move || {
        closings.update_value(|n| *n += 1);
        busy.set(false);
    };
    let create = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request = CreateRequest { open, closings, at: closings.get_value() };
        let (start, typed) = (start.get_untracked(), title.get_untracked());
        leptos::task::spawn_local(async move {
            let template = match start.checked_sub(1) {
                None => Ok(None),
                // A template's text comes with its chunk, on first use.
                Some(index) => match chunks::template(index).await {
                    Ok(Some(assessment)) => Ok(Some(Box::new(assessment))),
                    Ok(None) => Err(None),
                    Err(error) => Err(Some(error)),
                },
            };
            match template {
                Ok(template) => {
                    let action = Action::Create { template, title: typed, request, field: title };
                    let what = action.what();
                    if let Err(error) = chunks::library_action(library, action).await {
                        notices.error(format!("{what} failed."), vec![error.to_string()]);
                    }
                }
                Err(Some(error)) => notices.error("The template could not be opened.", vec![error.to_string()]),
                Err(None) => {}
            }
            // A Create of an earlier opening leaves the new one's state alone.
            if request.closings.try_get_value() == Some(request.at) {
                let _ = busy.try_set(false);
            }
        })
    };
    view! {
        <Dialog open title="New assessment">
            <form
                class="form"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        closed();
                    }
                }
                on:submit=move |ev| {
                    ev.prevent_default();
                    create();
                }
            >
                <label class="field">
                    <span>"Title"</span>
                    <input
                        class="input"
                        placeholder="Readiness of …"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </label>
                <fieldset class="field">
                    <legend>"Start from"</legend>
                    {TEMPLATES
                        .iter()
                        .enumerate()
                        .map(|(i, template)| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="start"
                                        prop:checked=move || start.get() == i + 1
                                        on:change=move |_| start.set(i + 1)
                                    />
                                    <span>
                                        <strong>{template.name}</strong>
                                        " — "
                                        {template.description}
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                    <label class="choice">
                        <input
                            type="radio"
                            name="start"
                            prop:checked=move || start.get() == 0
                            on:change=move |_| start.set(0)
                        />
                        <span>
                            <strong>"Blank assessment"</strong>
                            " — no categories or gaps yet."
                        </span>
                    </label>
                </fieldset>
                <div class="dialog-actions">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            closed();
                            open.set(false);
                        }
                    >
                        "Cancel"
                    </button>
                    <button type="submit" class="button button-primary" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Creating\u{2026}" } else { "Create" }}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

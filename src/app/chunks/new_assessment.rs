//! "New assessment": the dialog that asks for a title and a starting point
//! (a template, or blank), then creates the assessment and opens it. It
//! comes with the library's chunk when the user first asks for it (the
//! first screen holds only its button), and is made afresh each time it
//! opens: a Create of an earlier opening finds its state gone.

use leptos::prelude::*;

use crate::app::dialog::Dialog;
use crate::app::library::action::{CreateRequest, NewAssessment};
use crate::templates::TEMPLATES;

/// Asks for a title and a starting point; "Create" hands them to
/// `on_create` (the first screen creates and opens the assessment), and
/// `busy` says a Create is under way.
#[component]
pub(in crate::app::chunks) fn NewAssessmentDialog(
    open: RwSignal<bool>,
    busy: RwSignal<bool>,
    on_create: Callback<NewAssessment>,
) -> impl IntoView {
    let title = RwSignal::new(String::new());
    // 0 = blank; i + 1 = TEMPLATES[i].
    let start = RwSignal::new(if TEMPLATES.is_empty() { 0_usize } else { 1 });
    // Disposed with this opening of the dialog: a Create pressed in it is
    // no longer wanted once the dialog has closed (see `CreateRequest`).
    let opening = StoredValue::new(0_u64);
    let create = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request = CreateRequest { open, closings: opening, at: 0 };
        let template = start.get_untracked().checked_sub(1);
        on_create.run(NewAssessment { template, title: title.get_untracked(), request, field: title });
    };
    view! {
        <Dialog open title="New assessment">
            <form
                class="form"
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
                        on:click=move |_| open.set(false)
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

//! The assessment's own details: its id (read-only), title, system, date,
//! assessors and summary.

use leptos::prelude::*;

use super::setting::{problem_at, FieldProblem, Help};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::{TextArea, TextField};
use crate::app::dialog::unique_id;
use crate::core::edit;

/// Title, system, date, assessors, summary and the read-only id.
#[component]
pub(super) fn AssessmentDetails() -> impl IntoView {
    let editor = use_editor();
    let id = editor.with_untracked(|a| a.id.clone());
    let text = move |read: fn(&crate::core::Assessment) -> String| Signal::derive(move || editor.with(read));
    let date_id = unique_id("assessed-on");
    let date_problem = problem_at(editor, || "assessed_on".to_string());
    // The date field shows the stored day, but is written only when it
    // differs: a half-typed date reads as "" in the browser, and writing ""
    // back would wipe the parts already typed.
    let date_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let day = editor.with(|a| a.assessed_on.clone().unwrap_or_default());
        if let Some(input) = date_input.get() {
            if input.value() != day {
                input.set_value(&day);
            }
        }
    });
    view! {
        <section class="section" aria-labelledby="settings-details">
            <h2 id="settings-details">"Assessment"</h2>
            <div class="card settings-grid">
                <div class="setting">
                    <span class="field-label">"Assessment id"</span>
                    <code class="assessment-id">{id}</code>
                    <Help text="Fixed when the assessment was created; it identifies it in this browser and in files, whatever its title." />
                </div>
                <div class="setting">
                    <TextField
                        label="Title"
                        required=true
                        value=text(|a| a.title.clone())
                        on_change=Callback::new(move |v: String| editor.edit(Some("assessment:title"), |a| a.title = v))
                    />
                    <FieldProblem problem=problem_at(editor, || "title".to_string()) />
                    <Help text="The name shown in the library, the header and exported file names." />
                </div>
                <div class="setting">
                    <TextField
                        label="System"
                        value=text(|a| a.system.clone())
                        on_change=Callback::new(move |v: String| editor.edit(Some("assessment:system"), |a| a.system = v))
                    />
                    <Help text="The system under review, shown in the library beside the title." />
                </div>
                <div class="setting">
                    <div class="field">
                        <label class="field-label" for=date_id.clone()>
                            "Assessed on"
                        </label>
                        <input
                            id=date_id
                            class="input input-date"
                            type="date"
                            node_ref=date_input
                            on:input=move |ev| {
                                let day = event_target_value(&ev);
                                editor
                                    .edit(
                                        Some("assessment:assessed_on"),
                                        |a| a.assessed_on = (!day.is_empty()).then_some(day),
                                    );
                            }
                        />
                    </div>
                    <FieldProblem problem=date_problem />
                    <Help text="The day of the review (YYYY-MM-DD); leave it blank if there is none." />
                </div>
                <div class="setting">
                    <AssessorsField />
                    <Help text="The people who made the review, separated by commas." />
                </div>
                <div class="setting setting-wide">
                    <TextArea
                        label="Summary"
                        rows=5
                        value=text(|a| a.summary.clone())
                        on_change=Callback::new(move |v: String| editor.edit(Some("assessment:summary"), |a| a.summary = v))
                    />
                    <Help text="Free text in Markdown, kept and exported exactly as written." />
                </div>
            </div>
        </section>
    }
}

/// The assessors as one comma-separated field. What is typed stays as typed
/// until the field is left (so a trailing comma is not swallowed), while each
/// keystroke already saves the list it makes.
#[component]
fn AssessorsField() -> impl IntoView {
    let editor = use_editor();
    let draft = RwSignal::new(None::<String>);
    let joined = move || editor.with(|a| a.assessors.join(", "));
    view! {
        <label class="field">
            <span class="field-label">"Assessors"</span>
            <input
                class="input"
                type="text"
                placeholder="Ana Lima, Ben Okafor"
                prop:value=move || draft.get().unwrap_or_else(joined)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let names = edit::comma_separated(&text);
                    draft.set(Some(text));
                    if editor.with_untracked(|a| a.assessors != names) {
                        editor.edit(Some("assessment:assessors"), |a| {
                            edit::set_assessors(a, names);
                        });
                    }
                }
                on:blur=move |_| draft.set(None)
            />
        </label>
    }
}

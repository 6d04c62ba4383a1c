//! The settings of scoring: priority weights, partial credit, the ready
//! threshold, and the levels (`levels`).

use leptos::prelude::*;

use super::levels::LevelsEditor;
use super::setting::{problem_at, FieldProblem, Help, NumberSetting};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::NumberField;
use crate::core::model::Priority;

/// Priority weights, partial credit, ready threshold and levels.
#[component]
pub(super) fn ScoringSettings() -> impl IntoView {
    let editor = use_editor();
    let weight = |priority: Priority| {
        let key = format!("settings:priority_weights:{}", priority.as_str());
        let path = format!("settings.priority_weights.{}", priority.as_str());
        view! {
            <div class="weight">
                <NumberField
                    label=format!("Weight of {}", priority.as_str())
                    required=true
                    min=0.0
                    value=Signal::derive(move || Some(editor.with(|a| a.settings.priority_weights.get(priority))))
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            editor.edit(Some(&key), |a| *a.settings.priority_weights.get_mut(priority) = v);
                        }
                    })
                />
                <FieldProblem problem=problem_at(editor, move || path.clone()) />
            </div>
        }
    };
    view! {
        <section class="section" aria-labelledby="settings-scoring">
            <h2 id="settings-scoring">"Scoring"</h2>
            <div class="card settings-grid">
                <fieldset class="setting setting-wide weights">
                    <legend class="field-label">"Priority weights"</legend>
                    <div class="weights-row">{Priority::ALL.iter().map(|p| weight(*p)).collect_view()}</div>
                    <Help text="How much a gap of each priority counts in its category's score, relative to the others." />
                </fieldset>
                <NumberSetting
                    label="Partial credit"
                    path="partial_credit"
                    read=|s| s.partial_credit
                    write=|s, v| s.partial_credit = v
                    min=0.0
                    max=1.0
                    help="The credit (0–1) of a partial gap without a checklist; with one, the share of items done counts."
                />
                <NumberSetting
                    label="Ready threshold"
                    path="ready_threshold"
                    read=|s| s.ready_threshold
                    write=|s, v| s.ready_threshold = v
                    min=0.0
                    max=100.0
                    help="The overall score from which, with no P0 gap open, the system is called production-ready."
                />
                <LevelsEditor />
            </div>
        </section>
    }
}

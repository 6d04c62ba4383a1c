//! What each setting is made of: the problem the file has at its field,
//! the one line saying what it changes, and the layout of a required
//! number setting.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::fields::NumberField;
use crate::core::model::Settings as ScoringSettings;

/// The message of the first validation problem at `path` (such as
/// `settings.levels[2].label`), shown under the field it concerns.
pub(super) fn problem_at(editor: Editor, path: impl Fn() -> String + Send + Sync + 'static) -> Signal<Option<String>> {
    Signal::derive(move || {
        let path = path();
        editor.problems.with(|problems| problems.iter().find(|p| p.path.to_string() == path).map(|p| p.message.clone()))
    })
}

/// A problem the file has at a field, even if nothing was typed there.
#[component]
pub(super) fn FieldProblem(problem: Signal<Option<String>>) -> impl IntoView {
    move || problem.get().map(|message| view! { <p class="field-problem">{message}</p> })
}

/// One line under a setting saying what it changes.
#[component]
pub(super) fn Help(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="setting-help">{text}</p> }
}

/// A required number setting: `read` and `write` pick the value out of the settings.
#[component]
pub(super) fn NumberSetting(
    /// The field's label, which tests and screen readers rely on.
    #[prop(into)]
    label: String,
    /// The undo key and the path of the value in the file (`settings.<path>`).
    #[prop(into)]
    path: String,
    read: fn(&ScoringSettings) -> f64,
    write: fn(&mut ScoringSettings, f64),
    /// What the setting changes, in one line.
    #[prop(into)]
    help: String,
    /// The smallest value allowed (none by default: the bounds are infinite
    /// because the field's own optional bounds take plain numbers).
    #[prop(default = f64::NEG_INFINITY)]
    min: f64,
    /// A bound the value must exceed.
    #[prop(default = f64::NEG_INFINITY)]
    above: f64,
    /// The largest value allowed.
    #[prop(default = f64::INFINITY)]
    max: f64,
) -> impl IntoView {
    let editor = use_editor();
    let key = format!("settings:{path}");
    let problem_path = format!("settings.{path}");
    view! {
        <div class="setting">
            <NumberField
                label
                required=true
                min
                above
                max
                value=Signal::derive(move || Some(editor.with(|a| read(&a.settings))))
                on_change=Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        editor.edit(Some(&key), |a| write(&mut a.settings, v));
                    }
                })
            />
            <FieldProblem problem=problem_at(editor, move || problem_path.clone()) />
            <Help text=help />
        </div>
    }
}

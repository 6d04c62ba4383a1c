//! The readiness levels: a table of minimum scores and labels, shown
//! highest minimum first, with add and remove.

use leptos::prelude::*;

use super::setting::{problem_at, FieldProblem, Help};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::{NumberField, TextField};
use crate::core::edit;
use crate::core::model::Level;

/// The readiness levels, shown highest minimum first. While focus is inside
/// the list, rows keep their places (a row must not jump away while its
/// minimum is typed); they settle into order when focus leaves.
#[component]
pub(super) fn LevelsEditor() -> impl IntoView {
    let editor = use_editor();
    let editing = RwSignal::new(false);
    let list = NodeRef::<leptos::html::Table>::new();
    let order = Memo::new(move |previous: Option<&Vec<usize>>| {
        let mins: Vec<f64> = editor.with(|a| a.settings.levels.iter().map(|l| l.min).collect());
        if editing.get() {
            if let Some(previous) = previous.filter(|p| p.len() == mins.len()) {
                return previous.clone();
            }
        }
        let mut order: Vec<usize> = (0..mins.len()).collect();
        order.sort_by(|&a, &b| mins[b].total_cmp(&mins[a]));
        order
    });
    let leave = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
            .zip(list.get_untracked())
            .is_some_and(|(node, list)| list.contains(Some(&node)));
        if !inside {
            editing.set(false);
        }
    };
    let add = move |_| {
        editor.edit(None, |a| {
            edit::add_level(a);
        });
    };
    view! {
        <div class="setting setting-wide">
            <h3 class="field-label" id="levels-heading">"Levels"</h3>
            <Show
                when=move || !order.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"No levels: the overview shows no level."</p> }
            >
                <table
                    class="levels-table"
                    aria-labelledby="levels-heading"
                    node_ref=list
                    on:focusin=move |_| editing.set(true)
                    on:focusout=leave
                >
                    <thead>
                        <tr>
                            <th scope="col">"Minimum score"</th>
                            <th scope="col">"Label"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || order.get().into_iter().enumerate()
                            key=|(position, index)| (*position, *index)
                            children=|(position, index)| view! { <LevelRow position index /> }
                        />
                    </tbody>
                </table>
            </Show>
            <button class="button button-small" on:click=add>
                "Add level"
            </button>
            <Help text="An overall score gets the level with the highest minimum it reaches; shown highest first." />
        </div>
    }
}

/// One level: its minimum score and its label. `index` is its place in the
/// file; `position` its place on screen, which names its fields.
#[component]
fn LevelRow(position: usize, index: usize) -> impl IntoView {
    let editor = use_editor();
    let n = position + 1;
    let read = move |f: fn(&Level) -> f64| move || editor.with(|a| a.settings.levels.get(index).map(f));
    let min_path = format!("settings.levels[{index}].min");
    let label_path = format!("settings.levels[{index}].label");
    let remove = move |_| {
        editor.edit(None, |a| {
            edit::remove_level(a, index);
        })
    };
    view! {
        <tr>
            <td>
                <NumberField
                    label=format!("Minimum score of level {n}")
                    hide_label=true
                    required=true
                    min=0.0
                    max=100.0
                    value=Signal::derive(read(|l| l.min))
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            editor.edit(Some(&format!("settings:levels:{index}:min")), |a| {
                                if let Some(level) = a.settings.levels.get_mut(index) {
                                    level.min = v;
                                }
                            });
                        }
                    })
                />
                <FieldProblem problem=problem_at(editor, move || min_path.clone()) />
            </td>
            <td>
                <TextField
                    label=format!("Label of level {n}")
                    hide_label=true
                    required=true
                    value=Signal::derive(move || {
                        editor.with(|a| a.settings.levels.get(index).map(|l| l.label.clone()).unwrap_or_default())
                    })
                    on_change=Callback::new(move |v: String| {
                        editor.edit(Some(&format!("settings:levels:{index}:label")), |a| {
                            if let Some(level) = a.settings.levels.get_mut(index) {
                                level.label = v;
                            }
                        });
                    })
                />
                <FieldProblem problem=problem_at(editor, move || label_path.clone()) />
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" aria-label=format!("Remove level {n}") on:click=remove>
                    "Remove"
                </button>
            </td>
        </tr>
    }
}

//! The categories: add, rename, weight, manual score, target, notes, and
//! delete (`category_delete`).

use leptos::prelude::*;

use super::category_delete::{delete_category, DeleteCategoryDialog};
use super::setting::{problem_at, FieldProblem};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::{NumberField, TextArea, TextField};
use crate::app::notices::use_notices;
use crate::core::edit::{self, CategoryRefusal};
use crate::core::model::Category;
use crate::core::present::display;

/// The categories: add, rename, weight, manual score, target, notes, delete.
#[component]
pub(super) fn CategoryEditor() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.categories.iter().map(|c| c.id.clone()).collect::<Vec<_>>()));
    let deleting = RwSignal::new(None::<String>);
    let add = move |_| {
        editor.edit(None, |a| {
            edit::add_category(a, "New category");
        });
    };
    view! {
        <section class="section" aria-labelledby="settings-categories">
            <div class="toolbar">
                <h2 id="settings-categories">"Categories"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add>
                        "Add category"
                    </button>
                </div>
            </div>
            <p class="hint">
                "Weight: a category's share of the overall score. Manual score: an assessor's score that replaces the computed one everywhere (blank: computed). Target: the score it should reach."
            </p>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No categories yet. Gaps belong to a category: add one first."</p> }
            >
                <table class="categories-table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col" class="num">"Weight"</th>
                            <th scope="col" class="num">"Computed"</th>
                            <th scope="col" class="num">"Manual score"</th>
                            <th scope="col" class="num">"Target"</th>
                            <th scope="col">"Notes"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || ids.get().into_iter().enumerate()
                            key=|(position, id)| (*position, id.clone())
                            children=move |(position, id)| view! { <CategoryRow position id deleting /> }
                        />
                    </tbody>
                </table>
            </Show>
            <DeleteCategoryDialog deleting />
        </section>
    }
}

/// One category's row. Its fields are named by its place in the list
/// ("Name of category 3"); `deleting` receives its id when a delete needs
/// a decision about its gaps.
#[component]
fn CategoryRow(position: usize, id: String, deleting: RwSignal<Option<String>>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let n = position + 1;
    let id = StoredValue::new(id);
    let category = Memo::new(move |_| id.with_value(|id| editor.with(|a| a.category(id).cloned())));
    let computed = Memo::new(move |_| {
        id.with_value(|id| editor.summary.with(|s| s.categories.iter().find(|c| &c.id == id).and_then(|c| c.computed)))
    });
    let key = move |field: &str| id.with_value(|id| format!("category:{id}:{field}"));
    let update = move |field: &'static str, change: Box<dyn FnOnce(&mut Category)>| {
        editor.edit(Some(&key(field)), |a| {
            if let Some(c) = id.with_value(|id| a.categories.iter_mut().find(|c| &c.id == id)) {
                change(c);
            }
        });
    };
    let path = move |field: &'static str| move || format!("categories[{position}].{field}");
    let delete = move |_| {
        let id = id.get_value();
        let refused = editor.with_untracked(|a| {
            let position = a.categories.iter().position(|c| c.id == id)?;
            edit::category_refusal(a, position, None)
        });
        if matches!(refused, Some(CategoryRefusal::HasGaps { .. })) {
            deleting.set(Some(id));
            return;
        }
        delete_category(editor, notices, &id, None);
    };
    view! {
        <tr>
            <td class="category-name">
                <TextField
                    label=format!("Name of category {n}")
                    hide_label=true
                    required=true
                    value=Signal::derive(move || category.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| update("name", Box::new(move |c| c.name = v)))
                />
                <FieldProblem problem=problem_at(editor, path("name")) />
                <span class="category-id">{move || id.get_value()}</span>
            </td>
            <td class="num">
                <NumberField
                    label=format!("Weight of category {n}")
                    hide_label=true
                    required=true
                    min=0.0
                    value=Signal::derive(move || category.with(|c| c.as_ref().map(|c| c.weight)))
                    on_change=Callback::new(move |v: Option<f64>| {
                        if let Some(v) = v {
                            update("weight", Box::new(move |c| c.weight = v));
                        }
                    })
                />
            </td>
            <td class="num computed">{move || display::score(computed.get())}</td>
            <td class="num">
                <NumberField
                    label=format!("Manual score of category {n}")
                    hide_label=true
                    min=0.0
                    max=100.0
                    value=Signal::derive(move || category.with(|c| c.as_ref().and_then(|c| c.manual_score)))
                    on_change=Callback::new(move |v: Option<f64>| update("manual_score", Box::new(move |c| c.manual_score = v)))
                />
            </td>
            <td class="num">
                <NumberField
                    label=format!("Target score of category {n}")
                    hide_label=true
                    min=0.0
                    max=100.0
                    value=Signal::derive(move || category.with(|c| c.as_ref().and_then(|c| c.target_score)))
                    on_change=Callback::new(move |v: Option<f64>| update("target_score", Box::new(move |c| c.target_score = v)))
                />
            </td>
            <td class="category-notes">
                <TextArea
                    label=format!("Notes on category {n}")
                    hide_label=true
                    rows=2
                    value=Signal::derive(move || category.with(|c| c.as_ref().map(|c| c.notes.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| update("notes", Box::new(move |c| c.notes = v)))
                />
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" aria-label=format!("Delete category {n}") on:click=delete>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

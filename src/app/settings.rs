//! The Settings tab: the assessment's own details (title, system, date,
//! assessors, summary), the settings that change how scores, effort and costs
//! are computed, each with one line saying what it changes, and the editor of
//! categories, and how safe the user's work is in this browser (Storage).
//!
//! Every field writes through `Editor::edit` with a key per field, so typing
//! in one field is one undo step; resetting the settings is one step too.

use leptos::prelude::*;

use super::editor::{use_editor, Editor};
use super::library::use_library;
use super::notices::{use_notices, Notices};
use super::widgets::dialog::{unique_id, Dialog};
use super::widgets::fields::{NumberField, Select, TextArea, TextField};
use crate::core::display;
use crate::core::ids::next_id;
use crate::core::model::{Category, Level, Priority, Settings as ScoringSettings};
use crate::storage::{durability, local};

/// The Settings tab.
#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <div class="settings">
            <AssessmentDetails />
            <ScoringSettings />
            <EffortSettings />
            <ResetSettings />
            <CategoryEditor />
            <StorageSettings />
        </div>
    }
}

/// The message of the first validation problem at `path` (such as
/// `settings.levels[2].label`), shown under the field it concerns.
fn problem_at(editor: Editor, path: impl Fn() -> String + Send + Sync + 'static) -> Signal<Option<String>> {
    Signal::derive(move || {
        let path = path();
        editor.problems.with(|problems| problems.iter().find(|p| p.path.to_string() == path).map(|p| p.message.clone()))
    })
}

/// A problem the file has at a field, even if nothing was typed there.
#[component]
fn FieldProblem(problem: Signal<Option<String>>) -> impl IntoView {
    move || problem.get().map(|message| view! { <p class="field-problem">{message}</p> })
}

/// One line under a setting saying what it changes.
#[component]
fn Help(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="setting-help">{text}</p> }
}

/// Title, system, date, assessors, summary and the read-only id.
#[component]
fn AssessmentDetails() -> impl IntoView {
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

/// Splits "Ana, Ben ,, Chloé" into names, dropping blanks.
fn split_names(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|name| !name.is_empty()).map(str::to_string).collect()
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
                    let names = split_names(&text);
                    draft.set(Some(text));
                    if editor.with_untracked(|a| a.assessors != names) {
                        editor.edit(Some("assessment:assessors"), |a| a.assessors = names);
                    }
                }
                on:blur=move |_| draft.set(None)
            />
        </label>
    }
}

/// A required number setting: `read` and `write` pick the value out of the settings.
#[component]
fn NumberSetting(
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

/// Priority weights, partial credit, ready threshold and levels.
#[component]
fn ScoringSettings() -> impl IntoView {
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

/// The readiness levels, shown highest minimum first. While focus is inside
/// the list, rows keep their places (a row must not jump away while its
/// minimum is typed); they settle into order when focus leaves.
#[component]
fn LevelsEditor() -> impl IntoView {
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
            a.settings.levels.push(Level { min: 0.0, label: "New level".to_string(), extra: Default::default() })
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
            if index < a.settings.levels.len() {
                a.settings.levels.remove(index);
            }
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

/// Hours per day, days per week and the blended daily rate.
#[component]
fn EffortSettings() -> impl IntoView {
    let editor = use_editor();
    // A memo, so that the field is rebuilt only when the currency changes.
    let currency = Memo::new(move |_| editor.with(|a| a.currency.clone()));
    let rate_help = move || {
        let (rate, blended) = editor.summary.with(|s| (s.daily_rate, s.daily_rate_is_blended));
        let rate = match rate {
            Some(rate) => display::money(rate, &currency.get()),
            None => editor.summary.with(|s| display::unknown_rates(&s.bottom_up_unknown_rates)),
        };
        if blended {
            format!("The cost of one person-day in the bottom-up estimate ({rate}); blank uses the roles' mean.")
        } else {
            format!(
                "The cost of one person-day in the bottom-up estimate; blank (now) uses the roles' mean weekly rate ÷ days per week: {rate}."
            )
        }
    };
    view! {
        <section class="section" aria-labelledby="settings-effort">
            <h2 id="settings-effort">"Effort and cost"</h2>
            <div class="card settings-grid">
                <NumberSetting
                    label="Hours per day"
                    path="hours_per_day"
                    read=|s| s.hours_per_day
                    write=|s, v| s.hours_per_day = v
                    above=0.0
                    max=24.0
                    help="Turns efforts given in hours into person-days."
                />
                <NumberSetting
                    label="Days per week"
                    path="days_per_week"
                    read=|s| s.days_per_week
                    write=|s, v| s.days_per_week = v
                    above=0.0
                    max=7.0
                    help="Turns weeks into person-days: efforts in weeks and each phase's capacity."
                />
                <div class="setting">
                    {move || {
                        view! {
                            <NumberField
                                label="Blended daily rate"
                                min=0.0
                                unit=currency.get()
                                value=Signal::derive(move || editor.with(|a| a.settings.blended_daily_rate))
                                on_change=Callback::new(move |v: Option<f64>| {
                                    editor.edit(Some("settings:blended_daily_rate"), |a| a.settings.blended_daily_rate = v)
                                })
                            />
                        }
                    }}
                    <FieldProblem problem=problem_at(editor, || "settings.blended_daily_rate".to_string()) />
                    <p class="setting-help">{rate_help}</p>
                </div>
            </div>
        </section>
    }
}

/// "Reset settings to defaults": one undo step, with an undo in the notice.
#[component]
fn ResetSettings() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let reset = move |_| {
        let before = editor.with_untracked(|a| a.settings.clone());
        // Keys of a newer format version are not settings we know how to reset.
        let defaults = ScoringSettings { extra: before.extra.clone(), ..ScoringSettings::default() };
        if before == defaults {
            notices.info("The settings are already the defaults.");
            return;
        }
        editor.edit(None, |a| a.settings = defaults);
        editor.offer_undo(notices, "Settings reset to defaults.".to_string(), move |a| a.settings = before.clone());
    };
    view! {
        <div class="section reset-settings">
            <button class="button" on:click=reset>
                "Reset settings to defaults"
            </button>
            <p class="setting-help">
                "Puts back the default weights, partial credit, levels, threshold, hours, days and rate. The details above and the categories stay."
            </p>
        </div>
    }
}

/// The categories: add, rename, weight, manual score, target, notes, delete.
#[component]
fn CategoryEditor() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.categories.iter().map(|c| c.id.clone()).collect::<Vec<_>>()));
    let deleting = RwSignal::new(None::<String>);
    let add = move |_| {
        editor.edit(None, |a| {
            let id = next_id("cat", a.categories.iter().map(|c| c.id.as_str()));
            a.categories.push(Category::new(id, "New category"));
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
        let has_gaps = editor.with_untracked(|a| a.gaps.iter().any(|g| g.category == id));
        if has_gaps {
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

/// Deletes category `id`, first moving its gaps to `move_to` when given, in
/// one undo step; the notice's "Undo" puts the category and its gaps back.
fn delete_category(editor: Editor, notices: Notices, id: &str, move_to: Option<&str>) {
    let mut removed = None;
    let mut moved = Vec::new();
    editor.edit(None, |a| {
        let Some(index) = a.categories.iter().position(|c| c.id == id) else { return };
        if let Some(target) = move_to {
            for gap in a.gaps.iter_mut().filter(|g| g.category == id) {
                gap.category = target.to_string();
                moved.push(gap.id.clone());
            }
        }
        removed = Some((index, a.categories.remove(index)));
    });
    let Some((index, category)) = removed else { return };
    let title = match moved.len() {
        0 => format!("Deleted category \u{201c}{}\u{201d}.", category.name),
        1 => format!("Deleted category \u{201c}{}\u{201d}; its gap was moved.", category.name),
        n => format!("Deleted category \u{201c}{}\u{201d}; its {n} gaps were moved.", category.name),
    };
    editor.offer_undo(notices, title, move |a| {
        if a.category(&category.id).is_some() {
            return;
        }
        a.categories.insert(index.min(a.categories.len()), category.clone());
        for gap in a.gaps.iter_mut().filter(|g| moved.contains(&g.id)) {
            gap.category = category.id.clone();
        }
    });
}

/// Asked when a category to delete still has gaps: it cannot go while they
/// would be left without a category, so the user picks where they move.
#[component]
fn DeleteCategoryDialog(deleting: RwSignal<Option<String>>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let target = RwSignal::new(String::new());
    // `open` follows `deleting`, and closing (Escape, Cancel) clears it.
    // Each side is set only when it differs, or the two would wake each
    // other forever.
    Effect::new(move |_| {
        let wanted = deleting.with(Option::is_some);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && deleting.with_untracked(Option::is_some) {
            deleting.set(None);
        }
    });
    let details = Memo::new(move |_| {
        let id = deleting.get()?;
        editor.with(|a| {
            let category = a.category(&id)?;
            let gaps = a.gaps.iter().filter(|g| g.category == id).count();
            let others: Vec<(String, String)> =
                a.categories.iter().filter(|c| c.id != id).map(|c| (c.id.clone(), c.name.clone())).collect();
            Some((category.name.clone(), gaps, others))
        })
    });
    // Start from the first other category each time the dialog opens.
    Effect::new(move |_| {
        let first = details.with(|d| d.as_ref().and_then(|(_, _, others)| others.first().map(|o| o.0.clone())));
        target.set(first.unwrap_or_default());
    });
    let title = Signal::derive(move || {
        details.with(|d| d.as_ref().map(|(name, ..)| format!("Delete \u{201c}{name}\u{201d}?")).unwrap_or_default())
    });
    let confirm = move |_| {
        let Some(id) = deleting.get_untracked() else { return };
        let to = target.get_untracked();
        if to.is_empty() {
            return;
        }
        delete_category(editor, notices, &id, Some(&to));
        open.set(false);
    };
    view! {
        <Dialog open title>
            {move || {
                details
                    .get()
                    .map(|(name, gaps, others)| {
                        let count = if gaps == 1 { "1 gap".to_string() } else { format!("{gaps} gaps") };
                        if others.is_empty() {
                            view! {
                                <p>
                                    "\u{201c}" {name} "\u{201d} still has " {count}
                                    ", and there is no other category to move them to. Add a category first, or delete its gaps on the Gaps tab."
                                </p>
                                <div class="dialog-actions">
                                    <button class="button" on:click=move |_| open.set(false)>
                                        "Close"
                                    </button>
                                </div>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p>
                                    "\u{201c}" {name} "\u{201d} still has " {count}
                                    ". A category with gaps cannot be deleted: move them to another category first."
                                </p>
                                <Select
                                    label="Move its gaps to"
                                    options=others
                                    value=target
                                    on_change=Callback::new(move |v| target.set(v))
                                />
                                <div class="dialog-actions">
                                    <button class="button" on:click=move |_| open.set(false)>
                                        "Cancel"
                                    </button>
                                    <button class="button button-danger" on:click=confirm>
                                        "Move gaps and delete"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Dialog>
    }
}

/// Storage: whether the browser agreed to keep Gapmap's storage, how much of
/// the local storage budget is used, and when each assessment was last
/// exported (the only copy that survives a cleared browser).
#[component]
fn StorageSettings() -> impl IntoView {
    let library = use_library();
    let available = local::is_available();
    // `None` while the browser is asked; then its answer, itself `None` when
    // it offers no way to ask.
    let kept = RwSignal::new(None::<Option<bool>>);
    if available {
        leptos::task::spawn_local(async move {
            let answer = super::offline::request_persistence().await;
            let _ = kept.try_set(Some(answer));
        });
    }
    let persistence = move || {
        if !available {
            return "No: this browser gives Gapmap no local storage here, so nothing is kept after this page closes unless you export it.";
        }
        match kept.get() {
            None => "Asking the browser\u{2026}",
            Some(Some(true)) => "Yes: the browser keeps Gapmap's storage even when the disk runs low.",
            Some(Some(false)) => {
                "Not guaranteed: the browser may clear Gapmap's storage when the disk runs low. Installing the app or bookmarking it can change that; exported files are always safe."
            }
            Some(None) => "Unknown: this browser does not say whether it keeps the storage. Export your assessments to keep copies.",
        }
    };
    let usage = move || durability::usage(library.used_bytes.get(), local::BUDGET_BYTES);
    // Counts exports made while the section is shown, so that it reads the
    // times again.
    let exported = RwSignal::new(0_u32);
    let listener = window_event_listener_untyped(super::files::EXPORTED_EVENT, move |_| {
        let _ = exported.try_update(|n| *n += 1);
    });
    on_cleanup(move || listener.remove());
    let exports = move || {
        exported.track();
        library
            .entries
            .get()
            .into_iter()
            .map(|entry| {
                let when = super::offline::last_exported(&entry.id).unwrap_or_else(|| "Never".to_string());
                view! {
                    <tr>
                        <th scope="row">{entry.title}</th>
                        <td>{when}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="section" aria-labelledby="settings-storage">
            <h2 id="settings-storage">"Storage"</h2>
            <div class="card settings-grid">
                <div class="setting">
                    <span class="field-label">"Kept by the browser"</span>
                    <p class="storage-fact" data-testid="storage-persisted">{persistence}</p>
                    <Help text="Assessments live in this browser's local storage; a browser that agreed to keep it will not clear it to free space." />
                </div>
                <div class="setting">
                    <span class="field-label">"Local storage used"</span>
                    <p class="storage-fact" data-testid="storage-used">{usage}</p>
                    <Help text="Browsers give each site about 5 MB of local storage; Gapmap warns before it is full." />
                </div>
                <div class="setting setting-wide">
                    <table class="exports-table">
                        <caption class="field-label">"Last exported"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Assessment"</th>
                                <th scope="col">"Last exported"</th>
                            </tr>
                        </thead>
                        <tbody>{exports}</tbody>
                    </table>
                    <Help text="An export (the assessment's JSON file, or the whole library) is a copy that no browser can clear." />
                </div>
            </div>
        </section>
    }
}

//! The detail editor of one gap, in a dialog: every field (title, category,
//! description, status, priority, severity, effort, owner, evidence, phase,
//! checklist, tags), the gap's validation problems, its effort in
//! person-days and its credit, and deleting it.
//!
//! Typing in one field makes one undo step (the edit key names the gap and
//! the field); every other change is a step of its own.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::table::phase_options;
use super::{use_gaps, GapKey, GapsState};
use crate::app::chunks::fields::{
    keyword_label, keyword_options, Checkbox, KeywordSelect, RangeField, Select, TextArea, TextField,
};
use crate::app::dialog::Dialog;
use crate::core::display;
use crate::core::model::{Effort, EffortUnit, Gap, Item, Priority, Severity, Status};
use crate::core::query::{gap_figures, GapFigures};

/// The dialog; it shows the editor of the gap the tab has open.
#[component]
pub(super) fn GapDialog() -> impl IntoView {
    let state = use_gaps();
    let open_key = Memo::new(move |_| if state.dialog_open.get() { state.editing.get() } else { None });
    view! {
        <Dialog open=state.dialog_open title="Edit gap">
            {move || open_key.get().map(|key| view! { <GapEditor key /> })}
        </Dialog>
    }
}

/// The gap being edited, as it is now.
#[derive(Clone, Debug, PartialEq)]
struct Editing {
    position: usize,
    gap: Gap,
    figures: GapFigures,
}

/// What the parts of the editor share: the gap, and the way to change it.
#[derive(Clone, Copy)]
struct GapHandle {
    state: GapsState,
    key: StoredValue<GapKey>,
    data: Memo<Option<Editing>>,
}

impl GapHandle {
    /// A part of the gap, followed as it changes.
    fn get<T>(&self, part: fn(&Gap) -> T) -> Signal<T>
    where
        T: Default + Clone + Send + Sync + 'static,
    {
        let data = self.data;
        Signal::derive(move || data.with(|d| d.as_ref().map(|d| part(&d.gap)).unwrap_or_default()))
    }

    /// Changes the gap. `field` names the field typed in, so that typing
    /// makes one undo step; `None` for a change that is a step of its own.
    fn change(&self, field: Option<&str>, change: impl FnOnce(&mut Gap)) {
        let Some(position) = self.data.with_untracked(|d| d.as_ref().map(|d| d.position)) else { return };
        let key = field.map(|f| format!("gap:{}:{f}", self.key.with_value(|k| k.id.clone())));
        self.state.edit_gap(position, key.as_deref(), change);
    }
}

/// Every field of one gap.
#[component]
fn GapEditor(key: GapKey) -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let key = StoredValue::new(key);
    let hint = StoredValue::new(0_usize);
    let data = Memo::new(move |_| {
        editor.with(|a| {
            let position = key.with_value(|k| k.locate(a, hint.get_value()))?;
            hint.set_value(position);
            let gap = a.gaps[position].clone();
            let figures = gap_figures(&gap, &a.settings);
            Some(Editing { position, gap, figures })
        })
    });
    let handle = GapHandle { state, key, data };
    let exists = Memo::new(move |_| data.with(Option::is_some));

    // Start where people start: the title.
    request_animation_frame(|| focus_first("#gap-editor input"));

    let close = move |_| state.dialog_open.set(false);
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <p>"This gap no longer exists (it was deleted, or an undo took it back)."</p>
                    <div class="dialog-actions">
                        <button class="button button-primary" on:click=close>
                            "Close"
                        </button>
                    </div>
                }
            }
        >
            <div id="gap-editor" class="gap-editor">
                <p class="gap-editor-id hint">"Id: " {move || key.with_value(|k| k.id.clone())}</p>
                <GapProblems handle />
                <div class="gap-editor-grid">
                    <div class="gap-editor-main">
                        <TextField
                            label="Title"
                            required=true
                            value=handle.get(|g| g.title.clone())
                            on_change=Callback::new(move |t: String| handle.change(Some("title"), |g| g.title = t))
                        />
                        <CategoryField handle />
                        <TextArea
                            label="Description"
                            rows=5
                            value=handle.get(|g| g.description.clone())
                            on_change=Callback::new(move |t: String| {
                                handle.change(Some("description"), |g| g.description = t)
                            })
                        />
                        <TextArea
                            label="Evidence"
                            rows=3
                            value=handle.get(|g| g.evidence.clone())
                            on_change=Callback::new(move |t: String| handle.change(Some("evidence"), |g| g.evidence = t))
                        />
                    </div>
                    <div class="gap-editor-side">
                        <KeywordSelect
                            label="Status"
                            value=handle.get(|g| g.status)
                            on_change=Callback::new(move |s: Status| handle.change(None, |g| g.status = s))
                        />
                        <KeywordSelect
                            label="Priority"
                            value=handle.get(|g| g.priority)
                            on_change=Callback::new(move |p: Priority| handle.change(None, |g| g.priority = p))
                        />
                        <SeverityField handle />
                        <PhaseField handle />
                        <TextField
                            label="Owner"
                            value=handle.get(|g| g.owner.clone())
                            on_change=Callback::new(move |t: String| handle.change(Some("owner"), |g| g.owner = t))
                        />
                        <EffortField handle />
                        <CreditNote handle />
                    </div>
                </div>
                <Checklist handle />
                <Tags handle />
                <div class="dialog-actions">
                    <button
                        class="button button-danger"
                        prop:disabled=editor.is_read_only()
                        on:click=move |_| state.delete(&[key.get_value()].into())
                    >
                        "Delete gap"
                    </button>
                    <button class="button button-primary" on:click=close>
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// Focuses the first element that matches `selector`, if any.
fn focus_first(selector: &str) {
    if let Some(element) = document().query_selector(selector).ok().flatten() {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// The gap's validation problems, where it is edited.
#[component]
fn GapProblems(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let problems = Memo::new(move |_| {
        let position = handle.data.with(|d| d.as_ref().map(|d| d.position))?;
        state.problems.with(|p| p.get(&position).cloned())
    });
    move || {
        problems.get().map(|list| {
            view! {
                <div class="gap-editor-problems" role="note" aria-label="Problems of this gap">
                    <strong>{if list.len() == 1 { "A problem to fix:" } else { "Problems to fix:" }}</strong>
                    <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

#[component]
fn CategoryField(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let category = handle.get(|g| g.category.clone());
    let unknown = Memo::new(move |_| {
        let id = category.get();
        (!state.categories.with(|c| c.iter().any(|(c, _)| *c == id))).then_some(id)
    });
    move || {
        let mut options = state.categories.get();
        if let Some(id) = unknown.get() {
            options.insert(0, (id.clone(), format!("Unknown category \u{201c}{id}\u{201d}")));
        }
        view! {
            <Select
                label="Category"
                options
                value=category
                on_change=Callback::new(move |id: String| handle.change(None, |g| g.category = id))
            />
        }
    }
}

#[component]
fn SeverityField(handle: GapHandle) -> impl IntoView {
    let mut options = vec![(String::new(), "Not set".to_string())];
    options.extend(keyword_options::<Severity>());
    view! {
        <Select
            label="Severity"
            options
            value=handle.get(|g| g.severity.map(|s| s.as_str().to_string()).unwrap_or_default())
            on_change=Callback::new(move |value: String| handle.change(None, |g| g.severity = Severity::parse(&value)))
        />
    }
}

#[component]
fn PhaseField(handle: GapHandle) -> impl IntoView {
    let state = handle.state;
    let phase = handle.get(|g| g.phase.clone());
    let unknown =
        Memo::new(move |_| phase.get().filter(|id| !state.phases.with(|phases| phases.iter().any(|(p, _)| p == id))));
    move || {
        let options = phase_options(state.phases.get(), unknown.get());
        view! {
            <Select
                label="Phase"
                options
                value=Signal::derive(move || phase.get().unwrap_or_default())
                on_change=Callback::new(move |id: String| {
                    handle.change(None, |g| g.phase = (!id.is_empty()).then_some(id))
                })
            />
        }
    }
}

/// The effort estimate: a unit (or none) and a range in that unit, with the
/// person-days it comes to.
#[component]
fn EffortField(handle: GapHandle) -> impl IntoView {
    let unit = handle.get(|g| g.effort.as_ref().map(|e| e.unit));
    let mut options = vec![(String::new(), "No estimate".to_string())];
    options.extend(keyword_options::<EffortUnit>());
    let set_unit = Callback::new(move |value: String| {
        let unit = EffortUnit::parse(&value);
        handle.change(None, |g| match (unit, g.effort.as_mut()) {
            (None, _) => g.effort = None,
            (Some(unit), Some(effort)) => effort.unit = unit,
            // A first estimate: one of the unit, to be corrected.
            (Some(unit), None) => g.effort = Some(Effort::new(1.0, 1.0, unit)),
        });
    });
    let days = move || {
        handle.data.with(|d| {
            d.as_ref().and_then(|d| d.figures.effort_days).map(|(min, max)| {
                let days = display::range(min, max);
                if (min, max) == (1.0, 1.0) {
                    format!("{days} person-day")
                } else {
                    format!("{days} person-days")
                }
            })
        })
    };
    view! {
        <div class="gap-effort">
            <Select
                label="Effort unit"
                options
                value=Signal::derive(move || unit.get().map(|u| u.as_str().to_string()).unwrap_or_default())
                on_change=set_unit
            />
            {move || {
                unit.get()
                    .map(|u| {
                        view! {
                            <RangeField
                                label="Effort"
                                unit=keyword_label(u).to_lowercase()
                                value=handle.get(|g| g.effort.as_ref().map(|e| (e.min, e.max)).unwrap_or_default())
                                on_change=Callback::new(move |(min, max): (f64, f64)| {
                                    handle.change(Some("effort"), |g| {
                                        if let Some(effort) = g.effort.as_mut() {
                                            effort.min = min;
                                            effort.max = max;
                                        }
                                    })
                                })
                            />
                            <p class="hint gap-effort-days">"That is " {days} "."</p>
                        }
                    })
            }}
        </div>
    }
}

/// The gap's credit, and where it comes from.
#[component]
fn CreditNote(handle: GapHandle) -> impl IntoView {
    let text = move || {
        handle.data.with(|d| {
            let d = d.as_ref()?;
            let why = match d.gap.status {
                Status::Done => "it is done",
                Status::Missing => "nothing of it is in place",
                Status::Partial if d.gap.items.is_empty() => "partial, with the partial credit set in Settings",
                Status::Partial => "partial: the share of its checklist that is done",
                Status::Accepted | Status::NotApplicable => "",
            };
            Some(match d.figures.credit_percent {
                Some(percent) => format!("Credit {}% in its category\u{2019}s score: {why}.", display::number(percent)),
                None => format!("Not scored: it is {}.", keyword_label(d.gap.status).to_lowercase()),
            })
        })
    };
    view! { <p class="hint gap-credit">{text}</p> }
}

/// The checklist: add, edit, tick, reorder and remove items.
#[component]
fn Checklist(handle: GapHandle) -> impl IntoView {
    let count = Memo::new(move |_| handle.data.with(|d| d.as_ref().map_or(0, |d| d.gap.items.len())));
    let add = move |_| {
        handle.change(None, |g| g.items.push(Item::new("", false)));
        // The new item's text field, once it is drawn.
        request_animation_frame(|| focus_first(".gap-items li:last-child input[type=text]"));
    };
    view! {
        <fieldset class="gap-checklist">
            <legend class="field-label">"Checklist"</legend>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"No items. A partial gap with items earns the share of them that is done."</p> }
            >
                <ol class="gap-items">
                    // Items have no ids: rows are keyed by position and read
                    // their item by position, so a move redraws the two texts.
                    <For each=move || 0..count.get() key=|i| *i let:index>
                        <ChecklistItem handle index count />
                    </For>
                </ol>
            </Show>
            <button class="button button-small" on:click=add prop:disabled=handle.state.editor.is_read_only()>
                "Add item"
            </button>
        </fieldset>
    }
}

#[component]
fn ChecklistItem(handle: GapHandle, index: usize, count: Memo<usize>) -> impl IntoView {
    let item = move |part: fn(&Item) -> String| {
        handle.data.with(|d| d.as_ref().and_then(|d| d.gap.items.get(index)).map(part).unwrap_or_default())
    };
    let text = Signal::derive(move || item(|i| i.text.clone()));
    let done = Signal::derive(move || {
        handle.data.with(|d| d.as_ref().and_then(|d| d.gap.items.get(index)).is_some_and(|i| i.done))
    });
    let n = index + 1;
    let swap = move |other: usize| {
        handle.change(None, |g| {
            if index < g.items.len() && other < g.items.len() {
                g.items.swap(index, other);
            }
        });
        // Keep the focus on the item that moved.
        let selector = format!(
            ".gap-items li:nth-child({}) .gap-item-move-{}",
            other + 1,
            if other < index { "up" } else { "down" }
        );
        request_animation_frame(move || focus_first(&selector));
    };
    view! {
        <li class="gap-item">
            <Checkbox
                label=format!("Item {n} done")
                hide_label=true
                checked=done
                on_change=Callback::new(move |checked: bool| {
                    handle.change(None, |g| {
                        if let Some(item) = g.items.get_mut(index) {
                            item.done = checked;
                        }
                    })
                })
            />
            <TextField
                label=format!("Item {n}")
                hide_label=true
                value=text
                on_change=Callback::new(move |t: String| {
                    handle.change(Some(&format!("item:{index}")), |g| {
                        if let Some(item) = g.items.get_mut(index) {
                            item.text = t;
                        }
                    })
                })
            />
            <button
                class="button button-small gap-item-move-up"
                aria-label=format!("Move item {n} up")
                prop:disabled=move || index == 0
                on:click=move |_| swap(index.saturating_sub(1))
            >
                "\u{2191}"
            </button>
            <button
                class="button button-small gap-item-move-down"
                aria-label=format!("Move item {n} down")
                prop:disabled=move || { index + 1 >= count.get() }
                on:click=move |_| swap(index + 1)
            >
                "\u{2193}"
            </button>
            <button
                class="button button-small button-danger"
                aria-label=format!("Remove item {n}")
                on:click=move |_| {
                    handle.change(None, |g| {
                        if index < g.items.len() {
                            g.items.remove(index);
                        }
                    })
                }
            >
                "Remove"
            </button>
        </li>
    }
}

/// The tags: each with a button that removes it, and a field that adds new ones.
#[component]
fn Tags(handle: GapHandle) -> impl IntoView {
    let tags = handle.get(|g| g.tags.clone());
    let draft = RwSignal::new(String::new());
    let add = move || {
        let typed = draft.get_untracked();
        // "a, b" adds two tags; a tag already there is not added again.
        let new: Vec<String> = typed.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect();
        if new.is_empty() {
            return;
        }
        handle.change(None, |g| {
            for tag in new {
                if !g.tags.contains(&tag) {
                    g.tags.push(tag);
                }
            }
        });
        draft.set(String::new());
    };
    view! {
        <fieldset class="gap-tags-field">
            <legend class="field-label">"Tags"</legend>
            <ul class="gap-tags">
                {move || {
                    tags.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, tag)| {
                            let label = format!("Remove tag {tag}");
                            view! {
                                <li class="pill pill-neutral gap-tag">
                                    {tag}
                                    <button
                                        class="gap-tag-remove"
                                        aria-label=label
                                        on:click=move |_| {
                                            handle.change(None, |g| {
                                                if i < g.tags.len() {
                                                    g.tags.remove(i);
                                                }
                                            })
                                        }
                                    >
                                        "\u{00d7}"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="gap-tag-add">
                <label class="field">
                    <span class="visually-hidden">"New tag"</span>
                    <input
                        class="input"
                        type="text"
                        placeholder="New tag"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                </label>
                <button class="button button-small" on:click=move |_| add()>
                    "Add tag"
                </button>
            </div>
        </fieldset>
    }
}

//! The gaps table: sortable headers, one row per gap (keyed by its id, with
//! its data in a signal of its own that changes only with its gap), pages of
//! [`PAGE`] rows, and the bar that changes the status or phase of every
//! selected gap in one step.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::{shown_title, use_gaps, GapKey, PAGE};
use crate::app::chunks::fields::{keyword_label, keyword_options};
use crate::core::display;
use crate::core::model::{Assessment, Gap, Priority, Status};
use crate::core::query::{gap_figures, Direction, GapColumn, GapFigures, GapSort};

/// The value of a phase select for "No phase" (phase ids are never empty).
const NO_PHASE: &str = "";

/// The options of a phase select: "No phase", every phase, and the phase
/// the gap names when no such phase exists.
pub(super) fn phase_options(phases: Vec<(String, String)>, unknown: Option<String>) -> Vec<(String, String)> {
    let mut options = vec![(NO_PHASE.to_string(), "No phase".to_string())];
    if let Some(unknown) = unknown {
        options.push((unknown.clone(), format!("Unknown phase \u{201c}{unknown}\u{201d}")));
    }
    options.extend(phases);
    options
}

/// "2–4" person-days, or a dash without an estimate.
fn effort_text(figures: &GapFigures) -> String {
    figures.effort_days.map_or_else(|| "\u{2014}".to_string(), |(min, max)| display::range(min, max))
}

/// "50%" of the gap closed, or a dash when it is not scored.
fn credit_text(figures: &GapFigures) -> String {
    figures.credit_percent.map_or_else(|| "\u{2014}".to_string(), |p| format!("{}%", display::number(p)))
}

/// The table, its count and pager, and the bulk bar.
#[component]
pub(super) fn GapTable() -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let rows = Rows::new();
    let total = Memo::new(move |_| editor.with(|a| a.gaps.len()));
    let matching_count = Memo::new(move |_| state.matching.with(Vec::len));
    let page = Memo::new(move |_| {
        let limit = state.limit.get();
        state.matching.with(|keys| keys[..limit.min(keys.len())].to_vec())
    });
    let shown_count = Memo::new(move |_| page.with(Vec::len));
    let filtered = Memo::new(move |_| !state.filter.with(|f| f.is_empty()));

    let count = move || {
        let (shown, matching, total) = (shown_count.get(), matching_count.get(), total.get());
        let gaps = |n: usize| if n == 1 { "1 gap".to_string() } else { format!("{n} gaps") };
        match (filtered.get(), shown < matching) {
            (false, false) => gaps(total),
            (false, true) => format!("Showing {shown} of {}", gaps(total)),
            (true, false) => format!("{matching} of {} match the filters", gaps(total)),
            (true, true) => format!("Showing {shown} of the {matching} gaps that match the filters ({total} in all)"),
        }
    };

    let all_shown_selected = Memo::new(move |_| {
        page.with(|keys| !keys.is_empty() && state.selected.with(|s| keys.iter().all(|k| s.contains(k))))
    });
    let select_all_shown = move |ev| {
        let checked = event_target_checked(&ev);
        let keys = page.get_untracked();
        state.selected.update(|selected| {
            for key in keys {
                if checked {
                    selected.insert(key);
                } else {
                    selected.remove(&key);
                }
            }
        });
    };

    view! {
        <p class="gap-count hint" role="status">
            {count}
        </p>
        <BulkBar />
        <Show
            when=move || { matching_count.get() > 0 }
            fallback=move || {
                view! {
                    <div class="empty">
                        <p>"No gaps match these filters."</p>
                        <button
                            class="button"
                            on:click=move |_| state.set_filter(|f| *f = Default::default())
                        >
                            "Clear filters"
                        </button>
                    </div>
                }
            }
        >
            <div class="gap-table-wrap">
                <table class="gap-table">
                    <caption class="visually-hidden">"Gaps of this assessment"</caption>
                    // Fixed column widths: the browser lays out a long table
                    // without measuring every cell, and a row's new text does
                    // not move the columns.
                    <colgroup>
                        <col class="gap-col-select" />
                        <col class="gap-col-title" />
                        <col class="gap-col-category" />
                        <col class="gap-col-status" />
                        <col class="gap-col-priority" />
                        <col class="gap-col-phase" />
                        <col class="gap-col-effort" />
                        <col class="gap-col-credit" />
                        <col class="gap-col-owner" />
                        <col class="gap-col-actions" />
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col" class="gap-select">
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || all_shown_selected.get()
                                        on:change=select_all_shown
                                    />
                                    <span class="visually-hidden">"Select all shown"</span>
                                </label>
                            </th>
                            <SortHeader column=GapColumn::Title label="Title" />
                            <SortHeader column=GapColumn::Category label="Category" />
                            <SortHeader column=GapColumn::Status label="Status" />
                            <SortHeader column=GapColumn::Priority label="Priority" />
                            <SortHeader column=GapColumn::Phase label="Phase" />
                            <SortHeader column=GapColumn::Effort label="Effort (person-days)" numeric=true />
                            <SortHeader column=GapColumn::Credit label="Credit" numeric=true />
                            <SortHeader column=GapColumn::Owner label="Owner" />
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || page.get() key=|key| key.clone() let:key>
                            <GapRow key rows />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { shown_count.get() < matching_count.get() }>
                <div class="gap-more">
                    <button class="button" on:click=move |_| state.limit.update(|l| *l += PAGE)>
                        "Show more"
                    </button>
                    <span class="hint">
                        {move || {
                            let rest = matching_count.get() - shown_count.get();
                            format!("{} more of {rest} not shown yet", rest.min(PAGE))
                        }}
                    </span>
                </div>
            </Show>
        </Show>
    }
}

/// A column header that sorts the table: ascending, then descending, then
/// back to the file's order.
#[component]
fn SortHeader(
    /// The column this header sorts by.
    column: GapColumn,
    /// The header's text.
    label: &'static str,
    /// Whether the column holds numbers (aligned right).
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let state = use_gaps();
    let direction = Memo::new(move |_| state.sort.get().filter(|s| s.column == column).map(|s| s.direction));
    let click = move |_| {
        let next = match direction.get_untracked() {
            None => Some(GapSort { column, direction: Direction::Ascending }),
            Some(Direction::Ascending) => Some(GapSort { column, direction: Direction::Descending }),
            Some(Direction::Descending) => None,
        };
        state.sort.set(next);
        state.limit.set(PAGE);
    };
    view! {
        <th
            scope="col"
            class:num=numeric
            aria-sort=move || {
                direction
                    .get()
                    .map(|d| match d {
                        Direction::Ascending => "ascending",
                        Direction::Descending => "descending",
                    })
            }
        >
            <button class="gap-sort" on:click=click>
                {label}
                <span class="gap-sort-mark" aria-hidden="true">
                    {move || match direction.get() {
                        None => "\u{2195}",
                        Some(Direction::Ascending) => "\u{25b2}",
                        Some(Direction::Descending) => "\u{25bc}",
                    }}
                </span>
            </button>
        </th>
    }
}

/// What one row shows, derived from its gap.
#[derive(Clone, Debug, PartialEq)]
struct RowData {
    position: usize,
    title: String,
    /// The category's name, or a note that it does not exist.
    category: String,
    status: Status,
    priority: Priority,
    phase: Option<String>,
    /// Whether `phase` names a phase that does not exist.
    phase_unknown: bool,
    figures: GapFigures,
    owner: String,
    /// The gap's validation problems.
    problems: Vec<String>,
}

impl RowData {
    /// The data of the row of `key`; `hint` is where the gap was last time,
    /// and is moved to where it is now.
    fn of(a: &Assessment, key: &GapKey, hint: &mut usize, problems: &HashMap<usize, Vec<String>>) -> Option<Self> {
        let position = key.locate(a, *hint)?;
        *hint = position;
        let gap = &a.gaps[position];
        Some(RowData {
            position,
            title: shown_title(&gap.title),
            category: a
                .category(&gap.category)
                .map_or_else(|| format!("Unknown \u{201c}{}\u{201d}", gap.category), |c| c.name.clone()),
            status: gap.status,
            priority: gap.priority,
            phase: gap.phase.clone(),
            phase_unknown: gap.phase.as_deref().is_some_and(|p| a.phase(p).is_none()),
            figures: gap_figures(gap, &a.settings),
            owner: gap.owner.clone(),
            problems: problems.get(&position).cloned().unwrap_or_default(),
        })
    }
}

/// One row on screen: its data and whether it is selected, as signals that
/// change only when the row's own gap does.
struct Slot {
    /// Tells this registration from a later one of the same gap.
    token: u64,
    hint: usize,
    data: RwSignal<Option<RowData>>,
    selected: RwSignal<bool>,
}

/// The rows on screen. After each edit one effect derives every row's data
/// and sets the signals of the rows that changed, and only those.
///
/// Why not a memo per row over the assessment: each memo that re-runs
/// unsubscribes from its sources and subscribes again, and with a thousand
/// rows on one signal that costs every edit the square of the rows.
#[derive(Clone, Copy)]
struct Rows {
    slots: StoredValue<HashMap<GapKey, Slot>>,
    next_token: StoredValue<u64>,
    /// The phases, for the rows' phase selects: a signal set only when they
    /// change, so that an edit does not wake every row to check them.
    phases: RwSignal<Vec<(String, String)>>,
}

impl Rows {
    /// Starts following the assessment and the selection.
    fn new() -> Self {
        let state = use_gaps();
        let editor = state.editor;
        let rows = Rows {
            slots: StoredValue::new(HashMap::new()),
            next_token: StoredValue::new(0),
            phases: RwSignal::new(state.phases.get_untracked()),
        };
        Effect::new(move |_| {
            let phases = state.phases.get();
            if rows.phases.with_untracked(|old| *old != phases) {
                rows.phases.set(phases);
            }
        });
        Effect::new(move |_| {
            let changed = editor.with(|a| {
                state.problems.with(|problems| {
                    rows.slots.try_update_value(|slots| {
                        let mut changed = Vec::new();
                        for (key, slot) in slots.iter_mut() {
                            let data = RowData::of(a, key, &mut slot.hint, problems);
                            if slot.data.try_with_untracked(|old| *old != data).unwrap_or(false) {
                                changed.push((slot.data, data));
                            }
                        }
                        changed
                    })
                })
            });
            let changed = changed.unwrap_or_default();
            // Set outside the lock on the slots: nothing reacting may find it taken.
            for (signal, data) in changed {
                signal.set(data);
            }
        });
        Effect::new(move |_| {
            let changed: Vec<(RwSignal<bool>, bool)> = state.selected.with(|selected| {
                rows.slots.with_value(|slots| {
                    slots
                        .iter()
                        .map(|(key, slot)| (slot.selected, selected.contains(key)))
                        .filter(|(signal, now)| signal.try_get_untracked().is_some_and(|was| was != *now))
                        .collect()
                })
            });
            for (signal, now) in changed {
                signal.set(now);
            }
        });
        rows
    }

    /// Adds the row of `key`; it leaves when its view is cleaned up.
    fn add(&self, key: &GapKey) -> (RwSignal<Option<RowData>>, RwSignal<bool>) {
        let state = use_gaps();
        let mut hint = 0;
        let data = state
            .editor
            .with_untracked(|a| state.problems.with_untracked(|problems| RowData::of(a, key, &mut hint, problems)));
        let data = RwSignal::new(data);
        let selected = RwSignal::new(state.selected.with_untracked(|s| s.contains(key)));
        let token = self.next_token.get_value();
        self.next_token.set_value(token + 1);
        self.slots.update_value(|slots| {
            slots.insert(key.clone(), Slot { token, hint, data, selected });
        });
        let (rows, key) = (*self, key.clone());
        on_cleanup(move || {
            // The tab may be going away as a whole, its slots with it.
            let _ = rows.slots.try_update_value(|slots| {
                if slots.get(&key).is_some_and(|slot| slot.token == token) {
                    slots.remove(&key);
                }
            });
        });
        (data, selected)
    }
}

/// One gap: select, open, change status, priority and phase, delete.
///
/// Rows are drawn a hundred at a time, so each is kept lean: bare controls
/// named with `aria-label` (no label elements), one reactive update per
/// select, and closures over the row's own signal rather than memos.
#[component]
fn GapRow(key: GapKey, rows: Rows) -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let (row, selected) = rows.add(&key);
    let key = StoredValue::new(key);
    let part = move |f: fn(&RowData) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    // "Status of <title>": the names of the row's controls.
    let named =
        move |what: &'static str| move || row.with(|r| format!("{what} {}", r.as_ref().map_or("", |r| &r.title)));

    // The position is looked up again at the time of the change: rows above
    // may have been deleted since this row was drawn.
    let change = move |change: Box<dyn FnOnce(&mut Gap)>| {
        let hint = row.with_untracked(|r| r.as_ref().map_or(0, |r| r.position));
        if let Some(position) = editor.with_untracked(|a| key.with_value(|k| k.locate(a, hint))) {
            state.edit_gap(position, None, change);
        }
    };
    let on_status = move |value: String| {
        if let Some(status) = Status::parse(&value) {
            change(Box::new(move |g| g.status = status));
        }
    };
    let on_priority = move |value: String| {
        if let Some(priority) = Priority::parse(&value) {
            change(Box::new(move |g| g.priority = priority));
        }
    };
    let on_phase = move |id: String| change(Box::new(move |g| g.phase = (id != NO_PHASE).then_some(id)));
    let on_select = move |ev| {
        let checked = event_target_checked(&ev);
        state.selected.update(|s| {
            let key = key.get_value();
            if checked {
                s.insert(key);
            } else {
                s.remove(&key);
            }
        });
    };
    let delete = move |_| {
        let keys: HashSet<GapKey> = [key.get_value()].into();
        state.delete(&keys);
    };
    let problems = move || {
        row.with(|r| {
            let problems = &r.as_ref()?.problems;
            (!problems.is_empty()).then(|| {
                view! {
                    <ul class="gap-problems">
                        {problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                    </ul>
                }
            })
        })
    };
    // Drawn again only when the phases change, or the gap's phase stops (or
    // starts) being one of them.
    let unknown_phase =
        Memo::new(move |_| row.with(|r| r.as_ref().filter(|r| r.phase_unknown).and_then(|r| r.phase.clone())));
    let phase_select = move || {
        row_select(
            named("Phase of"),
            phase_options(rows.phases.get(), unknown_phase.get()),
            move || row.with(|r| r.as_ref().and_then(|r| r.phase.clone()).unwrap_or_default()),
            on_phase,
        )
    };

    // A row whose gap is gone is dropped by the table in the same update.
    view! {
        <tr class="gap-row" class:gap-row-selected=move || selected.get()>
            <td class="gap-select">
                <input
                    type="checkbox"
                    aria-label=named("Select")
                    prop:checked=move || selected.get()
                    on:change=on_select
                />
            </td>
            <th scope="row" class="gap-title">
                <button class="gap-open" on:click=move |_| state.open(key.get_value())>
                    {part(|r| r.title.clone())}
                </button>
                <span class="gap-id">{key.with_value(|k| k.id.clone())}</span>
                {problems}
            </th>
            <td>{part(|r| r.category.clone())}</td>
            <td class="gap-cell-select">
                {row_select(
                    named("Status of"),
                    keyword_options::<Status>(),
                    move || row.with(|r| r.as_ref().map(|r| r.status.as_str().to_string()).unwrap_or_default()),
                    on_status,
                )}
            </td>
            <td class="gap-cell-select">
                {row_select(
                    named("Priority of"),
                    keyword_options::<Priority>(),
                    move || row.with(|r| r.as_ref().map(|r| r.priority.as_str().to_string()).unwrap_or_default()),
                    on_priority,
                )}
            </td>
            <td class="gap-cell-select">{phase_select}</td>
            <td class="num">{part(|r| effort_text(&r.figures))}</td>
            <td class="num">{part(|r| credit_text(&r.figures))}</td>
            <td>{part(|r| r.owner.clone())}</td>
            <td class="row-actions">
                <button
                    class="button button-small button-danger"
                    aria-label=named("Delete")
                    prop:disabled=editor.is_read_only()
                    on:click=delete
                >
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// A select in a row, named by `aria-label`. Like the `Select` widget, it
/// marks the first choice in the markup and follows later changes with one
/// update of `selectedIndex`. A plain function, not a component: rows are
/// many, and each part they do without counts.
fn row_select(
    name: impl Fn() -> String + Send + Sync + 'static,
    options: Vec<(String, String)>,
    value: impl Fn() -> String + Send + Sync + 'static,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let values: Vec<String> = options.iter().map(|(option, _)| option.clone()).collect();
    let initial = untrack(&value);
    view! {
        <select
            class="input"
            aria-label=name
            prop:selectedIndex=move || {
                let value = value();
                values.iter().position(|o| *o == value).unwrap_or(0) as i32
            }
            on:change=move |ev| on_change(event_target_value(&ev))
        >
            {options
                .into_iter()
                .map(|(option, text)| {
                    let selected = option == initial;
                    view! {
                        <option value=option selected=selected>
                            {text}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// Changes to every selected gap at once: each is one edit, so one undo step.
#[component]
fn BulkBar() -> impl IntoView {
    let state = use_gaps();
    let editor = state.editor;
    let count = Memo::new(move |_| state.selected.with(HashSet::len));
    let hidden = Memo::new(move |_| {
        state.selected.with(|selected| {
            let shown = state.matching.with(|keys| keys.iter().filter(|k| selected.contains(*k)).count());
            selected.len() - shown
        })
    });
    let unselected_matching = Memo::new(move |_| {
        state
            .selected
            .with(|selected| state.matching.with(|keys| keys.iter().filter(|k| !selected.contains(*k)).count()))
    });

    // `what` and `to` make the confirmation: "Set the status of 12 gaps to Done."
    let apply = move |what: &str, to: String, change: Box<dyn Fn(&mut Gap)>| {
        let selected = state.selected.get_untracked();
        let mut changed = 0;
        editor.edit(None, |a| {
            for position in super::positions(a, &selected) {
                change(&mut a.gaps[position]);
                changed += 1;
            }
        });
        if changed > 0 {
            let gaps = if changed == 1 { "1 gap".to_string() } else { format!("{changed} gaps") };
            state.notices.info(format!("Set the {what} of {gaps} to {to}."));
        }
    };
    let set_status = Callback::new(move |value: String| {
        if let Some(status) = Status::parse(&value) {
            apply("status", keyword_label(status), Box::new(move |g| g.status = status));
        }
    });
    let set_phase = Callback::new(move |value: String| {
        let phase = value.strip_prefix("phase:").map(str::to_string);
        let name = match &phase {
            Some(id) => state.phases.with_untracked(|p| p.iter().find(|(p, _)| p == id).map(|(_, n)| n.clone())),
            None => Some("none".to_string()),
        };
        apply("phase", name.unwrap_or_default(), Box::new(move |g| g.phase = phase.clone()));
    });

    view! {
        <Show when=move || { count.get() > 0 }>
            <div class="gap-bulk" role="group" aria-label="Change the selected gaps">
                <strong class="gap-bulk-count">
                    {move || if count.get() == 1 { "1 selected".to_string() } else { format!("{} selected", count.get()) }}
                    {move || {
                        (hidden.get() > 0).then(|| format!(" ({} hidden by the filters)", hidden.get()))
                    }}
                </strong>
                <BulkSelect label="Set status of selected" options={ keyword_options::<Status>() } on_pick=set_status />
                {move || {
                    let mut options = vec![("none".to_string(), "No phase".to_string())];
                    options.extend(state.phases.get().into_iter().map(|(id, name)| (format!("phase:{id}"), name)));
                    view! { <BulkSelect label="Set phase of selected" options on_pick=set_phase /> }
                }}
                <Show when=move || { unselected_matching.get() > 0 }>
                    <button
                        class="button button-small"
                        on:click=move |_| {
                            let keys = state.matching.get_untracked();
                            state.selected.update(|s| s.extend(keys));
                        }
                    >
                        {move || format!("Select all {} matching", state.matching.with(Vec::len))}
                    </button>
                </Show>
                <button class="button button-small" on:click=move |_| state.selected.set(HashSet::new())>
                    "Clear selection"
                </button>
                <button
                    class="button button-small button-danger"
                    prop:disabled=editor.is_read_only()
                    on:click=move |_| state.delete(&state.selected.get_untracked())
                >
                    "Delete selected"
                </button>
            </div>
        </Show>
    }
}

/// A select that acts at once on the option picked, then shows its prompt
/// again: picking the same value twice acts twice.
#[component]
fn BulkSelect(
    /// The select's visible name.
    label: &'static str,
    /// The (value, text) of each option after the prompt.
    options: Vec<(String, String)>,
    /// Called with the value picked.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="gap-bulk-field">
            <span class="field-label">{label}</span>
            // The name is the label alone, not the options' text too.
            <select
                class="input"
                aria-label=label
                on:change=move |ev| {
                    let select = event_target::<web_sys::HtmlSelectElement>(&ev);
                    let value = select.value();
                    select.set_value("");
                    if !value.is_empty() {
                        on_pick.run(value);
                    }
                }
            >
                <option value="" selected>
                    "Choose\u{2026}"
                </option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </label>
    }
}

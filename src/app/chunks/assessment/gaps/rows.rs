//! The rows of the gaps table: each keyed by its gap, with its data in a
//! signal of its own that changes only with its gap, and inline selects of
//! status, priority and phase.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::key::GapKey;
use super::phase_options::{phase_options, NO_PHASE};
use super::state::{shown_title, use_gaps};
use crate::app::chunks::fields::keyword_options;
use crate::core::model::{Assessment, Gap, Priority, Status};
use crate::core::numbers::{acceptance, calendar};
use crate::core::present::date::day_number;
use crate::core::present::display;
use crate::core::present::query::{gap_figures, GapFigures};

/// "2–4" person-days, or a dash without an estimate.
fn effort_text(figures: &GapFigures) -> String {
    figures.effort_days.map_or_else(|| "\u{2014}".to_string(), |(min, max)| display::range(min, max))
}

/// "50%" of the gap closed, or a dash when it is not scored.
fn credit_text(figures: &GapFigures) -> String {
    figures.credit_percent.map_or_else(|| "\u{2014}".to_string(), |p| format!("{}%", display::number(p)))
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
    /// Past its due date today, and not done.
    overdue: bool,
    /// Accepted with an acceptance that expired before today.
    acceptance_expired: bool,
}

impl RowData {
    /// The data of the row of `key`; `hint` is where the gap was last time,
    /// and is moved to where it is now.
    fn of(
        a: &Assessment,
        key: &GapKey,
        hint: &mut usize,
        problems: &HashMap<usize, Vec<String>>,
        today: Option<i64>,
    ) -> Option<Self> {
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
            overdue: calendar::is_overdue(gap, today),
            acceptance_expired: acceptance::is_expired(gap, today),
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
pub(super) struct Rows {
    slots: StoredValue<HashMap<GapKey, Slot>>,
    next_token: StoredValue<u64>,
    /// The phases, for the rows' phase selects: a signal set only when they
    /// change, so that an edit does not wake every row to check them.
    phases: RwSignal<Vec<(String, String)>>,
}

impl Rows {
    /// Starts following the assessment and the selection.
    pub(super) fn new() -> Self {
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
        let today = editor.today.with_value(|t| day_number(t));
        Effect::new(move |_| {
            let changed = editor.with(|a| {
                state.problems.with(|problems| {
                    rows.slots.try_update_value(|slots| {
                        let mut changed = Vec::new();
                        for (key, slot) in slots.iter_mut() {
                            let data = RowData::of(a, key, &mut slot.hint, problems, today);
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
        let today = state.editor.today.with_value(|t| day_number(t));
        let data = state.editor.with_untracked(|a| {
            state.problems.with_untracked(|problems| RowData::of(a, key, &mut hint, problems, today))
        });
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
pub(super) fn GapRow(key: GapKey, rows: Rows) -> impl IntoView {
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
                {move || {
                    row.with(|r| r.as_ref().is_some_and(|r| r.overdue))
                        .then(|| view! { " " <span class="pill pill-danger">"Overdue"</span> })
                }}
                {move || {
                    row.with(|r| r.as_ref().is_some_and(|r| r.acceptance_expired))
                        .then(|| view! { " " <span class="pill pill-danger">"Acceptance expired"</span> })
                }}
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

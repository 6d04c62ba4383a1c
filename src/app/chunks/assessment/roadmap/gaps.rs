//! The gaps a phase closes: listed with their status, priority and effort,
//! each with "Unassign", and a dialog to assign open gaps that no phase has
//! yet. Long lists come in pages, so a phase of a thousand gaps opens fast.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::{keyword_label, Checkbox, TextField};
use crate::app::dialog::Dialog;
use crate::app::notices::use_notices;
use crate::core::edit::{assign_gaps, phase_position, unassign_gap, Key};
use crate::core::model::{EffortUnit, Gap, Priority, Status};
use crate::core::present::display::range;

/// How many rows a list shows at first, and how many more each "Show more" adds.
const PAGE: usize = 100;

/// One gap as a row shows it. Lists key their rows by this whole content,
/// so a row is redrawn only when its own gap changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct GapRow {
    /// Where the gap is in the assessment (a file may hold two gaps with one id).
    position: usize,
    id: String,
    title: String,
    status: Status,
    priority: Priority,
    /// The effort as typed: the bits of its two ends (so that the row can be
    /// a key) and its unit.
    effort: Option<(u64, u64, EffortUnit)>,
}

/// The title a row shows: the id when the title is blank.
fn shown_title(gap: &Gap) -> &str {
    if gap.title.trim().is_empty() {
        &gap.id
    } else {
        &gap.title
    }
}

fn effort_of(gap: &Gap) -> Option<(u64, u64, EffortUnit)> {
    gap.effort.as_ref().map(|e| (e.min.to_bits(), e.max.to_bits(), e.unit))
}

impl GapRow {
    fn of(position: usize, gap: &Gap) -> Self {
        GapRow {
            position,
            id: gap.id.clone(),
            title: shown_title(gap).to_string(),
            status: gap.status,
            priority: gap.priority,
            effort: effort_of(gap),
        }
    }

    /// Whether the row still shows `gap` as it is, checked without copying anything.
    fn shows(&self, gap: &Gap) -> bool {
        self.id == gap.id
            && self.title == shown_title(gap)
            && self.status == gap.status
            && self.priority == gap.priority
            && self.effort == effort_of(gap)
    }

    /// The effort as people read it: `2–4 days`.
    fn effort_text(&self) -> String {
        self.effort.map_or_else(
            || "No estimate".to_string(),
            |(min, max, unit)| format!("{} {}", range(f64::from_bits(min), f64::from_bits(max)), unit.as_str()),
        )
    }
}

/// The gaps assigned to a phase.
#[component]
pub(super) fn AssignedGaps(
    /// Which phase.
    phase: Key,
    /// The phase's name as shown.
    name: Signal<String>,
) -> impl IntoView {
    let editor = use_editor();
    let shown = RwSignal::new(PAGE);
    let choosing = RwSignal::new(false);
    let k = phase.clone();
    // Which gaps are in the phase, by position only: an edit anywhere costs
    // one pass over the gaps and no copies; each row shown reads its own gap.
    let positions = Memo::new(move |_| {
        editor.with(|a| {
            let Some(i) = phase_position(a, &k) else { return Vec::new() };
            let id = a.phases[i].id.as_str();
            a.gaps
                .iter()
                .enumerate()
                .filter(|(_, g)| g.phase.as_deref() == Some(id))
                .map(|(p, _)| p)
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| positions.with(Vec::len));
    // The rows shown, in one memo for the whole list: an edit elsewhere
    // re-checks them without copying, and only a changed gap makes a new row.
    let rows = Memo::new_owning(move |old: Option<Vec<GapRow>>| {
        let limit = shown.get();
        positions.with(|positions| {
            editor.with(|a| {
                let wanted = &positions[..positions.len().min(limit)];
                let same = old.as_ref().is_some_and(|old| {
                    old.len() == wanted.len()
                        && old
                            .iter()
                            .zip(wanted)
                            .all(|(row, &p)| row.position == p && a.gaps.get(p).is_some_and(|gap| row.shows(gap)))
                });
                match old {
                    Some(old) if same => (old, false),
                    _ => (wanted.iter().filter_map(|&p| a.gaps.get(p).map(|g| GapRow::of(p, g))).collect(), true),
                }
            })
        })
    });
    view! {
        <section class="phase-part phase-gaps">
            <div class="toolbar">
                <h4>"Gaps " <span class="phase-gap-count">{move || format!("({})", count.get())}</span></h4>
                <button class="button button-small" on:click=move |_| choosing.set(true)>
                    "Assign gaps"
                </button>
            </div>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"No gaps are assigned to this phase yet."</p> }
            >
                <table class="lines phase-gap-table">
                    <thead>
                        <tr>
                            <th scope="col">"Gap"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Priority"</th>
                            <th scope="col">"Effort"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <AssignedGap row />
                        </For>
                    </tbody>
                </table>
                <Show when=move || { count.get() > shown.get() }>
                    <p class="more">
                        {move || format!("Showing {} of {} gaps. ", shown.get(), count.get())}
                        <button class="button button-small" on:click=move |_| shown.update(|s| *s += PAGE)>
                            "Show more"
                        </button>
                    </p>
                </Show>
            </Show>
            <Dialog open=choosing title=Signal::derive(move || format!("Assign gaps to {}", name.get()))>
                <Show when=move || choosing.get()>
                    <AssignPicker phase=phase.clone() open=choosing name />
                </Show>
            </Dialog>
        </section>
    }
}

/// One assigned gap.
#[component]
fn AssignedGap(row: GapRow) -> impl IntoView {
    let editor = use_editor();
    let (position, id) = (row.position, row.id.clone());
    let unassign = move |_| {
        let id = id.clone();
        editor.edit(None, move |a| {
            unassign_gap(a, position, &id);
        });
    };
    view! {
        <tr>
            <th scope="row">{row.title.clone()}</th>
            <td>{keyword_label(row.status)}</td>
            <td>{row.priority.as_str()}</td>
            <td>{row.effort_text()}</td>
            <td class="row-actions">
                <button class="button button-small" on:click=unassign>
                    "Unassign"
                    <span class="visually-hidden">" " {row.title.clone()}</span>
                </button>
            </td>
        </tr>
    }
}

/// The open gaps without a phase, to tick and assign.
#[component]
fn AssignPicker(phase: Key, open: RwSignal<bool>, name: Signal<String>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let filter = RwSignal::new(String::new());
    let selected = RwSignal::new(HashSet::<usize>::new());
    let shown = RwSignal::new(PAGE);
    let candidates = Memo::new(move |_| {
        let words: Vec<String> = filter.with(|f| f.split_whitespace().map(str::to_lowercase).collect());
        editor.with(|a| {
            a.gaps
                .iter()
                .enumerate()
                .filter(|(_, g)| g.status.is_open() && g.phase.is_none())
                .filter(|(_, g)| {
                    let text = format!("{} {}", g.id, g.title).to_lowercase();
                    words.iter().all(|w| text.contains(w.as_str()))
                })
                .map(|(p, g)| GapRow::of(p, g))
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| candidates.with(Vec::len));
    let chosen = Memo::new(move |_| selected.with(HashSet::len));
    let assign = move |_| {
        let positions = selected.get_untracked();
        let Some(id) = editor.with_untracked(|a| phase_position(a, &phase).map(|i| a.phases[i].id.clone())) else {
            return;
        };
        let mut assigned = 0;
        editor.edit(None, |a| assigned = assign_gaps(a, positions.iter().copied(), &id));
        open.set(false);
        let noun = if assigned == 1 { "gap" } else { "gaps" };
        notices.info(format!("Assigned {assigned} {noun} to {}.", name.get_untracked()));
    };
    view! {
        <p class="hint">"Open gaps (missing or partial) that no phase has yet."</p>
        <TextField
            label="Find gaps"
            placeholder="Words in the title or id"
            value=Signal::derive(move || filter.get())
            on_change=Callback::new(move |v| {
                filter.set(v);
                shown.set(PAGE);
            })
        />
        <Show
            when=move || { count.get() > 0 }
            fallback=move || {
                view! {
                    <p class="empty">
                        {move || {
                            if filter.with(String::is_empty) {
                                "Every open gap already has a phase."
                            } else {
                                "No open gap without a phase matches these words."
                            }
                        }}
                    </p>
                }
            }
        >
            <ul class="assign-list">
                <For
                    each=move || candidates.with(|c| c.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    key=|row| row.clone()
                    let:row
                >
                    {
                        let position = row.position;
                        let label = format!("{} ({}, {})", row.title, row.priority.as_str(), row.effort_text());
                        view! {
                            <li>
                                <Checkbox
                                    label
                                    checked=Signal::derive(move || selected.with(|s| s.contains(&position)))
                                    on_change=Callback::new(move |on: bool| {
                                        selected.update(|s| {
                                            if on {
                                                s.insert(position);
                                            } else {
                                                s.remove(&position);
                                            }
                                        })
                                    })
                                />
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || { count.get() > shown.get() }>
                <p class="more">
                    {move || format!("Showing {} of {} gaps. ", shown.get(), count.get())}
                    <button class="button button-small" on:click=move |_| shown.update(|s| *s += PAGE)>
                        "Show more"
                    </button>
                </p>
            </Show>
        </Show>
        <div class="dialog-actions">
            <button class="button" on:click=move |_| open.set(false)>
                "Cancel"
            </button>
            <button class="button button-primary" prop:disabled=move || chosen.get() == 0 on:click=assign>
                {move || match chosen.get() {
                    0 => "Assign".to_string(),
                    1 => "Assign 1 gap".to_string(),
                    n => format!("Assign {n} gaps"),
                }}
            </button>
        </div>
    }
}

//! The Roadmap tab: the phases in the order they run, each as a card that
//! edits it (name, goal, start, duration, team, costs, exit criteria and the
//! gaps it closes) and shows, as you type, what the core computes for it:
//! its weeks, labor cost, capacity against demand with the load, and the
//! overall score once it is done.
//!
//! - `phase`: reading and changing one phase; its changes to the list of
//!   phases (add, delete with undo, reorder) are `assessment/edits.rs`.
//! - `figures`: a phase's computed numbers (their terms: `phase_terms`).
//! - `lines`: the team and cost lines of a phase; `criteria`: its exit
//!   criteria, ticked when met, with evidence, and how many are met.
//! - `scenarios`: the alternative roadmaps (pick the active one, add one as
//!   a copy, rename, delete with undo) and their comparison side by side.
//! - `gaps`: the gaps assigned to a phase, and assigning more.

mod criteria;
mod figures;
mod gaps;
mod lines;
mod phase;
mod scenarios;

use leptos::prelude::*;

use self::figures::PhaseFigures;
use self::phase::{edit_phase, with_phase};
use super::charts::{ChartPatterns, TimelineChart};
use super::editor::use_editor;
use super::figures::{bounds, money_or_unknown, use_currency};
use super::focus::focus_new;
use super::links::tab_href;
use super::roles::add_role;
use crate::app::chunks::fields::{Checkbox, DateField, NumberField, RangeField, Select, TextArea, TextField};
use crate::app::dialog::unique_id;
use crate::app::notices::use_notices;
use crate::app::route::{navigate, Route, Tab};
use crate::core::edit::{self, phase_position, Key};

/// The Roadmap tab.
#[component]
pub(super) fn Roadmap() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let currency = use_currency();
    let phases = Memo::new(move |_| editor.with(|a| edit::keys(a.phases.iter().map(|p| p.id.as_str()))));
    let no_roles = Memo::new(move |_| editor.with(|a| a.roles.is_empty()));

    let add_phase = move |_| {
        let mut id = String::new();
        editor.edit(None, |a| id = edit::add_phase(a));
        // Take the user to the new card's name. The id is one we made
        // (`phase-<n>`), safe inside a selector.
        focus_new(format!("[data-phase-id=\"{id}\"]"));
    };
    let add_role_here = move |_| {
        if add_role(editor).is_some() {
            let costs = Route::Assessment { id: editor.with_untracked(|a| a.id.clone()), tab: Tab::Costs };
            notices.info_with_action(
                "Role added. Name it and set its weekly rate on the Costs tab.",
                "Open Costs",
                move || navigate(&costs),
            );
        }
    };
    let start_date = Signal::derive(move || editor.with(|a| a.start_date.clone()));
    let on_start_date = Callback::new(move |date: Option<String>| editor.edit(None, |a| a.start_date = date));
    let critical_path = move || {
        editor.summary.with(|s| {
            (s.critical_path.len() > 1).then(|| {
                let names: Vec<String> = s
                    .critical_path
                    .iter()
                    .filter_map(|id| s.phases.iter().find(|p| &p.id == id))
                    .map(|p| p.name.clone())
                    .collect();
                format!(" Critical path (the phases that set the duration): {}.", names.join(" → "))
            })
        })
    };
    let overview = move || {
        editor.summary.with(|s| {
            currency.with(|c| {
                format!(
                    "{} weeks in all; labor {}, labor and one-off costs {}.",
                    bounds(s.duration_weeks),
                    money_or_unknown(s.labor, &s.labor_unknown_rates, c),
                    money_or_unknown(s.total, &s.labor_unknown_rates, c)
                )
            })
        })
    };

    view! {
        <section class="roadmap" aria-labelledby="roadmap-heading">
            <div class="toolbar">
                <h2 id="roadmap-heading">"Roadmap"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add_phase>
                        "Add phase"
                    </button>
                </div>
            </div>
            <p class="hint">
                "Phases run in the order listed, unless one starts after others. Their cost, capacity and load update as you type. "
                <Show when=move || !phases.with(Vec::is_empty)>{overview} {critical_path}</Show>
            </p>
            <div class="roadmap-start">
                <DateField label="Roadmap start date" value=start_date on_change=on_start_date />
                <p class="hint">"With a start date, week n starts n × 7 days later (weekends count), and each phase has dates."</p>
            </div>
            <scenarios::Scenarios />
            <Show when=move || no_roles.get()>
                <div class="banner banner-warning roadmap-roles">
                    <p>
                        "There are no roles yet, so no team can be staffed. Add one here, or set roles and weekly rates on the "
                        <a href=move || tab_href(editor, Tab::Costs)>"Costs tab"</a> "."
                    </p>
                    <button class="button" on:click=add_role_here>
                        "Add role"
                    </button>
                </div>
            </Show>
            <Show
                when=move || !phases.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="empty">
                            "No phases yet. Use \u{201c}Add phase\u{201d} to plan the work in steps."
                        </p>
                    }
                }
            >
                <div class="card">
                    <ChartPatterns />
                    <TimelineChart />
                </div>
                <ol class="phase-list">
                    <For each=move || phases.get() key=|k| k.clone() let:phase>
                        <li>
                            <PhaseCard phase />
                        </li>
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// One phase: its fields, its computed numbers, its lines and its gaps.
#[component]
fn PhaseCard(
    /// Which phase.
    phase: Key,
) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let key = phase.clone();
    let position = Memo::new(move |_| editor.with(|a| phase_position(a, &key)));
    let count = Memo::new(move |_| editor.with(|a| a.phases.len()));
    let key = phase.clone();
    let name = Memo::new(move |_| with_phase(editor, &key, |p| p.name.clone()).unwrap_or_default());
    let summary = Memo::new(move |_| {
        let i = position.get()?;
        editor.summary.with(|s| s.phases.get(i).cloned())
    });
    let shown_name = move || name.with(|n| if n.trim().is_empty() { "Untitled phase".to_string() } else { n.clone() });
    let heading_id = unique_id("phase-heading");
    let labelled_by = heading_id.clone();
    let data_id = phase.id.clone();

    let move_by = move |up: bool| {
        if let Some(i) = position.get_untracked() {
            editor.edit(None, |a| edit::move_phase(a, i, up));
        }
    };
    let delete = move |_| {
        let Some(i) = position.get_untracked() else { return };
        let mut removed = None;
        editor.edit(None, |a| removed = edit::remove_phase(a, i));
        if let Some(removed) = removed {
            let title = format!("Deleted phase \u{201c}{}\u{201d}.", removed.phase().name);
            editor.offer_undo(notices, title, move |a| edit::restore_phase(a, removed.clone()));
        }
    };

    // The fields.
    let k = phase.clone();
    let on_name = Callback::new(move |v: String| edit_phase(editor, &k, Some("name"), |p| p.name = v));
    let k = phase.clone();
    let goal = Signal::derive(move || with_phase(editor, &k, |p| p.goal.clone()).unwrap_or_default());
    let k = phase.clone();
    let on_goal = Callback::new(move |v: String| edit_phase(editor, &k, Some("goal"), |p| p.goal = v));
    let k = phase.clone();
    let start_week = Memo::new(move |_| with_phase(editor, &k, |p| p.start_week).flatten());
    let k = phase.clone();
    let fixed_start = Memo::new(move |_| with_phase(editor, &k, |p| p.start_week.is_some()).unwrap_or(false));
    let k = phase.clone();
    let after_others = Memo::new(move |_| with_phase(editor, &k, |p| p.after.is_some()).unwrap_or(false));
    let k = phase.clone();
    let on_start_choice = Callback::new(move |choice: String| {
        // A phase given a week starts where it would have started anyway,
        // until the user types another week; one that starts after other
        // phases starts, at first, after the one before it.
        let week = (choice == "week").then(|| summary.with_untracked(|s| s.as_ref().map_or(0.0, |s| s.start_week.min)));
        let previous = position.get_untracked().and_then(|i| i.checked_sub(1));
        let before = editor.with_untracked(|a| previous.and_then(|i| a.phases.get(i)).map(|p| p.id.clone()));
        let after = (choice == "phases").then(|| before.into_iter().collect());
        edit_phase(editor, &k, None, |p| {
            p.start_week = week;
            edit::set_after(p, after);
        });
    });
    let k = phase.clone();
    let on_start_week = Callback::new(move |v: Option<f64>| {
        if let Some(week) = v {
            edit_phase(editor, &k, Some("start_week"), |p| p.start_week = Some(week));
        }
    });
    let k = phase.clone();
    let duration = Signal::derive(move || {
        with_phase(editor, &k, |p| (p.duration_weeks.min, p.duration_weeks.max)).unwrap_or_default()
    });
    let k = phase.clone();
    let on_duration = Callback::new(move |(min, max): (f64, f64)| {
        edit_phase(editor, &k, Some("duration"), |p| {
            p.duration_weeks.min = min;
            p.duration_weeks.max = max;
        })
    });
    let start_options = vec![
        ("after".to_string(), "After the previous phase".to_string()),
        ("phases".to_string(), "After other phases".to_string()),
        ("week".to_string(), "At a given week".to_string()),
    ];
    let start_choice = move || {
        if fixed_start.get() {
            "week"
        } else if after_others.get() {
            "phases"
        } else {
            "after"
        }
    };
    let critical = move || count.get() > 1 && summary.with(|s| s.as_ref().is_some_and(|s| s.critical));
    let after_key = phase.clone();

    view! {
        <article class="card phase-card" aria-labelledby=labelled_by data-phase-id=data_id>
            <header class="phase-header">
                <h3 id=heading_id>
                    <span class="phase-number">{move || position.get().map(|i| format!("{}.", i + 1))}</span>
                    " "
                    {shown_name}
                    <Show when=critical>
                        " " <span class="pill pill-warn" data-testid="critical">"Critical path"</span>
                    </Show>
                </h3>
                <div class="toolbar-actions">
                    <button
                        class="button button-small"
                        prop:disabled=move || position.get().is_none_or(|i| i == 0)
                        on:click=move |_| move_by(true)
                    >
                        "Move "
                        <span class="visually-hidden">{shown_name} " "</span>
                        "up"
                    </button>
                    <button
                        class="button button-small"
                        prop:disabled=move || position.get().is_none_or(|i| i + 1 >= count.get())
                        on:click=move |_| move_by(false)
                    >
                        "Move "
                        <span class="visually-hidden">{shown_name} " "</span>
                        "down"
                    </button>
                    <button class="button button-small button-danger" on:click=delete>
                        "Delete "
                        <span class="visually-hidden">{shown_name}</span>
                    </button>
                </div>
            </header>
            <PhaseFigures summary />
            <div class="phase-fields">
                <TextField label="Phase name" value=Signal::derive(move || name.get()) on_change=on_name required=true />
                <div class="phase-start">
                    <Select
                        label="Start"
                        options=start_options
                        value=Signal::derive(move || start_choice().to_string())
                        on_change=on_start_choice
                    />
                    <Show when=move || after_others.get() && !fixed_start.get()>
                        <StartsAfter phase=after_key.clone() />
                    </Show>
                    <Show when=move || fixed_start.get()>
                        <NumberField
                            label="Start week"
                            value=Signal::derive(move || start_week.get())
                            on_change=on_start_week
                            min=0.0
                            required=true
                        />
                    </Show>
                </div>
                <RangeField label="Duration" unit="weeks" value=duration on_change=on_duration />
                <div class="phase-goal">
                    <TextArea label="Goal" value=goal on_change=on_goal rows=2 />
                </div>
            </div>
            <div class="phase-parts">
                <lines::TeamLines phase=phase.clone() />
                <lines::CostLines phase=phase.clone() />
                <criteria::ExitCriteria phase=phase.clone() />
            </div>
            <gaps::AssignedGaps phase name=Signal::derive(shown_name) />
        </article>
    }
}

/// The phases a phase starts after, one checkbox each; none ticked: it
/// starts at the roadmap's start.
#[component]
fn StartsAfter(
    /// Which phase.
    phase: Key,
) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let others = Memo::new(move |_| {
        editor.with(|a| {
            a.phases
                .iter()
                .filter(|p| p.id != k.id)
                .map(|p| (p.id.clone(), if p.name.trim().is_empty() { p.id.clone() } else { p.name.clone() }))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="field starts-after">
            <legend>"Starts after"</legend>
            {move || {
                others
                    .get()
                    .into_iter()
                    .map(|(id, name)| {
                        let (k, ticked_id) = (phase.clone(), id.clone());
                        let checked = Signal::derive(move || {
                            with_phase(editor, &k, |p| p.after.iter().flatten().any(|a| *a == ticked_id)).unwrap_or(false)
                        });
                        let k = phase.clone();
                        let on_change = Callback::new(move |on: bool| {
                            edit_phase(editor, &k, None, |p| {
                                let mut after: Vec<String> =
                                    p.after.iter().flatten().filter(|a| **a != id).cloned().collect();
                                if on {
                                    after.push(id.clone());
                                }
                                edit::set_after(p, Some(after));
                            })
                        });
                        view! { <Checkbox label=name checked on_change /> }
                    })
                    .collect_view()
            }}
            <p class="hint">"None ticked: it starts at the roadmap's start."</p>
        </fieldset>
    }
}

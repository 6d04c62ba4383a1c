//! Alternative roadmaps on the Roadmap tab (`model::Scenario` states the
//! design): pick the active one, which every roadmap view shows; add one as
//! a copy of the active roadmap, rename, delete with undo; and "Compare
//! scenarios", their figures side by side from `core::numbers::scenarios`.
//! Switching is one edit, so one undo step.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::figures::{bounds, money_or_unknown, use_currency};
use crate::app::chunks::fields::TextField;
use crate::core::edit;
use crate::core::numbers::scenarios::{compare_roadmaps_as_of, RoadmapFigures};
use crate::core::present::display;

/// The scenario picker, the scenarios' names, adding one, and the comparison.
#[component]
pub(super) fn Scenarios() -> impl IntoView {
    let editor = use_editor();
    let notices = crate::app::notices::use_notices();
    let names = Memo::new(move |_| editor.with(edit::roadmap_names));
    let inactive = Memo::new(move |_| editor.with(|a| a.scenarios.iter().map(|s| s.name.clone()).collect::<Vec<_>>()));
    let active = Memo::new(move |_| editor.with(|a| a.scenario.clone().unwrap_or_default()));
    let new_name = RwSignal::new(String::new());
    let comparing = RwSignal::new(false);

    let add = move |_| {
        let name = new_name.get_untracked();
        editor.edit(None, |a| {
            edit::add_scenario(a, &name);
        });
        new_name.set(String::new());
    };
    let switch_to = move |name: String| {
        editor.edit(None, |a| {
            if let Some(position) = edit::scenario_position(a, &name) {
                edit::switch_scenario(a, position);
            }
        });
    };
    let delete = move |position: usize| {
        let mut removed = None;
        editor.edit(None, |a| removed = edit::remove_scenario(a, position));
        if let Some(removed) = removed {
            let title = format!("Deleted scenario \u{201c}{}\u{201d}.", removed.scenario().name);
            editor.offer_undo(notices, title, move |a| edit::restore_scenario(a, removed.clone()));
        }
    };
    let on_active_name = Callback::new(move |v: String| editor.edit(Some("scenario:active"), |a| a.scenario = Some(v)));

    view! {
        <section class="card" aria-labelledby="scenarios-heading">
            <h3 id="scenarios-heading">"Scenarios"</h3>
            <Show
                when=move || !inactive.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="hint">
                            "One roadmap. Add a scenario to weigh another plan: it starts as a copy of this one."
                        </p>
                    }
                }
            >
                <div class="toolbar-actions">
                    <label class="field">
                        <span class="field-label">"Active roadmap"</span>
                        <select
                            class="input"
                            aria-label="Active roadmap"
                            prop:value=move || active.get()
                            on:change=move |ev| switch_to(event_target_value(&ev))
                        >
                            {move || {
                                names
                                    .get()
                                    .into_iter()
                                    .map(|name| {
                                        let selected = active.with_untracked(|a| *a == name);
                                        view! {
                                            <option value=name.clone() selected=selected>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                    <TextField
                        label="Name of the active roadmap"
                        required=true
                        value=Signal::derive(move || active.get())
                        on_change=on_active_name
                    />
                </div>
                <ul class="toolbar-actions">
                    <For each=move || inactive.get().into_iter().enumerate() key=|(i, name)| (*i, name.clone()) let:entry>
                        <ScenarioLine position=entry.0 name=entry.1 on_switch=Callback::new(switch_to) on_delete=Callback::new(delete) />
                    </For>
                </ul>
            </Show>
            <div class="toolbar-actions">
                <TextField
                    label="New scenario name"
                    placeholder="Fast track"
                    value=Signal::derive(move || new_name.get())
                    on_change=Callback::new(move |v: String| new_name.set(v))
                />
                <button class="button" on:click=add prop:disabled=editor.is_read_only()>
                    "Add scenario"
                </button>
                <button
                    class="button"
                    aria-expanded=move || comparing.get().to_string()
                    on:click=move |_| comparing.update(|c| *c = !*c)
                >
                    "Compare scenarios"
                </button>
            </div>
            <Show when=move || comparing.get()>
                <Comparison />
            </Show>
        </section>
    }
}

/// One inactive scenario: its name, "Switch to", "Delete".
#[component]
fn ScenarioLine(
    position: usize,
    name: String,
    on_switch: Callback<String>,
    on_delete: Callback<usize>,
) -> impl IntoView {
    let editor = use_editor();
    let n = position + 1;
    let value =
        Signal::derive(move || editor.with(|a| a.scenarios.get(position).map(|s| s.name.clone())).unwrap_or_default());
    let on_name = Callback::new(move |v: String| {
        editor.edit(Some(&format!("scenario:{position}:name")), |a| {
            if let Some(scenario) = a.scenarios.get_mut(position) {
                scenario.name = v;
            }
        })
    });
    let switch_name = name.clone();
    view! {
        <li class="toolbar-actions">
            <TextField label=format!("Name of scenario {n}") hide_label=true required=true value on_change=on_name />
            <button class="button button-small" on:click=move |_| on_switch.run(switch_name.clone())>
                "Switch to " {name.clone()}
            </button>
            <button class="button button-small button-danger" on:click=move |_| on_delete.run(position)>
                "Delete " <span class="visually-hidden">"scenario " {name}</span>
            </button>
        </li>
    }
}

/// Every roadmap's figures side by side.
#[component]
fn Comparison() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let figures =
        Memo::new(move |_| editor.today.with_value(|today| editor.with(|a| compare_roadmaps_as_of(a, today))));
    let row = move |label: &'static str, cell: fn(&RoadmapFigures, &str) -> String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {move || {
                    let currency = currency.get();
                    figures.with(|all| all.iter().map(|f| view! { <td>{cell(f, &currency)}</td> }).collect_view())
                }}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table>
                <caption>"Roadmaps side by side, each scored as if it were active"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        {move || {
                            figures
                                .with(|all| {
                                    all.iter()
                                        .map(|f| {
                                            let name = if f.active { format!("{} (active)", f.name) } else { f.name.clone() };
                                            view! { <th scope="col">{name}</th> }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tr>
                </thead>
                <tbody>
                    {row("Phases", |f, _| f.after_phases.len().to_string())}
                    {row("Duration", |f, _| format!("{} weeks", bounds(f.duration_weeks)))}
                    {row("Labor", |f, c| money_or_unknown(f.labor, &f.unknown_rates, c))}
                    {row("Total cost", |f, c| money_or_unknown(f.total, &f.unknown_rates, c))}
                    {row("Score now", |f, _| display::score(f.overall))}
                    {row("Ready threshold passed", |f, _| match (f.ready_week, &f.ready_date) {
                        (Some(week), Some(date)) => format!("by {date} (week {})", bounds(week)),
                        (Some(week), None) => format!("week {}", bounds(week)),
                        (None, _) => "not within this roadmap".to_string(),
                    })}
                    {row("Open blockers left", |f, _| f.blockers_left.to_string())}
                    <tr>
                        <th scope="row">"After each phase"</th>
                        {move || {
                            figures
                                .with(|all| {
                                    all.iter()
                                        .map(|f| {
                                            let steps = f
                                                .after_phases
                                                .iter()
                                                .map(|step| {
                                                    let level = step.level.clone().unwrap_or_else(|| "no level".into());
                                                    format!(
                                                        "{}: {} ({level}), {} blockers left",
                                                        step.phase,
                                                        display::score(step.projected_overall),
                                                        step.blockers_left,
                                                    )
                                                })
                                                .map(|text| view! { <li>{text}</li> })
                                                .collect_view();
                                            view! {
                                                <td>
                                                    <ol>{steps}</ol>
                                                </td>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

//! The lines of a phase: its team (a role and an FTE range per line) and
//! its one-off and annual costs (its exit criteria: `criteria`). Lines have no ids, so
//! rows are keyed by position and read their line by position: after a
//! delete, the rows below show the lines that moved up.

use leptos::prelude::*;

use super::phase::{edit_phase, with_phase};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::figures::use_currency;
use crate::app::chunks::assessment::links::tab_href;
use crate::app::chunks::fields::{NumberField, RangeField, Select, TextField};
use crate::app::route::Tab;
use crate::core::edit::{self, Key};
use crate::core::model::CostKind;

/// The team of a phase.
#[component]
pub(super) fn TeamLines(
    /// Which phase.
    phase: Key,
) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let count = Memo::new(move |_| with_phase(editor, &k, |p| p.team.len()).unwrap_or(0));
    let roles =
        Memo::new(move |_| editor.with(|a| a.roles.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>()));
    let k = phase.clone();
    let add = move |_| {
        // A new line takes the first role that the team does not have yet;
        // without roles there is nothing to add, and no step to record.
        let roles = editor.with_untracked(|a| a.roles.clone());
        if !roles.is_empty() {
            edit_phase(editor, &k, None, |p| {
                edit::add_team_line(p, &roles);
            });
        }
    };
    let line_phase = StoredValue::new(phase.clone());
    view! {
        <section class="phase-part">
            <h4>"Team"</h4>
            <Show when=move || roles.with(Vec::is_empty)>
                <p class="hint">
                    "No roles yet: add one above, or on the "
                    <a href=move || tab_href(editor, Tab::Costs)>"Costs tab"</a> "."
                </p>
            </Show>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"Nobody is on this phase yet."</p> }
            >
                <table class="lines">
                    <thead>
                        <tr>
                            <th scope="col">"Role"</th>
                            <th scope="col">"FTE"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:line>
                            <TeamLine phase=line_phase.get_value() line roles />
                        </For>
                    </tbody>
                </table>
            </Show>
            <button class="button button-small" prop:disabled=move || roles.with(Vec::is_empty) on:click=add>
                "Add team member"
            </button>
        </section>
    }
}

#[component]
fn TeamLine(phase: Key, line: usize, roles: Memo<Vec<(String, String)>>) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let member = Memo::new(move |_| {
        with_phase(editor, &k, |p| p.team.get(line).map(|m| (m.role.clone(), m.fte.min, m.fte.max))).flatten()
    });
    let role = Memo::new(move |_| member.with(|m| m.as_ref().map(|m| m.0.clone()).unwrap_or_default()));
    // The roles to choose from; a role the file names but does not define
    // stays listed, so that the select shows the truth.
    let options = Memo::new(move |_| {
        let mut options: Vec<(String, String)> = roles.get();
        role.with(|current| {
            if !current.is_empty() && !options.iter().any(|(id, _)| id == current) {
                options.push((current.clone(), format!("Unknown role \u{201c}{current}\u{201d}")));
            }
        });
        options
    });
    let role_name = move || {
        let id = role.get();
        options.with(|o| o.iter().find(|(i, _)| *i == id).map(|(_, name)| name.clone())).unwrap_or_default()
    };
    let k = phase.clone();
    let on_role = Callback::new(move |id: String| {
        edit_phase(editor, &k, None, |p| {
            if let Some(m) = p.team.get_mut(line) {
                m.role = id;
            }
        })
    });
    let k = phase.clone();
    let on_fte = Callback::new(move |(min, max): (f64, f64)| {
        edit_phase(editor, &k, Some(&format!("team:{line}:fte")), |p| {
            if let Some(m) = p.team.get_mut(line) {
                m.fte.min = min;
                m.fte.max = max;
            }
        })
    });
    let k = phase.clone();
    let remove = move |_| {
        edit_phase(editor, &k, None, |p| {
            edit::remove_team_line(p, line);
        })
    };
    let fte = Signal::derive(move || member.with(|m| m.as_ref().map_or((0.0, 0.0), |m| (m.1, m.2))));
    view! {
        <tr>
            <td>
                {move || {
                    view! {
                        <Select
                            label=format!("Role of team member {}", line + 1)
                            hide_label=true
                            options=options.get()
                            value=Signal::derive(move || role.get())
                            on_change=on_role
                        />
                    }
                }}
            </td>
            <td>
                <RangeField label=format!("FTE of team member {}", line + 1) hide_label=true unit="FTE" value=fte on_change=on_fte />
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{format!(" team member {} (", line + 1)} {role_name} ")"</span>
                </button>
            </td>
        </tr>
    }
}

/// The one-off and annual costs of a phase.
#[component]
pub(super) fn CostLines(
    /// Which phase.
    phase: Key,
) -> impl IntoView {
    let editor = use_editor();
    let k = phase.clone();
    let count = Memo::new(move |_| with_phase(editor, &k, |p| p.costs.len()).unwrap_or(0));
    let k = phase.clone();
    let add = move |_| {
        edit_phase(editor, &k, None, |p| {
            edit::add_cost(p);
        })
    };
    let line_phase = StoredValue::new(phase.clone());
    view! {
        <section class="phase-part">
            <h4>"Other costs"</h4>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="hint">"No licences, services or other costs yet."</p> }
            >
                <table class="lines">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Amount"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let:line>
                            <CostLine phase=line_phase.get_value() line />
                        </For>
                    </tbody>
                </table>
            </Show>
            <button class="button button-small" on:click=add>
                "Add cost"
            </button>
        </section>
    }
}

#[component]
fn CostLine(phase: Key, line: usize) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let k = phase.clone();
    let cost = Memo::new(move |_| {
        with_phase(editor, &k, |p| p.costs.get(line).map(|c| (c.name.clone(), c.amount, c.kind))).flatten()
    });
    let k = phase.clone();
    let on_name = Callback::new(move |v: String| {
        edit_phase(editor, &k, Some(&format!("cost:{line}:name")), |p| {
            if let Some(c) = p.costs.get_mut(line) {
                c.name = v;
            }
        })
    });
    let k = phase.clone();
    let on_amount = Callback::new(move |v: Option<f64>| {
        if let Some(amount) = v {
            edit_phase(editor, &k, Some(&format!("cost:{line}:amount")), |p| {
                if let Some(c) = p.costs.get_mut(line) {
                    c.amount = amount;
                }
            })
        }
    });
    let k = phase.clone();
    let on_kind = Callback::new(move |v: String| {
        if let Some(kind) = CostKind::parse(&v) {
            edit_phase(editor, &k, None, |p| {
                if let Some(c) = p.costs.get_mut(line) {
                    c.kind = kind;
                }
            })
        }
    });
    let k = phase.clone();
    let remove = move |_| {
        edit_phase(editor, &k, None, |p| {
            edit::remove_cost(p, line);
        })
    };
    let kinds = vec![
        (CostKind::OneOff.as_str().to_string(), "One-off".to_string()),
        (CostKind::Annual.as_str().to_string(), "Annual".to_string()),
    ];
    let n = line + 1;
    view! {
        <tr>
            <td>
                <TextField
                    label=format!("Name of cost {n}")
                    hide_label=true
                    placeholder="What it pays for"
                    value=Signal::derive(move || cost.with(|c| c.as_ref().map(|c| c.0.clone()).unwrap_or_default()))
                    on_change=on_name
                />
            </td>
            <td>
                <NumberField
                    label=format!("Amount of cost {n}")
                    hide_label=true
                    min=0.0
                    required=true
                    unit=currency.get_untracked()
                    value=Signal::derive(move || cost.with(|c| c.as_ref().map(|c| c.1)))
                    on_change=on_amount
                />
            </td>
            <td>
                <Select
                    label=format!("Kind of cost {n}")
                    hide_label=true
                    options=kinds
                    value=Signal::derive(move || {
                        cost.with(|c| c.as_ref().map(|c| c.2).unwrap_or_default()).as_str().to_string()
                    })
                    on_change=on_kind
                />
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{format!(" cost {n}")}</span>
                </button>
            </td>
        </tr>
    }
}

//! The KPI table: one row per KPI (name, unit, which way is better, the
//! current value), one target column per phase of the roadmap, marked when
//! the current value already meets it; delete with undo.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::fields::{Checkbox, KeywordSelect, TextField};
use crate::app::notices::{use_notices, Notices};
use crate::core::edit;
use crate::core::model::{Better, Kpi, KpiValue};

/// A phase as a KPI column: its id and name.
type PhaseColumn = (String, String);

/// The KPI table: one row per KPI, one target column per phase.
#[component]
pub(super) fn KpiEditor() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>()));
    let phases: Memo<Vec<PhaseColumn>> =
        Memo::new(move |_| editor.with(|a| a.phases.iter().map(|p| (p.id.clone(), p.name.clone())).collect()));
    let add = move |_| {
        editor.edit(None, |a| {
            edit::add_kpi(a);
        });
    };
    view! {
        <section class="section" aria-labelledby="kpis-heading">
            <div class="toolbar">
                <h2 id="kpis-heading">"KPIs"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add>
                        "Add KPI"
                    </button>
                </div>
            </div>
            <p class="hint">
                "Each KPI's current value and the value it should reach by the end of each phase. Blank target: none for that phase. "
                <span class="pill pill-ok">"met"</span>
                " the current value already meets the target; "
                <span class="pill pill-warn">"not yet"</span>
                " it does not."
            </p>
            <Show when=move || phases.with(Vec::is_empty)>
                <p class="hint">"The roadmap has no phases yet: add phases on the Roadmap tab to set targets."</p>
            </Show>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No KPIs yet. Add one to track how readiness shows in numbers."</p> }
            >
                <div class="table-scroll">
                    <table class="kpi-table">
                        <thead>
                            <tr>
                                <th scope="col">"KPI"</th>
                                <th scope="col">"Unit"</th>
                                <th scope="col">"Better"</th>
                                <th scope="col" class="num">"Current"</th>
                                {move || {
                                    phases
                                        .get()
                                        .into_iter()
                                        .map(|(_, name)| {
                                            view! {
                                                <th scope="col" class="num">
                                                    <span class="phase-after">"After "</span>
                                                    {name}
                                                </th>
                                            }
                                        })
                                        .collect_view()
                                }}
                                <th scope="col">
                                    <span class="visually-hidden">"Actions"</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || ids.get().into_iter().enumerate()
                                key=|(position, id)| (*position, id.clone())
                                children=move |(position, id)| view! { <KpiRow position id phases /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// One KPI's row; its fields are named by its place ("Name of KPI 2").
#[component]
fn KpiRow(position: usize, id: String, phases: Memo<Vec<PhaseColumn>>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let n = position + 1;
    let id = StoredValue::new(id);
    let kpi = Memo::new(move |_| id.with_value(|id| editor.with(|a| a.kpis.iter().find(|k| &k.id == id).cloned())));
    let update = move |field: &str, change: Box<dyn FnOnce(&mut Kpi)>| {
        id.with_value(|id| {
            editor.edit(Some(&format!("kpi:{id}:{field}")), |a| {
                if let Some(k) = a.kpis.iter_mut().find(|k| &k.id == id) {
                    change(k);
                }
            })
        });
    };
    let text =
        move |read: fn(&Kpi) -> String| Signal::derive(move || kpi.with(|k| k.as_ref().map(read)).unwrap_or_default());
    let delete = move |_| delete_kpi(editor, notices, &id.get_value());
    let target_cell = move |(phase, phase_name): PhaseColumn| {
        let phase = StoredValue::new(phase);
        let meets = Memo::new(move |_| phase.with_value(|p| kpi.with(|k| k.as_ref().and_then(|k| k.current_meets(p)))));
        let ticked =
            Memo::new(move |_| phase.with_value(|p| kpi.with(|k| k.as_ref().is_some_and(|k| k.target_is_ticked(p)))));
        let met_label = format!("Target of KPI {n} after {phase_name} met");
        view! {
            <td class="num target">
                <KpiValueField
                    label=format!("Target of KPI {n} after {phase_name}")
                    value=Signal::derive(move || {
                        phase.with_value(|p| kpi.with(|k| k.as_ref().and_then(|k| k.target(p).map(|t| t.value.clone()))))
                    })
                    on_change=Callback::new(move |v: Option<KpiValue>| {
                        let field = phase.with_value(|p| format!("target:{p}"));
                        update(
                            &field,
                            Box::new(move |k| {
                                let order: Vec<String> =
                                    phases.with_untracked(|ps| ps.iter().map(|(id, _)| id.clone()).collect());
                                let order: Vec<&str> = order.iter().map(String::as_str).collect();
                                phase.with_value(|p| edit::set_kpi_target(k, &order, p, v));
                            }),
                        );
                    })
                />
                // Words cannot be compared: whether such a target is met is ticked.
                {move || {
                    ticked.get().then(|| {
                        view! {
                            <Checkbox
                                label=met_label.clone()
                                hide_label=true
                                checked=Signal::derive(move || meets.get().unwrap_or(false))
                                on_change=Callback::new(move |met: bool| {
                                    let field = phase.with_value(|p| format!("met:{p}"));
                                    update(&field, Box::new(move |k| phase.with_value(|p| edit::set_kpi_met(k, p, met))));
                                })
                            />
                        }
                    })
                }}
                {move || match meets.get() {
                    Some(true) => Some(view! { <span class="pill pill-ok">"met"</span> }.into_any()),
                    Some(false) => Some(view! { <span class="pill pill-warn">"not yet"</span> }.into_any()),
                    None => None,
                }}
            </td>
        }
    };
    view! {
        <tr>
            <td class="kpi-name">
                <TextField
                    label=format!("Name of KPI {n}")
                    hide_label=true
                    required=true
                    value=text(|k| k.name.clone())
                    on_change=Callback::new(move |v: String| update("name", Box::new(move |k| k.name = v)))
                />
            </td>
            <td class="kpi-unit">
                <TextField
                    label=format!("Unit of KPI {n}")
                    hide_label=true
                    value=text(|k| k.unit.clone())
                    on_change=Callback::new(move |v: String| update("unit", Box::new(move |k| k.unit = v)))
                />
            </td>
            <td class="kpi-better">
                <KeywordSelect
                    label=format!("Better direction of KPI {n}")
                    hide_label=true
                    value=Signal::derive(move || kpi.with(|k| k.as_ref().map(|k| k.better).unwrap_or_default()))
                    on_change=Callback::new(move |v: Better| update("better", Box::new(move |k| k.better = v)))
                />
            </td>
            <td class="num">
                <KpiValueField
                    label=format!("Current value of KPI {n}")
                    value=Signal::derive(move || kpi.with(|k| k.as_ref().and_then(|k| k.current.clone())))
                    on_change=Callback::new(move |v: Option<KpiValue>| update("current", Box::new(move |k| k.current = v)))
                />
            </td>
            {move || phases.get().into_iter().map(target_cell).collect_view()}
            <td class="row-actions">
                <button class="button button-small button-danger" aria-label=format!("Delete KPI {n}") on:click=delete>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// A KPI's value, typed as a number or as words (`Daily`): blank is none.
/// What is typed stays as typed until the field is left, so that `2,` on
/// the way to `2,5` is not rewritten under the cursor.
#[component]
fn KpiValueField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<KpiValue>>,
    on_change: Callback<Option<KpiValue>>,
) -> impl IntoView {
    let draft = RwSignal::new(None::<String>);
    let shown = move || value.with(|v| v.as_ref().map(ToString::to_string).unwrap_or_default());
    view! {
        <input
            aria-label=label
            class="input"
            type="text"
            prop:value=move || draft.get().unwrap_or_else(shown)
            on:input=move |ev| {
                let text = event_target_value(&ev);
                on_change.run(KpiValue::typed(&text));
                draft.set(Some(text));
            }
            on:blur=move |_| draft.set(None)
        />
    }
}

/// Deletes KPI `id`; the notice's "Undo" puts it back where it was.
fn delete_kpi(editor: Editor, notices: Notices, id: &str) {
    let mut removed = None;
    editor.edit(None, |a| {
        if let Some(index) = a.kpis.iter().position(|k| k.id == id) {
            removed = edit::remove_kpi(a, index);
        }
    });
    let Some(removed) = removed else { return };
    let title = format!("Deleted KPI \u{201c}{}\u{201d}.", removed.entry.name);
    editor.offer_undo(notices, title, move |a| edit::restore_kpi(a, removed.clone()));
}

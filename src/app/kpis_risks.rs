//! The KPIs & risks tab: the KPIs with their current value and a target after
//! each phase of the roadmap (marked when the current value already meets
//! it), and the risk register, ordered by severity, whose risks link to the
//! gaps that mitigate them.
//!
//! Whether a value meets a target and how severe a risk is are the core's
//! (`core::kpi`, `core::risk`); this view only shows them and edits the lists.

use leptos::prelude::*;

use super::editor::{use_editor, Editor};
use super::notices::{use_notices, Notices};
use super::widgets::fields::{keyword_label, Checkbox, KeywordSelect, TextArea, TextField};
use crate::core::ids::next_id;
use crate::core::model::{Better, Extra, Impact, Kpi, KpiValue, Probability, Risk, Status};
use crate::core::risk::by_severity;

/// The KPIs & risks tab.
#[component]
pub fn KpisRisks() -> impl IntoView {
    view! {
        <div class="kpis-risks">
            <KpiEditor />
            <RiskRegister />
        </div>
    }
}

/// A phase as a KPI column: its id and name.
type PhaseColumn = (String, String);

/// The KPI table: one row per KPI, one target column per phase.
#[component]
fn KpiEditor() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>()));
    let phases: Memo<Vec<PhaseColumn>> =
        Memo::new(move |_| editor.with(|a| a.phases.iter().map(|p| (p.id.clone(), p.name.clone())).collect()));
    let add = move |_| {
        editor.edit(None, |a| {
            let id = next_id("kpi", a.kpis.iter().map(|k| k.id.as_str()));
            a.kpis.push(Kpi {
                id,
                name: "New KPI".to_string(),
                unit: String::new(),
                current: None,
                better: Better::Higher,
                targets: Vec::new(),
                extra: Extra::new(),
            });
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
                                phase.with_value(|p| k.set_target(&order, p, v));
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
                                    update(&field, Box::new(move |k| phase.with_value(|p| k.set_met(p, met))));
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
            removed = Some((index, a.kpis.remove(index)));
        }
    });
    let Some((index, kpi)) = removed else { return };
    let title = format!("Deleted KPI \u{201c}{}\u{201d}.", kpi.name);
    editor.offer_undo(notices, title, move |a| {
        let mut kpi = kpi.clone();
        // An id taken again since the delete gets a fresh one.
        if a.kpis.iter().any(|k| k.id == kpi.id) {
            kpi.id = next_id("kpi", a.kpis.iter().map(|k| k.id.as_str()));
        }
        a.kpis.insert(index.min(a.kpis.len()), kpi);
    });
}

/// The pill class of a gap status: the word always comes with it.
fn status_pill(status: Status) -> &'static str {
    match status {
        Status::Done => "pill pill-ok",
        Status::Partial => "pill pill-warn",
        Status::Missing => "pill pill-danger",
        Status::Accepted | Status::NotApplicable => "pill pill-neutral",
    }
}

/// The pill class of a severity (1–12): high from 8, medium from 4.
fn severity_pill(severity: u8) -> &'static str {
    match severity {
        8.. => "pill pill-danger",
        4..=7 => "pill pill-warn",
        _ => "pill pill-neutral",
    }
}

/// Up to how many options, over all risk cards, the "link a gap" selects are
/// filled at once rather than when first approached.
const EAGER_OPTIONS: usize = 3000;

/// A gap as a choice: its id and title.
type GapChoice = (String, String);

/// The risk register: the severity order, then each risk's editor.
#[component]
fn RiskRegister() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| editor.with(|a| a.risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    // Shared by every risk's "link a gap" select, and only changed when a
    // gap is added, removed or renamed.
    let gaps: Memo<Vec<GapChoice>> =
        Memo::new(move |_| editor.with(|a| a.gaps.iter().map(|g| (g.id.clone(), g.title.clone())).collect()));
    let add = move |_| {
        editor.edit(None, |a| {
            let id = next_id("risk", a.risks.iter().map(|r| r.id.as_str()));
            a.risks.push(Risk {
                id,
                title: "New risk".to_string(),
                probability: Probability::Medium,
                impact: Impact::Medium,
                mitigation: String::new(),
                gaps: Vec::new(),
                extra: Extra::new(),
            });
        });
    };
    view! {
        <section class="section" aria-labelledby="risks-heading">
            <div class="toolbar">
                <h2 id="risks-heading">"Risks"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=add>
                        "Add risk"
                    </button>
                </div>
            </div>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No risks yet. Add one, then link the gaps whose closing mitigates it."</p> }
            >
                <SeverityOrder />
                <h3 class="register-heading">"Register"</h3>
                <div class="risk-list">
                    <For
                        each=move || ids.get().into_iter().enumerate()
                        key=|(position, id)| (*position, id.clone())
                        children=move |(position, id)| {
                            let eager = editor.with_untracked(|a| a.gaps.len() * a.risks.len() <= EAGER_OPTIONS);
                            view! { <RiskCard position id gaps eager /> }
                        }
                    />
                </div>
            </Show>
        </section>
    }
}

/// One line of the severity order.
#[derive(Clone, PartialEq)]
struct SeverityLine {
    /// Its place in the register, 1-based.
    position: usize,
    title: String,
    probability: Probability,
    impact: Impact,
    severity: u8,
    linked: usize,
}

/// The risks, most severe first (impact × probability, from the core).
#[component]
fn SeverityOrder() -> impl IntoView {
    let editor = use_editor();
    let lines = Memo::new(move |_| {
        editor.with(|a| {
            by_severity(&a.risks)
                .into_iter()
                .map(|i| {
                    let r = &a.risks[i];
                    SeverityLine {
                        position: i + 1,
                        title: r.title.clone(),
                        probability: r.probability,
                        impact: r.impact,
                        severity: r.severity(),
                        linked: r.gaps.len(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <table class="severity-table">
            <caption>"By severity: impact × probability, highest first"</caption>
            <thead>
                <tr>
                    <th scope="col" class="num">"Severity"</th>
                    <th scope="col">"Risk"</th>
                    <th scope="col">"Probability"</th>
                    <th scope="col">"Impact"</th>
                    <th scope="col" class="num">"Linked gaps"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            view! {
                                <tr>
                                    <td class="num">
                                        <span class=severity_pill(line.severity)>{line.severity}</span>
                                    </td>
                                    <th scope="row">
                                        <button class="link-button" on:click=move |_| focus_risk(line.position)>
                                            {line.title}
                                        </button>
                                    </th>
                                    <td>{keyword_label(line.probability)}</td>
                                    <td>{keyword_label(line.impact)}</td>
                                    <td class="num">{line.linked}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// Scrolls to risk card `position` (1-based) and moves focus to its title.
fn focus_risk(position: usize) {
    let Some(card) = document().get_element_by_id(&format!("risk-card-{position}")) else { return };
    card.scroll_into_view();
    if let Some(input) = card.query_selector("input").ok().flatten() {
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
            let _ = input.focus();
        }
    }
}

/// One risk: title, probability, impact, mitigation, and its linked gaps.
#[component]
fn RiskCard(
    position: usize,
    id: String,
    gaps: Memo<Vec<GapChoice>>,
    /// Whether to fill the "link a gap" select at once, or on first approach.
    eager: bool,
) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let n = position + 1;
    let id = StoredValue::new(id);
    let risk = Memo::new(move |_| id.with_value(|id| editor.with(|a| a.risks.iter().find(|r| &r.id == id).cloned())));
    let update = move |field: Option<&str>, change: Box<dyn FnOnce(&mut Risk)>| {
        id.with_value(|id| {
            let key = field.map(|f| format!("risk:{id}:{f}"));
            editor.edit(key.as_deref(), |a| {
                if let Some(r) = a.risks.iter_mut().find(|r| &r.id == id) {
                    change(r);
                }
            })
        });
    };
    let text = move |read: fn(&Risk) -> String| {
        Signal::derive(move || risk.with(|r| r.as_ref().map(read)).unwrap_or_default())
    };
    // The linked gaps with their title and status; a link to a gap that no
    // longer exists shows its id, so it can still be unlinked.
    let linked = Memo::new(move |_| {
        let links = risk.with(|r| r.as_ref().map(|r| r.gaps.clone()).unwrap_or_default());
        editor.with(|a| {
            links
                .into_iter()
                .map(|gap| {
                    let found = a.gap(&gap).map(|g| (g.title.clone(), g.status));
                    (gap, found)
                })
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let link = move |_| {
        let gap = chosen.get_untracked();
        if gap.is_empty() {
            return;
        }
        update(
            None,
            Box::new(move |r| {
                if !r.gaps.contains(&gap) {
                    r.gaps.push(gap);
                }
            }),
        );
        chosen.set(String::new());
    };
    let delete = move |_| delete_risk(editor, notices, &id.get_value());
    // The gaps not linked yet, as the options of the select. Options are
    // costly DOM: 2,000 gaps and six risks make 12,000 of them, over half a
    // second to build, so past `EAGER_OPTIONS` in all a card fills its select
    // only when the pointer or focus first comes to it. They are made
    // directly rather than through `view!`, which adds bookkeeping per
    // element; titles go in as text content, never as markup.
    let armed = RwSignal::new(eager);
    let arm = move || {
        if !armed.get_untracked() {
            armed.set(true);
        }
    };
    let gap_select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let Some(select) = gap_select.get() else { return };
        if !armed.get() {
            return;
        }
        let document = document();
        select.set_length(1);
        linked.with(|linked| {
            gaps.with(|gaps| {
                for (gap, title) in gaps.iter().filter(|(g, _)| !linked.iter().any(|(l, _)| l == g)) {
                    if let Ok(option) = document.create_element("option") {
                        option.set_text_content(Some(title));
                        let _ = option.set_attribute("value", gap);
                        let _ = select.append_child(&option);
                    }
                }
            })
        });
        select.set_value(&chosen.get_untracked());
    });
    view! {
        <article class="card risk-card" id=format!("risk-card-{n}") aria-labelledby=format!("risk-card-{n}-heading")>
            <div class="risk-head">
                <h4 id=format!("risk-card-{n}-heading")>
                    {format!("Risk {n}")}
                    <span class="visually-hidden">
                        ": " {move || risk.with(|r| r.as_ref().map(|r| r.title.clone()))}
                    </span>
                </h4>
                <span class=move || severity_pill(risk.with(|r| r.as_ref().map_or(0, Risk::severity)))>
                    "Severity " {move || risk.with(|r| r.as_ref().map_or(0, Risk::severity))}
                </span>
                <button class="button button-small button-danger" aria-label=format!("Delete risk {n}") on:click=delete>
                    "Delete"
                </button>
            </div>
            <div class="risk-fields">
                <div class="risk-title">
                    <ShortLabel text="Title">
                        <TextField
                            label=format!("Title of risk {n}")
                            hide_label=true
                            required=true
                            value=text(|r| r.title.clone())
                            on_change=Callback::new(move |v: String| update(Some("title"), Box::new(move |r| r.title = v)))
                        />
                    </ShortLabel>
                </div>
                <ShortLabel text="Probability">
                    <KeywordSelect
                        label=format!("Probability of risk {n}")
                        hide_label=true
                        value=Signal::derive(move || risk.with(|r| r.as_ref().map(|r| r.probability).unwrap_or_default()))
                        on_change=Callback::new(move |v: Probability| update(None, Box::new(move |r| r.probability = v)))
                    />
                </ShortLabel>
                <ShortLabel text="Impact">
                    <KeywordSelect
                        label=format!("Impact of risk {n}")
                        hide_label=true
                        value=Signal::derive(move || risk.with(|r| r.as_ref().map(|r| r.impact).unwrap_or_default()))
                        on_change=Callback::new(move |v: Impact| update(None, Box::new(move |r| r.impact = v)))
                    />
                </ShortLabel>
            </div>
            <ShortLabel text="Mitigation">
                <TextArea
                    label=format!("Mitigation of risk {n}")
                    hide_label=true
                    rows=2
                    value=text(|r| r.mitigation.clone())
                    on_change=Callback::new(move |v: String| update(Some("mitigation"), Box::new(move |r| r.mitigation = v)))
                />
            </ShortLabel>
            <h5 class="field-label">"Mitigating gaps"</h5>
            <Show
                when=move || !linked.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"No gap linked yet."</p> }
            >
                <ul class="linked-gaps">
                    {move || {
                        linked
                            .get()
                            .into_iter()
                            .map(|(gap, found)| {
                                let (title, status) = match found {
                                    Some((title, status)) => (title, Some(status)),
                                    None => (format!("Unknown gap \u{201c}{gap}\u{201d}"), None),
                                };
                                let unlink_label = format!("Unlink \u{201c}{title}\u{201d} from risk {n}");
                                let unlink = move |_| {
                                    let gap = gap.clone();
                                    update(None, Box::new(move |r| r.gaps.retain(|g| *g != gap)));
                                };
                                view! {
                                    <li>
                                        <span class="linked-title">{title}</span>
                                        {status
                                            .map(|s| view! { <span class=status_pill(s)>{keyword_label(s)}</span> })}
                                        <button class="button button-small" aria-label=unlink_label on:click=unlink>
                                            "Unlink"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <div class="link-gap">
                <ShortLabel text="Link a gap">
                    <select
                        class="input"
                        node_ref=gap_select
                        on:focus=move |_| arm()
                        on:pointerenter=move |_| arm()
                        aria-label=format!("Gap to link to risk {n}")
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">"Choose a gap…"</option>
                    </select>
                </ShortLabel>
                <button class="button button-small" prop:disabled=move || chosen.with(String::is_empty) on:click=link>
                    "Link gap"
                </button>
            </div>
        </article>
    }
}

/// A short visible label over a field whose accessible name is longer
/// ("Title" over "Title of risk 3"): cards repeat the same fields, and
/// screen readers and tests need to tell them apart.
#[component]
fn ShortLabel(
    /// The visible text.
    text: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="short-labelled">
            <span class="field-label" aria-hidden="true">
                {text}
            </span>
            {children()}
        </div>
    }
}

/// Deletes risk `id`; the notice's "Undo" puts it back where it was.
fn delete_risk(editor: Editor, notices: Notices, id: &str) {
    let mut removed = None;
    editor.edit(None, |a| {
        if let Some(index) = a.risks.iter().position(|r| r.id == id) {
            removed = Some((index, a.risks.remove(index)));
        }
    });
    let Some((index, risk)) = removed else { return };
    let title = format!("Deleted risk \u{201c}{}\u{201d}.", risk.title);
    editor.offer_undo(notices, title, move |a| {
        let mut risk = risk.clone();
        // An id taken again since the delete gets a fresh one.
        if a.risks.iter().any(|r| r.id == risk.id) {
            risk.id = next_id("risk", a.risks.iter().map(|r| r.id.as_str()));
        }
        a.risks.insert(index.min(a.risks.len()), risk);
    });
}

//! One risk's editor: title, probability, impact, owner, status, review
//! date (marked when overdue), mitigation, the gaps whose closing mitigates
//! it, and delete with undo.

use leptos::prelude::*;

use super::pills::{severity_pill, status_pill};
use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::fields::{keyword_label, DateField, KeywordSelect, TextArea, TextField};
use crate::app::clock::today;
use crate::app::notices::{use_notices, Notices};
use crate::core::edit;
use crate::core::model::{Impact, Probability, Risk, RiskStatus};
use crate::core::numbers::risk::review_overdue;

/// A gap as a choice: its id and title.
pub(super) type GapChoice = (String, String);

/// One risk: title, probability, impact, mitigation, and its linked gaps.
#[component]
pub(super) fn RiskCard(
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
                edit::link_gap(r, &gap);
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
                <Show when=move || risk.with(|r| r.as_ref().is_some_and(|r| review_overdue(r, &today())))>
                    <span class="pill pill-danger">"Review overdue"</span>
                </Show>
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
                <ShortLabel text="Owner">
                    <TextField
                        label=format!("Owner of risk {n}")
                        hide_label=true
                        value=text(|r| r.owner.clone())
                        on_change=Callback::new(move |v: String| update(Some("owner"), Box::new(move |r| r.owner = v)))
                    />
                </ShortLabel>
                <ShortLabel text="Status">
                    <KeywordSelect
                        label=format!("Status of risk {n}")
                        hide_label=true
                        value=Signal::derive(move || risk.with(|r| r.as_ref().map(|r| r.status).unwrap_or_default()))
                        on_change=Callback::new(move |v: RiskStatus| update(None, Box::new(move |r| r.status = v)))
                    />
                </ShortLabel>
                <ShortLabel text="Review on">
                    <DateField
                        label=format!("Review date of risk {n}")
                        hide_label=true
                        value=Signal::derive(move || risk.with(|r| r.as_ref().and_then(|r| r.review_on.clone())))
                        on_change=Callback::new(move |v: Option<String>| {
                            update(Some("review_on"), Box::new(move |r| r.review_on = v))
                        })
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
                                    update(
                                        None,
                                        Box::new(move |r| {
                                            edit::unlink_gap(r, &gap);
                                        }),
                                    );
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
            removed = edit::remove_risk(a, index);
        }
    });
    let Some(removed) = removed else { return };
    let title = format!("Deleted risk \u{201c}{}\u{201d}.", removed.entry.title);
    editor.offer_undo(notices, title, move |a| edit::restore_risk(a, removed.clone()));
}

//! The milestones of the open assessment: "Save milestone" (named, dated
//! now by the user's clock, refused with the reason when storage has no
//! room for it), and the list, each with its date and overall score, a
//! name that can be changed, "Compare with now" and "Delete" (with Undo).
//! A milestone's state is read-only: it is what the assessment was.

use leptos::prelude::*;

use super::sides::{Choice, Sides};
use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::assessment::focus::focus_first;
use crate::app::chunks::assessment::past::{day, past, Past};
use crate::app::chunks::fields::TextField;
use crate::app::clock;
use crate::app::notices::{use_notices, Notices};
use crate::core::edit;
use crate::core::present::display;

/// The Milestones section.
#[component]
pub(super) fn Milestones(sides: Sides) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let past = past(editor);
    let count = Memo::new(move |_| past.with(Vec::len));
    let name = RwSignal::new(String::new());
    let suggested = move || format!("Milestone {}", count.get() + 1);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let chosen = if typed.trim().is_empty() { suggested() } else { typed.trim().to_string() };
        save_milestone(editor, notices, &chosen);
        name.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">"Milestones"</h2>
            <p class="hint">
                "A milestone keeps the assessment's scores, gaps, roadmap and KPIs as they are now, in this file, "
                "so that later you can see what changed since, and the Overview can draw the trend."
            </p>
            <form class="milestone-save" on:submit=save>
                <label class="field">
                    <span class="field-label">"Milestone name"</span>
                    <input
                        class="input"
                        type="text"
                        aria-label="Milestone name"
                        placeholder=suggested
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <button class="button button-primary" type="submit" prop:disabled=editor.is_read_only()>
                    "Save milestone"
                </button>
            </form>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="empty">"No milestones yet."</p> }
            >
                <div class="table-scroll">
                    <table class="milestone-table" data-testid="milestones">
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Saved"</th>
                                <th scope="col" class="num">"Overall"</th>
                                <th scope="col">"Level"</th>
                                <th scope="col">
                                    <span class="visually-hidden">"Actions"</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || past.with(|list| list.iter().map(|m| m.id.clone()).enumerate().collect::<Vec<_>>())
                                key=|(position, id)| (*position, id.clone())
                                children=move |(position, id)| view! { <MilestoneRow position id past sides /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Saves the assessment as it is as a milestone named `name`, unless the
/// file would then not fit in this browser's storage, which is said.
fn save_milestone(editor: Editor, notices: Notices, name: &str) {
    // Dated to the minute, so that two milestones of one day keep their order.
    let saved_on = clock::local_time(js_sys::Date::now()).replacen(' ', "T", 1);
    let (milestone, candidate) = editor.with_untracked(|a| {
        let milestone = edit::save_milestone(a, name, &saved_on);
        let mut candidate = a.clone();
        edit::add_milestone(&mut candidate, milestone.clone());
        (milestone, candidate)
    });
    if let Some(why) = editor.room_for(&candidate) {
        notices.error(
            format!("The milestone \u{201c}{name}\u{201d} was not saved: this browser's storage has no room for it."),
            vec![
                why,
                "Export the assessment to keep a copy, then delete milestones (or assessments) you no longer need here, and save it again.".to_string(),
            ],
        );
        return;
    }
    editor.edit(None, |a| {
        edit::add_milestone(a, milestone);
    });
    notices.info(format!("Saved the milestone \u{201c}{name}\u{201d}."));
}

/// One milestone's row; its fields are named by its place ("Name of
/// milestone 2").
#[component]
fn MilestoneRow(position: usize, id: String, past: Memo<Vec<Past>>, sides: Sides) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let n = position + 1;
    let id = StoredValue::new(id);
    let read = move |what: fn(&Past) -> String| {
        Signal::derive(move || {
            id.with_value(|id| past.with(|list| list.iter().find(|m| &m.id == id).map(what).unwrap_or_default()))
        })
    };
    let name = read(|m| m.name.clone());
    let saved_on = read(|m| day(&m.saved_on).to_string());
    let overall = read(|m| display::score(m.summary.overall));
    let level = read(|m| m.summary.level.clone().unwrap_or_else(|| "\u{2014}".to_string()));
    let rename = Callback::new(move |text: String| {
        let key = id.with_value(|id| format!("milestone:{id}:name"));
        editor.edit(Some(&key), |a| {
            if let Some(at) = id.with_value(|id| a.milestones.iter().position(|m| &m.id == id)) {
                edit::rename_milestone(a, at, &text);
            }
        });
    });
    let compare_with_now = move |_| {
        sides.before.set(Some(Choice::Milestone(id.get_value())));
        sides.after.set(Choice::Now);
        focus_first("#compare-heading");
    };
    let delete = move |_| delete_milestone(editor, notices, &id.get_value());
    view! {
        <tr>
            <td class="milestone-name">
                <TextField
                    label=format!("Name of milestone {n}")
                    hide_label=true
                    required=true
                    value=name
                    on_change=rename
                />
            </td>
            <td>{saved_on}</td>
            <td class="num">{overall}</td>
            <td>{level}</td>
            <td class="row-actions">
                <button class="button button-small" aria-label=format!("Compare with now: milestone {n}") on:click=compare_with_now>
                    "Compare with now"
                </button>
                <button class="button button-small button-danger" aria-label=format!("Delete milestone {n}") on:click=delete>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// Deletes milestone `id`; the notice's "Undo" puts it back where it was.
fn delete_milestone(editor: Editor, notices: Notices, id: &str) {
    let mut removed = None;
    editor.edit(None, |a| {
        if let Some(at) = a.milestones.iter().position(|m| m.id == id) {
            removed = edit::remove_milestone(a, at);
        }
    });
    let Some(removed) = removed else { return };
    let title = format!("Deleted milestone \u{201c}{}\u{201d}.", removed.entry.name);
    editor.offer_undo(notices, title, move |a| edit::restore_milestone(a, removed.clone()));
}

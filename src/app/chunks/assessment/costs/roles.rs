//! The roles: each one's name, weekly rate and the phases that staff it;
//! add, and delete with undo (asking first when phases use it); rates
//! estimated from the costs the phases state (`estimate`).

use leptos::prelude::*;

use super::estimate::EstimateRates;
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::figures::use_currency;
use crate::app::chunks::assessment::focus::focus_new;
use crate::app::chunks::assessment::roles::add_role;
use crate::app::chunks::fields::{NumberField, TextField};
use crate::app::dialog::Dialog;
use crate::app::notices::use_notices;
use crate::core::edit::{self, role_position, Key};

/// The roles, their weekly rates, and which phases staff them.
#[component]
pub(super) fn Roles() -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let roles = Memo::new(move |_| editor.with(|a| edit::keys(a.roles.iter().map(|r| r.id.as_str()))));
    // The role waiting for the user to confirm its deletion, and the phases that use it.
    let confirming = RwSignal::new(None::<(Key, Vec<String>)>);
    let dialog_open = RwSignal::new(false);
    Effect::new(move |_| {
        if !dialog_open.get() {
            confirming.set(None);
        }
    });

    let remove = move |key: Key| {
        let Some(i) = editor.with_untracked(|a| role_position(a, &key)) else { return };
        let mut removed = None;
        editor.edit(None, |a| removed = edit::remove_role(a, i));
        if let Some(removed) = removed {
            let title = format!("Deleted role \u{201c}{}\u{201d}.", removed.role().name);
            editor.offer_undo(notices, title, move |a| edit::restore_role(a, removed.clone()));
        }
    };
    // A role in use is deleted only once the user has seen which teams lose it.
    let ask_remove = Callback::new(move |key: Key| {
        let used = editor.with_untracked(|a| edit::phases_using_role(a, &key.id));
        if used.is_empty() {
            remove(key);
        } else {
            confirming.set(Some((key, used)));
            dialog_open.set(true);
        }
    });
    let confirm = move |_| {
        if let Some((key, _)) = confirming.get_untracked() {
            remove(key);
        }
        dialog_open.set(false);
    };
    let confirm_title = Signal::derive(move || {
        let name = confirming.with(|c| {
            c.as_ref()
                .and_then(|(key, _)| editor.with_untracked(|a| role_position(a, key).map(|i| a.roles[i].name.clone())))
        });
        format!("Delete the role \u{201c}{}\u{201d}?", name.unwrap_or_default())
    });
    let add = move |_| {
        if let Some(id) = add_role(editor) {
            // Take the user to the new role's name; the id is one we made.
            focus_new(format!("[data-role-id=\"{id}\"]"));
        }
    };

    view! {
        <section class="section" aria-labelledby="roles-heading">
            <div class="toolbar">
                <h2 id="roles-heading">"Roles"</h2>
                <div class="toolbar-actions">
                    <EstimateRates />
                    <button class="button button-primary" on:click=add>
                        "Add role"
                    </button>
                </div>
            </div>
            <p class="hint">"What one full-time person of each role costs per week. Teams on the Roadmap tab are staffed by role."</p>
            <Show
                when=move || !roles.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No roles yet. Add one to staff the roadmap's phases."</p> }
            >
                <table class="roles-table">
                    <thead>
                        <tr>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Weekly rate"</th>
                            <th scope="col">"In the team of"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || roles.get() key=|k| k.clone() let:role>
                            <RoleRow role on_delete=ask_remove />
                        </For>
                    </tbody>
                </table>
            </Show>
            <Dialog open=dialog_open title=confirm_title>
                <p>
                    {move || {
                        confirming
                            .with(|c| {
                                c.as_ref()
                                    .map(|(_, phases)| {
                                        format!(
                                            "It is in the team of {}. Deleting it removes those team lines, and their labor cost with them. You can undo this.",
                                            phases.join(", ")
                                        )
                                    })
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <div class="dialog-actions">
                    <button class="button" on:click=move |_| dialog_open.set(false)>
                        "Cancel"
                    </button>
                    <button class="button button-danger" on:click=confirm>
                        "Delete role"
                    </button>
                </div>
            </Dialog>
        </section>
    }
}

/// One role: its name, its weekly rate, where it works.
#[component]
fn RoleRow(
    /// Which role.
    role: Key,
    /// Asks to delete the role.
    on_delete: Callback<Key>,
) -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    let k = role.clone();
    let data = Memo::new(move |_| {
        editor.with(|a| role_position(a, &k).map(|i| (a.roles[i].name.clone(), a.roles[i].weekly_rate)))
    });
    let name = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.0.clone()).unwrap_or_default()));
    let shown_name = move || name.with(|n| if n.trim().is_empty() { "unnamed role".to_string() } else { n.clone() });
    let id = role.id.clone();
    let used_in = Memo::new(move |_| editor.with(|a| edit::phases_using_role(a, &id)));
    let undo_key = |field: &str, key: &Key| format!("role:{}:{}:{field}", key.id, key.nth);
    let k = role.clone();
    let on_name = Callback::new(move |v: String| {
        editor.edit(Some(&undo_key("name", &k)), |a| {
            if let Some(r) = edit::role_mut(a, &k) {
                r.name = v;
            }
        })
    });
    let k = role.clone();
    // Blank is a rate nobody has given yet: unknown, not free.
    let on_rate = Callback::new(move |v: Option<f64>| {
        editor.edit(Some(&undo_key("rate", &k)), |a| {
            if let Some(r) = edit::role_mut(a, &k) {
                r.weekly_rate = v;
            }
        })
    });
    let k = role.clone();
    view! {
        <tr data-role-id=role.id.clone()>
            <td>
                <TextField label="Role name" hide_label=true value=Signal::derive(move || name.get()) on_change=on_name required=true />
            </td>
            // `role-rate`: where a link from an unknown amount puts the cursor (`rate_link`).
            <td class="role-rate">
                // Re-made when the name changes, so that its label names the role.
                {move || {
                    view! {
                        <NumberField
                            label=format!("Weekly rate of {}", shown_name())
                            hide_label=true
                            min=0.0
                            unit=currency.get()
                            value=Signal::derive(move || data.with(|d| d.as_ref().and_then(|d| d.1)))
                            on_change=on_rate
                        />
                    }
                }}
            </td>
            <td>
                {move || {
                    used_in
                        .with(|phases| {
                            if phases.is_empty() { "No phase yet".to_string() } else { phases.join(", ") }
                        })
                }}
            </td>
            <td class="row-actions">
                <button class="button button-small button-danger" on:click=move |_| on_delete.run(k.clone())>
                    "Delete"
                    <span class="visually-hidden">" " {shown_name}</span>
                </button>
            </td>
        </tr>
    }
}

//! One line of the library list: an assessment's title (a link that opens
//! it, or a rename field), its figures (an ellipsis while a quick line's
//! are not computed yet), and its actions: rename, duplicate, export,
//! delete with undo; a damaged entry offers its raw text instead.

use leptos::prelude::*;

use super::act::act;
use super::action::Action;
use super::state::use_library;
use crate::app::clock::local_time;
use crate::app::files;
use crate::app::route::{Route, Tab};
use crate::core::present::display;
use crate::storage::envelope::Entry;

/// A save time as people read it.
fn saved_label(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".to_string();
    }
    local_time(ms)
}

/// One saved assessment's line.
#[component]
pub fn LibraryRow(entry: Entry) -> impl IntoView {
    let library = use_library();
    let notices = library.notices();
    let renaming = RwSignal::new(false);
    let id = StoredValue::new(entry.id.clone());
    let href = Route::Assessment { id: entry.id.clone(), tab: Tab::Overview }.href();
    let title = entry.title.clone();

    let duplicate = move |_| act(library, Action::Duplicate(id.get_value()));
    let export = move |_| act(library, Action::Export(id.get_value()));
    let download_raw = move |_| {
        let id = id.get_value();
        if let Ok(Some(text)) = library.raw(&id) {
            let _ = files::download(&files::file_name(&id, "txt"), "text/plain", &text);
        }
    };
    let delete = move |_| {
        let id = id.get_value();
        let line = library.entry(&id);
        let Some(removed) = library.remove(&id) else { return };
        let title = line.as_ref().map_or_else(|| id.clone(), |line| line.title.clone());
        notices.info_with_action(format!("Deleted \u{201c}{title}\u{201d}."), "Undo", move || {
            // Put back byte for byte. Something else may have taken the id
            // since (an import): then restore beside it rather than over it.
            match library.restore(&id, &removed, line.clone()) {
                Ok(true) => library.refresh(),
                Ok(false) => act(library, Action::RestoreCopy(removed.clone())),
                Err(error) => {
                    library.refresh();
                    library.report("Restoring", Err(error));
                }
            }
        });
    };
    let rename = move |new_title: String| {
        // Escape removes the field, which fires a blur: that is no rename.
        if !renaming.get_untracked() {
            return;
        }
        renaming.set(false);
        if new_title.trim().is_empty() || library.stored_title(&id.get_value()).is_some_and(|t| t == new_title) {
            return;
        }
        act(library, Action::Rename { id: id.get_value(), title: new_title });
    };

    // The row's line as the list has it now: a quick line's numbers follow.
    let line = {
        let entry = entry.clone();
        Memo::new(move |_| {
            library
                .entries
                .with(|entries| entries.iter().find(|e| e.id == entry.id).cloned())
                .unwrap_or_else(|| entry.clone())
        })
    };
    // A newer entry opens read-only; a damaged one does not open at all.
    let openable = entry.unreadable.is_none() || entry.read_only;
    view! {
        <tr>
            <th scope="row">
                {move || {
                    if renaming.get() {
                        let rename = rename;
                        // The stored title: an open editor may have changed it since the list was read.
                        let current = library.stored_title(&id.get_value()).unwrap_or_else(|| title.clone());
                        view! {
                            <input
                                class="input"
                                aria-label="New title"
                                prop:value=current
                                autofocus
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" {
                                        rename(event_target_value(&ev));
                                    } else if ev.key() == "Escape" {
                                        renaming.set(false);
                                    }
                                }
                                on:blur=move |ev| rename(event_target_value(&ev))
                            />
                        }
                            .into_any()
                    } else if !openable {
                        view! { <span class="damaged">{title.clone()}</span> }.into_any()
                    } else {
                        view! {
                            <a class="open-link" href=href.clone()>
                                {title.clone()}
                            </a>
                        }
                            .into_any()
                    }
                }}
                {entry
                    .unreadable
                    .clone()
                    .map(|why| {
                        view! {
                            <p class="damaged-note">
                                {if entry.read_only { "Opens read-only. " } else { "Cannot be opened: " }}
                                {why}
                            </p>
                        }
                    })}
            </th>
            <td>{entry.system.clone()}</td>
            <td class="date">{entry.assessed_on.clone().unwrap_or_default()}</td>
            <td class="num">{move || figure(line.get(), |e| display::score(e.overall))}</td>
            <td>{move || figure(line.get(), |e| e.level.clone().unwrap_or_else(|| "—".to_string()))}</td>
            <td class="num">{move || figure(line.get(), |e| e.blockers.to_string())}</td>
            <td class="date">{saved_label(entry.saved_at)}</td>
            <td class="row-actions">
                {if entry.unreadable.is_some() {
                    let name = entry.title.clone();
                    let delete_damaged = move |_| {
                        let question = "Delete this entry for good? Download its raw text first if you may need it.";
                        if window().confirm_with_message(question).unwrap_or(false) {
                            library.remove_damaged(&id.get_value());
                        }
                    };
                    view! {
                        <button class="button button-small" on:click=download_raw>
                            "Download raw text"
                        </button>
                        <button
                            class="button button-small button-danger"
                            aria-label=format!("Delete {name}")
                            on:click=delete_damaged
                        >
                            "Delete"
                        </button>
                    }
                        .into_any()
                } else {
                    let name = entry.title.clone();
                    view! {
                        <button
                            class="button button-small"
                            aria-label=format!("Rename {name}")
                            on:click=move |_| renaming.set(true)
                        >
                            "Rename"
                        </button>
                        <button
                            class="button button-small"
                            aria-label=format!("Duplicate {name}")
                            on:click=duplicate
                        >
                            "Duplicate"
                        </button>
                        <button class="button button-small" aria-label=format!("Export {name}") on:click=export>
                            "Export"
                        </button>
                        <button
                            class="button button-small button-danger"
                            aria-label=format!("Delete {name}")
                            on:click=delete
                        >
                            "Delete"
                        </button>
                    }
                        .into_any()
                }}
            </td>
        </tr>
    }
}

/// A number of a library line, or, while it is not computed yet, an
/// ellipsis that says so.
fn figure(entry: Entry, text: impl Fn(&Entry) -> String) -> AnyView {
    if entry.pending {
        view! {
            <span aria-hidden="true">"\u{2026}"</span>
            <span class="visually-hidden">"Not computed yet"</span>
        }
        .into_any()
    } else {
        text(&entry).into_any()
    }
}

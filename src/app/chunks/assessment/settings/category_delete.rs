//! Deleting a category: at once when it has no gaps; otherwise after the
//! user picks where its gaps move. One undo step, with "Undo" in the notice.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::fields::Select;
use crate::app::dialog::Dialog;
use crate::app::notices::{use_notices, Notices};
use crate::core::edit;

/// Deletes category `id`, first moving its gaps to `move_to` when given, in
/// one undo step; the notice's "Undo" puts the category and its gaps back.
pub(super) fn delete_category(editor: Editor, notices: Notices, id: &str, move_to: Option<&str>) {
    let mut removed = None;
    editor.edit(None, |a| {
        let Some(index) = a.categories.iter().position(|c| c.id == id) else { return };
        removed = edit::remove_category(a, index, move_to).ok();
    });
    let Some(removed) = removed else { return };
    let name = &removed.category.name;
    let title = match removed.moved.len() {
        0 => format!("Deleted category \u{201c}{name}\u{201d}."),
        1 => format!("Deleted category \u{201c}{name}\u{201d}; its gap was moved."),
        n => format!("Deleted category \u{201c}{name}\u{201d}; its {n} gaps were moved."),
    };
    editor.offer_undo(notices, title, move |a| edit::restore_category(a, removed.clone()));
}

/// Asked when a category to delete still has gaps: it cannot go while they
/// would be left without a category, so the user picks where they move.
#[component]
pub(super) fn DeleteCategoryDialog(deleting: RwSignal<Option<String>>) -> impl IntoView {
    let editor = use_editor();
    let notices = use_notices();
    let open = RwSignal::new(false);
    let target = RwSignal::new(String::new());
    // `open` follows `deleting`, and closing (Escape, Cancel) clears it.
    // Each side is set only when it differs, or the two would wake each
    // other forever.
    Effect::new(move |_| {
        let wanted = deleting.with(Option::is_some);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && deleting.with_untracked(Option::is_some) {
            deleting.set(None);
        }
    });
    let details = Memo::new(move |_| {
        let id = deleting.get()?;
        editor.with(|a| {
            let position = a.categories.iter().position(|c| c.id == id)?;
            let category = a.categories.get(position)?;
            // No reason once the gaps have gone (another tab moved them).
            let reason = edit::category_refusal(a, position, None).map(|r| r.to_string()).unwrap_or_default();
            let others: Vec<(String, String)> =
                a.categories.iter().filter(|c| c.id != id).map(|c| (c.id.clone(), c.name.clone())).collect();
            Some((category.name.clone(), reason, others))
        })
    });
    // Start from the first other category each time the dialog opens.
    Effect::new(move |_| {
        let first = details.with(|d| d.as_ref().and_then(|(_, _, others)| others.first().map(|o| o.0.clone())));
        target.set(first.unwrap_or_default());
    });
    let title = Signal::derive(move || {
        details.with(|d| d.as_ref().map(|(name, ..)| format!("Delete \u{201c}{name}\u{201d}?")).unwrap_or_default())
    });
    let confirm = move |_| {
        let Some(id) = deleting.get_untracked() else { return };
        let to = target.get_untracked();
        if to.is_empty() {
            return;
        }
        delete_category(editor, notices, &id, Some(&to));
        open.set(false);
    };
    view! {
        <Dialog open title>
            {move || {
                details
                    .get()
                    .map(|(_, reason, others)| {
                        if others.is_empty() {
                            view! {
                                <p>{reason}</p>
                                <div class="dialog-actions">
                                    <button class="button" on:click=move |_| open.set(false)>
                                        "Close"
                                    </button>
                                </div>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p>{reason}</p>
                                <Select
                                    label="Move its gaps to"
                                    options=others
                                    value=target
                                    on_change=Callback::new(move |v| target.set(v))
                                />
                                <div class="dialog-actions">
                                    <button class="button" on:click=move |_| open.set(false)>
                                        "Cancel"
                                    </button>
                                    <button class="button button-danger" on:click=confirm>
                                        "Move gaps and delete"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Dialog>
    }
}

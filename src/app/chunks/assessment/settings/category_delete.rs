//! Deleting a category: at once when it has no gaps; otherwise after the
//! user picks where its gaps move. One undo step, with "Undo" in the notice.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::fields::Select;
use crate::app::dialog::Dialog;
use crate::app::notices::{use_notices, Notices};

/// Deletes category `id`, first moving its gaps to `move_to` when given, in
/// one undo step; the notice's "Undo" puts the category and its gaps back.
pub(super) fn delete_category(editor: Editor, notices: Notices, id: &str, move_to: Option<&str>) {
    let mut removed = None;
    let mut moved = Vec::new();
    editor.edit(None, |a| {
        let Some(index) = a.categories.iter().position(|c| c.id == id) else { return };
        if let Some(target) = move_to {
            for gap in a.gaps.iter_mut().filter(|g| g.category == id) {
                gap.category = target.to_string();
                moved.push(gap.id.clone());
            }
        }
        removed = Some((index, a.categories.remove(index)));
    });
    let Some((index, category)) = removed else { return };
    let title = match moved.len() {
        0 => format!("Deleted category \u{201c}{}\u{201d}.", category.name),
        1 => format!("Deleted category \u{201c}{}\u{201d}; its gap was moved.", category.name),
        n => format!("Deleted category \u{201c}{}\u{201d}; its {n} gaps were moved.", category.name),
    };
    editor.offer_undo(notices, title, move |a| {
        if a.category(&category.id).is_some() {
            return;
        }
        a.categories.insert(index.min(a.categories.len()), category.clone());
        for gap in a.gaps.iter_mut().filter(|g| moved.contains(&g.id)) {
            gap.category = category.id.clone();
        }
    });
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
            let category = a.category(&id)?;
            let gaps = a.gaps.iter().filter(|g| g.category == id).count();
            let others: Vec<(String, String)> =
                a.categories.iter().filter(|c| c.id != id).map(|c| (c.id.clone(), c.name.clone())).collect();
            Some((category.name.clone(), gaps, others))
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
                    .map(|(name, gaps, others)| {
                        let count = if gaps == 1 { "1 gap".to_string() } else { format!("{gaps} gaps") };
                        if others.is_empty() {
                            view! {
                                <p>
                                    "\u{201c}" {name} "\u{201d} still has " {count}
                                    ", and there is no other category to move them to. Add a category first, or delete its gaps on the Gaps tab."
                                </p>
                                <div class="dialog-actions">
                                    <button class="button" on:click=move |_| open.set(false)>
                                        "Close"
                                    </button>
                                </div>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p>
                                    "\u{201c}" {name} "\u{201d} still has " {count}
                                    ". A category with gaps cannot be deleted: move them to another category first."
                                </p>
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

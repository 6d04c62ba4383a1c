//! A gap named as a link that opens it on the Gaps tab, where it is changed: the way the
//! other tabs name a gap (the Overview's blockers).

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::Editor;
use crate::app::chunks::assessment::links::gap_href;

/// The words a gap is named by: its title, or its id when it has none, so
/// that every link has a name.
pub(super) fn gap_name(editor: Editor, index: usize) -> String {
    editor.with(|a| {
        a.gaps.get(index).map_or_else(String::new, |gap| {
            if gap.title.trim().is_empty() {
                gap.id.clone()
            } else {
                gap.title.clone()
            }
        })
    })
}

/// The gap at `index` (its position), as a link that opens it on the Gaps tab.
#[component]
pub(super) fn GapLink(editor: Editor, index: usize) -> impl IntoView {
    let href = move || gap_href(editor, &editor.with(|a| a.gaps.get(index).map(|g| g.id.clone()).unwrap_or_default()));
    view! { <a href=href>{move || gap_name(editor, index)}</a> }
}

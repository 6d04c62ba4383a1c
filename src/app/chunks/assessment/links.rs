//! Links between the tabs of the open assessment.

use super::editor::Editor;
use crate::app::route::{self, Route, Tab};

/// The href of another tab of the open assessment.
pub(super) fn tab_href(editor: Editor, tab: Tab) -> String {
    Route::Assessment { id: editor.with_untracked(|a| a.id.clone()), tab }.href()
}

/// The href of one gap of the open assessment: the Gaps tab, with the gap
/// open in the editor.
pub(super) fn gap_href(editor: Editor, gap: &str) -> String {
    route::gap_href(&editor.with_untracked(|a| a.id.clone()), gap)
}

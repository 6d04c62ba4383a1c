//! Links between the tabs of the open assessment.

use super::editor::Editor;
use crate::app::route::{Route, Tab};

/// The href of another tab of the open assessment.
pub(super) fn tab_href(editor: Editor, tab: Tab) -> String {
    Route::Assessment { id: editor.with_untracked(|a| a.id.clone()), tab }.href()
}

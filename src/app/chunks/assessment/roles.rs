//! Adding a role, from the Roadmap tab (staffing a first team) or the
//! Costs tab (the roles and their rates).

use super::editor::Editor;

use crate::core::edit;

/// Adds a role (from the Roadmap tab or the Costs tab); returns its id.
pub(super) fn add_role(editor: Editor) -> Option<String> {
    let mut id = None;
    editor.edit(None, |a| id = Some(edit::add_role(a)));
    id
}

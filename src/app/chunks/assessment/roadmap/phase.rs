//! Reading and changing one phase of the open assessment by its [`Key`],
//! for the parts of a Roadmap card.

use crate::app::chunks::assessment::editor::Editor;
use crate::core::edit::{self, phase_position, Key};
use crate::core::model::Phase;

/// Reads the phase of `key`, tracked; `None` once it is gone.
pub(super) fn with_phase<R>(editor: Editor, key: &Key, f: impl FnOnce(&Phase) -> R) -> Option<R> {
    editor.with(|a| phase_position(a, key).map(|i| f(&a.phases[i])))
}

/// Changes the phase of `key`. `field` names what is typed into, so that
/// typing in one field is one undo step; `None` for discrete actions.
pub(super) fn edit_phase(editor: Editor, key: &Key, field: Option<&str>, change: impl FnOnce(&mut Phase)) {
    let undo_key = field.map(|f| format!("phase:{}:{}:{f}", key.id, key.nth));
    editor.edit(undo_key.as_deref(), |a| {
        if let Some(phase) = edit::phase_mut(a, key) {
            change(phase);
        }
    });
}

//! What the parts of the gap editor share: the gap being edited, as it is
//! now, and the way to change it.

use leptos::prelude::*;

use crate::app::chunks::assessment::gaps::key::GapKey;
use crate::app::chunks::assessment::gaps::state::GapsState;
use crate::core::model::Gap;
use crate::core::present::query::GapFigures;

/// The gap being edited, as it is now.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Editing {
    pub(super) position: usize,
    pub(super) gap: Gap,
    pub(super) figures: GapFigures,
}

/// What the parts of the editor share: the gap, and the way to change it.
#[derive(Clone, Copy)]
pub(super) struct GapHandle {
    pub(super) state: GapsState,
    pub(super) key: StoredValue<GapKey>,
    pub(super) data: Memo<Option<Editing>>,
}

impl GapHandle {
    /// A part of the gap, followed as it changes.
    pub(super) fn get<T>(&self, part: fn(&Gap) -> T) -> Signal<T>
    where
        T: Default + Clone + Send + Sync + 'static,
    {
        let data = self.data;
        Signal::derive(move || data.with(|d| d.as_ref().map(|d| part(&d.gap)).unwrap_or_default()))
    }

    /// Changes the gap. `field` names the field typed in, so that typing
    /// makes one undo step; `None` for a change that is a step of its own.
    pub(super) fn change(&self, field: Option<&str>, change: impl FnOnce(&mut Gap)) {
        let Some(position) = self.data.with_untracked(|d| d.as_ref().map(|d| d.position)) else { return };
        let key = field.map(|f| format!("gap:{}:{f}", self.key.with_value(|k| k.id.clone())));
        self.state.edit_gap(position, key.as_deref(), change);
    }
}

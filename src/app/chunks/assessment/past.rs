//! The milestones of the open assessment as the views read them: each
//! one's id, name, date and the summary of its state (`core::milestone`
//! turns the state back into an assessment and scores it as of the day it
//! was saved, `Milestone::summary`), worked out again only when the
//! milestones change, not at every edit.

use leptos::prelude::*;

use super::editor::Editor;
use crate::core::model::Milestone;
use crate::core::Summary;

/// A milestone with the numbers of its state.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Past {
    pub id: String,
    pub name: String,
    /// `YYYY-MM-DD`, perhaps with a time.
    pub saved_on: String,
    pub summary: Summary,
}

/// The milestones of the editor's assessment, in the file's order, each
/// with its summary.
pub(super) fn past(editor: Editor) -> Memo<Vec<Past>> {
    let milestones: Memo<Vec<Milestone>> = Memo::new(move |_| editor.with(|a| a.milestones.clone()));
    Memo::new(move |_| {
        milestones.with(|list| {
            list.iter()
                .map(|m| Past {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    saved_on: m.saved_on.clone(),
                    summary: m.summary(),
                })
                .collect()
        })
    })
}

/// The date of a `saved_on` without its time: what lists show.
pub(super) fn day(saved_on: &str) -> &str {
    saved_on.split_once('T').map_or(saved_on, |(date, _)| date)
}

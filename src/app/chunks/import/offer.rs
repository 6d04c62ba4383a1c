//! Bringing one imported assessment into the library, never overwriting
//! one silently: an id already there waits for the user's choice. Files,
//! confirmed Markdown documents and share links all come in this way; what
//! came in is kept as the base of a later merge of its id.

use leptos::prelude::*;

use crate::app::import::waiting::Pending;
use crate::app::library::state::Library;
use crate::core::Assessment;

/// Where an imported assessment went.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::app::chunks) enum Landing {
    /// Saved into the library under its own id.
    Saved,
    /// Its id is taken: it waits in the conflict dialog (replace or keep both).
    Waiting,
    /// Saving failed, for this reason.
    Failed(String),
}

impl Pending {
    /// Brings one assessment into the library, never overwriting one silently:
    /// an id already there waits for the user's choice.
    pub(in crate::app::chunks) fn offer(&self, library: Library, assessment: Assessment) -> Landing {
        if library.contains(&assessment.id) {
            self.conflicts.0.update(|p| p.push(assessment));
            return Landing::Waiting;
        }
        match library.put(&assessment) {
            Ok(()) => {
                library.keep_base_of(&assessment);
                Landing::Saved
            }
            Err(error) => Landing::Failed(error.to_string()),
        }
    }
}

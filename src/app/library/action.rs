//! What the library does with the core (duplicate, rename, export, restore
//! beside, create): asked for by the first screen, done behind the door of
//! `chunks::library_action`, which brings the core with it.

use leptos::prelude::*;

use crate::app::import::waiting::Pending;
use crate::core::Assessment;

/// One of the library's actions that need the core.
pub enum Action {
    Duplicate(String),
    Rename {
        id: String,
        title: String,
    },
    /// The assessment's file, downloaded.
    Export(String),
    /// One bundle of these assessments, downloaded.
    ExportAll(Vec<String>),
    /// The undo of a delete, when the id was taken since (by an import): the
    /// removed entry's stored text, restored beside under a new id.
    RestoreCopy(String),
    /// "Open file…": a Gapmap file picked where it lives, imported (waiting
    /// in `Pending` when its id is taken) and linked to its assessment.
    OpenFile(Pending),
    /// A new assessment: blank, or a copy of a template's; with the title
    /// typed in the dialog (`title`, read when the user asked), if any;
    /// opened once saved (the dialog then closes and forgets the title in
    /// `field`). Nothing is created if the dialog was closed meanwhile,
    /// even when it was opened again since (see [`CreateRequest`]).
    Create {
        template: Option<Box<Assessment>>,
        title: String,
        request: CreateRequest,
        field: RwSignal<String>,
    },
}

/// What the New assessment dialog asks the first screen to create: the
/// template (its index in `TEMPLATES`) or a blank one, the title typed, and
/// the request to check it is still wanted; `field` is the dialog's title,
/// forgotten once the assessment is made.
pub struct NewAssessment {
    pub template: Option<usize>,
    pub title: String,
    pub request: CreateRequest,
    pub field: RwSignal<String>,
}

/// A "Create" pressed in the New assessment dialog, which may wait for
/// chunks: it is still wanted while the dialog stays open, and not once the
/// dialog was closed, even if the user opened it again before the chunks
/// came (a Create of the earlier opening must not make what was cancelled).
/// The dialog is made afresh at each opening, and `closings` is disposed
/// with it when it closes.
#[derive(Clone, Copy)]
pub struct CreateRequest {
    pub open: RwSignal<bool>,
    /// A value of the dialog's opening: gone once it has closed.
    pub closings: StoredValue<u64>,
    /// `closings` when Create was pressed.
    pub at: u64,
}

impl CreateRequest {
    /// Whether the dialog is open, and has stayed open since Create was pressed.
    pub fn wanted(&self) -> bool {
        self.open.try_get_untracked() == Some(true) && self.closings.try_get_value() == Some(self.at)
    }
}

impl Action {
    /// What the action is, for a message of its failure.
    pub fn what(&self) -> &'static str {
        match self {
            Action::Duplicate(_) => "Duplicating",
            Action::Rename { .. } => "Renaming",
            Action::Export(_) | Action::ExportAll(_) => "The export",
            Action::RestoreCopy(_) => "Restoring",
            Action::Create { .. } => "Creating the assessment",
            Action::OpenFile(_) => "Opening the file",
        }
    }
}

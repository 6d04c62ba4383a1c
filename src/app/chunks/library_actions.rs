//! The library's actions that need the core (duplicate, rename, export,
//! restore beside, create, open a file where it lives), done in the `gapmap_library` chunk with the
//! same messages as ever. The first screen asks for them with
//! [`Action`]s, through the door of `chunks::library_action`.

use leptos::prelude::*;

use super::export_file::{download_assessment, download_bundle};
use crate::app::clock::today;
use crate::app::ids::new_id;
use crate::app::library::action::Action;
use crate::app::library::state::Library;
use crate::app::route::{navigate, Route, Tab};
use crate::core::Assessment;
use crate::storage::envelope::{self, Stored, Unreadable};

/// Does a library action.
pub(super) fn run(library: Library, action: Action) {
    let notices = library.notices();
    let load = |id: &str| library.get(id).and_then(Result::ok).map(|s| s.assessment);
    match action {
        Action::Duplicate(id) => {
            let Some(mut copy) = load(&id) else { return };
            copy.id = new_id();
            copy.title = format!("{} (copy)", copy.title);
            library.report("Duplicating", library.put(&copy));
        }
        Action::Rename { id, title } => {
            let Some(mut assessment) = load(&id) else { return };
            if title.trim().is_empty() || title == assessment.title {
                return;
            }
            assessment.title = title.trim().to_string();
            library.report("Renaming", library.put(&assessment));
        }
        Action::Export(id) => {
            let Some(assessment) = load(&id) else { return };
            if let Err(e) = download_assessment(library, &assessment) {
                notices.error("The export failed.", vec![e]);
            }
        }
        Action::ExportAll(ids) => {
            let assessments: Vec<Assessment> = ids.iter().filter_map(|id| load(id)).collect();
            if assessments.is_empty() {
                notices.info("There is nothing to export yet.");
                return;
            }
            if let Err(e) = download_bundle(library, "gapmap-library.json", &assessments) {
                notices.error("The export failed.", vec![e]);
            }
        }
        Action::RestoreCopy(text) => match envelope::open(&text) {
            Ok(Stored { mut assessment, .. }) => {
                assessment.id = new_id();
                library.report("Restoring", library.put(&assessment));
            }
            Err(Unreadable::TooNew { message, .. } | Unreadable::Damaged { message }) => {
                notices.error("Restoring failed.", vec![message]);
            }
        },
        Action::OpenFile(waiting) => {
            leptos::task::spawn_local(super::files::open::open_file(library, notices, waiting))
        }
        Action::Create { template, title, request, field } => {
            // Cancelled (even if opened again since), or the library left,
            // while the chunks came.
            if !request.wanted() {
                return;
            }
            let blank = template.is_none();
            let mut assessment = template.map_or_else(|| Assessment::new("", ""), |template| *template);
            assessment.id = new_id();
            if !title.trim().is_empty() {
                assessment.title = title.trim().to_string();
            } else if blank {
                assessment.title = "Untitled assessment".to_string();
            }
            assessment.assessed_on = Some(today());
            if library.report("Creating the assessment", library.put(&assessment)) {
                let _ = request.open.try_set(false);
                let _ = field.try_set(String::new());
                navigate(&Route::Assessment { id: assessment.id, tab: Tab::Overview });
            }
        }
    }
}

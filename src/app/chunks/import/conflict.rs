//! The user's choice for an import whose id is already in the library
//! (from the conflict dialog of the first screen): merge it into the saved
//! one (the merge view), replace the saved one, or keep both under a new id. In the library's chunk: saving needs the
//! core.

use leptos::prelude::*;

use crate::app::chunks::files::link;
use crate::app::ids::new_id;
use crate::app::import::waiting::Choice;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route};
use crate::core::Assessment;

/// Does the user's choice for an import whose id is taken.
pub(in crate::app::chunks) fn resolve(library: Library, notices: Notices, assessment: Assessment, choice: Choice) {
    match choice {
        Choice::Merge => crate::app::chunks::merge::import(library, notices, assessment),
        Choice::Replace => {
            if library.report("Replacing", library.put(&assessment)) {
                library.keep_base_of(&assessment);
                // A file opened with "Open file…" is linked once its version is in.
                link::complete(library, &assessment);
                notices.info(format!("Replaced \u{201c}{}\u{201d}.", assessment.title));
                // The open editor holds the replaced version, and its next
                // save would meet a newer revision: leave it.
                let open_here = matches!(
                    Route::parse(&window().location().hash().unwrap_or_default()),
                    Route::Assessment { id, .. } if id == assessment.id
                );
                if open_here {
                    navigate(&Route::Library);
                }
            }
        }
        Choice::KeepBoth => {
            let mut copy = assessment;
            copy.id = new_id();
            if library.report("Importing", library.put(&copy)) {
                notices.info(format!("Imported \u{201c}{}\u{201d} as a copy.", copy.title));
            }
        }
        Choice::Skip => {}
    }
}

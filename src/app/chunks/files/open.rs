//! "Open file…": picks a Gapmap file where it lives, brings its assessment
//! in as an import does (the conflict dialog when its id is already in the
//! library), links the assessment to the file, and opens it.

use super::{access, link};
use crate::app::chunks::import::offer::Landing;
use crate::app::import::waiting::Pending;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route, Tab};
use crate::core::format;

/// Opens a file the user picks (see the module's documentation).
pub(in crate::app::chunks) async fn open_file(library: Library, notices: Notices, waiting: Pending) {
    let handle = match access::pick_to_open().await {
        Ok(Some(handle)) => handle,
        Ok(None) => return,
        Err(why) => return notices.error("The file was not opened.", vec![why]),
    };
    let name = handle.name();
    let text = match access::read(&handle).await {
        Ok(text) => text,
        Err(why) => return notices.error(format!("\u{201c}{name}\u{201d} was not opened."), vec![why]),
    };
    let assessment = match format::load(text.as_bytes()) {
        Ok(assessment) => assessment,
        Err(error) => {
            return notices.error(
                format!(
                    "\u{201c}{name}\u{201d} was not opened: it is not the Gapmap file of one assessment (Import \
                     reads bundles and Markdown documents)."
                ),
                error.problems.iter().map(ToString::to_string).collect(),
            )
        }
    };
    let canonical = format::save(&assessment);
    let id = assessment.id.clone();
    let stored = library.get(&id).and_then(Result::ok).map(|stored| format::save(&stored.assessment));
    if stored.as_ref() == Some(&canonical) {
        // The library holds this very version: link it, nothing to ask.
        link::link(library, &id, handle, canonical);
    } else if library.contains(&id) {
        // The conflict dialog asks; the link is made if its choice brings
        // this version in.
        link::hold(handle, canonical);
        waiting.offer(library, assessment);
        return;
    } else {
        match waiting.offer(library, assessment) {
            Landing::Saved => link::link(library, &id, handle, canonical),
            Landing::Waiting => return link::hold(handle, canonical),
            Landing::Failed(why) => return notices.error(format!("\u{201c}{name}\u{201d} was not opened."), vec![why]),
        }
    }
    notices.info(format!("Opened \u{201c}{name}\u{201d}: saving writes to it."));
    navigate(&Route::Assessment { id, tab: Tab::Overview });
}

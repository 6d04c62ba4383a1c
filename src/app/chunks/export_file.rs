//! Exporting assessments as Gapmap files: the canonical JSON (written by
//! the core), handed to the user as a download, and the time of the export
//! recorded in the library (Settings shows it), with the file itself as the
//! base of a later merge when a copy comes back.

use crate::app::files;
use crate::app::library::state::Library;
use crate::core::{format, Assessment};

/// Offers an assessment's canonical file as a download named after its
/// title, and records the export (its time, and the file as a merge's base).
pub(super) fn download_assessment(library: Library, assessment: &Assessment) -> Result<(), String> {
    let name = files::file_name(&assessment.title, "json");
    let text = format::save(assessment);
    files::download(&name, "application/json", &text)?;
    library.mark_exported([assessment.id.as_str()]);
    library.keep_base(&assessment.id, &text);
    Ok(())
}

/// Offers several assessments as one bundle file named `name`, and records
/// the export of each (its time, and its own file as a merge's base).
pub(super) fn download_bundle(library: Library, name: &str, assessments: &[Assessment]) -> Result<(), String> {
    files::download(name, "application/json", &format::save_bundle(assessments))?;
    library.mark_exported(assessments.iter().map(|a| a.id.as_str()));
    for assessment in assessments {
        library.keep_base_of(assessment);
    }
    Ok(())
}

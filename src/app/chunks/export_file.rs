//! Exporting assessments as Gapmap files: the canonical JSON (written by
//! the core), handed to the user as a download, and the time of the export
//! recorded in the library (Settings shows it).

use crate::app::files;
use crate::app::library::state::Library;
use crate::core::{format, Assessment};

/// Offers an assessment's canonical file as a download named after its
/// title, and records the export.
pub(super) fn download_assessment(library: Library, assessment: &Assessment) -> Result<(), String> {
    let name = files::file_name(&assessment.title, "json");
    files::download(&name, "application/json", &format::save(assessment))?;
    library.mark_exported([assessment.id.as_str()]);
    Ok(())
}

/// Offers several assessments as one bundle file named `name`, and records
/// the export of each.
pub(super) fn download_bundle(library: Library, name: &str, assessments: &[Assessment]) -> Result<(), String> {
    files::download(name, "application/json", &format::save_bundle(assessments))?;
    library.mark_exported(assessments.iter().map(|a| a.id.as_str()));
    Ok(())
}

//! The choices of a gap's phase select (in a row of the table and in the
//! detail editor).

/// The value of a phase select for "No phase" (phase ids are never empty).
pub(super) const NO_PHASE: &str = "";

/// The options of a phase select: "No phase", every phase, and the phase
/// the gap names when no such phase exists.
pub(super) fn phase_options(phases: Vec<(String, String)>, unknown: Option<String>) -> Vec<(String, String)> {
    let mut options = vec![(NO_PHASE.to_string(), "No phase".to_string())];
    if let Some(unknown) = unknown {
        options.push((unknown.clone(), format!("Unknown phase \u{201c}{unknown}\u{201d}")));
    }
    options.extend(phases);
    options
}

//! `gapmap merge BASE OURS THEIRS [--json]`: the three-way merge of the core
//! (`core::merge`) as git's merge driver. Git runs it as `gapmap merge %O
//! %A %B` and reads the outcome from the file OURS (`%A`) and the exit
//! code.
//!
//! The merged assessment is written to OURS in canonical form, conflicts or
//! not: a conflict keeps ours' value, so the file is always valid and opens
//! in the app. Exit 0 when the merge is clean; 1 when something conflicted
//! (each conflict on standard error, and git then marks the file as
//! conflicted for the user to look at) or when a file cannot be read, in
//! which case OURS is left as it was. An empty BASE, which git gives when
//! both branches added the file, merges without a base: every difference
//! is a conflict. `--json` prints the conflicts and what came in from
//! THEIRS as data on standard output.

use serde::Serialize;
use serde_json::Value;

use gapmap::core::format;
use gapmap::core::merge::{merge, merge_without_base, Change, Conflict, ConflictKind, MergeOutcome};

use super::{invalid, read_bytes, Failure};

/// What `--json` prints.
#[derive(Serialize)]
struct Report<'a> {
    /// Whether nothing conflicted (the exit code is then 0).
    clean: bool,
    conflicts: &'a [Conflict],
    taken: &'a [Change],
}

/// Merges the three files and writes the result to `ours`; the output to
/// print (the JSON report with `json`, else nothing), or the failure.
pub fn run(base: &str, ours: &str, theirs: &str, json: bool) -> Result<String, Failure> {
    let load = |file: &str, bytes: &[u8]| format::load(bytes).map_err(|e| invalid(file, &e));
    let base_bytes = read_bytes(base)?;
    let (ours_bytes, theirs_bytes) = (read_bytes(ours)?, read_bytes(theirs)?);
    let (mine, other) = (load(ours, &ours_bytes)?, load(theirs, &theirs_bytes)?);
    // Git gives an empty base when both branches added the file.
    let outcome = if base_bytes.iter().all(u8::is_ascii_whitespace) {
        merge_without_base(&mine, &other)
    } else {
        merge(&load(base, &base_bytes)?, &mine, &other)
    };
    let text = format::save(&outcome.merged);
    if text.as_bytes() != ours_bytes.as_slice() {
        std::fs::write(ours, &text).map_err(|e| Failure::File(format!("{ours}: cannot write: {e}")))?;
    }
    let report = Report { clean: outcome.is_clean(), conflicts: &outcome.conflicts, taken: &outcome.taken };
    let printed = if json { format::to_canonical_json(&report) } else { String::new() };
    if outcome.is_clean() {
        Ok(printed)
    } else {
        Err(Failure::Conflicts { printed, message: conflicts(ours, &outcome) })
    }
}

/// The conflicts as standard error shows them: one line each, with the
/// three values.
fn conflicts(ours: &str, outcome: &MergeOutcome) -> String {
    let count = outcome.conflicts.len();
    let mut text = format!(
        "{ours}: {count} conflict{} in the merge; the file is written and valid, with ours kept where they conflict:\n",
        if count == 1 { "" } else { "s" }
    );
    for c in &outcome.conflicts {
        text.push_str(&format!("  {}: {}\n", c.path, what(c.kind)));
        for (side, value) in [("base", &c.base), ("ours", &c.ours), ("theirs", &c.theirs)] {
            if c.kind != ConflictKind::Incompatible || value.is_some() {
                text.push_str(&format!("    {side:<6} {}\n", shown(value.as_ref())));
            }
        }
    }
    text
}

/// What a conflict is, and what the file now has.
fn what(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Changed => "changed differently on both sides; ours kept",
        ConflictKind::RemovedInOurs => "removed in ours, changed in theirs; left out",
        ConflictKind::RemovedInTheirs => "changed in ours, removed in theirs; ours kept",
        ConflictKind::OnlyInOurs => "only ours has it (no base to tell); kept",
        ConflictKind::OnlyInTheirs => "only theirs has it (no base to tell); left out",
        ConflictKind::Order => "reordered differently on both sides; ours' order kept",
        ConflictKind::KeptForReference => "removed on one side, but the merged file refers to it; kept",
        ConflictKind::Incompatible => "the two sides' changes do not fit together; ours kept",
    }
}

/// A value in one line: its JSON, cut after 100 characters.
fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else { return "(none)".to_string() };
    let text = value.to_string();
    match text.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

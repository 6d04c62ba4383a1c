//! Migrations: the steps that bring a file written by an older version of
//! the format up to this one, run on the parsed JSON before decoding.
//!
//! **API Boundary**: the file format is public. A breaking change bumps
//! [`VERSION`] and adds its step here, proven by a frozen fixture of the old
//! version (`tests/format.rs`).

use serde_json::{Map, Value};

use crate::core::format::validate::{Path, Problem};
use crate::core::model::VERSION;

/// One step of migration: rewrites a document of version N into version N + 1.
pub type Migration = fn(&mut Map<String, Value>) -> Result<(), String>;

/// `MIGRATIONS[i]` turns a version `i + 1` document into version `i + 2`.
/// A format change adds its step here and bumps [`VERSION`], and a frozen
/// fixture of the old version proves the step (`tests/fixtures/v1/`).
pub const MIGRATIONS: &[Migration] = &[evidence_and_criteria_as_entries];

const _: () = assert!(MIGRATIONS.len() + 1 == VERSION as usize, "every version but the first needs a migration");

/// Runs the steps from version `from` up to the newest, and sets `version`.
pub fn migrate(document: &mut Map<String, Value>, from: u32, steps: &[Migration]) -> Result<(), Problem> {
    let first = (from.max(1) - 1) as usize;
    for (i, step) in steps.iter().enumerate().skip(first) {
        step(document).map_err(|reason| {
            Problem::new(
                Path::root(),
                format!("The file could not be brought from format version {} to {}: {reason}", i + 1, i + 2),
            )
        })?;
    }
    document.insert("version".to_string(), Value::from(steps.len() + 1));
    Ok(())
}

/// 1 → 2: a gap's `evidence`, one string, becomes a list of entries (the
/// string as the one entry's text; no entry when it was blank), and each of
/// a phase's `exit_criteria`, a string, becomes an unmet criterion with that
/// text. Values of another type are left as they are, for decoding to
/// report at their path. Milestones keep neither, so they are unchanged.
fn evidence_and_criteria_as_entries(document: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(Value::Array(gaps)) = document.get_mut("gaps") {
        for gap in gaps.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(Value::String(text)) = gap.get("evidence") {
                let entries = if text.trim().is_empty() { vec![] } else { vec![serde_json::json!({ "text": text })] };
                gap.insert("evidence".to_string(), Value::Array(entries));
            }
        }
    }
    if let Some(Value::Array(phases)) = document.get_mut("phases") {
        for phase in phases.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(Value::Array(criteria)) = phase.get_mut("exit_criteria") {
                for criterion in criteria.iter_mut() {
                    if let Value::String(text) = criterion {
                        *criterion = serde_json::json!({ "text": std::mem::take(text) });
                    }
                }
            }
        }
    }
    Ok(())
}

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
/// Version 1 is the first, so there are none yet; a format change adds its
/// step here and bumps [`VERSION`], and a frozen fixture of the old version
/// proves the step.
pub const MIGRATIONS: &[Migration] = &[];

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

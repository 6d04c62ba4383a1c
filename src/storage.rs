//! Local storage: where the browser keeps every assessment between visits.
//!
//! - `envelope` (pure, tested natively): the text of each stored entry and of
//!   the library index, with versions and revisions.
//! - `local` (wasm32 only): the thin layer over `window.localStorage`, through
//!   gloo-storage once it is known to be there. It never panics: missing
//!   storage, a full quota and a refused write come back as [`StorageError`]s.
//!
//! **Architecture Invariant**: a save never destroys the last good save. An
//! entry is written whole, read back and compared; an entry that cannot be
//! read (damaged, or written by a newer Gapmap) is never overwritten.

pub mod envelope;
#[cfg(target_arch = "wasm32")]
pub mod local;

/// Why a storage operation did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives no local storage (private mode, file://, disabled).
    Unavailable,
    /// The site's storage budget is used up: the write was refused.
    QuotaExceeded,
    /// Another tab saved a newer revision of this assessment since it was opened.
    Conflict { stored: u64, base: u64 },
    /// The stored entry cannot be read, so it is kept as it is.
    Protected(String),
    /// The write did not read back as written, or the browser refused it.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => {
                f.write_str("This browser gives Gapmap no local storage, so nothing is kept unless you export it.")
            }
            StorageError::QuotaExceeded => f.write_str(
                "The browser's storage for this site is full, so changes are not being saved. Export your work to keep it.",
            ),
            StorageError::Conflict { stored, base } => write!(
                f,
                "Another tab saved this assessment (revision {stored}) after this tab opened it (revision {base})."
            ),
            StorageError::Protected(why) => write!(f, "The saved entry is kept untouched: {why}"),
            StorageError::Failed(why) => write!(f, "Saving failed: {why}"),
        }
    }
}

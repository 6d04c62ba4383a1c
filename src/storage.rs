//! Local storage: where the browser keeps every assessment between visits.
//!
//! - `envelope` (pure, tested natively): the text of each stored entry and of
//!   the library index, with versions and revisions.
//! - `durability` (pure): the storage figures shown in Settings (budget
//!   used, the key of each assessment's last export time).
//! - `local` (wasm32 only): the thin layer over `window.localStorage`, through
//!   gloo-storage once it is known to be there. It never panics: missing
//!   storage, a full quota and a refused write come back as [`StorageError`]s.
//!
//! **Architecture Invariant**: a save never destroys the last good save. An
//! entry is written whole, read back and compared; an entry that cannot be
//! read (damaged, or written by a newer Gapmap) is never overwritten.

pub mod durability;
pub mod envelope;
#[cfg(target_arch = "wasm32")]
pub mod local;

/// Whether a browser's refusal of a write means "the storage is full", in
/// every browser's spelling: the standard `QuotaExceededError` (legacy code
/// 22), and Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub fn is_quota_error(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || matches!(code, 22 | 1014)
}

/// From what share of the budget on the app warns that storage is filling up.
pub const WARN_SHARE: f64 = 0.8;

/// How full local storage is, when that deserves a warning: "1.2 MB of about
/// 5 MB", or `None` below [`WARN_SHARE`] of the budget.
pub fn usage_warning(used_bytes: usize, budget_bytes: usize) -> Option<String> {
    if budget_bytes == 0 || (used_bytes as f64) < WARN_SHARE * budget_bytes as f64 {
        return None;
    }
    let mb = |bytes: usize| bytes as f64 / 1_048_576.0;
    Some(format!(
        "This browser's storage for Gapmap is nearly full: {:.1} MB used of about {:.0} MB. Export assessments you no longer edit, then delete them here.",
        mb(used_bytes),
        mb(budget_bytes)
    ))
}

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
            StorageError::Conflict { stored, base } if stored == base => write!(
                f,
                "Another tab saved this assessment at the same moment as this tab (both as revision {stored})."
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_are_recognised_in_every_spelling() {
        for (name, code, full) in [
            ("QuotaExceededError", 22, true),
            ("QuotaExceededError", 0, true),
            ("NS_ERROR_DOM_QUOTA_REACHED", 1014, true),
            ("NS_ERROR_DOM_QUOTA_REACHED", 0, true),
            // Old WebKit gave the legacy code with another name.
            ("Error", 22, true),
            ("UnknownError", 1014, true),
            ("SecurityError", 18, false),
            ("InvalidStateError", 11, false),
            ("quotaexceedederror", 0, false),
            ("", 0, false),
        ] {
            assert_eq!(is_quota_error(name, code), full, "{name} {code}");
        }
    }

    #[test]
    fn storage_use_is_warned_about_from_four_fifths_of_the_budget() {
        let budget = 5 * 1_048_576;
        assert_eq!(usage_warning(0, budget), None);
        assert_eq!(usage_warning(budget * 79 / 100, budget), None);
        let warning = usage_warning(budget * 4 / 5, budget).expect("warns at 80 %");
        assert!(warning.contains("4.0 MB used of about 5 MB"), "{warning}");
        assert!(usage_warning(budget * 2, budget).is_some_and(|w| w.contains("10.0 MB")));
        assert_eq!(usage_warning(10, 0), None);
    }
}

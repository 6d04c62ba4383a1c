//! The Library's reads and writes of whole assessments, which need the
//! core (reading and checking a stored file, saving one, rebuilding the
//! index, the base of a merge): the other half of `app/library/state.rs`,
//! visible to the chunks only, so that the first load cannot call them.
//! The index's lines they write are as of today, by the user's clock.

use crate::app::clock::today;
use crate::app::library::state::Library;
use crate::core::{format, Assessment};
use crate::storage::envelope::{Entry, Stored, Unreadable};
use crate::storage::{local, StorageError};

impl Library {
    /// Reads a stored assessment: `None` when there is none with this id,
    /// `Some(Err(..))` when it cannot be opened (damaged, or newer).
    pub(in crate::app::chunks) fn read(&self, id: &str) -> Result<Option<Result<Stored, Unreadable>>, StorageError> {
        local::open(id)
    }

    /// Opens a stored assessment, if it can be.
    pub(in crate::app::chunks) fn get(&self, id: &str) -> Option<Result<Stored, Unreadable>> {
        self.read(id).ok().flatten()
    }

    /// The library's lines for the portfolio, each with its portfolio line
    /// (`storage::local::portfolio_entries`).
    pub(in crate::app::chunks) fn portfolio_entries(&self) -> Result<Vec<Entry>, StorageError> {
        local::portfolio_entries(&today())
    }

    /// A small setting of a view, kept in local storage (`None` when unset).
    pub(in crate::app::chunks) fn view_setting(&self, name: &str) -> Option<String> {
        local::flag(name)
    }

    /// Writes a small setting of a view.
    pub(in crate::app::chunks) fn set_view_setting(&self, name: &str, value: &str) -> Result<(), StorageError> {
        local::set_flag(name, value)
    }

    /// Saves a new assessment, or replaces the stored one with the same id.
    pub(in crate::app::chunks) fn put(&self, assessment: &Assessment) -> Result<(), StorageError> {
        let base = match self.get(&assessment.id) {
            Some(Ok(stored)) => stored.revision,
            _ => 0,
        };
        let result = local::save(assessment, base, &today()).map(|_| ());
        self.refresh();
        result
    }

    /// Keeps `canonical`, the file of `id` as it was just exported or
    /// imported (or written to or read from its linked file), as the base
    /// of a later merge. Not kept when it would not fit the storage budget;
    /// a merge then says it has no base. A failure is not worth a message:
    /// the export or import it follows has happened, which is what counts.
    pub(in crate::app::chunks) fn keep_base(&self, id: &str, canonical: &str) {
        let _ = local::set_base(id, canonical);
        self.measure();
    }

    /// Keeps `assessment`'s canonical file as the base of a later merge
    /// (see [`Library::keep_base`]).
    pub(in crate::app::chunks) fn keep_base_of(&self, assessment: &Assessment) {
        self.keep_base(&assessment.id, &format::save(assessment));
    }

    /// The base of a merge for `id`: the file as this browser last exported
    /// or imported it, read by the core; `None` when none was kept or it no
    /// longer reads.
    pub(in crate::app::chunks) fn base(&self, id: &str) -> Option<Assessment> {
        local::base(id).and_then(|text| format::load(text.as_bytes()).ok()).filter(|a| a.id == id)
    }
}

/// Rebuilds the library's index from the stored entries, with the core,
/// and returns it.
pub(super) fn rebuild_index() -> Result<Vec<Entry>, StorageError> {
    local::entries(&today())
}

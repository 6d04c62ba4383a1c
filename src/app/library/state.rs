//! The [`Library`] context: the assessments saved in this browser as the
//! first screen lists them, and the plain reads and writes of local storage
//! that the first load makes (the list, its size, a delete and its undo, a
//! title, an entry's raw text, export times).
//!
//! None of it needs the core: the list is the stored index, or each entry's
//! quick line while the index is stale (see `storage::local::listing`). The
//! Library's reads and writes of whole assessments, which do need it, are
//! its other half, in the chunks (`chunks/library_store.rs`); the screens
//! start them through the doors of `chunks`, and the shell gives the
//! Library what rebuilds a stale index (`library::index::rebuild`).

use leptos::prelude::*;

use crate::app::clock::local_time;
use crate::app::notices::Notices;
use crate::storage::envelope::{Entry, PREFIX};
use crate::storage::{durability, local, usage_warning, StorageError};
use crate::templates::{EXAMPLE, EXAMPLE_FIGURES};

/// The saved assessments, from context; every change goes through storage
/// first and is then read back, so the list never shows what was not saved.
#[derive(Clone, Copy)]
pub struct Library {
    pub entries: RwSignal<Vec<Entry>>,
    /// How many bytes Gapmap's entries take in local storage.
    pub used_bytes: RwSignal<usize>,
    /// What rebuilds the index when the list was read from quick lines (the
    /// stored index did not match the stored entries): given by the shell,
    /// which goes through the core's door.
    rebuild_index: fn(Library),
    /// A rebuild of the index is under way.
    pub(in crate::app::library) rebuilding: StoredValue<bool>,
    /// How many export times were recorded since the page opened: read, so
    /// that export times are read again after each export.
    exports: RwSignal<usize>,
    notices: Notices,
}

impl Library {
    /// Reads the library; on the very first run, adds the example assessment
    /// (stored as its text, with its numbers worked out ahead: no core).
    /// `rebuild_index` rebuilds a stale index and shows it.
    pub fn open(notices: Notices, rebuild_index: fn(Library)) -> Self {
        let library = Library {
            entries: RwSignal::new(Vec::new()),
            used_bytes: RwSignal::new(0),
            rebuild_index,
            rebuilding: StoredValue::new(false),
            exports: RwSignal::new(0),
            notices,
        };
        if local::flag("seeded").is_none() {
            if local::listing().map(|l| l.entries.is_empty()).unwrap_or(false) {
                let _ = local::seed(EXAMPLE, EXAMPLE_FIGURES);
            }
            let _ = local::set_flag("seeded", "1");
        }
        library.refresh();
        // Another tab changed the library: the browser tells every other tab
        // of the site, and the list follows. The library lives as long as
        // the page, so the listener is never removed (dropping the handle
        // keeps it).
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            // `None` is a `clear()` of the whole storage.
            if ev.key().is_none_or(|key| key.starts_with(PREFIX)) {
                library.refresh();
            }
        });
        library
    }

    /// Where the library's failures are said.
    pub fn notices(&self) -> Notices {
        self.notices
    }

    /// Whether this browser gives Gapmap local storage at all.
    pub fn is_available(&self) -> bool {
        local::is_available()
    }

    /// Measures again how much of local storage Gapmap uses.
    pub fn measure(&self) {
        let used = local::used_bytes();
        if self.used_bytes.get_untracked() != used {
            let _ = self.used_bytes.try_set(used);
        }
    }

    /// The warning to show when local storage is nearly full, tracked.
    pub fn usage_warning(&self) -> Option<String> {
        usage_warning(self.used_bytes.get(), local::BUDGET_BYTES)
    }

    /// How much of the local storage budget is used, as Settings says it; tracked.
    pub fn usage(&self) -> String {
        durability::usage(self.used_bytes.get(), local::BUDGET_BYTES)
    }

    /// Reads the list again from storage. When the index does not match the
    /// stored entries, the list shows their quick lines at once, and the
    /// index is rebuilt (by what [`Library::open`] was given).
    pub fn refresh(&self) {
        // The merge bases of deleted assessments take room no merge can use.
        local::forget_orphan_bases();
        self.measure();
        match local::listing() {
            Ok(listing) => {
                self.show(listing.entries);
                if listing.stale {
                    (self.rebuild_index)(*self);
                }
            }
            Err(error) => self.notices.error("The library could not be read.", vec![error.to_string()]),
        }
    }

    fn show(&self, mut entries: Vec<Entry>) {
        entries.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        let _ = self.entries.try_set(entries);
    }

    /// Shows the list once the index is rebuilt (`rebuilt`: its lines). What
    /// was saved meanwhile is in the stored index, so that is read again; if
    /// the index could not be written, the rebuilt lines are shown (and no
    /// second rebuild is asked for).
    pub fn show_rebuilt(&self, rebuilt: Vec<Entry>) {
        match local::listing() {
            Ok(listing) if !listing.stale => self.show(listing.entries),
            _ => self.show(rebuilt),
        }
    }

    /// Whether an assessment with this id is saved.
    pub fn contains(&self, id: &str) -> bool {
        self.entries.with_untracked(|entries| entries.iter().any(|e| e.id == id))
    }

    /// The line of `id` in the list.
    pub fn entry(&self, id: &str) -> Option<Entry> {
        self.entries.with_untracked(|entries| entries.iter().find(|e| e.id == id).cloned())
    }

    /// The stored title of `id`, read without the core: an open editor may
    /// have changed it since the list was read.
    pub fn stored_title(&self, id: &str) -> Option<String> {
        local::stored_title(id)
    }

    /// The stored text of `id`, as it is (for a download of a damaged or
    /// newer entry).
    pub fn raw(&self, id: &str) -> Result<Option<String>, StorageError> {
        local::raw(id)
    }

    /// Removes an assessment; returns its stored text, for undo.
    pub fn remove(&self, id: &str) -> Option<String> {
        let stored = local::raw(id).ok().flatten();
        if let Err(error) = local::remove(id) {
            self.notices.error("The assessment could not be deleted.", vec![error.to_string()]);
            return None;
        }
        self.refresh();
        stored
    }

    /// Deletes for good an entry that cannot be opened.
    pub fn remove_damaged(&self, id: &str) {
        if let Err(error) = local::remove(id) {
            self.notices.error("The entry could not be deleted.", vec![error.to_string()]);
        }
        self.refresh();
    }

    /// Puts a removed entry back byte for byte, with its line (`text` is
    /// what [`Library::remove`] returned). `Ok(false)` when the id was taken
    /// since (by an import): nothing is written then.
    pub fn restore(&self, id: &str, text: &str, line: Option<Entry>) -> Result<bool, StorageError> {
        local::restore(id, text, line)
    }

    /// Reports a failed save as an error notice.
    pub fn report(&self, what: &str, result: Result<(), StorageError>) -> bool {
        match result {
            Ok(()) => true,
            Err(error) => {
                self.notices.error(format!("{what} failed."), vec![error.to_string()]);
                false
            }
        }
    }

    /// Records that these assessments were just exported, for Settings'
    /// "Last exported". A failure to record an export time is not worth a
    /// message: the file was handed over, which is what counts.
    pub fn mark_exported<'a>(&self, ids: impl IntoIterator<Item = &'a str>) {
        for id in ids {
            let _ = local::mark_exported(id);
        }
        let _ = self.exports.try_update(|n| *n += 1);
    }

    /// When assessment `id` was last exported, in the user's time zone, or
    /// `None` if it never was. Tracked: it is read again after each export.
    pub fn last_exported(&self, id: &str) -> Option<String> {
        self.exports.track();
        local::exported_at(id).map(local_time)
    }
}

/// The library, from context.
pub fn use_library() -> Library {
    expect_context::<Library>()
}

//! Which assessment is linked to which file on disk, for this page: the
//! file's handle, its name, and the canonical text of the version Gapmap
//! last read from it or wrote to it (what "unsaved changes" compares the
//! working copy with, and the base of a merge when the file changed on
//! disk). Handles are also kept in IndexedDB (`handles`) with that text,
//! so that a link survives a reload, and an Export (which moves the
//! library's merge base) does not make the file look saved.
//!
//! A file opened with "Open file…" whose id is already in the library waits
//! for the user's choice in the conflict dialog: its link is held as
//! pending, and made when that choice brings the file's version in
//! (Replace, or a merge).

use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::prelude::*;
use web_sys::FileSystemFileHandle;

use super::handles;
use crate::app::library::state::Library;
use crate::core::{format, Assessment};

/// What the header shows of a linked file.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::app::chunks) struct Linked {
    /// The file's name.
    pub name: String,
    /// The canonical text last read from the file or written to it;
    /// `None` when it is not known (linked before a reload, no base kept).
    pub canonical: Option<String>,
}

thread_local! {
    static HANDLES: RefCell<BTreeMap<String, FileSystemFileHandle>> = RefCell::default();
    static LINKS: ArcRwSignal<BTreeMap<String, Linked>> = ArcRwSignal::new(BTreeMap::new());
    /// A file opened whose id waits in the conflict dialog: its handle and
    /// the canonical text of what it holds.
    static PENDING: RefCell<Option<(FileSystemFileHandle, String)>> = const { RefCell::new(None) };
}

/// The link of assessment `id`, tracked.
pub(in crate::app::chunks) fn linked(id: &str) -> Option<Linked> {
    LINKS.with(|links| links.with(|links| links.get(id).cloned()))
}

/// The canonical text last read from or written to the file linked to
/// `id`, when known; untracked (for a save under way).
pub(in crate::app::chunks) fn last_text(id: &str) -> Option<String> {
    LINKS.with(|links| links.with_untracked(|links| links.get(id).and_then(|l| l.canonical.clone())))
}

/// The handle of the file linked to `id`.
pub(in crate::app::chunks) fn handle(id: &str) -> Option<FileSystemFileHandle> {
    HANDLES.with(|handles| handles.borrow().get(id).cloned())
}

/// Links assessment `id` to a file that holds `canonical` now (just read or
/// written), and keeps the handle for after a reload and the text as the
/// base of a later merge.
pub(in crate::app::chunks) fn link(library: Library, id: &str, handle: FileSystemFileHandle, canonical: String) {
    library.keep_base(id, &canonical);
    let name = handle.name();
    HANDLES.with(|handles| handles.borrow_mut().insert(id.to_string(), handle.clone()));
    LINKS.with(|links| {
        links.update(|links| {
            links.insert(id.to_string(), Linked { name, canonical: Some(canonical.clone()) });
        })
    });
    let (id, text) = (id.to_string(), canonical);
    leptos::task::spawn_local(async move { handles::keep(&id, &handle, &text).await });
}

/// Restores the link of `id` kept in IndexedDB before a reload, if any and
/// not already restored, with the last text read or written kept beside
/// it (for a link kept by an earlier version, the library's merge base).
pub(in crate::app::chunks) async fn restore(library: Library, id: &str) {
    if handle(id).is_some() {
        return;
    }
    let Some((handle, text)) = handles::kept(id).await else { return };
    let canonical = text.or_else(|| library.base(id).map(|a| format::save(&a)));
    let name = handle.name();
    HANDLES.with(|handles| handles.borrow_mut().insert(id.to_string(), handle));
    LINKS.with(|links| {
        links.update(|links| {
            links.insert(id.to_string(), Linked { name, canonical });
        })
    });
}

/// Holds the link of a file opened whose id waits in the conflict dialog.
pub(in crate::app::chunks) fn hold(handle: FileSystemFileHandle, canonical: String) {
    PENDING.set(Some((handle, canonical)));
}

/// Makes the link held by [`hold`] when `came_in` (the version the user's
/// choice brought in) is what that file holds.
pub(in crate::app::chunks) fn complete(library: Library, came_in: &Assessment) {
    let Some((handle, canonical)) = PENDING.take() else { return };
    if canonical == format::save(came_in) {
        link(library, &came_in.id, handle, canonical);
    } else {
        PENDING.set(Some((handle, canonical)));
    }
}

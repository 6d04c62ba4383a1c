//! The open assessment: the one source of truth while it is open, the numbers
//! derived from it, undo and redo, and saving.
//!
//! Views read the assessment through [`Editor::with`] and change it only
//! through [`Editor::edit`], which records the step for undo and schedules a
//! save. The summary and the problems are memos over the assessment, never
//! stored beside it. Saving happens here and nowhere else: debounced, flushed
//! when the page is hidden or closed, and refused (with a message, and the
//! last good save kept) when storage cannot take it.
//!
//! A merge (of an imported copy, or of its linked file changed on disk)
//! reaches the open assessment through [`open_editor`], and one that is not
//! open through [`replace_when_opened`]: either way it lands as one step
//! that undo takes back.
//!
//! Another tab may save the same assessment. When this tab has nothing
//! waiting to be saved it takes the other tab's version at once; when it has,
//! its save is refused as a conflict, and the user chooses between reloading
//! theirs and keeping both as copies.

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::app::ids::new_id;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::app::route::{LeaveGuard, Leaving};
use crate::core::edit::history::History;
use crate::core::format::validate::warnings;
use crate::core::{summarize_as_of, validate, Assessment, Problem, Summary};
use crate::storage::envelope::{self, assessment_key, Stored};
use crate::storage::{durability, local, StorageError};

thread_local! {
    /// The editor opened last: the open assessment while it [`Editor::is_open`].
    static OPEN: std::cell::Cell<Option<Editor>> = const { std::cell::Cell::new(None) };
    /// A version waiting to replace an assessment when it is next opened.
    static ARRIVING: std::cell::RefCell<Option<Assessment>> = const { std::cell::RefCell::new(None) };
}

/// The editor of assessment `id`, when it is the one open in this tab.
pub(in crate::app::chunks) fn open_editor(id: &str) -> Option<Editor> {
    OPEN.get().filter(|editor| editor.is_open() && editor.doc.with_untracked(|a| a.id == id))
}

/// Has `assessment` replace the stored one of its id, as one undo step,
/// when that one is next opened (the caller opens it).
pub(in crate::app::chunks) fn replace_when_opened(assessment: Assessment) {
    ARRIVING.set(Some(assessment));
}

/// How long after the last edit the assessment is saved.
const SAVE_DELAY_MS: u64 = 300;

/// Where the open assessment stands against local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Every edit is in local storage.
    Saved,
    /// An edit waits for the save delay.
    Pending,
    /// The last save failed; the previous save is intact.
    Failed(StorageError),
    /// Opened read-only: it was written by a newer Gapmap.
    ReadOnly,
}

/// The handle to the open assessment that every view gets from context.
///
/// Its `pub` items are those the browser tests drive (through the re-export
/// in `chunks.rs`); the rest are for the chunks' views only.
#[derive(Clone, Copy)]
pub struct Editor {
    doc: RwSignal<Assessment>,
    /// Every computed number of the assessment, as of today (acceptances
    /// that expired before today count as missing).
    pub summary: Memo<Summary>,
    /// Every validation problem of the assessment.
    pub problems: Memo<Vec<Problem>>,
    /// What loads but is probably not meant, as of today: expired
    /// acceptances, gaps planned before what they depend on.
    pub warnings: Memo<Vec<Problem>>,
    /// Today, `YYYY-MM-DD`, as the clock read when the assessment opened.
    pub today: StoredValue<String>,
    history: StoredValue<History<Assessment>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub save_state: RwSignal<SaveState>,
    revision: StoredValue<u64>,
    /// The save time stored with `revision`, when known: it tells this tab's
    /// save from another tab's save of the same revision number.
    saved_at: StoredValue<Option<f64>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    read_only: bool,
    /// The library, told of every save (for its list and storage use); taken
    /// from context when the editor is made, since timers and event handlers
    /// run without one.
    library: Option<Library>,
}

impl Editor {
    /// Opens `assessment`, stored at `revision` (0 when it is not stored yet).
    pub fn new(assessment: Assessment, revision: u64, read_only: bool) -> Self {
        let doc = RwSignal::new(assessment);
        let today = StoredValue::new(crate::app::clock::today());
        let editor = Editor {
            doc,
            summary: Memo::new(move |_| today.with_value(|day| doc.with(|a| summarize_as_of(a, day)))),
            problems: Memo::new(move |_| doc.with(validate)),
            warnings: Memo::new(move |_| today.with_value(|day| doc.with(|a| warnings(a, Some(day))))),
            today,
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            save_state: RwSignal::new(if read_only { SaveState::ReadOnly } else { SaveState::Saved }),
            revision: StoredValue::new(revision),
            saved_at: StoredValue::new(None),
            timer: StoredValue::new(None),
            read_only,
            library: use_context::<Library>(),
        };
        // Flush a pending save when the tab is hidden or closed: closing the
        // tab right after typing loses nothing.
        let flush_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| editor.flush());
        let flush_hide = window_event_listener(leptos::ev::pagehide, move |_| editor.flush());
        // While saving fails (storage full, a conflict with another tab),
        // closing or reloading the tab would lose the version on screen: ask
        // the browser to confirm first. It shows its own words, not ours.
        let guard_unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
            editor.flush();
            if editor.has_unsaved() {
                ev.prevent_default();
                // Older Chromium and Safari only ask when a return value is set.
                ev.set_return_value("unsaved");
            }
        });
        // Leaving the assessment in the app (a link, Back, a typed address)
        // while saving fails would drop the version on screen with the
        // editor: stay, and say why, with a way out for who has exported.
        // So would reloading to take an update: save first, and refuse the
        // reload when the save did not happen (the update prompt says why).
        let guard = use_context::<LeaveGuard>();
        if let Some(guard) = guard {
            let notices = use_context::<Notices>();
            guard.set(move |leaving| {
                editor.flush();
                if !editor.has_unsaved() {
                    return true;
                }
                if let (Leaving::To(next), Some(notices)) = (leaving, notices) {
                    let next = next.clone();
                    notices.error_with_action(
                        "You are still here: your latest changes are not saved in this browser.",
                        vec!["Export the assessment to keep them, then leave; or leave anyway and lose them.".into()],
                        "Leave anyway",
                        move || guard.leave_anyway(&next),
                    );
                }
                false
            });
        }
        // Another tab saved: the browser tells every other tab of the site.
        let elsewhere = window_event_listener(leptos::ev::storage, move |ev| {
            let key = editor.doc.try_with_untracked(|a| assessment_key(&a.id));
            if key.is_some() && ev.key() == key {
                editor.saved_elsewhere();
            }
        });
        on_cleanup(move || {
            if let Some(guard) = guard {
                guard.clear();
            }
            editor.flush();
            flush_hidden.remove();
            flush_hide.remove();
            guard_unload.remove();
            elsewhere.remove();
        });
        OPEN.set(Some(editor));
        editor
    }

    /// Opens an assessment as read from storage; a version waiting for it
    /// (see [`replace_when_opened`]) replaces it at once, as one undo step.
    pub fn open_stored(stored: Stored, read_only: bool) -> Self {
        let editor = Editor::new(stored.assessment, stored.revision, read_only);
        editor.saved_at.set_value(Some(stored.saved_at));
        let id = editor.doc.with_untracked(|a| a.id.clone());
        if let Some(arriving) = ARRIVING.take() {
            if arriving.id == id {
                editor.replace(arriving);
            } else {
                ARRIVING.set(Some(arriving));
            }
        }
        editor
    }

    /// Replaces the whole assessment with `version` (a merge's result), as
    /// one step that undo takes back.
    pub(in crate::app::chunks) fn replace(&self, version: Assessment) {
        self.edit(None, move |a| *a = version);
    }

    /// Reads the assessment, tracking it.
    pub(in crate::app::chunks) fn with<R>(&self, f: impl FnOnce(&Assessment) -> R) -> R {
        self.doc.with(f)
    }

    /// Reads the assessment without tracking it (in event handlers).
    pub(in crate::app::chunks) fn with_untracked<R>(&self, f: impl FnOnce(&Assessment) -> R) -> R {
        self.doc.with_untracked(f)
    }

    /// Whether edits are refused (a file written by a newer Gapmap).
    pub(in crate::app::chunks) fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Changes the assessment. `key` names the field being changed, so that
    /// typing in one field makes one undo step (`Some("gap:g1:title")`);
    /// `None` makes every call a step of its own.
    pub fn edit(&self, key: Option<&str>, change: impl FnOnce(&mut Assessment)) {
        if self.read_only {
            return;
        }
        let doc = self.doc;
        self.history.update_value(|h| h.record(key, js_sys::Date::now(), || doc.get_untracked()));
        self.doc.update(change);
        self.after_change();
    }

    /// Whether what is on screen is not in local storage: an edit waits for
    /// its save, or the last save failed (storage full, a conflict with
    /// another tab). False once the editor is closed.
    pub fn has_unsaved(&self) -> bool {
        matches!(self.save_state.try_get_untracked(), Some(SaveState::Pending | SaveState::Failed(_)))
    }

    /// Whether this assessment is still open: a notice's button may be
    /// pressed after the user closed it.
    pub(in crate::app::chunks) fn is_open(&self) -> bool {
        self.doc.try_with_untracked(|_| ()).is_some()
    }

    /// Says that something was deleted, with an "Undo" button that applies
    /// `restore` as one edit (nothing, once the assessment is closed).
    /// `restore` should do nothing when what it restores is already back,
    /// as after the editor's own Undo.
    pub(in crate::app::chunks) fn offer_undo(
        &self,
        notices: Notices,
        title: impl Into<String>,
        restore: impl Fn(&mut Assessment) + Send + Sync + 'static,
    ) {
        let editor = *self;
        notices.info_with_action(title, "Undo", move || {
            if editor.is_open() {
                editor.edit(None, &restore);
            }
        });
    }

    /// Why `candidate` (the open assessment with a change that makes it
    /// larger, such as a new milestone) would not fit in local storage in
    /// place of the version stored now, in words; `None` when it would.
    /// Asked before the change, so that the user hears why instead of
    /// meeting a failed save.
    pub(in crate::app::chunks) fn room_for(&self, candidate: &Assessment) -> Option<String> {
        let key = assessment_key(&candidate.id);
        // Local storage counts UTF-16 code units, two bytes each.
        let size = |text: &str| (key.encode_utf16().count() + text.encode_utf16().count()) * 2;
        let stored = local::raw(&candidate.id).ok().flatten().map_or(0, |text| size(&text));
        let sealed = envelope::seal(candidate, self.revision.get_value() + 1, js_sys::Date::now());
        durability::over_budget(local::used_bytes(), stored, size(&sealed), local::BUDGET_BYTES)
    }

    /// Takes back the last edit.
    pub fn undo(&self) {
        self.step(|history, current| history.undo(current));
    }

    /// Does again what undo took back.
    pub fn redo(&self) {
        self.step(|history, current| history.redo(current));
    }

    fn step(&self, walk: impl FnOnce(&mut History<Assessment>, Assessment) -> Option<Assessment>) {
        if self.read_only {
            return;
        }
        let current = self.doc.get_untracked();
        if let Some(state) = self.history.try_update_value(|h| walk(h, current)).flatten() {
            self.doc.set(state);
            self.after_change();
        }
    }

    fn after_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.save_state.set(SaveState::Pending);
        let editor = *self;
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || editor.flush(), std::time::Duration::from_millis(SAVE_DELAY_MS));
        self.timer.set_value(handle.ok());
    }

    /// Saves now if an edit is waiting.
    pub fn flush(&self) {
        // The editor may already be disposed when the page goes away.
        let Some(state) = self.save_state.try_get_untracked() else {
            return;
        };
        if state != SaveState::Pending {
            return;
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let base = self.revision.get_value();
        let base_saved_at = self.saved_at.get_value();
        // The index's line is as of the day the editor's numbers are.
        let result =
            self.today.with_value(|today| self.doc.with_untracked(|a| local::save_over(a, base, base_saved_at, today)));
        match result {
            Ok((revision, saved_at)) => {
                self.revision.set_value(revision);
                self.saved_at.set_value(Some(saved_at));
                self.save_state.set(SaveState::Saved);
            }
            Err(error) => self.save_state.set(SaveState::Failed(error)),
        }
        if let Some(library) = self.library {
            library.measure();
        }
    }

    /// Another tab saved this assessment. With nothing waiting to be saved
    /// here, show theirs at once (as a step that undo can take back); with an
    /// edit waiting, leave it: its save will be refused as a conflict, and
    /// the user chooses. When the other tab saved the same revision as this
    /// one at the same moment, over this tab's save, this tab's version is
    /// kept on screen and the user chooses too.
    fn saved_elsewhere(&self) {
        if self.read_only || self.save_state.try_get_untracked() != Some(SaveState::Saved) {
            return;
        }
        let id = self.doc.with_untracked(|a| a.id.clone());
        let Some((revision, saved_at)) = local::stamp(&id) else { return };
        let mine = self.revision.get_value();
        if revision > mine {
            if let Ok(Some(Ok(stored))) = local::open(&id) {
                self.take(stored);
            }
        } else if revision == mine && self.saved_at.get_value().is_some_and(|own| own != saved_at) {
            self.save_state.set(SaveState::Failed(StorageError::Conflict { stored: revision, base: mine }));
        }
    }

    /// Shows a stored version in place of this tab's, as one undo step.
    fn take(&self, stored: Stored) {
        let doc = self.doc;
        self.history.update_value(|h| h.record(None, js_sys::Date::now(), || doc.get_untracked()));
        self.doc.set(stored.assessment);
        self.revision.set_value(stored.revision);
        self.saved_at.set_value(Some(stored.saved_at));
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.save_state.set(SaveState::Saved);
    }

    /// After a conflict: drops this tab's unsaved version for the one another
    /// tab saved (undo brings this tab's version back, to copy from).
    pub fn reload_theirs(&self) -> Result<(), StorageError> {
        let id = self.doc.with_untracked(|a| a.id.clone());
        match local::open(&id)? {
            Some(Ok(stored)) => {
                self.take(stored);
                Ok(())
            }
            Some(Err(_)) => Err(StorageError::Protected("it can no longer be opened here".to_string())),
            None => Err(StorageError::Failed("the other tab deleted it".to_string())),
        }
    }

    /// After a conflict: keeps the other tab's version where it is, and saves
    /// this tab's as a new assessment; returns the new id, to open it.
    pub fn keep_both(&self) -> Result<String, StorageError> {
        let mut mine = self.doc.get_untracked();
        mine.id = new_id();
        mine.title = format!("{} (copy)", mine.title);
        self.today.with_value(|today| local::save(&mine, 0, today))?;
        // Nothing of this tab's version is left to save under the old id.
        self.save_state.set(SaveState::Saved);
        if let Some(library) = self.library {
            library.refresh();
        }
        Ok(mine.id)
    }

    /// Tries the failed save again (after the user freed space, say).
    pub fn retry_save(&self) {
        if matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.save_state.set(SaveState::Pending);
            self.flush();
        }
    }

    /// The assessment as it is now, for export.
    pub fn snapshot(&self) -> Assessment {
        self.doc.get_untracked()
    }
}

/// The open assessment's editor, from context.
pub(in crate::app::chunks) fn use_editor() -> Editor {
    expect_context::<Editor>()
}

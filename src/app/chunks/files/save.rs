//! The open assessment's file bar: which file it is linked to and whether
//! the working copy has changes the file does not, "Save to file" and
//! Ctrl+S / Cmd+S. Saving writes the canonical file back where it lives;
//! when the file changed on disk since Gapmap last read or wrote it
//! (another editor, a `git pull`), saving says so and offers to merge the
//! two (the last version read or written as the base), to overwrite it, or
//! to cancel. Not linked yet, saving asks where (and links that file).
//! Where the browser cannot write files in place, Save downloads a copy,
//! as Export does, and says so.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{access, link};
use crate::app::chunks::assessment::editor::Editor;
use crate::app::chunks::export_file::download_assessment;
use crate::app::chunks::merge::{self, MergeAsk};
use crate::app::dialog::Dialog;
use crate::app::files;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::core::{format, Assessment};

/// The file changed on disk since Gapmap last read or wrote it.
#[derive(Clone)]
struct Changed {
    name: String,
    /// What the file holds now, or why it cannot be merged.
    theirs: Result<Assessment, String>,
}

/// Everything a save needs, carried into its task.
#[derive(Clone, Copy)]
struct Saver {
    editor: Editor,
    library: Library,
    notices: Notices,
    changed: RwSignal<Option<Changed>>,
    busy: StoredValue<bool>,
}

impl Saver {
    /// Saves as the user asked (the button, Ctrl+S).
    fn save(self) {
        if !access::is_supported() {
            let result = download_assessment(self.library, &self.editor.snapshot());
            match result {
                Ok(()) => self.notices.info(
                    "This browser cannot save to a file where it lives: a copy was downloaded instead (as Export does).",
                ),
                Err(why) => self.notices.error("The copy was not downloaded.", vec![why]),
            }
            return;
        }
        if self.busy.get_value() {
            return;
        }
        self.busy.set_value(true);
        spawn_local(async move {
            if let Err(why) = self.save_in_place().await {
                self.notices.error("The file was not saved.", vec![why]);
            }
            let _ = self.busy.try_set_value(false);
        });
    }

    /// Writes the linked file, unless it changed on disk; not linked, asks
    /// where to save.
    async fn save_in_place(self) -> Result<(), String> {
        let ours = self.editor.snapshot();
        let Some(handle) = link::handle(&ours.id) else {
            let suggested = files::file_name(&ours.title, "json");
            let Some(handle) = access::pick_to_save(&suggested).await? else { return Ok(()) };
            return self.write(handle, &ours).await;
        };
        access::allow_writing(&handle).await?;
        let disk = access::read(&handle).await?;
        let last = link::last_text(&ours.id);
        let on_disk = format::load(disk.as_bytes()).map(|a| (format::save(&a), a));
        let mine = format::save(&ours);
        let unchanged = match &on_disk {
            Ok((text, _)) => last.as_ref() == Some(text) || *text == mine,
            Err(_) => false,
        };
        if unchanged {
            return self.write(handle, &ours).await;
        }
        let theirs = match on_disk {
            Ok((_, theirs)) if theirs.id == ours.id => Ok(theirs),
            Ok(_) => Err("It now holds another assessment (another id).".to_string()),
            Err(_) => Err("It is no longer a valid Gapmap file.".to_string()),
        };
        self.changed.set(Some(Changed { name: handle.name(), theirs }));
        Ok(())
    }

    /// Writes `assessment` to the file, and links the file to it.
    async fn write(self, handle: web_sys::FileSystemFileHandle, assessment: &Assessment) -> Result<(), String> {
        let text = format::save(assessment);
        access::write(&handle, &text).await?;
        self.library.mark_exported([assessment.id.as_str()]);
        link::link(self.library, &assessment.id, handle, text);
        Ok(())
    }

    /// Overwrites the file that changed on disk with the working copy.
    fn overwrite(self) {
        self.changed.set(None);
        let Some(handle) = link::handle(&self.editor.with_untracked(|a| a.id.clone())) else { return };
        spawn_local(async move {
            if let Err(why) = self.write(handle, &self.editor.snapshot()).await {
                self.notices.error("The file was not saved.", vec![why]);
            }
        });
    }

    /// What the merge view needs to merge the file on disk into the
    /// working copy; its Apply takes the result as one undo step, counts
    /// the file's version as read, and saves again.
    fn merge_ask(self, theirs: Assessment, name: String, merging: RwSignal<Option<MergeAsk>>) -> MergeAsk {
        let id = theirs.id.clone();
        let base = link::last_text(&id).and_then(|text| format::load(text.as_bytes()).ok());
        let read = format::save(&theirs);
        MergeAsk {
            theirs_name: format!("\u{201c}{name}\u{201d} on disk"),
            base,
            ours: self.editor.snapshot(),
            theirs,
            on_apply: Callback::new(move |merged: Assessment| {
                self.editor.replace(merged);
                if let Some(handle) = link::handle(&id) {
                    link::link(self.library, &id, handle, read.clone());
                }
                self.save();
            }),
            // Closed once the click that closed it is handled.
            on_close: Callback::new(move |()| {
                set_timeout(move || merging.set(None), std::time::Duration::ZERO);
            }),
        }
    }
}

/// The file bar of the open assessment (see the module's documentation).
#[component]
pub(in crate::app::chunks) fn FileBar(editor: Editor, library: Library, notices: Notices) -> impl IntoView {
    let id = editor.with_untracked(|a| a.id.clone());
    let supported = access::is_supported();
    if supported {
        let id = id.clone();
        spawn_local(async move { link::restore(library, &id).await });
    }
    let saver = Saver { editor, library, notices, changed: RwSignal::new(None), busy: StoredValue::new(false) };
    let merging = RwSignal::new(None::<MergeAsk>);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && !ev.shift_key() && ev.key().eq_ignore_ascii_case("s") {
            ev.prevent_default();
            saver.save();
        }
    });
    on_cleanup(move || keys.remove());

    let linked = {
        let id = id.clone();
        move || link::linked(&id)
    };
    // Whether the working copy differs from what was last read or written:
    // compared as canonical files, and only while a file is linked.
    let unsaved = Memo::new({
        let linked = linked.clone();
        move |_| linked().map(|l| l.canonical != Some(editor.with(format::save)))
    });
    let status = move || {
        linked().map(|l| {
            let state = if unsaved.get() == Some(true) { "unsaved changes" } else { "saved" };
            view! {
                <span class="file-status" data-testid="file-status" title="The file this assessment is saved to">
                    {format!("{} \u{00b7} {state}", l.name)}
                </span>
            }
        })
    };
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(saver.changed.with(Option::is_some)));
    // Closed with Escape: cancelled.
    Effect::new(move |_| {
        if !open.get() && saver.changed.with_untracked(Option::is_some) {
            saver.changed.set(None);
        }
    });
    let title = Signal::derive(|| "The file changed on disk".to_string());
    // The merge's callbacks belong to the file bar, not to the button that
    // asked for them, which goes with the dialog it is in.
    let owner = Owner::current();
    let merge = move |_| {
        let Some(Changed { name, theirs: Ok(theirs) }) = saver.changed.get_untracked() else { return };
        let ask = match &owner {
            Some(owner) => owner.with(|| saver.merge_ask(theirs, name, merging)),
            None => saver.merge_ask(theirs, name, merging),
        };
        saver.changed.set(None);
        merging.set(Some(ask));
    };
    let merge_view = move || merging.get().map(merge::dialog);
    let (label, hint) = if supported {
        ("Save to file", "Writes the assessment to its file on disk (Ctrl+S)")
    } else {
        ("Save", "This browser cannot save to a file where it lives: Save downloads a copy, as Export does (Ctrl+S)")
    };
    view! {
        {status}
        <button class="button" title=hint aria-keyshortcuts="Control+S" on:click=move |_| saver.save()>
            {label}
        </button>
        <Dialog open title>
            <p>
                {move || saver.changed.with(|c| c.as_ref().map(|c| c.name.clone())).map(|name| format!(
                    "\u{201c}{name}\u{201d} changed on disk since Gapmap last read or wrote it (another editor, or a git pull, may have changed it). Saving now would overwrite those changes."
                ))}
                " "
                {move || saver.changed.with(|c| match c.as_ref().map(|c| &c.theirs) {
                    Some(Err(why)) => format!("{why} Overwrite it, or cancel."),
                    _ => "Merge them into yours, overwrite the file with yours, or cancel.".to_string(),
                })}
            </p>
            <div class="dialog-actions">
                <button class="button" on:click=move |_| saver.changed.set(None)>
                    "Cancel"
                </button>
                <button class="button" on:click=move |_| saver.overwrite()>
                    "Overwrite"
                </button>
                <Show when=move || saver.changed.with(|c| c.as_ref().is_some_and(|c| c.theirs.is_ok()))>
                    <button class="button button-primary" on:click=merge.clone()>
                        "Merge"
                    </button>
                </Show>
            </div>
        </Dialog>
        {merge_view}
    }
}

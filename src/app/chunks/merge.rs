//! The merge view (in the chunks that show it: the library's, for an
//! import; the assessment's, for its linked file): a copy of an assessment that
//! came back (an imported file with an id already in the library, or the
//! linked file changed on disk) merged with the working copy by the core's
//! three-way merge, against the base this browser last exported or
//! imported (or read or wrote): what came in from the other side, each
//! conflict with both values and a choice (yours by default), and "Apply
//! merge", which lands as one undo step. Without a base, every difference
//! is shown for the user to choose.
//!
//! `ask` is what to merge; `engine` turns the core's merge into what the
//! view lists; `view` is the dialog; this file says what is merged and
//! where the result goes.

mod ask;
mod engine;
mod view;

pub use self::ask::MergeAsk;

use leptos::prelude::*;

use super::assessment::editor::{open_editor, replace_when_opened};
use super::files::link;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route, Tab};
use crate::core::Assessment;

/// The merge view of `ask`.
pub(in crate::app::chunks) fn dialog(ask: MergeAsk) -> AnyView {
    view! { <view::MergeDialog ask /> }.into_any()
}

thread_local! {
    /// The merge view shown over the page, for an import: unmounted when dropped.
    static SHOWN: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = std::cell::RefCell::new(None);
}

/// Shows the merge view of an imported assessment `theirs` whose id is in
/// the library, over the page, merged into the open editor's version or
/// else the stored one, against the base this browser kept for the id.
/// The first screen's conflict dialog asks for it: the view is mounted
/// here, with its chunk, so that the first load holds none of it.
pub(in crate::app::chunks) fn import(library: Library, notices: Notices, theirs: Assessment) {
    let id = theirs.id.clone();
    let ours = match open_editor(&id) {
        Some(editor) => editor.snapshot(),
        None => match library.get(&id) {
            Some(Ok(stored)) => stored.assessment,
            _ => {
                return notices.error(
                    format!("\u{201c}{}\u{201d} was not merged.", theirs.title),
                    vec!["The saved one cannot be opened in this version of Gapmap.".to_string()],
                )
            }
        },
    };
    let Some(body) = document().body() else { return };
    let base = library.base(&id);
    let handle = leptos::mount::mount_to(body, move || {
        let ask = MergeAsk {
            theirs_name: "the imported file".to_string(),
            base,
            ours: ours.clone(),
            theirs: theirs.clone(),
            on_apply: Callback::new(move |merged| apply_import(library, notices, &ours, &theirs, merged)),
            // Unmounted once the click that closed it is handled.
            on_close: Callback::new(|()| {
                set_timeout(|| drop(SHOWN.take()), std::time::Duration::ZERO);
            }),
        };
        dialog(ask)
    });
    // A view shown before is replaced (and unmounted).
    SHOWN.set(Some(Box::new(handle)));
}

/// Puts the merged result of an import in place of `ours`, as one undo step
/// of the editor: at once when the assessment is open, else when it is
/// opened, which this does. Refused with a message when the library's
/// version changed while the view was shown (another tab): nothing is lost.
fn apply_import(library: Library, notices: Notices, ours: &Assessment, theirs: &Assessment, merged: Assessment) {
    let id = merged.id.clone();
    let title = merged.title.clone();
    let refuse = || {
        notices.error(
            format!("\u{201c}{title}\u{201d} was not merged."),
            vec!["It changed while the merge was shown (in another tab?). Import the file again to merge it.".into()],
        )
    };
    match open_editor(&id) {
        Some(editor) => {
            if editor.snapshot() != *ours {
                return refuse();
            }
            editor.replace(merged);
        }
        None => {
            if !matches!(library.get(&id), Some(Ok(stored)) if stored.assessment == *ours) {
                return refuse();
            }
            replace_when_opened(merged);
            navigate(&Route::Assessment { id, tab: Tab::Overview });
        }
    }
    library.keep_base_of(theirs);
    link::complete(library, theirs);
    notices.info(format!("Merged the imported file into \u{201c}{title}\u{201d}. Undo takes the merge back."));
}

//! Starting one of the library's actions from the first screen: behind its
//! door (the core's chunk, fetched on first use), with a message when the
//! chunk cannot be had.

use super::action::Action;
use super::state::Library;
use crate::app::chunks;

/// Does `action` behind its door; says so when its chunk could not be fetched.
pub fn act(library: Library, action: Action) {
    let notices = library.notices();
    let what = action.what();
    leptos::task::spawn_local(async move {
        if let Err(error) = chunks::library_action(library, action).await {
            notices.error(format!("{what} failed."), vec![error.to_string()]);
        }
    });
}

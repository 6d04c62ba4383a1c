//! Rebuilding a stale library index: when the list was read from quick
//! lines because the stored index did not match the stored entries, the
//! shell rebuilds the index with the core (behind the door of
//! `chunks::rebuild_index`), once the page is painted, and shows it. The
//! App gives [`rebuild`] to the [`Library`] it opens.

use leptos::prelude::*;

use super::state::Library;
use crate::app::chunks;

/// Rebuilds the index with the core, once the page is painted, and shows
/// it. One at a time: a refresh meanwhile shows quick lines, and the
/// rebuild's end reads the list again.
pub fn rebuild(library: Library) {
    let rebuilding = library.rebuilding;
    if rebuilding.try_get_value() != Some(false) {
        return;
    }
    rebuilding.set_value(true);
    let notices = library.notices();
    // After the next frame: the first paint does not wait for the chunk.
    request_animation_frame(move || {
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    let rebuilt = chunks::rebuild_index().await;
                    if rebuilding.try_set_value(false).is_some() {
                        return;
                    }
                    match rebuilt {
                        Ok(Ok(rebuilt)) => library.show_rebuilt(rebuilt),
                        Ok(Err(error)) => notices.error("The library could not be read.", vec![error.to_string()]),
                        Err(error) => notices.error_with_action(
                            "The library\u{2019}s scores could not be computed.",
                            vec![error.to_string()],
                            "Try again",
                            move || library.refresh(),
                        ),
                    }
                })
            },
            std::time::Duration::ZERO,
        )
    });
}

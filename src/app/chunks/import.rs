//! The import with the core, behind the library's doors: files the user
//! picked or dropped (`files`), the choice for an id already in the library
//! (`conflict`), Markdown documents read, previewed and confirmed
//! (`markdown`); and how one assessment comes in without overwriting
//! another (`offer`, also used by share links). The first screen's side
//! (the button, drops, dialogs and the queues they show) is `app::import`.

pub(super) mod conflict;
pub(super) mod files;
pub(super) mod markdown;
pub(super) mod offer;

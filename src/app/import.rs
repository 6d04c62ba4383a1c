//! Files in, on the first screen: the "Import" button and drops anywhere
//! on the page (`picker`), and the dialogs of imports that wait for the
//! user (`conflict_dialog`: an id already in the library; `markdown_dialog`:
//! a Markdown document to confirm), over the contexts of `waiting`. The
//! import itself, with the core, is in the library's chunk
//! (`chunks/import/`).

pub mod conflict_dialog;
pub mod markdown_dialog;
pub mod picker;
pub mod waiting;

//! Files where they live (the File System Access API of Chromium-based
//! browsers): "Open file…" on the library screen (`open`, a library action
//! in its chunk), and the open assessment's file bar, "Save to file" and
//! Ctrl+S (`save`, which comes with the assessment's views), over the links of assessments to files (`link`, their handles
//! kept across reloads by `handles`) and the API's calls (`access`, the only
//! file that makes them). Where the API is absent, Open file… is not
//! offered and Save downloads a copy; local storage holds the working copy
//! either way, so nothing depends on a file being reachable.

pub(super) mod access;
mod handles;
pub(super) mod link;
pub(super) mod open;
pub(super) mod save;

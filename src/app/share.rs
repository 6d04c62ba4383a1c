//! Share links on the first load: whether the page's address holds one
//! (`address`), and waiting for one, at start or pasted later, to bring in
//! the dialog that reads it (`links`; the dialog and the link's decoder
//! are the `gapmap_share` chunk, `chunks/share.rs`). "Copy share link" is
//! in the open assessment's header (`chunks/assessment/share_button.rs`).

pub mod address;
pub mod links;

//! Controls shared by every view: labelled fields that check what is typed
//! before it reaches the assessment, dialogs, and "how is this computed"
//! disclosures.

pub mod dialog;
pub mod explain;
pub mod fields;

//! The library: every assessment saved in this browser, and what can be done
//! with them (create, open, rename, duplicate, delete with undo, import,
//! export). It is the first screen, and all of it comes with the first load;
//! what needs the core is asked for through the doors of `chunks`.
//!
//! - `state`: the [`state::Library`] context and its plain reads and writes
//!   of local storage.
//! - `action`: the actions that need the core; `act` starts one behind its
//!   door; `index` rebuilds a stale index (the shell gives it to the
//!   Library).
//! - `screen`: the first screen (the "New assessment" dialog itself comes
//!   with the library's chunk); `row`: one line of its list.

pub mod act;
pub mod action;
pub mod index;
pub mod row;
pub mod screen;
pub mod state;

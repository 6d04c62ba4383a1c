//! The open assessment, the `gapmap_assessment` chunk: its screen (loaded
//! from storage into an [`editor::Editor`], with its header and tabs), and
//! everything only it uses.
//!
//! - `screen`: opening it (or saying why it cannot be opened); `header`:
//!   title, save state, undo and redo, share and export, the tab bar;
//!   `save_status`: the save state and what to do when saving fails.
//! - `editor`: the open assessment's state, undo and saving.
//! - The tabs: `overview`, `next` (next steps), `gaps`, `roadmap`, `costs`,
//!   `kpis_risks`, `history` (milestones and the comparison of two states),
//!   `report`, `settings`.
//! - What several tabs share: `figures` (numbers as shown), `phase_terms`
//!   (the terms of a phase's figures), `charts`, `comparison` (two states
//!   compared, in History and the report), `past` (the milestones with
//!   their numbers, in History and the trend), `explain`, `edits` (the
//!   changes of phases and roles), `roles`, `links`, `focus`, `rate_link`
//!   (money unknown for want of rates, linked to where they are entered),
//!   `safe_link` (an address as a link only when `core::present::link`
//!   allows it).
//! - `exports`: the header's "More exports" menu; `share_button`: "Copy
//!   share link".

mod charts;
mod comparison;
mod costs;
pub(super) mod editor;
mod explain;
mod exports;
mod figures;
mod focus;
mod gaps;
mod header;
mod history;
mod kpis_risks;
mod links;
mod next;
mod overview;
mod past;
mod phase_terms;
mod rate_link;
mod report;
mod roadmap;
mod roles;
mod safe_link;
mod save_status;
mod screen;
mod settings;
mod share_button;

use leptos::prelude::*;

use crate::app::route::Tab;

/// The screen of the open assessment `id`, on tab `tab`, ready to mount.
pub(super) fn screen(id: String, tab: Memo<Tab>) -> AnyView {
    view! { <screen::AssessmentScreen id tab /> }.into_any()
}

//! Money that is unknown for want of weekly rates, shown as the core words
//! it ("unknown — no rate for Engineers, QA"), with those words a link to
//! where rates are entered: the Roles of the Costs tab, the cursor in the
//! weekly rate of the first of those roles. Also the stated amount beside
//! the computed one (`display::stated_beside_computed`), linked the same way.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::editor::Editor;
use super::links::tab_href;
use crate::app::route::Tab;
use crate::core::numbers::summary::Bounds;
use crate::core::present::display;

/// How many frames a followed link waits for the rate field to be drawn:
/// the link changes the address first, and the Costs tab follows.
const FRAMES_TO_WAIT: u32 = 60;

/// `text` as shown, with its ending "unknown — no rate for …" (naming the
/// roles of `missing`) a link to the rate of the first of them; plain text
/// when it has no such ending.
pub(super) fn rates_linked(editor: Editor, text: String, missing: &[String]) -> AnyView {
    let why = display::unknown_rates(missing);
    let before = match text.strip_suffix(&why) {
        Some(before) if !missing.is_empty() => before.to_string(),
        _ => return text.into_any(),
    };
    // The first role that lacks a rate and is named: where the cursor goes.
    let role =
        editor.with_untracked(|a| a.roles.iter().position(|r| r.weekly_rate.is_none() && missing.contains(&r.name)));
    let follow = move |_| {
        if let Some(position) = role {
            focus_rate(position, FRAMES_TO_WAIT);
        }
    };
    view! {
        {before}
        <a href=tab_href(editor, Tab::Costs) on:click=follow>
            {why}
        </a>
    }
    .into_any()
}

/// Money that needs weekly rates (`display::money_or_unknown`), linked as
/// [`rates_linked`] says when it is unknown.
pub(super) fn money_linked(editor: Editor, b: Option<Bounds>, missing: &[String], currency: &str) -> AnyView {
    rates_linked(editor, display::money_or_unknown(b, missing, currency), missing)
}

/// A stated amount beside the computed one ("stated $120,000–$160,000 ·
/// computed …"), linked as [`rates_linked`] says when the computed one is
/// unknown.
pub(super) fn stated_linked(
    editor: Editor,
    stated: Bounds,
    computed: Option<Bounds>,
    missing: &[String],
    currency: &str,
) -> AnyView {
    rates_linked(editor, display::stated_beside_computed(stated, computed, missing, currency), missing)
}

/// What a total unknown for want of rates says of itself: it is
/// incomplete, and which part of it is known.
pub(super) fn incomplete_total(one_off: f64, currency: &str) -> String {
    format!(
        "Incomplete: the one-off costs ({}) are known; labor is not until every role in a team has a weekly rate.",
        display::money(one_off, currency)
    )
}

/// Puts the cursor in the weekly rate of the role at `position` once it
/// is drawn, looking again at each of the next `frames` frames.
fn focus_rate(position: usize, frames: u32) {
    request_animation_frame(move || match rate_field(position) {
        Some(field) => {
            let _ = field.focus();
        }
        None if frames > 0 => focus_rate(position, frames - 1),
        None => {}
    });
}

/// The weekly rate field of the role at `position` on the Costs tab, if it
/// is drawn: the table lists the roles in their order. A position, not the
/// role's id, goes into the selector: an imported id may hold any character.
fn rate_field(position: usize) -> Option<web_sys::HtmlElement> {
    let selector = format!(".roles-table tbody tr:nth-child({}) .role-rate input", position + 1);
    document().query_selector(&selector).ok()??.dyn_into().ok()
}

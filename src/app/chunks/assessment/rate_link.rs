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
    let role = editor.with_untracked(|a| {
        a.roles.iter().find(|r| r.weekly_rate.is_none() && missing.contains(&r.name)).map(|r| r.id.clone())
    });
    let follow = move |_| {
        if let Some(role) = role.clone() {
            focus_rate(role, FRAMES_TO_WAIT);
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

/// Puts the cursor in the weekly rate of role `role` once it is drawn,
/// looking again at each of the next `frames` frames.
fn focus_rate(role: String, frames: u32) {
    request_animation_frame(move || match rate_field(&role) {
        Some(field) => {
            let _ = field.focus();
        }
        None if frames > 0 => focus_rate(role, frames - 1),
        None => {}
    });
}

/// The weekly rate field of role `role` on the Costs tab, if it is drawn.
/// The id is compared, not put into a selector: an imported id may hold
/// any character.
fn rate_field(role: &str) -> Option<web_sys::HtmlElement> {
    let rows = document().query_selector_all("[data-role-id]").ok()?;
    let row = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|row| row.get_attribute("data-role-id").as_deref() == Some(role))?;
    row.query_selector(".role-rate input").ok()??.dyn_into().ok()
}

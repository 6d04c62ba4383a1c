//! Computed figures as the tabs show them: ranges of numbers and of money,
//! inputs with the decimals they were typed with, a phase's load as a pill,
//! and the open assessment's currency. The numbers themselves come from the
//! core (`core::present::display` formats them).

use leptos::prelude::*;

use super::editor::use_editor;
use crate::core::numbers::cost::Load;
use crate::core::numbers::summary::Bounds;
use crate::core::present::display::{money_range, range};

/// A range of numbers as shown.
pub(super) fn bounds(b: Bounds) -> String {
    range(b.min, b.max)
}

/// A range of inputs such as FTEs or weeks, with the decimals they were
/// typed with (the core keeps two): `0.25–0.5`, where [`bounds`] would
/// show the one decimal of computed figures.
pub(super) fn typed_bounds(b: Bounds) -> String {
    if b.min == b.max {
        b.min.to_string()
    } else {
        format!("{}–{}", b.min, b.max)
    }
}

/// A range of money as shown.
pub(super) fn money_bounds(b: Bounds, currency: &str) -> String {
    money_range(b.min, b.max, currency)
}

/// A range of money that needs weekly rates, or why it is unknown
/// ("unknown — no rate for …", naming the roles in `missing`).
pub(super) fn money_or_unknown(b: Option<Bounds>, missing: &[String], currency: &str) -> String {
    crate::core::present::display::money_or_unknown(b, missing, currency)
}

/// The pill class and word of a load: the word always comes with the colour.
pub(super) fn load_pill(load: Load) -> (&'static str, &'static str) {
    let class = match load {
        Load::Ok => "pill pill-ok",
        Load::AtRisk => "pill pill-warn",
        Load::Over => "pill pill-danger",
    };
    (class, load.label())
}

/// The open assessment's currency code, tracked.
pub(super) fn use_currency() -> Memo<String> {
    let editor = use_editor();
    Memo::new(move |_| editor.with(|a| a.currency.clone()))
}

//! A share link in the page's address (`#a=<payload>`): finding it, and
//! taking it out once it is read. The payload itself is made and read by
//! [`crate::core::format::share`], in the share chunk.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::route::Route;
use crate::core::format::share::payload_in_fragment;

/// The share link in the page's address, if there is one.
pub fn payload_here() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    payload_in_fragment(&hash).map(str::to_string)
}

/// Removes the share link from the address without a new history entry, so
/// that a reload does not ask again.
pub fn clear_fragment() {
    let location = window().location();
    let page = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{page}{}", Route::Library.href())));
    }
}

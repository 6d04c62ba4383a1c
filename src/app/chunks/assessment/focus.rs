//! Focus after adding something: the cursor goes to what the user will
//! type next.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Once the view has drawn it, puts the cursor in the first input of the
/// element that `selector` finds, with its text selected to type over.
pub(super) fn focus_new(selector: String) {
    request_animation_frame(move || {
        if let Ok(Some(input)) = document().query_selector(&format!("{selector} input")) {
            let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(input);
            let _ = input.focus();
            input.select();
        }
    });
}

/// Focuses the first element that matches `selector`, if any.
pub(super) fn focus_first(selector: &str) {
    if let Some(element) = document().query_selector(selector).ok().flatten() {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

//! Focus after adding a row: the cursor goes to what the user will type
//! next.

use leptos::prelude::*;

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

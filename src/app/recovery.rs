//! The screen of last resort: when the app panics, the panic hook shows it
//! instead of a dead page. It says what happened, offers "Download my data"
//! (every Gapmap key in local storage, as one JSON file) and "Reload".
//!
//! It is built with plain DOM calls, not Leptos: after a panic the reactive
//! runtime may be half-way through an update, and WebAssembly stops at the
//! end of the hook. So nothing on this screen calls back into Rust: the data
//! is read and put into a blob now, the download is a link to that blob, and
//! "Reload" is a link to the page itself.

use wasm_bindgen::{JsCast, JsValue};

use super::files;
// Storage is read here itself, not through the `Library` like everywhere
// else: after a panic the reactive runtime may be half-way through an
// update, and no context can be looked up. `dump` reads plain text only.
use crate::storage::local;

/// The id of the screen, so that a second panic does not show a second one.
const SCREEN_ID: &str = "gapmap-recovery";

/// Shows the recovery screen over whatever is left of the app. `details` is
/// the panic's message, shown as text under a disclosure. Never panics: a
/// panic inside a panic hook would abort before the screen appears.
pub fn show(details: &str) {
    let _ = try_show(details);
}

fn try_show(details: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    if document.get_element_by_id(SCREEN_ID).is_some() {
        return Ok(());
    }
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    // What is left of the app can no longer respond: take it out of sight
    // (`body.crashed` in main.css), and out of reach of the mouse, the
    // keyboard and screen readers.
    body.class_list().add_1("crashed")?;
    let children = body.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            child.set_attribute("inert", "")?;
            child.set_attribute("aria-hidden", "true")?;
        }
    }

    let element = |tag: &str, class: &str, text: &str| -> Result<web_sys::Element, JsValue> {
        let el = document.create_element(tag)?;
        if !class.is_empty() {
            el.set_attribute("class", class)?;
        }
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        Ok(el)
    };

    let screen = element("div", "recovery", "")?;
    screen.set_id(SCREEN_ID);
    screen.set_attribute("role", "alertdialog")?;
    screen.set_attribute("aria-modal", "true")?;
    screen.set_attribute("aria-labelledby", "gapmap-recovery-title")?;
    let panel = element("div", "recovery-panel", "")?;
    let title = element("h1", "", "Gapmap stopped working")?;
    title.set_id("gapmap-recovery-title");
    panel.append_child(&title)?;
    let message = element(
        "p",
        "",
        "An error in Gapmap stopped the app. What was saved in this browser is still there: download it to keep a \
         copy, then reload. An edit made in the last moment before the error may be missing.",
    )?;
    panel.append_child(&message)?;

    let actions = element("div", "recovery-actions", "")?;
    let download = element("a", "button button-primary", "Download my data")?;
    download.set_attribute("download", "gapmap-data.json")?;
    let url = files::object_url(&local::dump(), "application/json").map_err(|e| JsValue::from_str(&e))?;
    download.set_attribute("href", &url)?;
    actions.append_child(&download)?;
    // A link to the page without its fragment loads it anew, at the library:
    // reopening the assessment that crashed could crash again.
    let location = window.location();
    let page = format!("{}{}", location.pathname()?, location.search()?);
    let reload = element("a", "button", "Reload")?;
    reload.set_attribute("href", &page)?;
    actions.append_child(&reload)?;
    panel.append_child(&actions)?;

    let disclosure = element("details", "recovery-details", "")?;
    let summary = element("summary", "", "Technical details")?;
    disclosure.append_child(&summary)?;
    let text = element("pre", "", details)?;
    disclosure.append_child(&text)?;
    panel.append_child(&disclosure)?;

    screen.append_child(&panel)?;
    body.append_child(&screen)?;
    if let Some(link) = download.dyn_ref::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
    Ok(())
}

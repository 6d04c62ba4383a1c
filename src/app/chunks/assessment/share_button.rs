//! "Copy share link" in the open assessment's header: the link of the
//! assessment (made by [`crate::core::format::share`]), put on the clipboard when
//! the browser allows, and shown in a dialog with its length, so that it
//! can also be copied by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::editor::use_editor;
use crate::app::dialog::Dialog;
use crate::core::format::share::{self, SAFE_LINK_CHARS};

/// The "Copy share link" button: makes the link of the open assessment, puts
/// it on the clipboard when the browser allows, and shows it in a dialog with
/// its length, so that it can also be copied by hand.
#[component]
pub(super) fn ShareButton() -> impl IntoView {
    let editor = use_editor();
    let open = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    // None while the clipboard is being asked; then whether it took the link.
    let copied = RwSignal::new(None::<bool>);
    let make = move |_| {
        let page = window().location().href().unwrap_or_default();
        let text = share::link(&page, &share::encode(&editor.snapshot()));
        link.set(text.clone());
        copied.set(None);
        open.set(true);
        spawn_local(async move {
            let done = copy_to_clipboard(&text).await;
            let _ = copied.try_set(Some(done));
        });
    };
    let chars = move || link.with(|l| l.chars().count());
    let select_all = |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    let title = Signal::derive(|| "Share link".to_string());
    view! {
        <button class="button" on:click=make>
            "Copy share link"
        </button>
        <Dialog open title>
            <p role="status" data-testid="share-copied">
                {move || match copied.get() {
                    None => "Copying…",
                    Some(true) => "The link is on the clipboard.",
                    Some(false) => "This browser did not let Gapmap use the clipboard: select the link below and copy it.",
                }}
            </p>
            <label class="field share-link">
                <span class="field-label">"Link"</span>
                <input
                    type="text"
                    readonly
                    prop:value=move || link.get()
                    data-testid="share-link"
                    on:focus=select_all
                />
            </label>
            <p class="hint" data-testid="share-length">{move || format!("{} characters.", chars())}</p>
            {move || {
                share::is_too_long_to_send(chars())
                    .then(|| {
                        view! {
                            <p class="banner banner-warning" data-testid="share-too-long">
                                {format!(
                                    "This link is longer than the {SAFE_LINK_CHARS} characters that mail and chat tools carry safely: it may arrive cut short. Send the JSON file instead (Export)."
                                )}
                            </p>
                        }
                    })
            }}
            <p class="hint">
                "The assessment travels inside the link, after the \u{201c}#\u{201d}, which browsers never send to a server. Anyone who has the link can read it."
            </p>
            <div class="dialog-actions">
                <button class="button button-primary" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </Dialog>
    }
}

/// Puts `text` on the clipboard; false when the browser has no clipboard
/// here (file:// and plain http pages in some browsers) or refuses.
async fn copy_to_clipboard(text: &str) -> bool {
    // Through Reflect: `navigator.clipboard` is undefined outside secure
    // contexts, and calling a method on it would throw.
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else { return false };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else { return false };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else { return false };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else { return false };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return false };
    JsFuture::from(promise).await.is_ok()
}

//! Offline and installable: registers the service worker that each build
//! writes (`public/sw.js`, filled in by `scripts/post-build.mjs`), offers
//! "Update available — reload" when a new release is installed and waits
//! (unless the open assessment's editor refuses the reload, through the
//! [`LeaveGuard`] context), and asks the browser to keep Gapmap's storage
//! (`navigator.storage.persist()`).
//!
//! The worker is registered only on http(s) pages whose browser offers one:
//! not from file:// (the portable build), nor on insecure origins, where
//! `navigator.serviceWorker` does not exist.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::notices::Notices;
use super::route::LeaveGuard;

/// The worker's file, relative to the page, so that its scope is the page's
/// folder and the app works under any sub-path (`/gapmap/`).
const WORKER: &str = "sw.js";

/// What the page tells a waiting worker to make it take over (public/sw.js).
const ACTIVATE_MESSAGE: &str = "activate-update";

/// Whether `object` has a property `name` that is set: web-sys would call
/// into `undefined` when the browser leaves an API out.
fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined() && !value.is_null())
}

/// The page's service worker container, where the app may have one.
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    has(&navigator, "serviceWorker").then(|| navigator.service_worker())
}

/// The browser's storage manager, where it offers one.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    has(&navigator, "storage").then(|| navigator.storage())
}

/// Starts what makes the app work offline: registers the service worker and
/// asks the browser to keep local storage (when it gives any:
/// `has_storage`). Returns a signal that turns true when a new release is
/// installed and waits for a reload.
pub fn start(has_storage: bool) -> RwSignal<bool> {
    let update_ready = RwSignal::new(false);
    register(update_ready);
    if has_storage {
        spawn_local(async {
            let _ = request_persistence().await;
        });
    }
    update_ready
}

/// Registers the worker and watches for a new one. A new worker that has
/// installed while an older one controls the page is an update; the first
/// install (no controller yet) is not.
fn register(update_ready: RwSignal<bool>) {
    let Some(workers) = container() else { return };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(workers.register(WORKER)).await else { return };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let controlled = || container().is_some_and(|workers| workers.controller().is_some());
        // Installed during an earlier visit, still waiting.
        if registration.waiting().is_some() && controlled() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state_change = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    // The app may be gone by now.
                    let _ = update_ready.try_set(true);
                }
            });
            installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            // The handlers live as long as the page: a few per release.
            on_state_change.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Another tab applied an update: the new worker now serves this page
        // too, whose code (and the chunks it would fetch) is the old
        // release's. Say so, as for an update found here. The first worker
        // taking over a first visit changes the controller too: not an update.
        let mut had_controller = controlled();
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            if had_controller {
                let _ = update_ready.try_set(true);
            }
            had_controller = true;
        });
        if let Some(workers) = container() {
            let _ = workers
                .add_event_listener_with_callback("controllerchange", on_controller_change.as_ref().unchecked_ref());
        }
        on_controller_change.forget();
    });
}

/// Saves the open assessment, lets the waiting release take over, then
/// reloads the page under it. The save is synchronous (local storage), so it
/// is done before anything else happens; the editor would also save on the
/// reload's `pagehide`, but nothing should rest on a single path.
///
/// The editor refuses, through `guard`, when the save did not happen
/// (storage full, a conflict with another tab): then nothing reloads, and
/// the user is told to export first. Returns whether the reload goes ahead.
fn apply_update(guard: LeaveGuard) -> bool {
    if !guard.allows_reload() {
        return false;
    }
    let Some(workers) = container() else {
        reload();
        return true;
    };
    let on_controller_change = Closure::once_into_js(reload);
    workers.set_oncontrollerchange(Some(on_controller_change.unchecked_ref()));
    spawn_local(async move {
        let waiting = JsFuture::from(workers.get_registration())
            .await
            .ok()
            .and_then(|registration| registration.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        let Some(worker) = waiting else {
            // Nothing waits any more (another tab took the update): the
            // newest release is active already.
            reload();
            return;
        };
        let message = js_sys::Object::new();
        let sent = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str(ACTIVATE_MESSAGE))
            .and_then(|_| worker.post_message(&message));
        if sent.is_err() {
            reload();
        }
    });
    true
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Asks the browser to keep Gapmap's storage even when space runs low, and
/// returns its answer: `Some(true)` kept, `Some(false)` it may be cleared,
/// `None` when the browser offers no way to ask. Asking again returns the
/// same answer without bothering the user.
pub async fn request_persistence() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// "Update available — reload", shown while a new release waits.
#[component]
pub fn UpdatePrompt(
    /// True when a new release is installed and waits (from [`start`]).
    ready: RwSignal<bool>,
    /// The check on leaving the open assessment, which its editor sets.
    guard: LeaveGuard,
) -> impl IntoView {
    let notices = use_context::<Notices>();
    let on_reload = move |_| {
        if !apply_update(guard) {
            if let Some(notices) = notices {
                notices.error(
                    "Gapmap did not reload: your latest changes are not saved.",
                    vec![
                        "Reloading now would lose them. Export the assessment first (Export, or \u{201c}Export this assessment\u{201d} in the red banner), then choose Reload again."
                            .to_string(),
                    ],
                );
            }
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner banner-info update-prompt" role="status">
                <p>
                    <strong>"Update available — reload"</strong>
                    " to use the new version of Gapmap. Your work is saved first; if it cannot be, Gapmap does not reload."
                </p>
                <button class="button button-primary" on:click=on_reload>
                    "Reload"
                </button>
            </div>
        </Show>
    }
}

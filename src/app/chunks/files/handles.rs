//! The linked files' handles kept across reloads, in IndexedDB (local
//! storage keeps text only; a file handle survives a reload only in
//! IndexedDB, where the browser stores it as it is). One database,
//! `gapmap-files`, one store, `handles`: assessment id → the file's handle
//! and the canonical text last read from it or written to it (what
//! "unsaved changes" and "changed on disk" compare with after a reload,
//! apart from the library's merge base, which an Export also moves). After
//! a reload the browser asks the user again before Gapmap may write (see
//! `access::allow_writing`).
//!
//! Best effort throughout: a browser without IndexedDB, or one that
//! refuses it, keeps the link for the session only. No call here panics.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemFileHandle, IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "gapmap-files";
const STORE: &str = "handles";

/// A request's result, once it has one.
async fn finished(request: &IdbRequest) -> Option<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failure = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(success.unchecked_ref()));
        request.set_onerror(Some(failure.unchecked_ref()));
    });
    JsFuture::from(promise).await.ok()
}

/// The database, made on first use.
async fn database() -> Option<IdbDatabase> {
    let factory = leptos::prelude::window().indexed_db().ok().flatten()?;
    let request = factory.open_with_u32(DATABASE, 1).ok()?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Some(database) = upgrading.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    finished(&request).await?.dyn_into().ok()
}

/// The store, for reading or for writing.
async fn store(mode: IdbTransactionMode) -> Option<web_sys::IdbObjectStore> {
    database().await?.transaction_with_str_and_mode(STORE, mode).ok()?.object_store(STORE).ok()
}

/// Keeps the handle of the file linked to assessment `id`, with the
/// canonical text Gapmap last read from it or wrote to it: `{handle, text}`.
pub(in crate::app::chunks) async fn keep(id: &str, handle: &FileSystemFileHandle, text: &str) {
    let entry = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&entry, &JsValue::from_str(key), value).is_ok();
    if !(set("handle", handle) && set("text", &JsValue::from_str(text))) {
        return;
    }
    if let Some(store) = store(IdbTransactionMode::Readwrite).await {
        if let Ok(request) = store.put_with_key(&entry, &JsValue::from_str(id)) {
            let _ = finished(&request).await;
        }
    }
}

/// The handle of the file linked to assessment `id`, kept before a reload,
/// and the text last read or written, when kept (a link kept by an earlier
/// version holds the handle alone).
pub(in crate::app::chunks) async fn kept(id: &str) -> Option<(FileSystemFileHandle, Option<String>)> {
    let store = store(IdbTransactionMode::Readonly).await?;
    let request = store.get(&JsValue::from_str(id)).ok()?;
    let value = finished(&request).await?;
    if value.has_type::<FileSystemFileHandle>() {
        return Some((value.unchecked_into(), None));
    }
    let get = |key: &str| js_sys::Reflect::get(&value, &JsValue::from_str(key)).ok();
    let handle = get("handle")?.dyn_into::<FileSystemFileHandle>().ok()?;
    Some((handle, get("text").and_then(|t| t.as_string())))
}

//! The File System Access API (Chromium-based browsers), in one place: the
//! pickers that open and save a file where it lives, reading a picked file,
//! writing one back, and the permission to write it. Every call into that
//! API is here, so that its side effects are in one file, as the reads and
//! downloads of other files are in `app/files.rs`.
//!
//! `showOpenFilePicker` and `showSaveFilePicker`, and the handles'
//! permission calls, are unstable in web-sys (they need
//! `--cfg=web_sys_unstable_apis`, for every build): they are called through
//! `js_sys::Reflect` instead. The handles' own reads and writes
//! (`getFile`, `createWritable`) are stable and typed. No call here panics:
//! each refusal of the browser is an `Err` with a sentence.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemFileHandle, FileSystemWritableFileStream};

use crate::app::files::MAX_READ_BYTES;

/// Whether this browser can open and save files where they live.
pub(in crate::app::chunks) fn is_supported() -> bool {
    let window = leptos::prelude::window();
    ["showOpenFilePicker", "showSaveFilePicker"]
        .iter()
        .all(|name| Reflect::get(&window, &JsValue::from_str(name)).is_ok_and(|f| f.is_function()))
}

/// The pickers' options: Gapmap files only, and, to save, the name offered.
fn options(suggested_name: Option<&str>) -> Object {
    let accept = Object::new();
    let _ = Reflect::set(&accept, &"application/json".into(), &Array::of1(&".json".into()));
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Gapmap assessment".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    if let Some(name) = suggested_name {
        let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options
}

/// Whether a rejection is the user closing the picker: no error to report.
fn is_abort(error: &JsValue) -> bool {
    error.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "AbortError")
}

/// A picker's promise, called on the window: `Ok(None)` when the user
/// closed the picker.
async fn pick(name: &str, options: &Object) -> Result<Option<JsValue>, String> {
    let window = leptos::prelude::window();
    let picker = Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| "This browser cannot open or save files where they live.".to_string())?;
    let promise =
        picker.call1(&window, options).map_err(|_| "The browser refused to open its file picker.".to_string())?;
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(value) => Ok(Some(value)),
        Err(error) if is_abort(&error) => Ok(None),
        Err(_) => Err("The browser refused to open its file picker.".to_string()),
    }
}

/// Asks the user for a Gapmap file to open; `Ok(None)` when they cancel.
pub(in crate::app::chunks) async fn pick_to_open() -> Result<Option<FileSystemFileHandle>, String> {
    let Some(picked) = pick("showOpenFilePicker", &options(None)).await? else { return Ok(None) };
    let first = picked.dyn_into::<Array>().map(|list| list.get(0)).unwrap_or(JsValue::UNDEFINED);
    first.dyn_into().map(Some).map_err(|_| "The picker gave no file.".to_string())
}

/// Asks the user where to save a Gapmap file, offering `suggested_name`;
/// `Ok(None)` when they cancel.
pub(in crate::app::chunks) async fn pick_to_save(suggested_name: &str) -> Result<Option<FileSystemFileHandle>, String> {
    let Some(picked) = pick("showSaveFilePicker", &options(Some(suggested_name))).await? else { return Ok(None) };
    picked.dyn_into().map(Some).map_err(|_| "The picker gave no file.".to_string())
}

/// Makes sure Gapmap may read and write the file, asking the user when the
/// browser wants to (a file linked before a reload). Browsers without the
/// permission calls grant what the picker gave.
pub(in crate::app::chunks) async fn allow_writing(handle: &FileSystemFileHandle) -> Result<(), String> {
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"mode".into(), &"readwrite".into());
    let state = |method: &'static str| {
        let descriptor = descriptor.clone();
        async move {
            let call = Reflect::get(handle, &JsValue::from_str(method)).ok()?.dyn_into::<Function>().ok()?;
            let promise = call.call1(handle, &descriptor).ok()?;
            JsFuture::from(js_sys::Promise::resolve(&promise)).await.ok()?.as_string()
        }
    };
    match state("queryPermission").await.as_deref() {
        None | Some("granted") => return Ok(()),
        Some(_) => {}
    }
    match state("requestPermission").await.as_deref() {
        Some("granted") => Ok(()),
        _ => Err(format!("The browser did not let Gapmap write to \u{201c}{}\u{201d}.", handle.name())),
    }
}

/// Reads the file as text, refusing one larger than any assessment.
pub(in crate::app::chunks) async fn read(handle: &FileSystemFileHandle) -> Result<String, String> {
    let unreadable = |_| format!("\u{201c}{}\u{201d} could not be read.", handle.name());
    let file: web_sys::File = JsFuture::from(handle.get_file()).await.map_err(unreadable)?.unchecked_into();
    if file.size() > MAX_READ_BYTES {
        return Err(format!("\u{201c}{}\u{201d} is too large to be an assessment.", handle.name()));
    }
    let text = JsFuture::from(file.text()).await.map_err(unreadable)?;
    text.as_string().ok_or_else(|| format!("\u{201c}{}\u{201d} is not text.", handle.name()))
}

/// Writes `text` as the whole file: the browser writes a copy and puts it
/// in place on close, so a write that fails halfway leaves the file as it was.
pub(in crate::app::chunks) async fn write(handle: &FileSystemFileHandle, text: &str) -> Result<(), String> {
    let refused = |_| format!("\u{201c}{}\u{201d} could not be written.", handle.name());
    let stream: FileSystemWritableFileStream =
        JsFuture::from(handle.create_writable()).await.map_err(refused)?.unchecked_into();
    let written = match stream.write_with_str(text) {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()),
        Err(error) => Err(error),
    };
    if let Err(error) = written {
        // Dropping the copy leaves the file untouched; the error is the write's.
        let _ = JsFuture::from(stream.abort()).await;
        return Err(refused(error));
    }
    JsFuture::from(stream.close()).await.map(|_| ()).map_err(refused)
}

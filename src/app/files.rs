//! Files in and out: reading files the user picked or dropped, and handing
//! the user a download ([`download`], the one way a file leaves the app).
//! The only place that touches Blob, File and object URLs; it keeps
//! nothing (an export's time is recorded by the library).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file the user gave us, read as text.
#[derive(Clone, Debug)]
pub struct PickedFile {
    pub name: String,
    pub text: Result<String, String>,
}

/// The largest file read at all: the core's cap. Larger ones are refused
/// from their size alone, before a byte is read, so that a 50 MB file never
/// freezes the tab.
pub const MAX_READ_BYTES: f64 = crate::core::format::MAX_FILE_BYTES as f64;

/// The files of a list (from a file input or a drop), taken out of it at
/// once: the list is live, and clearing the input empties it.
pub fn take_files(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads every file, in order.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<PickedFile> {
    let mut read = Vec::with_capacity(files.len());
    for file in &files {
        read.push(read_file(file).await);
    }
    read
}

async fn read_file(file: &web_sys::File) -> PickedFile {
    let name = file.name();
    if file.size() > MAX_READ_BYTES {
        let mb = file.size() / 1_048_576.0;
        let cap = MAX_READ_BYTES / 1_048_576.0;
        return PickedFile {
            name,
            text: Err(format!(
                "The file is {mb:.1} MB, too large to be an assessment: Gapmap reads files up to {cap:.0} MB."
            )),
        };
    }
    let text = match JsFuture::from(file.text()).await {
        Ok(value) => value.as_string().ok_or_else(|| "The file could not be read as text.".to_string()),
        Err(_) => Err("The browser could not read the file.".to_string()),
    };
    PickedFile { name, text }
}

/// Reads a file's bytes, for readers that decode them themselves (the CSV
/// import reads files that spreadsheets saved in legacy code pages).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_READ_BYTES {
        let mb = file.size() / 1_048_576.0;
        let cap = MAX_READ_BYTES / 1_048_576.0;
        return Err(format!("The file is {mb:.1} MB; Gapmap reads files up to {cap:.0} MB."));
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err("The browser could not read the file.".to_string()),
    }
}

/// A URL of `text` as a file of type `mime`, for a link to download. It
/// lives as long as the page (the recovery screen needs one that does).
pub fn object_url(text: &str, mime: &str) -> Result<String, String> {
    let fail = |_| "The browser refused the download.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "The browser refused the download.".to_string();
    let url = object_url(text, mime)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "No link element.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_attribute("hidden", "").map_err(fail)?;
    let body = document.body().ok_or_else(|| "No page body.".to_string())?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    anchor.remove();
    // Revoke later: some browsers start the download after this task ends.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// A file name made from a title: lower case, words joined by dashes.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "assessment" } else { slug };
    format!("{slug}.{extension}")
}

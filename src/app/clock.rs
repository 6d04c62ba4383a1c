//! Dates and times as the user's clock reads them: today's date for a new
//! assessment, and a stored moment (a save, an export) as a local time.
//!
//! Written out here rather than by the browser's `toLocaleString`: the first
//! call of that loads the browser's locale data, a long pause on a slow
//! phone before the library can show.

/// Today as `YYYY-MM-DD`, in the user's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// A moment (milliseconds since the Unix epoch) as `YYYY-MM-DD HH:MM` in
/// the user's time zone.
pub fn local_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

//! The browser entry point that Trunk builds: it installs the panic hook and
//! mounts the app, nothing else. Natively it only says where the app is.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic logs to the console, then puts the recovery screen over the
    // page: never a dead page, and the user's data one click away.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        gapmap::app::recovery::show(&info.to_string());
    }));
    leptos::mount::mount_to_body(gapmap::app::App);
}

/// Panics on purpose, so that the end-to-end test can prove the recovery
/// screen against a real panic (`window.wasmBindings.crash_for_test()`).
/// Nothing in the app calls it; from the console it does what a bug would.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn crash_for_test() {
    panic!("a crash asked for by crash_for_test");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gapmap-web is the browser app: run `make serve` and open http://127.0.0.1:8080.");
    std::process::exit(2);
}

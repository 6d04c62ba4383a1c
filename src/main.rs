//! The browser entry point that Trunk builds: it installs the panic hook and
//! mounts the app, nothing else. Natively it only says where the app is.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gapmap::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gapmap-web is the browser app: run `make serve` and open http://127.0.0.1:8080.");
    std::process::exit(2);
}

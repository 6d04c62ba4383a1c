//! How safe the user's work is in this browser: whether the browser agreed
//! to keep Gapmap's storage, how much of the local storage budget is used,
//! and when each assessment was last exported.

use leptos::prelude::*;

use super::setting::Help;
use crate::app::library::state::use_library;
use crate::app::offline::request_persistence;

/// Storage: whether the browser agreed to keep Gapmap's storage, how much of
/// the local storage budget is used, and when each assessment was last
/// exported (the only copy that survives a cleared browser).
#[component]
pub(super) fn StorageSettings() -> impl IntoView {
    let library = use_library();
    let available = library.is_available();
    // `None` while the browser is asked; then its answer, itself `None` when
    // it offers no way to ask.
    let kept = RwSignal::new(None::<Option<bool>>);
    if available {
        leptos::task::spawn_local(async move {
            let answer = request_persistence().await;
            let _ = kept.try_set(Some(answer));
        });
    }
    let persistence = move || {
        if !available {
            return "No: this browser gives Gapmap no local storage here, so nothing is kept after this page closes unless you export it.";
        }
        match kept.get() {
            None => "Asking the browser\u{2026}",
            Some(Some(true)) => "Yes: the browser keeps Gapmap's storage even when the disk runs low.",
            Some(Some(false)) => {
                "Not guaranteed: the browser may clear Gapmap's storage when the disk runs low. Installing the app or bookmarking it can change that; exported files are always safe."
            }
            Some(None) => "Unknown: this browser does not say whether it keeps the storage. Export your assessments to keep copies.",
        }
    };
    let usage = move || library.usage();
    // Read again after each export: `last_exported` follows them.
    let exports = move || {
        library
            .entries
            .get()
            .into_iter()
            .map(|entry| {
                let when = library.last_exported(&entry.id).unwrap_or_else(|| "Never".to_string());
                view! {
                    <tr>
                        <th scope="row">{entry.title}</th>
                        <td>{when}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="section" aria-labelledby="settings-storage">
            <h2 id="settings-storage">"Storage"</h2>
            <div class="card settings-grid">
                <div class="setting">
                    <span class="field-label">"Kept by the browser"</span>
                    <p class="storage-fact" data-testid="storage-persisted">{persistence}</p>
                    <Help text="Assessments live in this browser's local storage; a browser that agreed to keep it will not clear it to free space." />
                </div>
                <div class="setting">
                    <span class="field-label">"Local storage used"</span>
                    <p class="storage-fact" data-testid="storage-used">{usage}</p>
                    <Help text="Browsers give each site about 5 MB of local storage; Gapmap warns before it is full." />
                </div>
                <div class="setting setting-wide">
                    <table class="exports-table">
                        <caption class="field-label">"Last exported"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Assessment"</th>
                                <th scope="col">"Last exported"</th>
                            </tr>
                        </thead>
                        <tbody>{exports}</tbody>
                    </table>
                    <Help text="An export (the assessment's JSON file, or the whole library) is a copy that no browser can clear." />
                </div>
            </div>
        </section>
    }
}

//! Share links in the app: "Copy share link" in an assessment's header, and
//! the preview that a page opened with `#a=<payload>` shows before anything
//! is imported. The payload itself is made and read by [`crate::core::format::share`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::editor::use_editor;
use super::import::{pending, Landing, Pending};
use super::library::{new_id, use_library};
use super::notices::Notices;
use super::route::{navigate, Route, Tab};
use super::widgets::dialog::Dialog;
use crate::core::format::share::{self, SAFE_LINK_CHARS};
use crate::core::format::validate::Problem;
use crate::core::present::display;
use crate::core::{summarize, Assessment};

/// The "Copy share link" button: makes the link of the open assessment, puts
/// it on the clipboard when the browser allows, and shows it in a dialog with
/// its length, so that it can also be copied by hand.
#[component]
pub fn ShareButton() -> impl IntoView {
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

/// A shared assessment read from the page's address, waiting for the user.
#[derive(Clone)]
struct Shared {
    assessment: Assessment,
    problems: Vec<Problem>,
}

/// The share link in the page's address, if there is one.
fn payload_here() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    share::payload_in_fragment(&hash).map(str::to_string)
}

/// Removes the share link from the address without a new history entry, so
/// that a reload does not ask again.
fn clear_fragment() {
    let location = window().location();
    let page = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{page}{}", Route::Library.href())));
    }
}

/// Waits for a share link in the address, at start or pasted later, and
/// then brings in [`SharedLinkDialog`] (with the link's decoder, in a chunk
/// a first visit without a link never downloads), which reads it.
#[component]
pub fn SharedLinks() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let linked = RwSignal::new(payload_here().is_some());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if !linked.get_untracked() && payload_here().is_some() {
            linked.set(true);
        }
    });
    on_cleanup(move || listener.remove());
    move || {
        linked.get().then(|| {
            Suspend::new(async move {
                match super::chunks::shared_link_dialog().await {
                    Ok(dialog) => Some(dialog),
                    Err(error) => {
                        let _ = linked.try_set(false);
                        notices.error_with_action(
                            "This share link could not be opened.",
                            vec![error.to_string()],
                            "Try again",
                            move || {
                                let _ = linked.try_set(true);
                            },
                        );
                        None
                    }
                }
            })
        })
    }
}

/// Shows what a share link holds (title, system, overall score, counts) and
/// offers to import it. Importing never overwrites: an id already in the
/// library goes to the conflict dialog (replace or keep both).
#[component]
pub fn SharedLinkDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let waiting: Pending = pending();
    let shared = RwSignal::new(None::<Shared>);
    let open = RwSignal::new(false);
    let read = move || {
        let Some(payload) = payload_here() else { return };
        match share::decode(&payload) {
            Ok((assessment, problems)) => {
                shared.set(Some(Shared { assessment, problems }));
                open.set(true);
            }
            Err(error) => {
                clear_fragment();
                notices.error("This share link could not be opened.", vec![error.to_string()]);
            }
        }
    };
    read();
    // A link pasted into the address bar of an open Gapmap changes only the
    // fragment: the page does not load again.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read());
    on_cleanup(move || listener.remove());
    // Closed by Escape or Cancel: nothing is imported, and the link is gone.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && shared.with_untracked(Option::is_some) {
            shared.set(None);
            clear_fragment();
        }
        now
    });
    let import = move |_| {
        let Some(Shared { mut assessment, .. }) = shared.get_untracked() else { return };
        // A link read with problems may lack the id that storage keys need.
        if assessment.id.trim().is_empty() {
            assessment.id = new_id();
        }
        let (id, title) = (assessment.id.clone(), assessment.title.clone());
        let landing = waiting.offer(library, assessment);
        // Emptied first, so that closing the dialog does not clear the link
        // by itself (the effect above): only a landed import clears it.
        shared.set(None);
        open.set(false);
        match landing {
            Landing::Saved => {
                clear_fragment();
                notices.info(format!("Imported \u{201c}{title}\u{201d}."));
                navigate(&Route::Assessment { id, tab: Tab::Overview });
            }
            Landing::Waiting => clear_fragment(),
            // The link stays in the address: once there is room, reloading
            // the page offers it again.
            Landing::Failed(why) => notices.error(
                format!("\u{201c}{title}\u{201d} could not be imported."),
                vec![why, "The link is kept in the address bar: reload the page to try again.".to_string()],
            ),
        }
    };
    let title = Signal::derive(|| "Import a shared assessment".to_string());
    view! {
        <Dialog open title>
            {move || shared.with(|s| s.as_ref().map(preview))}
            <div class="dialog-actions">
                <button class="button" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
                <button class="button button-primary" on:click=import>
                    "Import"
                </button>
            </div>
        </Dialog>
    }
}

/// The facts of a shared assessment, every number from the core.
fn preview(shared: &Shared) -> impl IntoView {
    let a = &shared.assessment;
    let summary = summarize(a);
    let system = if a.system.trim().is_empty() { "—".to_string() } else { a.system.clone() };
    let counts = format!(
        "{} categories, {} gaps, {} phases, {} KPIs, {} risks",
        a.categories.len(),
        a.gaps.len(),
        a.phases.len(),
        a.kpis.len(),
        a.risks.len()
    );
    let problems = shared.problems.len();
    view! {
        <div class="shared-preview">
            <p class="hint">"This link holds an assessment. Nothing is saved until you choose Import."</p>
            <dl class="import-facts">
                <dt>"Title"</dt>
                <dd data-testid="shared-title">{a.title.clone()}</dd>
                <dt>"System"</dt>
                <dd data-testid="shared-system">{system}</dd>
                <dt>"Overall score"</dt>
                <dd class="num" data-testid="shared-overall">{display::score(summary.overall)}</dd>
                <dt>"Contents"</dt>
                <dd data-testid="shared-counts">{counts}</dd>
            </dl>
            {(problems > 0)
                .then(|| {
                    view! {
                        <p class="banner banner-warning">
                            {format!(
                                "It has {problems} problem{} to fix; they are listed once it is imported.",
                                if problems == 1 { "" } else { "s" },
                            )}
                        </p>
                    }
                })}
        </div>
    }
}

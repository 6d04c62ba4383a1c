//! The first screen: the page header, the toolbar (new assessment, import,
//! export all) and the list of saved assessments, one [`LibraryRow`] each.

use leptos::prelude::*;

use super::act::act;
use super::action::{Action, NewAssessment};
use super::row::LibraryRow;
use super::state::use_library;
use crate::app::chunks;
use crate::app::import::picker::ImportButton;
use crate::app::import::waiting::use_pending;

/// The logo: the page's icon, which is `favicon.svg` beside the hosted page
/// and a data: URL inside the portable single file (scripts/portable.mjs),
/// where no file lies beside the page.
fn logo_url() -> String {
    document()
        .query_selector("link[rel=icon]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_else(|| "favicon.svg".to_string())
}

/// The first screen.
#[component]
pub fn LibraryScreen() -> impl IntoView {
    let library = use_library();
    let notices = library.notices();
    let creating = RwSignal::new(false);
    // Set from "Create" until the assessment is made or has failed: a
    // second click or Enter meanwhile creates nothing more. A new opening of
    // the dialog starts ready, whatever an earlier one still waits for.
    let busy = RwSignal::new(false);
    let on_create = Callback::new(move |asked: NewAssessment| {
        let NewAssessment { template, title, request, field } = asked;
        leptos::task::spawn_local(async move {
            let template = match template {
                None => Ok(None),
                // A template's text comes with its chunk, on first use.
                Some(index) => match chunks::template(index).await {
                    Ok(Some(assessment)) => Ok(Some(Box::new(assessment))),
                    Ok(None) => Err(None),
                    Err(error) => Err(Some(error)),
                },
            };
            match template {
                Ok(template) => {
                    let action = Action::Create { template, title, request, field };
                    let what = action.what();
                    if let Err(error) = chunks::library_action(library, action).await {
                        notices.error(format!("{what} failed."), vec![error.to_string()]);
                    }
                }
                Err(Some(error)) => notices.error("The template could not be opened.", vec![error.to_string()]),
                Err(None) => {}
            }
            // A Create of an earlier opening leaves the new one's state alone.
            if request.closings.try_get_value().is_some() {
                let _ = busy.try_set(false);
            }
        })
    });
    // Edits made in an open assessment are saved straight to storage: read
    // the list again whenever the library is shown.
    library.refresh();

    // "Open file…" where the browser opens files where they live (the File
    // System Access API); the rest is behind its door.
    let can_open_files = js_sys::Reflect::get(&window(), &"showOpenFilePicker".into()).is_ok_and(|f| f.is_function());
    let waiting = use_pending();

    let export_all = move |_| {
        let ids: Vec<String> = library.entries.with_untracked(|e| e.iter().map(|e| e.id.clone()).collect());
        if ids.is_empty() {
            notices.info("There is nothing to export yet.");
            return;
        }
        act(library, Action::ExportAll(ids));
    };

    view! {
        <header class="page-header">
            <div class="brand">
                <img src=logo_url() alt="" width="28" height="28" />
                <h1>"Gapmap"</h1>
            </div>
            <p class="tagline">"Readiness assessments whose every number can be explained."</p>
        </header>
        <section class="library" aria-labelledby="library-heading">
            <div class="toolbar">
                <h2 id="library-heading">"Your assessments"</h2>
                <div class="toolbar-actions">
                    <button class="button button-primary" on:click=move |_| {
                        busy.set(false);
                        creating.set(true);
                    }>
                        "New assessment"
                    </button>
                    <ImportButton />
                    {can_open_files.then(|| view! { <button class="button" on:click=move |_| act(library, Action::OpenFile(waiting))>"Open file…"</button> })}
                    <button class="button" on:click=export_all>
                        "Export all"
                    </button>
                    <a class="button" href=crate::app::route::Route::Portfolio.href()>
                        "Portfolio"
                    </a>
                </div>
            </div>
            <p class="hint">
                "Saved in this browser only. Drop Gapmap JSON files anywhere on the page to import them."
            </p>
            <Show
                when=move || !library.entries.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No assessments yet: create one, or import a file."</p> }
            >
                <table class="library-table">
                    <caption class="visually-hidden">"Saved assessments"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Assessment"</th>
                            <th scope="col">"System"</th>
                            <th scope="col">"Assessed"</th>
                            <th scope="col" class="num">"Overall"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col" class="num">"Blockers"</th>
                            <th scope="col">"Last change"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        // A quick line and its full one are one row: only the
                        // numbers change (and an entry found unreadable).
                        <For
                            each=move || library.entries.get()
                            key=|e| (e.id.clone(), e.revision, e.title.clone(), e.unreadable.is_some(), e.read_only)
                            let:entry
                        >
                            <LibraryRow entry />
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
        // The dialog comes with its chunk when first asked for, and is made
        // afresh at each opening; a chunk that cannot be fetched says so.
        {move || {
            creating
                .get()
                .then(|| {
                    Suspend::new(async move {
                        chunks::new_assessment_dialog(creating, busy, on_create).await.unwrap_or_else(|error| {
                            notices.error("The New assessment dialog could not be opened.", vec![error.to_string()]);
                            creating.set(false);
                            ().into_any()
                        })
                    })
                })
        }}
    }
}

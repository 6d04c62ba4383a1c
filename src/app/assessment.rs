//! An open assessment: loads it from storage into an [`Editor`], and shows
//! its header (title, save state, undo, export) and its tabs.

use leptos::prelude::*;

use super::editor::{use_editor, Editor, SaveState};
use super::files;
use super::notices::Notices;
use super::route::{Route, Tab};
use super::{costs, gaps, kpis_risks, overview, roadmap, settings};
use crate::core::export::markdown;
use crate::storage::envelope::Unreadable;
use crate::storage::local;

/// The screen of the assessment `id`, on tab `tab`.
#[component]
pub fn AssessmentScreen(id: String, #[prop(into)] tab: Signal<Tab>) -> impl IntoView {
    match local::open(&id) {
        Ok(Some(Ok(stored))) => {
            let editor = Editor::new(stored.assessment, stored.revision, false);
            provide_context(editor);
            view! { <Opened id tab /> }.into_any()
        }
        Ok(Some(Err(Unreadable::TooNew { message, .. } | Unreadable::Damaged { message }))) => {
            view! { <CannotOpen id message /> }.into_any()
        }
        Ok(None) => view! {
            <CannotOpen id message="There is no assessment with this id in this browser.".to_string() />
        }
        .into_any(),
        Err(error) => view! { <CannotOpen id message=error.to_string() /> }.into_any(),
    }
}

#[component]
fn CannotOpen(id: String, message: String) -> impl IntoView {
    let raw = local::raw(&id).ok().flatten();
    view! {
        <nav class="crumbs">
            <a href=Route::Library.href()>"← Library"</a>
        </nav>
        <div class="banner banner-error" role="alert">
            <p>"This assessment cannot be opened. " {message}</p>
            {raw
                .map(|text| {
                    let name = files::file_name(&id, "txt");
                    view! {
                        <button
                            class="button"
                            on:click=move |_| {
                                let _ = files::download(&name, "text/plain", &text);
                            }
                        >
                            "Download raw text"
                        </button>
                    }
                })}
        </div>
    }
}

#[component]
fn Opened(id: String, tab: Signal<Tab>) -> impl IntoView {
    let editor = use_editor();
    let notices = expect_context::<Notices>();
    let export = move |_| {
        if let Err(e) = files::download_assessment(&editor.snapshot()) {
            notices.error("The export failed.", vec![e]);
        }
    };
    let export_markdown = move |_| {
        let assessment = editor.snapshot();
        let name = files::file_name(&assessment.title, "md");
        if let Err(e) = files::download(&name, "text/markdown", &markdown::report(&assessment)) {
            notices.error("The export failed.", vec![e]);
        }
    };
    // Undo and redo from the keyboard, except inside text fields, where the
    // browser's own undo of typing is what people expect.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || !(ev.ctrl_key() || ev.meta_key()) || ev.key().to_lowercase() != "z" {
            return;
        }
        ev.prevent_default();
        if ev.shift_key() {
            editor.redo();
        } else {
            editor.undo();
        }
    });
    on_cleanup(move || keys.remove());

    let title = move || editor.with(|a| a.title.clone());
    Effect::new(move |_| document().set_title(&format!("{} · Gapmap", title())));
    on_cleanup(|| document().set_title("Gapmap"));

    let tab_id = |t: Tab| format!("tab-{}", t.slug());
    view! {
        <header class="assessment-header">
            <nav class="crumbs" aria-label="Breadcrumb">
                <a href=Route::Library.href()>"← Library"</a>
            </nav>
            <div class="title-row">
                <h1>{title}</h1>
                <SaveStatus />
                <div class="toolbar-actions">
                    <button
                        class="button"
                        prop:disabled=move || !editor.can_undo.get()
                        on:click=move |_| editor.undo()
                        aria-keyshortcuts="Control+Z"
                    >
                        "Undo"
                    </button>
                    <button
                        class="button"
                        prop:disabled=move || !editor.can_redo.get()
                        on:click=move |_| editor.redo()
                        aria-keyshortcuts="Control+Shift+Z"
                    >
                        "Redo"
                    </button>
                    <button class="button" on:click=export_markdown>
                        "Export Markdown"
                    </button>
                    <button class="button button-primary" on:click=export>
                        "Export"
                    </button>
                </div>
            </div>
            <nav role="tablist" class="tabs" aria-label="Assessment views">
                {Tab::ALL
                    .into_iter()
                    .map(|t| {
                        let href = Route::Assessment { id: id.clone(), tab: t }.href();
                        view! {
                            <a
                                role="tab"
                                id=tab_id(t)
                                href=href
                                class="tab"
                                aria-selected=move || (tab.get() == t).to_string()
                                aria-controls="tab-panel"
                            >
                                {t.label()}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
        <SaveFailure />
        <section id="tab-panel" role="tabpanel" class="tab-panel" aria-labelledby=move || tab_id(tab.get())>
            {move || match tab.get() {
                Tab::Overview => view! { <overview::Overview /> }.into_any(),
                Tab::Gaps => view! { <gaps::Gaps /> }.into_any(),
                Tab::Roadmap => view! { <roadmap::Roadmap /> }.into_any(),
                Tab::Costs => view! { <costs::Costs /> }.into_any(),
                Tab::KpisRisks => view! { <kpis_risks::KpisRisks /> }.into_any(),
                Tab::Settings => view! { <settings::Settings /> }.into_any(),
            }}
        </section>
    }
}

/// "Saved", "Saving…" or "Not saved", always visible beside the title.
#[component]
fn SaveStatus() -> impl IntoView {
    let editor = use_editor();
    view! {
        <span class="save-status" role="status">
            {move || match editor.save_state.get() {
                SaveState::Saved => "Saved in this browser",
                SaveState::Pending => "Saving…",
                SaveState::Failed(_) => "Not saved",
                SaveState::ReadOnly => "Read-only",
            }}
        </span>
    }
}

/// A banner that stays while saving fails, with the way out: export.
#[component]
fn SaveFailure() -> impl IntoView {
    let editor = use_editor();
    let notices = expect_context::<Notices>();
    let export = move |_| {
        if let Err(e) = files::download_assessment(&editor.snapshot()) {
            notices.error("The export failed.", vec![e]);
        }
    };
    move || match editor.save_state.get() {
        SaveState::Failed(error) => Some(view! {
            <div class="banner banner-error" role="alert">
                <p>
                    <strong>"Changes are not being saved. "</strong>
                    {error.to_string()}
                    " The last good save is kept; export to keep what is on screen."
                </p>
                <button class="button button-primary" on:click=export>
                    "Export this assessment"
                </button>
                <button class="button" on:click=move |_| editor.retry_save()>
                    "Try saving again"
                </button>
            </div>
        }),
        _ => None,
    }
}

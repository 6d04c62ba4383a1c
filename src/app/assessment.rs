//! An open assessment: loads it from storage into an [`Editor`], and shows
//! its header (title, save state, undo, export) and its tabs.

use leptos::prelude::*;

use super::editor::{use_editor, Editor, SaveState};
use super::files;
use super::notices::Notices;
use super::route::{navigate, Route, Tab};
use super::{costs, gaps, kpis_risks, overview, report, roadmap, settings};
use crate::storage::envelope::{self, Unreadable};
use crate::storage::{local, StorageError};

/// The screen of the assessment `id`, on tab `tab`.
#[component]
pub fn AssessmentScreen(id: String, #[prop(into)] tab: Signal<Tab>) -> impl IntoView {
    match local::open(&id) {
        Ok(Some(Ok(stored))) => {
            let editor = Editor::open_stored(stored, false);
            provide_context(editor);
            view! { <Opened id tab /> }.into_any()
        }
        Ok(Some(Err(Unreadable::TooNew { message, .. }))) => {
            // Shown as far as this version understands it, and never saved:
            // saving would drop what only the newer version knows.
            match local::raw(&id).ok().flatten().and_then(|text| envelope::open_read_only(&text)) {
                Some(stored) => {
                    let editor = Editor::open_stored(stored, true);
                    provide_context(editor);
                    view! {
                        <div class="banner banner-warning" role="status" data-testid="read-only">
                            <p>
                                <strong>"Read-only. "</strong>
                                {message}
                                " Editing is turned off, so that nothing only the newer Gapmap knows is lost: update Gapmap to edit it."
                            </p>
                        </div>
                        <Opened id tab />
                    }
                    .into_any()
                }
                None => view! { <CannotOpen id message /> }.into_any(),
            }
        }
        Ok(Some(Err(Unreadable::Damaged { message }))) => view! { <CannotOpen id message /> }.into_any(),
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
    let stored_id = id.clone();
    let export = move |_| {
        let exported = if editor.is_read_only() {
            export_as_stored(&stored_id, &editor.with_untracked(|a| a.title.clone()))
        } else {
            files::download_assessment(&editor.snapshot())
        };
        if let Err(e) = exported {
            notices.error("The export failed.", vec![e]);
        }
    };
    // Undo and redo from the keyboard: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and
    // Ctrl+Y. Inside a text field they are left to the browser: while typing,
    // people expect Ctrl+Z to take back their last letters and to leave the
    // caret where it is, which only the field's own undo does; the app's undo
    // would replace the whole field and could undo an edit elsewhere. Typing
    // in a field is one app step anyway (edits coalesce), so leaving the
    // field and pressing Ctrl+Z takes it back as a whole. Checkboxes, selects
    // and buttons have no undo of their own: there the app's undo applies.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || in_text_field(&ev) {
            return;
        }
        let key = ev.key().to_lowercase();
        let redo = (key == "z" && ev.shift_key()) || (key == "y" && !ev.shift_key());
        if key != "z" && !redo {
            return;
        }
        ev.prevent_default();
        if redo {
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
                    // A link would carry this version's reading of a newer
                    // file, not the file: a read-only assessment travels as
                    // its exported file only.
                    <Show when=move || !editor.is_read_only()>
                        <super::share::ShareButton />
                    </Show>
                    <super::exports::MoreExports />
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
            // A disabled fieldset disables every control inside it at once:
            // a read-only assessment cannot be typed into at all. The report
            // changes nothing, and its Print button must stay usable.
            <fieldset class="read-only-guard" disabled=move || editor.is_read_only() && tab.get() != Tab::Report>
                {move || match tab.get() {
                    Tab::Overview => view! { <overview::Overview /> }.into_any(),
                    Tab::Gaps => view! { <gaps::Gaps /> }.into_any(),
                    Tab::Roadmap => view! { <roadmap::Roadmap /> }.into_any(),
                    Tab::Costs => view! { <costs::Costs /> }.into_any(),
                    Tab::KpisRisks => view! { <kpis_risks::KpisRisks /> }.into_any(),
                    Tab::Report => view! { <report::Report /> }.into_any(),
                    Tab::Settings => view! { <settings::Settings /> }.into_any(),
                }}
            </fieldset>
        </section>
    }
}

/// Downloads a read-only assessment's file exactly as it is stored, named
/// after `title`. It is not recorded as an export: Settings' "last exported"
/// speaks of files this version wrote.
fn export_as_stored(id: &str, title: &str) -> Result<(), String> {
    let text = local::raw(id).map_err(|error| error.to_string())?;
    let file = text
        .as_deref()
        .and_then(envelope::stored_file)
        .ok_or_else(|| "The stored entry is no longer there, or no longer readable.".to_string())?;
    files::download(&files::file_name(title, "json"), "application/json", &file)
}

/// Whether a key press is meant for a text field (which has its own undo).
fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target() else { return false };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "color" | "range"
        );
    }
    target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
        || target.dyn_ref::<web_sys::HtmlElement>().is_some_and(|el| el.is_content_editable())
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
    let reload_theirs = move |_| {
        if let Err(error) = editor.reload_theirs() {
            notices.error("Their version could not be loaded.", vec![error.to_string()]);
        }
    };
    let keep_both = move |_| match editor.keep_both() {
        Ok(id) => {
            notices.info("Your version is saved as a copy; theirs is kept as it was.");
            navigate(&Route::Assessment { id, tab: Tab::Overview });
        }
        Err(error) => notices.error("Your version could not be saved as a copy.", vec![error.to_string()]),
    };
    move || match editor.save_state.get() {
        SaveState::Failed(error @ StorageError::Conflict { .. }) => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="save-conflict">
                    <p>
                        <strong>"Changes are not being saved. "</strong>
                        {error.to_string()}
                        " Saving here would overwrite their changes. Choose which to keep."
                    </p>
                    <button class="button" on:click=reload_theirs>
                        "Reload theirs"
                    </button>
                    <button class="button button-primary" on:click=keep_both>
                        "Keep both as copies"
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveState::Failed(error) => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="save-failure">
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
            }
            .into_any(),
        ),
        _ => None,
    }
}

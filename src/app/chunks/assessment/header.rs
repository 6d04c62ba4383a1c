//! The header of an open assessment (title, save state, undo and redo,
//! share, exports, and the file bar: its linked file and "Save to file")
//! with its keyboard shortcuts, the tab bar, and the
//! panel of the tab shown.

use leptos::prelude::*;

use super::editor::use_editor;
use super::exports::MoreExports;
use super::save_status::{SaveFailure, SaveStatus};
use super::share_button::ShareButton;
use super::{costs, gaps, history, kpis_risks, next, overview, report, roadmap, settings};
use crate::app::chunks::export_file::download_assessment;
use crate::app::chunks::files::save::FileBar;
use crate::app::files;
use crate::app::library::state::{use_library, Library};
use crate::app::notices::Notices;
use crate::app::route::{Route, Tab};
use crate::storage::envelope;

/// The open assessment: its header, its tabs and the panel of `tab`.
#[component]
pub(super) fn Opened(id: String, tab: Signal<Tab>) -> impl IntoView {
    let editor = use_editor();
    let library = use_library();
    let notices = expect_context::<Notices>();
    let stored_id = id.clone();
    let export = move |_| {
        let exported = if editor.is_read_only() {
            export_as_stored(library, &stored_id, &editor.with_untracked(|a| a.title.clone()))
        } else {
            download_assessment(library, &editor.snapshot())
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

    // A read-only assessment is never written: Export downloads its file.
    let file_bar = (!editor.is_read_only()).then(|| view! { <FileBar editor library notices /> });

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
                        <ShareButton />
                    </Show>
                    {file_bar}
                    <MoreExports />
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
                    Tab::Next => view! { <next::NextSteps /> }.into_any(),
                    Tab::Gaps => view! { <gaps::Gaps /> }.into_any(),
                    Tab::Roadmap => view! { <roadmap::Roadmap /> }.into_any(),
                    Tab::Costs => view! { <costs::Costs /> }.into_any(),
                    Tab::KpisRisks => view! { <kpis_risks::KpisRisks /> }.into_any(),
                    Tab::History => view! { <history::History /> }.into_any(),
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
fn export_as_stored(library: Library, id: &str, title: &str) -> Result<(), String> {
    let text = library.raw(id).map_err(|error| error.to_string())?;
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

//! The library: every assessment saved in this browser, and what can be done
//! with them (create, open, rename, duplicate, delete with undo, import,
//! export). It is the first screen.

use leptos::prelude::*;

use super::chunks;
use super::files;
use super::import;
use super::notices::Notices;
use super::route::{navigate, Route, Tab};
use super::templates::{EXAMPLE, TEMPLATES};
use super::widgets::dialog::Dialog;
use crate::core::{display, Assessment};
use crate::storage::envelope::{Entry, Stored, Unreadable, PREFIX};
use crate::storage::{local, usage_warning, StorageError};

/// The saved assessments, from context; every change goes through storage
/// first and is then read back, so the list never shows what was not saved.
#[derive(Clone, Copy)]
pub struct Library {
    pub entries: RwSignal<Vec<Entry>>,
    /// How many bytes Gapmap's entries take in local storage.
    pub used_bytes: RwSignal<usize>,
    notices: Notices,
}

impl Library {
    /// Reads the library; on the very first run, adds the example assessment.
    pub fn open(notices: Notices) -> Self {
        let library = Library { entries: RwSignal::new(Vec::new()), used_bytes: RwSignal::new(0), notices };
        if local::flag("seeded").is_none() {
            if let Some(example) = EXAMPLE.assessment() {
                if local::entries().map(|e| e.is_empty()).unwrap_or(false) {
                    let _ = local::save(&example, 0);
                }
            }
            let _ = local::set_flag("seeded", "1");
        }
        library.refresh();
        // Another tab changed the library: the browser tells every other tab
        // of the site, and the list follows. The library lives as long as
        // the page, so the listener is never removed (dropping the handle
        // keeps it).
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            // `None` is a `clear()` of the whole storage.
            if ev.key().is_none_or(|key| key.starts_with(PREFIX)) {
                library.refresh();
            }
        });
        library
    }

    /// Measures again how much of local storage Gapmap uses.
    pub fn measure(&self) {
        let used = local::used_bytes();
        if self.used_bytes.get_untracked() != used {
            let _ = self.used_bytes.try_set(used);
        }
    }

    /// Reads the list again from storage.
    pub fn refresh(&self) {
        self.measure();
        match local::entries() {
            Ok(mut entries) => {
                entries.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
                self.entries.set(entries);
            }
            Err(error) => self.notices.error("The library could not be read.", vec![error.to_string()]),
        }
    }

    /// Whether an assessment with this id is saved.
    pub fn contains(&self, id: &str) -> bool {
        self.entries.with_untracked(|entries| entries.iter().any(|e| e.id == id))
    }

    /// Opens a stored assessment.
    pub fn get(&self, id: &str) -> Option<Result<Stored, Unreadable>> {
        local::open(id).ok().flatten()
    }

    /// Saves a new assessment, or replaces the stored one with the same id.
    pub fn put(&self, assessment: &Assessment) -> Result<(), StorageError> {
        let base = match self.get(&assessment.id) {
            Some(Ok(stored)) => stored.revision,
            _ => 0,
        };
        let result = local::save(assessment, base).map(|_| ());
        self.refresh();
        result
    }

    /// Removes an assessment; returns it, for undo.
    pub fn remove(&self, id: &str) -> Option<Assessment> {
        let stored = self.get(id).and_then(Result::ok).map(|s| s.assessment);
        if let Err(error) = local::remove(id) {
            self.notices.error("The assessment could not be deleted.", vec![error.to_string()]);
            return None;
        }
        self.refresh();
        stored
    }

    /// Reports a failed save as an error notice.
    pub fn report(&self, what: &str, result: Result<(), StorageError>) -> bool {
        match result {
            Ok(()) => true,
            Err(error) => {
                self.notices.error(format!("{what} failed."), vec![error.to_string()]);
                false
            }
        }
    }
}

/// Warns, on every screen, well before local storage is full: how much is
/// used of the budget, and what to do about it.
#[component]
pub fn UsageWarning() -> impl IntoView {
    let library = use_library();
    move || {
        usage_warning(library.used_bytes.get(), local::BUDGET_BYTES).map(|warning| {
            view! {
                <div class="banner banner-warning" role="status" data-testid="storage-usage">
                    {warning}
                </div>
            }
        })
    }
}

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

pub fn use_library() -> Library {
    expect_context::<Library>()
}

/// A fresh id for a new assessment: time-based, with a random tail, so that
/// copies made in two browsers do not collide.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("a-{}-{}", base36(time), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Today as `YYYY-MM-DD`, in the user's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// A save time as people read it.
fn saved_label(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".to_string();
    }
    local_time(ms)
}

/// A moment (milliseconds since the Unix epoch) as `YYYY-MM-DD HH:MM` in
/// the user's time zone. Written out here rather than by the browser's
/// `toLocaleString`: the first call of that loads the browser's locale data,
/// a long pause on a slow phone before the library can show.
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

/// The first screen.
#[component]
pub fn LibraryScreen() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let creating = RwSignal::new(false);
    // Edits made in an open assessment are saved straight to storage: read
    // the list again whenever the library is shown.
    library.refresh();

    let export_all = move |_| {
        let assessments: Vec<Assessment> = library
            .entries
            .get_untracked()
            .iter()
            .filter_map(|e| library.get(&e.id).and_then(Result::ok).map(|s| s.assessment))
            .collect();
        if assessments.is_empty() {
            notices.info("There is nothing to export yet.");
            return;
        }
        if let Err(e) = files::download_bundle("gapmap-library.json", &assessments) {
            notices.error("The export failed.", vec![e]);
        }
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
                    <button class="button button-primary" on:click=move |_| creating.set(true)>
                        "New assessment"
                    </button>
                    <import::ImportButton />
                    <button class="button" on:click=export_all>
                        "Export all"
                    </button>
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
                        <For
                            each=move || library.entries.get()
                            key=|e| (e.id.clone(), e.revision, e.title.clone())
                            let:entry
                        >
                            <LibraryRow entry />
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
        <NewAssessmentDialog open=creating />
    }
}

#[component]
fn LibraryRow(entry: Entry) -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let renaming = RwSignal::new(false);
    let id = StoredValue::new(entry.id.clone());
    let href = Route::Assessment { id: entry.id.clone(), tab: Tab::Overview }.href();
    let title = entry.title.clone();

    let load = move || library.get(&id.get_value()).and_then(Result::ok).map(|s| s.assessment);
    let duplicate = move |_| {
        let Some(mut copy) = load() else { return };
        copy.id = new_id();
        copy.title = format!("{} (copy)", copy.title);
        library.report("Duplicating", library.put(&copy));
    };
    let export = move |_| {
        let Some(assessment) = load() else { return };
        if let Err(e) = files::download_assessment(&assessment) {
            notices.error("The export failed.", vec![e]);
        }
    };
    let download_raw = move |_| {
        let id = id.get_value();
        if let Ok(Some(text)) = local::raw(&id) {
            let _ = files::download(&files::file_name(&id, "txt"), "text/plain", &text);
        }
    };
    let delete = move |_| {
        let Some(removed) = library.remove(&id.get_value()) else { return };
        let title = removed.title.clone();
        notices.info_with_action(format!("Deleted \u{201c}{title}\u{201d}."), "Undo", move || {
            // Something else may have taken the id since (an import):
            // restore beside it rather than over it.
            let mut restored = removed.clone();
            if library.contains(&restored.id) {
                restored.id = new_id();
            }
            library.report("Restoring", library.put(&restored));
        });
    };
    let rename = move |new_title: String| {
        // Escape removes the field, which fires a blur: that is no rename.
        if !renaming.get_untracked() {
            return;
        }
        renaming.set(false);
        let Some(mut assessment) = load() else { return };
        if new_title.trim().is_empty() || new_title == assessment.title {
            return;
        }
        assessment.title = new_title.trim().to_string();
        library.report("Renaming", library.put(&assessment));
    };

    // A newer entry opens read-only; a damaged one does not open at all.
    let openable = entry.unreadable.is_none() || entry.read_only;
    view! {
        <tr>
            <th scope="row">
                {move || {
                    if renaming.get() {
                        let rename = rename;
                        // The stored title: an open editor may have changed it since the list was read.
                        let current = load().map_or_else(|| title.clone(), |a| a.title);
                        view! {
                            <input
                                class="input"
                                aria-label="New title"
                                prop:value=current
                                autofocus
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" {
                                        rename(event_target_value(&ev));
                                    } else if ev.key() == "Escape" {
                                        renaming.set(false);
                                    }
                                }
                                on:blur=move |ev| rename(event_target_value(&ev))
                            />
                        }
                            .into_any()
                    } else if !openable {
                        view! { <span class="damaged">{title.clone()}</span> }.into_any()
                    } else {
                        view! {
                            <a class="open-link" href=href.clone()>
                                {title.clone()}
                            </a>
                        }
                            .into_any()
                    }
                }}
                {entry
                    .unreadable
                    .clone()
                    .map(|why| {
                        view! {
                            <p class="damaged-note">
                                {if entry.read_only { "Opens read-only. " } else { "Cannot be opened: " }}
                                {why}
                            </p>
                        }
                    })}
            </th>
            <td>{entry.system.clone()}</td>
            <td>{entry.assessed_on.clone().unwrap_or_default()}</td>
            <td class="num">{display::score(entry.overall)}</td>
            <td>{entry.level.clone().unwrap_or_else(|| "—".to_string())}</td>
            <td class="num">{entry.blockers}</td>
            <td>{saved_label(entry.saved_at)}</td>
            <td class="row-actions">
                {if entry.unreadable.is_some() {
                    let name = entry.title.clone();
                    let delete_damaged = move |_| {
                        let question = "Delete this entry for good? Download its raw text first if you may need it.";
                        if window().confirm_with_message(question).unwrap_or(false) {
                            if let Err(error) = local::remove(&id.get_value()) {
                                notices.error("The entry could not be deleted.", vec![error.to_string()]);
                            }
                            library.refresh();
                        }
                    };
                    view! {
                        <button class="button button-small" on:click=download_raw>
                            "Download raw text"
                        </button>
                        <button
                            class="button button-small button-danger"
                            aria-label=format!("Delete {name}")
                            on:click=delete_damaged
                        >
                            "Delete"
                        </button>
                    }
                        .into_any()
                } else {
                    let name = entry.title.clone();
                    view! {
                        <button
                            class="button button-small"
                            aria-label=format!("Rename {name}")
                            on:click=move |_| renaming.set(true)
                        >
                            "Rename"
                        </button>
                        <button
                            class="button button-small"
                            aria-label=format!("Duplicate {name}")
                            on:click=duplicate
                        >
                            "Duplicate"
                        </button>
                        <button class="button button-small" aria-label=format!("Export {name}") on:click=export>
                            "Export"
                        </button>
                        <button
                            class="button button-small button-danger"
                            aria-label=format!("Delete {name}")
                            on:click=delete
                        >
                            "Delete"
                        </button>
                    }
                        .into_any()
                }}
            </td>
        </tr>
    }
}

/// Asks for a title and a starting point, then creates and opens the assessment.
#[component]
fn NewAssessmentDialog(open: RwSignal<bool>) -> impl IntoView {
    let library = use_library();
    let title = RwSignal::new(String::new());
    // 0 = blank; i + 1 = TEMPLATES[i].
    let start = RwSignal::new(if TEMPLATES.is_empty() { 0_usize } else { 1 });
    let notices = library.notices;
    // The title typed, on a blank assessment or on a template's copy.
    let created = move |mut assessment: Assessment, blank: bool| {
        assessment.id = new_id();
        let typed = title.get_untracked();
        assessment.title = if typed.trim().is_empty() {
            if blank {
                "Untitled assessment".to_string()
            } else {
                assessment.title
            }
        } else {
            typed.trim().to_string()
        };
        assessment.assessed_on = Some(today());
        if library.report("Creating the assessment", library.put(&assessment)) {
            open.set(false);
            title.set(String::new());
            navigate(&Route::Assessment { id: assessment.id, tab: Tab::Overview });
        }
    };
    let create = move || match start.get_untracked().checked_sub(1) {
        None => created(Assessment::new("", ""), true),
        // A template's text comes with its chunk, on first use.
        Some(index) => leptos::task::spawn_local(async move {
            match chunks::template(index).await {
                Ok(Some(assessment)) => created(assessment, false),
                Ok(None) => {}
                Err(error) => notices.error("The template could not be opened.", vec![error.to_string()]),
            }
        }),
    };
    view! {
        <Dialog open title="New assessment">
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create();
                }
            >
                <label class="field">
                    <span>"Title"</span>
                    <input
                        class="input"
                        placeholder="Readiness of …"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </label>
                <fieldset class="field">
                    <legend>"Start from"</legend>
                    {TEMPLATES
                        .iter()
                        .enumerate()
                        .map(|(i, template)| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="start"
                                        prop:checked=move || start.get() == i + 1
                                        on:change=move |_| start.set(i + 1)
                                    />
                                    <span>
                                        <strong>{template.name}</strong>
                                        " — "
                                        {template.description}
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                    <label class="choice">
                        <input
                            type="radio"
                            name="start"
                            prop:checked=move || start.get() == 0
                            on:change=move |_| start.set(0)
                        />
                        <span>
                            <strong>"Blank assessment"</strong>
                            " — no categories or gaps yet."
                        </span>
                    </label>
                </fieldset>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button-primary">
                        "Create"
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

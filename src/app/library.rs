//! The library: every assessment saved in this browser, and what can be done
//! with them (create, open, rename, duplicate, delete with undo, import,
//! export). It is the first screen.

use leptos::prelude::*;

use super::chunks;
use super::files;
use super::import;
use super::notices::Notices;
use super::route::{navigate, Route, Tab};
use super::widgets::dialog::Dialog;
use crate::core::present::display;
use crate::core::Assessment;
use crate::storage::envelope::{self, Entry, Stored, Unreadable, PREFIX};
use crate::storage::{local, usage_warning, StorageError};
use crate::templates::{EXAMPLE, EXAMPLE_FIGURES, TEMPLATES};

/// The saved assessments, from context; every change goes through storage
/// first and is then read back, so the list never shows what was not saved.
///
/// The list itself needs no core (see [`local::listing`]): what does (every
/// write, every export, and rebuilding the index) runs behind the doors of
/// [`chunks`], so that the first screen comes without the core.
#[derive(Clone, Copy)]
pub struct Library {
    pub entries: RwSignal<Vec<Entry>>,
    /// How many bytes Gapmap's entries take in local storage.
    pub used_bytes: RwSignal<usize>,
    notices: Notices,
    /// A rebuild of the index is under way.
    rebuilding: StoredValue<bool>,
}

impl Library {
    /// Reads the library; on the very first run, adds the example assessment
    /// (stored as its text, with its numbers worked out ahead: no core).
    pub fn open(notices: Notices) -> Self {
        let library = Library {
            entries: RwSignal::new(Vec::new()),
            used_bytes: RwSignal::new(0),
            notices,
            rebuilding: StoredValue::new(false),
        };
        if local::flag("seeded").is_none() {
            if local::listing().map(|l| l.entries.is_empty()).unwrap_or(false) {
                let _ = local::seed(EXAMPLE, EXAMPLE_FIGURES);
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

    /// Reads the list again from storage. When the index does not match the
    /// stored entries, the list shows their quick lines at once, and the
    /// index is rebuilt after the page is painted.
    pub fn refresh(&self) {
        self.measure();
        match local::listing() {
            Ok(listing) => {
                self.show(listing.entries);
                if listing.stale {
                    self.rebuild();
                }
            }
            Err(error) => self.notices.error("The library could not be read.", vec![error.to_string()]),
        }
    }

    fn show(&self, mut entries: Vec<Entry>) {
        entries.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
        let _ = self.entries.try_set(entries);
    }

    /// Rebuilds the index with the core (behind its door), once the page is
    /// painted, and shows it. One at a time: a refresh meanwhile shows quick
    /// lines, and the rebuild's end reads the list again.
    fn rebuild(&self) {
        if self.rebuilding.try_get_value() != Some(false) {
            return;
        }
        self.rebuilding.set_value(true);
        let library = *self;
        // After the next frame: the first paint does not wait for the chunk.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    leptos::task::spawn_local(async move {
                        let rebuilt = chunks::rebuild_index().await;
                        if library.rebuilding.try_set_value(false).is_some() {
                            return;
                        }
                        match rebuilt {
                            // What was saved meanwhile is in the index; if the
                            // index could not be written, the rebuilt lines are
                            // shown (and no second rebuild is started).
                            Ok(Ok(rebuilt)) => match local::listing() {
                                Ok(listing) if !listing.stale => library.show(listing.entries),
                                _ => library.show(rebuilt),
                            },
                            Ok(Err(error)) => {
                                library.notices.error("The library could not be read.", vec![error.to_string()])
                            }
                            Err(error) => library.notices.error_with_action(
                                "The library\u{2019}s scores could not be computed.",
                                vec![error.to_string()],
                                "Try again",
                                move || library.refresh(),
                            ),
                        }
                    })
                },
                std::time::Duration::ZERO,
            )
        });
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

    /// Removes an assessment; returns its stored text, for undo.
    pub fn remove(&self, id: &str) -> Option<String> {
        let stored = local::raw(id).ok().flatten();
        if let Err(error) = local::remove(id) {
            self.notices.error("The assessment could not be deleted.", vec![error.to_string()]);
            return None;
        }
        self.refresh();
        stored
    }

    /// The line of `id` in the list.
    fn entry(&self, id: &str) -> Option<Entry> {
        self.entries.with_untracked(|entries| entries.iter().find(|e| e.id == id).cloned())
    }

    /// Does `action` behind its door (the core's chunk, on first use).
    fn act(&self, action: Action) {
        let (library, notices) = (*self, self.notices);
        let what = action.what();
        leptos::task::spawn_local(async move {
            if let Err(error) = chunks::library_action(library, action).await {
                notices.error(format!("{what} failed."), vec![error.to_string()]);
            }
        });
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

/// What the library does with the core: run by [`run`] behind the door of
/// [`chunks::library_action`].
pub enum Action {
    Duplicate(String),
    Rename {
        id: String,
        title: String,
    },
    /// The assessment's file, downloaded.
    Export(String),
    /// One bundle of these assessments, downloaded.
    ExportAll(Vec<String>),
    /// The undo of a delete, when the id was taken since (by an import): the
    /// removed entry's stored text, restored beside under a new id.
    RestoreCopy(String),
    /// A new assessment: blank, or a copy of a template's; with the title
    /// typed in the dialog (`title`, read when the user asked), if any;
    /// opened once saved (the dialog then closes and forgets the title in
    /// `field`). Nothing is created if the dialog was closed meanwhile.
    Create {
        template: Option<Box<Assessment>>,
        title: String,
        open: RwSignal<bool>,
        field: RwSignal<String>,
    },
}

impl Action {
    /// What the action is, for a message of its failure.
    fn what(&self) -> &'static str {
        match self {
            Action::Duplicate(_) => "Duplicating",
            Action::Rename { .. } => "Renaming",
            Action::Export(_) | Action::ExportAll(_) => "The export",
            Action::RestoreCopy(_) => "Restoring",
            Action::Create { .. } => "Creating the assessment",
        }
    }
}

/// Does a library action, with the same messages as ever. Only
/// [`chunks::library_action`] calls it: the core comes with its chunk.
pub fn run(library: Library, action: Action) {
    let notices = library.notices;
    let load = |id: &str| library.get(id).and_then(Result::ok).map(|s| s.assessment);
    match action {
        Action::Duplicate(id) => {
            let Some(mut copy) = load(&id) else { return };
            copy.id = new_id();
            copy.title = format!("{} (copy)", copy.title);
            library.report("Duplicating", library.put(&copy));
        }
        Action::Rename { id, title } => {
            let Some(mut assessment) = load(&id) else { return };
            if title.trim().is_empty() || title == assessment.title {
                return;
            }
            assessment.title = title.trim().to_string();
            library.report("Renaming", library.put(&assessment));
        }
        Action::Export(id) => {
            let Some(assessment) = load(&id) else { return };
            if let Err(e) = files::download_assessment(&assessment) {
                notices.error("The export failed.", vec![e]);
            }
        }
        Action::ExportAll(ids) => {
            let assessments: Vec<Assessment> = ids.iter().filter_map(|id| load(id)).collect();
            if assessments.is_empty() {
                notices.info("There is nothing to export yet.");
                return;
            }
            if let Err(e) = files::download_bundle("gapmap-library.json", &assessments) {
                notices.error("The export failed.", vec![e]);
            }
        }
        Action::RestoreCopy(text) => match envelope::open(&text) {
            Ok(Stored { mut assessment, .. }) => {
                assessment.id = new_id();
                library.report("Restoring", library.put(&assessment));
            }
            Err(Unreadable::TooNew { message, .. } | Unreadable::Damaged { message }) => {
                notices.error("Restoring failed.", vec![message]);
            }
        },
        Action::Create { template, title, open, field } => {
            // Cancelled, or the library left, while the chunks came.
            if open.try_get_untracked() != Some(true) {
                return;
            }
            let blank = template.is_none();
            let mut assessment = template.map_or_else(|| Assessment::new("", ""), |template| *template);
            assessment.id = new_id();
            if !title.trim().is_empty() {
                assessment.title = title.trim().to_string();
            } else if blank {
                assessment.title = "Untitled assessment".to_string();
            }
            assessment.assessed_on = Some(today());
            if library.report("Creating the assessment", library.put(&assessment)) {
                let _ = open.try_set(false);
                let _ = field.try_set(String::new());
                navigate(&Route::Assessment { id: assessment.id, tab: Tab::Overview });
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
        let ids: Vec<String> = library.entries.with_untracked(|e| e.iter().map(|e| e.id.clone()).collect());
        if ids.is_empty() {
            notices.info("There is nothing to export yet.");
            return;
        }
        library.act(Action::ExportAll(ids));
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

    let duplicate = move |_| library.act(Action::Duplicate(id.get_value()));
    let export = move |_| library.act(Action::Export(id.get_value()));
    let download_raw = move |_| {
        let id = id.get_value();
        if let Ok(Some(text)) = local::raw(&id) {
            let _ = files::download(&files::file_name(&id, "txt"), "text/plain", &text);
        }
    };
    let delete = move |_| {
        let id = id.get_value();
        let line = library.entry(&id);
        let Some(removed) = library.remove(&id) else { return };
        let title = line.as_ref().map_or_else(|| id.clone(), |line| line.title.clone());
        notices.info_with_action(format!("Deleted \u{201c}{title}\u{201d}."), "Undo", move || {
            // Put back byte for byte. Something else may have taken the id
            // since (an import): then restore beside it rather than over it.
            match local::restore(&id, &removed, line.clone()) {
                Ok(true) => library.refresh(),
                Ok(false) => library.act(Action::RestoreCopy(removed.clone())),
                Err(error) => {
                    library.refresh();
                    library.report("Restoring", Err(error));
                }
            }
        });
    };
    let rename = move |new_title: String| {
        // Escape removes the field, which fires a blur: that is no rename.
        if !renaming.get_untracked() {
            return;
        }
        renaming.set(false);
        if new_title.trim().is_empty() || local::stored_title(&id.get_value()).is_some_and(|t| t == new_title) {
            return;
        }
        library.act(Action::Rename { id: id.get_value(), title: new_title });
    };

    // The row's line as the list has it now: a quick line's numbers follow.
    let line = {
        let entry = entry.clone();
        Memo::new(move |_| {
            library
                .entries
                .with(|entries| entries.iter().find(|e| e.id == entry.id).cloned())
                .unwrap_or_else(|| entry.clone())
        })
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
                        let current = local::stored_title(&id.get_value()).unwrap_or_else(|| title.clone());
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
            <td class="date">{entry.assessed_on.clone().unwrap_or_default()}</td>
            <td class="num">{move || figure(line.get(), |e| display::score(e.overall))}</td>
            <td>{move || figure(line.get(), |e| e.level.clone().unwrap_or_else(|| "—".to_string()))}</td>
            <td class="num">{move || figure(line.get(), |e| e.blockers.to_string())}</td>
            <td class="date">{saved_label(entry.saved_at)}</td>
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

/// A number of a library line, or, while it is not computed yet, an
/// ellipsis that says so.
fn figure(entry: Entry, text: impl Fn(&Entry) -> String) -> AnyView {
    if entry.pending {
        view! {
            <span aria-hidden="true">"\u{2026}"</span>
            <span class="visually-hidden">"Not computed yet"</span>
        }
        .into_any()
    } else {
        text(&entry).into_any()
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
    // Set from "Create" until the assessment is made or has failed: a
    // second click or Enter meanwhile creates nothing more.
    let busy = RwSignal::new(false);
    let create = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (start, typed) = (start.get_untracked(), title.get_untracked());
        leptos::task::spawn_local(async move {
            let template = match start.checked_sub(1) {
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
                    let action = Action::Create { template, title: typed, open, field: title };
                    let what = action.what();
                    if let Err(error) = chunks::library_action(library, action).await {
                        notices.error(format!("{what} failed."), vec![error.to_string()]);
                    }
                }
                Err(Some(error)) => notices.error("The template could not be opened.", vec![error.to_string()]),
                Err(None) => {}
            }
            let _ = busy.try_set(false);
        })
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
                    <button type="submit" class="button button-primary" prop:disabled=move || busy.get()>
                        {move || if busy.get() { "Creating\u{2026}" } else { "Create" }}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

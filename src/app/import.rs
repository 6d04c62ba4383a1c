//! Files in: the "Import" button's file chooser and drops anywhere on the
//! page. A file that is not a valid assessment is refused with every problem
//! listed and the library left as it was; an assessment whose id is already
//! in the library waits for the user to choose: replace it, or keep both.
//! A Markdown readiness document is read by the Markdown importer and waits,
//! with its import report and a preview, for the user to confirm or cancel.
//! Several files at once are each imported, then one notice sums up what
//! came in, what waits for the user, and what failed, file by file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::chunks;
use super::files::{read_files, take_files, PickedFile};
use super::library::{new_id, use_library, Library};
use super::notices::Notices;
use super::route::{navigate, Route};
use super::widgets::dialog::Dialog;
use super::widgets::fields::keyword_label;
use crate::core::import::{Import, Note};
use crate::core::model::Status;
use crate::core::present::display;
use crate::core::present::query::{filter_gaps, GapFilter, StatusFilter};
use crate::core::{format, summarize, Assessment};

/// Imports that wait for the user's choice because their id is taken.
#[derive(Clone, Copy)]
struct Conflicts(RwSignal<Vec<Assessment>>);

fn conflicts() -> Conflicts {
    match use_context::<Conflicts>() {
        Some(c) => c,
        None => {
            let c = Conflicts(RwSignal::new(Vec::new()));
            provide_context(c);
            c
        }
    }
}

/// A Markdown document read and waiting for the user to confirm its import.
#[derive(Clone)]
pub struct MarkdownImport {
    /// The name of the file it came from.
    file: String,
    import: Import,
}

/// Markdown imports that wait, in order, for the user to confirm or cancel.
#[derive(Clone, Copy)]
pub struct MarkdownQueue(RwSignal<Vec<MarkdownImport>>);

fn markdown_queue() -> MarkdownQueue {
    match use_context::<MarkdownQueue>() {
        Some(q) => q,
        None => {
            let q = MarkdownQueue(RwSignal::new(Vec::new()));
            provide_context(q);
            q
        }
    }
}

/// Whether a file is a Markdown document rather than a Gapmap (JSON) file:
/// by its name, or, for a name that says neither, by its first character,
/// since every Gapmap file is a JSON object or array.
fn is_markdown(name: &str, text: &str) -> bool {
    let name = name.to_lowercase();
    if name.ends_with(".md") || name.ends_with(".markdown") {
        return true;
    }
    if name.ends_with(".json") {
        return false;
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    !start.is_empty() && !start.starts_with('{') && !start.starts_with('[')
}

/// Where imports wait for the user. Found while a component is set up: the
/// task that reads files runs outside any component, where no context is.
#[derive(Clone, Copy)]
pub struct Pending {
    conflicts: Conflicts,
    markdown: MarkdownQueue,
}

/// The app's waiting imports; call while a component is set up.
pub fn pending() -> Pending {
    Pending { conflicts: conflicts(), markdown: markdown_queue() }
}

/// Where an imported assessment went.
#[derive(Clone, Debug, PartialEq)]
pub enum Landing {
    /// Saved into the library under its own id.
    Saved,
    /// Its id is taken: it waits in the conflict dialog (replace or keep both).
    Waiting,
    /// Saving failed, for this reason.
    Failed(String),
}

impl Pending {
    /// Brings one assessment into the library, never overwriting one silently:
    /// an id already there waits for the user's choice.
    pub fn offer(&self, library: Library, assessment: Assessment) -> Landing {
        if library.contains(&assessment.id) {
            self.conflicts.0.update(|p| p.push(assessment));
            return Landing::Waiting;
        }
        match library.put(&assessment) {
            Ok(()) => Landing::Saved,
            Err(error) => Landing::Failed(error.to_string()),
        }
    }
}

/// What became of one file of several.
enum Outcome {
    /// An assessment came in (a line for the summary).
    In(String),
    /// An assessment waits in the conflict dialog.
    Waiting(String),
    /// A Markdown document waits in its dialog for the user to confirm it.
    Confirm(String),
    /// The file, or an assessment in it, did not come in: why.
    Failed(String),
}

/// Reads the files and brings every valid assessment in them into the
/// library; Markdown documents wait, one after another, in their dialog for
/// the user's confirmation. Several files get one notice that sums up every
/// file: what came in, what waits, what failed and why. Only the door of
/// [`chunks::import_files`] calls it: the core comes with its chunk.
pub fn import_files(library: Library, notices: Notices, waiting: Pending, mut files: Vec<PickedFile>) {
    if files.len() == 1 {
        if let Some(file) = files.pop() {
            return import_one_file(library, notices, waiting, file);
        }
    }
    let mut outcomes = Vec::new();
    for file in files {
        let name = file.name;
        let text = match file.text {
            Ok(text) => text,
            Err(why) => {
                outcomes.push(Outcome::Failed(format!("\u{201c}{name}\u{201d}: {why}")));
                continue;
            }
        };
        if is_markdown(&name, &text) {
            queue_markdown(notices, waiting, name.clone(), text);
            outcomes.push(Outcome::Confirm(name));
            continue;
        }
        match format::load_many(text.as_bytes()) {
            Ok(assessments) => {
                for assessment in assessments {
                    let title = assessment.title.clone();
                    outcomes.push(match waiting.offer(library, assessment) {
                        Landing::Saved => Outcome::In(format!("\u{201c}{title}\u{201d} from \u{201c}{name}\u{201d}")),
                        Landing::Waiting => Outcome::Waiting(title),
                        Landing::Failed(why) => Outcome::Failed(format!("\u{201c}{name}\u{201d}: {why}")),
                    });
                }
            }
            Err(error) => outcomes.push(Outcome::Failed(format!(
                "\u{201c}{name}\u{201d}: not a valid Gapmap file. {}",
                first_problems(&error.problems)
            ))),
        }
    }
    summarise(notices, &outcomes);
}

/// Reads a Markdown document with the importer (fetched on first use, see
/// [`chunks`]) and queues it for its dialog.
fn queue_markdown(notices: Notices, waiting: Pending, file: String, text: String) {
    leptos::task::spawn_local(async move {
        match chunks::import_markdown(text).await {
            Ok(import) => waiting.markdown.0.update(|q| q.push(MarkdownImport { file, import })),
            Err(error) => notices.error(format!("\u{201c}{file}\u{201d} was not imported."), vec![error.to_string()]),
        }
    });
}

/// One notice for several files: what came in, what waits, what failed.
fn summarise(notices: Notices, outcomes: &[Outcome]) {
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let (came, waits, confirm, failed) = (
        count(|o| matches!(o, Outcome::In(_))),
        count(|o| matches!(o, Outcome::Waiting(_))),
        count(|o| matches!(o, Outcome::Confirm(_))),
        count(|o| matches!(o, Outcome::Failed(_))),
    );
    // Markdown documents only: each shows in its dialog, nothing else to say.
    if confirm == outcomes.len() {
        return;
    }
    let plural = |n: usize| if n == 1 { "assessment" } else { "assessments" };
    let mut title = format!("Imported {came} {}", plural(came));
    if waits > 0 {
        title.push_str(&format!("; {waits} already in the library wait for your choice"));
    }
    if confirm > 0 {
        let documents = if confirm == 1 { "Markdown document waits" } else { "Markdown documents wait" };
        title.push_str(&format!("; {confirm} {documents} for you to confirm"));
    }
    if failed > 0 {
        title.push_str(&format!("; {failed} failed"));
    }
    title.push('.');
    let details = outcomes
        .iter()
        .map(|o| match o {
            Outcome::In(line) => format!("Imported: {line}"),
            Outcome::Waiting(title) => format!("Waiting: \u{201c}{title}\u{201d} is already in the library"),
            Outcome::Confirm(name) => format!("To confirm: \u{201c}{name}\u{201d} (Markdown), in the dialog"),
            Outcome::Failed(line) => format!("Failed: {line}"),
        })
        .collect();
    // A failure stays until dismissed; a clean import fades like any notice.
    if failed > 0 {
        notices.error(title, details);
    } else {
        notices.info_with_details(title, details);
    }
}

/// The first problems of a refused file, enough to say why.
fn first_problems(problems: &[crate::core::Problem]) -> String {
    const SHOWN: usize = 3;
    let mut text = problems.iter().take(SHOWN).map(ToString::to_string).collect::<Vec<_>>().join(" ");
    if problems.len() > SHOWN {
        text.push_str(&format!(" (and {} more problems)", problems.len() - SHOWN));
    }
    text
}

/// One file: a Markdown document waits in its dialog; a Gapmap file is
/// imported, or refused with every problem listed.
fn import_one_file(library: Library, notices: Notices, waiting: Pending, file: PickedFile) {
    let text = match file.text {
        Ok(text) => text,
        Err(why) => {
            notices.error(format!("\u{201c}{}\u{201d} was not imported.", file.name), vec![why]);
            return;
        }
    };
    if is_markdown(&file.name, &text) {
        return queue_markdown(notices, waiting, file.name, text);
    }
    match format::load_many(text.as_bytes()) {
        Ok(assessments) => {
            let mut imported = Vec::new();
            for assessment in assessments {
                let title = assessment.title.clone();
                match waiting.offer(library, assessment) {
                    Landing::Saved => imported.push(title),
                    Landing::Waiting => {}
                    Landing::Failed(why) => notices.error("Importing failed.", vec![why]),
                }
            }
            match imported.as_slice() {
                [] => {}
                [one] => notices.info(format!("Imported \u{201c}{one}\u{201d}.")),
                many => notices.info(format!("Imported {} assessments.", many.len())),
            }
        }
        Err(error) => notices.error(
            format!("\u{201c}{}\u{201d} was not imported: it is not a valid Gapmap file.", file.name),
            error.problems.iter().map(ToString::to_string).collect(),
        ),
    }
}

fn import_list(library: Library, notices: Notices, waiting: Pending, list: Option<web_sys::FileList>) {
    let files = list.map(|list| take_files(&list)).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let files = read_files(files).await;
        if let Err(error) = chunks::import_files(library, notices, waiting, files).await {
            notices.error("The files were not imported.", vec![error.to_string()]);
        }
    });
}

/// The "Import" button: opens a file chooser for Gapmap (JSON) files and
/// Markdown documents.
#[component]
pub fn ImportButton() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let waiting = pending();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <button
            class="button"
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.click();
                }
            }
        >
            "Import"
        </button>
        <input
            node_ref=input
            type="file"
            accept=".json,.md,.markdown,application/json,text/markdown"
            multiple
            hidden
            tabindex="-1"
            aria-hidden="true"
            on:change=move |ev| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                import_list(library, notices, waiting, input.files());
                input.set_value("");
            }
        />
    }
}

/// Accepts files dropped anywhere on the page.
pub fn listen_for_drops(library: Library, notices: Notices) {
    // Creating the contexts here, inside the app, lets the dialogs find them.
    let waiting = pending();
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        import_list(library, notices, waiting, ev.data_transfer().and_then(|t| t.files()));
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// Asks what to do with an import whose id is already in the library.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let pending = conflicts();
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(pending.0.with(|p| !p.is_empty())));
    // Closed with Escape while imports wait: the user cancelled them all.
    // (Left queued, a later import would bring back a stale file.)
    Effect::new(move |_| {
        if !open.get() && pending.0.with_untracked(|p| !p.is_empty()) {
            pending.0.set(Vec::new());
        }
    });
    let resolve = move |choice: Choice| {
        let mut first = None;
        pending.0.update(|p| {
            if !p.is_empty() {
                first = Some(p.remove(0));
            }
        });
        let Some(assessment) = first else { return };
        if matches!(choice, Choice::Skip) {
            return;
        }
        let what = if matches!(choice, Choice::Replace) { "Replacing" } else { "Importing" };
        spawn_local(async move {
            if let Err(error) = chunks::resolve_conflict(library, notices, assessment, choice).await {
                notices.error(format!("{what} failed."), vec![error.to_string()]);
            }
        });
    };
    let title = Signal::derive(move || "This assessment is already in the library".to_string());
    view! {
        <Dialog open title>
            <p>
                "The file holds \u{201c}"
                {move || pending.0.with(|p| p.first().map(|a| a.title.clone())).unwrap_or_default()}
                "\u{201d}, and an assessment with the same id is already saved here. "
                "Replace the saved one with the file, or keep both?"
            </p>
            <div class="dialog-actions">
                <button class="button" on:click=move |_| resolve(Choice::Skip)>
                    "Cancel"
                </button>
                <button class="button" on:click=move |_| resolve(Choice::KeepBoth)>
                    "Keep both"
                </button>
                <button class="button button-primary" on:click=move |_| resolve(Choice::Replace)>
                    "Replace"
                </button>
            </div>
        </Dialog>
    }
}

/// What to do with an import whose id is taken.
#[derive(Clone, Copy)]
pub enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

/// Does the user's choice for an import whose id is taken. Only the door
/// of [`chunks::resolve_conflict`] calls it: the core comes with its chunk.
pub fn resolve(library: Library, notices: Notices, assessment: Assessment, choice: Choice) {
    match choice {
        Choice::Replace => {
            if library.report("Replacing", library.put(&assessment)) {
                notices.info(format!("Replaced \u{201c}{}\u{201d}.", assessment.title));
                // The open editor holds the replaced version, and its next
                // save would meet a newer revision: leave it.
                let open_here = matches!(
                    Route::parse(&window().location().hash().unwrap_or_default()),
                    Route::Assessment { id, .. } if id == assessment.id
                );
                if open_here {
                    navigate(&Route::Library);
                }
            }
        }
        Choice::KeepBoth => {
            let mut copy = assessment;
            copy.id = new_id();
            if library.report("Importing", library.put(&copy)) {
                notices.info(format!("Imported \u{201c}{}\u{201d} as a copy.", copy.title));
            }
        }
        Choice::Skip => {}
    }
}

/// Saves a confirmed Markdown import (beside an assessment with its id, if
/// any) and shows the library. Only the door of
/// [`chunks::confirm_markdown`] calls it.
pub fn confirm_markdown(library: Library, notices: Notices, mut assessment: Assessment) {
    if library.contains(&assessment.id) {
        assessment.id = new_id();
    }
    if library.report("Importing", library.put(&assessment)) {
        notices.info(format!("Imported \u{201c}{}\u{201d}.", assessment.title));
        navigate(&Route::Library);
    }
}

/// The preview of the first document of the queue, following it. Only the
/// door of [`chunks::markdown_preview`] calls it: the preview's numbers come
/// from the core, which comes with the importer's chunk.
pub fn markdown_preview(queue: MarkdownQueue) -> AnyView {
    (move || queue.0.with(|q| q.first().map(preview))).into_any()
}

/// Shows the first Markdown document waiting to be imported: what the
/// importer made of it and a preview, with "Import" to save it into the
/// library and "Cancel" to drop it. Several documents follow one another.
#[component]
pub fn MarkdownDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let queue = markdown_queue();
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(queue.0.with(|q| !q.is_empty())));
    // Escape closes the dialog: that cancels the document it shows.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && queue.0.with_untracked(|q| !q.is_empty()) {
            queue.0.update(|q| {
                q.remove(0);
            });
        }
        now
    });
    let take = move || {
        let mut first = None;
        queue.0.update(|q| {
            if !q.is_empty() {
                first = Some(q.remove(0));
            }
        });
        first
    };
    let cancel = move |_| {
        take();
    };
    let confirm = move |_| {
        let Some(MarkdownImport { import, .. }) = take() else { return };
        spawn_local(async move {
            if let Err(error) = chunks::confirm_markdown(library, notices, import.assessment).await {
                notices.error("Importing failed.", vec![error.to_string()]);
            }
        });
    };
    let title = Signal::derive(|| "Import Markdown".to_string());
    view! {
        <Dialog open title>
            // Shown once a document is read, so its chunk (the importer's) is here.
            {move || {
                open.get()
                    .then(|| {
                        Suspend::new(async move {
                            chunks::markdown_preview(queue)
                                .await
                                .unwrap_or_else(|error| {
                                    view! { <p class="banner banner-error" role="alert">{error.to_string()}</p> }
                                        .into_any()
                                })
                        })
                    })
            }}
            <div class="dialog-actions">
                <button class="button" on:click=cancel>
                    "Cancel"
                </button>
                <button class="button button-primary" on:click=confirm>
                    "Import"
                </button>
            </div>
        </Dialog>
    }
}

/// The import report and a preview of one document.
fn preview(pending: &MarkdownImport) -> impl IntoView {
    let assessment = &pending.import.assessment;
    let report = &pending.import.report;
    let summary = summarize(assessment);
    let c = report.counts;
    let stated = summary.stated_overall.map_or_else(|| "none".to_string(), |v| display::score(Some(v)));
    let statuses: Vec<(String, usize)> = Status::ALL
        .iter()
        .map(|&s| {
            let filter = GapFilter { status: StatusFilter::Is(s), ..GapFilter::default() };
            (keyword_label(s), filter_gaps(assessment, &filter).len())
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let categories: Vec<(String, String)> =
        summary.categories.iter().map(|c| (c.name.clone(), display::score(c.score))).collect();
    let notes = [
        ("Guessed", report.guessed.clone()),
        ("Skipped", report.skipped.clone()),
        ("Warnings", report.warnings.clone()),
    ];
    view! {
        <div class="markdown-import">
            <p class="hint">"From \u{201c}" {pending.file.clone()} "\u{201d}. Nothing is saved until you choose Import."</p>
            <section aria-labelledby="import-preview-heading">
                <h3 id="import-preview-heading">"Preview"</h3>
                <dl class="import-facts">
                    <dt>"Title"</dt>
                    <dd data-testid="import-title">{assessment.title.clone()}</dd>
                    <dt>"Stated overall"</dt>
                    <dd class="num" data-testid="import-stated">{stated}</dd>
                    <dt>"Computed overall"</dt>
                    <dd class="num" data-testid="import-computed">{display::score(summary.overall)}</dd>
                    <dt>"Gaps"</dt>
                    <dd>
                        <span class="num" data-testid="import-gap-count">{c.gaps}</span>
                        {(!statuses.is_empty())
                            .then(|| {
                                let text = statuses
                                    .iter()
                                    .map(|(s, n)| format!("{n} {}", s.to_lowercase()))
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                format!(" ({text})")
                            })}
                    </dd>
                </dl>
                {(!categories.is_empty())
                    .then(|| {
                        view! {
                            <table class="import-categories">
                                <caption class="visually-hidden">"Categories and their scores"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Category"</th>
                                        <th scope="col" class="num">"Score"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {categories
                                        .into_iter()
                                        .map(|(name, score)| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{name}</th>
                                                    <td class="num">{score}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })}
            </section>
            <section aria-labelledby="import-report-heading">
                <h3 id="import-report-heading">"Import report"</h3>
                <p data-testid="import-counts">
                    {format!(
                        "Recognised {} categories ({} with a stated score), {} gaps with {} checklist items, {} phases, {} KPIs, {} risks.",
                        c.categories,
                        c.category_scores,
                        c.gaps,
                        c.items,
                        c.phases,
                        c.kpis,
                        c.risks,
                    )}
                </p>
                <div class="import-notes" tabindex="0" role="region" aria-label="Notes of the import">
                    {notes
                        .into_iter()
                        .filter(|(_, list)| !list.is_empty())
                        .map(|(heading, list)| {
                            view! {
                                <h4>{format!("{heading} ({})", list.len())}</h4>
                                <ul>{list.into_iter().map(note).collect_view()}</ul>
                            }
                        })
                        .collect_view()}
                    {(report.guessed.is_empty() && report.skipped.is_empty() && report.warnings.is_empty())
                        .then(|| view! { <p class="hint">"Nothing was guessed or skipped."</p> })}
                </div>
            </section>
        </div>
    }
}

fn note(note: Note) -> impl IntoView {
    view! {
        <li>
            <span class="import-line">{format!("Line {}: ", note.line)}</span>
            {note.message}
        </li>
    }
}

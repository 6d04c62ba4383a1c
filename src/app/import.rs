//! Files in: the "Import" button's file chooser and drops anywhere on the
//! page. A file that is not a valid assessment is refused with every problem
//! listed and the library left as it was; an assessment whose id is already
//! in the library waits for the user to choose: replace it, or keep both.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::files::{read_files, take_files, PickedFile};
use super::library::{new_id, use_library, Library};
use super::notices::Notices;
use super::widgets::dialog::Dialog;
use crate::core::{format, Assessment};

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

/// Reads the files and brings every valid assessment in them into the library.
pub fn import_files(library: Library, notices: Notices, files: Vec<PickedFile>) {
    let pending = conflicts();
    let mut imported = Vec::new();
    for file in files {
        let text = match file.text {
            Ok(text) => text,
            Err(why) => {
                notices.error(format!("\u{201c}{}\u{201d} was not imported.", file.name), vec![why]);
                continue;
            }
        };
        match format::load_many(text.as_bytes()) {
            Ok(assessments) => {
                for assessment in assessments {
                    if library.contains(&assessment.id) {
                        pending.0.update(|p| p.push(assessment));
                    } else if library.report("Importing", library.put(&assessment)) {
                        imported.push(assessment.title);
                    }
                }
            }
            Err(error) => notices.error(
                format!("\u{201c}{}\u{201d} was not imported: it is not a valid Gapmap file.", file.name),
                error.problems.iter().map(ToString::to_string).collect(),
            ),
        }
    }
    match imported.as_slice() {
        [] => {}
        [one] => notices.info(format!("Imported \u{201c}{one}\u{201d}.")),
        many => notices.info(format!("Imported {} assessments.", many.len())),
    }
}

fn import_list(library: Library, notices: Notices, list: Option<web_sys::FileList>) {
    let files = list.map(|list| take_files(&list)).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let files = read_files(files).await;
        import_files(library, notices, files);
    });
}

/// The "Import" button: opens a file chooser for JSON files.
#[component]
pub fn ImportButton() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
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
            accept=".json,application/json"
            multiple
            hidden
            tabindex="-1"
            aria-hidden="true"
            on:change=move |ev| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                import_list(library, notices, input.files());
                input.set_value("");
            }
        />
    }
}

/// Accepts files dropped anywhere on the page.
pub fn listen_for_drops(library: Library, notices: Notices) {
    // Creating the context here, inside the app, lets the dialog find it.
    conflicts();
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        import_list(library, notices, ev.data_transfer().and_then(|t| t.files()));
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
    let first = move || pending.0.with(|p| p.first().cloned());
    let resolve = move |choice: Choice| {
        let Some(assessment) = first() else { return };
        pending.0.update(|p| {
            p.remove(0);
        });
        match choice {
            Choice::Replace => {
                if library.report("Replacing", library.put(&assessment)) {
                    notices.info(format!("Replaced \u{201c}{}\u{201d}.", assessment.title));
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
    };
    let title = Signal::derive(move || "This assessment is already in the library".to_string());
    view! {
        <Dialog open title>
            <p>
                "The file holds \u{201c}"
                {move || first().map(|a| a.title).unwrap_or_default()}
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

#[derive(Clone, Copy)]
enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

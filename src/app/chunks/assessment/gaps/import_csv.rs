//! "Import CSV" on the Gaps tab: a gaps table edited in a spreadsheet comes
//! back. `files` reads the file's bytes; the core (`import::csv::preview`)
//! decodes them (UTF-8, UTF-16, or the Windows-1252 that spreadsheets save)
//! and compares the table with the open assessment; a dialog shows each
//! gap, field, old and new value, the rows whose id no gap has, and every
//! problem with its row, before anything changes. "Apply" makes the changes
//! as one edit, which one Undo takes back; a field that changed while the
//! dialog was open (another tab, an Undo) keeps its value, and the notice
//! says which.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::use_gaps;
use crate::app::dialog::Dialog;
use crate::app::files::{read_bytes, take_files};
use crate::core::import::csv::{apply, preview, Applied, Preview};
use crate::core::present::display::plural;

/// The most changed fields the dialog lists; the count says how many more.
const SHOWN_CHANGES: usize = 500;

/// A file read and previewed, waiting for Apply or Cancel.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    file: String,
    preview: Preview,
}

/// The button, its hidden file chooser, and the preview dialog.
#[component]
pub(super) fn ImportCsv() -> impl IntoView {
    let state = use_gaps();
    let (editor, notices) = (state.editor, state.notices);
    let input = NodeRef::<leptos::html::Input>::new();
    let pending = RwSignal::new(None::<Pending>);
    let open = RwSignal::new(false);
    let chosen = move |list: Option<web_sys::FileList>| {
        let files = list.map(|list| take_files(&list)).unwrap_or_default();
        let Some(file) = files.into_iter().next() else { return };
        spawn_local(async move {
            let name = file.name();
            match read_bytes(&file).await {
                // The user may have left the assessment (or the Gaps tab)
                // during a long read: reading its editor would panic, and
                // there is no dialog left to show the preview in.
                Ok(_) if !editor.is_open() || open.is_disposed() => {}
                Ok(bytes) => {
                    let preview = editor.with_untracked(|a| preview(a, &bytes));
                    pending.set(Some(Pending { file: name, preview }));
                    open.set(true);
                }
                Err(message) => notices.error(format!("\u{201c}{name}\u{201d} was not imported."), vec![message]),
            }
        });
    };
    let apply_pending = move |_| {
        let Some(Pending { preview, .. }) = pending.get_untracked() else { return };
        let mut applied = Applied::default();
        editor.edit(None, |a| applied = apply(a, &preview));
        open.set(false);
        pending.set(None);
        let count = applied.changed;
        let title = format!("Applied {} from the CSV; Undo takes them back.", plural(count, "change", "changes"));
        if applied.skipped.is_empty() {
            notices.info(title);
        } else {
            notices.info_with_details(title, applied.skipped.iter().map(ToString::to_string).collect());
        }
    };
    let cancel = move |_| {
        open.set(false);
        pending.set(None);
    };
    view! {
        <button
            class="button"
            prop:disabled=editor.is_read_only()
            on:click=move |_| {
                if let Some(input) = input.get() {
                    input.click();
                }
            }
        >
            "Import CSV"
        </button>
        <input
            node_ref=input
            type="file"
            accept=".csv,text/csv"
            hidden
            tabindex="-1"
            aria-hidden="true"
            on:change=move |ev| {
                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                chosen(input.files());
                input.set_value("");
            }
        />
        <Dialog open title="Import CSV">
            {move || {
                pending
                    .get()
                    .map(|Pending { file, preview }| {
                        let count = preview.change_count();
                        view! {
                            <div class="csv-import" data-testid="csv-import">
                                <p data-testid="csv-import-summary">{summary(&file, &preview)}</p>
                                {preview
                                    .code_page
                                    .clone()
                                    .map(|page| {
                                        view! {
                                            <p class="csv-import-note">
                                                {format!("The file is not UTF-8; it was read as {page}.")}
                                            </p>
                                        }
                                    })}
                                <Changes preview=preview.clone() />
                                <Unknown preview=preview.clone() />
                                <Problems preview />
                                <div class="dialog-actions">
                                    <button class="button" on:click=cancel>
                                        "Cancel"
                                    </button>
                                    <button
                                        class="button button-primary"
                                        prop:disabled=count == 0
                                        on:click=apply_pending
                                    >
                                        "Apply"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </Dialog>
    }
}

/// "3 changes to 2 gaps, from gaps.csv (7 rows)."
fn summary(file: &str, preview: &Preview) -> String {
    let rows = plural(preview.rows, "row", "rows");
    match preview.change_count() {
        0 => format!("Nothing to change from \u{201c}{file}\u{201d} ({rows})."),
        n => format!(
            "{} to {}, from \u{201c}{file}\u{201d} ({rows}). Nothing changes until you apply them.",
            plural(n, "change", "changes"),
            plural(preview.gaps.len(), "gap", "gaps")
        ),
    }
}

/// The table of changes: gap, field, old, new.
#[component]
fn Changes(preview: Preview) -> impl IntoView {
    let total = preview.change_count();
    if total == 0 {
        return None;
    }
    let shown = |text: String| {
        if text.is_empty() {
            view! { <span class="csv-import-empty">"(empty)"</span> }.into_any()
        } else {
            text.into_any()
        }
    };
    let rows: Vec<_> = preview
        .gaps
        .into_iter()
        .flat_map(|gap| {
            let name = if gap.title.trim().is_empty() { gap.id.clone() } else { format!("{} ({})", gap.title, gap.id) };
            gap.changes.into_iter().map(move |change| (name.clone(), change))
        })
        .take(SHOWN_CHANGES)
        .map(|(name, change)| {
            view! {
                <tr>
                    <td>{name}</td>
                    <td>{change.field}</td>
                    <td class="csv-import-old">{shown(change.old)}</td>
                    <td class="csv-import-new">{shown(change.new)}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <div class="csv-import-table">
            <table data-testid="csv-import-changes">
                <caption>"Changes"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Gap"</th>
                        <th scope="col">"Field"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"From the file"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(total > SHOWN_CHANGES).then(|| view! { <p>{format!("… and {} more.", total - SHOWN_CHANGES)}</p> })}
    })
}

/// The rows whose id no gap has.
#[component]
fn Unknown(preview: Preview) -> impl IntoView {
    (!preview.unknown.is_empty()).then(|| {
        view! {
            <section class="csv-import-unknown" aria-labelledby="csv-import-unknown">
                <h3 id="csv-import-unknown">"Rows without a matching gap"</h3>
                <p>"These ids are not in this assessment; their rows are left out (the import changes gaps, it adds none)."</p>
                <ul>
                    {preview
                        .unknown
                        .into_iter()
                        .map(|row| view! { <li>{format!("Row {}: {}", row.row, row.id)}</li> })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// What could not be read.
#[component]
fn Problems(preview: Preview) -> impl IntoView {
    (!preview.problems.is_empty()).then(|| {
        view! {
            <section class="csv-import-problems" aria-labelledby="csv-import-problems">
                <h3 id="csv-import-problems">"Problems"</h3>
                <ul data-testid="csv-import-problems">
                    {preview.problems.into_iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

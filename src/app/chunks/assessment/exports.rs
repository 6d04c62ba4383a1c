//! The "More exports" menu of the assessment header: the Markdown report,
//! the gaps as CSV for spreadsheets, Jira, GitHub and Azure DevOps, and the
//! calendar (`.ics`), each written by the core (`export::markdown`,
//! `export::csv`, `export::ics`) as of today and handed over as a download
//! by `files`. The calendar's writer comes with this chunk rather than one
//! of its own: another chunk would grow the first load's chunk loader by
//! more than the writer weighs here. The plain "Export" button beside it stays the
//! way to the canonical JSON file.
//!
//! The menu is a `<details>` element: the browser makes its summary a
//! button that says whether it is expanded, with no code of ours.

use leptos::prelude::*;

use super::editor::use_editor;
use crate::app::dialog::unique_id;
use crate::app::files;
use crate::app::notices::Notices;
use crate::core::export::csv::{self, Layout};
use crate::core::export::{ics, markdown};

/// One entry of the menu.
#[derive(Clone, Copy)]
enum ExportKind {
    Markdown,
    Csv(Layout),
    Calendar,
}

impl ExportKind {
    const ALL: [ExportKind; 6] = [
        ExportKind::Markdown,
        ExportKind::Csv(Layout::Spreadsheet),
        ExportKind::Csv(Layout::Jira),
        ExportKind::Csv(Layout::GitHub),
        ExportKind::Csv(Layout::AzureDevOps),
        ExportKind::Calendar,
    ];

    fn label(self) -> &'static str {
        match self {
            ExportKind::Markdown => "Export Markdown",
            ExportKind::Csv(Layout::Spreadsheet) => "Export CSV",
            ExportKind::Csv(Layout::Jira) => "Export for Jira",
            ExportKind::Csv(Layout::GitHub) => "Export for GitHub",
            ExportKind::Csv(Layout::AzureDevOps) => "Export for Azure DevOps",
            ExportKind::Calendar => "Download calendar (.ics)",
        }
    }

    /// What the entry's file is for, shown under its label.
    fn hint(self) -> &'static str {
        match self {
            ExportKind::Markdown => "A report to read or to edit and import again",
            ExportKind::Csv(Layout::Spreadsheet) => "Every gap, for spreadsheets; import it back on the Gaps tab",
            ExportKind::Csv(Layout::Jira) => "Open gaps for Jira\u{2019}s CSV importer",
            ExportKind::Csv(Layout::GitHub) => "Open gaps for GitHub Issues CSV importers",
            ExportKind::Csv(Layout::AzureDevOps) => "Open gaps for Azure Boards\u{2019} work item import",
            ExportKind::Calendar => "The phases (with a roadmap start date) and due dates, for calendar apps",
        }
    }
}

/// The menu.
#[component]
pub(super) fn MoreExports() -> impl IntoView {
    let editor = use_editor();
    let notices = expect_context::<Notices>();
    let menu = NodeRef::<leptos::html::Details>::new();
    let export = move |kind: ExportKind| {
        let assessment = editor.snapshot();
        let today = editor.today.get_value();
        if let Some(menu) = menu.get() {
            menu.set_open(false);
        }
        let (name, mime, text) = match kind {
            ExportKind::Calendar => match ics::calendar(&assessment, &today) {
                Ok(text) => (files::file_name(&assessment.title, "ics"), "text/calendar", text),
                Err(none) => {
                    notices.error("No calendar was downloaded.", vec![none.to_string()]);
                    return;
                }
            },
            ExportKind::Markdown => {
                let text = markdown::report_as_of(&assessment, &markdown::ReportOptions::default(), &today);
                (files::file_name(&assessment.title, "md"), "text/markdown", text)
            }
            ExportKind::Csv(layout) => {
                let stem = format!("{}{}", assessment.title, layout.file_suffix());
                (files::file_name(&stem, "csv"), "text/csv", csv::write(&assessment, layout))
            }
        };
        if let Err(e) = files::download(&name, mime, &text) {
            notices.error("The export failed.", vec![e]);
        }
    };
    view! {
        <details
            class="export-menu"
            node_ref=menu
            on:keydown=move |ev| {
                // Escape closes the menu, as it closes dialogs.
                if ev.key() == "Escape" {
                    if let Some(menu) = menu.get().filter(|m| m.open()) {
                        menu.set_open(false);
                        if let Some(summary) = menu.first_element_child() {
                            if let Ok(summary) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(summary) {
                                let _ = summary.focus();
                            }
                        }
                    }
                }
            }
        >
            <summary class="button">"More exports"</summary>
            <ul class="export-menu-items">
                {ExportKind::ALL
                    .into_iter()
                    .map(|kind| {
                        // The label names the button; the hint describes it.
                        let hint = unique_id("export-hint");
                        view! {
                            <li>
                                <button
                                    class="export-menu-item"
                                    aria-describedby=hint.clone()
                                    on:click=move |_| export(kind)
                                >
                                    {kind.label()}
                                </button>
                                <span class="export-menu-hint" id=hint>
                                    {kind.hint()}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}

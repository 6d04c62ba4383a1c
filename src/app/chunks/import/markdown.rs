//! Markdown readiness documents, with the core: read by the Markdown
//! importer (`read`, the `gapmap_markdown` chunk, with the preview of
//! what it made of a document), and saved once the user confirms
//! (`confirm`, in the library's chunk).

use leptos::prelude::*;

use crate::app::chunks::fields::keyword_label;
use crate::app::clock::today;
use crate::app::ids::new_id;
use crate::app::import::waiting::{MarkdownImport, MarkdownQueue};
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route};
use crate::core::import::{markdown, Import, Note};
use crate::core::model::Status;
use crate::core::present::display;
use crate::core::present::query::{filter_gaps, GapFilter, StatusFilter};
use crate::core::{summarize_as_of, Assessment};

/// Reads a Markdown assessment document (the core's importer).
pub(in crate::app::chunks) fn read(text: &str) -> Import {
    markdown::import(text)
}

/// Saves a confirmed Markdown import (beside an assessment with its id, if
/// any) and shows the library.
pub(in crate::app::chunks) fn confirm(library: Library, notices: Notices, mut assessment: Assessment) {
    if library.contains(&assessment.id) {
        assessment.id = new_id();
    }
    if library.report("Importing", library.put(&assessment)) {
        notices.info(format!("Imported \u{201c}{}\u{201d}.", assessment.title));
        navigate(&Route::Library);
    }
}

/// The preview of the first document of the queue, following it: the
/// preview's numbers come from the core, which comes with the importer's
/// chunk.
pub(in crate::app::chunks) fn preview_first(queue: MarkdownQueue) -> AnyView {
    (move || queue.0.with(|q| q.first().map(preview))).into_any()
}

/// The import report and a preview of one document.
fn preview(pending: &MarkdownImport) -> impl IntoView {
    let assessment = &pending.import.assessment;
    let report = &pending.import.report;
    // As of today, as the editor will show it once imported.
    let summary = summarize_as_of(assessment, &today());
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

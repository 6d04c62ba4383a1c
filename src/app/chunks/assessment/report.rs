//! The Report tab: the assessment laid out for reading and for the browser's
//! Print to PDF. A cover (title, system, date, assessors, verdict), the
//! summary, the changes since the newest milestone, scores with the radar,
//! blockers, gaps by category, the roadmap with its timeline and costs,
//! KPIs and risks, and an appendix that explains how the numbers are
//! computed with this assessment's settings.
//!
//! Every number comes from the editor's `Summary` (or, for the charts, from
//! `core::present::chart` over it); `style/report.css` holds the print rules.
//!
//! One file per part: `front` (cover, summary, scores), `changes` (since
//! the newest milestone), `gaps` (blockers and gaps by category),
//! `roadmap`, `kpis_risks`, `appendix`; `layout` holds the section and
//! table that every part is made of.

mod appendix;
mod changes;
mod front;
mod gaps;
mod kpis_risks;
mod layout;
mod roadmap;

use leptos::prelude::*;

use self::appendix::appendix;
use self::changes::changes_since;
use self::front::{cover, scores, summary_section};
use self::gaps::{blockers, gaps_by_category};
use self::kpis_risks::kpis_and_risks;
use self::roadmap::roadmap_section;
use super::charts::ChartPatterns;
use super::editor::use_editor;

/// The Report tab.
#[component]
pub(super) fn Report() -> impl IntoView {
    let editor = use_editor();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="report">
            <div class="report-toolbar no-print">
                <p class="hint">"A read-only view of the whole assessment, laid out for reading and for printing to PDF (A4 or Letter)."</p>
                <button class="button button-primary" on:click=print>
                    "Print"
                </button>
            </div>
            <ChartPatterns />
            {move || {
                let problems = editor.problems.get();
                editor
                    .with(|a| {
                        editor
                            .summary
                            .with(|s| {
                                view! {
                                    {cover(a, s)}
                                    {summary_section(a, s, &problems)}
                                    {changes_since(a, editor)}
                                    {scores(s)}
                                    {blockers(a, s)}
                                    {gaps_by_category(a, s)}
                                    {roadmap_section(a, s)}
                                    {kpis_and_risks(a, &editor.today.get_value())}
                                    {appendix(a, s)}
                                }
                            })
                    })
            }}
        </div>
    }
}

//! What every part of the report is made of: a section with its heading,
//! and a table with its column headings.

use leptos::prelude::*;

/// A report section with its heading; `id` links the two.
pub(super) fn section(id: &'static str, title: &'static str, body: impl IntoView) -> impl IntoView {
    let heading = format!("report-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class=format!("report-section report-{id}") aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {body}
        </section>
    }
}

/// A table of the report: its column headings (`true` for a numeric column,
/// aligned right) and its rows.
pub(super) fn report_table(columns: &'static [(&'static str, bool)], rows: impl IntoView) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|&(name, numeric)| view! { <th scope="col" class=numeric.then_some("num")>{name}</th> })
        .collect_view();
    view! {
        <table class="report-table">
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

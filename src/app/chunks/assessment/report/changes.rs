//! The report's "Changes since <milestone>" section: the assessment
//! compared with its newest milestone, chosen as the Markdown report
//! chooses it (`export::markdown::Since::Latest`) and shown as the History
//! tab shows a comparison, the assessment as of the editor's today and the
//! milestone as of its own day. No section when the assessment has no milestone.

use leptos::prelude::*;

use crate::app::chunks::assessment::comparison::{Compared, ComparisonView};
use crate::app::chunks::assessment::editor::Editor;
use crate::app::chunks::assessment::past::day;
use crate::core::export::markdown::Since;
use crate::core::model::Assessment;

/// The changes since the newest milestone of `a`, if it has one.
pub(super) fn changes_since(a: &Assessment, editor: Editor) -> Option<impl IntoView> {
    let milestone = Since::Latest.milestone(&a.milestones)?;
    let title = format!("Changes since {} ({})", milestone.name, day(&milestone.saved_on));
    let compared = editor.today.with_value(|today| {
        Compared::new(milestone.state.to_assessment(), milestone.as_of(), a.clone(), today, &a.settings)
    });
    Some(view! {
        <section class="report-section report-changes" aria-labelledby="report-changes">
            <h2 id="report-changes">{title}</h2>
            <ComparisonView compared editor after_is_now=true />
        </section>
    })
}

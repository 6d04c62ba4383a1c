//! Every validation problem of the assessment, each named in the user's
//! words with a link to the tab that fixes it; then the warnings (as of
//! today), listed the same way.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::route::{Route, Tab};

/// Where a problem is fixed, from the first step of its path.
fn tab_of(collection: &str) -> Tab {
    match collection {
        "gaps" => Tab::Gaps,
        "phases" => Tab::Roadmap,
        "roles" | "currency" => Tab::Costs,
        "kpis" | "risks" => Tab::KpisRisks,
        "start_date" => Tab::Roadmap,
        "milestones" => Tab::History,
        _ => Tab::Settings,
    }
}

/// Every validation problem, each with a link to the tab that fixes it,
/// and every warning.
#[component]
pub(super) fn Problems() -> impl IntoView {
    let editor = use_editor();
    let problems = move || {
        let problems = editor.problems.get();
        (!problems.is_empty()).then(|| {
            let count = problems.len();
            view! {
                <section class="card problems" aria-labelledby="problems-heading">
                    <h2 id="problems-heading">
                        {format!("{count} {} to fix", if count == 1 { "problem" } else { "problems" })}
                    </h2>
                    <ProblemList problems />
                </section>
            }
        })
    };
    let warnings = move || {
        let warnings = editor.warnings.get();
        (!warnings.is_empty()).then(|| {
            let count = warnings.len();
            view! {
                <section class="card problems warnings" aria-labelledby="warnings-heading">
                    <h2 id="warnings-heading">
                        {format!("{count} {} to look at", if count == 1 { "warning" } else { "warnings" })}
                    </h2>
                    <ProblemList problems=warnings />
                </section>
            }
        })
    };
    view! {
        {problems}
        {warnings}
    }
}

/// Problems (or warnings), each with a link to the tab where it is fixed.
#[component]
fn ProblemList(problems: Vec<crate::core::Problem>) -> impl IntoView {
    let editor = use_editor();
    let id = move || editor.with(|a| a.id.clone());
    view! {
        <ul>
            {problems
                .into_iter()
                .map(|problem| {
                    let first = match problem.path.0.first() {
                        Some(crate::core::format::validate::Step::Key(key)) => key.clone(),
                        _ => String::new(),
                    };
                    let tab = tab_of(&first);
                    let what = editor.with_untracked(|a| describe(a, &problem.path));
                    let href = Route::Assessment { id: id(), tab }.href();
                    view! {
                        <li>
                            <a href=href>{what} " (" {tab.label()} ")"</a>
                            ": "
                            {problem.message}
                            " "
                            <code class="path">{problem.path.to_string()}</code>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Names the object a path points into, in the user's words: `Gap "No backups"`.
fn describe(a: &crate::core::Assessment, path: &crate::core::format::validate::Path) -> String {
    let named = |kind: &str, name: Option<&str>, index: usize| match name.filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("{kind} \u{201c}{name}\u{201d}"),
        None => format!("{kind} {}", index + 1),
    };
    match path.item() {
        Some(("gaps", i)) => named("Gap", a.gaps.get(i).map(|g| g.title.as_str()), i),
        Some(("categories", i)) => named("Category", a.categories.get(i).map(|c| c.name.as_str()), i),
        Some(("phases", i)) => named("Phase", a.phases.get(i).map(|p| p.name.as_str()), i),
        Some(("roles", i)) => named("Role", a.roles.get(i).map(|r| r.name.as_str()), i),
        Some(("kpis", i)) => named("KPI", a.kpis.get(i).map(|k| k.name.as_str()), i),
        Some(("risks", i)) => named("Risk", a.risks.get(i).map(|r| r.title.as_str()), i),
        _ => "Assessment".to_string(),
    }
}

//! The Gaps tab: every gap of the assessment in a table that filters, sorts
//! and pages, with inline changes of status, priority and phase, changes to
//! many selected gaps at once, and a detail editor for every field.
//!
//! The table stays fast with thousands of gaps: which gaps are shown and in
//! which order is one memo over the core's `query::filter_gaps` and
//! `query::sort_gaps`; rows are keyed by gap id and render in pages; each row
//! derives its own data in a memo, so an edit re-renders only the rows whose
//! data changed.
//!
//! - `filters`: the search box and the filter selects.
//! - `table`: the table, its rows and the bar of bulk changes.
//! - `detail`: the dialog that edits one gap.
//! - `import_csv`: "Import CSV", a gaps table from a spreadsheet, previewed.

mod detail;
mod filters;
mod import_csv;
mod table;

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::editor::{use_editor, Editor};
use crate::app::notices::{use_notices, Notices};
use crate::core::ids::next_id;
use crate::core::model::{Assessment, Category, Gap};
use crate::core::query::{self, GapFilter, GapSort, PhaseFilter, StatusFilter};

/// How many rows the table shows at first, and how many more "Show more" adds.
const PAGE: usize = 100;

/// Which gap a row or an editor shows: its id, and which of the gaps with
/// that id it is (0 unless a file repeats an id, which validation reports).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct GapKey {
    id: String,
    nth: usize,
}

impl GapKey {
    /// Where the gap is in `assessment.gaps` now. `hint` is where it was last
    /// time: gaps rarely move, so this is usually one comparison, not a scan.
    fn locate(&self, assessment: &Assessment, hint: usize) -> Option<usize> {
        if self.nth == 0 && assessment.gaps.get(hint).is_some_and(|g| g.id == self.id) {
            return Some(hint);
        }
        assessment.gaps.iter().enumerate().filter(|(_, g)| g.id == self.id).nth(self.nth).map(|(i, _)| i)
    }
}

/// The key of every gap, in file order.
fn keys(assessment: &Assessment) -> Vec<GapKey> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    assessment
        .gaps
        .iter()
        .map(|gap| {
            let count = seen.entry(gap.id.as_str()).or_insert(0);
            let key = GapKey { id: gap.id.clone(), nth: *count };
            *count += 1;
            key
        })
        .collect()
}

/// The positions of the gaps with these keys, in file order.
fn positions(assessment: &Assessment, wanted: &HashSet<GapKey>) -> Vec<usize> {
    keys(assessment).into_iter().enumerate().filter(|(_, key)| wanted.contains(key)).map(|(i, _)| i).collect()
}

/// A gap's title as a control shows it: never blank, so that every button
/// and field named after it has a name.
fn shown_title(title: &str) -> String {
    if title.trim().is_empty() {
        "Untitled gap".to_string()
    } else {
        title.to_string()
    }
}

/// The view state of the tab, shared by its parts through context. The
/// assessment itself is only ever read from the [`Editor`].
#[derive(Clone, Copy)]
struct GapsState {
    editor: Editor,
    notices: Notices,
    filter: RwSignal<GapFilter>,
    /// `None`: file order.
    sort: RwSignal<Option<GapSort>>,
    /// How many of the matching gaps the table shows.
    limit: RwSignal<usize>,
    selected: RwSignal<HashSet<GapKey>>,
    /// The gap open in the detail editor.
    editing: RwSignal<Option<GapKey>>,
    dialog_open: RwSignal<bool>,
    /// The gaps that match the filters, in the order of the sort.
    matching: Memo<Vec<GapKey>>,
    /// Each category's id and name, in the assessment's order.
    categories: Memo<Vec<(String, String)>>,
    /// Each phase's id and name, in roadmap order.
    phases: Memo<Vec<(String, String)>>,
    /// The validation problems of each gap, by its position.
    problems: Memo<HashMap<usize, Vec<String>>>,
}

impl GapsState {
    fn new(editor: Editor, notices: Notices) -> Self {
        let filter = RwSignal::new(GapFilter::default());
        let sort = RwSignal::new(None::<GapSort>);
        let matching = Memo::new(move |_| {
            let sort = sort.get();
            filter.with(|filter| {
                editor.with(|a| {
                    let mut shown = query::filter_gaps(a, filter);
                    if let Some(sort) = sort {
                        query::sort_gaps(a, &mut shown, sort);
                    }
                    let keys = keys(a);
                    shown.into_iter().map(|i| keys[i].clone()).collect()
                })
            })
        });
        let named = |id: &str, name: &str, unnamed: &str| {
            (id.to_string(), if name.trim().is_empty() { unnamed.to_string() } else { name.to_string() })
        };
        GapsState {
            editor,
            notices,
            filter,
            sort,
            limit: RwSignal::new(PAGE),
            selected: RwSignal::new(HashSet::new()),
            editing: RwSignal::new(None),
            dialog_open: RwSignal::new(false),
            matching,
            categories: Memo::new(move |_| {
                editor.with(|a| a.categories.iter().map(|c| named(&c.id, &c.name, "Unnamed category")).collect())
            }),
            phases: Memo::new(move |_| {
                editor.with(|a| a.phases.iter().map(|p| named(&p.id, &p.name, "Unnamed phase")).collect())
            }),
            problems: Memo::new(move |_| {
                editor.problems.with(|problems| {
                    let mut by_gap: HashMap<usize, Vec<String>> = HashMap::new();
                    for problem in problems {
                        if let Some(("gaps", i)) = problem.path.item() {
                            by_gap.entry(i).or_default().push(problem.message.clone());
                        }
                    }
                    by_gap
                })
            }),
        }
    }

    /// Changes the filters; the table starts again at its first page.
    fn set_filter(&self, change: impl FnOnce(&mut GapFilter)) {
        self.filter.update(change);
        self.limit.set(PAGE);
    }

    /// Opens a gap in the detail editor.
    fn open(&self, key: GapKey) {
        self.editing.set(Some(key));
        self.dialog_open.set(true);
    }

    /// Changes the gap at `position` (found with [`GapKey::locate`] just before).
    fn edit_gap(&self, position: usize, key: Option<&str>, change: impl FnOnce(&mut Gap)) {
        self.editor.edit(key, |a| {
            if let Some(gap) = a.gaps.get_mut(position) {
                change(gap);
            }
        });
    }

    /// Adds a gap where the filters look (their category, status, priority
    /// and phase, so that it is listed), and opens it. Without any category,
    /// adds one first.
    fn add_gap(&self) {
        let filter = self.filter.get_untracked();
        let mut added = None;
        self.editor.edit(None, |a| {
            if a.categories.is_empty() {
                add_general_category(a);
            }
            let category = match &filter.category {
                Some(id) if a.category(id).is_some() => id.clone(),
                _ => a.categories[0].id.clone(),
            };
            let id = next_id("gap", a.gaps.iter().map(|g| g.id.as_str()));
            let mut gap = Gap::new(id.clone(), category, "New gap");
            if let StatusFilter::Is(status) = filter.status {
                gap.status = status;
            }
            if let Some(priority) = filter.priority {
                gap.priority = priority;
            }
            if let PhaseFilter::Is(phase) = &filter.phase {
                if a.phase(phase).is_some() {
                    gap.phase = Some(phase.clone());
                }
            }
            a.gaps.push(gap);
            added = Some(GapKey { id, nth: 0 });
        });
        if let Some(key) = added {
            self.open(key);
        }
    }

    /// Deletes the gaps with these keys, and offers to bring them back.
    fn delete(&self, keys: &HashSet<GapKey>) {
        let editor = self.editor;
        let mut removed = None;
        let mut titles = Vec::new();
        editor.edit(None, |a| {
            let doomed = positions(a, keys);
            titles = doomed.iter().map(|&i| shown_title(&a.gaps[i].title)).collect();
            removed = Some(query::remove_gaps(a, &doomed));
        });
        let Some(removed) = removed.filter(|r| !r.gaps.is_empty()) else { return };
        self.selected.update(|selected| selected.retain(|key| !keys.contains(key)));
        if self.editing.get_untracked().is_some_and(|key| keys.contains(&key)) {
            self.dialog_open.set(false);
            self.editing.set(None);
        }
        let message = match titles.as_slice() {
            [title] => format!("Deleted \u{201c}{title}\u{201d}."),
            _ => format!("Deleted {} gaps.", titles.len()),
        };
        editor.offer_undo(self.notices, message, move |a| query::restore_gaps(a, removed.clone()));
    }
}

/// Adds a category named "General".
fn add_general_category(assessment: &mut Assessment) {
    let id = next_id("cat", assessment.categories.iter().map(|c| c.id.as_str()));
    assessment.categories.push(Category::new(id, "General"));
}

fn use_gaps() -> GapsState {
    expect_context::<GapsState>()
}

/// The Gaps tab.
#[component]
pub fn Gaps() -> impl IntoView {
    let state = GapsState::new(use_editor(), use_notices());
    provide_context(state);
    let editor = state.editor;
    let total = Memo::new(move |_| editor.with(|a| a.gaps.len()));
    let has_categories = Memo::new(move |_| state.categories.with(|c| !c.is_empty()));

    view! {
        <section class="gaps" aria-labelledby="gaps-heading">
            <div class="toolbar">
                <h2 id="gaps-heading">"Gaps"</h2>
                <div class="toolbar-actions">
                    <import_csv::ImportCsv />
                    <button
                        class="button button-primary"
                        prop:disabled=editor.is_read_only()
                        on:click=move |_| state.add_gap()
                    >
                        "Add gap"
                    </button>
                </div>
            </div>
            <Show when=move || !has_categories.get()>
                <NoCategories />
            </Show>
            <filters::Filters />
            <Show
                when=move || { total.get() > 0 }
                fallback=|| {
                    view! { <p class="empty">"No gaps yet. Add the first one with \u{201c}Add gap\u{201d}."</p> }
                }
            >
                <table::GapTable />
            </Show>
        </section>
        <detail::GapDialog />
    }
}

/// Says that gaps need a category, and offers one.
#[component]
fn NoCategories() -> impl IntoView {
    let state = use_gaps();
    view! {
        <div class="empty gaps-no-categories">
            <p>
                "No categories yet. Every gap belongs to a category (security, reliability \u{2026}): "
                "add one here, then rename it or add more in Settings."
            </p>
            <button
                class="button"
                prop:disabled=state.editor.is_read_only()
                on:click=move |_| state.editor.edit(None, add_general_category)
            >
                "Add category"
            </button>
        </div>
    }
}

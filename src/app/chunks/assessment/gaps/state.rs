//! The Gaps tab's view state, shared by its parts through context: the
//! filters, sort, page, selection and the gap open in the editor, the gaps
//! that match, and the changes the tab makes (add, change, delete with
//! undo).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::key::{keys, positions, GapKey};
use crate::app::chunks::assessment::editor::Editor;
use crate::app::notices::Notices;
use crate::core::edit;
use crate::core::model::{Assessment, Gap};
use crate::core::present::query::{self, GapFilter, GapSort};

/// How many rows the table shows at first, and how many more "Show more" adds.
pub(super) const PAGE: usize = 100;

/// A gap's title as a control shows it: never blank, so that every button
/// and field named after it has a name.
pub(super) fn shown_title(title: &str) -> String {
    if title.trim().is_empty() {
        "Untitled gap".to_string()
    } else {
        title.to_string()
    }
}

/// The view state of the tab, shared by its parts through context. The
/// assessment itself is only ever read from the [`Editor`].
#[derive(Clone, Copy)]
pub(super) struct GapsState {
    pub(super) editor: Editor,
    pub(super) notices: Notices,
    pub(super) filter: RwSignal<GapFilter>,
    /// `None`: file order.
    pub(super) sort: RwSignal<Option<GapSort>>,
    /// How many of the matching gaps the table shows.
    pub(super) limit: RwSignal<usize>,
    pub(super) selected: RwSignal<HashSet<GapKey>>,
    /// The gap open in the detail editor.
    pub(super) editing: RwSignal<Option<GapKey>>,
    pub(super) dialog_open: RwSignal<bool>,
    /// The gaps that match the filters, in the order of the sort.
    pub(super) matching: Memo<Vec<GapKey>>,
    /// Each category's id and name, in the assessment's order.
    pub(super) categories: Memo<Vec<(String, String)>>,
    /// Each phase's id and name, in roadmap order.
    pub(super) phases: Memo<Vec<(String, String)>>,
    /// The validation problems of each gap, by its position.
    pub(super) problems: Memo<HashMap<usize, Vec<String>>>,
}

impl GapsState {
    /// The state of a newly shown tab: no filter, file order, first page.
    pub(super) fn new(editor: Editor, notices: Notices) -> Self {
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
    pub(super) fn set_filter(&self, change: impl FnOnce(&mut GapFilter)) {
        self.filter.update(change);
        self.limit.set(PAGE);
    }

    /// Opens a gap in the detail editor.
    pub(super) fn open(&self, key: GapKey) {
        self.editing.set(Some(key));
        self.dialog_open.set(true);
    }

    /// Changes the gap at `position` (found with [`GapKey::locate`] just before).
    pub(super) fn edit_gap(&self, position: usize, key: Option<&str>, change: impl FnOnce(&mut Gap)) {
        self.editor.edit(key, |a| {
            if let Some(gap) = a.gaps.get_mut(position) {
                change(gap);
            }
        });
    }

    /// Adds a gap where the filters look (their category, status, priority
    /// and phase, so that it is listed), and opens it. Without any category,
    /// adds one first.
    pub(super) fn add_gap(&self) {
        let filter = self.filter.get_untracked();
        let mut added = None;
        self.editor.edit(None, |a| added = Some(GapKey { id: edit::add_gap(a, &filter), nth: 0 }));
        if let Some(key) = added {
            self.open(key);
        }
    }

    /// Deletes the gaps with these keys, and offers to bring them back.
    pub(super) fn delete(&self, keys: &HashSet<GapKey>) {
        let editor = self.editor;
        let mut removed = None;
        let mut titles = Vec::new();
        editor.edit(None, |a| {
            let doomed = positions(a, keys);
            titles = doomed.iter().map(|&i| shown_title(&a.gaps[i].title)).collect();
            removed = Some(edit::remove_gaps(a, &doomed));
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
        editor.offer_undo(self.notices, message, move |a| edit::restore_gaps(a, removed.clone()));
    }
}

/// Adds a category named "General".
pub(super) fn add_general_category(assessment: &mut Assessment) {
    edit::add_category(assessment, "General");
}

/// The tab's state, from context.
pub(super) fn use_gaps() -> GapsState {
    expect_context::<GapsState>()
}

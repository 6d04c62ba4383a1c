//! The dialog of a share link opened in the page's address (`#a=…`): what
//! the link holds, before anything is imported, and "Import". The
//! `gapmap_share` chunk: a first visit without a link never downloads it,
//! nor the link's decoder ([`crate::core::format::share`]).

use leptos::prelude::*;

use super::import::offer::Landing;
use crate::app::clock::today;
use crate::app::dialog::Dialog;
use crate::app::ids::new_id;
use crate::app::import::waiting::{use_pending, Pending};
use crate::app::library::state::use_library;
use crate::app::notices::Notices;
use crate::app::route::{navigate, Route, Tab};
use crate::app::share::address::{clear_fragment, payload_here};
use crate::core::format::share;
use crate::core::format::validate::Problem;
use crate::core::present::display;
use crate::core::{summarize_as_of, Assessment};

/// A shared assessment read from the page's address, waiting for the user.
#[derive(Clone)]
struct Shared {
    assessment: Assessment,
    problems: Vec<Problem>,
}

/// The dialog, ready to mount.
pub(super) fn dialog() -> AnyView {
    view! { <SharedLinkDialog /> }.into_any()
}

/// Shows what a share link holds (title, system, overall score, counts) and
/// offers to import it. Importing never overwrites: an id already in the
/// library goes to the conflict dialog (replace or keep both).
#[component]
fn SharedLinkDialog() -> impl IntoView {
    let library = use_library();
    let notices = expect_context::<Notices>();
    let waiting: Pending = use_pending();
    let shared = RwSignal::new(None::<Shared>);
    let open = RwSignal::new(false);
    let read = move || {
        let Some(payload) = payload_here() else { return };
        match share::decode(&payload) {
            Ok((assessment, problems)) => {
                shared.set(Some(Shared { assessment, problems }));
                open.set(true);
            }
            Err(error) => {
                clear_fragment();
                notices.error("This share link could not be opened.", vec![error.to_string()]);
            }
        }
    };
    read();
    // A link pasted into the address bar of an open Gapmap changes only the
    // fragment: the page does not load again.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| read());
    on_cleanup(move || listener.remove());
    // Closed by Escape or Cancel: nothing is imported, and the link is gone.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && shared.with_untracked(Option::is_some) {
            shared.set(None);
            clear_fragment();
        }
        now
    });
    let import = move |_| {
        let Some(Shared { mut assessment, .. }) = shared.get_untracked() else { return };
        // A link read with problems may lack the id that storage keys need.
        if assessment.id.trim().is_empty() {
            assessment.id = new_id();
        }
        let (id, title) = (assessment.id.clone(), assessment.title.clone());
        let landing = waiting.offer(library, assessment);
        // Emptied first, so that closing the dialog does not clear the link
        // by itself (the effect above): only a landed import clears it.
        shared.set(None);
        open.set(false);
        match landing {
            Landing::Saved => {
                clear_fragment();
                notices.info(format!("Imported \u{201c}{title}\u{201d}."));
                navigate(&Route::Assessment { id, tab: Tab::Overview });
            }
            Landing::Waiting => clear_fragment(),
            // The link stays in the address: once there is room, reloading
            // the page offers it again.
            Landing::Failed(why) => notices.error(
                format!("\u{201c}{title}\u{201d} could not be imported."),
                vec![why, "The link is kept in the address bar: reload the page to try again.".to_string()],
            ),
        }
    };
    let title = Signal::derive(|| "Import a shared assessment".to_string());
    view! {
        <Dialog open title>
            {move || shared.with(|s| s.as_ref().map(preview))}
            <div class="dialog-actions">
                <button class="button" on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
                <button class="button button-primary" on:click=import>
                    "Import"
                </button>
            </div>
        </Dialog>
    }
}

/// The facts of a shared assessment, every number from the core.
fn preview(shared: &Shared) -> impl IntoView {
    let a = &shared.assessment;
    // As of today, as the editor will show it once imported.
    let summary = summarize_as_of(a, &today());
    let system = if a.system.trim().is_empty() { "—".to_string() } else { a.system.clone() };
    let counts = format!(
        "{} categories, {} gaps, {} phases, {} KPIs, {} risks",
        a.categories.len(),
        a.gaps.len(),
        a.phases.len(),
        a.kpis.len(),
        a.risks.len()
    );
    let problems = shared.problems.len();
    view! {
        <div class="shared-preview">
            <p class="hint">"This link holds an assessment. Nothing is saved until you choose Import."</p>
            <dl class="import-facts">
                <dt>"Title"</dt>
                <dd data-testid="shared-title">{a.title.clone()}</dd>
                <dt>"System"</dt>
                <dd data-testid="shared-system">{system}</dd>
                <dt>"Overall score"</dt>
                <dd class="num" data-testid="shared-overall">{display::score(summary.overall)}</dd>
                <dt>"Contents"</dt>
                <dd data-testid="shared-counts">{counts}</dd>
            </dl>
            {(problems > 0)
                .then(|| {
                    view! {
                        <p class="banner banner-warning">
                            {format!(
                                "It has {problems} problem{} to fix; they are listed once it is imported.",
                                if problems == 1 { "" } else { "s" },
                            )}
                        </p>
                    }
                })}
        </div>
    }
}

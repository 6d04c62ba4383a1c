//! "Compare two states": a "Before" and an "After", each a milestone, the
//! assessment as it is now, or another Gapmap file the user picks (read by
//! the core's loader, and said to be another assessment when its id is not
//! this one's), and the comparison of the two (`comparison::ComparisonView`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::sides::{Choice, Sides};
use crate::app::chunks::assessment::comparison::{Compared, ComparisonView};
use crate::app::chunks::assessment::editor::{use_editor, Editor};
use crate::app::chunks::assessment::past::day;
use crate::app::files::{read_bytes, take_files};
use crate::core::format;
use crate::core::milestone::latest_milestone;
use crate::core::Assessment;

/// A file the user picked: its name, and the assessment in it or why it
/// cannot be read.
#[derive(Clone, Debug, PartialEq)]
struct Picked {
    name: String,
    read: Result<Assessment, String>,
}

/// The "Compare two states" section.
#[component]
pub(super) fn Compare(sides: Sides) -> impl IntoView {
    let editor = use_editor();
    let picked = RwSignal::new(None::<Picked>);
    let input = NodeRef::<leptos::html::Input>::new();
    // The options: each milestone, now, another file.
    let options = Memo::new(move |_| {
        editor.with(|a| {
            let mut options: Vec<(String, String)> = a
                .milestones
                .iter()
                .map(|m| (Choice::Milestone(m.id.clone()).value(), format!("{} ({})", m.name, day(&m.saved_on))))
                .collect();
            options.push((Choice::Now.value(), "Now (the assessment as it is)".to_string()));
            options.push((Choice::File.value(), "Another Gapmap file\u{2026}".to_string()));
            options
        })
    });
    // Before is the newest milestone until the user chooses, or one they
    // chose that was deleted since.
    let before = Memo::new(move |_| {
        let chosen = sides.before.get();
        editor
            .with(|a| match chosen {
                Some(Choice::Milestone(id)) if !a.milestones.iter().any(|m| m.id == id) => None,
                chosen => chosen,
            })
            .unwrap_or_else(|| {
                editor
                    .with(|a| latest_milestone(&a.milestones).map_or(Choice::Now, |m| Choice::Milestone(m.id.clone())))
            })
    });
    let after = Memo::new(move |_| {
        let chosen = sides.after.get();
        match chosen {
            Choice::Milestone(id) if !editor.with(|a| a.milestones.iter().any(|m| m.id == id)) => Choice::Now,
            chosen => chosen,
        }
    });
    let compared = Memo::new(move |_| {
        let state = |choice: &Choice| state(editor, choice, picked);
        let ((before, before_as_of), (after, after_as_of)) = (state(&before.get())?, state(&after.get())?);
        let current = editor.with(|a| a.settings.clone());
        Some(Compared::new(before, &before_as_of, after, &after_as_of, &current))
    });
    let wants_file = move || before.get() == Choice::File || after.get() == Choice::File;
    let chosen = move |list: Option<web_sys::FileList>| {
        let files = list.map(|list| take_files(&list)).unwrap_or_default();
        let Some(file) = files.into_iter().next() else { return };
        spawn_local(async move {
            let name = file.name();
            let read = match read_bytes(&file).await {
                Ok(bytes) => format::load(&bytes).map_err(|e| e.to_string()),
                Err(message) => Err(message),
            };
            // The user may have left the tab during a long read.
            let _ = picked.try_set(Some(Picked { name, read }));
        });
    };
    let chooser = move |label: &'static str, side: Memo<Choice>, set: Callback<Choice>| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <select
                    class="input"
                    aria-label=label
                    on:change=move |ev| set.run(Choice::from_value(&event_target_value(&ev)))
                    prop:value=move || side.get().value()
                >
                    {move || {
                        let selected = side.get().value();
                        options
                            .get()
                            .into_iter()
                            .map(|(value, text)| {
                                let is = value == selected;
                                view! {
                                    <option value=value selected=is>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    view! {
        <section class="card compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading" tabindex="-1">
                "Compare two states"
            </h2>
            <p class="hint">
                "Choose what to compare: two milestones, a milestone and now, or now and another Gapmap file (an export of this assessment, say)."
            </p>
            <div class="compare-sides">
                {chooser("Before", before, Callback::new(move |c| sides.before.set(Some(c))))}
                {chooser("After", after, Callback::new(move |c| sides.after.set(c)))}
            </div>
            <Show when=wants_file>
                <div class="compare-file">
                    <button
                        class="button"
                        on:click=move |_| {
                            if let Some(input) = input.get() {
                                input.click();
                            }
                        }
                    >
                        "Choose a Gapmap file\u{2026}"
                    </button>
                    <span data-testid="compare-file">
                        {move || match picked.get() {
                            None => "No file chosen yet.".to_string(),
                            Some(Picked { name, read: Ok(a) }) => format!("\u{201c}{name}\u{201d}: {}", a.title),
                            Some(Picked { name, read: Err(why) }) => format!("\u{201c}{name}\u{201d} cannot be compared: {why}"),
                        }}
                    </span>
                </div>
            </Show>
            <input
                node_ref=input
                type="file"
                accept=".json,application/json"
                hidden
                tabindex="-1"
                aria-hidden="true"
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    chosen(input.files());
                    input.set_value("");
                }
            />
            {move || {
                let after_is_now = after.get() == Choice::Now;
                compared.get().map(|compared| view! { <ComparisonView compared editor after_is_now /> })
            }}
        </section>
    }
}

/// The state `choice` names, tracked, with the day it is scored as of (the
/// editor's today; a milestone's own day): `None` for a file not yet
/// picked or not readable.
fn state(editor: Editor, choice: &Choice, picked: RwSignal<Option<Picked>>) -> Option<(Assessment, String)> {
    let today = || editor.today.get_value();
    match choice {
        Choice::Now => Some((editor.with(Clone::clone), today())),
        Choice::Milestone(id) => editor.with(|a| {
            a.milestones.iter().find(|m| &m.id == id).map(|m| (m.state.to_assessment(), m.as_of().to_string()))
        }),
        Choice::File => picked.with(|p| p.as_ref().and_then(|p| p.read.clone().ok())).map(|a| (a, today())),
    }
}

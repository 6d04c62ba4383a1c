//! Browser tests (wasm-bindgen-test in headless Chromium): local storage's
//! guarantees against a real `localStorage`, and the app's components mounted
//! into a real page. Run by `make test-wasm`.

#![cfg(target_arch = "wasm32")]

use gapmap::core::model::{Category, Gap, Status};
use gapmap::core::{format, Assessment};
use gapmap::storage::envelope::{assessment_key, INDEX_KEY};
use gapmap::storage::{local, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The day the index's numbers are for (nothing in these samples expires).
const DAY: &str = "2025-01-01";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_storage() {
    storage().clear().unwrap();
}

fn sample(id: &str) -> Assessment {
    let mut a = Assessment::new(id, "Checkout service");
    a.categories.push(Category::new("sec", "Security"));
    let mut gap = Gap::new("g1", "sec", "No TLS on the admin port");
    gap.status = Status::Done;
    a.gaps.push(gap);
    a
}

#[wasm_bindgen_test]
fn a_save_reads_back_and_lists_in_the_library() {
    clear_storage();
    assert!(local::is_available());
    let revision = local::save(&sample("a1"), 0, DAY).unwrap();
    assert_eq!(revision, 1);
    let stored = local::open("a1").unwrap().unwrap().unwrap();
    assert_eq!(stored.assessment, sample("a1"));
    let entries = local::entries(DAY).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].title, "Checkout service");
    assert_eq!(entries[0].overall, Some(100.0));
}

#[wasm_bindgen_test]
fn the_merge_bases_of_deleted_assessments_are_forgotten() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    local::save(&sample("a2"), 0, DAY).unwrap();
    for id in ["a1", "a2"] {
        assert_eq!(local::set_base(id, "{}"), Ok(true));
    }
    local::remove("a2").unwrap();
    assert_eq!(local::base("a2").as_deref(), Some("{}"), "kept until forgotten: an Undo may follow");
    assert_eq!(local::forget_orphan_bases(), 1);
    assert_eq!(local::base("a2"), None);
    assert_eq!(local::base("a1").as_deref(), Some("{}"));
    assert_eq!(local::forget_orphan_bases(), 0);
}

#[wasm_bindgen_test]
fn a_save_over_a_newer_revision_is_refused() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    local::save(&sample("a1"), 1, DAY).unwrap();
    // A second tab opened the assessment at revision 1 and saves late.
    let mut stale = sample("a1");
    stale.title = "Stale edit".into();
    assert_eq!(local::save(&stale, 1, DAY), Err(StorageError::Conflict { stored: 2, base: 1 }));
    let kept = local::open("a1").unwrap().unwrap().unwrap();
    assert_eq!(kept.assessment.title, "Checkout service");
}

#[wasm_bindgen_test]
fn two_saves_of_the_same_revision_are_told_apart_by_their_time() {
    clear_storage();
    let (revision, saved_at) = local::save_over(&sample("a1"), 0, None, DAY).unwrap();
    assert_eq!(local::stamp("a1"), Some((revision, saved_at)));
    // Another tab read revision 0 at the same moment, and its write of
    // revision 1 landed over this one.
    let mut theirs = sample("a1");
    theirs.title = "Theirs".into();
    let text = gapmap::storage::envelope::seal(&theirs, revision, saved_at + 7.0);
    storage().set_item(&assessment_key("a1"), &text).unwrap();
    let mut mine = sample("a1");
    mine.title = "Mine".into();
    assert_eq!(
        local::save_over(&mine, revision, Some(saved_at), DAY),
        Err(StorageError::Conflict { stored: revision, base: revision })
    );
    assert_eq!(local::raw("a1").unwrap().as_deref(), Some(text.as_str()));
    // Knowing their save time, the save goes through.
    assert!(local::save_over(&mine, revision, Some(saved_at + 7.0), DAY).is_ok());
}

#[wasm_bindgen_test]
fn a_damaged_entry_is_never_overwritten() {
    clear_storage();
    storage().set_item(&assessment_key("a1"), "{ this is not an envelope").unwrap();
    let result = local::save(&sample("a1"), 0, DAY);
    assert!(matches!(result, Err(StorageError::Protected(_))), "{result:?}");
    assert_eq!(local::raw("a1").unwrap().as_deref(), Some("{ this is not an envelope"));
    let entries = local::entries(DAY).unwrap();
    assert!(entries[0].unreadable.is_some());
}

#[wasm_bindgen_test]
fn the_index_is_rebuilt_from_the_entries() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    local::save(&sample("a2"), 0, DAY).unwrap();
    storage().remove_item(INDEX_KEY).unwrap();
    let mut ids: Vec<String> = local::entries(DAY).unwrap().into_iter().map(|e| e.id).collect();
    ids.sort();
    assert_eq!(ids, ["a1", "a2"]);
    storage().set_item(INDEX_KEY, "garbage").unwrap();
    assert_eq!(local::entries(DAY).unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn a_broken_index_lists_quick_lines_until_the_rebuild() {
    clear_storage();
    let mut a1 = sample("a1");
    a1.system = "checkout".into();
    local::save(&a1, 0, DAY).unwrap();
    local::save(&sample("a2"), 0, DAY).unwrap();
    let full = local::listing().unwrap();
    assert!(!full.stale);
    assert!(full.entries.iter().all(|e| !e.pending && e.overall == Some(100.0)), "{full:?}");
    for broken in [None, Some("garbage"), Some(r#"{"storage":1,"entries":[]}"#)] {
        match broken {
            None => storage().remove_item(INDEX_KEY).unwrap(),
            Some(text) => storage().set_item(INDEX_KEY, text).unwrap(),
        }
        let quick = local::listing().unwrap();
        assert!(quick.stale, "{broken:?}");
        // Each line at once, from the envelopes: all but the numbers.
        let mut lines = quick.entries.clone();
        lines.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(
            lines.iter().map(|e| (e.id.as_str(), e.title.as_str())).collect::<Vec<_>>(),
            [("a1", "Checkout service"), ("a2", "Checkout service")]
        );
        assert_eq!(lines[0].system, "checkout");
        assert!(lines.iter().all(|e| e.pending && e.overall.is_none() && e.revision == 1), "{lines:?}");
        // Listing does not rebuild; the rebuild does, and writes the index.
        assert!(local::listing().unwrap().stale);
        assert_eq!(local::entries(DAY).unwrap().len(), 2);
        let rebuilt = local::listing().unwrap();
        assert!(!rebuilt.stale && rebuilt.entries.iter().all(|e| !e.pending && e.overall == Some(100.0)));
    }
}

#[wasm_bindgen_test]
fn a_delete_leaves_a_broken_index_to_its_rebuild_and_undo_puts_back_every_byte() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    local::save(&sample("a2"), 0, DAY).unwrap();
    let text = local::raw("a1").unwrap().unwrap();
    let line = local::entries(DAY).unwrap().into_iter().find(|e| e.id == "a1");
    // With a trusted index, the line goes and comes back with the entry.
    local::remove("a1").unwrap();
    assert!(!local::listing().unwrap().stale);
    assert_eq!(local::restore("a1", &text, line.clone()), Ok(true));
    assert_eq!(local::raw("a1").unwrap().as_deref(), Some(text.as_str()));
    let listing = local::listing().unwrap();
    assert!(!listing.stale && listing.entries.len() == 2, "{listing:?}");
    // An id taken since is not written over.
    assert_eq!(local::restore("a1", "other text", line.clone()), Ok(false));
    assert_eq!(local::raw("a1").unwrap().as_deref(), Some(text.as_str()));
    // A broken index is left as it is, for the rebuild.
    storage().set_item(INDEX_KEY, "garbage").unwrap();
    local::remove("a1").unwrap();
    assert_eq!(storage().get_item(INDEX_KEY).unwrap().as_deref(), Some("garbage"));
    assert_eq!(local::listing().unwrap().entries.len(), 1);
    assert_eq!(local::restore("a1", &text, line), Ok(true));
    assert!(local::listing().unwrap().stale);
    assert_eq!(local::entries(DAY).unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_the_last_good_save() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    // Fill the site's storage with ballast until the browser refuses more.
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while storage().set_item(&format!("ballast:{n}"), &chunk).is_ok() && n < 200 {
        n += 1;
    }
    let mut big = sample("a1");
    big.summary = "y".repeat(512 * 1024);
    let result = local::save(&big, 1, DAY);
    clear_ballast(n);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    let kept = local::open("a1").unwrap().unwrap().unwrap();
    assert_eq!(kept.assessment, sample("a1"));
    assert_eq!(kept.revision, 1);
}

fn clear_ballast(n: usize) {
    for i in 0..=n {
        let _ = storage().remove_item(&format!("ballast:{i}"));
    }
}

/// An entry as a newer Gapmap would store it: a higher format version and a
/// field this version does not know.
fn newer_entry(id: &str, title: &str) -> String {
    format!(
        r#"{{"storage":1,"revision":4,"saved_at":0,"assessment":{{"format":"gapmap","version":99,"id":"{id}","title":"{title}","x-future":[1]}}}}"#
    )
}

#[wasm_bindgen_test]
fn a_newer_entry_is_listed_read_only_and_never_overwritten() {
    clear_storage();
    let text = newer_entry("n1", "From the future");
    storage().set_item(&assessment_key("n1"), &text).unwrap();
    let entries = local::entries(DAY).unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].read_only && entries[0].unreadable.is_some(), "{:?}", entries[0]);
    assert_eq!(entries[0].title, "From the future");
    // Whatever base a save claims, it does not go over the newer entry.
    for base in [0, 4, 99] {
        let result = local::save(&sample("n1"), base, DAY);
        assert!(matches!(result, Err(StorageError::Protected(_) | StorageError::Conflict { .. })), "{result:?}");
    }
    assert_eq!(local::raw("n1").unwrap().as_deref(), Some(text.as_str()));
}

#[wasm_bindgen_test]
fn a_bundle_export_reads_back_whole() {
    let bundle = format::save_bundle(&[sample("a1"), sample("a2")]);
    let back = format::load_many(bundle.as_bytes()).unwrap();
    assert_eq!(back, vec![sample("a1"), sample("a2")]);
}

#[wasm_bindgen_test]
fn an_export_time_is_kept_beside_the_assessment_not_among_them() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    assert_eq!(local::exported_at("a1"), None);
    let before = js_sys::Date::now();
    local::mark_exported("a1").unwrap();
    let at = local::exported_at("a1").expect("an export time");
    assert!(at >= before && at <= js_sys::Date::now(), "{at}");
    // The flag is no assessment: the library still lists exactly one.
    let entries = local::entries(DAY).unwrap();
    assert_eq!(entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a1"]);
    // Something else under the key reads as "never", not as an error.
    storage().set_item(&gapmap::storage::durability::exported_key("a1"), "yesterday").unwrap();
    assert_eq!(local::exported_at("a1"), None);
}

/// A delete whose index cannot be rewritten has still happened, and says
/// so (so that its Undo is offered): the index is dropped, to be rebuilt.
#[wasm_bindgen_test]
fn a_delete_whose_index_cannot_be_written_still_succeeds() {
    clear_storage();
    local::save(&sample("a1"), 0, DAY).unwrap();
    local::save(&sample("a2"), 0, DAY).unwrap();
    let stored = storage().get_item(&assessment_key("a1")).unwrap().unwrap();
    js_sys::eval(
        r#"(() => {
            const original = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {
                if (key === "gapmap:index") throw new DOMException("full", "QuotaExceededError");
                return original.call(this, key, value);
            };
            window.__gapmapRestoreSetItem = () => { Storage.prototype.setItem = original; };
        })()"#,
    )
    .unwrap();
    let removed = local::remove("a1");
    js_sys::eval("window.__gapmapRestoreSetItem()").unwrap();
    assert_eq!(removed, Ok(()));
    assert_eq!(storage().get_item(&assessment_key("a1")).unwrap(), None);
    assert_eq!(storage().get_item(INDEX_KEY).unwrap(), None, "the stale index is dropped");
    // The undo puts back every byte.
    assert_eq!(local::restore("a1", &stored, None), Ok(true));
    assert_eq!(storage().get_item(&assessment_key("a1")).unwrap().as_deref(), Some(stored.as_str()));
}

/// Every template "New assessment" offers has its text, and it is the
/// template named (the texts come in a chunk, apart from the names).
#[wasm_bindgen_test]
fn each_offered_template_has_its_assessment() {
    use gapmap::templates::{template_assessment, TEMPLATES};
    assert!(!TEMPLATES.is_empty());
    for (index, offered) in TEMPLATES.iter().enumerate() {
        let assessment = template_assessment(index).expect("the template's text loads");
        assert_eq!(assessment.title, offered.name);
        assert!(!assessment.gaps.is_empty());
    }
    assert!(template_assessment(TEMPLATES.len()).is_none());
}

mod components {
    //! The app mounted into the test page.

    use super::*;
    use leptos::prelude::*;

    async fn next_frame() {
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    fn body_text() -> String {
        document().body().unwrap().text_content().unwrap_or_default()
    }

    /// An error already on screen is not shown twice; a different one, or
    /// the same one after it was dismissed, is.
    #[wasm_bindgen_test]
    async fn the_same_error_twice_is_one_notice() {
        use gapmap::app::notices::{NoticeArea, Notices};
        let notices = Notices::new();
        let mount = leptos::mount::mount_to(document().body().unwrap(), move || {
            provide_context(notices);
            view! { <NoticeArea /> }
        });
        let alerts = || document().query_selector_all(".notices [role=alert]").unwrap().length();
        notices.error("The library could not be read.", vec!["offline".to_string()]);
        notices.error("The library could not be read.", vec!["offline".to_string()]);
        next_frame().await;
        assert_eq!(alerts(), 1);
        notices.error("The library could not be read.", vec!["quota".to_string()]);
        next_frame().await;
        assert_eq!(alerts(), 2);
        let dismiss = document().query_selector(".notices [aria-label='Dismiss message']").unwrap().unwrap();
        wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(dismiss).click();
        next_frame().await;
        assert_eq!(alerts(), 1);
        notices.error("The library could not be read.", vec!["offline".to_string()]);
        next_frame().await;
        assert_eq!(alerts(), 2);
        drop(mount);
    }

    #[wasm_bindgen_test]
    async fn the_library_lists_saved_assessments_with_their_scores() {
        clear_storage();
        local::set_flag("seeded", "1").unwrap();
        local::save(&sample("a1"), 0, DAY).unwrap();
        let _ = web_sys::window().unwrap().location().set_hash("#/");
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        let text = body_text();
        assert!(text.contains("Checkout service"), "{text}");
        assert!(text.contains("100.0"), "{text}");
        let buttons: Vec<String> = (0..document().query_selector_all("button").unwrap().length())
            .filter_map(|i| document().query_selector_all("button").unwrap().item(i))
            .filter_map(|n| n.text_content())
            .collect();
        assert!(buttons.iter().any(|b| b == "New assessment"), "{buttons:?}");
        assert!(buttons.iter().any(|b| b == "Import"), "{buttons:?}");
        drop(mount);
    }

    #[wasm_bindgen_test]
    async fn the_first_run_seeds_the_example_once() {
        clear_storage();
        let _ = web_sys::window().unwrap().location().set_hash("#/");
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        // Listed whole without the core: the seeded line is the one the core
        // computes from the stored entry, numbers included.
        let listing = local::listing().unwrap();
        assert!(!listing.stale);
        let stored = local::raw("example").unwrap().unwrap();
        assert_eq!(listing.entries, [gapmap::storage::envelope::Entry::from_stored("example", &stored, DAY)]);
        assert_eq!(local::open("example").unwrap().unwrap().unwrap().revision, 1);
        assert_eq!(local::entries(DAY).unwrap().len(), 1);
        drop(mount);
        // Deleting the example does not bring it back on the next start.
        local::remove("example").unwrap();
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        assert!(local::entries(DAY).unwrap().is_empty());
        drop(mount);
    }

    #[wasm_bindgen_test]
    async fn an_edit_is_saved_after_the_debounce_and_undo_restores_it() {
        clear_storage();
        local::save(&sample("a1"), 0, DAY).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::chunks::Editor::new(sample("a1"), 1, false);
        editor.edit(None, |a| a.gaps[0].status = Status::Missing);
        assert_eq!(editor.summary.get_untracked().overall, Some(0.0));
        // Not yet saved: the save waits for the debounce.
        assert_eq!(local::open("a1").unwrap().unwrap().unwrap().revision, 1);
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 400).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
        let stored = local::open("a1").unwrap().unwrap().unwrap();
        assert_eq!(stored.revision, 2);
        assert_eq!(stored.assessment.gaps[0].status, Status::Missing);
        editor.undo();
        assert_eq!(editor.summary.get_untracked().overall, Some(100.0));
        editor.flush();
        assert_eq!(local::open("a1").unwrap().unwrap().unwrap().assessment.gaps[0].status, Status::Done);
    }

    /// Waits for a timer of the page: `ms` milliseconds, or more on a busy machine.
    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// The page's clock, in milliseconds: the monotonic one its timers keep.
    fn now() -> f64 {
        web_sys::window().unwrap().performance().unwrap().now()
    }

    fn stored_title(id: &str) -> (u64, String) {
        let stored = local::open(id).unwrap().unwrap().unwrap();
        (stored.revision, stored.assessment.title)
    }

    /// The debounce that docs/reliability.md promises: an edit is saved 300
    /// ms after the last edit, not before; an edit inside the delay starts it
    /// again. The delay is measured, not slept through: the test watches
    /// storage until the save lands and checks when it did, so a slow
    /// machine makes the save later, never the test wrong.
    #[wasm_bindgen_test]
    async fn an_edit_is_saved_once_the_delay_after_the_last_edit_is_over() {
        const PROMISED_DELAY_MS: f64 = 300.0;
        clear_storage();
        local::save(&sample("d1"), 0, DAY).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::chunks::Editor::new(sample("d1"), 1, false);
        let first = now();
        editor.edit(None, |a| a.title = "First".into());
        // Half the delay later, a second edit. The wait is busy on purpose:
        // no timer of the page can run during it, however loaded the
        // machine, so the first edit's save cannot slip in before the second.
        while now() - first < PROMISED_DELAY_MS / 2.0 {}
        let last = now();
        editor.edit(None, |a| a.title = "Second".into());
        assert_eq!(stored_title("d1"), (1, "Checkout service".to_string()), "saved before the delay");
        let saved = loop {
            sleep(5).await;
            if local::stamp("d1").is_some_and(|(revision, _)| revision > 1) {
                break now();
            }
            assert!(now() - last < 10_000.0, "the edit was not saved within 10 s");
        };
        // One save, of both edits, a whole delay after the second (less the
        // clock's coarsening, under a millisecond).
        assert_eq!(stored_title("d1"), (2, "Second".to_string()));
        assert!(saved - last >= PROMISED_DELAY_MS - 1.0, "saved {} ms after the last edit", saved - last);
        assert_eq!(editor.save_state.get_untracked(), gapmap::app::chunks::SaveState::Saved);
        owner.cleanup();
    }

    /// Hiding the page (another tab, a minimised window, a phone's home
    /// screen) or leaving it saves a waiting edit there and then, without
    /// waiting for the delay: the events are dispatched as the browser does,
    /// and storage is read back before any timer of the page could run.
    #[wasm_bindgen_test]
    fn hiding_or_leaving_the_page_saves_a_waiting_edit_at_once() {
        clear_storage();
        local::save(&sample("h1"), 0, DAY).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::chunks::Editor::new(sample("h1"), 1, false);

        editor.edit(None, |a| a.title = "Typed, then the tab was hidden".into());
        assert_eq!(stored_title("h1").0, 1);
        js_sys::eval(
            r#"(() => {
                Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
                document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
                delete document.visibilityState;
            })()"#,
        )
        .unwrap();
        assert_eq!(stored_title("h1"), (2, "Typed, then the tab was hidden".to_string()));

        editor.edit(None, |a| a.title = "Typed, then the tab was closed".into());
        assert_eq!(stored_title("h1").0, 2);
        let pagehide = web_sys::Event::new("pagehide").unwrap();
        web_sys::window().unwrap().dispatch_event(&pagehide).unwrap();
        assert_eq!(stored_title("h1"), (3, "Typed, then the tab was closed".to_string()));
        assert_eq!(editor.save_state.get_untracked(), gapmap::app::chunks::SaveState::Saved);
        owner.cleanup();
    }

    /// A write the storage says it took, but that does not read back as
    /// written (here the storage keeps what the key held before, as a write
    /// lost on its way would): the save is reported as failed, the edit
    /// stays on screen as unsaved, and the last good save and the index are
    /// what they were. Once writes hold again, "Try saving again" saves.
    #[wasm_bindgen_test]
    fn a_save_that_does_not_read_back_as_written_fails_and_the_last_good_save_stays() {
        use gapmap::app::chunks::{Editor, SaveState};
        clear_storage();
        local::save(&sample("r1"), 0, DAY).unwrap();
        let good = local::raw("r1").unwrap().unwrap();
        let index = storage().get_item(INDEX_KEY).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = Editor::open_stored(local::open("r1").unwrap().unwrap().unwrap(), false);
        editor.edit(None, |a| a.title = "Lost on its way".into());
        js_sys::eval(
            r#"(() => {
                const original = Storage.prototype.setItem;
                Storage.prototype.setItem = function (key, value) {
                    // Says nothing, and keeps the text the entry had.
                    if (key.startsWith("gapmap:assessment:") && this.getItem(key) !== null) return;
                    return original.call(this, key, value);
                };
                window.__gapmapRestoreSetItem = () => { Storage.prototype.setItem = original; };
            })()"#,
        )
        .unwrap();
        let direct = local::save(&editor.snapshot(), 1, DAY);
        editor.flush();
        js_sys::eval("window.__gapmapRestoreSetItem()").unwrap();

        let read_back = |e: &StorageError| matches!(e, StorageError::Failed(m) if m.contains("did not read back"));
        assert!(direct.as_ref().is_err_and(read_back), "{direct:?}");
        match editor.save_state.get_untracked() {
            SaveState::Failed(error) => assert!(read_back(&error), "{error:?}"),
            other => panic!("the save was reported as {other:?}"),
        }
        assert!(editor.has_unsaved());
        assert_eq!(editor.snapshot().title, "Lost on its way");
        assert_eq!(local::raw("r1").unwrap(), Some(good));
        assert_eq!(storage().get_item(INDEX_KEY).unwrap(), index);

        editor.retry_save();
        assert_eq!(editor.save_state.get_untracked(), SaveState::Saved);
        assert_eq!(stored_title("r1"), (2, "Lost on its way".to_string()));
        owner.cleanup();
    }

    /// A write the storage takes, but damaged (here cut in half, as a
    /// storage that ran out of room mid-write might keep it): the save fails,
    /// and what the key held before is put back, byte for byte, rather than
    /// left damaged in place of the last good save.
    #[wasm_bindgen_test]
    fn a_save_kept_damaged_puts_the_last_good_save_back() {
        clear_storage();
        local::save(&sample("d2"), 0, DAY).unwrap();
        let good = local::raw("d2").unwrap().unwrap();
        let mut edited = sample("d2");
        edited.title = "Cut in half on its way".into();
        js_sys::eval(
            r#"(() => {
                const original = Storage.prototype.setItem;
                Storage.prototype.setItem = function (key, value) {
                    const damaged = value.includes("Cut in half") ? value.slice(0, value.length / 2) : value;
                    return original.call(this, key, damaged);
                };
                window.__gapmapRestoreSetItem = () => { Storage.prototype.setItem = original; };
            })()"#,
        )
        .unwrap();
        let result = local::save(&edited, 1, DAY);
        js_sys::eval("window.__gapmapRestoreSetItem()").unwrap();
        assert!(matches!(&result, Err(StorageError::Failed(m)) if m.contains("did not read back")), "{result:?}");
        assert_eq!(local::raw("d2").unwrap(), Some(good));
        assert_eq!(local::open("d2").unwrap().unwrap().unwrap().assessment, sample("d2"));
    }

    #[wasm_bindgen_test]
    fn a_hundred_and_fifty_edits_undo_to_the_start_and_redo_to_the_end() {
        clear_storage();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::chunks::Editor::new(sample("a1"), 0, false);
        for i in 0..150 {
            // Deletes of gaps and categories among them.
            editor.edit(None, |a| match i % 3 {
                0 => a.gaps.push(Gap::new(format!("g{}", i + 2), "sec", format!("Gap {i}"))),
                1 => a.title = format!("Title {i}"),
                _ => {
                    a.gaps.pop();
                }
            });
        }
        let end = editor.snapshot();
        let mut steps = 0;
        while editor.can_undo.get_untracked() {
            editor.undo();
            steps += 1;
        }
        assert_eq!(steps, 150);
        assert_eq!(editor.snapshot(), sample("a1"));
        while editor.can_redo.get_untracked() {
            editor.redo();
        }
        assert_eq!(editor.snapshot(), end);
    }

    #[wasm_bindgen_test]
    fn a_conflict_is_refused_then_resolved_either_way() {
        clear_storage();
        local::save(&sample("a1"), 0, DAY).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::chunks::Editor::new(sample("a1"), 1, false);
        // Another tab saves revision 2 first.
        let mut theirs = sample("a1");
        theirs.title = "Theirs".into();
        local::save(&theirs, 1, DAY).unwrap();
        editor.edit(None, |a| a.title = "Mine".into());
        editor.flush();
        assert_eq!(
            editor.save_state.get_untracked(),
            gapmap::app::chunks::SaveState::Failed(StorageError::Conflict { stored: 2, base: 1 })
        );
        assert_eq!(local::open("a1").unwrap().unwrap().unwrap().assessment.title, "Theirs");

        // Keep both: mine goes to a new id; theirs stays.
        let copy = editor.keep_both().unwrap();
        assert_ne!(copy, "a1");
        assert_eq!(local::open(&copy).unwrap().unwrap().unwrap().assessment.title, "Mine (copy)");
        assert_eq!(local::open("a1").unwrap().unwrap().unwrap().assessment.title, "Theirs");

        // Reload theirs: the editor shows theirs, saves over it from then on,
        // and undo brings mine back to copy from.
        editor.edit(None, |a| a.title = "Mine again".into());
        let mut newer = theirs.clone();
        newer.title = "Theirs, later".into();
        local::save(&newer, 2, DAY).unwrap();
        editor.flush();
        assert!(matches!(editor.save_state.get_untracked(), gapmap::app::chunks::SaveState::Failed(_)));
        editor.reload_theirs().unwrap();
        assert_eq!(editor.snapshot().title, "Theirs, later");
        assert_eq!(editor.save_state.get_untracked(), gapmap::app::chunks::SaveState::Saved);
        editor.edit(None, |a| a.title = "After the reload".into());
        editor.flush();
        assert_eq!(local::open("a1").unwrap().unwrap().unwrap().assessment.title, "After the reload");
        editor.undo();
        editor.undo();
        assert_eq!(editor.snapshot().title, "Mine again");
    }

    #[wasm_bindgen_test]
    async fn newer_entries_open_read_only_and_damaged_ones_offer_their_raw_text() {
        clear_storage();
        local::set_flag("seeded", "1").unwrap();
        storage().set_item(&assessment_key("n1"), &newer_entry("n1", "From the future")).unwrap();
        storage().set_item(&assessment_key("d1"), "{ not an envelope").unwrap();

        let _ = web_sys::window().unwrap().location().set_hash("#/a/n1/settings");
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        let text = body_text();
        assert!(text.contains("Read-only") && text.contains("newer Gapmap"), "{text}");
        let inputs = document().query_selector_all("#tab-panel input, #tab-panel textarea").unwrap();
        assert!(inputs.length() > 0);
        for i in 0..inputs.length() {
            let input = inputs.item(i).unwrap();
            let input: &web_sys::Element = wasm_bindgen::JsCast::unchecked_ref(&input);
            assert!(input.matches(":disabled").unwrap(), "an enabled field in a read-only assessment");
        }
        drop(mount);

        let _ = web_sys::window().unwrap().location().set_hash("#/a/d1/overview");
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        let text = body_text();
        assert!(text.contains("cannot be opened") && text.contains("Download raw text"), "{text}");
        drop(mount);
        let _ = web_sys::window().unwrap().location().set_hash("#/");
        assert_eq!(local::raw("d1").unwrap().as_deref(), Some("{ not an envelope"));
    }
}

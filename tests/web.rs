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
    let revision = local::save(&sample("a1"), 0).unwrap();
    assert_eq!(revision, 1);
    let stored = local::open("a1").unwrap().unwrap().unwrap();
    assert_eq!(stored.assessment, sample("a1"));
    let entries = local::entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].title, "Checkout service");
    assert_eq!(entries[0].overall, Some(100.0));
}

#[wasm_bindgen_test]
fn a_save_over_a_newer_revision_is_refused() {
    clear_storage();
    local::save(&sample("a1"), 0).unwrap();
    local::save(&sample("a1"), 1).unwrap();
    // A second tab opened the assessment at revision 1 and saves late.
    let mut stale = sample("a1");
    stale.title = "Stale edit".into();
    assert_eq!(local::save(&stale, 1), Err(StorageError::Conflict { stored: 2, base: 1 }));
    let kept = local::open("a1").unwrap().unwrap().unwrap();
    assert_eq!(kept.assessment.title, "Checkout service");
}

#[wasm_bindgen_test]
fn a_damaged_entry_is_never_overwritten() {
    clear_storage();
    storage().set_item(&assessment_key("a1"), "{ this is not an envelope").unwrap();
    let result = local::save(&sample("a1"), 0);
    assert!(matches!(result, Err(StorageError::Protected(_))), "{result:?}");
    assert_eq!(local::raw("a1").unwrap().as_deref(), Some("{ this is not an envelope"));
    let entries = local::entries().unwrap();
    assert!(entries[0].unreadable.is_some());
}

#[wasm_bindgen_test]
fn the_index_is_rebuilt_from_the_entries() {
    clear_storage();
    local::save(&sample("a1"), 0).unwrap();
    local::save(&sample("a2"), 0).unwrap();
    storage().remove_item(INDEX_KEY).unwrap();
    let mut ids: Vec<String> = local::entries().unwrap().into_iter().map(|e| e.id).collect();
    ids.sort();
    assert_eq!(ids, ["a1", "a2"]);
    storage().set_item(INDEX_KEY, "garbage").unwrap();
    assert_eq!(local::entries().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_the_last_good_save() {
    clear_storage();
    local::save(&sample("a1"), 0).unwrap();
    // Fill the site's storage with ballast until the browser refuses more.
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while storage().set_item(&format!("ballast:{n}"), &chunk).is_ok() && n < 200 {
        n += 1;
    }
    let mut big = sample("a1");
    big.summary = "y".repeat(512 * 1024);
    let result = local::save(&big, 1);
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

#[wasm_bindgen_test]
fn a_bundle_export_reads_back_whole() {
    let bundle = format::save_bundle(&[sample("a1"), sample("a2")]);
    let back = format::load_many(bundle.as_bytes()).unwrap();
    assert_eq!(back, vec![sample("a1"), sample("a2")]);
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

    #[wasm_bindgen_test]
    async fn the_library_lists_saved_assessments_with_their_scores() {
        clear_storage();
        local::set_flag("seeded", "1").unwrap();
        local::save(&sample("a1"), 0).unwrap();
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
        assert_eq!(local::entries().unwrap().len(), 1);
        drop(mount);
        // Deleting the example does not bring it back on the next start.
        local::remove("example").unwrap();
        let mount = leptos::mount::mount_to(document().body().unwrap(), gapmap::app::App);
        next_frame().await;
        assert!(local::entries().unwrap().is_empty());
        drop(mount);
    }

    #[wasm_bindgen_test]
    async fn an_edit_is_saved_after_the_debounce_and_undo_restores_it() {
        clear_storage();
        local::save(&sample("a1"), 0).unwrap();
        let owner = Owner::new();
        owner.set();
        let editor = gapmap::app::editor::Editor::new(sample("a1"), 1, false);
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
}

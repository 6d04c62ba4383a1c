//! Size and depth caps on everything a user can import: JSON nested ten
//! thousand or a hundred thousand deep (lists or objects, alone, in a bundle,
//! a share link or a stored envelope) gets a clear message instead of a stack
//! overflow; a share link that inflates without end is refused; Markdown
//! nested as deep (quotes, lists) imports without overflowing or stalling.
//! Each case runs on a thread with a small stack, as a browser's is, and
//! within a time limit, so that a recursion or a quadratic walk fails here
//! rather than freezing a tab.

use std::time::{Duration, Instant};

use gapmap::core::format::share::{self, ShareError};
use gapmap::core::format::{self, LoadErrorKind};
use gapmap::core::import::markdown;
use gapmap::storage::envelope;

/// Runs `work` on a thread with a 1 MB stack (a browser tab gives wasm about
/// that) and fails if it overflows, panics or takes longer than `limit`.
fn within<T: Send + 'static>(what: &str, limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let start = Instant::now();
    let result = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(work)
        .expect("a thread starts")
        .join()
        .unwrap_or_else(|_| panic!("{what}: panicked"));
    let took = start.elapsed();
    assert!(took < limit, "{what}: took {took:?}, more than {limit:?}");
    result
}

/// `depth` nested lists or objects, closed or left open.
fn nested(depth: usize, object: bool, closed: bool) -> String {
    let (open, close) = if object { ("{\"a\":", "}") } else { ("[", "]") };
    let mut text = open.repeat(depth);
    text.push('1');
    if closed {
        text.push_str(&close.repeat(depth));
    }
    text
}

#[test]
fn deeply_nested_json_is_refused_with_a_clear_message() {
    for depth in [10_000, 100_000] {
        for object in [false, true] {
            for closed in [true, false] {
                let text = nested(depth, object, closed);
                let what = format!("depth {depth}, object {object}, closed {closed}");
                let error =
                    within(&what, Duration::from_secs(5), move || format::read(text.as_bytes())).expect_err("refused");
                assert_eq!(error.kind, LoadErrorKind::NotJson, "{what}");
                let message = &error.problems[0].message;
                assert!(message.contains("nested too deeply"), "{what}: {message}");
            }
        }
    }
}

#[test]
fn deep_json_inside_an_otherwise_good_file_is_refused_too() {
    let deep = nested(100_000, true, true);
    let text = format!(r#"{{"format": "gapmap", "version": 1, "id": "a", "title": "A", "x-deep": {deep}}}"#);
    let error = within("deep extension field", Duration::from_secs(5), move || format::read(text.as_bytes()))
        .expect_err("refused");
    assert!(error.problems[0].message.contains("nested too deeply"), "{error}");
}

#[test]
fn deep_json_in_a_bundle_or_a_stored_entry_is_refused_too() {
    let deep = nested(100_000, false, true);
    let bundle = format!(r#"{{"format": "gapmap-bundle", "version": 1, "assessments": [{deep}]}}"#);
    within("bundle", Duration::from_secs(5), move || format::load_many(bundle.as_bytes())).expect_err("refused");
    let stored = format!(r#"{{"storage":1,"revision":1,"saved_at":0,"assessment":{deep}}}"#);
    let copy = stored.clone();
    let opened = within("envelope", Duration::from_secs(5), move || envelope::open(&copy));
    assert!(matches!(opened, Err(envelope::Unreadable::Damaged { .. })), "{opened:?}");
    assert!(within("read-only", Duration::from_secs(5), move || envelope::open_read_only(&stored)).is_none());
}

#[test]
fn deep_json_in_a_share_link_and_a_deflate_bomb_are_refused() {
    let link = share::encode_text(&nested(100_000, true, true));
    let error = within("share link", Duration::from_secs(5), move || share::decode(&link)).expect_err("refused");
    assert!(matches!(&error, ShareError::File(_)) && error.to_string().contains("nested too deeply"), "{error}");
    // 64 MB of spaces deflate to a link of a few dozen kilobytes.
    let bomb = share::encode_text(&" ".repeat(64 * 1024 * 1024));
    let error = within("deflate bomb", Duration::from_secs(20), move || share::decode(&bomb)).expect_err("refused");
    assert_eq!(error, ShareError::TooLarge);
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_parsed() {
    let text = vec![b' '; format::MAX_FILE_BYTES + 1];
    let error = within("oversized", Duration::from_secs(5), move || format::read(&text)).expect_err("refused");
    assert_eq!(error.kind, LoadErrorKind::TooLarge);
    assert!(error.problems[0].message.contains("Gapmap reads files up to 16 MB"), "{error}");
}

#[test]
fn deeply_nested_markdown_imports_without_overflow_or_stall() {
    let quotes = format!("# Readiness\n\n{} deep quote\n", ">".repeat(10_000));
    let spaced_quotes = format!("# Readiness\n\n{}deep quote\n", "> ".repeat(10_000));
    // Lists nest by indentation, or several markers on one line: the second
    // way reaches 10,000 levels in 20 KB.
    let list = format!("# Readiness\n\n{}item\n", "- ".repeat(10_000));
    let ordered = format!("# Readiness\n\n{}step\n", "1. ".repeat(10_000));
    let mixed = format!("# Readiness\n\n{}item\n", "> - ".repeat(5_000));
    let headings: String = (0..10_000).map(|i| format!("{} Heading {i}\n\nText.\n", "#".repeat(i % 6 + 1))).collect();
    for (name, text) in [
        ("quotes", quotes),
        ("spaced quotes", spaced_quotes),
        ("bullet list", list),
        ("ordered list", ordered),
        ("quoted lists", mixed),
        ("headings", headings),
    ] {
        let import = within(name, Duration::from_secs(20), move || markdown::import(&text));
        // Whatever it made of it, the result is a file Gapmap can read back.
        let saved = format::save(&import.assessment);
        if let Err(error) = format::read(saved.as_bytes()) {
            panic!("{name}: {error} ({} bytes)", saved.len());
        }
    }
}

//! Share links (`core::format::share`): a payload reads back to byte-identical
//! canonical JSON, for the worked example and for generated assessments;
//! payloads that were cut, altered, made by a later version or built to
//! unpack into gigabytes are refused with an error, never a panic.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proptest::prelude::*;

use gapmap::core::format;
use gapmap::core::format::share::{self, ShareError};

mod support;
use support::generate::assessment;

fn worked_example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json")).unwrap()
}

/// A payload holding `bytes` deflated, as a later or a hostile encoder might make it.
fn payload_of(bytes: &[u8]) -> String {
    format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9)))
}

#[test]
fn the_worked_example_round_trips_to_the_same_canonical_bytes() {
    let text = worked_example();
    let assessment = format::load(text.as_bytes()).unwrap();
    let canonical = format::save(&assessment);
    let payload = share::encode(&assessment);
    assert!(payload.starts_with("1."), "{payload}");
    assert!(payload[2..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "base64url only");
    assert_eq!(share::inflate(&payload).unwrap(), canonical);
    let (back, problems) = share::decode(&payload).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(format::save(&back), canonical);
    // Deflate is what makes links short enough to send: the example's file
    // shrinks to well under half.
    assert!(payload.len() * 2 < canonical.len(), "{} vs {}", payload.len(), canonical.len());
}

/// A payload frozen as version 1 made it. Later versions must keep reading
/// it: the prefix names the encoding, and the file inside carries its own
/// format version, which the file format's migrations take from there.
const FROZEN_V1: &str = "1.RY4xDsIwDEX3nMLKzJKVA3ABRsRgBTdYNEnlGhCtencSV4LlS37v68urA_BDlYzqj-ATThknf-j0RTJzLQ0Hu_nWG4PUhcreUNaROjwZhJHLYzcRlVIVprnpSyMAq-VvJwZrGimYbeZM8Smsn795E6d7_ywY2Vpe3ea-";

#[test]
fn a_payload_made_by_version_1_keeps_reading() {
    let (assessment, problems) = share::decode(FROZEN_V1).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(assessment.id, "frozen");
    assert_eq!(assessment.title, "Frozen link");
    assert_eq!(assessment.categories[0].name, "Security");
    // Decoding then encoding again reads back to the same assessment.
    let again = share::encode(&assessment);
    assert_eq!(format::save(&share::decode(&again).unwrap().0), format::save(&assessment));
}

fn check_refused(payload: &str, expected: fn(&ShareError) -> bool) {
    match share::decode(payload) {
        Ok(_) => panic!("{payload:.40} was read"),
        Err(error) => {
            assert!(expected(&error), "{payload:.40}: {error:?}");
            assert!(!error.to_string().is_empty());
        }
    }
}

#[test]
fn garbage_truncated_and_foreign_payloads_are_refused() {
    let payload = share::encode(&format::load(worked_example().as_bytes()).unwrap());
    check_refused("", |e| *e == ShareError::Empty);
    check_refused("1.", |e| *e == ShareError::Empty);
    check_refused("hello", |e| matches!(e, ShareError::UnknownVersion { prefix } if prefix == "hello"));
    check_refused("2.AAAA", |e| matches!(e, ShareError::UnknownVersion { prefix } if prefix == "2."));
    check_refused("1.not base64!", |e| *e == ShareError::NotBase64);
    check_refused("1.AAAA=", |e| *e == ShareError::NotBase64);
    // Standard base64's `+` and `/` are not base64url.
    check_refused("1.ab+/", |e| *e == ShareError::NotBase64);
    check_refused("1.AAAA", |e| *e == ShareError::Damaged);
    // Cut short, as a mail client might cut a long line: every cut is
    // refused, never half-read.
    for cut in [3, 10, payload.len() / 2, payload.len() - 4] {
        check_refused(&payload[..cut], |e| matches!(e, ShareError::NotBase64 | ShareError::Damaged));
    }
    // One character changed in the middle.
    let mut altered = payload.clone().into_bytes();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    assert!(share::decode(&altered).is_err() || share::inflate(&altered).unwrap() != share::inflate(&payload).unwrap());
}

#[test]
fn payloads_that_are_not_gapmap_files_are_refused_with_the_files_reason() {
    check_refused(&payload_of(&[0xff, 0xfe, 0x00]), |e| *e == ShareError::NotText);
    check_refused(
        &payload_of(b"[1, 2"),
        |e| matches!(e, ShareError::File(f) if f.kind == format::LoadErrorKind::NotJson),
    );
    check_refused(
        &payload_of(b"{\"format\": \"other\"}"),
        |e| matches!(e, ShareError::File(f) if f.kind == format::LoadErrorKind::NotGapmap),
    );
    check_refused(
        &payload_of(b"{\"format\": \"gapmap\", \"version\": 99, \"id\": \"x\", \"title\": \"x\"}"),
        |e| matches!(e, ShareError::File(f) if matches!(f.kind, format::LoadErrorKind::TooNew { version: 99 })),
    );
}

#[test]
fn a_payload_that_unpacks_beyond_the_cap_is_refused_without_unpacking_it() {
    // 64 MB of spaces deflate to about 64 KB: a small link, a large bomb.
    let bomb = vec![b' '; 64 * 1024 * 1024];
    let payload = payload_of(&bomb);
    assert!(payload.len() < 200 * 1024, "{}", payload.len());
    check_refused(&payload, |e| *e == ShareError::TooLarge);
    assert!(ShareError::TooLarge.to_string().contains("16 MB"));
}

#[test]
fn a_payload_longer_than_any_browser_keeps_is_refused_before_decoding() {
    let payload = format!("1.{}", "A".repeat(share::MAX_PAYLOAD_CHARS));
    check_refused(&payload, |e| matches!(e, ShareError::TooLong { .. }));
}

#[test]
fn links_and_fragments() {
    assert_eq!(share::link("https://example.org/gapmap/#/a/x/gaps", "1.abc"), "https://example.org/gapmap/#a=1.abc");
    assert_eq!(share::link("file:///tmp/gapmap.html", "1.abc"), "file:///tmp/gapmap.html#a=1.abc");
    assert_eq!(share::payload_in_fragment("#a=1.abc"), Some("1.abc"));
    assert_eq!(share::payload_in_fragment("a=1.abc"), Some("1.abc"));
    assert_eq!(share::payload_in_fragment("#/a/x/gaps"), None);
    assert_eq!(share::payload_in_fragment(""), None);
    assert!(!share::is_too_long_to_send(share::SAFE_LINK_CHARS));
    assert!(share::is_too_long_to_send(share::SAFE_LINK_CHARS + 1));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_assessment_round_trips_through_a_link_byte_for_byte(a in assessment()) {
        let canonical = format::save(&a);
        let payload = share::encode(&a);
        prop_assert_eq!(share::inflate(&payload).unwrap(), canonical.clone());
        let (back, problems) = share::decode(&payload).unwrap();
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(format::save(&back), canonical);
    }

    #[test]
    fn any_text_after_the_prefix_is_read_or_refused_never_a_panic(body in "[A-Za-z0-9_\\-]{0,400}") {
        let _ = share::decode(&format!("1.{body}"));
    }

    #[test]
    fn any_bytes_deflated_are_read_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = share::decode(&payload_of(&bytes));
    }
}

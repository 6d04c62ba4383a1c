//! Share links (`core::format::share`): a payload reads back to byte-identical
//! canonical JSON, for the worked example and for generated assessments;
//! payloads that were cut, altered, made by a later version or built to
//! unpack into gigabytes are refused with an error, never a panic. A link
//! made today carries a checksum: every single-character change and every
//! cut of it is refused. The first links (`1.`, raw deflate) still read.

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

/// A payload holding `bytes` in a zlib stream with a true checksum, as a
/// later or a hostile encoder might make it.
fn payload_of(bytes: &[u8]) -> String {
    format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, 9)))
}

/// A payload of the first kind (`1.`): `bytes` in raw deflate, no checksum.
fn raw_deflate_payload_of(bytes: &[u8]) -> String {
    format!("{}{}", share::RAW_DEFLATE_PREFIX, URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9)))
}

#[test]
fn the_worked_example_round_trips_to_the_same_canonical_bytes() {
    let text = worked_example();
    let assessment = format::load(text.as_bytes()).unwrap();
    let canonical = format::save(&assessment);
    let payload = share::encode(&assessment);
    assert!(payload.starts_with("2."), "{payload}");
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
    let canonical = format::save(&format::load(worked_example().as_bytes()).unwrap());
    let payload = raw_deflate_payload_of(canonical.as_bytes());
    check_refused("", |e| *e == ShareError::Empty);
    check_refused("1.", |e| *e == ShareError::Empty);
    check_refused("2.", |e| *e == ShareError::Empty);
    check_refused("hello", |e| matches!(e, ShareError::UnknownVersion { prefix } if prefix == "hello"));
    check_refused("3.AAAA", |e| matches!(e, ShareError::UnknownVersion { prefix } if prefix == "3."));
    check_refused("1.not base64!", |e| *e == ShareError::NotBase64);
    check_refused("1.AAAA=", |e| *e == ShareError::NotBase64);
    // Standard base64's `+` and `/` are not base64url.
    check_refused("1.ab+/", |e| *e == ShareError::NotBase64);
    check_refused("1.AAAA", |e| *e == ShareError::Damaged);
    check_refused("2.AAAA", |e| *e == ShareError::Damaged);
    // A `1.` link cut short, as a mail client might cut a long line: these
    // cuts are refused, never half-read.
    for cut in [3, 10, payload.len() / 2, payload.len() - 4] {
        check_refused(&payload[..cut], |e| matches!(e, ShareError::NotBase64 | ShareError::Damaged));
    }
    // One character of a `1.` link changed in the middle: raw deflate has no
    // checksum, so this may be read, as other text. (Why `2.` links exist.)
    let mut altered = payload.clone().into_bytes();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    assert!(share::decode(&altered).is_err() || share::inflate(&altered).unwrap() != share::inflate(&payload).unwrap());
}

/// What a link altered or cut on its way must be refused as: the prefix
/// damaged is a prefix this build does not know (or `1.`'s raw deflate,
/// which a zlib stream is not); the body damaged is damaged.
fn damage(error: &ShareError) -> bool {
    matches!(error, ShareError::Empty | ShareError::UnknownVersion { .. } | ShareError::NotBase64 | ShareError::Damaged)
}

/// Every character base64url uses, and the prefix's dot.
const LINK_CHARACTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

/// Reads `altered`, a link made from `canonical` with a character changed:
/// it must be refused as damaged, or read back to `canonical` itself. The
/// checksum makes the difference: a change that deflate does not notice (a
/// back-reference moved to an equal run of text, an unused padding bit of
/// the last byte) still inflates to the text the link was made from, and
/// any other text fails the checksum. What must never happen is a link
/// read, silently, as other data. `Ok(true)` when refused.
fn check_altered(altered: &str, canonical: &str) -> Result<bool, String> {
    match share::inflate(altered) {
        Err(error) if damage(&error) => Ok(true),
        Err(error) => Err(format!("{altered:.40}: refused as {error:?}, not as damage")),
        Ok(text) if text == canonical => Ok(false),
        Ok(_) => Err(format!("{altered:.40} was read as other text")),
    }
}

/// `payload` with the character at `at` replaced by `other`.
fn altered(payload: &str, at: usize, other: u8) -> String {
    let mut bytes = payload.as_bytes().to_vec();
    bytes[at] = other;
    String::from_utf8(bytes).unwrap()
}

#[test]
fn no_single_character_change_of_a_link_reads_as_other_data() {
    let canonical = format::save(&format::load(worked_example().as_bytes()).unwrap());
    let payload = share::encode_text(&canonical);
    let mut refused = 0;
    for at in 0..payload.len() {
        for &other in LINK_CHARACTERS.iter().filter(|&&c| c != payload.as_bytes()[at]) {
            refused += usize::from(check_altered(&altered(&payload, at, other), &canonical).unwrap());
        }
    }
    // Nearly every change is refused outright; the few that deflate does
    // not notice read back as the very text the link was made from.
    let changes = payload.len() * (LINK_CHARACTERS.len() - 1);
    assert!(refused * 100 >= changes * 99, "{refused} of {changes} refused");
    // The check can fail: a link of the first kind (raw deflate, no
    // checksum) has changes that read as other text.
    let unchecked = raw_deflate_payload_of(canonical.as_bytes());
    let misread = (2..unchecked.len())
        .flat_map(|at| LINK_CHARACTERS.iter().map(move |&other| (at, other)))
        .find(|&(at, other)| check_altered(&altered(&unchecked, at, other), &canonical).is_err());
    assert!(misread.is_some(), "every change of a raw deflate link was refused");
}

#[test]
fn every_cut_of_a_link_is_refused() {
    let payload = share::encode(&format::load(worked_example().as_bytes()).unwrap());
    for cut in 0..payload.len() {
        check_refused(&payload[..cut], damage);
    }
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
    fn no_character_changed_in_any_link_reads_as_other_data(a in assessment(), at in any::<prop::sample::Index>(), to in any::<prop::sample::Index>()) {
        let canonical = format::save(&a);
        let payload = share::encode_text(&canonical);
        let at = at.index(payload.len());
        let others: Vec<u8> = LINK_CHARACTERS.iter().copied().filter(|&c| c != payload.as_bytes()[at]).collect();
        let result = check_altered(&altered(&payload, at, others[to.index(others.len())]), &canonical);
        prop_assert!(result.is_ok(), "{:?}", result);
    }

    #[test]
    fn any_text_after_the_prefix_is_read_or_refused_never_a_panic(body in "[A-Za-z0-9_\\-]{0,400}") {
        let _ = share::decode(&format!("1.{body}"));
        let _ = share::decode(&format!("2.{body}"));
    }

    #[test]
    fn any_bytes_deflated_are_read_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = share::decode(&payload_of(&bytes));
        let _ = share::decode(&raw_deflate_payload_of(&bytes));
    }
}

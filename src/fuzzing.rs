//! The properties the fuzz targets check, one function per importer, so that
//! the cargo-fuzz targets (`fuzz/`) and the short stable run in the tests
//! (`tests/fuzz_smoke.rs`) check the same thing. Each function panics when a
//! property fails; that is what a fuzzer reports.
//!
//! Built only with the `fuzzing` feature: it is test code, never in the app.

use std::sync::OnceLock;

use crate::core::export::markdown::report;
use crate::core::format::share::{decode, encode, inflate, PREFIX, RAW_DEFLATE_PREFIX};
use crate::core::format::{load, load_many, read, save};
use crate::core::import::csv::{apply, preview};
use crate::core::import::markdown::{import, import_bytes};
use crate::core::present::chart;
use crate::core::{summarize, validate, Assessment};

/// What the app computes as soon as it shows an assessment, problems and
/// all (the share preview does it before anything is imported): the summary
/// and every chart laid out from it. None of it may panic.
fn figures(assessment: &Assessment) {
    let summary = summarize(assessment);
    let _ = chart::radar(&summary);
    let _ = chart::timeline(&summary);
    let _ = chart::projection(&summary, &assessment.settings.levels);
    let _ = chart::cost(&summary, &assessment.currency);
    let _ = chart::tiers(&summary);
}

/// Any bytes read as a Gapmap file (one assessment or a bundle) are refused
/// with an error or read; what is read has figures, and saves to a canonical
/// file that reads back and saves to the same bytes.
pub fn json(bytes: &[u8]) {
    match read(bytes) {
        Ok((assessment, _problems)) => {
            figures(&assessment);
            let saved = save(&assessment);
            let (again, _) = read(saved.as_bytes()).expect("a saved file must read back");
            assert_eq!(save(&again), saved, "saving is canonical");
        }
        // A bundle never reads as one file: its assessments are loaded here.
        Err(_) => {
            if let Ok(assessments) = load_many(bytes) {
                assessments.iter().for_each(figures);
            }
        }
    }
}

/// Any bytes imported as a Markdown document give a valid assessment, and
/// its Markdown report imports again, valid as well.
pub fn markdown(bytes: &[u8]) {
    let imported = import_bytes(bytes);
    assert!(validate(&imported.assessment).is_empty(), "an import must validate");
    figures(&imported.assessment);
    let again = import(&report(&imported.assessment));
    assert!(validate(&again.assessment).is_empty(), "the import of a report must validate");
}

/// The assessment CSV inputs are matched against: the worked example.
fn example() -> &'static Assessment {
    static EXAMPLE: OnceLock<Assessment> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        load(include_bytes!("../tests/fixtures/worked-example.json")).expect("the worked example loads")
    })
}

/// Any bytes read as a gaps CSV give a preview; applying it makes exactly
/// the changes it lists, after which the same CSV previews no change.
pub fn csv(bytes: &[u8]) {
    let original = example();
    let changes = preview(original, bytes);
    let mut applied = original.clone();
    assert_eq!(apply(&mut applied, &changes).changed, changes.change_count());
    assert!(preview(&applied, bytes).gaps.is_empty(), "applying a preview is idempotent");
}

/// Any bytes, as a link's text and as the compressed data behind either
/// valid prefix, are refused or read; what is read has figures, and a link made
/// from it carries its canonical file.
pub fn share(bytes: &[u8]) {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    // The payloads behind a prefix reach both inflaters (the checked and the
    // raw one) and the file reader with any bytes, not only with what
    // survives base64 decoding.
    let mut payloads: Vec<String> = [PREFIX, RAW_DEFLATE_PREFIX]
        .iter()
        .map(|prefix| format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes)))
        .collect();
    if let Ok(text) = std::str::from_utf8(bytes) {
        payloads.push(text.to_string());
    }
    for payload in payloads {
        if let Ok((assessment, _problems)) = decode(&payload) {
            figures(&assessment);
            let saved = save(&assessment);
            let link = encode(&assessment);
            assert_eq!(inflate(&link).expect("a link made here must read back"), saved, "links carry canonical files");
        }
    }
}

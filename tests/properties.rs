//! Properties over generated assessments: every score stays within 0–100;
//! marking any gap done never lowers its category's score or the overall,
//! nor a projection (but for a category scored by hand, whose projections
//! stay at or above the overall now);
//! every range of the summary has min ≤ max; proposed rates are finite and
//! never negative; `load(save(x)) == x`, unknown
//! `x-` fields included; and reading never panics, whatever the bytes, nor
//! does summarizing what was read.
//!
//! The generator (`support/generate.rs`) builds valid assessments of every
//! shape the format allows. Case counts are modest so the whole file runs in
//! seconds.

use std::collections::BTreeMap;

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use rust_decimal::Decimal;
use serde_json::Value;

use gapmap::core::model::*;
use gapmap::core::numbers::summary::Bounds;
use gapmap::core::numbers::{rates, score};
use gapmap::core::{format, summarize};

mod support;
use support::generate::assessment;

// ---------------------------------------------------------------------------
// Properties.

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn within_0_100(value: Option<f64>) -> bool {
    value.is_none_or(|v| (0.0..=100.0).contains(&v))
}

/// Every range of a summary that is known (money that needs an unknown
/// rate has none), named.
fn bounds(a: &Assessment) -> Vec<(String, Bounds)> {
    let s = summarize(a);
    let mut all = vec![
        ("effort_days".to_string(), Some(s.effort_days)),
        ("labor".into(), s.labor),
        ("total".into(), s.total),
        ("bottom_up".into(), s.bottom_up),
        ("duration_weeks".into(), Some(s.duration_weeks)),
    ];
    for p in &s.phases {
        let id = &p.id;
        all.extend([
            (format!("{id}.labor"), p.labor),
            (format!("{id}.capacity_days"), Some(p.capacity_days)),
            (format!("{id}.demand_days"), Some(p.demand_days)),
            (format!("{id}.start_week"), Some(p.start_week)),
            (format!("{id}.end_week"), Some(p.end_week)),
        ]);
        for t in &p.team {
            all.extend([(format!("{id}.{}.fte", t.role), Some(t.fte)), (format!("{id}.{}.labor", t.role), t.labor)]);
        }
    }
    all.into_iter().filter_map(|(name, b)| Some((name, b?))).collect()
}

proptest! {
    // Each case generates a whole assessment; 64 of them cover the shapes
    // well (proptest shrinks any failure) and keep the file fast.
    #![proptest_config(config(64))]

    #[test]
    fn the_generator_makes_valid_assessments(a in assessment()) {
        let problems = gapmap::core::validate(&a);
        prop_assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn proposed_rates_are_finite_and_never_negative(a in assessment()) {
        let fit = rates::fit(&a);
        for rate in &fit.rates {
            prop_assert!(rate.proposed.is_none_or(|r| r.is_finite() && r >= 0.0), "{rate:?}");
        }
        for phase in &fit.phases {
            prop_assert!(phase.fitted.is_none_or(f64::is_finite) && phase.miss.is_none_or(f64::is_finite), "{phase:?}");
        }
    }

    #[test]
    fn every_score_is_within_0_to_100(a in assessment()) {
        let s = summarize(&a);
        prop_assert!(within_0_100(s.overall), "overall {:?}", s.overall);
        for c in &s.categories {
            prop_assert!(within_0_100(c.computed) && within_0_100(c.score), "{c:?}");
        }
        for p in &s.phases {
            prop_assert!(within_0_100(p.projected_overall), "{p:?}");
        }
    }

    #[test]
    fn marking_a_gap_done_never_lowers_a_score(a in assessment(), which in any::<Index>()) {
        prop_assume!(!a.gaps.is_empty());
        let i = which.index(a.gaps.len());
        let mut done = a.clone();
        done.gaps[i].status = Status::Done;
        let (before, after) = (score::scores(&a), score::scores(&done));
        let c = a.categories.iter().position(|c| c.id == a.gaps[i].category).expect("the gap's category");
        // Unrounded, and `None < Some(_)`: losing a score would count as lowering it.
        let (was, is): (Option<Decimal>, Option<Decimal>) = (before.categories[c].score, after.categories[c].score);
        prop_assert!(is >= was, "category {}: {was:?} → {is:?}", a.categories[c].id);
        prop_assert!(after.overall >= before.overall, "overall: {:?} → {:?}", before.overall, after.overall);
        // A category scored by hand keeps its stated score when a gap is
        // marked done, so the rise its phase would have projected for it is
        // gone (`score`'s rule for manual scores): its projections may fall,
        // though never below the overall now.
        let stated = a.categories[c].manual_score.is_some();
        for (k, (was, is)) in before.projected.iter().zip(&after.projected).enumerate() {
            if stated {
                prop_assert!(*is >= before.overall, "projected after phase {k}: {is:?} below {:?}", before.overall);
            } else {
                prop_assert!(is >= was, "projected after phase {k}: {was:?} → {is:?}");
            }
        }
    }

    #[test]
    fn every_range_has_min_at_most_max(a in assessment()) {
        for (name, b) in bounds(&a) {
            prop_assert!(b.min <= b.max, "{name}: {b:?}");
        }
    }

    #[test]
    fn loading_what_was_saved_gives_the_same_assessment(a in assessment()) {
        let saved = format::save(&a);
        let loaded = format::load(saved.as_bytes());
        prop_assert!(loaded.is_ok(), "{}\n{saved}", loaded.unwrap_err());
        prop_assert_eq!(loaded.unwrap(), a);
    }
}

/// Keys the format knows, so that mangled documents get deep into decoding.
const KEYS: &[&str] = &[
    "format",
    "version",
    "id",
    "title",
    "settings",
    "levels",
    "min",
    "max",
    "categories",
    "gaps",
    "category",
    "status",
    "priority",
    "effort",
    "unit",
    "phase",
    "items",
    "done",
    "roles",
    "weekly_rate",
    "phases",
    "duration_weeks",
    "team",
    "role",
    "fte",
    "costs",
    "amount",
    "kind",
    "kpis",
    "targets",
    "risks",
    "manual_score",
];

/// JSON values with Gapmap's keys and words in unexpected places.
fn gapmap_ish() -> impl Strategy<Value = Value> {
    let words = select(vec!["gapmap", "missing", "partial", "done", "P0", "P9", "days", "weeks", "c1", "p1", "r1", ""]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        words.prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(Value::from(1e308)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(select(KEYS.to_vec()), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Reads the bytes and, when they are a Gapmap file, summarizes and saves
/// what was read, problems and all, as the app does.
fn read_everything(bytes: &[u8]) {
    if let Ok((assessment, _problems)) = format::read(bytes) {
        let _ = summarize(&assessment);
        let _ = format::save(&assessment);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in vec(any::<u8>(), 0..512)) {
        read_everything(&bytes);
    }

    #[test]
    fn json_ish_text_never_panics_the_reader(text in r#"[{}\[\]":,. 0-9a-zA-Z_eE+\-\\]{0,200}"#) {
        read_everything(text.as_bytes());
    }

    #[test]
    fn mangled_gapmap_documents_never_panic_the_reader(
        body in btree_map(select(KEYS.to_vec()), gapmap_ish(), 0..10),
        version in prop_oneof![Just(Value::from(1)), gapmap_ish()],
    ) {
        let mut document: BTreeMap<String, Value> = body.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        document.insert("format".into(), Value::from("gapmap"));
        document.insert("version".into(), version);
        read_everything(serde_json::to_string(&document).unwrap().as_bytes());
    }

}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_valid_file_with_one_value_replaced_never_panics_the_reader(
        a in assessment(),
        at in any::<Index>(),
        value in gapmap_ish(),
    ) {
        let mut document = serde_json::to_value(&a).unwrap();
        let mut pointers = Vec::new();
        collect_pointers(&document, String::new(), &mut pointers);
        let pointer = at.get(&pointers).clone();
        if let Some(slot) = document.pointer_mut(&pointer) {
            *slot = value;
        }
        read_everything(serde_json::to_string(&document).unwrap().as_bytes());
    }
}

/// The JSON pointer of every value in `value`, `value` itself first.
fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                collect_pointers(v, format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

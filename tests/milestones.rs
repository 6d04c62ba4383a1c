//! Milestones (`model::Milestone`, `core::milestone`): a file written before
//! milestones existed loads and saves byte for byte as it was; milestones
//! round-trip through save and load and through share links, unknown keys
//! included, in their one-line layout; a milestone keeps every number of the
//! state it froze; validation reports a milestone's problems at its own
//! path; milestones are found by id, name or `latest`; and saving, renaming,
//! deleting and restoring one keep the list edits' contract.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use serde_json::{json, Value};

use gapmap::core::edit::{add_milestone, remove_milestone, rename_milestone, restore_milestone, save_milestone};
use gapmap::core::format::{self, share};
use gapmap::core::milestone::{find_milestone, latest_milestone, MilestoneLookup};
use gapmap::core::model::{Acceptance, Assessment, Extra, Milestone, Snapshot, Status};
use gapmap::core::numbers::compare::compare;
use gapmap::core::{summarize, summarize_as_of};

mod support;

const CANONICAL: &str = include_str!("fixtures/worked-example.json");
const HANDWRITTEN: &str = include_str!("fixtures/worked-example-handwritten.json");

fn load(text: &str) -> Assessment {
    format::load(text.as_bytes()).unwrap_or_else(|e| panic!("expected a valid file, got:\n{e}"))
}

/// The worked example with two milestones: "Baseline" of it as it is, and
/// "After phase 1" once its blocker is closed and a checklist item done.
fn with_milestones() -> Assessment {
    let mut a = load(CANONICAL);
    let baseline = save_milestone(&a, "Baseline", "2025-01-10");
    a.milestones.push(baseline);
    a.gaps[0].status = Status::Done;
    a.gaps[2].items[2].done = true;
    a.gaps[1].owner = "Ada".into();
    let later = save_milestone(&a, "After phase 1", "2025-02-01T09:30");
    a.milestones.push(later);
    a
}

#[test]
fn a_file_written_before_milestones_saves_byte_for_byte_as_it_was() {
    assert!(!CANONICAL.contains("milestones"));
    assert_eq!(format::save(&load(CANONICAL)), CANONICAL);
    assert_eq!(format::save(&load(HANDWRITTEN)), CANONICAL);
    // An empty list, as another tool may write it, is the same as none.
    let empty = CANONICAL.replacen("\n  \"risks\": []\n", "\n  \"risks\": [],\n  \"milestones\": []\n", 1);
    assert_ne!(empty, CANONICAL);
    assert_eq!(format::save(&load(&empty)), CANONICAL);
}

/// The first milestone of [`with_milestones`], as saved: a header and
/// settings laid out like the file's, each entry of a list on one line,
/// keys at their default left out.
const BASELINE_SAVED: &str = r#"  "milestones": [
    {
      "id": "ms-1",
      "name": "Baseline",
      "saved_on": "2025-01-10",
      "state": {
        "id": "worked-example",
        "title": "Worked example",
        "stated_overall": null,
        "currency": "USD",
        "settings": {
          "priority_weights": {
            "P0": 8,
            "P1": 4,
            "P2": 2,
            "P3": 1
          },
          "partial_credit": 0.5,
          "levels": [
            {
              "min": 90,
              "label": "Enterprise-ready"
            },
            {
              "min": 75,
              "label": "Production-ready"
            },
            {
              "min": 50,
              "label": "MVP"
            },
            {
              "min": 0,
              "label": "Prototype"
            }
          ],
          "ready_threshold": 75,
          "hours_per_day": 8,
          "days_per_week": 5,
          "blended_daily_rate": null
        },
        "categories": [
          {"id": "security", "name": "Security", "weight": 2},
          {"id": "reliability", "name": "Reliability"},
          {"id": "testing", "name": "Testing", "manual_score": 60}
        ],
        "gaps": [
          {"id": "g1", "category": "security", "title": "g1", "priority": "P0", "effort": {"min": 3, "max": 5, "unit": "days"}, "phase": "p1"},
          {"id": "g2", "category": "security", "title": "g2", "status": "done", "priority": "P1", "effort": {"min": 2, "max": 2, "unit": "days"}, "phase": "p1"},
          {"id": "g3", "category": "security", "title": "g3", "status": "partial", "effort": {"min": 1, "max": 2, "unit": "weeks"}, "phase": "p2", "checklist": {"done": 2, "total": 4}},
          {"id": "g4", "category": "reliability", "title": "g4", "status": "partial", "priority": "P1", "effort": {"min": 4, "max": 8, "unit": "hours"}, "phase": "p2"},
          {"id": "g5", "category": "reliability", "title": "g5", "status": "not_applicable", "priority": "P3"},
          {"id": "g6", "category": "reliability", "title": "g6", "status": "done", "priority": "P0"},
          {"id": "g7", "category": "testing", "title": "g7", "priority": "P1", "effort": {"min": 1, "max": 1, "unit": "weeks"}, "phase": "p1"}
        ],
        "roles": [
          {"id": "eng", "name": "Engineer", "weekly_rate": 4000},
          {"id": "sre", "name": "SRE", "weekly_rate": 5000}
        ],
        "phases": [
          {"id": "p1", "name": "Blockers", "duration_weeks": {"min": 2, "max": 3}, "team": [{"role": "eng", "fte": {"min": 1, "max": 2}}, {"role": "sre", "fte": {"min": 0.5, "max": 1}}], "costs": [{"name": "Scanner licence", "amount": 8000, "kind": "one_off"}, {"name": "Monitoring", "amount": 1200, "kind": "annual"}]},
          {"id": "p2", "name": "Hardening", "duration_weeks": {"min": 1, "max": 2}, "team": [{"role": "eng", "fte": {"min": 1, "max": 1}}], "costs": [{"name": "Log retention", "amount": 6000, "kind": "annual"}]}
        ],
        "kpis": []
      }
    }
  ]
}
"#;

#[test]
fn each_entry_of_a_milestone_is_saved_on_one_line() {
    let mut a = with_milestones();
    a.milestones.truncate(1);
    let saved = format::save(&a);
    let tail = &saved[saved.find("  \"milestones\"").expect("a milestones key")..];
    for (i, (s, e)) in tail.lines().zip(BASELINE_SAVED.lines()).enumerate() {
        assert_eq!(s, e, "line {} of the milestones", i + 1);
    }
    assert_eq!(tail, BASELINE_SAVED);
    assert!(saved.contains("  \"risks\": [],\n  \"milestones\""), "after the risks");
}

#[test]
fn milestones_round_trip_through_save_load_and_share_links() {
    let a = with_milestones();
    let saved = format::save(&a);
    assert_eq!(load(&saved), a);
    assert_eq!(format::save(&load(&saved)), saved, "saving is stable");
    let (shared, problems) = share::decode(&share::encode(&a)).expect("the link reads");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(shared, a);
}

/// Where [`unknown_keys_in_milestones_are_kept`] puts an unknown key.
const UNKNOWN_AT: &[&str] = &[
    "/milestones/0",
    "/milestones/0/state",
    "/milestones/0/state/categories/0",
    "/milestones/0/state/gaps/2",
    "/milestones/0/state/gaps/2/checklist",
    "/milestones/0/state/gaps/0/effort",
    "/milestones/0/state/phases/0",
    "/milestones/0/state/phases/0/team/0",
    "/milestones/0/state/settings",
];

#[test]
fn unknown_keys_in_milestones_are_kept() {
    let mut file: Value = serde_json::from_str(&format::save(&with_milestones())).unwrap();
    for (i, pointer) in UNKNOWN_AT.iter().enumerate() {
        let object = file.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("{pointer}"));
        object.insert(format!("x-later-{i}"), json!({"kept": [i, "as it was"]}));
    }
    let a = load(&file.to_string());
    let again: Value = serde_json::from_str(&format::save(&a)).unwrap();
    assert_eq!(again, file);
}

#[test]
fn a_milestone_keeps_every_number_of_its_state() {
    let a = with_milestones();
    for (milestone, state) in a.milestones.iter().zip([load(CANONICAL), Assessment { milestones: vec![], ..a.clone() }])
    {
        let restored = milestone.state.to_assessment();
        assert_eq!(summarize(&restored), summarize(&state), "{}", milestone.name);
        assert!(compare(&state, &restored).is_empty(), "{}", milestone.name);
        assert_eq!(Snapshot::of(&restored), milestone.state, "freezing it again gives the same");
    }
    // What it leaves out is empty, not invented.
    let restored = a.milestones[0].state.to_assessment();
    assert!(restored.gaps[2].items.iter().all(|item| item.text.is_empty()));
    assert_eq!(restored.gaps[2].items.iter().map(|i| i.done).collect::<Vec<_>>(), [true, true, false, false]);
    assert!(restored.milestones.is_empty() && restored.risks.is_empty() && restored.summary.is_empty());
}

/// The worked example planned in calendar time: a start date, its second
/// phase started at once rather than after the first, a gap that depends
/// on another and is due, and an acceptance that expires.
fn planned() -> Assessment {
    let mut a = load(CANONICAL);
    a.start_date = Some("2025-01-06".into());
    a.phases[1].after = Some(vec![]);
    a.gaps[1].depends_on = vec![a.gaps[0].id.clone()];
    a.gaps[1].due = Some("2025-02-01".into());
    a.gaps[3].status = Status::Accepted;
    a.gaps[3].acceptance = Some(Acceptance {
        reason: "Low traffic until launch".into(),
        by: "CTO".into(),
        expires: Some("2025-03-01".into()),
        extra: Extra::new(),
    });
    a
}

#[test]
fn a_milestone_keeps_the_plan_in_calendar_time() {
    let a = planned();
    let snapshot = Snapshot::of(&a);
    assert_eq!(snapshot.start_date.as_deref(), Some("2025-01-06"));
    assert_eq!(snapshot.phases[1].after, Some(vec![]));
    assert_eq!(snapshot.gaps[1].depends_on, a.gaps[1].depends_on);
    assert_eq!(snapshot.gaps[1].due.as_deref(), Some("2025-02-01"));
    // Of an acceptance, only the day it ends: reason and signer are text.
    assert_eq!(snapshot.gaps[3].accepted_until.as_deref(), Some("2025-03-01"));
    let restored = snapshot.to_assessment();
    // Before the acceptance ends, on its last day, and after: the same
    // numbers (the accepted gap counts as missing again once it expired).
    for day in ["2025-01-20", "2025-03-01", "2025-03-02", "2026-01-01"] {
        assert_eq!(summarize_as_of(&restored, day), summarize_as_of(&a, day), "{day}");
    }
    assert_ne!(
        summarize_as_of(&a, "2025-03-01").overall,
        summarize_as_of(&a, "2025-03-02").overall,
        "the expiry is a number the milestone must keep"
    );
    assert_eq!(summarize(&restored).critical_path, summarize(&a).critical_path);
    assert_eq!(summarize(&restored).duration_weeks, summarize(&a).duration_weeks);
    // Saved, it is written in the file and read back as it was.
    let mut file = a.clone();
    file.milestones.push(save_milestone(&a, "Planned", "2025-01-06"));
    let saved = format::save(&file);
    assert!(saved.contains(r#""accepted_until": "2025-03-01""#), "{saved}");
    assert_eq!(load(&saved), file);
    assert_eq!(saved.matches("Low traffic until launch").count(), 1, "the reason is the gap's alone");
}

/// The problems of [`with_milestones`] as `edit` leaves its JSON.
#[track_caller]
fn check(edit: fn(&mut Value), expected: &[&str]) {
    let mut file: Value = serde_json::from_str(&format::save(&with_milestones())).unwrap();
    edit(&mut file);
    let (_, problems) = format::read(file.to_string().as_bytes()).expect("a Gapmap file");
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, expected);
}

#[test]
fn a_milestones_problems_are_reported_at_its_path() {
    check(|_| {}, &[]);
    check(
        |f| f["milestones"][1]["id"] = json!("ms-1"),
        &["milestones[1].id: The id \"ms-1\" is used twice; ids must be unique."],
    );
    check(|f| f["milestones"][0]["name"] = json!(" "), &["milestones[0].name: The milestone needs a name."]);
    check(
        |f| f["milestones"][0]["saved_on"] = json!("2025-01-32"),
        &["milestones[0].saved_on: \"2025-01-32\" is not a date of the form YYYY-MM-DD, or a date and time of the form YYYY-MM-DDTHH:MM."],
    );
    check(
        |f| {
            f["milestones"][0].as_object_mut().unwrap().remove("state");
        },
        &["milestones[0].state: The field \"state\" is required but missing."],
    );
    check(
        |f| f["milestones"][0]["state"]["title"] = json!(""),
        &["milestones[0].state.title: The assessment needs a title."],
    );
    check(
        |f| f["milestones"][1]["state"]["gaps"][3]["category"] = json!("nowhere"),
        &["milestones[1].state.gaps[3].category: The gap is in category \"nowhere\", which does not exist."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][0]["status"] = json!("broken"),
        &["milestones[0].state.gaps[0].status: \"broken\" is not a valid status; use one of: missing, partial, done, accepted, not_applicable."],
    );
    check(
        |f| f["milestones"][0]["state"]["phases"][0]["team"][1]["role"] = json!("qa"),
        &["milestones[0].state.phases[0].team[1].role: The team names role \"qa\", which does not exist."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][2]["checklist"]["done"] = json!(5),
        &["milestones[0].state.gaps[2].checklist.done: The checklist has 5 items done of 4; no more can be done than there are."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][2]["checklist"]["total"] = json!(4.5),
        &["milestones[0].state.gaps[2].checklist.total: A count must be a whole number from 0 to 4294967295; it is 4.5."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][2]["checklist"]["total"] = json!(-1),
        &["milestones[0].state.gaps[2].checklist.total: A count must be a whole number from 0 to 4294967295; it is -1."],
    );
    // A file cannot make a milestone ask for millions of checklist items.
    check(
        |f| {
            f["milestones"][0]["state"]["gaps"][0]["checklist"] = json!({"done": 0, "total": 4_000_000_000u32});
        },
        &["milestones[0].state.gaps: The checklists here count 4000000004 items in all; a milestone records at most 1000000. They are read as empty."],
    );
    check(|f| f["milestones"] = json!("none"), &["milestones: Expected a list here, found text."]);
    // Its plan in calendar time, by the assessment's own rules.
    check(
        |f| f["milestones"][0]["state"]["start_date"] = json!("2025-13-01"),
        &["milestones[0].state.start_date: \"2025-13-01\" is not a date of the form YYYY-MM-DD."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][1]["due"] = json!("soon"),
        &["milestones[0].state.gaps[1].due: \"soon\" is not a date of the form YYYY-MM-DD."],
    );
    check(
        |f| f["milestones"][0]["state"]["gaps"][1]["accepted_until"] = json!("2025-02-30"),
        &["milestones[0].state.gaps[1].accepted_until: \"2025-02-30\" is not a date of the form YYYY-MM-DD."],
    );
    check(
        |f| f["milestones"][1]["state"]["gaps"][1]["depends_on"] = json!(["nowhere"]),
        &["milestones[1].state.gaps[1].depends_on[0]: The gap depends on gap \"nowhere\", which does not exist."],
    );
    check(
        |f| {
            let state = &mut f["milestones"][0]["state"];
            let (first, second) = (state["gaps"][0]["id"].clone(), state["gaps"][1]["id"].clone());
            state["gaps"][0]["depends_on"] = json!([second]);
            state["gaps"][1]["depends_on"] = json!([first]);
        },
        &["milestones[0].state.gaps[1].depends_on[0]: The gaps depend on each other in a cycle, so none of them can be closed first: g1 → g2 → g1."],
    );
    check(
        |f| {
            let state = &mut f["milestones"][0]["state"];
            let second = state["phases"][1]["id"].clone();
            state["phases"][0]["after"] = json!([second]);
        },
        &["milestones[0].state.phases[1]: The phases start after each other in a cycle, so none of them can start first: p1 → p2 → p1."],
    );
}

#[test]
fn an_over_large_checklist_is_read_as_empty() {
    let mut file: Value = serde_json::from_str(&format::save(&with_milestones())).unwrap();
    file["milestones"][0]["state"]["gaps"][0]["checklist"] = json!({"done": 0, "total": 4_000_000_000u32});
    let (a, _) = format::read(file.to_string().as_bytes()).unwrap();
    assert!(a.milestones[0].state.gaps.iter().all(|g| g.checklist.is_none()));
    assert!(a.milestones[0].state.to_assessment().gaps.iter().all(|g| g.items.is_empty()));
}

#[test]
fn finding_a_milestone_by_id_name_or_latest() {
    let mut a = with_milestones();
    let mut third = save_milestone(&a, "Baseline", "2025-02-01");
    third.state.title = "Third".into();
    a.milestones.push(third);
    fn check(a: &Assessment, wanted: &str, expected: Result<&str, MilestoneLookup>) {
        let found = find_milestone(&a.milestones, wanted).map(|m| m.id.as_str());
        assert_eq!(found, expected, "{wanted:?}");
    }
    check(&a, "ms-2", Ok("ms-2"));
    check(&a, "After phase 1", Ok("ms-2"));
    check(&a, "Baseline", Err(MilestoneLookup::Ambiguous { ids: vec!["ms-1".into(), "ms-3".into()] }));
    // The newest by date: a date alone is the start of its day.
    check(&a, "latest", Ok("ms-2"));
    check(&a, "After phase", Err(MilestoneLookup::NotFound));
    check(&a, "", Err(MilestoneLookup::NotFound));
    assert_eq!(find_milestone(&[], "latest"), Err(MilestoneLookup::NotFound));
    // A milestone named "latest" is that one.
    a.milestones[0].name = "latest".into();
    check(&a, "latest", Ok("ms-1"));
}

#[test]
fn the_latest_milestone_is_the_newest_then_the_last_listed() {
    let a = with_milestones();
    let dated = |dates: &[&str]| {
        let milestones: Vec<_> = dates.iter().map(|d| save_milestone(&a, "m", d)).collect();
        let latest = latest_milestone(&milestones).map(|m| milestones.iter().position(|x| std::ptr::eq(x, m)));
        latest.flatten()
    };
    assert_eq!(dated(&[]), None);
    assert_eq!(dated(&["2025-03-01", "2025-01-01"]), Some(0));
    assert_eq!(dated(&["2025-01-01", "2025-01-01"]), Some(1));
    assert_eq!(dated(&["2025-01-01T10:00", "2025-01-01"]), Some(0));
    assert_eq!(dated(&["2025-01-01T10:00", "2025-01-01T09:59:59", "2024-12-31T23:59"]), Some(0));
}

#[test]
fn saving_renaming_deleting_and_restoring() {
    let original = with_milestones();
    let mut a = original.clone();
    // Saving takes the state as it is, under the next id.
    let saved = save_milestone(&a, "Now", "2025-03-01");
    assert_eq!(saved.id, "ms-3");
    assert_eq!(saved.state, Snapshot::of(&a));
    assert!(saved.state.gaps.iter().all(|g| g.extra.is_empty()) && saved.extra == Extra::new());

    // Renaming returns the name that undoes it.
    let old = rename_milestone(&mut a, 1, "Phase 1 done");
    assert_eq!(old.as_deref(), Some("After phase 1"));
    assert_eq!(a.milestones[1].name, "Phase 1 done");
    rename_milestone(&mut a, 1, &old.unwrap());
    assert_eq!(a, original);
    assert_eq!(rename_milestone(&mut a, 9, "x"), None);

    // Deleting and restoring, twice, gives back the file byte for byte.
    let removed = remove_milestone(&mut a, 0).expect("a milestone there");
    assert_eq!(a.milestones.len(), 1);
    restore_milestone(&mut a, removed.clone());
    restore_milestone(&mut a, removed.clone());
    assert_eq!(format::save(&a), format::save(&original));
    assert_eq!(remove_milestone(&mut a, 2), None);

    // A milestone saved since the delete took its id: it comes back under a fresh one.
    let removed = remove_milestone(&mut a, 1).unwrap();
    let newer = save_milestone(&a, "Newer", "2025-03-02");
    assert_eq!(newer.id, "ms-2");
    a.milestones.push(newer);
    restore_milestone(&mut a, removed.clone());
    restore_milestone(&mut a, removed);
    let ids: Vec<&str> = a.milestones.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["ms-1", "ms-3", "ms-2"]);
    assert!(gapmap::core::validate(&a).is_empty());

    // Two alike milestones (saved twice in a row): deleting one and
    // restoring it brings it back, once.
    let mut twice = original.clone();
    let copy = Milestone { id: "ms-3".into(), ..twice.milestones[1].clone() };
    twice.milestones.push(copy);
    let before = twice.clone();
    for position in [1, 2] {
        let removed = remove_milestone(&mut twice, position).unwrap();
        restore_milestone(&mut twice, removed.clone());
        restore_milestone(&mut twice, removed);
        assert_eq!(twice, before, "deleting and restoring the one at {position}");
    }
}

#[test]
fn adding_a_saved_milestone_keeps_ids_unique() {
    let mut a = with_milestones();
    let saved = save_milestone(&a, "Review", "2025-03-01");
    let again = saved.clone();
    assert_eq!(add_milestone(&mut a, saved.clone()), 2);
    assert_eq!(a.milestones[2], saved);
    // The same milestone added twice (a double click) takes a fresh id.
    assert_eq!(add_milestone(&mut a, again), 3);
    let ids: Vec<&str> = a.milestones.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["ms-1", "ms-2", "ms-3", "ms-4"]);
    assert!(gapmap::core::validate(&a).is_empty());
}

/// Text that is not blank, as names must be.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-z🚀][A-Za-z0-9 .:'\"—-]{0,12}"
}

/// Unknown keys, sometimes.
fn extra() -> impl Strategy<Value = Extra> {
    prop_oneof![
        2 => Just(Extra::new()),
        1 => btree_map("x-[a-z]{1,6}", "[a-z ]{0,8}".prop_map(Value::from), 1..3),
    ]
}

/// A valid assessment with up to three milestones, each the frozen state of
/// another generated assessment (a milestone is valid on its own terms),
/// dated with or without a time, with unknown keys in the milestone, its
/// state, and a gap of it.
fn assessment_with_milestones() -> impl Strategy<Value = Assessment> {
    let milestone = (
        support::generate::assessment(),
        name(),
        (1970u32..2100, 1u32..=12, 1u32..=28, proptest::option::of((0u32..24, 0u32..60))),
        (extra(), extra(), extra()),
    );
    (support::generate::assessment(), vec(milestone, 0..4)).prop_map(|(mut a, milestones)| {
        for (source, name, (y, m, d, time), (milestone_extra, state_extra, gap_extra)) in milestones {
            let date = match time {
                None => format!("{y:04}-{m:02}-{d:02}"),
                Some((hh, mm)) => format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}"),
            };
            let mut milestone = save_milestone(&a, &name, &date);
            milestone.state = Snapshot::of(&source);
            milestone.extra = milestone_extra;
            milestone.state.extra = state_extra;
            if let Some(gap) = milestone.state.gaps.first_mut() {
                gap.extra = gap_extra;
            }
            a.milestones.push(milestone);
        }
        a
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_milestones_are_valid_and_round_trip(a in assessment_with_milestones()) {
        prop_assert_eq!(gapmap::core::validate(&a), vec![]);
        let saved = format::save(&a);
        let loaded = format::load(saved.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded, &a);
        prop_assert_eq!(format::save(&loaded), saved);
        let (shared, problems) = share::decode(&share::encode(&a)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(problems.is_empty());
        prop_assert_eq!(shared, a);
    }

    #[test]
    fn a_snapshot_keeps_every_number(a in support::generate::assessment(), day in (1970u32..2100, 1u32..=12, 1u32..=28)) {
        let snapshot = Snapshot::of(&a);
        let restored = snapshot.to_assessment();
        prop_assert_eq!(summarize(&restored), summarize(&a));
        let day = format!("{:04}-{:02}-{:02}", day.0, day.1, day.2);
        prop_assert_eq!(summarize_as_of(&restored, &day), summarize_as_of(&a, &day));
        prop_assert!(compare(&a, &restored).is_empty());
        prop_assert_eq!(Snapshot::of(&restored), snapshot);
    }
}

//! `gapmap portfolio` on a folder of the shared fixtures, the templates and
//! generated assessments (tests/support/generate.rs), with a JSON file that
//! is not Gapmap and a Gapmap file that cannot be read; its gate; `--as-of`;
//! and the
//! agreement of its JSON with the portfolio the app builds from the
//! library's index (`storage::envelope::Entry::indexed`, read back as the
//! Portfolio screen reads it).

use std::path::{Path, PathBuf};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRng, TestRunner};
use serde_json::Value;

use gapmap::core::numbers::portfolio::{Filter, Portfolio, PortfolioEntry};
use gapmap::core::{format, Assessment};
use gapmap::storage::envelope::Entry;

#[path = "support/cli.rs"]
mod cli;
mod support;

/// A fresh folder under the test's temporary directory.
fn folder(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-portfolio-{name}"));
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap();
    path
}

/// Six generated assessments, the same at every run.
fn generated() -> Vec<Assessment> {
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(Config::default().rng_algorithm));
    (0..6)
        .map(|i| {
            let mut a = support::generate::assessment().new_tree(&mut runner).unwrap().current();
            a.id = format!("generated-{i}");
            a.tags = vec![if i % 2 == 0 { "even" } else { "odd" }.to_string()];
            a
        })
        .collect()
}

/// The fixtures and templates (copied as they are) and the generated
/// assessments (saved), in `dir`; returns the paths of the Gapmap files.
fn fill(dir: &Path) -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut written = Vec::new();
    for source in
        ["tests/fixtures/worked-example.json", "public/templates/example.json", "public/templates/web-service.json"]
    {
        let target = dir.join(Path::new(source).file_name().unwrap());
        std::fs::copy(repo.join(source), &target).unwrap();
        written.push(target);
    }
    std::fs::create_dir_all(dir.join("generated")).unwrap();
    for a in generated() {
        let target = dir.join("generated").join(format!("{}.json", a.id));
        std::fs::write(&target, format::save(&a)).unwrap();
        written.push(target);
    }
    written
}

/// The JSON of `text`, every number as a float (the command writes whole
/// numbers without a fraction, serde_json's values of f64 keep one).
fn json(text: &str) -> Value {
    floats(serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}")))
}

fn floats(value: Value) -> Value {
    match value {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.into_iter().map(floats).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, floats(v))).collect()),
        other => other,
    }
}

/// The keys of an object, sorted (serde_json's map sorts them; the
/// command's own order is checked on its text).
fn keys(value: &Value) -> Vec<&str> {
    value.as_object().unwrap().keys().map(String::as_str).collect()
}

/// The names of `keys`, sorted.
fn sorted<'a>(keys: &[&'a str]) -> Vec<&'a str> {
    let mut keys = keys.to_vec();
    keys.sort_unstable();
    keys
}

#[test]
fn a_folder_is_searched_other_json_is_skipped_and_a_broken_file_fails() {
    let dir = folder("mixed");
    let good = fill(&dir);
    std::fs::write(dir.join("package.json"), "{\"name\": \"not an assessment\"}").unwrap();
    std::fs::write(dir.join("notes.txt"), "not even looked at").unwrap();
    std::fs::write(dir.join(".hidden.json"), "{\"format\": \"gapmap\"}").unwrap();
    let broken =
        std::fs::read_to_string(&good[0]).unwrap().replacen("\"status\": \"missing\"", "\"status\": \"mising\"", 1);
    std::fs::write(dir.join("broken.json"), broken).unwrap();

    let (code, stdout, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--json"], None).parts();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("broken.json: not a readable assessment") && stderr.contains("gaps[0].status"), "{stderr}");
    let out = json(&stdout);
    assert_eq!(keys(&out), sorted(&["assessments", "totals", "skipped"]));
    let at = |key: &str| stdout.find(&format!("\n  \"{key}\"")).unwrap();
    assert!(at("assessments") < at("totals") && at("totals") < at("skipped"), "{stdout}");
    assert_eq!(out["skipped"], serde_json::json!([dir.join("package.json").display().to_string()]));
    let paths: Vec<&str> = out["assessments"].as_array().unwrap().iter().map(|a| a["path"].as_str().unwrap()).collect();
    let mut expected: Vec<String> = good.iter().map(|p| p.display().to_string()).collect();
    expected.sort();
    assert_eq!(paths, expected);
    assert_eq!(
        keys(&out["assessments"][0]),
        sorted(&[
            "path",
            "id",
            "title",
            "system",
            "overall",
            "level",
            "blockers",
            "production_ready",
            "total",
            "duration_weeks"
        ])
    );
    assert_eq!(keys(&out["totals"]), sorted(&["blockers", "effort_days", "labor", "one_off", "annual", "total"]));

    // Without the broken file, the text lists every system and the totals.
    std::fs::remove_file(dir.join("broken.json")).unwrap();
    let (code, stdout, stderr) = cli::run(&["portfolio", dir.to_str().unwrap()], None).parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("System") && stdout.contains("Open blockers: "), "{stdout}");
    assert!(stdout.contains("Skipped 1 file (not Gapmap)"), "{stdout}");
    // Files named one by one (a shell's `*.json`): JSON of another format
    // is skipped there too; a folder's node_modules is never searched.
    std::fs::create_dir_all(dir.join("node_modules/x")).unwrap();
    std::fs::copy(&good[0], dir.join("node_modules/x/copy.json")).unwrap();
    let mut named: Vec<String> = good.iter().map(|p| p.display().to_string()).collect();
    named.push(dir.join("package.json").display().to_string());
    let args: Vec<&str> = ["portfolio", "--json"].into_iter().chain(named.iter().map(String::as_str)).collect();
    let (code, stdout, stderr) = cli::run(&args, None).parts();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&stdout)["skipped"], serde_json::json!([dir.join("package.json").display().to_string()]));
    let (code, stdout, _) = cli::run(&["portfolio", dir.to_str().unwrap(), "--json"], None).parts();
    assert_eq!(code, 0);
    assert_eq!(json(&stdout)["assessments"].as_array().unwrap().len(), good.len(), "node_modules left out");
    // Nothing to show is an error, not an empty portfolio a gate would pass.
    let (code, _, stderr) = cli::run(&["portfolio", dir.join("package.json").to_str().unwrap()], None).parts();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no Gapmap file in") && stderr.contains("skipped"), "{stderr}");
    let (code, _, stderr) = cli::run(&["portfolio"], None).parts();
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_system_without_a_roadmap_has_a_null_total_and_the_gate_speaks_beside_unreadable_files() {
    let dir = folder("no-roadmap");
    let worked = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/worked-example.json");
    let mut unplanned = format::load(&std::fs::read(&worked).unwrap()).unwrap();
    unplanned.id = "unplanned".into();
    unplanned.phases.clear();
    for gap in unplanned.gaps.iter_mut() {
        gap.phase = None;
    }
    std::fs::write(dir.join("unplanned.json"), format::save(&unplanned)).unwrap();
    let (code, stdout, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--json"], None).parts();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json(&stdout)["assessments"][0]["total"], Value::Null);
    let (_, text, _) = cli::run(&["portfolio", dir.to_str().unwrap()], None).parts();
    assert!(text.contains("Not counted: 1 system without a roadmap"), "{text}");
    // An unreadable file makes the exit code 1, and the gate still names who fails it.
    std::fs::write(dir.join("cut.json"), "{\"format\": \"gapmap\", \"version\": 2, \"id\": ").unwrap();
    let (code, _, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--min-score", "99"], None).parts();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("cut.json") && stderr.contains("readiness gate failed for 1") && stderr.contains("(unplanned)"),
        "{stderr}"
    );
}

#[test]
fn the_gate_names_each_system_below_the_score_or_with_a_blocker() {
    let dir = folder("gate");
    let worked = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/worked-example.json");
    let summary = gapmap::core::summarize(&format::load(&std::fs::read(&worked).unwrap()).unwrap());
    std::fs::copy(&worked, dir.join("worked.json")).unwrap();
    let (code, _, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--min-score", "10"], None).parts();
    // Above 10, but with its blockers open.
    assert!(!summary.blockers.is_empty() && summary.overall.unwrap() > 10.0);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("(worked-example)") && stderr.contains(&summary.blockers[0]), "{stderr}");
    // Closing the blockers of a copy makes that one pass; the gate names only the other.
    let mut fixed = format::load(&std::fs::read(&worked).unwrap()).unwrap();
    fixed.id = "fixed".into();
    for gap in fixed.gaps.iter_mut() {
        gap.status = gapmap::core::model::Status::Done;
    }
    std::fs::write(dir.join("fixed.json"), format::save(&fixed)).unwrap();
    let (code, _, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--min-score", "10"], None).parts();
    assert_eq!(code, 3);
    assert!(!stderr.contains("(fixed)") && stderr.contains("(worked-example)"), "{stderr}");
    std::fs::remove_file(dir.join("worked.json")).unwrap();
    let (code, _, stderr) = cli::run(&["portfolio", dir.to_str().unwrap(), "--min-score", "10"], None).parts();
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_command_and_the_apps_portfolio_agree_on_the_same_files() {
    let dir = folder("agree");
    let files = fill(&dir);
    // Both on one day: the command's --as-of, the day the app saves on.
    let day = "2025-06-30";
    let (code, stdout, stderr) =
        cli::run(&["portfolio", dir.to_str().unwrap(), "--json", "--as-of", day], None).parts();
    assert_eq!(code, 0, "{stderr}");
    let command = json(&stdout);

    // The app: each assessment saved into the library's index, its line
    // read back from the index's text as the Portfolio screen reads it.
    let mut sorted = files.clone();
    sorted.sort();
    let lines: Vec<Entry> = sorted
        .iter()
        .map(|path| Entry::indexed(&format::load(&std::fs::read(path).unwrap()).unwrap(), 1, 1.7e12, day))
        .collect();
    let index = gapmap::storage::envelope::open_index(&gapmap::storage::envelope::seal_index(&lines)).unwrap();
    let app_entries: Vec<PortfolioEntry> =
        index.iter().map(|e| e.portfolio.as_ref().unwrap().read().unwrap()).collect();
    let app = Portfolio::of(&app_entries, &Filter::default(), &[]);

    let rows = command["assessments"].as_array().unwrap();
    assert_eq!(rows.len(), app.rows.len());
    for (row, entry) in rows.iter().zip(&app.rows) {
        let expected = floats(serde_json::json!({
            "id": entry.id, "title": entry.title, "system": entry.system, "overall": entry.overall,
            "level": entry.level, "blockers": entry.blockers.len(), "production_ready": entry.production_ready,
            "total": entry.money_total(), "duration_weeks": entry.duration_weeks,
        }));
        let mut row = row.clone();
        row.as_object_mut().unwrap().remove("path");
        assert_eq!(row, expected);
    }
    let totals = &command["totals"];
    assert_eq!(totals["blockers"], app.totals.blockers as f64);
    let value = |v: serde_json::Result<Value>| floats(v.unwrap());
    assert_eq!(totals["effort_days"], value(serde_json::to_value(app.totals.effort_days)));
    for money in &app.totals.money {
        assert_eq!(totals["total"][&money.currency], value(serde_json::to_value(money.total)));
        assert_eq!(totals["labor"][&money.currency], value(serde_json::to_value(money.labor)));
    }
    assert_eq!(totals["total"].as_object().unwrap().len(), app.totals.money.len());
}

/// Regression: the portfolio scored each file with no day, so an expired
/// acceptance still counted as accepted, unlike `gapmap score --as-of`.
#[test]
fn as_of_a_day_each_system_is_scored_as_gapmap_score_scores_it() {
    let dir = folder("as-of");
    let worked =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/worked-example.json"))
            .unwrap();
    // g1, the worked example's P0 blocker, accepted until the end of January.
    let accepted = worked.replacen(
        "\"status\": \"missing\"",
        "\"status\": \"accepted\",\n      \"acceptance\": {\"by\": \"Ada\", \"expires\": \"2025-01-31\"}",
        1,
    );
    let file = dir.join("accepted.json");
    std::fs::write(&file, &accepted).unwrap();
    let file = file.to_str().unwrap();
    for (day, blockers) in [("2025-01-31", 0), ("2025-02-01", 1)] {
        let score = cli::run(&["score", file, "--json", "--as-of", day], None);
        let score = json(&score.stdout);
        let (code, stdout, stderr) = cli::run(&["portfolio", file, "--json", "--as-of", day], None).parts();
        assert_eq!(code, 0, "{stderr}");
        let row = &json(&stdout)["assessments"][0];
        assert_eq!(row["overall"], score["overall"], "{day}");
        assert_eq!(row["blockers"], serde_json::json!(blockers as f64), "{day}");
        assert_eq!(score["blockers"], serde_json::json!(blockers as f64), "{day}");
    }
    let (_, before, _) = cli::run(&["portfolio", file, "--json", "--as-of", "2025-01-31"], None).parts();
    let (_, after, _) = cli::run(&["portfolio", file, "--json", "--as-of", "2025-02-01"], None).parts();
    assert_eq!(json(&before)["assessments"][0]["overall"], serde_json::json!(77.5));
    assert_eq!(json(&after)["assessments"][0]["overall"], serde_json::json!(53.7));
    // The text says it too, and a day that is not a date is a usage error.
    let (code, stdout, stderr) = cli::run(&["portfolio", file, "--as-of", "2025-02-01"], None).parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("53.7"), "{stdout}");
    let (code, _, stderr) = cli::run(&["portfolio", file, "--as-of", "2025-13-01"], None).parts();
    assert_eq!((code, stderr.contains("--as-of takes a date YYYY-MM-DD")), (2, true), "{stderr}");
}

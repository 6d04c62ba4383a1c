//! `gapmap rates`, run as a user runs it after `gapmap import`: it prints a
//! weekly rate per role that reproduces the costs the phases state, with the
//! fit phase by phase; `--apply` writes the rates into the file (or into the
//! file of `-o`, or to standard output with the proposal on standard error),
//! canonical; a file whose phases state no cost exits 1; `-o` without
//! `--apply`, and `--apply` elsewhere, are usage errors (exit 2).

// The command is built only with the `cli` feature (on by default).
#![cfg(feature = "cli")]

use std::path::PathBuf;

const DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/004_ee62c5990353649e.txt");
const ASSESSMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");

#[path = "support/cli.rs"]
mod cli_run;

/// What a run of the command gave: exit code, stdout, stderr.
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    cli_run::run(args, stdin).parts()
}

/// A path of this test's own in Cargo's scratch directory for tests.
fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-rates-{name}"))
}

/// The gap analysis imported as a user would: `gapmap import DOC -o FILE`.
fn imported(name: &str) -> PathBuf {
    let path = scratch(name);
    let (code, _, stderr) = run(&["import", DOCUMENT, "-o", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    path
}

#[test]
fn rates_prints_the_proposal_and_the_fit_without_writing() {
    let path = imported("print.json");
    let before = std::fs::read(&path).unwrap();
    let (code, stdout, stderr) = run(&["rates", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let a = gapmap::core::load(&before).unwrap();
    // A line for every role, one for every phase that states a cost.
    for role in &a.roles {
        assert!(stdout.contains(&format!("  {} ", role.name)), "{} in:\n{stdout}", role.name);
    }
    for phase in a.phases.iter().filter(|p| p.stated_cost.is_some()) {
        assert!(stdout.contains(&format!("  {}: ", phase.name)), "{} in:\n{stdout}", phase.name);
    }
    // Four roles, three phases: the note says the phases do not set them apart.
    assert!(stdout.contains("cannot set the rates of 4 roles apart"), "{stdout}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "without --apply the file is untouched");
}

#[test]
fn rates_apply_writes_the_rates_and_labor_becomes_known() {
    let path = imported("apply.json");
    let out = scratch("apply-out.json");
    let (code, stdout, stderr) = run(&["rates", path.to_str().unwrap(), "--apply", "-o", out.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Wrote 4 rates to"), "{stdout}");
    let written = std::fs::read_to_string(&out).unwrap();
    let a = gapmap::core::load(written.as_bytes()).unwrap();
    assert_eq!(written, gapmap::core::save(&a), "canonical");
    assert!(a.roles.iter().all(|r| r.weekly_rate.is_some()));
    let (code, score, _) = run(&["score", out.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert!(!score.contains("unknown"), "{score}");
    assert!(score.contains("  stated $640,000–$840,000 · computed $"), "{score}");
    // What names no area of the document is kept apart, and the score says it does not count.
    assert!(score.contains("General") && score.contains("(weight 0: not in the overall)"), "{score}");

    // `--apply` alone rewrites the file itself; on standard input, the file
    // goes to standard output and the proposal to standard error.
    let (code, _, stderr) = run(&["rates", path.to_str().unwrap(), "--apply"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    let (code, stdout, stderr) = run(&["rates", "-", "--apply"], Some(&std::fs::read_to_string(&out).unwrap()));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, written, "applying the same rates again changes nothing");
    assert!(stderr.contains("Wrote 4 rates to -."), "{stderr}");
}

#[test]
fn rates_exits_1_when_no_phase_states_a_cost() {
    let (code, stdout, stderr) = run(&["rates", ASSESSMENT], None);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no rate can be derived") && stderr.contains("No phase states a cost"), "{stderr}");
}

#[test]
fn rates_usage_errors_exit_2() {
    for (args, fragment) in [
        (vec!["rates", ASSESSMENT, "-o", "out.json"], "add --apply"),
        (vec!["score", ASSESSMENT, "--apply"], "--apply does not apply here"),
        (vec!["rates"], "which file?"),
    ] {
        let (code, _, stderr) = run(&args, None);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(fragment), "{args:?}: {stderr}");
    }
}

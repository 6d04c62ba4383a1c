//! `gapmap import` and `gapmap report`, run as a user runs them: importing a
//! Markdown document writes canonical JSON (to stdout, or to the file of
//! `-o`) and the import report to stderr, and exits 1 only when nothing could
//! be recognised; `report --format md` prints the Markdown report, and an
//! unknown format is a usage error (exit 2).

// The command is built only with the `cli` feature (on by default).
#![cfg(feature = "cli")]

const DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/004_ee62c5990353649e.txt");
const ASSESSMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");

#[path = "support/cli.rs"]
mod cli_run;

/// What a run of the command gave: exit code, stdout, stderr.
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    cli_run::run(args, stdin).parts()
}

#[test]
fn import_writes_canonical_json_and_reports_to_stderr() {
    let (code, stdout, stderr) = run(&["import", DOCUMENT], None);
    assert_eq!(code, 0, "{stderr}");
    let assessment = gapmap::core::load(stdout.as_bytes()).expect("a valid assessment on stdout");
    assert_eq!(stdout, gapmap::core::save(&assessment), "canonical JSON");
    assert_eq!(assessment.stated_overall, Some(68.0));
    // 223 gaps: eight of the roadmap's tasks restate a finding and are that
    // finding (each was a gap of its own before tasks were linked, 231).
    assert!(stderr.starts_with("Recognised 16 categories (10 with a stated score), 223 gaps"), "{stderr}");
    assert!(stderr.contains("Guessed:\n") && stderr.contains("Warnings:\n"), "{stderr}");
}

#[test]
fn import_writes_to_the_file_given_with_o() {
    let out = std::env::temp_dir().join(format!("gapmap-import-{}.json", std::process::id()));
    let out_path = out.to_str().unwrap();
    let (code, stdout, stderr) = run(&["import", DOCUMENT, "-o", out_path], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    let written = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(gapmap::core::load(&written).unwrap().title, "SAP_LLM Enterprise Gap Analysis & Roadmap");
}

#[test]
fn import_exits_1_when_nothing_is_recognised() {
    let (code, stdout, stderr) = run(&["import", "-"], Some("Just a shopping list: eggs, milk.\n"));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("nothing could be recognised"), "{stderr}");
    // Something small but recognisable is enough.
    let (code, stdout, _) = run(&["import", "-"], Some("# Plan\n\n- ❌ No backups\n"));
    assert_eq!(code, 0);
    assert_eq!(gapmap::core::load(stdout.as_bytes()).unwrap().gaps.len(), 1);
}

#[test]
fn report_prints_markdown() {
    let (code, stdout, stderr) = run(&["report", ASSESSMENT, "--format", "md"], None);
    assert_eq!(code, 0, "{stderr}");
    let assessment = gapmap::core::load(&std::fs::read(ASSESSMENT).unwrap()).unwrap();
    assert_eq!(stdout, gapmap::core::export::markdown::report(&assessment));
    assert!(stdout.contains(&format!("# {}", assessment.title)));
    // md is the default.
    assert_eq!(run(&["report", ASSESSMENT], None).1, stdout);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["report", ASSESSMENT, "--format", "pdf"][..],
        &["import"][..],
        &["score", ASSESSMENT, "-o", "x.json"][..],
        &["import", DOCUMENT, "--format", "md"][..],
    ] {
        let (code, stdout, stderr) = run(args, None);
        assert_eq!(code, 2, "gapmap {}: {stderr}", args.join(" "));
        assert!(stdout.is_empty());
        assert!(stderr.contains("gapmap"), "{stderr}");
    }
    let (_, _, stderr) = run(&["report", ASSESSMENT, "--format", "pdf"], None);
    assert!(stderr.contains("unknown format \"pdf\""), "{stderr}");
}

//! `gapmap merge BASE OURS THEIRS`, run as a user and as git run it: a
//! clean merge written to OURS in canonical form (exit 0, nothing printed);
//! a merge with conflicts (exit 1, each conflict on standard error, OURS
//! written, valid, with ours kept); `--json`; an empty base (git's when
//! both branches added the file); unreadable files, which leave OURS as it
//! was (exit 1); usage errors (exit 2). Then a real `git merge` of two
//! branches through the driver, set up as the README says: one whose
//! branches edit different gaps and different fields of one gap, which
//! merges clean, and one whose branches change one status differently,
//! which git reports as conflicted while the file still loads.

// The command is built only with the `cli` feature (on by default).
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;

use gapmap::core::format;
use gapmap::core::merge::merge;
use gapmap::core::model::{Assessment, Priority, Status};

const CANONICAL: &str = include_str!("fixtures/worked-example.json");

#[path = "support/cli.rs"]
mod cli_run;
use cli_run::{run, Outcome};

/// Runs `gapmap` and checks its exit code and that stdout and stderr each
/// contain every fragment given (none: the stream is empty).
#[track_caller]
fn check(args: &[&str], code: i32, stdout: &[&str], stderr: &[&str]) -> Outcome {
    let outcome = run(args, None);
    let context = format!("gapmap {}\n--- stdout\n{}--- stderr\n{}", args.join(" "), outcome.stdout, outcome.stderr);
    assert_eq!(outcome.code, code, "exit code of {context}");
    for (stream, fragments, name) in [(&outcome.stdout, stdout, "stdout"), (&outcome.stderr, stderr, "stderr")] {
        if fragments.is_empty() {
            assert!(stream.is_empty(), "{name} should be empty: {context}");
        }
        for fragment in fragments {
            assert!(stream.contains(fragment), "{name} should contain {fragment:?}: {context}");
        }
    }
    outcome
}

/// A directory of this test's own in Cargo's scratch directory, empty.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-merge-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `text` to `name` in `dir`; its path.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn worked_example() -> Assessment {
    format::load(CANONICAL.as_bytes()).unwrap()
}

/// The worked example with `edit` made.
fn edited(edit: impl Fn(&mut Assessment)) -> Assessment {
    let mut a = worked_example();
    edit(&mut a);
    a
}

/// Ours closes g1 and names g3's owner; theirs closes g4 and raises g3's priority.
fn clean_sides() -> (Assessment, Assessment) {
    let ours = edited(|a| {
        a.gaps[0].status = Status::Done;
        a.gaps[2].owner = "Ada".into();
    });
    let theirs = edited(|a| {
        a.gaps[3].status = Status::Done;
        a.gaps[2].priority = Priority::P0;
    });
    (ours, theirs)
}

/// Both sides change g1's status, differently; theirs also names g2's owner.
fn conflicting_sides() -> (Assessment, Assessment) {
    let ours = edited(|a| a.gaps[0].status = Status::Done);
    let theirs = edited(|a| {
        a.gaps[0].status = Status::Partial;
        a.gaps[1].owner = "Grace".into();
    });
    (ours, theirs)
}

#[test]
fn a_clean_merge_is_written_to_ours() {
    let dir = scratch_dir("clean");
    let (ours, theirs) = clean_sides();
    let base = write(&dir, "base.json", CANONICAL);
    let ours_file = write(&dir, "ours.json", &format::save(&ours));
    let theirs_file = write(&dir, "theirs.json", &format::save(&theirs));
    check(&["merge", &base, &ours_file, &theirs_file], 0, &[], &[]);
    let expected = edited(|a| {
        a.gaps[0].status = Status::Done;
        a.gaps[2].owner = "Ada".into();
        a.gaps[3].status = Status::Done;
        a.gaps[2].priority = Priority::P0;
    });
    assert_eq!(std::fs::read_to_string(&ours_file).unwrap(), format::save(&expected));
}

#[test]
fn conflicts_exit_1_with_the_file_written_and_ours_kept() {
    let dir = scratch_dir("conflict");
    let (ours, theirs) = conflicting_sides();
    let base = write(&dir, "base.json", CANONICAL);
    let ours_file = write(&dir, "ours.json", &format::save(&ours));
    let theirs_file = write(&dir, "theirs.json", &format::save(&theirs));
    check(
        &["merge", &base, &ours_file, &theirs_file],
        1,
        &[],
        &[
            &format!("{ours_file}: 1 conflict in the merge; the file is written and valid, with ours kept where they conflict:\n"),
            "  gaps[id=g1].status: changed differently on both sides; ours kept\n    base   \"missing\"\n    ours   \"done\"\n    theirs \"partial\"\n",
        ],
    );
    let written = std::fs::read_to_string(&ours_file).unwrap();
    let expected = edited(|a| {
        a.gaps[0].status = Status::Done;
        a.gaps[1].owner = "Grace".into();
    });
    assert_eq!(written, format::save(&expected));
}

#[test]
fn json_prints_the_conflicts_as_data() {
    let dir = scratch_dir("json");
    let (ours, theirs) = conflicting_sides();
    let base = write(&dir, "base.json", CANONICAL);
    let ours_file = write(&dir, "ours.json", &format::save(&ours));
    let theirs_file = write(&dir, "theirs.json", &format::save(&theirs));
    let outcome =
        check(&["merge", "--json", &base, &ours_file, &theirs_file], 1, &["\"clean\": false"], &["1 conflict"]);
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        report["conflicts"],
        serde_json::json!([{"path": "gaps[id=g1].status", "kind": "changed", "base": "missing", "ours": "done", "theirs": "partial"}])
    );
    assert_eq!(
        report["taken"],
        serde_json::json!([{"path": "gaps[id=g2].owner", "kind": "changed", "base": "", "theirs": "Grace"}])
    );
    // The report is the core's outcome serialized.
    let outcome = merge(&worked_example(), &ours, &theirs);
    assert_eq!(report["conflicts"], serde_json::to_value(&outcome.conflicts).unwrap());

    // Clean: exit 0, and the report says so.
    let (ours, theirs) = clean_sides();
    let ours_file = write(&dir, "ours.json", &format::save(&ours));
    let theirs_file = write(&dir, "theirs.json", &format::save(&theirs));
    let outcome = check(&["merge", &base, &ours_file, &theirs_file, "--json"], 0, &["\"clean\": true"], &[]);
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(report["conflicts"], serde_json::json!([]));
    assert_eq!(report["taken"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_base_merges_without_one() {
    let dir = scratch_dir("no-base");
    let (ours, theirs) = clean_sides();
    let base = write(&dir, "base.json", "");
    let ours_file = write(&dir, "ours.json", &format::save(&ours));
    let theirs_file = write(&dir, "theirs.json", &format::save(&theirs));
    // Without a base, each of the four differences is a conflict.
    check(
        &["merge", &base, &ours_file, &theirs_file],
        1,
        &[],
        &["4 conflicts", "  gaps[id=g1].status: changed differently on both sides; ours kept\n    base   (none)\n"],
    );
    assert_eq!(std::fs::read_to_string(&ours_file).unwrap(), format::save(&ours));
}

#[test]
fn unreadable_files_leave_ours_untouched() {
    let dir = scratch_dir("unreadable");
    let base = write(&dir, "base.json", CANONICAL);
    let ours_text = format::save(&edited(|a| a.gaps[0].status = Status::Done));
    let ours_file = write(&dir, "ours.json", &ours_text);
    let not_json = write(&dir, "theirs.json", "{ not json");
    let invalid = write(&dir, "invalid.json", &CANONICAL.replace("\"title\": \"g1\"", "\"title\": \"\""));
    let missing = dir.join("missing.json").to_str().unwrap().to_string();
    for (args, message) in [
        (vec!["merge", &base, &ours_file, &not_json], format!("{not_json}: not a valid assessment")),
        (vec!["merge", &base, &ours_file, &invalid], format!("{invalid}: not a valid assessment")),
        (vec!["merge", &invalid, &ours_file, &base], format!("{invalid}: not a valid assessment")),
        (vec!["merge", &base, &ours_file, &missing], format!("{missing}: cannot read")),
    ] {
        check(&args, 1, &[], &[&message]);
        assert_eq!(std::fs::read_to_string(&ours_file).unwrap(), ours_text, "{args:?}");
    }
    // OURS itself unreadable: nothing is written.
    let broken = write(&dir, "broken.json", "[1, 2");
    check(&["merge", &base, &broken, &base], 1, &[], &[&format!("{broken}: not a valid assessment")]);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "[1, 2");
}

#[test]
fn usage_errors_exit_2() {
    let base = write(&scratch_dir("usage"), "base.json", CANONICAL);
    for (args, message) in [
        (vec!["merge", &base, &base], "gapmap merge: which three files?"),
        (vec!["merge"], "gapmap merge: which three files?"),
        (vec!["merge", &base, "-", &base], "gapmap merge: OURS must be a file"),
        (vec!["merge", &base, &base, &base, &base], "unexpected argument"),
        (vec!["merge", &base, &base, &base, "--check"], "gapmap merge: --check does not apply here"),
    ] {
        check(&args, 2, &[], &[message, "Run `gapmap --help` for usage."]);
    }
}

/// Runs git in `dir` with a home of its own (no user's configuration);
/// its exit code and output.
fn git(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), text)
}

/// Runs git and requires it to succeed.
#[track_caller]
fn git_ok(dir: &Path, args: &[&str]) {
    let (code, text) = git(dir, args);
    assert_eq!(code, 0, "git {}:\n{text}", args.join(" "));
}

/// A repository whose `main` holds the worked example as
/// `review.gapmap.json`, with the driver set up as the README says; then a
/// branch `theirs` with theirs' version, and `main` with ours'. Returns the
/// repository and the output and exit code of `git merge theirs`.
fn git_merge(name: &str, ours: &Assessment, theirs: &Assessment) -> (PathBuf, i32, String) {
    let dir = scratch_dir(name);
    git_ok(&dir, &["init", "-q", "-b", "main"]);
    git_ok(&dir, &["config", "user.name", "Test"]);
    git_ok(&dir, &["config", "user.email", "test@example.com"]);
    let driver = format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_gapmap"));
    git_ok(&dir, &["config", "merge.gapmap.driver", &driver]);
    write(&dir, ".gitattributes", "*.gapmap.json merge=gapmap\n");
    write(&dir, "review.gapmap.json", CANONICAL);
    git_ok(&dir, &["add", "."]);
    git_ok(&dir, &["commit", "-q", "-m", "base"]);
    git_ok(&dir, &["checkout", "-q", "-b", "theirs"]);
    write(&dir, "review.gapmap.json", &format::save(theirs));
    git_ok(&dir, &["commit", "-q", "-am", "theirs"]);
    git_ok(&dir, &["checkout", "-q", "main"]);
    write(&dir, "review.gapmap.json", &format::save(ours));
    git_ok(&dir, &["commit", "-q", "-am", "ours"]);
    let (code, output) = git(&dir, &["merge", "--no-edit", "theirs"]);
    (dir, code, output)
}

#[test]
fn git_merges_branches_that_edit_different_gaps_and_fields_clean() {
    let (ours, theirs) = clean_sides();
    let (dir, code, output) = git_merge("git-clean", &ours, &theirs);
    assert_eq!(code, 0, "git merge:\n{output}");
    let merged = std::fs::read_to_string(dir.join("review.gapmap.json")).unwrap();
    let expected = edited(|a| {
        a.gaps[0].status = Status::Done;
        a.gaps[2].owner = "Ada".into();
        a.gaps[3].status = Status::Done;
        a.gaps[2].priority = Priority::P0;
    });
    assert_eq!(merged, format::save(&expected));
    // Committed as a merge, with nothing left to resolve.
    let (_, status) = git(&dir, &["status", "--porcelain"]);
    assert_eq!(status, "");
    let (_, parents) = git(&dir, &["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit: {parents}");
}

#[test]
fn git_reports_a_conflict_and_the_file_still_loads() {
    let (ours, theirs) = conflicting_sides();
    let (dir, code, output) = git_merge("git-conflict", &ours, &theirs);
    assert_ne!(code, 0, "git merge:\n{output}");
    assert!(output.contains("gaps[id=g1].status: changed differently on both sides; ours kept"), "{output}");
    assert!(output.contains("CONFLICT"), "{output}");
    let merged = std::fs::read_to_string(dir.join("review.gapmap.json")).unwrap();
    let loaded = format::load(merged.as_bytes()).expect("the conflicted file is a valid assessment");
    assert_eq!(loaded.gaps[0].status, Status::Done, "ours kept");
    assert_eq!(loaded.gaps[1].owner, "Grace", "theirs' other change taken");
    assert_eq!(merged, format::save(&loaded), "canonical");
    let (_, status) = git(&dir, &["status", "--porcelain"]);
    assert_eq!(status, "UU review.gapmap.json\n");
}

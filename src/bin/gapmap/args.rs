//! The `gapmap` command's arguments: its usage text, what the user asked
//! for ([`Command`]), and the one parser of the command line, which
//! refuses every option that does not apply to the command given.

use super::{today, Failure};
use gapmap::core::export;
use gapmap::core::present::date;

pub(crate) const USAGE: &str = "\
gapmap: readiness assessments, scored from the command line

Usage:
  gapmap validate FILE                    check a file; list every problem, and
                                          warnings (expired acceptances, gaps
                                          planned before what they depend on)
  gapmap score FILE [--json] [--min-score N] [--scenario NAME]
                                          print the computed scores and costs;
                                          with --min-score, exit 3 when the overall
                                          score is below N or a blocker is open;
                                          with --scenario, as if the roadmap NAME
                                          were the active one
  gapmap next FILE [--json] [--limit N]   the open gaps that buy the most score
                                          per person-day, and the cheapest path
                                          to ready; --limit lists N gaps only
  gapmap fmt FILE [--check]               rewrite a file in canonical form; with
                                          --check, only exit 1 when it is not
  gapmap import FILE.md [-o OUT.json]     read a readiness document written in
                                          Markdown; write the assessment (to
                                          standard output without -o) and print
                                          what was recognised, guessed and
                                          skipped to standard error
  gapmap report FILE [--format FORMAT] [--since NAME]
                                          print a report of the assessment:
                                          md (Markdown, the default), csv (the
                                          gaps for spreadsheets), jira, github or
                                          azure-devops (open gaps as a CSV those
                                          tools import), ics (the phases and due
                                          dates as a calendar); the Markdown report
                                          shows the changes since the milestone
                                          NAME (by name or id; the newest
                                          without --since)
  gapmap rates FILE [--apply] [-o OUT]    propose a weekly rate per role that
                                          reproduces the costs the phases state,
                                          and show the fit phase by phase; with
                                          --apply, write the rates into FILE (or
                                          into OUT; - for standard output)
  gapmap diff A B [--json]                compare two states: files, or FILE@NAME
                                          for a milestone of a file (by name or
                                          id; FILE@latest for the newest), a
                                          milestone scored as of the day it
                                          was saved
  gapmap merge BASE OURS THEIRS [--json]  merge two edited versions of BASE into
                                          OURS (git's merge driver: gapmap merge
                                          %O %A %B); exit 1 with the conflicts
                                          on standard error, the file written
                                          with ours kept where they conflict
  gapmap portfolio PATH... [--json] [--min-score N]
                                          many assessments at once: the table,
                                          blockers and totals of the files given
                                          and of the Gapmap files in the folders
                                          given (other JSON there is skipped);
                                          with --min-score, exit 3 naming each
                                          system below N or with a blocker open
  gapmap schema                           print the JSON Schema of the file format
  gapmap help | --help | -h               show this help
  gapmap --version                        show the version

FILE may be - for standard input (fmt then writes to standard output).
validate, score, next, report, diff and portfolio take --as-of YYYY-MM-DD,
the day the numbers are for (today by default): an accepted gap whose
acceptance expired before it counts as missing, and gaps due before it are
overdue.

Exit codes: 0 success, 1 invalid or unreadable file (for import: nothing
could be recognised; for rates: no rate can be derived; for diff and
report --since: no such milestone; for score --scenario: no such roadmap;
for merge: conflicts, the file written; for portfolio: a Gapmap file that
cannot be read), 2 usage error, 3 readiness gate failed.
";

/// What the user asked for. A report's `since` is the milestone that
/// `--since` names, when given.
pub(crate) enum Command {
    Validate { file: String, as_of: String },
    Score { file: String, json: bool, min_score: Option<f64>, as_of: String, scenario: Option<String> },
    Next { file: String, json: bool, limit: Option<usize>, as_of: String },
    Fmt { file: String, check: bool },
    Import { file: String, output: Option<String> },
    Report { file: String, format: ReportFormat, since: Option<String>, as_of: String },
    Rates { file: String, apply: bool, output: Option<String> },
    Diff { before: String, after: String, json: bool, as_of: String },
    Merge { base: String, ours: String, theirs: String, json: bool },
    Portfolio { paths: Vec<String>, json: bool, min_score: Option<f64>, as_of: String },
    Schema,
    Help,
    Version,
}

/// The formats `gapmap report` writes.
#[derive(Clone, Copy)]
pub(crate) enum ReportFormat {
    Markdown,
    /// The gaps as CSV, in one of the layouts of `export::csv`.
    Csv(export::csv::Layout),
    /// The phases and due dates as an iCalendar file.
    Ics,
}

impl ReportFormat {
    fn parse(name: &str) -> Result<Self, Failure> {
        match name {
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            "ics" => Ok(ReportFormat::Ics),
            other => export::csv::Layout::from_format_name(other).map(ReportFormat::Csv).ok_or_else(|| {
                Failure::Usage(format!(
                    "gapmap report: unknown format \"{other}\"; the formats are md, csv, jira, github and azure-devops, and ics for a calendar"
                ))
            }),
        }
    }
}

pub(crate) fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, Failure> {
    use lexopt::prelude::*;

    let usage = |e: lexopt::Error| Failure::Usage(format!("gapmap: {e}"));
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut file: Option<String> = None;
    // `diff` takes a second file, `merge` a second and a third.
    let mut second: Option<String> = None;
    let mut third: Option<String> = None;
    let (mut json, mut check, mut apply) = (false, false, false);
    let mut min_score: Option<f64> = None;
    let mut limit: Option<usize> = None;
    let mut output: Option<String> = None;
    let mut report_format: Option<String> = None;
    let mut since: Option<String> = None;
    let mut as_of: Option<String> = None;
    // `portfolio` alone takes any number of paths.
    let mut paths: Vec<String> = Vec::new();
    let mut scenario: Option<String> = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("version") => return Ok(Command::Version),
            Long("json") => json = true,
            Long("check") => check = true,
            Long("apply") => apply = true,
            Long("min-score") => {
                let value: f64 = parser.value().map_err(usage)?.parse().map_err(usage)?;
                if !(0.0..=100.0).contains(&value) {
                    return Err(Failure::Usage(format!(
                        "gapmap: --min-score takes a score from 0 to 100, not {value}"
                    )));
                }
                min_score = Some(value);
            }
            Long("limit") => limit = Some(parser.value().map_err(usage)?.parse().map_err(usage)?),
            Short('o') | Long("output") => output = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("format") => report_format = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("since") => since = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("as-of") => {
                let value = parser.value().map_err(usage)?.string().map_err(usage)?;
                if date::day_number(&value).is_none() || value.contains('T') {
                    return Err(Failure::Usage(format!("gapmap: --as-of takes a date YYYY-MM-DD, not \"{value}\"")));
                }
                as_of = Some(value);
            }
            Long("scenario") => scenario = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Value(value) if subcommand.is_none() => subcommand = Some(value.string().map_err(usage)?),
            Value(value) if subcommand.as_deref() == Some("portfolio") => paths.push(value.string().map_err(usage)?),
            Value(value) if file.is_none() => file = Some(value.string().map_err(usage)?),
            Value(value) if matches!(subcommand.as_deref(), Some("diff" | "merge")) && second.is_none() => {
                second = Some(value.string().map_err(usage)?)
            }
            Value(value) if subcommand.as_deref() == Some("merge") && third.is_none() => {
                third = Some(value.string().map_err(usage)?)
            }
            other => return Err(usage(other.unexpected())),
        }
    }
    let Some(subcommand) = subcommand else {
        return Ok(Command::Help);
    };
    let need_file = |file: Option<String>| {
        file.ok_or_else(|| {
            Failure::Usage(format!("gapmap {subcommand}: which file? Give its path, or - for standard input."))
        })
    };
    let unused = |flag: &str, used: bool| {
        if used {
            Err(Failure::Usage(format!("gapmap {subcommand}: {flag} does not apply here")))
        } else {
            Ok(())
        }
    };
    let given_as_of = as_of.is_some();
    let as_of = as_of.unwrap_or_else(today);
    let command = match subcommand.as_str() {
        "validate" => Command::Validate { file: need_file(file)?, as_of },
        "score" => Command::Score { file: need_file(file)?, json, min_score, as_of, scenario: scenario.take() },
        "next" => Command::Next { file: need_file(file)?, json, limit, as_of },
        "fmt" => Command::Fmt { file: need_file(file)?, check },
        "import" => Command::Import { file: need_file(file)?, output: output.take() },
        "report" => Command::Report {
            file: need_file(file)?,
            format: ReportFormat::parse(report_format.as_deref().unwrap_or("md"))?,
            since: since.take(),
            as_of,
        },
        "rates" => {
            if output.is_some() && !apply {
                return Err(Failure::Usage("gapmap rates: -o names where --apply writes; add --apply".to_string()));
            }
            Command::Rates { file: need_file(file)?, apply, output: output.take() }
        }
        "diff" => match (file, second) {
            (Some(before), Some(after)) => Command::Diff { before, after, json, as_of },
            _ => {
                return Err(Failure::Usage(
                    "gapmap diff: which two states? Give two files, or FILE@MILESTONE for a milestone of a file"
                        .to_string(),
                ))
            }
        },
        "merge" => match (file, second, third) {
            (Some(_), Some(ours), Some(_)) if ours == "-" => {
                return Err(Failure::Usage(
                    "gapmap merge: OURS must be a file: the merged assessment is written there".to_string(),
                ))
            }
            (Some(base), Some(ours), Some(theirs)) => Command::Merge { base, ours, theirs, json },
            _ => {
                return Err(Failure::Usage(
                    "gapmap merge: which three files? Give BASE OURS THEIRS (git passes %O %A %B)".to_string(),
                ))
            }
        },
        "portfolio" if paths.is_empty() => {
            return Err(Failure::Usage(
                "gapmap portfolio: which assessments? Give files, or folders to search for Gapmap files".to_string(),
            ))
        }
        "portfolio" => Command::Portfolio { paths: std::mem::take(&mut paths), json, min_score, as_of },
        "schema" => Command::Schema,
        "help" => Command::Help,
        other => return Err(Failure::Usage(format!("gapmap: unknown command \"{other}\""))),
    };
    if !matches!(
        command,
        Command::Score { .. }
            | Command::Next { .. }
            | Command::Diff { .. }
            | Command::Merge { .. }
            | Command::Portfolio { .. }
    ) {
        unused("--json", json)?;
    }
    if !matches!(command, Command::Score { .. } | Command::Portfolio { .. }) {
        unused("--min-score", min_score.is_some())?;
    }
    if !matches!(command, Command::Next { .. }) {
        unused("--limit", limit.is_some())?;
    }
    if !matches!(command, Command::Fmt { .. }) {
        unused("--check", check)?;
    }
    if !matches!(command, Command::Rates { .. }) {
        unused("--apply", apply)?;
    }
    unused("-o", output.is_some())?;
    if !matches!(command, Command::Report { .. }) {
        unused("--format", report_format.is_some())?;
    }
    if matches!(command, Command::Report { format: ReportFormat::Csv(_) | ReportFormat::Ics, since: Some(_), .. }) {
        return Err(Failure::Usage("gapmap report: --since applies to the Markdown report only".to_string()));
    }
    if !matches!(
        command,
        Command::Validate { .. }
            | Command::Score { .. }
            | Command::Next { .. }
            | Command::Report { .. }
            | Command::Diff { .. }
            | Command::Portfolio { .. }
    ) {
        unused("--as-of", given_as_of)?;
    }
    unused("--since", since.is_some())?;
    unused("--scenario", scenario.is_some())?;
    Ok(command)
}

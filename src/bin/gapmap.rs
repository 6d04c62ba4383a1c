//! The `gapmap` command: validate, score, format, export, compare and merge
//! assessment files, and say what to close next, from a terminal, a CI
//! pipeline or git (as its merge driver).
//!
//! This file only glues: it parses arguments, reads and writes files, and
//! calls the core, which does all the work. Outcomes map to exit codes in one
//! place, [`Failure::exit_code`]: 0 success, 1 a file that is not valid or
//! cannot be read (or a document in which nothing could be recognised,
//! stated costs from which no rate can be derived, a milestone a file
//! does not have, or a merge with conflicts), 2 a usage error, 3 a
//! readiness gate that failed.

use std::io::{Read, Write};
use std::process::ExitCode;

use gapmap::core::numbers::{acceptance, next};
use gapmap::core::present::{date, display};
use gapmap::core::{self, export, format, import, summarize_as_of, Assessment};

use self::args::{parse, Command, ReportFormat, USAGE};

#[path = "gapmap/args.rs"]
mod args;
#[path = "gapmap/diff.rs"]
mod diff;
#[path = "gapmap/merge.rs"]
mod merge;
#[path = "gapmap/next.rs"]
mod next_text;
#[path = "gapmap/portfolio.rs"]
mod portfolio;

/// Why the command did not succeed; each maps to one exit code.
enum Failure {
    /// The arguments are wrong.
    Usage(String),
    /// A file could not be read or written, or is not a valid assessment.
    File(String),
    /// The readiness gate of `score --min-score` failed.
    Gate(String),
    /// `fmt --check` found a file that is not canonical.
    NotCanonical(String),
    /// `import` recognised nothing in the document.
    Unrecognised(String),
    /// `rates` found no stated cost it could fit rates to.
    NoFit(String),
    /// `diff` or `report --since` named a milestone that the file does not
    /// have (or several have).
    NoMilestone(String),
    /// `merge` wrote a result in which something conflicted; `printed` is
    /// what goes to standard output all the same (the `--json` report).
    Conflicts { printed: String, message: String },
    /// `score --scenario` named a roadmap that the file does not have.
    NoScenario(String),
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::File(_)
            | Failure::NotCanonical(_)
            | Failure::Unrecognised(_)
            | Failure::NoFit(_)
            | Failure::NoMilestone(_)
            | Failure::Conflicts { .. } => 1,
            Failure::NoScenario(_) => 1,
            Failure::Gate(_) => 3,
        }
    }

    fn message(&self) -> &str {
        match self {
            Failure::Usage(m)
            | Failure::File(m)
            | Failure::Gate(m)
            | Failure::NotCanonical(m)
            | Failure::Unrecognised(m)
            | Failure::NoFit(m)
            | Failure::NoMilestone(m)
            | Failure::Conflicts { message: m, .. } => m,
            Failure::NoScenario(m) => m,
        }
    }
}

fn main() -> ExitCode {
    let outcome = parse(std::env::args_os().skip(1)).and_then(run);
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Failure::Conflicts { printed, .. } = &failure {
                let _ = print(printed);
            }
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "{}", failure.message().trim_end());
            if let Failure::Usage(_) = failure {
                let _ = writeln!(stderr, "Run `gapmap --help` for usage.");
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Help => print(USAGE),
        Command::Version => print(&format!("gapmap {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Schema => print(&core::format::schema::json_schema()),
        Command::Import { file, output } => import_markdown(&file, output.as_deref()),
        Command::Rates { file, apply, output } => rates(&file, apply, output.as_deref()),
        Command::Diff { before, after, json, as_of } => print(&diff::run(&before, &after, json, &as_of)?),
        Command::Merge { base, ours, theirs, json } => print(&merge::run(&base, &ours, &theirs, json)?),
        Command::Portfolio { paths, json, min_score, as_of } => portfolio(&paths, json, min_score, &as_of),
        Command::Report { file, format: ReportFormat::Markdown, since, as_of } => {
            let assessment = load(&file)?;
            let since = match since {
                None => export::markdown::Since::Latest,
                Some(wanted) => {
                    export::markdown::Since::Milestone(diff::milestone(&file, &assessment, &wanted)?.id.clone())
                }
            };
            let options = export::markdown::ReportOptions { since };
            print(&export::markdown::report_as_of(&assessment, &options, &as_of))
        }
        Command::Report { file, format: ReportFormat::Ics, as_of, .. } => {
            let calendar = export::ics::calendar(&load(&file)?, &as_of);
            print(&calendar.map_err(|none| Failure::File(format!("{file}: {none}")))?)
        }
        Command::Report { file, format: ReportFormat::Csv(layout), .. } => {
            print(&export::csv::write(&load(&file)?, layout))
        }
        Command::Validate { file, as_of } => {
            let assessment = load(&file)?;
            let mut stderr = std::io::stderr().lock();
            for warning in format::validate::warnings(&assessment, Some(&as_of)) {
                let _ = writeln!(stderr, "{file}: warning: {warning}");
            }
            print(&format!(
                "{file}: valid ({} categories, {} gaps, {} phases)\n",
                assessment.categories.len(),
                assessment.gaps.len(),
                assessment.phases.len()
            ))
        }
        Command::Score { file, json, min_score, as_of, scenario } => {
            let mut assessment = load(&file)?;
            if let Some(name) = scenario {
                assessment = core::edit::with_scenario(&assessment, &name)
                    .ok_or_else(|| no_scenario(&file, &assessment, &name))?;
            }
            let summary = summarize_as_of(&assessment, &as_of);
            if json {
                print(&format::to_canonical_json(&summary))?;
            } else {
                print(&report(&assessment, &summary))?;
            }
            match min_score {
                Some(min) => gate(&summary, min),
                None => Ok(()),
            }
        }
        Command::Next { file, json, limit, as_of } => {
            let assessment = load(&file)?;
            let assessment = acceptance::as_of(&assessment, date::day_number(&as_of)).into_owned();
            let mut next = next::summarize(&assessment);
            let listed = next.gains.len();
            next.gains.truncate(limit.unwrap_or(listed));
            if json {
                print(&format::to_canonical_json(&next))
            } else {
                print(&next_text::what_next(&assessment, &next, listed))
            }
        }
        Command::Fmt { file, check } => {
            let original = read_bytes(&file)?;
            let assessment = format::load(&original).map_err(|e| invalid(&file, &e))?;
            let canonical = format::save(&assessment);
            if check {
                return if canonical.as_bytes() == original.as_slice() {
                    Ok(())
                } else {
                    Err(Failure::NotCanonical(format!("{file}: not in canonical form; run `gapmap fmt {file}`")))
                };
            }
            if file == "-" {
                print(&canonical)
            } else if canonical.as_bytes() != original.as_slice() {
                std::fs::write(&file, canonical).map_err(|e| Failure::File(format!("{file}: cannot write: {e}")))
            } else {
                Ok(())
            }
        }
    }
}

/// `gapmap import`: the assessment as canonical JSON, the report on stderr.
fn import_markdown(file: &str, output: Option<&str>) -> Result<(), Failure> {
    let bytes = read_bytes(file)?;
    if bytes.len() > format::MAX_FILE_BYTES {
        return Err(Failure::File(format!(
            "{file}: larger than {} MB; Gapmap imports documents up to that size",
            format::MAX_FILE_BYTES / 1_048_576
        )));
    }
    let imported = import::markdown::import_bytes(&bytes);
    let _ = write!(std::io::stderr().lock(), "{}", imported.report);
    if !imported.report.recognised_anything() {
        return Err(Failure::Unrecognised(format!(
            "{file}: nothing could be recognised as part of a readiness assessment; nothing written"
        )));
    }
    let json = format::save(&imported.assessment);
    match output {
        None | Some("-") => print(&json),
        Some(path) => std::fs::write(path, json).map_err(|e| Failure::File(format!("{path}: cannot write: {e}"))),
    }
}

/// `gapmap rates`: the proposal and its fit; with `apply`, the file with
/// the rates written (canonical). The proposal goes to standard error when
/// the file itself goes to standard output.
fn rates(file: &str, apply: bool, output: Option<&str>) -> Result<(), Failure> {
    let mut assessment = load(file)?;
    let fit = core::numbers::rates::fit(&assessment);
    let text = core::numbers::rates::describe(&fit, &assessment.currency);
    if fit.rates.iter().all(|r| r.proposed.is_none()) {
        return Err(Failure::NoFit(format!("{file}: no rate can be derived\n{text}")));
    }
    if !apply {
        return print(&text);
    }
    let written = core::numbers::rates::apply(&mut assessment, &fit);
    let saved = format::save(&assessment);
    let target = output.unwrap_or(file);
    let summary = format!("{text}Wrote {} to {target}.\n", display::plural(written, "rate", "rates"));
    if target == "-" {
        let _ = write!(std::io::stderr().lock(), "{summary}");
        print(&saved)
    } else {
        std::fs::write(target, saved).map_err(|e| Failure::File(format!("{target}: cannot write: {e}")))?;
        print(&summary)
    }
}

/// `gapmap portfolio`: the table or its JSON, as of the day `as_of`; the
/// files that could not be read make it fail (1), after the gate of `min`
/// (3) has named the systems it fails for.
fn portfolio(paths: &[String], json: bool, min: Option<f64>, as_of: &str) -> Result<(), Failure> {
    let found = portfolio::read(paths, as_of).map_err(Failure::File)?;
    if found.entries.is_empty() && found.unreadable.is_empty() {
        // A gate over nothing would pass: finding nothing is an error.
        return Err(Failure::File(format!(
            "gapmap portfolio: no Gapmap file in {}{}",
            paths.join(", "),
            if found.skipped.is_empty() {
                String::new()
            } else {
                format!(" (skipped {}, not Gapmap)", found.skipped.join(", "))
            }
        )));
    }
    let whole = portfolio::portfolio_of(&found);
    print(&if json { portfolio::json(&found, &whole) } else { portfolio::text(&found, &whole) })?;
    // The gate names the systems it fails for even when some files could
    // not be read; unreadable files still decide the exit code (1).
    let failing = min.map(|min| portfolio::gate(&whole, min)).unwrap_or_default();
    let gate = (!failing.is_empty())
        .then(|| format!("readiness gate failed for {}:\n  {}", failing.len(), failing.join("\n  ")));
    match (found.unreadable.is_empty(), gate) {
        (false, gate) => {
            let problems = portfolio::problems(&found);
            Err(Failure::File(match gate {
                Some(gate) => format!("{problems}\n{gate}"),
                None => problems,
            }))
        }
        (true, Some(gate)) => Err(Failure::Gate(gate)),
        (true, None) => Ok(()),
    }
}

/// Why `score --scenario NAME` cannot score: the roadmaps the file has.
fn no_scenario(file: &str, assessment: &core::model::Assessment, name: &str) -> Failure {
    let names = core::edit::roadmap_names(assessment);
    let known = if names.is_empty() {
        "it has one roadmap, with no name and no scenarios".to_string()
    } else {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        format!("its roadmaps are {}", quoted.join(", "))
    };
    Failure::NoScenario(format!("gapmap score: {file} has no roadmap named \"{name}\"; {known}."))
}

/// The readiness gate: the overall score reaches `min` and no blocker is open.
fn gate(summary: &core::Summary, min: f64) -> Result<(), Failure> {
    let mut reasons = Vec::new();
    match summary.overall {
        Some(overall) if overall < min => reasons.push(format!("overall score {overall:.1} is below {min}")),
        None => reasons.push("there is no overall score".to_string()),
        _ => {}
    }
    if !summary.blockers.is_empty() {
        reasons.push(format!("{} blocker(s) open: {}", summary.blockers.len(), summary.blockers.join(", ")));
    }
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(Failure::Gate(format!("readiness gate failed: {}", reasons.join("; "))))
    }
}

/// The human summary printed by `gapmap score`.
fn report(assessment: &Assessment, s: &core::Summary) -> String {
    let money = |b: Option<core::numbers::summary::Bounds>, missing: &[String]| {
        display::money_or_unknown(b, missing, &assessment.currency)
    };
    let stated_beside = |stated, computed, missing: &[String]| {
        display::stated_beside_computed(stated, computed, missing, &assessment.currency)
    };
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(assessment.title.clone());
    line(format!(
        "Overall: {} ({}){}",
        display::score(s.overall),
        s.level.as_deref().unwrap_or("no level"),
        if s.production_ready { ", production-ready" } else { ", not production-ready" }
    ));
    line(format!("Blockers: {}", s.blockers.len()));
    let as_of = s.as_of.as_deref().unwrap_or_default();
    if !s.acceptance_expired.is_empty() {
        line(format!("Acceptance expired as of {as_of} (counted as missing): {}", s.acceptance_expired.join(", ")));
    }
    if !s.overdue.is_empty() {
        line(format!("Overdue as of {as_of}: {}", s.overdue.join(", ")));
    }
    // Scores line up however long the category names are.
    let width = s.categories.iter().map(|c| c.name.chars().count()).max().unwrap_or(0).max(24);
    for c in &s.categories {
        let manual =
            c.manual.map(|_| format!(" (manual; computed {})", display::score(c.computed))).unwrap_or_default();
        let weightless = if c.weight == 0.0 { " (weight 0: not in the overall)" } else { "" };
        line(format!("  {:<width$} {:>5}{manual}{weightless}", c.name, display::score(c.score)));
    }
    let tiers: Vec<String> = s.tiers.iter().map(|t| format!("{} {}/{}", t.priority, t.done, t.scored)).collect();
    line(format!("Tiers: {}", tiers.join(", ")));
    line(format!("Remaining effort: {} person-days", display::range(s.effort_days.min, s.effort_days.max)));
    line(format!("Labor: {}", money(s.labor, &s.labor_unknown_rates)));
    line(format!("One-off: {}", display::money(s.one_off, &assessment.currency)));
    line(format!("Annual run-rate: {}", display::money(s.annual, &assessment.currency)));
    line(format!("Total: {}", money(s.total, &s.labor_unknown_rates)));
    if let Some(stated) = s.stated_total {
        line(format!("  {}", stated_beside(stated, s.total, &s.labor_unknown_rates)));
    }
    line(format!("Bottom-up estimate: {}", money(s.bottom_up, &s.bottom_up_unknown_rates)));
    line(format!("Duration: {} weeks", display::range(s.duration_weeks.min, s.duration_weeks.max)));
    for p in &s.phases {
        line(format!(
            "  {}: labor {}; capacity {} days; demand {} days; {}; projected {}",
            p.name,
            money(p.labor, &p.unknown_rates),
            display::range(p.capacity_days.min, p.capacity_days.max),
            display::range(p.demand_days.min, p.demand_days.max),
            p.load.label(),
            display::score(p.projected_overall)
        ));
        if let Some(stated) = p.stated_cost {
            line(format!("    {}", stated_beside(stated, p.total, &p.unknown_rates)));
        }
    }
    out
}

/// Today's date by the system clock (UTC), the default of `--as-of`: the
/// only place the command reads the clock.
fn today() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    date::date_text(i64::try_from(seconds / 86_400).unwrap_or(0)).unwrap_or_default()
}

fn read_bytes(file: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().lock().take(format::MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(format::MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map(|_| ()))
    };
    result.map(|()| bytes).map_err(|e| Failure::File(format!("{file}: cannot read: {e}")))
}

fn load(file: &str) -> Result<Assessment, Failure> {
    let bytes = read_bytes(file)?;
    format::load(&bytes).map_err(|e| invalid(file, &e))
}

fn invalid(file: &str, error: &core::LoadError) -> Failure {
    let count = error.problems.len();
    let mut message =
        format!("{file}: not a valid assessment ({count} problem{}):\n", if count == 1 { "" } else { "s" });
    for problem in &error.problems {
        message.push_str(&format!("  {problem}\n"));
    }
    Failure::File(message)
}

fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        // A closed pipe (`gapmap score f | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::File(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

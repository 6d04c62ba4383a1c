//! `gapmap portfolio PATH… [--json] [--min-score N] [--as-of DATE]`: many
//! assessments at once, as the core's `Portfolio` has them, each scored as
//! of the same day (today by default).
//!
//! A path is a file, read as an assessment, or a folder, searched (with its
//! subfolders, except hidden ones and `node_modules`) for `*.json` files. A
//! JSON file whose `format` is not `gapmap` is skipped and counted, named
//! or found; in a folder, so is a file that is not JSON and does not name
//! `gapmap` at all; every other file that cannot be read as a valid
//! assessment is listed with its problems and makes the exit code 1 (the
//! gate of `--min-score` still names the systems it fails for). Files are read in parallel, a thread per core,
//! and listed in the order of the paths, a folder's files sorted by path.

use std::path::{Path, PathBuf};

use serde::Serialize;

use gapmap::core::format::{self, LoadErrorKind};
use gapmap::core::numbers::portfolio::{self, Column, Filter, Portfolio, PortfolioEntry};
use gapmap::core::numbers::summary::Bounds;
use gapmap::core::{export, LoadError};

/// What reading the paths found.
pub(crate) struct Found {
    /// Each readable assessment with the path it was read from.
    pub entries: Vec<(String, PortfolioEntry)>,
    /// The JSON files in folders that are no Gapmap files.
    pub skipped: Vec<String>,
    /// Each file that could not be read, with why.
    pub unreadable: Vec<(String, LoadError)>,
}

/// One file to read, and whether it was named itself (else found in a folder).
struct Candidate {
    path: PathBuf,
    named: bool,
}

/// Reads every assessment under `paths`, its numbers as of the day
/// `as_of`; a path that does not exist is unreadable.
pub(crate) fn read(paths: &[String], as_of: &str) -> Result<Found, String> {
    let mut candidates = Vec::new();
    for path in paths {
        let path = PathBuf::from(path);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files).map_err(|e| format!("{}: cannot list: {e}", path.display()))?;
            files.sort();
            candidates.extend(files.into_iter().map(|path| Candidate { path, named: false }));
        } else {
            candidates.push(Candidate { path, named: true });
        }
    }
    let outcomes = read_all(&candidates, as_of);
    let mut found = Found { entries: Vec::new(), skipped: Vec::new(), unreadable: Vec::new() };
    for (candidate, outcome) in candidates.iter().zip(outcomes) {
        let name = candidate.path.display().to_string();
        match outcome {
            Outcome::Entry(entry) => found.entries.push((name, *entry)),
            Outcome::Skipped => found.skipped.push(name),
            Outcome::Unreadable(error) => found.unreadable.push((name, error)),
        }
    }
    Ok(found)
}

/// The `*.json` files under `folder`, hidden folders and files left out,
/// and `node_modules` (a package manager's, never assessments).
fn walk(folder: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for item in std::fs::read_dir(folder)? {
        let item = item?;
        let path = item.path();
        let name = item.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || (name == "node_modules" && item.file_type()?.is_dir()) {
            continue;
        }
        if item.file_type()?.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            files.push(path);
        }
    }
    Ok(())
}

enum Outcome {
    Entry(Box<PortfolioEntry>),
    Skipped,
    Unreadable(LoadError),
}

/// Reads the candidates in parallel, one share per available core, and
/// gives their outcomes in order.
fn read_all(candidates: &[Candidate], as_of: &str) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 8);
    let share = candidates.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(share)
            .map(|part| scope.spawn(move || part.iter().map(|c| one(c, as_of)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// Reads one file, its numbers as of `as_of`.
fn one(candidate: &Candidate, as_of: &str) -> Outcome {
    let bytes = match std::fs::read(&candidate.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome::Unreadable(LoadError {
                kind: LoadErrorKind::NotJson,
                problems: vec![gapmap::core::Problem::new(
                    gapmap::core::format::validate::Path::root(),
                    format!("cannot read: {e}"),
                )],
            })
        }
    };
    match format::load(&bytes) {
        Ok(assessment) => {
            let changed_on = std::fs::metadata(&candidate.path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .and_then(|d| portfolio::day_of_millis(d.as_millis() as f64));
            Outcome::Entry(Box::new(PortfolioEntry::as_of(&assessment, as_of, changed_on)))
        }
        // A file named itself (a shell's `*.json`) is skipped when it is
        // JSON of another format; one found in a folder also when it is
        // not JSON and names no `gapmap`.
        Err(error) if candidate.named && error.kind == LoadErrorKind::NotGapmap => Outcome::Skipped,
        Err(error) if !candidate.named && skippable(&error, &bytes) => Outcome::Skipped,
        Err(error) => Outcome::Unreadable(error),
    }
}

/// Whether a file found in a folder is no Gapmap file: JSON of another
/// format, or not JSON and not naming `gapmap` (a Gapmap file cut short
/// still does, and is reported).
fn skippable(error: &LoadError, bytes: &[u8]) -> bool {
    match error.kind {
        LoadErrorKind::NotGapmap => true,
        LoadErrorKind::NotJson => !bytes.windows(8).any(|w| w == b"\"gapmap\""),
        _ => false,
    }
}

/// One assessment in `--json`.
#[derive(Serialize)]
struct JsonAssessment<'a> {
    path: &'a str,
    id: &'a str,
    title: &'a str,
    system: &'a str,
    overall: Option<f64>,
    level: Option<&'a str>,
    blockers: usize,
    production_ready: bool,
    total: Option<Bounds>,
    duration_weeks: Bounds,
}

/// Money per currency: `{"USD": {"min": …, "max": …}}`, `null` where unknown.
type PerCurrency = std::collections::BTreeMap<String, Option<Bounds>>;

#[derive(Serialize)]
struct JsonTotals {
    blockers: usize,
    effort_days: Bounds,
    labor: PerCurrency,
    one_off: PerCurrency,
    annual: PerCurrency,
    total: PerCurrency,
}

#[derive(Serialize)]
struct Json<'a> {
    assessments: Vec<JsonAssessment<'a>>,
    totals: JsonTotals,
    skipped: &'a [String],
}

/// The portfolio of what was found, every assessment chosen.
pub(crate) fn portfolio_of(found: &Found) -> Portfolio {
    let entries: Vec<PortfolioEntry> = found.entries.iter().map(|(_, e)| e.clone()).collect();
    Portfolio::of(&entries, &Filter::default(), &[])
}

/// `--json`: the assessments, totals and skipped paths.
pub(crate) fn json(found: &Found, portfolio: &Portfolio) -> String {
    let per = |pick: &dyn Fn(&portfolio::MoneyTotals) -> Option<Bounds>| -> PerCurrency {
        portfolio.totals.money.iter().map(|m| (m.currency.clone(), pick(m))).collect()
    };
    let out = Json {
        assessments: found
            .entries
            .iter()
            .map(|(path, e)| JsonAssessment {
                path,
                id: &e.id,
                title: &e.title,
                system: &e.system,
                overall: e.overall,
                level: e.level.as_deref(),
                blockers: e.blockers.len(),
                production_ready: e.production_ready,
                total: e.money_total(),
                duration_weeks: e.duration_weeks,
            })
            .collect(),
        totals: JsonTotals {
            blockers: portfolio.totals.blockers,
            effort_days: portfolio.totals.effort_days,
            labor: per(&|m| m.labor),
            one_off: per(&|m| Some(m.one_off)),
            annual: per(&|m| Some(m.annual)),
            total: per(&|m| m.total),
        },
        skipped: &found.skipped,
    };
    format::to_canonical_json(&out)
}

/// The text: the table, the totals, what was skipped.
pub(crate) fn text(found: &Found, portfolio: &Portfolio) -> String {
    let header: Vec<String> = Column::ALL.iter().map(|c| c.label().to_string()).collect();
    let rows: Vec<Vec<String>> =
        portfolio.rows.iter().map(|e| Column::ALL.iter().map(|c| c.text(e)).collect()).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|k| rows.iter().chain([&header]).map(|r| r[k].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in [&header].into_iter().chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .zip(Column::ALL)
            .map(
                |((cell, &width), column)| {
                    if column.is_numeric() {
                        format!("{cell:>width$}")
                    } else {
                        format!("{cell:<width$}")
                    }
                },
            )
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push('\n');
    for line in export::portfolio::totals_lines(&portfolio.totals) {
        out.push_str(&line);
        out.push('\n');
    }
    if !found.skipped.is_empty() {
        out.push_str(&format!(
            "Skipped {} (not Gapmap): {}\n",
            gapmap::core::present::display::plural(found.skipped.len(), "file", "files"),
            found.skipped.join(", ")
        ));
    }
    out
}

/// The problems of the files that could not be read, one block each.
pub(crate) fn problems(found: &Found) -> String {
    let mut out = String::new();
    for (path, error) in &found.unreadable {
        out.push_str(&format!("{path}: not a readable assessment:\n"));
        for problem in &error.problems {
            out.push_str(&format!("  {problem}\n"));
        }
    }
    out
}

/// The gate of `--min-score`: the systems below `min` or with an open
/// blocker, one line each; empty when every system passes.
pub(crate) fn gate(portfolio: &Portfolio, min: f64) -> Vec<String> {
    portfolio
        .rows
        .iter()
        .filter_map(|e| {
            let mut reasons = Vec::new();
            match e.overall {
                Some(overall) if overall < min => reasons.push(format!("overall {overall:.1} is below {min}")),
                None => reasons.push("no overall score".to_string()),
                _ => {}
            }
            if !e.blockers.is_empty() {
                let ids: Vec<&str> = e.blockers.iter().map(|b| b.id.as_str()).collect();
                reasons.push(format!("{} blocker(s) open: {}", e.blockers.len(), ids.join(", ")));
            }
            (!reasons.is_empty()).then(|| format!("{} ({}): {}", e.name(), e.id, reasons.join("; ")))
        })
        .collect()
}

//! The import itself, in the library's chunk: files the user picked or
//! dropped, read by the core. A file that is not a valid assessment is
//! refused with every problem listed and the library left as it was; an
//! assessment whose id is already in the library waits for the user to
//! choose (replace it, or keep both). Markdown documents are handed back,
//! to be read by the Markdown importer (its own chunk) and confirmed in
//! their dialog. Several files at once are each imported, then one notice
//! sums up what came in, what waits for the user, and what failed, file by
//! file.

use super::offer::Landing;
use crate::app::files::PickedFile;
use crate::app::import::waiting::Pending;
use crate::app::library::state::Library;
use crate::app::notices::Notices;
use crate::core::format;

/// A Markdown document among the files: its file name and its text.
pub(in crate::app::chunks) type Document = (String, String);

/// Whether a file is a Markdown document rather than a Gapmap (JSON) file:
/// by its name, or, for a name that says neither, by its first character,
/// since every Gapmap file is a JSON object or array.
fn is_markdown(name: &str, text: &str) -> bool {
    let name = name.to_lowercase();
    if name.ends_with(".md") || name.ends_with(".markdown") {
        return true;
    }
    if name.ends_with(".json") {
        return false;
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    !start.is_empty() && !start.starts_with('{') && !start.starts_with('[')
}

/// What became of one file of several.
enum Outcome {
    /// An assessment came in (a line for the summary).
    In(String),
    /// An assessment waits in the conflict dialog.
    Waiting(String),
    /// A Markdown document waits in its dialog for the user to confirm it.
    Confirm(String),
    /// The file, or an assessment in it, did not come in: why.
    Failed(String),
}

/// Reads the files and brings every valid assessment in them into the
/// library; returns the Markdown documents among them, which wait, one
/// after another, in their dialog for the user's confirmation. Several
/// files get one notice that sums up every file: what came in, what waits,
/// what failed and why.
pub(in crate::app::chunks) fn import_files(
    library: Library,
    notices: Notices,
    waiting: Pending,
    mut files: Vec<PickedFile>,
) -> Vec<Document> {
    if files.len() == 1 {
        if let Some(file) = files.pop() {
            return import_one_file(library, notices, waiting, file);
        }
    }
    let (mut outcomes, mut documents) = (Vec::new(), Vec::new());
    for file in files {
        let name = file.name;
        let text = match file.text {
            Ok(text) => text,
            Err(why) => {
                outcomes.push(Outcome::Failed(format!("\u{201c}{name}\u{201d}: {why}")));
                continue;
            }
        };
        if is_markdown(&name, &text) {
            documents.push((name.clone(), text));
            outcomes.push(Outcome::Confirm(name));
            continue;
        }
        match format::load_many(text.as_bytes()) {
            Ok(assessments) => {
                for assessment in assessments {
                    let title = assessment.title.clone();
                    outcomes.push(match waiting.offer(library, assessment) {
                        Landing::Saved => Outcome::In(format!("\u{201c}{title}\u{201d} from \u{201c}{name}\u{201d}")),
                        Landing::Waiting => Outcome::Waiting(title),
                        Landing::Failed(why) => Outcome::Failed(format!("\u{201c}{name}\u{201d}: {why}")),
                    });
                }
            }
            Err(error) => outcomes.push(Outcome::Failed(format!(
                "\u{201c}{name}\u{201d}: not a valid Gapmap file. {}",
                first_problems(&error.problems)
            ))),
        }
    }
    summarise(notices, &outcomes);
    documents
}

/// One notice for several files: what came in, what waits, what failed.
fn summarise(notices: Notices, outcomes: &[Outcome]) {
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let (came, waits, confirm, failed) = (
        count(|o| matches!(o, Outcome::In(_))),
        count(|o| matches!(o, Outcome::Waiting(_))),
        count(|o| matches!(o, Outcome::Confirm(_))),
        count(|o| matches!(o, Outcome::Failed(_))),
    );
    // Markdown documents only: each shows in its dialog, nothing else to say.
    if confirm == outcomes.len() {
        return;
    }
    let plural = |n: usize| if n == 1 { "assessment" } else { "assessments" };
    let mut title = format!("Imported {came} {}", plural(came));
    if waits > 0 {
        title.push_str(&format!("; {waits} already in the library wait for your choice"));
    }
    if confirm > 0 {
        let documents = if confirm == 1 { "Markdown document waits" } else { "Markdown documents wait" };
        title.push_str(&format!("; {confirm} {documents} for you to confirm"));
    }
    if failed > 0 {
        title.push_str(&format!("; {failed} failed"));
    }
    title.push('.');
    let details = outcomes
        .iter()
        .map(|o| match o {
            Outcome::In(line) => format!("Imported: {line}"),
            Outcome::Waiting(title) => format!("Waiting: \u{201c}{title}\u{201d} is already in the library"),
            Outcome::Confirm(name) => format!("To confirm: \u{201c}{name}\u{201d} (Markdown), in the dialog"),
            Outcome::Failed(line) => format!("Failed: {line}"),
        })
        .collect();
    // A failure stays until dismissed; a clean import fades like any notice.
    if failed > 0 {
        notices.error(title, details);
    } else {
        notices.info_with_details(title, details);
    }
}

/// The first problems of a refused file, enough to say why.
fn first_problems(problems: &[crate::core::Problem]) -> String {
    const SHOWN: usize = 3;
    let mut text = problems.iter().take(SHOWN).map(ToString::to_string).collect::<Vec<_>>().join(" ");
    if problems.len() > SHOWN {
        text.push_str(&format!(" (and {} more problems)", problems.len() - SHOWN));
    }
    text
}

/// One file: a Markdown document waits in its dialog; a Gapmap file is
/// imported, or refused with every problem listed.
fn import_one_file(library: Library, notices: Notices, waiting: Pending, file: PickedFile) -> Vec<Document> {
    let text = match file.text {
        Ok(text) => text,
        Err(why) => {
            notices.error(format!("\u{201c}{}\u{201d} was not imported.", file.name), vec![why]);
            return Vec::new();
        }
    };
    if is_markdown(&file.name, &text) {
        return vec![(file.name, text)];
    }
    match format::load_many(text.as_bytes()) {
        Ok(assessments) => {
            let mut imported = Vec::new();
            for assessment in assessments {
                let title = assessment.title.clone();
                match waiting.offer(library, assessment) {
                    Landing::Saved => imported.push(title),
                    Landing::Waiting => {}
                    Landing::Failed(why) => notices.error("Importing failed.", vec![why]),
                }
            }
            match imported.as_slice() {
                [] => {}
                [one] => notices.info(format!("Imported \u{201c}{one}\u{201d}.")),
                many => notices.info(format!("Imported {} assessments.", many.len())),
            }
        }
        Err(error) => notices.error(
            format!("\u{201c}{}\u{201d} was not imported: it is not a valid Gapmap file.", file.name),
            error.problems.iter().map(ToString::to_string).collect(),
        ),
    }
    Vec::new()
}

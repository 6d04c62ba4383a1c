//! The core's merge (`core::merge`), as the merge view lists it: what came
//! in from the other side and each conflict, their paths named as people
//! find them again ("Gap “Backups”: status" rather than
//! `gaps[id=g3].status`) and their values as text; and the result once the
//! user has chosen a side for each conflict.

use serde_json::Value;

pub(super) use crate::core::merge::Side;
use crate::core::merge::{self, ChangeKind, ConflictKind, MergeOutcome, MergePath, PathStep};
use crate::core::Assessment;

/// A conflict, as the view shows it.
#[derive(Clone, Debug)]
pub(super) struct Conflict {
    /// Where it is, as people read it.
    pub path: String,
    /// Ours' value, as text.
    pub ours: String,
    /// Theirs' value, as text.
    pub theirs: String,
    /// Why the result is as it is, when the user has no choice here (a fix
    /// that keeps the merged file valid).
    pub fixed: Option<&'static str>,
}

/// A merge, as the view shows it.
#[derive(Clone, Debug)]
pub(super) struct Outcome {
    /// What came in from the other side, one line each.
    pub came_in: Vec<String>,
    /// Every conflict, in the order of the file.
    pub conflicts: Vec<Conflict>,
    core: MergeOutcome,
}

/// Merges `theirs` into `ours` against `base`; without a base every
/// difference is a conflict.
pub(super) fn merge(base: Option<&Assessment>, ours: &Assessment, theirs: &Assessment) -> Outcome {
    let core = match base {
        Some(base) => merge::merge(base, ours, theirs),
        None => merge::merge_without_base(ours, theirs),
    };
    // Entries are named by what ours calls them, else theirs (added there).
    let sides =
        [serde_json::to_value(ours).unwrap_or(Value::Null), serde_json::to_value(theirs).unwrap_or(Value::Null)];
    let came_in = core
        .taken
        .iter()
        .map(|change| {
            let at = readable(&change.path, &sides);
            match change.kind {
                ChangeKind::Added => format!("{at}: added {}", text(change.theirs.as_ref())),
                ChangeKind::Removed => format!("{at}: removed {}", text(change.base.as_ref())),
                ChangeKind::Changed => {
                    format!("{at}: {} \u{2192} {}", text(change.base.as_ref()), text(change.theirs.as_ref()))
                }
            }
        })
        .collect();
    let conflicts = core
        .conflicts
        .iter()
        .map(|conflict| Conflict {
            path: readable(&conflict.path, &sides),
            ours: text(conflict.ours.as_ref()),
            theirs: text(conflict.theirs.as_ref()),
            fixed: match conflict.kind {
                ConflictKind::KeptForReference => {
                    Some("Removed on one side, but the merged file still refers to it: it is kept.")
                }
                ConflictKind::Incompatible => Some("Both sides' changes cannot stand together: yours are kept."),
                _ => None,
            },
        })
        .collect();
    Outcome { came_in, conflicts, core }
}

/// The merged result with `choices` (one per conflict, in order).
pub(super) fn resolve(outcome: &Outcome, choices: &[Side]) -> Assessment {
    outcome.core.resolve(choices).merged
}

/// A value as text: a string as it is, a list joined by commas, nothing as
/// "(none)", anything larger as compact JSON cut to a readable length.
fn text(value: Option<&Value>) -> String {
    const LONGEST: usize = 160;
    let text = match value {
        None | Some(Value::Null) => return "(none)".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(list)) if list.iter().all(|v| !v.is_object() && !v.is_array()) => {
            list.iter().map(|v| text(Some(v))).collect::<Vec<_>>().join(", ")
        }
        Some(other) => other.to_string(),
    };
    if text.chars().count() > LONGEST {
        format!("{}\u{2026}", text.chars().take(LONGEST).collect::<String>())
    } else {
        text
    }
}

/// A path as people read it: list entries by their kind and name ("Gap
/// “Backups”", "checklist item 2"), fields by their key in words.
fn readable(path: &MergePath, sides: &[Value; 2]) -> String {
    if path.0.is_empty() {
        return "The whole file".to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for (i, step) in path.0.iter().enumerate() {
        let list = match path.0[..i].last() {
            Some(PathStep::Key(key)) => key.as_str(),
            _ => "",
        };
        match step {
            PathStep::Key(key) => {
                let next_is_entry =
                    matches!(path.0.get(i + 1), Some(PathStep::Id(_) | PathStep::Index(_) | PathStep::Text { .. }));
                if !next_is_entry {
                    parts.push(key.replace('_', " "));
                }
            }
            PathStep::Id(id) => {
                let here = MergePath(path.0[..=i].to_vec());
                let entry = sides.iter().find_map(|side| here.find(side));
                let name = entry.and_then(|e| ["title", "name", "text"].iter().find_map(|k| e.get(*k)?.as_str()));
                parts.push(format!("{} \u{201c}{}\u{201d}", kind_of(list), name.unwrap_or(id.as_str())));
            }
            PathStep::Index(index) => parts.push(format!("{} {}", kind_of(list).to_lowercase(), index + 1)),
            PathStep::Text { text, .. } => {
                parts.push(format!("{} \u{201c}{text}\u{201d}", kind_of(list).to_lowercase()))
            }
        }
    }
    let mut out = parts.join(": ");
    if let Some(first) = out.get(..1) {
        out = first.to_uppercase() + &out[1..];
    }
    out
}

/// What an entry of the list `key` is called.
fn kind_of(key: &str) -> String {
    match key {
        "gaps" => "Gap".to_string(),
        "categories" => "Category".to_string(),
        "phases" => "Phase".to_string(),
        "roles" => "Role".to_string(),
        "kpis" => "KPI".to_string(),
        "risks" => "Risk".to_string(),
        "milestones" => "Milestone".to_string(),
        "items" => "Checklist item".to_string(),
        other => other.trim_end_matches('s').replace('_', " "),
    }
}

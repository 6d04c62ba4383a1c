//! Where a merged value sits, named the way a person finds it again: entries
//! of lists by their id (`gaps[id=gap-3].status`), checklist items by their
//! position or their text, object fields by key.
//!
//! A validation `Path` counts positions (`gaps[3]`), which differ between
//! the two sides of a merge as soon as one of them adds or removes an entry;
//! a merge path names the same entry on both sides, so that a conflict can
//! be shown, chosen and applied again.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

/// One step of a [`MergePath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathStep {
    /// A key of an object.
    Key(String),
    /// The entry of a list whose `id` is this.
    Id(String),
    /// The entry at this position of a list (a checklist whose items were
    /// neither inserted nor removed).
    Index(usize),
    /// The `nth` (from 0) entry of a list whose `text` is this: a checklist
    /// item, once items were inserted or removed.
    Text { text: String, nth: usize },
}

/// Where a value sits in an assessment, by identity rather than position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MergePath(pub Vec<PathStep>);

impl MergePath {
    /// The path of the whole file.
    pub fn root() -> Self {
        MergePath(Vec::new())
    }

    /// The value at this path in `root`, when there is one.
    pub fn find<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        self.0.iter().try_fold(root, |value, step| match (step, value) {
            (PathStep::Key(key), Value::Object(map)) => map.get(key),
            (PathStep::Index(i), Value::Array(list)) => list.get(*i),
            (PathStep::Id(id), Value::Array(list)) => list.iter().find(|v| id_of(v) == Some(id.as_str())),
            (PathStep::Text { text, nth }, Value::Array(list)) => {
                list.iter().filter(|v| text_of(v) == Some(text.as_str())).nth(*nth)
            }
            _ => None,
        })
    }

    /// The value at this path in `root`, to change it.
    pub(super) fn find_mut<'v>(&self, root: &'v mut Value) -> Option<&'v mut Value> {
        let mut value = root;
        for step in &self.0 {
            value = match (step, value) {
                (PathStep::Key(key), Value::Object(map)) => map.get_mut(key)?,
                (PathStep::Index(i), Value::Array(list)) => list.get_mut(*i)?,
                (PathStep::Id(id), Value::Array(list)) => list.iter_mut().find(|v| id_of(v) == Some(id.as_str()))?,
                (PathStep::Text { text, nth }, Value::Array(list)) => {
                    list.iter_mut().filter(|v| text_of(v) == Some(text.as_str())).nth(*nth)?
                }
                _ => return None,
            };
        }
        Some(value)
    }

    /// Whether this path is `prefix` or lies under it.
    pub fn starts_with(&self, prefix: &MergePath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The same path, one step shorter; `None` at the root.
    pub fn parent(&self) -> Option<MergePath> {
        let (_, rest) = self.0.split_last()?;
        Some(MergePath(rest.to_vec()))
    }
}

/// The `id` of a list entry, when it is an object with a string `id`.
pub(super) fn id_of(value: &Value) -> Option<&str> {
    value.as_object()?.get("id")?.as_str()
}

/// The `text` of a list entry (a checklist item), when it has one.
pub(super) fn text_of(value: &Value) -> Option<&str> {
    value.as_object()?.get("text")?.as_str()
}

impl fmt::Display for MergePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(file)");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Key(key) if i == 0 => f.write_str(key)?,
                PathStep::Key(key) => write!(f, ".{key}")?,
                PathStep::Id(id) => write!(f, "[id={id}]")?,
                PathStep::Index(index) => write!(f, "[{index}]")?,
                // The text is quoted as JSON quotes it, so that a text holding
                // `]` or `"` still reads as one step.
                PathStep::Text { text, nth: 0 } => write!(f, "[text={}]", Value::from(text.as_str()))?,
                PathStep::Text { text, nth } => write!(f, "[text={} #{}]", Value::from(text.as_str()), nth + 1)?,
            }
        }
        Ok(())
    }
}

impl Serialize for MergePath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

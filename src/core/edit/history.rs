//! Undo and redo: a bounded stack of earlier states of one document.
//!
//! The app records the state before every edit. Edits of the same field that
//! follow each other quickly (typing a title letter by letter) are coalesced
//! into one step, so that undo takes back a word, not a letter. Snapshots are
//! whole values: simple, and cheap enough at the sizes assessments have.

use std::collections::VecDeque;

/// How many steps are kept; older ones are dropped.
pub const DEFAULT_LIMIT: usize = 200;

/// Edits with the same key closer together than this are one step.
pub const COALESCE_MS: f64 = 1000.0;

/// The undo and redo stacks of one document.
#[derive(Clone, Debug)]
pub struct History<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    limit: usize,
    /// The key and time of the last recorded edit, for coalescing.
    last: Option<(String, f64)>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History::new(DEFAULT_LIMIT)
    }
}

impl<T> History<T> {
    pub fn new(limit: usize) -> Self {
        History { past: VecDeque::new(), future: Vec::new(), limit: limit.max(1), last: None }
    }

    /// Records the state an edit is about to change, taken from `before` only
    /// when it starts a new step. `key` names what the edit changes
    /// (`"gap:g1:title"`); a keyed edit that repeats the previous key within
    /// [`COALESCE_MS`] joins the previous step.
    pub fn record(&mut self, key: Option<&str>, now_ms: f64, before: impl FnOnce() -> T) {
        self.future.clear();
        let coalesce = match (&self.last, key) {
            (Some((last_key, at)), Some(key)) => last_key == key && now_ms - at < COALESCE_MS && !self.past.is_empty(),
            _ => false,
        };
        self.last = key.map(|k| (k.to_string(), now_ms));
        if coalesce {
            return;
        }
        self.past.push_back(before());
        while self.past.len() > self.limit {
            self.past.pop_front();
        }
    }

    /// Steps back: takes the current state, returns the one before it.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(current);
        self.last = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push_back(current);
        self.last = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets everything, as when another document is opened.
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = History::new(10);
        h.record(None, 0.0, || 1);
        h.record(None, 10.0, || 2);
        assert_eq!(h.undo(3), Some(2));
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.undo(1), None);
        assert_eq!(h.redo(1), Some(2));
        assert_eq!(h.redo(2), Some(3));
        assert_eq!(h.redo(3), None);
    }

    #[test]
    fn a_new_edit_drops_the_redo_stack() {
        let mut h = History::new(10);
        h.record(None, 0.0, || 1);
        assert_eq!(h.undo(2), Some(1));
        h.record(None, 5.0, || 1);
        assert!(!h.can_redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new(10);
        h.record(Some("title"), 0.0, || "");
        h.record(Some("title"), 200.0, || "a");
        h.record(Some("title"), 400.0, || "ab");
        h.record(Some("notes"), 500.0, || "abc");
        assert_eq!(h.undo("abcd"), Some("abc"));
        assert_eq!(h.undo("abc"), Some(""));
        assert!(!h.can_undo());
    }

    #[test]
    fn a_pause_starts_a_new_step() {
        let mut h = History::new(10);
        h.record(Some("title"), 0.0, || 0);
        h.record(Some("title"), 5000.0, || 1);
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.undo(1), Some(0));
    }

    #[test]
    fn keeps_at_most_the_limit() {
        let mut h = History::new(100);
        for i in 0..150 {
            h.record(None, f64::from(i), || i);
        }
        let mut steps = 0;
        let mut current = 150;
        while let Some(previous) = h.undo(current) {
            current = previous;
            steps += 1;
        }
        assert_eq!(steps, 100);
        assert_eq!(current, 50);
    }
}

//! How views name an entry that has an id (a phase, a role): the id and
//! which of the entries with that id is meant, so that a file holding two
//! entries with one id keeps both editable.

/// Which phase or role a view shows: its id, and which of the entries with
/// that id (0 for the first).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub id: String,
    pub nth: usize,
}

/// The keys of a list of entries with ids, in order.
pub fn keys<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<Key> {
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .map(|id| {
            let nth = seen.iter().filter(|s| **s == id).count();
            seen.push(id);
            Key { id: id.to_string(), nth }
        })
        .collect()
}

/// Where the entry of `key` is in a list of ids.
pub fn position<'a>(ids: impl IntoIterator<Item = &'a str>, key: &Key) -> Option<usize> {
    ids.into_iter().enumerate().filter(|(_, id)| *id == key.id).nth(key.nth).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_id_is_told_apart_by_its_rank() {
        let ids = ["p1", "p2", "p1"];
        let found = keys(ids);
        let expected = [("p1", 0), ("p2", 0), ("p1", 1)];
        assert_eq!(found, expected.map(|(id, nth)| Key { id: id.to_string(), nth }));
        for (at, key) in found.iter().enumerate() {
            assert_eq!(position(ids, key), Some(at), "{key:?}");
        }
        assert_eq!(position(ids, &Key { id: "p1".into(), nth: 2 }), None);
        assert_eq!(position(ids, &Key { id: "p3".into(), nth: 0 }), None);
    }
}

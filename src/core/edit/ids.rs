//! Ids for things created in the app: a prefix and the next free number
//! (`cat-13`), readable in files and never reused while the list holds a
//! larger one.

/// `<prefix>-<n>` with `n` one more than the largest number already used
/// after that prefix among `ids` (1 when there is none).
pub fn next_id<'a>(prefix: &str, ids: impl IntoIterator<Item = &'a str>) -> String {
    let largest = ids
        .into_iter()
        .filter_map(|id| id.strip_prefix(prefix)?.strip_prefix('-')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}-{}", largest + 1)
}

#[cfg(test)]
mod tests {
    use super::next_id;

    #[test]
    fn takes_the_number_after_the_largest() {
        let check = |ids: &[&str], expected: &str| assert_eq!(next_id("cat", ids.iter().copied()), expected);
        check(&[], "cat-1");
        check(&["security", "reliability"], "cat-1");
        check(&["cat-1", "cat-7", "cat-3"], "cat-8");
        check(&["cat-x", "category-9", "cat-2"], "cat-3");
    }
}

//! The gaps grouped by category, as the report and the Markdown export list
//! them: one group per category in file order, and an [`UNCATEGORISED`]
//! group for the gaps whose category does not exist, so that every gap is
//! listed exactly once.

use std::collections::HashMap;

use crate::core::model::{Assessment, Category, Gap};

/// The name of the group of gaps whose category does not exist.
pub const UNCATEGORISED: &str = "Uncategorised";

/// The gaps of one category, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryGaps<'a> {
    /// The category; `None` for the gaps whose category no category has.
    pub category: Option<&'a Category>,
    pub gaps: Vec<&'a Gap>,
}

impl CategoryGaps<'_> {
    /// The group's heading: the category's name, or [`UNCATEGORISED`].
    pub fn name(&self) -> &str {
        self.category.map_or(UNCATEGORISED, |c| c.name.as_str())
    }
}

/// Every gap, grouped by category: one group per category in file order
/// (empty ones too), then, if any gap names a category that does not exist
/// (a file with problems can be opened), an [`UNCATEGORISED`] group. Each gap
/// is in exactly one group, so the groups' counts add up to the gaps; with
/// two categories of one id, the first one gets its gaps.
pub fn gaps_by_category(assessment: &Assessment) -> Vec<CategoryGaps<'_>> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, category) in assessment.categories.iter().enumerate() {
        first.entry(category.id.as_str()).or_insert(i);
    }
    let mut groups: Vec<CategoryGaps> =
        assessment.categories.iter().map(|c| CategoryGaps { category: Some(c), gaps: Vec::new() }).collect();
    let mut uncategorised = CategoryGaps { category: None, gaps: Vec::new() };
    for gap in &assessment.gaps {
        match first.get(gap.category.as_str()) {
            Some(&i) => groups[i].gaps.push(gap),
            None => uncategorised.gaps.push(gap),
        }
    }
    if !uncategorised.gaps.is_empty() {
        groups.push(uncategorised);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::present::query::tests::sample;

    /// Regression (review finding 11): the report grouped gaps by existing
    /// category, so a gap of a category that does not exist disappeared.
    #[test]
    fn every_gap_is_in_one_category_group() {
        let mut a = sample();
        // A second category with the id of the first: its gaps stay with the first.
        a.categories.push(Category::new("sec", "Security again"));
        a.categories.push(Category::new("empty", "Empty"));
        let groups = gaps_by_category(&a);
        let shown: Vec<(&str, Vec<&str>)> =
            groups.iter().map(|g| (g.name(), g.gaps.iter().map(|gap| gap.id.as_str()).collect())).collect();
        assert_eq!(
            shown,
            [
                ("Security", vec!["gap-1", "gap-3", "gap-6"]),
                ("Observability", vec!["gap-2", "gap-4"]),
                ("Security again", vec![]),
                ("Empty", vec![]),
                (UNCATEGORISED, vec!["gap-5"]),
            ]
        );
        assert_eq!(groups.iter().map(|g| g.gaps.len()).sum::<usize>(), a.gaps.len(), "the counts add up");
        // No gap without a category: no such group.
        a.gaps.retain(|g| g.category != "gone");
        assert!(gaps_by_category(&a).iter().all(|g| g.category.is_some()));
    }
}

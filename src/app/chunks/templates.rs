//! The built-in templates, read by the core from their texts: the
//! `gapmap_templates` chunk, fetched when "New assessment" starts from one.

use crate::core::Assessment;

/// Template `index` of [`crate::templates::TEMPLATES`], as an assessment.
pub(super) fn template(index: usize) -> Option<Assessment> {
    crate::templates::template_assessment(index)
}

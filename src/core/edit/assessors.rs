//! The assessors: the names of the people who made the assessment, set as
//! a whole from the one field that holds them all.

use crate::core::model::Assessment;

/// Sets the assessors to `names`; returns the names they replace, which
/// setting again gives back.
pub fn set_assessors(a: &mut Assessment, names: Vec<String>) -> Vec<String> {
    std::mem::replace(&mut a.assessors, names)
}

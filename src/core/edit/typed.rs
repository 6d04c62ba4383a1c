//! A list typed into one field, its entries separated by commas, as the
//! assessors and a gap's new tags are.

/// The entries of `typed`: split at each comma, trimmed, blanks dropped
/// ("Ana, Ben ,, Chloé" gives "Ana", "Ben", "Chloé").
pub fn comma_separated(typed: &str) -> Vec<String> {
    typed.split(',').map(str::trim).filter(|entry| !entry.is_empty()).map(str::to_string).collect()
}

//! Exact arithmetic for scores, days and money, and the one rounding rule.
//!
//! Files hold numbers as JSON, read into `f64`. Before any arithmetic each is
//! turned into the decimal a person wrote (`0.1` stays one tenth), and all sums
//! and products run in [`Decimal`], so no float drift reaches a total. Results
//! are rounded once, at the end: money to whole units, scores and days to one
//! decimal, both half away from zero. Arithmetic saturates instead of
//! overflowing, so absurd input gives absurd numbers, never a panic.

use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The decimal that `value` was written as: its shortest round-trip text.
/// Values that are not finite, or too large for a decimal, count as zero
/// (validation reports them).
pub fn exact(value: f64) -> Decimal {
    if !value.is_finite() {
        return Decimal::ZERO;
    }
    // `Display` for f64 gives the shortest text that reads back as the same
    // f64, and never uses exponent notation.
    Decimal::from_str(&value.to_string())
        .or_else(|_| Decimal::from_str_exact(&format!("{value:.12}")))
        .unwrap_or(Decimal::ZERO)
}

/// `value` rounded to `places` decimals, half away from zero, as an `f64`.
pub fn rounded(value: Decimal, places: u32) -> f64 {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero).to_f64().unwrap_or(0.0)
}

/// A score or a number of days or weeks as shown: one decimal.
pub fn one_decimal(value: Decimal) -> f64 {
    rounded(value, 1)
}

/// An amount of money as shown: whole currency units.
pub fn whole(value: Decimal) -> f64 {
    rounded(value, 0)
}

/// `a / b`, or `None` when `b` is zero.
pub fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// A range of computed values: the low and the high estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub min: Decimal,
    pub max: Decimal,
}

impl Span {
    pub const ZERO: Span = Span { min: Decimal::ZERO, max: Decimal::ZERO };

    pub fn new(min: Decimal, max: Decimal) -> Self {
        Span { min, max }
    }

    /// The same value at both ends.
    pub fn point(value: Decimal) -> Self {
        Span { min: value, max: value }
    }

    pub fn plus(self, other: Span) -> Span {
        Span { min: self.min.saturating_add(other.min), max: self.max.saturating_add(other.max) }
    }

    pub fn times(self, factor: Span) -> Span {
        Span { min: self.min.saturating_mul(factor.min), max: self.max.saturating_mul(factor.max) }
    }

    pub fn scale(self, factor: Decimal) -> Span {
        Span { min: self.min.saturating_mul(factor), max: self.max.saturating_mul(factor) }
    }
}

impl std::iter::Sum for Span {
    fn sum<I: Iterator<Item = Span>>(iter: I) -> Span {
        iter.fold(Span::ZERO, Span::plus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, expected: &str) {
        assert_eq!(exact(value).to_string(), expected, "exact({value})");
    }

    #[test]
    fn exact_keeps_the_written_decimal() {
        check(0.1, "0.1");
        check(4000.0, "4000");
        check(0.5, "0.5");
        check(1.0 / 3.0, "0.3333333333333333");
        check(f64::NAN, "0");
        check(f64::INFINITY, "0");
        check(1e300, "0");
    }

    #[test]
    fn tenths_add_without_drift() {
        let sum = exact(0.1) + exact(0.2);
        assert_eq!(sum, exact(0.3));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(one_decimal(exact(82.25)), 82.3);
        assert_eq!(one_decimal(exact(-82.25)), -82.3);
        assert_eq!(whole(exact(2.5)), 3.0);
        assert_eq!(whole(exact(-2.5)), -3.0);
        assert_eq!(one_decimal(exact(35.714285)), 35.7);
    }

    #[test]
    fn saturates_instead_of_overflowing() {
        let huge = Span::point(Decimal::MAX);
        assert_eq!(huge.plus(huge).max, Decimal::MAX);
        assert_eq!(huge.times(huge).min, Decimal::MAX);
    }
}

//! Amounts of money: a currency sign or code before or after the amount,
//! `K`, `M` and `B` scales, and ranges (`$120K-160K`, `$120-160K`); the
//! labels that state what a whole roadmap costs.

use super::numbers::{number, range_separator};
use super::text::words;

/// Whether a label states what the whole roadmap costs: `Total investment`,
/// `Total estimated cost`, `Overall budget`, `Stated total cost`.
pub fn is_total_cost_label(label: &str) -> bool {
    let words = words(label);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    has(&["total", "overall", "grand"]) && has(&["cost", "costs", "investment", "budget", "spend", "price"])
}

/// Money at the start of `text` or after a currency sign: `$120K`, `$1.2M`,
/// `€36,000`, `USD 5,000`, `5,000 EUR`. A range (`$120K-160K`, `$120-160K`)
/// gives both ends; one amount gives it twice. Returns the ends and the
/// currency code when one was written.
pub fn money(text: &str) -> Option<(f64, f64, Option<&'static str>)> {
    let text = text.trim();
    let (currency, rest) = currency_prefix(text);
    let (min, rest) = number(rest)?;
    let (min_scale, rest) = scale_suffix(rest);
    let mut max = None;
    let mut rest_after = rest;
    if let Some(after) = range_separator(rest) {
        let after = currency_prefix(after).1;
        if let Some((value, rest2)) = number(after) {
            let (scale, rest2) = scale_suffix(rest2);
            max = Some((value, scale));
            rest_after = rest2;
        }
    }
    let currency = currency.or_else(|| currency_suffix(rest_after));
    // Without a currency sign, `3-4` is a count, not money.
    currency?;
    let (min, max) = match max {
        None => (min * min_scale, min * min_scale),
        // `$120-160K`: the scale written once applies to both ends.
        Some((value, scale)) if min_scale == 1.0 && scale > 1.0 && min <= value => (min * scale, value * scale),
        Some((value, scale)) => (min * min_scale, value * scale),
    };
    (min.is_finite() && max.is_finite() && min <= max).then_some((min, max, currency))
}

fn currency_prefix(text: &str) -> (Option<&'static str>, &str) {
    let text = text.trim_start();
    for (sign, code) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")] {
        if let Some(rest) = text.strip_prefix(sign) {
            return (Some(code), rest.trim_start());
        }
    }
    if let (Some(code), Some(rest)) = (text.get(..3), text.get(3..)) {
        if let Some(code) = currency_code(code) {
            if rest.starts_with(' ') || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return (Some(code), rest.trim_start());
            }
        }
    }
    (None, text)
}

fn currency_suffix(rest: &str) -> Option<&'static str> {
    rest.split_whitespace().next().and_then(currency_code)
}

/// The ISO code of a currency written as its code.
fn currency_code(code: &str) -> Option<&'static str> {
    const CODES: [&str; 12] = ["USD", "EUR", "GBP", "JPY", "INR", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "CNY"];
    CODES.into_iter().find(|known| *known == code)
}

fn scale_suffix(text: &str) -> (f64, &str) {
    let mut chars = text.chars();
    let factor = match chars.next() {
        Some('k' | 'K') => 1e3,
        Some('m' | 'M') => 1e6,
        Some('b' | 'B') => 1e9,
        _ => return (1.0, text),
    };
    // `5 Months` is not five million: the letter must end the word.
    if chars.next().is_some_and(|c| c.is_alphabetic()) {
        return (1.0, text);
    }
    (factor, &text[1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_amounts() {
        assert_eq!(money("$120K-160K"), Some((120_000.0, 160_000.0, Some("USD"))));
        assert_eq!(money("$120-160K"), Some((120_000.0, 160_000.0, Some("USD"))));
        assert_eq!(money("$93K"), Some((93_000.0, 93_000.0, Some("USD"))));
        assert_eq!(money("€1.2M"), Some((1_200_000.0, 1_200_000.0, Some("EUR"))));
        assert_eq!(money("$36,000–$40,000"), Some((36_000.0, 40_000.0, Some("USD"))));
        assert_eq!(money("CHF 5,000"), Some((5_000.0, 5_000.0, Some("CHF"))));
        assert_eq!(money("5,000 EUR"), Some((5_000.0, 5_000.0, Some("EUR"))));
        assert_eq!(money("$0"), Some((0.0, 0.0, Some("USD"))));
        assert_eq!(money("3-4"), None);
        assert_eq!(money("High"), None);
        assert_eq!(money("$1.2M–1.5M"), Some((1_200_000.0, 1_500_000.0, Some("USD"))));
        assert_eq!(money("$900K–$1.2M"), Some((900_000.0, 1_200_000.0, Some("USD"))));
    }

    #[test]
    fn labels_of_a_total_cost() {
        for label in
            ["Total investment", "Total estimated cost", "Overall budget", "Stated total cost", "Grand total cost"]
        {
            assert!(is_total_cost_label(label), "{label}");
        }
        for label in ["Cost", "Total", "Total weeks", "Estimated cost", "Budget"] {
            assert!(!is_total_cost_label(label), "{label}");
        }
    }
}

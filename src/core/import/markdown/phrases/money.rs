//! Amounts of money: a currency sign or code before or after the amount,
//! `K`, `M` and `B` scales, and ranges (`$120K-160K`, `$120-160K`); the
//! labels that state what a whole roadmap costs.

use super::numbers::{number, range_separator};
use super::text::words;

/// The period a rate is stated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// `amount` a period as a weekly amount, with `hours_per_day` and
    /// `days_per_week` as the settings have them, and 52 weeks a year.
    pub fn weekly(self, amount: f64, hours_per_day: f64, days_per_week: f64) -> f64 {
        match self {
            Period::Hour => amount * hours_per_day * days_per_week,
            Period::Day => amount * days_per_week,
            Period::Week => amount,
            Period::Month => amount * 12.0 / 52.0,
            Period::Year => amount / 52.0,
        }
    }

    /// `per hour`, `per month` …
    pub fn per(self) -> &'static str {
        match self {
            Period::Hour => "per hour",
            Period::Day => "per day",
            Period::Week => "per week",
            Period::Month => "per month",
            Period::Year => "per year",
        }
    }

    /// How [`Period::weekly`] counted, in words.
    pub fn how(self, hours_per_day: f64, days_per_week: f64) -> String {
        let number = crate::core::present::display::number;
        match self {
            Period::Hour => {
                format!("at {} hours a day and {} days a week", number(hours_per_day), number(days_per_week))
            }
            Period::Day => format!("at {} days a week", number(days_per_week)),
            Period::Week => "as stated".to_string(),
            Period::Month => "at 12 months to 52 weeks".to_string(),
            Period::Year => "at 52 weeks a year".to_string(),
        }
    }
}

/// The period a rate's text or column states (`$150/h`, `per month`,
/// `Monthly rate`, `Salary`); `None` when it states none.
pub fn rate_period(text: &str) -> Option<Period> {
    words(text).iter().find_map(|w| {
        Some(match w.as_str() {
            "h" | "hr" | "hrs" | "hour" | "hourly" => Period::Hour,
            "d" | "day" | "daily" => Period::Day,
            "wk" | "week" | "weekly" => Period::Week,
            "mo" | "month" | "monthly" => Period::Month,
            "yr" | "year" | "yearly" | "annual" | "annually" | "salary" => Period::Year,
            _ => return None,
        })
    })
}

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
    fn periods_of_rates() {
        let check = |text: &str, expected: Option<Period>| assert_eq!(rate_period(text), expected, "{text}");
        check("$150/h", Some(Period::Hour));
        check("$1,200 per day", Some(Period::Day));
        check("Weekly rate", Some(Period::Week));
        check("$12,000/month", Some(Period::Month));
        check("Salary", Some(Period::Year));
        check("$4,000", None);
        check("Rate", None);
        assert_eq!(Period::Hour.weekly(150.0, 8.0, 5.0), 6000.0);
        assert_eq!(Period::Month.weekly(13_000.0, 8.0, 5.0), 3000.0);
        assert_eq!(Period::Year.weekly(104_000.0, 8.0, 5.0), 2000.0);
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

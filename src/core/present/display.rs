//! Numbers as people read them: scores, days, ranges and money, formatted the
//! same way in the app, the command line and every report.

use crate::core::numbers::summary::Bounds;

/// A count with its noun: "1 gap", "3 gaps".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A score with one decimal, or an em dash when there is none.
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

/// A number with at most one decimal, without a trailing `.0`.
pub fn number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// A number with exactly `places` decimals: gains (`2.02`) and rates, which
/// a gap among hundreds makes small.
pub fn decimals(value: f64, places: usize) -> String {
    format!("{value:.places$}")
}

/// A range of numbers: `13.5–21`, or one number when both ends agree.
pub fn range(min: f64, max: f64) -> String {
    if min == max {
        number(min)
    } else {
        format!("{}–{}", number(min), number(max))
    }
}

/// A whole amount of money with thousands separators and the currency's sign
/// (`$13,000`) or code (`CHF 13,000`).
pub fn money(amount: f64, currency: &str) -> String {
    let digits = format!("{:.0}", amount.abs());
    with_currency(amount < 0.0 && digits != "0", &grouped(&digits), currency)
}

/// An amount of money as entered, with the decimals it has: `$2,769.23`,
/// `$4,000`. For what a user typed (a weekly rate), where [`money`] would
/// round away what was typed.
pub fn money_as_entered(amount: f64, currency: &str) -> String {
    let text = format!("{}", amount.abs());
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut digits = grouped(whole);
    if let Some(fraction) = fraction {
        digits.push('.');
        digits.push_str(fraction);
    }
    with_currency(amount < 0.0, &digits, currency)
}

/// Digits with a comma between each group of three: `1,234,567`.
fn grouped(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// An amount with its sign and the currency's symbol (`$`) or code (`CHF `).
fn with_currency(negative: bool, amount: &str, currency: &str) -> String {
    let sign = if negative { "-" } else { "" };
    match currency_symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{amount}"),
        None => format!("{sign}{currency} {amount}"),
    }
}

/// A range of money: `$13,000–$39,000`, or one amount when both ends agree.
pub fn money_range(min: f64, max: f64, currency: &str) -> String {
    if min == max {
        money(min, currency)
    } else {
        format!("{}–{}", money(min, currency), money(max, currency))
    }
}

/// Why an amount of money is not known: `unknown — no rate for Engineers,
/// DevOps`, naming the roles whose weekly rate nobody has given.
pub fn unknown_rates(names: &[String]) -> String {
    if names.is_empty() {
        "unknown".to_string()
    } else {
        format!("unknown — no rate for {}", names.join(", "))
    }
}

/// A range of money, or why it is unknown (see [`unknown_rates`]): never
/// `$0` for labor nobody can price.
pub fn money_or_unknown(range: Option<Bounds>, missing: &[String], currency: &str) -> String {
    match range {
        Some(b) => money_range(b.min, b.max, currency),
        None => unknown_rates(missing),
    }
}

/// How far a computed amount is from a stated one, in whole percent of the
/// stated midpoint (half away from zero): negative below it, positive above;
/// `None` when the stated midpoint is 0, of which no share can be taken.
pub fn percent_from_stated(stated: Bounds, computed: Bounds) -> Option<f64> {
    let stated_mid = (stated.min + stated.max) / 2.0;
    let computed_mid = (computed.min + computed.max) / 2.0;
    if stated_mid == 0.0 || !stated_mid.is_finite() || !computed_mid.is_finite() {
        return None;
    }
    Some(((computed_mid - stated_mid) / stated_mid * 100.0).round())
}

/// An amount a source document stated beside the one computed, as the app,
/// the command line and the report show it: `stated $120,000–$160,000 ·
/// computed $96,000–$140,000, 16% below`, `… · computed $140,000, as
/// stated`, or `… · computed unknown — no rate for Engineers` (see
/// [`unknown_rates`]). The percent compares midpoints (see
/// [`percent_from_stated`]).
pub fn stated_beside_computed(stated: Bounds, computed: Option<Bounds>, missing: &[String], currency: &str) -> String {
    let stated_text = money_range(stated.min, stated.max, currency);
    let Some(computed) = computed else {
        return format!("stated {stated_text} · computed {}", unknown_rates(missing));
    };
    let computed_text = money_range(computed.min, computed.max, currency);
    let difference = match percent_from_stated(stated, computed) {
        Some(0.0) => ", as stated".to_string(),
        Some(p) if p < 0.0 => format!(", {}% below", number(-p)),
        Some(p) => format!(", {}% above", number(p)),
        None => String::new(),
    };
    format!("stated {stated_text} · computed {computed_text}{difference}")
}

fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_people_write_numbers() {
        assert_eq!(score(Some(53.66)), "53.7");
        assert_eq!(score(Some(60.0)), "60.0");
        assert_eq!(score(None), "—");
        assert_eq!(range(13.5, 21.0), "13.5–21");
        assert_eq!(range(5.0, 5.0), "5");
        assert_eq!(money(13000.0, "USD"), "$13,000");
        assert_eq!(money(1234567.0, "CHF"), "CHF 1,234,567");
        assert_eq!(money(999.0, "EUR"), "€999");
        assert_eq!(money(-1500.0, "USD"), "-$1,500");
        assert_eq!(money(0.0, "USD"), "$0");
        assert_eq!(money_range(17000.0, 47000.0, "USD"), "$17,000–$47,000");
        assert_eq!(money_as_entered(2769.23, "USD"), "$2,769.23");
        assert_eq!(money_as_entered(4000.0, "CHF"), "CHF 4,000");
        assert_eq!(money_as_entered(0.5, "EUR"), "€0.5");
    }

    #[test]
    fn stated_amounts_beside_computed_ones() {
        let b = |min: f64, max: f64| Bounds { min, max };
        let names = vec!["Engineers".to_string()];
        let check = |computed: Option<Bounds>, expected: &str| {
            assert_eq!(stated_beside_computed(b(120_000.0, 160_000.0), computed, &names, "USD"), expected);
        };
        check(None, "stated $120,000–$160,000 · computed unknown — no rate for Engineers");
        // Midpoints 118,000 against 140,000: 15.7% below.
        check(Some(b(96_000.0, 140_000.0)), "stated $120,000–$160,000 · computed $96,000–$140,000, 16% below");
        check(Some(b(147_000.0, 147_000.0)), "stated $120,000–$160,000 · computed $147,000, 5% above");
        check(Some(b(140_400.0, 140_400.0)), "stated $120,000–$160,000 · computed $140,400, as stated");
        assert_eq!(
            stated_beside_computed(b(0.0, 0.0), Some(b(5.0, 5.0)), &[], "EUR"),
            "stated €0 · computed €5",
            "no share of nothing"
        );
        assert_eq!(percent_from_stated(b(100.0, 100.0), b(50.0, 50.0)), Some(-50.0));
    }

    #[test]
    fn unknown_money_says_which_rates_are_missing() {
        let names = vec!["Engineers".to_string(), "DevOps".to_string()];
        assert_eq!(unknown_rates(&names), "unknown — no rate for Engineers, DevOps");
        assert_eq!(unknown_rates(&[]), "unknown");
        assert_eq!(money_or_unknown(None, &names, "USD"), "unknown — no rate for Engineers, DevOps");
        let known = Some(Bounds { min: 0.0, max: 0.0 });
        assert_eq!(money_or_unknown(known, &names, "USD"), "$0");
    }
}

/// Reads a number as a person types it into a field: blank is `None`, a
/// comma may stand for the decimal point, and anything else is refused with
/// a sentence to show at the field.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Commas that group thousands ("4,000", "1,250,000") are dropped; a
    // single comma otherwise stands for the decimal point ("2,5").
    let groups: Vec<&str> = trimmed.split(',').collect();
    let thousands = groups.len() > 1
        && groups[1..].iter().enumerate().all(|(i, g)| {
            let last = i == groups.len() - 2;
            let digits = if last { g.split('.').next().unwrap_or_default() } else { g };
            digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit())
        });
    let normalised = if thousands {
        trimmed.replace(',', "")
    } else if trimmed.contains('.') {
        trimmed.to_string()
    } else {
        trimmed.replacen(',', ".", 1)
    };
    match normalised.parse::<f64>() {
        Ok(value) if value.is_finite() && !normalised.contains(['e', 'E', 'i', 'I', 'n', 'N']) => Ok(Some(value)),
        _ => Err(format!("\u{201c}{trimmed}\u{201d} is not a number.")),
    }
}

/// Reads a number written where the comma is the decimal point (a CSV
/// separated by semicolons, as spreadsheets save in much of Europe): `0,125`
/// is an eighth, and dots and spaces group thousands (`1.250.000,5`,
/// `1 500`). A number with a dot and no comma is read with the dot as the
/// decimal point (`0.5`, as Gapmap's own export writes numbers), unless the
/// dot is followed by exactly three digits (`1.500`): that could be either
/// reading, so it is refused with a sentence saying how to write it.
pub fn parse_decimal_comma(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let not_a_number = || format!("\u{201c}{trimmed}\u{201d} is not a number.");
    // Spaces, including the no-break spaces spreadsheets put between groups.
    let compact: String = trimmed.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let (whole, fraction) = match compact.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (compact.as_str(), None),
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let whole = if groups.len() == 1 {
        whole.to_string()
    } else if fraction.is_none() && groups.len() == 2 && groups[1].len() != 3 {
        // One dot, no comma, not a group of three: the dot is the decimal point.
        return parse_plain(&compact).map(Some).ok_or_else(not_a_number);
    } else if groups[1..].iter().all(|g| g.len() == 3) {
        if fraction.is_none() && groups.len() == 2 {
            return Err(format!(
                "\u{201c}{trimmed}\u{201d} could be {} or {}; write it without the dot, or with a comma for the \
                 decimal point.",
                groups.concat(),
                compact.replacen('.', ",", 1)
            ));
        }
        groups.concat()
    } else {
        return Err(not_a_number());
    };
    let normalised = match fraction {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole,
    };
    parse_plain(&normalised).map(Some).ok_or_else(not_a_number)
}

/// A plain decimal number (`-12.5`): digits, one optional point, an
/// optional sign; no exponent, infinity or NaN.
fn parse_plain(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.split('.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next().unwrap_or_default();
    let plain = parts.next().is_none()
        && !(whole.is_empty() && fraction.is_empty())
        && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit());
    if !plain {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod parse_tests {
    use super::{parse_decimal_comma, parse_number};

    #[test]
    fn reads_numbers_as_typed() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("  "), Ok(None));
        assert_eq!(parse_number("42"), Ok(Some(42.0)));
        assert_eq!(parse_number(" 2.5 "), Ok(Some(2.5)));
        assert_eq!(parse_number("2,5"), Ok(Some(2.5)));
        // Regression: "4,000" was read as 4.
        assert_eq!(parse_number("4,000"), Ok(Some(4000.0)));
        assert_eq!(parse_number("12,500"), Ok(Some(12500.0)));
        assert_eq!(parse_number("1,250,000.5"), Ok(Some(1250000.5)));
        assert_eq!(parse_number("0,25"), Ok(Some(0.25)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        for bad in ["abc", "4x", "1e5", "inf", "NaN", "1,000.5.2", "--1"] {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
    }

    /// Regression (review finding 5): in a CSV separated by semicolons,
    /// `0,125` was read as 125.
    #[test]
    fn reads_numbers_with_a_decimal_comma() {
        let check = |text: &str, expected: Option<f64>| assert_eq!(parse_decimal_comma(text), Ok(expected), "{text}");
        check("", None);
        check("0,125", Some(0.125));
        check("2,5", Some(2.5));
        check("12", Some(12.0));
        check("-3,5", Some(-3.5));
        check("1.000,5", Some(1000.5));
        check("1.250.000", Some(1_250_000.0));
        check("1 500", Some(1500.0));
        check("1\u{a0}500,25", Some(1500.25));
        // Gapmap's own export writes a dot.
        check("0.5", Some(0.5));
        check("12.25", Some(12.25));
        let ambiguous = parse_decimal_comma("1.500").unwrap_err();
        assert!(ambiguous.contains("could be 1500 or 1,500"), "{ambiguous}");
        for bad in ["abc", "1,2,3", "1.5,25", "1e5", "inf", "NaN", "--1", ",", "-", "1.2.3"] {
            assert!(parse_decimal_comma(bad).is_err(), "{bad}");
        }
    }
}

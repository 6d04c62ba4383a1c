//! Numbers as documents write them: `1,234.5`, ranges (`2-3`, `2 – 3`,
//! `2 to 3`), a range followed by its unit (`3-4 weeks`), and dates written
//! `YYYY-MM-DD`.

/// A number at the start of `text` (`1,234.5`, `.5`), and the rest.
pub fn number(text: &str) -> Option<(f64, &str)> {
    let mut end = 0;
    let mut digits = String::new();
    let mut seen_digit = false;
    let mut seen_point = false;
    for (i, c) in text.char_indices() {
        match c {
            '0'..='9' => {
                digits.push(c);
                seen_digit = true;
            }
            '.' if !seen_point && text[i + 1..].starts_with(|d: char| d.is_ascii_digit()) => {
                digits.push('.');
                seen_point = true;
            }
            // A thousands separator sits between digits, three before the next one.
            ',' if seen_digit
                && !seen_point
                && text[i + 1..].bytes().take(3).filter(u8::is_ascii_digit).count() == 3 => {}
            _ => break,
        }
        end = i + c.len_utf8();
    }
    if !seen_digit || digits.len() > 15 {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some((value, &text[end..]))
}

/// Skips the dash, en dash, em dash or `to` between the ends of a range.
pub(super) fn range_separator(text: &str) -> Option<&str> {
    let t = text.trim_start();
    for separator in ["-", "–", "—", "to "] {
        if let Some(rest) = t.strip_prefix(separator) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// A range of two numbers or one (`2-3`, `2 – 3`, `2 to 3`, `4`) at the
/// start of `text`, and the rest. A range whose ends are upside down is not one.
pub fn range(text: &str) -> Option<(f64, f64, &str)> {
    let (min, rest) = number(text.trim_start())?;
    if let Some(after) = range_separator(rest) {
        if let Some((max, rest)) = number(after) {
            if max >= min {
                return Some((min, max, rest));
            }
        }
    }
    Some((min, min, rest))
}

/// A range followed by a unit word: `3-4 weeks`, `2 hours`, `10 minutes`.
/// Finds the first one anywhere in the text; the unit is returned lower-case.
pub fn quantity(text: &str) -> Option<(f64, f64, String)> {
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() || text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',') {
            continue;
        }
        let Some((min, max, rest)) = range(&text[i..]) else { continue };
        let unit: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        if !unit.is_empty() {
            return Some((min, max, unit.to_lowercase()));
        }
    }
    None
}

/// Rounds to two decimals: conversions between units should not show
/// `0.16666666666666666` hours.
pub(super) fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The first `YYYY-MM-DD` date in the text that is a real date.
pub fn iso_date(text: &str) -> Option<String> {
    text.char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .filter_map(|(i, _)| text.get(i..i + 10))
        .find(|candidate| crate::core::format::validate::is_iso_date(candidate))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(number("1,234.5 x"), Some((1234.5, " x")));
        assert_eq!(number("12, 13"), Some((12.0, ", 13")));
        assert_eq!(number("3."), Some((3.0, ".")));
        assert_eq!(number("x"), None);
        assert_eq!(number("99999999999999999999"), None);
        assert_eq!(range("2-3 days"), Some((2.0, 3.0, " days")));
        assert_eq!(range("2 – 3"), Some((2.0, 3.0, "")));
        assert_eq!(range("5-3"), Some((5.0, 5.0, "-3")));
        assert_eq!(range("0.5"), Some((0.5, 0.5, "")));
    }
}

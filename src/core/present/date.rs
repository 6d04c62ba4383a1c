//! Calendar dates as day numbers: `YYYY-MM-DD` (a milestone's `saved_on`,
//! today's date) read into a count of days, so that charts can place dates
//! on an axis and step a number of weeks forward, and written back.
//!
//! Day 0 is 1970-01-01 in the proleptic Gregorian calendar. Only real dates
//! from 0000-01-01 to 9999-12-31 are read; anything else is `None`, never a
//! panic. No time zones: a date is a day, whatever the clock said.

use crate::core::format::validate::is_iso_date;

/// The first and the last day that `YYYY-MM-DD` can write.
const FIRST_DAY: i64 = -719_528;
const LAST_DAY: i64 = 2_932_896;

/// The day number of a date written `YYYY-MM-DD`, optionally followed by a
/// time (`T…`), which is ignored; `None` for anything else.
pub fn day_number(text: &str) -> Option<i64> {
    let date = text.split_once('T').map_or(text, |(date, _)| date);
    if !is_iso_date(date) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| date.get(range).and_then(|p| p.parse::<i64>().ok());
    Some(days_from_civil(part(0..4)?, part(5..7)?, part(8..10)?))
}

/// The date of a day number, `YYYY-MM-DD`; `None` outside the years 0–9999.
pub fn date_text(day: i64) -> Option<String> {
    if !(FIRST_DAY..=LAST_DAY).contains(&day) {
        return None;
    }
    let (year, month, day) = civil_from_days(day);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

// The two conversions count in eras of 400 years (146,097 days), after
// which the Gregorian calendar repeats, with years starting in March so
// that the leap day falls at the end of a year.

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<i64>) {
        assert_eq!(day_number(text), expected, "{text:?}");
        if let Some(day) = expected {
            let date = text.split_once('T').map_or(text, |(date, _)| date);
            assert_eq!(date_text(day).as_deref(), Some(date), "day {day} writes back");
        }
    }

    #[test]
    fn dates_read_as_day_numbers_and_write_back() {
        check("1970-01-01", Some(0));
        check("1970-01-02", Some(1));
        check("1969-12-31", Some(-1));
        check("2000-03-01", Some(11_017));
        // 2000 was a leap year: 29 February comes between.
        check("2000-02-29", Some(11_016));
        check("2025-01-10T14:30", Some(20_098));
        check("0000-01-01", Some(FIRST_DAY));
        check("9999-12-31", Some(LAST_DAY));
        for bad in
            ["", "2025-02-30", "1900-02-29", "2025-13-01", "25-01-10", "2025/01/10", "T2025-01-10", "２０２５-01-10"]
        {
            check(bad, None);
        }
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        // 1600-03-01 to 2000-02-29: one whole era, every kind of leap year.
        let start = day_number("1600-03-01").unwrap();
        for day in start..start + 146_097 {
            let text = date_text(day).unwrap();
            assert_eq!(day_number(&text), Some(day), "{text}");
        }
        assert_eq!(date_text(start + 146_097).as_deref(), Some("2000-03-01"));
        assert_eq!(date_text(LAST_DAY + 1), None);
        assert_eq!(date_text(FIRST_DAY - 1), None);
    }
}

//! The roadmap in calendar time: each phase's start and end as dates, from
//! the assessment's `start_date` and the schedule's week ranges, and the
//! gaps that are overdue.
//!
//! Week n of the roadmap starts n × 7 days after the start date; weekends
//! and holidays are not special. A phase's start is the day its start week
//! falls on (a fraction of a week rounds down to the day it falls in); its
//! end is the last day it runs, the day before its end week falls (a
//! fraction rounds up first), never before its start. Both are ranges, the
//! earliest and the latest, as the weeks are.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::core::decimal::Span;
use crate::core::model::{Assessment, Gap, Status};
use crate::core::present::date::{date_text, day_number};

/// Days in a week.
const WEEK: Decimal = Decimal::from_parts(7, 0, 0, false, 0);

/// Two days (day numbers, see `present::date`), the earliest and the latest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    pub earliest: i64,
    pub latest: i64,
}

impl Days {
    /// The two dates as `YYYY-MM-DD`; `None` outside the years 0–9999.
    pub fn dates(self) -> Option<(String, String)> {
        Some((date_text(self.earliest)?, date_text(self.latest)?))
    }
}

/// When a phase runs, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseDays {
    /// The day it starts.
    pub start: Days,
    /// The last day it runs.
    pub end: Days,
}

/// The day `weeks` after `start`, a fraction rounded down (`up`: up); `None`
/// past what a day number holds.
fn day_after(start: i64, weeks: Decimal, up: bool) -> Option<i64> {
    let days = weeks.checked_mul(WEEK)?;
    let days = if up { days.ceil() } else { days.floor() };
    start.checked_add(days.to_i64()?)
}

/// The days a phase of weeks `start_week`–`end_week` runs, for a roadmap
/// that starts on day `start`; `None` when a day falls outside what dates
/// can write.
pub fn phase_days(start: i64, start_week: Span, end_week: Span) -> Option<PhaseDays> {
    let first =
        Days { earliest: day_after(start, start_week.min, false)?, latest: day_after(start, start_week.max, false)? };
    let last = |weeks: Decimal, not_before: i64| Some((day_after(start, weeks, true)? - 1).max(not_before));
    let end = Days { earliest: last(end_week.min, first.earliest)?, latest: last(end_week.max, first.latest)? };
    let days = PhaseDays { start: first, end };
    (days.start.dates().is_some() && days.end.dates().is_some()).then_some(days)
}

/// The day the roadmap starts, when the assessment gives a real date.
pub fn start_day(assessment: &Assessment) -> Option<i64> {
    assessment.start_date.as_deref().and_then(day_number)
}

/// Whether `gap` is overdue on day `as_of`: its due day has passed and it
/// is neither done nor not applicable. An accepted gap is overdue too: an
/// acceptance is not a closing.
pub fn is_overdue(gap: &Gap, as_of: Option<i64>) -> bool {
    let (Some(as_of), Some(due)) = (as_of, gap.due.as_deref().and_then(day_number)) else {
        return false;
    };
    due < as_of && !matches!(gap.status, Status::Done | Status::NotApplicable)
}

/// The gaps overdue on day `as_of`, in file order.
pub fn overdue(assessment: &Assessment, as_of: Option<i64>) -> impl Iterator<Item = &Gap> {
    assessment.gaps.iter().filter(move |gap| is_overdue(gap, as_of))
}
